"""maintenance.ics: every window in a calendar app, updated when staff move or cancel it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from tests.built import build_at
from tests.sites import run, write_site

MAINTENANCE_PATH = "maintenance/2026-03-20-db-upgrade.md"
MAINTENANCE = """\
---
title: Database upgrade
scheduled_start: 2026-03-20 02:00
scheduled_end: 2026-03-20 04:00
components: [api]
---

We upgrade the primary database.

## 2026-03-13 16:00 UTC · scheduled · alice

Scheduled for March 20, 07:00 to 09:00 UTC.
"""
MOVED = """
## 2026-03-16 10:00 UTC · scheduled · alice

Moved by one day, to March 21, 07:00 to 09:00 UTC.
"""
CANCELLED = """
## 2026-03-17 10:00 UTC · cancelled · bob

Cancelled: the vendor withdrew the release.
"""


def events(out: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((out / "maintenance.ics").read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def the_event(out: Path) -> icalendar.Event:
    (event,) = events(out).values()
    return event


def test_every_demo_window_is_an_event_with_its_window_in_utc(demo_build: Path) -> None:
    found = events(demo_build)
    assert len(found) == 3
    by_summary = {str(event["SUMMARY"]): event for event in found.values()}
    etcd = by_summary["Managed Kubernetes control plane storage migration in CHI1"]
    assert etcd["DTSTART"].dt == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert etcd["DTEND"].dt == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert str(etcd["URL"]) == "https://status.harbor.example/maintenance/2026-11-25-kubernetes-etcd-migration/"
    assert str(etcd["UID"]) == "maintenance/2026-11-25-kubernetes-etcd-migration@status.harbor.example"
    assert etcd["STATUS"] == "CONFIRMED" and etcd["SEQUENCE"] == 1
    assert etcd["DTSTAMP"].dt == datetime(2026, 11, 16, 17, 0, tzinfo=UTC)
    raw = (demo_build / "maintenance.ics").read_bytes()
    assert b"DTSTART:20261125T080000Z\r\n" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_a_window_written_in_the_sites_timezone_is_published_in_utc(tmp_path: Path) -> None:
    out = build_at(write_site(tmp_path / "site", {MAINTENANCE_PATH: MAINTENANCE}), "2026-03-15T00:00:00Z")
    event = the_event(out)
    assert event["DTSTART"].dt == datetime(2026, 3, 20, 7, 0, tzinfo=UTC)  # 02:00 CDT
    assert event["DTEND"].dt == datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    assert event["DESCRIPTION"].endswith("https://status.example.com/maintenance/2026-03-20-db-upgrade/")


def test_a_moved_window_bumps_sequence_and_keeps_its_uid(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {MAINTENANCE_PATH: MAINTENANCE})
    before = the_event(build_at(root, "2026-03-18T00:00:00Z", tmp_path / "before"))
    moved = MAINTENANCE.replace("2026-03-20 02:00", "2026-03-21 02:00").replace("2026-03-20 04:00", "2026-03-21 04:00")
    (root / MAINTENANCE_PATH).write_text(moved + MOVED, encoding="utf-8")
    after = the_event(build_at(root, "2026-03-18T00:00:00Z", tmp_path / "after"))
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["DTSTAMP"].dt > before["DTSTAMP"].dt
    assert after["DTSTART"].dt == datetime(2026, 3, 21, 7, 0, tzinfo=UTC)


def test_a_cancelled_window_stays_in_the_calendar_as_cancelled(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {MAINTENANCE_PATH: MAINTENANCE + CANCELLED})
    before = the_event(build_at(root, "2026-03-16T00:00:00Z", tmp_path / "before"))
    after = the_event(build_at(root, "2026-03-18T00:00:00Z", tmp_path / "after"))
    assert before["STATUS"] == "CONFIRMED"
    assert after["STATUS"] == "CANCELLED"
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_the_calendar_depends_on_the_content_not_the_clock(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {MAINTENANCE_PATH: MAINTENANCE})
    first = build_at(root, "2026-03-15T00:00:00Z", tmp_path / "first")
    second = build_at(root, "2026-03-19T23:00:00Z", tmp_path / "second")
    assert (first / "maintenance.ics").read_bytes() == (second / "maintenance.ics").read_bytes()
    assert the_event(first)["DTSTAMP"].dt == datetime(2026, 3, 13, 16, 0, tzinfo=UTC)


def test_each_window_reminds_an_hour_before_by_default(demo_build: Path) -> None:
    for event in events(demo_build).values():
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm["TRIGGER"].dt == -timedelta(hours=1)
        assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"


def test_maintenance_alarm_sets_how_long_before(tmp_path: Path) -> None:
    settings = ('title = "S"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\n'
                'maintenance_alarm = "P1DT2H30M"\n')
    out = build_at(write_site(tmp_path / "site", {"site.toml": settings, MAINTENANCE_PATH: MAINTENANCE}),
                   "2026-03-14T00:00:00Z")
    (alarm,) = the_event(out).walk("VALARM")
    assert alarm["TRIGGER"].dt == -timedelta(days=1, hours=2, minutes=30)


def test_a_cancelled_window_reminds_no_one(tmp_path: Path) -> None:
    out = build_at(write_site(tmp_path / "site", {MAINTENANCE_PATH: MAINTENANCE + CANCELLED}), "2026-03-18T00:00:00Z")
    assert the_event(out).walk("VALARM") == []


@pytest.mark.parametrize(("written", "message"), [
    ('"1 hour"', "'maintenance_alarm' is '1 hour', which is not a duration"),
    ('"PT"', "'maintenance_alarm' is 'PT', which is not a duration"),
    ('"PT\u0661H"', "'maintenance_alarm' is 'PT\u0661H', which is not a duration"),
    ('"P8D"', "'maintenance_alarm' must be between PT0M and P7D, not P8D"),
])
def test_a_bad_maintenance_alarm_is_an_error_with_its_line(tmp_path: Path, written: str, message: str) -> None:
    settings = f'title = "S"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\nmaintenance_alarm = {written}\n'
    site = write_site(tmp_path / "site", {"site.toml": settings})
    result = run("build", str(site), "--out", str(tmp_path / "out"), "--now", "2026-03-14T00:00:00Z")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert f"site.toml:4: error: {message}" in result.stderr, result.stderr
    assert "ISO 8601 duration" in result.stderr
    assert not (tmp_path / "out").exists()
