"""Uptime and incident-handling figures, each checked against a number worked out by hand.

The sites are in America/Chicago (CST = UTC-6, CDT = UTC-5; DST began
2026-03-08 and ended 2026-11-01), so day and month edges are local midnights.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from generator.core.model import (
    ActionItem,
    AffectedComponent,
    Component,
    ComponentStatus,
    Incident,
    Postmortem,
    Section,
    Site,
    SiteConfig,
)
from generator.derive.handling import percentile
from generator.derive.intervals import merge
from generator.derive.timeline import ComponentCourse, PromiseRecord, component_course
from generator.derive.uptime import floor_percent, report
from generator.pipeline.evaluate import check
from generator.render.charts import month_chart
from tests.sites import AUTHORS_TOML, COMPONENTS_TOML, SITE_TOML, write_site

NOW = "2026-03-20T12:00:00Z"  # 07:00 CDT on 2026-03-20


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def incident(started: str, resolved: str | None, impact: str = "major", components: str = "[api]",
             cause: str = "", postmortem: str = "") -> str:
    """An incident file: first update 10 minutes after `started`, resolved at `resolved` (or open)."""
    first = (at(started) + timedelta(minutes=10)).strftime("%Y-%m-%d %H:%M UTC")
    text = (f"---\ntitle: Something broke\nimpact: {impact}\ncomponents: {components}\nstarted: {started}\n"
            + (f"cause: {cause}\n" if cause else "")
            + f"---\n\nSummary.\n\n## {first} · investigating · alice\n\nLooking. Next update by 23:59 UTC.\n")
    if resolved:
        text += f"\n## {at(resolved):%Y-%m-%d %H:%M UTC} · resolved · alice\n\nFixed.\n"
    return text + postmortem


def state_of(tmp_path: Path, files: dict[str, str], now: str = NOW, site_toml: str = SITE_TOML,
             components: str = COMPONENTS_TOML):
    write_site(tmp_path, {"site.toml": site_toml, "authors.toml": AUTHORS_TOML, "components.toml": components,
                          **files}, defaults=False)
    checked = check(tmp_path, at(now))
    assert checked.state is not None, [str(p) for p in checked.errors]
    return checked.state


def day(component, when: date):
    return next(cell for cell in component.days if cell.day == when)


def month(component, first: date):
    return next(m for m in component.months if m.month == first)


def test_overlapping_incidents_are_merged_worst_status_wins(tmp_path):
    # 10:00-12:00 partial outage (major impact), 11:00-13:00 major outage (critical impact), both on api.
    # Merged: 10-11 partial (60 x 0.3 = 18) + 11-13 major (120 x 1) = 138 downtime minutes, 180 affected.
    state = state_of(tmp_path, {
        "incidents/a.md": incident("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z", "major"),
        "incidents/b.md": incident("2026-03-10T11:00:00Z", "2026-03-10T13:00:00Z", "critical"),
    })
    api = state.uptime.components["api"]
    cell = day(api, date(2026, 3, 10))
    assert (cell.status, cell.minutes, cell.downtime_minutes) == (ComponentStatus.MAJOR_OUTAGE, 180, pytest.approx(138))
    # 30 days: from 2026-02-19 00:00 CST (06:00Z) to now: 29 days 6 hours = 42,120 minutes.
    window = api.window(30)
    assert window.minutes == 42_120
    assert window.downtime_minutes == pytest.approx(138)
    assert floor_percent(window.uptime) == 99.672  # 100 x (1 - 138 / 42,120) = 99.67236...


def test_merge_keeps_the_worst_status_and_joins_equal_neighbours():
    partial, major = ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE
    segments = merge([(0, 10, partial), (5, 20, major), (8, 12, partial), (20, 30, major), (40, 50, partial)])
    assert segments == [(0, 5, partial), (5, 30, major), (40, 50, partial)]


def test_incident_across_midnight_and_month_end(tmp_path):
    # 2026-01-31 23:00 CST to 2026-02-01 01:30 CST, critical: 60 minutes in January, 90 in February.
    state = state_of(tmp_path, {
        "incidents/a.md": incident("2026-02-01T05:00:00Z", "2026-02-01T07:30:00Z", "critical"),
    })
    api = state.uptime.components["api"]
    assert day(api, date(2026, 1, 31)).minutes == 60
    assert day(api, date(2026, 2, 1)).minutes == 90
    january, february = month(api, date(2026, 1, 1)), month(api, date(2026, 2, 1))
    assert january.figures.minutes == 31 * 1440
    assert january.figures.downtime_minutes == pytest.approx(60)
    assert floor_percent(january.figures.uptime) == 99.865  # 1 - 60 / 44,640 = 99.86559...
    assert february.figures.minutes == 28 * 1440
    assert floor_percent(february.figures.uptime) == 99.776  # 1 - 90 / 40,320 = 99.77678...
    # SLA 99.95 % allows 22.32 minutes in January and 20.16 in February: both missed.
    assert january.allowed_downtime_minutes == pytest.approx(22.32)
    assert january.breached and february.breached
    assert not month(api, date(2026, 3, 1)).breached
    assert [m.month for m in api.breaches] == [date(2026, 1, 1), date(2026, 2, 1)]


def test_open_incident_counts_to_now(tmp_path):
    # Started 10:00Z, still open at 12:00Z: 120 minutes of partial outage = 36 downtime minutes.
    state = state_of(tmp_path, {"incidents/a.md": incident("2026-03-20T10:00:00Z", None, "major")})
    api = state.uptime.components["api"]
    today = api.days[-1]
    assert today.day == date(2026, 3, 20)
    assert (today.status, today.minutes, today.downtime_minutes) == (ComponentStatus.PARTIAL_OUTAGE, 120,
                                                                      pytest.approx(36))
    # Today so far: 00:00 CDT (05:00Z) to 12:00Z = 420 minutes.
    assert today.uptime == pytest.approx(100 * (1 - 36 / 420))
    march = month(api, date(2026, 3, 1))
    assert not march.complete
    # March so far: 00:00 CST on the 1st (06:00Z) to now, less the hour skipped on the 8th: 19 d 6 h = 27,720 min.
    assert march.figures.minutes == 27_720


def test_days_with_a_dst_change_have_their_real_length(tmp_path):
    # All of 2026-11-01 in Chicago, 00:00 CDT (05:00Z) to 00:00 CST next day (06:00Z): 25 hours.
    # All of 2026-03-08, 00:00 CST (06:00Z) to 00:00 CDT next day (05:00Z): 23 hours.
    state = state_of(tmp_path, {
        "incidents/fall.md": incident("2026-11-01T05:00:00Z", "2026-11-02T06:00:00Z", "critical"),
        "incidents/spring.md": incident("2026-03-08T06:00:00Z", "2026-03-09T05:00:00Z", "critical"),
    }, now="2026-11-20T15:00:00Z")
    api = state.uptime.components["api"]
    fall = day(api, date(2026, 11, 1))
    assert (fall.minutes, fall.downtime_minutes, fall.uptime) == (1500, pytest.approx(1500), 0.0)
    assert day(api, date(2026, 10, 31)).minutes == 0
    assert day(api, date(2026, 11, 2)).minutes == 0
    assert month(api, date(2026, 3, 1)).figures.minutes == 31 * 1440 - 60
    assert month(api, date(2026, 3, 1)).figures.downtime_minutes == pytest.approx(1380)
    assert month(api, date(2026, 10, 1)).figures.minutes == 31 * 1440
    assert month(api, date(2026, 11, 1)).figures.downtime_minutes == pytest.approx(1500)
    assert len(api.days) == 90 and api.days[0].day == date(2026, 8, 23)


MAINTENANCE = """\
---
title: Database upgrade
scheduled_start: 2026-03-15T10:00:00Z
scheduled_end: 2026-03-15T12:00:00Z
components: [api]
---

