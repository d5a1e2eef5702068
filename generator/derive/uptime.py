"""Uptime per component against its SLA, at "now"; and the report that gathers every published figure.

Why a module of its own: these figures are a promise we publish, so each is
computed once, here, by plain interval arithmetic that a reader can check by
hand (docs/uptime.md walks through it). Every incident and maintenance window
becomes a (start, end, status) interval per component; a sweep merges the
intervals so that overlapping incidents are never counted twice and the worst
status wins at each instant; the merged timeline is then integrated over each
window (a day, a month, the last 30/90/365 days) with the configured weights.

This module reads the model and the incident/maintenance states the caller
derived, through the small protocols below, so it depends on nothing above it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from ..core.memo import remembered, remembered_runs
from ..core.model import Component, ComponentStatus, Site, UptimeWeights
from ..core.times import add_months, zone
from .handling import (
    LateUpdate,
    OverdueAction,
    OverduePostmortem,
    QuarterMetrics,
    RecurringCause,
    grouped_by_quarter,
    handling_summaries,
    late_updates,
    overdue,
    quarters,
    recurring_causes,
)
from .intervals import Interval, Timeline, merge
from .timeline import IncidentFacts, MaintenanceFacts

ROW_DAYS = 90
WINDOWS = (30, 90, 365)
MONTHS = 12


@dataclass(frozen=True, slots=True)
class DayCell:
    """One cell of the 90-day row: a calendar day in the site's timezone."""

    day: date
    status: ComponentStatus
    """The worst status the component had at any moment of the day."""
    minutes: int
    """Minutes with any status other than operational (maintenance included)."""
    downtime_minutes: float
    """Minutes counted as downtime, after weighting."""
    uptime: float | None
    """Percent of the day up, or None if the component was not in service that day."""


@dataclass(frozen=True, slots=True)
class Uptime:
    """The figures of one window, counted from when the component entered service."""

    start: datetime
    end: datetime
    minutes: float
    """Minutes in service within the window (0 if none)."""
    affected_minutes: float
    downtime_minutes: float

    @property
    def uptime(self) -> float | None:
        if self.minutes <= 0:
            return None
        return 100.0 * (1.0 - self.downtime_minutes / self.minutes)

    @property
    def percent(self) -> float | None:
        """The uptime as published (see floor_percent)."""
        uptime = self.uptime
        return None if uptime is None else floor_percent(uptime)


@dataclass(frozen=True, slots=True)
class MonthUptime:
    month: date
    """The first day of the month."""
    figures: Uptime
    complete: bool
    """False for the current month: its figures are month to date."""
    allowed_downtime_minutes: float | None
    """The whole month's downtime budget under the SLA; None without an SLA or before the component's start."""

    @property
    def breached(self) -> bool:
        """Downtime beyond the whole month's budget: a miss that no remaining minute can repair."""
        allowed = self.allowed_downtime_minutes
        return allowed is not None and self.figures.minutes > 0 and self.figures.downtime_minutes > allowed + 1e-9


@dataclass(frozen=True, slots=True)
class YearUptime:
    """One calendar year of a component's history, with its months; counted from the first of them (the history
    begins with the month of the component's start_date or first incident)."""

    year: int
    figures: Uptime
    complete: bool
    """False for the current year: its figures are year to date."""
    months: tuple[MonthUptime, ...]
    """The year's months in the component's history, oldest first."""

    @property
    def breaches(self) -> tuple[MonthUptime, ...]:
        return tuple(month for month in self.months if month.breached)


@dataclass(frozen=True, slots=True)
class ComponentUptime:
    component: Component
    days: tuple[DayCell, ...]
    """ROW_DAYS cells, oldest first; the last is today (to "now")."""
    windows: tuple[tuple[int, Uptime], ...]
    """(days, figures) for each of WINDOWS: from the start of the day N-1 days ago to "now"."""
    months: tuple[MonthUptime, ...]
    """The whole history, oldest first: from the component's start_date or its first incident (at least the
    last MONTHS months) to the current month, the last."""
    years: tuple[YearUptime, ...]
    """The same months by calendar year, oldest first, each with the year's own figures."""

    @property
    def sla(self) -> float | None:
        return self.component.sla

    def window(self, days: int) -> Uptime:
        return dict(self.windows)[days]

    @property
    def recent_months(self) -> tuple[MonthUptime, ...]:
        """The last MONTHS months: what the pages show open; older years are a click away."""
        return self.months[-MONTHS:]

    @property
    def older_years(self) -> tuple[YearUptime, ...]:
        """The years that begin before the recent months, newest first, for the collapsed part of a page."""
        first_recent = self.recent_months[0].month
        return tuple(year for year in reversed(self.years) if year.months[0].month < first_recent)

    @property
    def breaches(self) -> tuple[MonthUptime, ...]:
        """Every month below target in the whole history, oldest first."""
        return tuple(month for month in self.months if month.breached)


