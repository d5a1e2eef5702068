"""Parsing an incident file into the model, rule by rule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from generator.core.model import ComponentStatus, Incident
from generator.source.parse import parse_incident, parse_maintenance, slugify
from tests.sites import INCIDENT

CHICAGO = ZoneInfo("America/Chicago")


def parse(text: str) -> Incident:
    parsed = parse_incident(text, "slug", "x.md", CHICAGO)
    assert not [p for p in parsed.problems if p.severity.value == "error"], parsed.problems
    assert isinstance(parsed.item, Incident)
    return parsed.item


@pytest.mark.parametrize("separator", [" · ", " | ", " - ", "·", "|"])
def test_every_separator_splits_an_update_heading(separator: str) -> None:
    heading = separator.join(["2026-03-14 09:20 UTC", "investigating", "alice"])
    incident = parse(INCIDENT.replace("2026-03-14 09:20 UTC · investigating · alice", heading))
    first = incident.updates[0]
    assert (first.at, first.status, first.author) == (datetime(2026, 3, 14, 9, 20, tzinfo=UTC), "investigating", "alice")


def test_a_time_with_an_offset_keeps_its_hyphen_out_of_the_separator() -> None:
    incident = parse(INCIDENT.replace("2026-03-14 09:20 UTC · investigating", "2026-03-14 04:20-05:00 - investigating"))
    assert incident.updates[0].at == datetime(2026, 3, 14, 9, 20, tzinfo=UTC)


def test_update_times_without_zone_are_in_the_site_timezone() -> None:
    incident = parse(INCIDENT.replace("2026-03-14 09:20 UTC", "2026-03-14 04:20"))
    assert incident.updates[0].at == datetime(2026, 3, 14, 9, 20, tzinfo=UTC)


def test_summary_updates_and_line_numbers() -> None:
    incident = parse(INCIDENT)
    assert incident.summary.html == "<p>Some API requests failed.</p>\n"
    assert [u.line for u in incident.updates] == [10, 14]
    assert [u.status for u in incident.updates] == ["investigating", "resolved"]
    assert incident.components[0].id == "api" and incident.components[0].status is None


def test_next_update_by_a_clock_time_or_a_full_time() -> None:
    incident = parse(INCIDENT)
    assert incident.updates[0].next_update == datetime(2026, 3, 14, 10, 0, tzinfo=UTC)
    other = parse(INCIDENT.replace("Next update by 10:00 UTC.", "Next update by 2026-03-15 08:00 UTC."))
    assert other.updates[0].next_update == datetime(2026, 3, 15, 8, 0, tzinfo=UTC)


def test_component_map_overrides_the_status() -> None:
    incident = parse(INCIDENT.replace("components: [api]", "components: {api: major_outage, dashboard: degraded_performance}"))
    assert [(c.id, c.status) for c in incident.components] == [
        ("api", ComponentStatus.MAJOR_OUTAGE), ("dashboard", ComponentStatus.DEGRADED_PERFORMANCE)]


def test_technical_details_are_split_from_the_plain_text_wherever_they_are() -> None:
    text = INCIDENT.replace("Some API requests failed.", "Some API requests failed.\n\n### Technical details\n\n"
                            "```\n### not a heading\n```\n\nPool size 20.")
    text = text.replace("Error rates are back to normal.", "Error rates are back to normal.\n\n"
                        "### Technical details\n\nWe raised `max_connections`.")
    incident = parse(text)
    assert "Pool size 20" not in incident.summary.html
    assert "### not a heading" in incident.summary.technical_html and "Pool size 20" in incident.summary.technical_html
    assert "<code>max_connections</code>" in incident.updates[1].body.technical_html
    assert "max_connections" not in incident.updates[1].body.html


def test_an_update_heading_inside_a_code_fence_is_text() -> None:
    text = INCIDENT.replace("We see elevated 5xx rates.", "We see:\n\n```\n## 2026-03-14 09:30 UTC · resolved · bob\n```\n")
    incident = parse(text)
    assert len(incident.updates) == 2
    assert "resolved · bob" in incident.updates[0].body.html


def test_postmortem_questions_and_action_items() -> None:
    text = INCIDENT + """
