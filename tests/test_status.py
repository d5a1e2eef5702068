"""Derived state at "now": what customers are told is broken, and since when."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from generator.core.model import ComponentStatus
from generator.core.problems import Problems
from generator.derive.state import SiteState, derive
from generator.source.loader import load_site
from tests.sites import INCIDENT, write_site

T = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)  # after the first update, before resolution
OPEN = INCIDENT.split("## 2026-03-14 11:02 UTC")[0]
MAINTENANCE = """\
---
title: Dashboard upgrade
scheduled_start: 2026-03-14T09:00:00Z
scheduled_end: 2026-03-14T10:00:00Z
components: [dashboard]
---

The dashboard is read-only during the window.
"""


def state(root: Path, now: datetime) -> SiteState:
    problems = Problems()
    site = load_site(root, problems)
    assert site is not None and not problems.errors, problems.errors
    return derive(site, now)


def test_an_open_incident_sets_its_components_from_its_impact(tmp_path: Path) -> None:
    s = state(write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": OPEN}), T)
    incident = s.incidents[0]
    assert incident.is_open and incident.status == "investigating"
    assert incident.duration == timedelta(minutes=18)
    assert incident.first_update_delay == timedelta(minutes=8)
    assert incident.eta == datetime(2026, 3, 14, 10, 0, tzinfo=UTC) and not incident.eta_overdue
    assert s.components["api"].status is ComponentStatus.PARTIAL_OUTAGE
    assert s.components["dashboard"].status is ComponentStatus.OPERATIONAL
    assert (s.overall.indicator, s.overall.parts) == ("major", ((ComponentStatus.PARTIAL_OUTAGE, ("Public API",)),))


def test_a_resolved_incident_leaves_components_operational(tmp_path: Path) -> None:
    s = state(write_site(tmp_path), datetime(2026, 3, 15, tzinfo=UTC))
    incident = s.incidents[0]
    assert not incident.is_open and incident.status == "resolved"
    assert incident.resolved_at == datetime(2026, 3, 14, 11, 2, tzinfo=UTC)
    assert incident.duration == timedelta(hours=1, minutes=50)
    assert incident.eta is None
    assert s.components["api"].status is ComponentStatus.OPERATIONAL
    assert (s.overall.indicator, s.overall.parts, s.overall.open_incidents) == ("none", (), 0)


def test_an_override_sets_each_component_and_the_worst_open_incident_wins(tmp_path: Path) -> None:
    override = OPEN.replace("components: [api]", "components: {api: major_outage, dashboard: degraded_performance}")
    minor = OPEN.replace("impact: major", "impact: minor").replace("components: [api]", "components: [dashboard, api]")
    s = state(write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": override,
                                    "incidents/2026-03-14-minor.md": minor}), T)
    assert s.components["api"].status is ComponentStatus.MAJOR_OUTAGE
    assert s.components["dashboard"].status is ComponentStatus.DEGRADED_PERFORMANCE
    assert s.overall.indicator == "critical"
    assert s.overall.parts == ((ComponentStatus.MAJOR_OUTAGE, ("Public API",)),
                               (ComponentStatus.DEGRADED_PERFORMANCE, ("Dashboard",)))


def test_maintenance_in_its_window_puts_components_under_maintenance(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"maintenance/2026-03-14-dashboard.md": MAINTENANCE})
    before = state(root, datetime(2026, 3, 14, 8, 59, tzinfo=UTC))
    assert before.maintenances[0].status == "scheduled" and before.upcoming_maintenances
    during = state(root, datetime(2026, 3, 14, 9, 0, tzinfo=UTC))
    assert during.maintenances[0].status == "in_progress"
    assert during.components["dashboard"].status is ComponentStatus.UNDER_MAINTENANCE
    assert (during.overall.indicator, during.overall.parts) == (
        "maintenance", ((ComponentStatus.UNDER_MAINTENANCE, ("Dashboard",)),))
    after = state(root, datetime(2026, 3, 14, 10, 0, tzinfo=UTC))
    assert after.maintenances[0].status == "completed"
    assert after.components["dashboard"].status is ComponentStatus.OPERATIONAL


def test_an_outage_is_worse_than_maintenance_on_the_same_component(tmp_path: Path) -> None:
    dashboard = OPEN.replace("components: [api]", "components: [dashboard]")
    s = state(write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": dashboard,
                                    "maintenance/2026-03-14-dashboard.md": MAINTENANCE}), T)
    assert s.components["dashboard"].status is ComponentStatus.PARTIAL_OUTAGE


def test_a_cancelled_maintenance_never_opens(tmp_path: Path) -> None:
    cancelled = MAINTENANCE + "\n## 2026-03-13 12:00 UTC · cancelled · alice\n\nPostponed.\n"
    s = state(write_site(tmp_path, {"maintenance/2026-03-14-dashboard.md": cancelled}), T)
    assert s.maintenances[0].status == "cancelled"
    assert s.components["dashboard"].status is ComponentStatus.OPERATIONAL


def test_updates_after_now_are_not_published_yet(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    early = state(root, datetime(2026, 3, 14, 9, 15, tzinfo=UTC))
    assert early.incidents == ()
    middle = state(root, T)
    assert len(middle.incidents[0].incident.updates) == 1 and middle.incidents[0].is_open
    assert middle.next_change == datetime(2026, 3, 14, 10, 0, tzinfo=UTC)  # the promised update is due


def test_an_overdue_eta_is_flagged(tmp_path: Path) -> None:
    s = state(write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": OPEN}), datetime(2026, 3, 14, 10, 5, tzinfo=UTC))
    assert s.incidents[0].eta_overdue


def test_a_plain_update_keeps_the_previous_status(tmp_path: Path) -> None:
    text = OPEN + "## 2026-03-14 09:25 UTC · identified · bob\n\nFound it.\n\n## 2026-03-14 09:28 UTC · update · bob\n\nMore.\n"
    s = state(write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": text}), T)
    assert s.incidents[0].status == "identified"