@dataclass(frozen=True, slots=True)
class UptimeReport:
    now: datetime
    weights: UptimeWeights
    components: Mapping[str, ComponentUptime]
    quarters: tuple[QuarterMetrics, ...]
    """The quarters in which incidents started, oldest first (a quarter without one is no row)."""
    overdue_postmortems: tuple[OverduePostmortem, ...]
    overdue_actions: tuple[OverdueAction, ...]
    recurring_causes: tuple[RecurringCause, ...]
    years: tuple[QuarterMetrics, ...] = ()
    """The same figures per calendar year with incidents, oldest first."""
    all_time: QuarterMetrics | None = None
    """The same figures over every incident ever published; None before the first."""
    late_updates: tuple[LateUpdate, ...] = ()
    """Every promise not kept, oldest first."""

    def postmortem_due(self, slug: str) -> datetime | None:
        """When the incident's postmortem fell due, if it is overdue: what its own page says."""
        return next((item.due for item in self.overdue_postmortems if item.slug == slug), None)

    @property
    def overdue_action_keys(self) -> frozenset[tuple[str, int]]:
        """(incident slug, line) of each overdue action item: what an incident page marks "overdue"."""
        return frozenset((action.slug, action.item.line) for action in self.overdue_actions)


# The rules behind the "overdue" warnings of `statusblog check` and the uptime page.


def floor_percent(value: float) -> float:
    """A percentage as published: three decimals, rounded down.

    Why down: rounding 99.9996 up would publish 100.000 % for a component that
    did go down; and since an SLA has at most three decimals, the published
    figure is below the target exactly when the true one is.
    """
    return math.floor(value * 1000 + 1e-6) / 1000


@remembered_runs(lambda state: state.incident.source)
def _incident_intervals(incidents: Iterable[IncidentFacts]) -> dict[str, list[Interval]]:
    by_component: dict[str, list[Interval]] = defaultdict(list)
    for state in incidents:
        for component_id, interval in state.intervals:
            by_component[component_id].append(interval)
    return by_component


def component_intervals(incidents: Sequence[IncidentFacts], maintenances: Iterable[MaintenanceFacts]
                        ) -> dict[str, list[Interval]]:
    """Each component's raw intervals: incidents' spans (from `started`, or the update that set the status,
    to the update that set it again, the resolution, or now), and maintenance."""
    by_component: dict[str, list[Interval]] = defaultdict(list)
    for component_id, intervals in _incident_intervals(incidents).items():
        by_component[component_id].extend(intervals)
    for mstate in maintenances:
        if mstate.held is None:
            continue
        opened, closed = mstate.held
        for component_id in mstate.maintenance.components:
            by_component[component_id].append((opened.timestamp(), closed.timestamp(),
                                                ComponentStatus.UNDER_MAINTENANCE))
    return by_component


# Calendar arithmetic in the site's timezone.

def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The UTC instant a local calendar day begins (23 or 25 hours before the next on DST days).

    Where a DST change skips midnight itself, the day begins at the change.
    """
    return datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(UTC)


@remembered(lambda timeline, start, end, *_: (timeline.component_id, start, end))
def _figures(timeline: Timeline, start: datetime, end: datetime, service_start: datetime | None,
             weights: UptimeWeights) -> Uptime:
    """The figures of [start, end), counted only from when the component entered service.

    A month or year that ended before "now" has the same figures at every later "now": the dev server
    reuses them while the clock moves, and works out again only the periods that end at "now".
    """
    counted_start = max(start, service_start) if service_start else start
    if end <= counted_start:
        return Uptime(start, end, 0.0, 0.0, 0.0)
    affected, downtime, _ = timeline.measure(counted_start.timestamp(), end.timestamp(), weights)
    return Uptime(start, end, (end - counted_start).total_seconds() / 60, affected / 60, downtime / 60)


def _days(timeline: Timeline, today: date, now: datetime, tz: tzinfo, service_start: datetime | None,
          weights: UptimeWeights) -> tuple[DayCell, ...]:
    cells = []
    for offset in range(ROW_DAYS - 1, -1, -1):
        day = today - timedelta(days=offset)
        start = max(local_midnight(day, tz), service_start) if service_start else local_midnight(day, tz)
        end = min(local_midnight(day + timedelta(days=1), tz), now)
        if end <= start:
            cells.append(DayCell(day, ComponentStatus.OPERATIONAL, 0, 0.0, None))
            continue
        affected, downtime, worst = timeline.measure(start.timestamp(), end.timestamp(), weights)
        total = (end - start).total_seconds()
        cells.append(DayCell(day, worst, round(affected / 60), downtime / 60, 100.0 * (1 - downtime / total)))
    return tuple(cells)


def _first_month(timeline: Timeline, component: Component, current: date, tz: tzinfo) -> date:
    """Where a component's history begins: its start_date or first downtime, if before the last MONTHS months."""
    candidates = [add_months(current, -(MONTHS - 1))]
    if component.start_date:
        candidates.append(component.start_date.replace(day=1))
    if timeline.segments:
        candidates.append(datetime.fromtimestamp(timeline.segments[0][0], UTC).astimezone(tz).date().replace(day=1))
    return min(candidates)