We upgrade the database.

## 2026-03-10 10:00 UTC · scheduled · alice

Planned.
"""


def test_maintenance_is_shown_but_not_counted_as_downtime(tmp_path):
    state = state_of(tmp_path, {"maintenance/upgrade.md": MAINTENANCE})
    api = state.uptime.components["api"]
    cell = day(api, date(2026, 3, 15))
    assert (cell.status, cell.minutes, cell.downtime_minutes) == (ComponentStatus.UNDER_MAINTENANCE, 120, 0.0)
    assert api.window(30).uptime == 100.0
    assert api.window(30).affected_minutes == 120


def test_changed_weights_change_the_figures(tmp_path):
    settings = SITE_TOML + "\n[uptime]\npartial_outage = 0.5\nunder_maintenance = 0.25\n"
    state = state_of(tmp_path, {
        "incidents/a.md": incident("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z", "major"),
        "incidents/b.md": incident("2026-03-10T11:00:00Z", "2026-03-10T13:00:00Z", "critical"),
        "maintenance/upgrade.md": MAINTENANCE,
    }, site_toml=settings)
    api = state.uptime.components["api"]
    assert day(api, date(2026, 3, 10)).downtime_minutes == pytest.approx(60 * 0.5 + 120)
    assert day(api, date(2026, 3, 15)).downtime_minutes == pytest.approx(120 * 0.25)
    assert api.window(30).downtime_minutes == pytest.approx(150 + 30)
    assert state.uptime.weights.partial_outage == 0.5


def test_a_component_without_incidents_is_up_100_percent(tmp_path):
    state = state_of(tmp_path, {"incidents/a.md": incident("2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z")})
    dashboard = state.uptime.components["dashboard"]
    assert [figures.uptime for _, figures in dashboard.windows] == [100.0, 100.0, 100.0]
    assert all(cell.status is ComponentStatus.OPERATIONAL and cell.minutes == 0 for cell in dashboard.days)
    assert all(m.figures.uptime == 100.0 and not m.breached for m in dashboard.months)


def test_a_component_added_mid_window_counts_from_its_start_date(tmp_path):
    components = COMPONENTS_TOML + '\n[kubernetes]\nname = "Kubernetes"\nsla = 99.9\nstart_date = 2026-03-01\n'
    state = state_of(tmp_path, {
        "incidents/a.md": incident("2026-03-05T10:00:00Z", "2026-03-05T11:00:00Z", "critical", "[kubernetes]"),
    }, components=components)
    kubernetes = state.uptime.components["kubernetes"]
    # From 2026-03-01 00:00 CST (06:00Z) to now, less the DST hour: 27,720 minutes, of which 60 down.
    for days in (30, 90, 365):
        assert kubernetes.window(days).minutes == 27_720
        assert kubernetes.window(days).uptime == pytest.approx(100 * (1 - 60 / 27_720))
    assert day(kubernetes, date(2026, 2, 28)).uptime is None
    assert day(kubernetes, date(2026, 3, 1)).uptime == 100.0
    february = month(kubernetes, date(2026, 2, 1))
    assert february.figures.uptime is None and not february.breached
    # March's budget counts only days in service: (31 days - 1 DST hour) x 0.1 % = 44.58 minutes; 60 is a miss.
    assert month(kubernetes, date(2026, 3, 1)).allowed_downtime_minutes == pytest.approx(44.58)
    assert month(kubernetes, date(2026, 3, 1)).breached


POSTMORTEM = """
## Postmortem · bob

