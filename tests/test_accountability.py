"""What a customer can check: promised updates kept or late, components that recover before the incident closes.

Each test builds a small real site and reads what a reader or a client would: the page's text, the
Statuspage-shaped JSON, the feed through feedparser.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import feedparser

from tests.built import build_at
from tests.sites import INCIDENT, dedent, run, write_site

pytest_plugins = ["tests.translated_build"]

PATH = "incidents/2026-03-14-api-errors.md"
LATE = """\
---
title: Object storage errors
impact: critical
components: [api, dashboard]
started: 2026-03-14T18:50:00Z
---

Uploads failed.

## 2026-03-14 19:00 UTC · investigating · alice

We are looking into failed uploads. Next update by 19:30 UTC.

## 2026-03-14 19:37 UTC · identified · bob

A bad disk. The API works again; the dashboard is slow.

Components: api=operational, dashboard=degraded_performance

Next update by 20:30 UTC.

## 2026-03-14 20:10 UTC · resolved · bob

Components: dashboard=operational

All fixed.
"""


def text_of(html: str) -> str:
    """A page's text as a reader sees it, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def build(tmp_path: Path, text: str = LATE, now: str = "2026-03-15T00:00:00Z") -> Path:
    return build_at(write_site(tmp_path / "site", {PATH: text}), now, tmp_path / "out")


def test_an_update_that_came_late_says_so_in_words_beside_it(tmp_path: Path) -> None:
    out = build(tmp_path)
    page = text_of((out / "incidents/2026-03-14-api-errors/index.html").read_text(encoding="utf-8"))
    late = page.index("Late: 7 minutes after the promised")
    assert page.index("Identified") < late < page.index("A bad disk")
    assert page.count("Late:") == 1  # the resolution came by 20:30, as promised


def test_promises_kept_are_counted_per_quarter_and_listed_per_incident(tmp_path: Path) -> None:
    out = build(tmp_path)
    uptime = json.loads((out / "api/uptime.json").read_text(encoding="utf-8"))
    quarter = next(q for q in uptime["quarters"] if q["quarter"] == "2026-Q1")
    assert (quarter["promises_due"], quarter["promises_on_time"]) == (2, 1)
    assert quarter["median_promise_lateness_seconds"] == 7 * 60
    assert [(item["incident"], item["due_at"], item["next_update_at"], item["late_seconds"])
            for item in uptime["late_updates"]] == [
        ("2026-03-14-api-errors", "2026-03-14T19:30:00Z", "2026-03-14T19:37:00Z", 420)]
    page = text_of((out / "uptime/index.html").read_text(encoding="utf-8"))
    promised = page[page.index("Promised updates delivered on time"):page.index("Late updates")]
    assert "All time 1 of 2 7 minutes" in promised and "2026-Q1 1 of 2 7 minutes" in promised
    late = page[page.index("Late updates"):page.index("Overdue postmortems")]
    assert "✖ 7 minutes late" in late and "Object storage errors" in late


def test_the_api_gives_each_promise_and_each_updates_component_changes(tmp_path: Path) -> None:
    out = build(tmp_path)
    incident = json.loads((out / "api/v2/incidents.json").read_text(encoding="utf-8"))["incidents"][0]
    assert [(p["due_at"], p["on_time"], p["late_seconds"]) for p in incident["statusblog"]["promises"]] == [
        ("2026-03-14T19:30:00Z", False, 420), ("2026-03-14T20:30:00Z", True, None)]
    changes = [[(c["name"], c["old_status"], c["new_status"]) for c in u["affected_components"] or []]
               for u in reversed(incident["incident_updates"])]
    assert changes == [
        [("Public API", "operational", "major_outage"), ("Dashboard", "operational", "major_outage")],
        [("Public API", "major_outage", "operational"), ("Dashboard", "major_outage", "degraded_performance")],
        [("Dashboard", "degraded_performance", "operational")],
    ]
    assert "Components:" not in incident["incident_updates"][1]["body"]