## Postmortem · bob

### What happened

A pool ran dry.

### What we are doing so it does not happen again

- [ ] Alert on pool saturation (owner: bob, due: 2026-04-01)
- [x] Raise pool size on all replicas (owner: alice)
- [ ] Review limits
"""
    postmortem = parse(text).postmortem
    assert postmortem is not None and postmortem.author == "bob" and postmortem.line == 18
    assert postmortem.questions == ("What happened", "What we are doing so it does not happen again")
    items = [(i.text, i.done, i.owner, i.due) for i in postmortem.action_items]
    assert items == [("Alert on pool saturation", False, "bob", date(2026, 4, 1)),
                     ("Raise pool size on all replicas", True, "alice", None),
                     ("Review limits", False, None, None)]


def test_raw_html_and_unsafe_links_never_reach_the_page() -> None:
    text = INCIDENT.replace("Some API requests failed.", "<script>alert(1)</script> [x](javascript:alert(1)) "
                            "[y](data:text/html,hi) ![pixel](https://tracker.example/p.png) [ok](https://example.com/)")
    html = parse(text).summary.html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert "<img" not in html and 'href="https://tracker.example/p.png"' in html
    assert '<a href="https://example.com/">ok</a>' in html


def test_tables_footnotes_and_task_lists_render() -> None:
    text = INCIDENT.replace("Some API requests failed.", "| a | b |\n|---|---|\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: A footnote.")
    html = parse(text).summary.html
    assert "<table>" in html and "footnote" in html


def test_an_incident_without_updates_is_an_error() -> None:
    parsed = parse_incident(INCIDENT.split("## ")[0], "slug", "x.md", CHICAGO)
    assert parsed.item is None
    assert [p.message for p in parsed.problems] == ["incident has no updates"]


def test_maintenance_updates_use_the_maintenance_statuses() -> None:
    text = ("---\ntitle: DB upgrade\nscheduled_start: 2026-03-20T10:00:00Z\nscheduled_end: 2026-03-20T12:00:00Z\n"
            "components: [api]\n---\n\nWork.\n\n## 2026-03-19 10:00 UTC · scheduled · alice\n\nPlanned.\n\n"
            "## 2026-03-20 10:00 UTC · investigating · alice\n\nStarted.\n")
    parsed = parse_maintenance(text, "m", "m.md", CHICAGO)
    assert [p.message for p in parsed.problems] == [
        "update status 'investigating' is not one of: scheduled, in_progress, verifying, completed, cancelled"]


@pytest.mark.parametrize(("stem", "slug"), [
    ("2026-03-14 API errors", "2026-03-14-api-errors"),
    ("Störung im Rechenzentrum", "storung-im-rechenzentrum"),
    ("../../etc/passwd", "etc-passwd"),
    ("日本語", ""),
])
def test_slugs_are_safe_url_segments(stem: str, slug: str) -> None:
    assert slugify(stem) == slug


@pytest.mark.parametrize("heading", ["## 2026-03-14 09:20 UTC · investigating", "## 2026-03-14 09:20 UTC · investigating ·"])
def test_an_update_heading_without_an_author_says_the_author_is_missing(heading: str) -> None:
    text = INCIDENT.replace("## 2026-03-14 09:20 UTC · investigating · alice", heading)
    problems = parse_incident(text, "x", "x.md", UTC).problems
    assert [(p.line, p.message) for p in problems] == [
        (10, f"update heading names no author: '{heading.rstrip(' ·')}'")]
    assert "e.g. '## 2026-03-14 09:20 UTC · investigating · alice'" in problems[0].hint
