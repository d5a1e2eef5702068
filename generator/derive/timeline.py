"""What an incident's updates say over time: each component's course, and each promised next update.

Per incident and pure: the derived incident state carries both, and the uptime
figures, the pages, the API and `check` read them from there. The small
protocols at the end say what the uptime and handling figures need of an
incident or a maintenance at "now", so they depend on nothing above them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from ..core.model import RESOLVED, ComponentStatus, Incident, Maintenance, Update
from .intervals import Interval


@dataclass(frozen=True, slots=True)
class ComponentChange:
    """A component whose status one update changed: a line of the timeline, Statuspage's affected_components."""

    id: str
    old: ComponentStatus
    new: ComponentStatus


@dataclass(frozen=True, slots=True)
class ComponentSpan:
    """A stretch of one incident during which it held one component at one status (never operational)."""

    id: str
    start: datetime
    end: datetime | None
    """None: until the incident ends (its resolution, or "now" while it is open)."""
    status: ComponentStatus


@dataclass(frozen=True, slots=True)
class ComponentCourse:
    """What one incident did to each of its components, update by update."""

    changes: tuple[tuple[ComponentChange, ...], ...]
    """For each update, in order: the components whose status it changed (the first update reports the
    incident's own statuses, the 'resolved' one returns every component to operational)."""
    spans: tuple[ComponentSpan, ...]
    latest: tuple[tuple[str, ComponentStatus], ...]
    """Each component at the status the latest update leaves it: what an open incident holds it at."""
    worst: tuple[tuple[str, ComponentStatus], ...]
    """Each component at the worst status the incident gave it, in the order they were first named."""

    def intervals(self, end: datetime) -> tuple[tuple[str, Interval], ...]:
        """Each span as (component, interval), a span still open ending at `end`: what uptime sums."""
        end_ts = end.timestamp()
        return tuple((span.id, (span.start.timestamp(), end_ts if span.end is None else min(span.end.timestamp(),
                                                                                              end_ts), span.status))
                     for span in self.spans)


def component_course(started: datetime, initial: Iterable[tuple[str, ComponentStatus]],
                     updates: Sequence[Update]) -> ComponentCourse:
    """Follow each component from `started` through every 'Components:' line of the updates.

    The incident's front matter sets each component's status at `started`; an update's setting holds
    from that update's time until a later one sets the component again. A component set to operational
    stops counting as down there, and counts again if a later update sets it down (a relapse).
    """
    held = dict(initial)
    points = {component_id: [(started, status)] for component_id, status in held.items()}
    reported = dict.fromkeys(held, ComponentStatus.OPERATIONAL)
    changes = []
    for update in updates:
        for setting in update.components:
            held[setting.id] = setting.status
            points.setdefault(setting.id, []).append((update.at, setting.status))
        shown = dict.fromkeys(held, ComponentStatus.OPERATIONAL) if update.status == RESOLVED else held
        changes.append(tuple(ComponentChange(component_id, reported.get(component_id, ComponentStatus.OPERATIONAL),
                                             status)
                             for component_id, status in shown.items()
                             if status is not reported.get(component_id, ComponentStatus.OPERATIONAL)))
        reported.update(shown)
    spans = []
    for component_id, moments in points.items():
        for (start, status), following in zip(moments, [*moments[1:], None], strict=True):
            if status is not ComponentStatus.OPERATIONAL:
                spans.append(ComponentSpan(component_id, start, following[0] if following else None, status))
    return ComponentCourse(
        changes=tuple(changes),
        spans=tuple(spans),
        latest=tuple(held.items()),
        worst=tuple((component_id, max(status for _, status in moments)) for component_id, moments in points.items()),
    )


@dataclass(frozen=True, slots=True)
class Promise:
    """A 'next update by' time written in an update, and whether the next update came by then."""

    line: int
    """The line of the update that made the promise."""
    made_at: datetime
    due: datetime
    answered_at: datetime | None
    """When the next update came; None while none has."""
    answer_line: int | None
    late_by: timedelta | None
    """How late the next update came, or, while none has, how long ago the promise fell due;
    None when it came on time or the promise is not due yet."""

    @property
    def on_time(self) -> bool:
        return self.answered_at is not None and self.late_by is None

    @property
    def fell_due(self) -> bool:
        """Kept, broken or overdue: a promise whose outcome counts."""
        return self.answered_at is not None or self.late_by is not None


@dataclass(frozen=True, slots=True)
class PromiseRecord:
    """One incident's promises, counted once, so figures over thousands of incidents only add numbers up."""

    due: int
    on_time: int
    lateness: tuple[timedelta, ...]
    """How late each late answer came (overdue promises, still growing, are not in it)."""

    @classmethod
    def of(cls, kept: Sequence[Promise]) -> PromiseRecord:
        due = [promise for promise in kept if promise.fell_due]
        return cls(len(due), sum(1 for promise in due if promise.on_time),
                   tuple(p.late_by for p in due if p.answered_at is not None and p.late_by is not None))


def promises(updates: Sequence[Update], now: datetime) -> tuple[Promise, ...]:
    """Every promise of these published updates, kept or not, at "now".

    The promise of an update is answered by the next update, whatever it says; the update that
    resolves an incident promises nothing more.
    """
    result = []
    for index, update in enumerate(updates):
        due = update.next_update
        if due is None or (update.status == "resolved" and index == len(updates) - 1):
            continue
        answer = updates[index + 1] if index + 1 < len(updates) else None
        if answer is not None:
            late = answer.at - due if answer.at > due else None
        else:
            late = now - due if now > due else None
        result.append(Promise(update.line, update.at, due, answer.at if answer else None,
                              answer.line if answer else None, late))
    return tuple(result)


class IncidentFacts(Protocol):
    """What this module needs of an incident as published at "now" (derive.IncidentState)."""

    incident: Incident
    resolved_at: datetime | None
    intervals: tuple[tuple[str, Interval], ...]
    first_update_delay: timedelta
    course: ComponentCourse
    promises: tuple[Promise, ...]
    promise_record: PromiseRecord


class MaintenanceFacts(Protocol):
    """What this module needs of a maintenance at "now" (derive.MaintenanceState)."""

    maintenance: Maintenance
    held: tuple[datetime, datetime] | None
