"""Uptime per component against its SLA, and how incidents are handled, at "now".

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
import statistics
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from operator import attrgetter
from typing import Protocol

from .memo import Memo, direct, runs
from .model import IMPACTS, ActionItem, Component, ComponentStatus, Incident, Maintenance, Site, UptimeWeights
from .times import zone

ROW_DAYS = 90
WINDOWS = (30, 90, 365)
MONTHS = 12
SERIOUS_IMPACTS = ("major", "critical")
_STATUSES = len(ComponentStatus)


class IncidentFacts(Protocol):
    """What this module needs of an incident as published at "now" (status.IncidentState)."""

    incident: Incident
    resolved_at: datetime | None
    first_update_delay: timedelta
    affected: tuple[tuple[str, ComponentStatus], ...]


class MaintenanceFacts(Protocol):
    """What this module needs of a maintenance at "now" (status.MaintenanceState)."""

    maintenance: Maintenance
    held: tuple[datetime, datetime] | None


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
class ComponentUptime:
    component: Component
    days: tuple[DayCell, ...]
    """ROW_DAYS cells, oldest first; the last is today (to "now")."""
    windows: tuple[tuple[int, Uptime], ...]
    """(days, figures) for each of WINDOWS: from the start of the day N-1 days ago to "now"."""
    months: tuple[MonthUptime, ...]
    """The last MONTHS calendar months, oldest first; the last is the current month."""

    @property
    def sla(self) -> float | None:
        return self.component.sla

    def window(self, days: int) -> Uptime:
        return dict(self.windows)[days]

    @property
    def breaches(self) -> tuple[MonthUptime, ...]:
        return tuple(month for month in self.months if month.breached)


@dataclass(frozen=True, slots=True)
class QuarterMetrics:
    """How incidents that started in one calendar quarter (site's timezone) were handled."""

    year: int
    quarter: int
    start: date
    end: date
    """The quarter's last day."""
    incidents: int
    open: int
    by_impact: tuple[tuple[str, int], ...]
    mean_time_to_resolve: timedelta | None
    median_time_to_resolve: timedelta | None
    median_first_update: timedelta | None
    p90_first_update: timedelta | None
    serious: int
    """Major and critical incidents."""
    with_postmortem: int
    """Of those, how many have a postmortem."""

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.quarter}"

    @property
    def postmortem_coverage(self) -> float | None:
        return 100.0 * self.with_postmortem / self.serious if self.serious else None


@dataclass(frozen=True, slots=True)
class OverduePostmortem:
    slug: str
    title: str
    impact: str
    resolved_at: datetime
    due: datetime


@dataclass(frozen=True, slots=True)
class OverdueAction:
    slug: str
    title: str
    item: ActionItem


@dataclass(frozen=True, slots=True)
class RecurringCause:
    cause: str
    incidents: tuple[Incident, ...]
    """Oldest first."""


@dataclass(frozen=True, slots=True)
class UptimeReport:
    now: datetime
    weights: UptimeWeights
    components: Mapping[str, ComponentUptime]
    quarters: tuple[QuarterMetrics, ...]
    """Oldest first, from the quarter of the first incident to the current one."""
    overdue_postmortems: tuple[OverduePostmortem, ...]
    overdue_actions: tuple[OverdueAction, ...]
    recurring_causes: tuple[RecurringCause, ...]

    @property
    def overdue_action_keys(self) -> frozenset[tuple[str, int]]:
        """(incident slug, line) of each overdue action item: what an incident page marks "overdue"."""
        return frozenset((action.slug, action.item.line) for action in self.overdue_actions)


# The rules behind the "overdue" warnings of `statusblog check` and the uptime page.

def postmortem_overdue(impact: str, has_postmortem: bool, resolved_at: datetime | None, now: datetime,
                       deadline_days: int) -> bool:
    """A major or critical incident resolved more than the deadline ago, still without a postmortem."""
    return (impact in SERIOUS_IMPACTS and not has_postmortem and resolved_at is not None
            and now - resolved_at > timedelta(days=deadline_days))


