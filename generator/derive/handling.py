"""How incidents are handled, at "now": time to resolve and to the first update, promises kept,
what is overdue, and causes that recur.

The figures `uptime/` and `api/uptime.json` publish beside uptime, and the
rules behind `check`'s overdue warnings, computed once here.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from ..core.addresses import Address
from ..core.memo import remembered, remembered_runs
from ..core.model import IMPACTS, ActionItem, Incident, Site
from ..core.times import add_months
from .timeline import IncidentFacts, Promise

SERIOUS_IMPACTS = ("major", "critical")


@dataclass(frozen=True, slots=True)
class QuarterMetrics:
    """How incidents that started in one period were handled: a calendar quarter, a calendar year (quarter 0),
    or the whole history (year and quarter 0); periods are in the site's timezone."""

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
    promises_due: int = 0
    """'Next update by' promises whose time came (or whose next update came) by "now"."""
    promises_on_time: int = 0
    median_lateness: timedelta | None = None
    """Over the promises whose next update came late."""

    @property
    def label(self) -> str:
        if not self.year:
            return "all"
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def postmortem_coverage(self) -> float | None:
        return 100.0 * self.with_postmortem / self.serious if self.serious else None


@dataclass(frozen=True, slots=True)
class OverduePostmortem:
    slug: str
    address: Address
    title: str
    impact: str
    resolved_at: datetime
    due: datetime


@dataclass(frozen=True, slots=True)
class OverdueAction:
    slug: str
    address: Address
    title: str
    item: ActionItem


@dataclass(frozen=True, slots=True)
class LateUpdate:
    """A promise an incident did not keep: the next update came late, or has not come and is overdue."""

    slug: str
    address: Address
    title: str
    promise: Promise


@dataclass(frozen=True, slots=True)
class RecurringCause:
    cause: str
    incidents: tuple[Incident, ...]
    """Oldest first."""


def postmortem_overdue(impact: str, has_postmortem: bool, resolved_at: datetime | None, now: datetime,
                       deadline_days: int) -> bool:
    """A major or critical incident resolved more than the deadline ago, still without a postmortem."""
    return (impact in SERIOUS_IMPACTS and not has_postmortem and resolved_at is not None
            and now - resolved_at > timedelta(days=deadline_days))


def action_item_overdue(item: ActionItem, today: date) -> bool:
    """Not done, and due before today (in the site's timezone)."""
    return not item.done and item.due is not None and item.due < today


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


@remembered(lambda year, quarter, *_: (year, quarter))
def _period(year: int, quarter: int, start: date, end: date, states: Sequence[IncidentFacts]) -> QuarterMetrics:
    resolved = [s.resolved_at - s.incident.started for s in states if s.resolved_at is not None]
    delays = [s.first_update_delay for s in states]
    serious = [s for s in states if s.incident.impact in SERIOUS_IMPACTS]
    counts = {impact: 0 for impact in IMPACTS}
    for state in states:
        counts[state.incident.impact] += 1
    lateness = [late for s in states for late in s.promise_record.lateness]
    return QuarterMetrics(
        year=year,
        quarter=quarter,
        start=start,
        end=end,
        incidents=len(states),
        open=sum(1 for s in states if s.resolved_at is None),
        by_impact=tuple((impact, counts[impact]) for impact in reversed(IMPACTS)),
        mean_time_to_resolve=sum(resolved, timedelta()) / len(resolved) if resolved else None,
        median_time_to_resolve=_median(resolved),
        median_first_update=_median(delays),
        p90_first_update=percentile(delays, 0.9),
        serious=len(serious),
        with_postmortem=sum(1 for s in serious if s.incident.postmortem is not None),
        promises_due=sum(s.promise_record.due for s in states),
        promises_on_time=sum(s.promise_record.on_time for s in states),
        median_lateness=_median(lateness),
    )