def _months(timeline: Timeline, component: Component, today: date, now: datetime, tz: tzinfo,
            service_start: datetime | None, weights: UptimeWeights) -> tuple[MonthUptime, ...]:
    current = today.replace(day=1)
    first = _first_month(timeline, component, current, tz)
    months = []
    while first <= current:
        start, month_end = local_midnight(first, tz), local_midnight(add_months(first, 1), tz)
        figures = _figures(timeline, start, min(month_end, now), service_start, weights)
        allowed = None
        in_service = (month_end - (max(start, service_start) if service_start else start)).total_seconds() / 60
        if component.sla is not None and in_service > 0:
            allowed = in_service * (1 - component.sla / 100)
        months.append(MonthUptime(first, figures, month_end <= now, allowed))
        first = add_months(first, 1)
    return tuple(months)


def _years(timeline: Timeline, months: Sequence[MonthUptime], now: datetime, tz: tzinfo,
           service_start: datetime | None, weights: UptimeWeights) -> tuple[YearUptime, ...]:
    by_year: dict[int, list[MonthUptime]] = defaultdict(list)
    for month in months:
        by_year[month.month.year].append(month)
    years = []
    for year, members in by_year.items():
        start, year_end = local_midnight(members[0].month, tz), local_midnight(date(year + 1, 1, 1), tz)
        figures = _figures(timeline, start, min(year_end, now), service_start, weights)
        years.append(YearUptime(year, figures, year_end <= now, tuple(members)))
    return tuple(years)


@remembered(lambda component_id, _intervals: component_id)
def component_timeline(component_id: str, intervals: Sequence[Interval]) -> Timeline:
    """One component's timeline: merging is the sort a rebuild skips while the component's intervals stay."""
    return Timeline.of(component_id, merge(intervals))


@remembered(lambda component, *_: component.id)
def component_uptime(component: Component, timeline: Timeline, now: datetime, tz: tzinfo,
                     weights: UptimeWeights) -> ComponentUptime:
    today = now.astimezone(tz).date()
    service_start = local_midnight(component.start_date, tz) if component.start_date else None
    windows = tuple((days, _figures(timeline, local_midnight(today - timedelta(days=days - 1), tz), now,
                                    service_start, weights)) for days in WINDOWS)
    months = _months(timeline, component, today, now, tz, service_start, weights)
    return ComponentUptime(
        component=component,
        days=_days(timeline, today, now, tz, service_start, weights),
        windows=windows,
        months=months,
        years=_years(timeline, months, now, tz, service_start, weights),
    )


# How incidents are handled.


def report(site: Site, incidents: Sequence[IncidentFacts], maintenances: Sequence[MaintenanceFacts],
           now: datetime) -> UptimeReport:
    """Everything the uptime page, the component pages and api/uptime.json publish."""
    tz = zone(site.config.timezone)
    weights = site.config.uptime
    intervals = component_intervals(incidents, maintenances)
    components = {key: component_uptime(component, component_timeline(key, intervals.get(key, ())), now, tz, weights)
                  for key, component in site.components.items()}
    postmortems, actions = overdue(site, incidents, now, now.astimezone(tz).date())
    grouped = grouped_by_quarter(incidents, tz)
    years, all_time = handling_summaries(grouped)
    return UptimeReport(
        now=now,
        weights=weights,
        components=components,
        quarters=quarters(grouped),
        years=years,
        all_time=all_time,
        overdue_postmortems=postmortems,
        overdue_actions=actions,
        recurring_causes=recurring_causes(incidents),
        late_updates=late_updates(incidents),
    )