def action_item_overdue(item: ActionItem, today: date) -> bool:
    """Not done, and due before today (in the site's timezone)."""
    return not item.done and item.due is not None and item.due < today


def floor_percent(value: float) -> float:
    """A percentage as published: three decimals, rounded down.

    Why down: rounding 99.9996 up would publish 100.000 % for a component that
    did go down; and since an SLA has at most three decimals, the published
    figure is below the target exactly when the true one is.
    """
    return math.floor(value * 1000 + 1e-6) / 1000


# Interval arithmetic. Times are POSIX seconds inside this section, for speed.

Segment = tuple[float, float, ComponentStatus]


def merge(intervals: Iterable[tuple[float, float, ComponentStatus]]) -> list[Segment]:
    """Non-overlapping, sorted segments where the worst status of the overlapping intervals wins.

    A sweep over start/end events with a count per status: O(n log n), so
    20,000 incidents on one component cost milliseconds.
    """
    events: list[tuple[float, int, int]] = []
    for start, end, status in intervals:
        if end > start and status is not ComponentStatus.OPERATIONAL:
            events.append((start, 1, int(status)))
            events.append((end, -1, int(status)))
    events.sort()
    counts = [0] * _STATUSES
    segments: list[Segment] = []
    previous: float | None = None
    for moment, change, status in events:
        if previous is not None and moment > previous:
            worst = next((s for s in range(_STATUSES - 1, 0, -1) if counts[s]), 0)
            if worst:
                if segments and segments[-1][1] == previous and segments[-1][2] == worst:
                    segments[-1] = (segments[-1][0], moment, segments[-1][2])
                else:
                    segments.append((previous, moment, ComponentStatus(worst)))
        counts[status] += change
        previous = moment
    return segments


@dataclass(frozen=True, slots=True)
class _Timeline:
    """A component's merged segments, with their ends indexed for range queries."""

    segments: Sequence[Segment]
    ends: Sequence[float]

    @classmethod
    def of(cls, segments: Sequence[Segment]) -> _Timeline:
        return cls(segments, [segment[1] for segment in segments])

    def measure(self, start: float, end: float, weights: UptimeWeights) -> tuple[float, float, ComponentStatus]:
        """(affected seconds, weighted downtime seconds, worst status) within [start, end)."""
        affected = downtime = 0.0
        worst = ComponentStatus.OPERATIONAL
        index = bisect_right(self.ends, start)
        while index < len(self.segments) and self.segments[index][0] < end:
            seg_start, seg_end, status = self.segments[index]
            overlap = min(seg_end, end) - max(seg_start, start)
            if overlap > 0:
                affected += overlap
                downtime += overlap * weights.weight(status)
                worst = max(worst, status)
            index += 1
        return affected, downtime, worst


def _incident_intervals(incidents: Iterable[IncidentFacts], now: datetime
                        ) -> dict[str, list[tuple[float, float, ComponentStatus]]]:
    by_component: dict[str, list[tuple[float, float, ComponentStatus]]] = defaultdict(list)
    now_ts = now.timestamp()
    for state in incidents:
        start = state.incident.started.timestamp()
        end = min((state.resolved_at or now).timestamp(), now_ts)
        for component_id, status in state.affected:
            by_component[component_id].append((start, end, status))
    return by_component


def _ended_by(incidents: Sequence[IncidentFacts], now: datetime) -> datetime:
    """The earliest "now" that gives these incidents the intervals they have at `now`.

    Once every one is resolved, each interval ends at its resolution whatever "now" is; asking at
    the last resolution lets the dev server reuse the intervals while the clock moves.
    """
    ends = [state.resolved_at for state in incidents]
    if any(end is None for end in ends):
        return now
    last = max(end for end in ends if end is not None)
    return last if last <= now else now