### What happened

It broke.

### What we did to fix it

Fixed it.

### What we are doing so it does not happen again

- [ ] Alert earlier (owner: bob, due: 2026-03-19)
- [ ] Add capacity (owner: bob, due: 2026-03-20)
- [x] Write the runbook (owner: bob, due: 2026-03-01)
"""


def test_incident_handling_per_quarter(tmp_path):
    # Q1 2026 (site time): resolve times 60, 120 and 300 minutes; one still open. First updates all at 10 min.
    state = state_of(tmp_path, {
        "incidents/a.md": incident("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z", "minor", cause="pool"),
        "incidents/b.md": incident("2026-02-05T10:00:00Z", "2026-02-05T12:00:00Z", "major", postmortem=POSTMORTEM),
        "incidents/c.md": incident("2026-03-01T10:00:00Z", "2026-03-01T15:00:00Z", "critical", cause="pool"),
        "incidents/d.md": incident("2026-03-20T11:00:00Z", None, "critical"),
        # 2025-12-31 23:00 CST is in Q4 2025 in Chicago, though it is 2026 in UTC.
        "incidents/e.md": incident("2026-01-01T05:00:00Z", "2026-01-01T05:30:00Z", "minor", cause="dns"),
    })
    report_ = state.uptime
    assert [q.label for q in report_.quarters] == ["2025-Q4", "2026-Q1"]
    q4, q1 = report_.quarters
    assert (q4.incidents, q4.mean_time_to_resolve) == (1, timedelta(minutes=30))
    assert (q1.incidents, q1.open) == (4, 1)
    assert q1.mean_time_to_resolve == timedelta(minutes=(60 + 120 + 300) / 3)
    assert q1.median_time_to_resolve == timedelta(minutes=120)
    assert q1.median_first_update == q1.p90_first_update == timedelta(minutes=10)
    assert dict(q1.by_impact) == {"critical": 2, "major": 1, "minor": 1, "none": 0}
    assert (q1.serious, q1.with_postmortem, round(q1.postmortem_coverage, 3)) == (3, 1, 33.333)
    # Resolved 2026-03-01 15:00Z, deadline 7 days: overdue since 2026-03-08 15:00Z. The open one is not overdue.
    assert [(p.slug, p.due) for p in report_.overdue_postmortems] == [("c", at("2026-03-08T15:00:00Z"))]
    # Today in Chicago is 2026-03-20: only the item due the 19th is overdue.
    assert [a.item.text for a in report_.overdue_actions] == ["Alert earlier"]
    assert [(c.cause, [i.slug for i in c.incidents]) for c in report_.recurring_causes] == [("pool", ["a", "c"])]


def test_percentile_is_nearest_rank():
    values = [timedelta(minutes=m) for m in (5, 1, 9, 3, 7, 2, 8, 4, 6, 10)]
    assert percentile(values, 0.9) == timedelta(minutes=9)
    assert percentile(values[:1], 0.9) == timedelta(minutes=5)
    assert percentile([], 0.9) is None


def test_floor_percent_never_rounds_a_miss_up():
    assert floor_percent(99.9996) == 99.999
    assert floor_percent(99.95) == 99.95
    assert floor_percent(100.0) == 100.0


@dataclass(frozen=True)
class FakeState:
    incident: Incident
    resolved_at: datetime | None
    first_update_delay: timedelta
    course: ComponentCourse
    promises: tuple = ()
    promise_record: PromiseRecord = field(default_factory=lambda: PromiseRecord(0, 0, ()))

    @property
    def intervals(self):
        return self.course.intervals(self.resolved_at)


def _report_of(count: int) -> tuple[float, object]:
    """The uptime report of `count` incidents, and the seconds of CPU it took."""
    now = at("2026-11-20T15:00:00Z")
    components = {key: Component(key, key.upper(), sla=99.9) for key in ("api", "db", "dns")}
    site = Site(root=".", config=SiteConfig(title="T", base_url="https://x.example/", timezone="America/Chicago"),
                authors={}, components=components, incidents=(), maintenances=(), pages=())
    states = []
    for number in range(count):
        started = now - timedelta(minutes=31 * number + 60)
        status = (ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE)[number % 2]
        item = Incident(slug=f"i{number}", id=f"i{number}", source="x.md", title="t", impact="major",
                        started=started, components=(AffectedComponent("api", None),),
                        summary=Section(), updates=(), cause=f"c{number % 50}",
                        postmortem=Postmortem("bob", Section(), 1, (), (ActionItem("a", False, None, None, 1),)))
        states.append(FakeState(item, started + timedelta(minutes=45), timedelta(minutes=5),
                                component_course(started, (("api", status), ("db", status)), ())))
    began = time.process_time()
    result = report(site, states, [], now)
    return time.process_time() - began, result


def test_the_uptime_report_grows_linearly_to_twenty_thousand_incidents():
    """Eight times the incidents cost about eight times the work (a quadratic step would cost 64 times);
    CPU time, compared within one run, so the machine's speed and load do not decide. Each size is timed
    more than once and its quickest run taken: beside another busy process (the suite runs on every core)
    one run of the large report took 0.70 s of CPU where alone it takes 0.39 to 0.45 s."""
    small = min(_report_of(2_500)[0] for _ in range(3))
    large, result = min((_report_of(20_000) for _ in range(2)), key=lambda timed: timed[0])
    assert large < 20 * max(small, 0.01), (small, large)
    assert result.components["api"].days[-1].minutes > 0
    assert len(result.recurring_causes) == 50


def test_the_month_chart_scales_to_the_worst_month_and_flags_misses(tmp_path):
    state = state_of(tmp_path, {"incidents/a.md": incident("2026-02-01T05:00:00Z", "2026-02-01T07:30:00Z", "critical")})
    chart = month_chart(state.uptime.components["api"])
    # February at 99.776 % and the 99.95 % target fit above the axis, which starts on a round step.
    (_, low), (_, high) = chart.ticks[0], chart.ticks[-1]
    assert high == 100.0 and low == 99.6
    february = next(bar for bar in chart.bars if bar.period == date(2026, 2, 1))
    full = next(bar for bar in chart.bars if bar.period == date(2026, 3, 1))
    assert february.flagged and not full.flagged
    assert full.height == pytest.approx(chart.baseline - chart.ticks[-1][0])
    assert 0 < february.height < full.height
    assert chart.target is not None and chart.target[1] == 99.95


def incident_with_updates(started: str, impact: str, components: str, *updates: tuple[str, str, str]) -> str:
    """An incident file whose updates are (UTC time, status, text), the text holding any 'Components:' line."""
    text = f"---\ntitle: Something broke\nimpact: {impact}\ncomponents: {components}\nstarted: {started}\n---\n\nSummary.\n"
    for when, status, body in updates:
        text += f"\n## {at(when):%Y-%m-%d %H:%M UTC} · {status} · alice\n\n{body}\n"
    return text


def test_a_component_that_recovers_before_the_incident_closes_stops_counting_there(tmp_path):
    # Critical on api and dashboard 10:00-13:00Z. At 11:00 api is operational again and the dashboard only
    # partially out. api: 10-11 major = 60 minutes of downtime, 60 affected.
    # dashboard: 10-11 major (60) + 11-13 partial (120 x 0.3 = 36) = 96 minutes of downtime, 180 affected.
    state = state_of(tmp_path, {"incidents/a.md": incident_with_updates(
        "2026-03-10T10:00:00Z", "critical", "[api, dashboard]",
        ("2026-03-10T10:05:00Z", "investigating", "Looking."),
        ("2026-03-10T11:00:00Z", "identified", "Components: api=operational, dashboard=partial_outage\n\nBetter."),
        ("2026-03-10T13:00:00Z", "resolved", "Fixed."),
    )})
    api = day(state.uptime.components["api"], date(2026, 3, 10))
    dashboard = day(state.uptime.components["dashboard"], date(2026, 3, 10))
    assert (api.status, api.minutes, api.downtime_minutes) == (ComponentStatus.MAJOR_OUTAGE, 60, pytest.approx(60))
    assert (dashboard.minutes, dashboard.downtime_minutes) == (180, pytest.approx(96))


def test_a_component_that_recovers_then_relapses_counts_both_stretches(tmp_path):
    # Major (partial outage) 10:00-14:00Z; api operational at 11:00, down again (major outage) at 12:00.
    # 10-11 partial (60 x 0.3 = 18) + 12-14 major (120) = 138 minutes of downtime, 180 affected.
    state = state_of(tmp_path, {"incidents/a.md": incident_with_updates(
        "2026-03-10T10:00:00Z", "major", "[api]",
        ("2026-03-10T10:05:00Z", "investigating", "Looking."),
        ("2026-03-10T11:00:00Z", "monitoring", "Components: api=operational"),
        ("2026-03-10T12:00:00Z", "identified", "It is back.\n\nComponents: api=major_outage"),
        ("2026-03-10T14:00:00Z", "resolved", "Fixed."),
    )})
    api = day(state.uptime.components["api"], date(2026, 3, 10))
    assert (api.status, api.minutes, api.downtime_minutes) == (ComponentStatus.MAJOR_OUTAGE, 180, pytest.approx(138))


def test_an_early_recovery_in_one_incident_leaves_an_overlapping_one_counting(tmp_path):
    # A: major 10:00-14:00Z, api operational from 11:00. B: critical 10:30-12:00Z, no change.
    # 10:00-10:30 partial (30 x 0.3 = 9) + 10:30-12:00 major (90) = 99 minutes of downtime, 120 affected;
    # nothing after 12:00, though A stays open until 14:00.
    state = state_of(tmp_path, {
        "incidents/a.md": incident_with_updates(
            "2026-03-10T10:00:00Z", "major", "[api]",
            ("2026-03-10T10:05:00Z", "investigating", "Looking."),
            ("2026-03-10T11:00:00Z", "monitoring", "Components: api=operational"),
            ("2026-03-10T14:00:00Z", "resolved", "Fixed.")),
        "incidents/b.md": incident_with_updates(
            "2026-03-10T10:30:00Z", "critical", "[api]",
            ("2026-03-10T10:35:00Z", "investigating", "Looking."),
            ("2026-03-10T12:00:00Z", "resolved", "Fixed.")),
    })
    api = day(state.uptime.components["api"], date(2026, 3, 10))
    assert (api.minutes, api.downtime_minutes) == (120, pytest.approx(99))


def test_an_open_incident_no_longer_holds_a_component_it_says_has_recovered(tmp_path):
    # Open since 10:00Z; at 11:00 api is operational again, the dashboard still out: only the dashboard is
    # down on the home page at 12:00, and api's day counts 60 minutes of partial outage (18 of downtime).
    state = state_of(tmp_path, {"incidents/a.md": incident_with_updates(
        "2026-03-20T10:00:00Z", "major", "[api, dashboard]",
        ("2026-03-20T10:05:00Z", "investigating", "Looking. Next update by 11:00 UTC."),
        ("2026-03-20T11:00:00Z", "identified", "Components: api=operational\n\nNext update by 13:00 UTC."),
    )})
    assert state.components["api"].status is ComponentStatus.OPERATIONAL
    assert state.components["dashboard"].status is ComponentStatus.PARTIAL_OUTAGE
    today = state.uptime.components["api"].days[-1]
    assert (today.minutes, today.downtime_minutes) == (60, pytest.approx(18))