def test_the_timeline_and_the_feed_say_which_component_recovered(tmp_path: Path) -> None:
    out = build(tmp_path)
    page = text_of((out / "incidents/2026-03-14-api-errors/index.html").read_text(encoding="utf-8"))
    assert "Public API: operational again" in page
    assert "Dashboard: ◐ Degraded performance" in page
    assert "Components:" not in page
    feed = feedparser.parse((out / "feed.atom").read_bytes())
    identified = next(entry for entry in feed.entries if entry.title.startswith("[Identified]"))
    assert "Public API: Operational" in identified.summary
    assert "Dashboard: Degraded performance" in identified.summary


def test_the_home_page_shows_only_the_components_still_down(tmp_path: Path) -> None:
    open_incident = LATE.split("## 2026-03-14 20:10")[0]
    out = build(tmp_path, open_incident, now="2026-03-14T19:50:00Z")
    summary = json.loads((out / "api/v2/summary.json").read_text(encoding="utf-8"))
    statuses = {c["name"]: c["status"] for c in summary["components"] if not c.get("group")}
    assert statuses == {"Public API": "operational", "Dashboard": "degraded_performance"}


def check(root: Path) -> tuple[int, str]:
    result = run("check", str(root), "--now", "2026-03-15T00:00:00Z")
    return result.exit_code, result.stderr


def test_a_bad_components_line_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = LATE.replace("Components: api=operational, dashboard=degraded_performance",
                        "Components: api=operatonal, storage=major_outage, dashboard")
    root = write_site(tmp_path, {PATH: text})
    code, stderr = check(root)
    where = os.path.relpath(root / PATH) + ":18: error: "
    assert code == 1
    assert where + "'operatonal' is not a component status" in stderr
    assert "did you mean 'operational'" in stderr
    assert where + "'dashboard' in 'Components:' is not <id>=<status>" in stderr
    assert "Traceback" not in stderr


def test_an_unknown_component_on_a_components_line_names_the_known_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, {PATH: LATE.replace("dashboard=operational", "dashbaord=operational")})
    code, stderr = check(root)
    assert code == 1
    assert os.path.relpath(root / PATH) + ":24: error: unknown component 'dashbaord'" in stderr
    assert "did you mean 'dashboard'" in stderr


def test_a_components_line_inside_a_code_fence_is_only_text(tmp_path: Path) -> None:
    text = INCIDENT.replace("Error rates are back to normal.",
                            "The config now reads:\n\n```\nComponents: not=parsed\n```")
    out = build(tmp_path, dedent(text))
    assert "Components: not=parsed" in (out / "incidents/2026-03-14-api-errors/index.html").read_text(encoding="utf-8")


def test_an_overdue_postmortem_is_said_on_the_incident_page(tmp_path: Path) -> None:
    # Major, resolved 2026-03-14 11:02 UTC; the postmortem is due 7 days later.
    root = write_site(tmp_path / "site")
    page = "incidents/2026-03-14-api-errors/index.html"
    before = text_of((build_at(root, "2026-03-21T11:00:00Z", tmp_path / "before") / page).read_text(encoding="utf-8"))
    after = text_of((build_at(root, "2026-03-22T00:00:00Z", tmp_path / "after") / page).read_text(encoding="utf-8"))
    assert "Postmortem due since" not in before
    assert "Postmortem due since Mar 21, 2026, 6:02 AM CDT (2026-03-21 11:02 UTC)" in after


def test_an_indonesian_sites_badges_speak_indonesian(indonesian_build: Path) -> None:
    site = (indonesian_build / "badge.svg").read_text(encoding="utf-8")
    component = (indonesian_build / "components/object-storage/badge.svg").read_text(encoding="utf-8")
    assert ">gangguan sebagian<" in site and ">partial outage<" not in site
    assert ">gangguan sebagian<" in component


def test_feed_and_calendar_bytes_do_not_name_statusblogs_version(tmp_path: Path) -> None:
    out = build(tmp_path)
    atom = feedparser.parse((out / "feed.atom").read_bytes())
    assert atom.feed.generator_detail.get("version") is None
    assert "<generator>statusblog</generator>" in (out / "feed.xml").read_text(encoding="utf-8")
    assert "PRODID:-//statusblog//statusblog//EN" in (out / "maintenance.ics").read_text(encoding="utf-8")