def component_intervals(incidents: Sequence[IncidentFacts], maintenances: Iterable[MaintenanceFacts],
                        now: datetime, memo: Memo = direct) -> dict[str, list[tuple[float, float, ComponentStatus]]]:
    """Each component's raw intervals: incidents from `started` to resolution (or now), and maintenance."""
    by_component: dict[str, list[tuple[float, float, ComponentStatus]]] = defaultdict(list)
    for run in runs(incidents, attrgetter("incident.source")):
        for component_id, intervals in memo(run[0].incident.source, _incident_intervals, run,
                                            _ended_by(run, now)).items():
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


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def _figures(timeline: _Timeline, start: datetime, end: datetime, service_start: datetime | None,
             weights: UptimeWeights) -> Uptime:
    """The figures of [start, end), counted only from when the component entered service."""
    counted_start = max(start, service_start) if service_start else start
    if end <= counted_start:
        return Uptime(start, end, 0.0, 0.0, 0.0)
    affected, downtime, _ = timeline.measure(counted_start.timestamp(), end.timestamp(), weights)
    return Uptime(start, end, (end - counted_start).total_seconds() / 60, affected / 60, downtime / 60)


def _days(timeline: _Timeline, today: date, now: datetime, tz: tzinfo, service_start: datetime | None,
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


def _months(timeline: _Timeline, component: Component, today: date, now: datetime, tz: tzinfo,
            service_start: datetime | None, weights: UptimeWeights) -> tuple[MonthUptime, ...]:
    current = today.replace(day=1)
    months = []
    for offset in range(MONTHS - 1, -1, -1):
        first = _add_months(current, -offset)
        start, month_end = local_midnight(first, tz), local_midnight(_add_months(first, 1), tz)
        figures = _figures(timeline, start, min(month_end, now), service_start, weights)
        allowed = None
        in_service = (month_end - (max(start, service_start) if service_start else start)).total_seconds() / 60
        if component.sla is not None and in_service > 0:
            allowed = in_service * (1 - component.sla / 100)
        months.append(MonthUptime(first, figures, month_end <= now, allowed))
    return tuple(months)


def component_uptime(component: Component, intervals: Iterable[tuple[float, float, ComponentStatus]],
                     now: datetime, tz: tzinfo, weights: UptimeWeights, memo: Memo = direct) -> ComponentUptime:
    timeline = _Timeline.of(memo(component.id, merge, intervals))
    today = now.astimezone(tz).date()
    service_start = local_midnight(component.start_date, tz) if component.start_date else None
    windows = tuple((days, _figures(timeline, local_midnight(today - timedelta(days=days - 1), tz), now,
                                    service_start, weights)) for days in WINDOWS)
    return ComponentUptime(
        component=component,
        days=_days(timeline, today, now, tz, service_start, weights),
        windows=windows,
        months=_months(timeline, component, today, now, tz, service_start, weights),
    )


# How incidents are handled.

def _quarter_start(day: date) -> date:
    return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def percentile(values: Sequence[timedelta], fraction: float) -> timedelta | None:
    """The nearest-rank percentile: the smallest value at least `fraction` of all values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)), 1) - 1]


def _median(values: Sequence[timedelta]) -> timedelta | None:
    return statistics.median(values) if values else None


def _quarter(first: date, states: Sequence[IncidentFacts]) -> QuarterMetrics:
    resolved = [s.resolved_at - s.incident.started for s in states if s.resolved_at is not None]
    delays = [s.first_update_delay for s in states]
    serious = [s for s in states if s.incident.impact in SERIOUS_IMPACTS]
    counts = {impact: 0 for impact in IMPACTS}
    for state in states:
        counts[state.incident.impact] += 1
    return QuarterMetrics(
        year=first.year,
        quarter=(first.month - 1) // 3 + 1,
        start=first,
        end=_add_months(first, 3) - timedelta(days=1),
        incidents=len(states),
        open=sum(1 for s in states if s.resolved_at is None),
        by_impact=tuple((impact, counts[impact]) for impact in reversed(IMPACTS)),
        mean_time_to_resolve=sum(resolved, timedelta()) / len(resolved) if resolved else None,
        median_time_to_resolve=_median(resolved),
        median_first_update=_median(delays),
        p90_first_update=percentile(delays, 0.9),
        serious=len(serious),
        with_postmortem=sum(1 for s in serious if s.incident.postmortem is not None),
    )


def _by_quarter(incidents: Iterable[IncidentFacts], tz: tzinfo) -> dict[date, list[IncidentFacts]]:
    by_quarter: dict[date, list[IncidentFacts]] = defaultdict(list)
    for state in incidents:
        by_quarter[_quarter_start(state.incident.started.astimezone(tz).date())].append(state)
    return by_quarter


def quarters(incidents: Sequence[IncidentFacts], now: datetime, tz: tzinfo,
             memo: Memo = direct) -> tuple[QuarterMetrics, ...]:
    by_quarter: dict[date, list[IncidentFacts]] = defaultdict(list)
    for run in runs(incidents, attrgetter("incident.source")):
        for start, states in memo(run[0].incident.source, _by_quarter, run, tz).items():
            by_quarter[start].extend(states)
    last = _quarter_start(now.astimezone(tz).date())
    first = min(by_quarter, default=last)
    result = []
    while first <= last:
        ordered = tuple(sorted(by_quarter.get(first, []), key=lambda s: s.incident.started))
        result.append(memo(first, _quarter, first, ordered))
        first = _add_months(first, 3)
    return tuple(result)


def _overdue(site: Site, incidents: Sequence[IncidentFacts], now: datetime, today: date
             ) -> tuple[tuple[OverduePostmortem, ...], tuple[OverdueAction, ...]]:
    deadline = site.config.postmortem_deadline_days
    postmortems, actions = [], []
    for state in sorted(incidents, key=lambda s: (s.incident.started, s.incident.slug)):
        incident = state.incident
        if state.resolved_at is not None and postmortem_overdue(incident.impact, incident.postmortem is not None,
                                                                state.resolved_at, now, deadline):
            postmortems.append(OverduePostmortem(incident.slug, incident.title, incident.impact, state.resolved_at,
                                                 state.resolved_at + timedelta(days=deadline)))
        if incident.postmortem is not None:
            actions += [OverdueAction(incident.slug, incident.title, item)
                        for item in incident.postmortem.action_items if action_item_overdue(item, today)]
    return tuple(postmortems), tuple(sorted(actions, key=lambda a: (a.item.due or today, a.slug, a.item.line)))


def recurring_causes(incidents: Iterable[IncidentFacts]) -> tuple[RecurringCause, ...]:
    by_cause: dict[str, list[Incident]] = defaultdict(list)
    for state in incidents:
        if state.incident.cause:
            by_cause[state.incident.cause].append(state.incident)
    return tuple(RecurringCause(cause, tuple(sorted(items, key=lambda i: (i.started, i.slug))))
                 for cause, items in sorted(by_cause.items()) if len(items) >= 2)


def report(site: Site, incidents: Sequence[IncidentFacts], maintenances: Sequence[MaintenanceFacts],
           now: datetime, memo: Memo = direct) -> UptimeReport:
    """Everything the uptime page, the component pages and api/uptime.json publish."""
    tz = zone(site.config.timezone)
    weights = site.config.uptime
    intervals = component_intervals(incidents, maintenances, now, memo)
    components = {key: memo(key, component_uptime, component, intervals.get(key, ()), now, tz, weights, memo)
                  for key, component in site.components.items()}
    postmortems, actions = _overdue(site, incidents, now, now.astimezone(tz).date())
    return UptimeReport(
        now=now,
        weights=weights,
        components=components,
        quarters=quarters(incidents, now, tz, memo),
        overdue_postmortems=postmortems,
        overdue_actions=actions,
        recurring_causes=recurring_causes(incidents),
    )
