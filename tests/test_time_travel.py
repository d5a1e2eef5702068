"""A build at a past "now" publishes only what was published by then, postmortems included.

A postmortem is dated by its heading (`## Postmortem · <time> · <author>`);
one written without a time is published with the incident's resolution, never
while the incident is still open.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest

from tests.sites import INCIDENT, INVESTIGATING, run, write_site

PAGE = "incidents/2026-03-14-api-errors/index.html"
ANSWER = "The pool was too small for the retry storm."


def postmortem(heading: str) -> str:
    return f"\n## {heading}\n\n### What happened\n\n{ANSWER}\n"


def build_at(tmp_path: Path, incident: str, now: str) -> Path:
    root = write_site(tmp_path / f"site-{now}", {"incidents/2026-03-14-api-errors.md": incident})
    out = tmp_path / f"out-{now}"
    result = run("build", str(root), "--out", str(out), "--now", now)
    assert result.exit_code == 0, result.output
    return out


def published_everywhere(out: Path) -> dict[str, bool]:
    """Whether the postmortem's text is out, in each output a reader or a machine reads."""
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    incidents = json.loads((out / "api/v2/incidents.json").read_text(encoding="utf-8"))["incidents"]
    atom = feedparser.parse((out / "feed.atom").read_bytes())
    return {
        "page": ANSWER in (out / PAGE).read_text(encoding="utf-8"),
        "feed.json": any(ANSWER in item["content_html"] for item in feed["items"]),
        "feed.atom": any(ANSWER in entry.content[0].value for entry in atom.entries),
        "api": any(item["statusblog"]["postmortem"] is not None for item in incidents),
    }


@pytest.mark.parametrize(("now", "out_by_then"), [
    ("2026-03-14T10:00:00Z", False),  # still open
    ("2026-03-14T11:30:00Z", False),  # resolved, postmortem not written yet
    ("2026-03-16T15:00:00Z", True),   # the postmortem's own time
])
def test_a_dated_postmortem_is_published_from_its_own_time(tmp_path: Path, now: str, out_by_then: bool) -> None:
    out = build_at(tmp_path, INCIDENT + postmortem("Postmortem · 2026-03-16 15:00 UTC · bob"), now)
    assert published_everywhere(out) == dict.fromkeys(("page", "feed.json", "feed.atom", "api"), out_by_then)


def test_a_dated_postmortem_entry_carries_its_own_time(tmp_path: Path) -> None:
    out = build_at(tmp_path, INCIDENT + postmortem("Postmortem · 2026-03-16 15:00 UTC · bob"), "2026-03-20T00:00:00Z")
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    [entry] = [item for item in feed["items"] if item["_statusblog"]["status"] == "postmortem"]
    assert entry["date_published"] == "2026-03-16T15:00:00Z"
    assert 'datetime="2026-03-16T15:00:00Z"' in (out / PAGE).read_text(encoding="utf-8")


def test_an_undated_postmortem_of_an_open_incident_waits_for_the_resolution(tmp_path: Path) -> None:
    text = INCIDENT + postmortem("Postmortem · bob")
    assert not any(published_everywhere(build_at(tmp_path, text, "2026-03-14T10:00:00Z")).values())
    assert all(published_everywhere(build_at(tmp_path, text, "2026-03-14T11:02:00Z")).values())


def test_an_undated_postmortem_of_an_incident_never_resolved_is_not_published(tmp_path: Path) -> None:
    out = build_at(tmp_path, INVESTIGATING + postmortem("Postmortem · bob"), "2026-04-01T00:00:00Z")
    assert not any(published_everywhere(out).values())


def test_a_postmortem_time_that_does_not_parse_is_an_error_at_its_heading(tmp_path: Path) -> None:
    text = INCIDENT + postmortem("Postmortem · yesterday · bob")
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": text})
    result = run("check", str(root), "--now", "2026-03-20T00:00:00Z")
    line = text.splitlines().index("## Postmortem · yesterday · bob") + 1
    assert result.exit_code != 0
    assert f"2026-03-14-api-errors.md:{line}: error: postmortem time:" in result.output
    assert "Traceback" not in result.output