def _quarter(first: date, states: Sequence[IncidentFacts]) -> QuarterMetrics:
    return _period(first.year, (first.month - 1) // 3 + 1, first, add_months(first, 3) - timedelta(days=1), states)


@remembered_runs(lambda state: state.incident.source)
def _by_quarter(incidents: Iterable[IncidentFacts], tz: tzinfo) -> dict[date, list[IncidentFacts]]:
    by_quarter: dict[date, list[IncidentFacts]] = defaultdict(list)
    for state in incidents:
        by_quarter[_quarter_start(state.incident.started.astimezone(tz).date())].append(state)
    return by_quarter


def grouped_by_quarter(incidents: Sequence[IncidentFacts], tz: tzinfo) -> dict[date, tuple[IncidentFacts, ...]]:
    """Incidents by the quarter they started in (site's timezone), oldest quarter and incident first."""
    by_quarter = _by_quarter(incidents, tz)
    return {start: tuple(sorted(states, key=lambda s: s.incident.started))
            for start, states in sorted(by_quarter.items())}


def quarters(grouped: Mapping[date, tuple[IncidentFacts, ...]]) -> tuple[QuarterMetrics, ...]:
    """The quarters in which incidents started, oldest first."""
    return tuple(_quarter(first, states) for first, states in grouped.items())


def handling_summaries(grouped: Mapping[date, tuple[IncidentFacts, ...]]
                       ) -> tuple[tuple[QuarterMetrics, ...], QuarterMetrics | None]:
    """The incident-handling figures per calendar year with incidents, and over the whole history."""
    by_year: dict[int, list[IncidentFacts]] = defaultdict(list)
    for first, states in grouped.items():
        by_year[first.year].extend(states)
    years = tuple(_period(year, 0, date(year, 1, 1), date(year, 12, 31), tuple(states))
                  for year, states in by_year.items())
    if not grouped:
        return years, None
    everything = [state for states in grouped.values() for state in states]
    return years, _period(0, 0, min(grouped), add_months(max(grouped), 3) - timedelta(days=1), everything)


def overdue(site: Site, incidents: Sequence[IncidentFacts], now: datetime, today: date
             ) -> tuple[tuple[OverduePostmortem, ...], tuple[OverdueAction, ...]]:
    deadline = site.config.postmortem_deadline_days
    postmortems, actions = [], []
    for state in sorted(incidents, key=lambda s: (s.incident.started, s.incident.slug)):
        incident = state.incident
        if state.resolved_at is not None and postmortem_overdue(incident.impact, incident.postmortem is not None,
                                                                state.resolved_at, now, deadline):
            due = state.resolved_at + timedelta(days=deadline)
            postmortems.append(OverduePostmortem(incident.slug, incident.address, incident.title, incident.impact,
                                                 state.resolved_at, due))
        if incident.postmortem is not None:
            actions += [OverdueAction(incident.slug, incident.address, incident.title, item)
                        for item in incident.postmortem.action_items if action_item_overdue(item, today)]
    return tuple(postmortems), tuple(sorted(actions, key=lambda a: (a.item.due or today, a.slug, a.item.line)))


def late_updates(incidents: Iterable[IncidentFacts]) -> tuple[LateUpdate, ...]:
    late = [LateUpdate(s.incident.slug, s.incident.address, s.incident.title, promise)
            for s in incidents for promise in s.promises if promise.late_by is not None]
    return tuple(sorted(late, key=lambda item: (item.promise.due, item.slug)))


def recurring_causes(incidents: Iterable[IncidentFacts]) -> tuple[RecurringCause, ...]:
    by_cause: dict[str, list[Incident]] = defaultdict(list)
    for state in incidents:
        if state.incident.cause:
            by_cause[state.incident.cause].append(state.incident)
    return tuple(RecurringCause(cause, tuple(sorted(items, key=lambda i: (i.started, i.slug))))
                 for cause, items in sorted(by_cause.items()) if len(items) >= 2)
