"""Derived state at the build's "now": what is open, what is broken, and since when.

Everything time-dependent is decided here, once, from the model and one
"now"; outputs only read the result. An update dated after "now" is not yet
published, so building at a past "now" shows the site as it was then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from operator import attrgetter

from ..core.addresses import Address
from ..core.memo import remembered, remembered_runs
from ..core.model import (
    ACTIVE_MAINTENANCE,
    ENDED_MAINTENANCE,
    IMPACT_STATUS,
    IMPACTS,
    RESOLVED,
    Author,
    Component,
    ComponentStatus,
    Incident,
    Maintenance,
    Site,
    Update,
    running_status,
)
from ..proof.bylines import NO_BYLINES, Bylines
from .intervals import Interval
from .timeline import ComponentChange, ComponentCourse, Promise, PromiseRecord, component_course, promises
from .uptime import UptimeReport, report

REMINDER_LEAD = timedelta(hours=24)
"""How long before a window opens its reminder is published to the feeds (and so sent by notify)."""
COMPLETED_KEPT = timedelta(hours=24)
"""How long after a window closes on its own its "completed" notice stays in the feeds."""

INDICATOR_BY_STATUS = {
    ComponentStatus.OPERATIONAL: "none",
    ComponentStatus.UNDER_MAINTENANCE: "maintenance",
    ComponentStatus.DEGRADED_PERFORMANCE: "minor",
    ComponentStatus.PARTIAL_OUTAGE: "major",
    ComponentStatus.MAJOR_OUTAGE: "critical",
}


@dataclass(frozen=True, slots=True)
class IncidentState:
    incident: Incident
    """The incident with only the updates published by "now"."""
    status: str
    resolved_at: datetime | None
    duration: timedelta
    first_update_delay: timedelta
    eta: datetime | None
    eta_overdue: bool
    affected: tuple[tuple[str, ComponentStatus], ...]
    """Each affected component with the worst status this incident gave it."""
    course: ComponentCourse
    """Each component's status update by update: the timeline's changes and the uptime's intervals."""
    intervals: tuple[tuple[str, Interval], ...]
    """The course's spans, the open ones ending at "now": what uptime merges per component."""
    promises: tuple[Promise, ...]
    """Every 'next update by' of the published updates, and whether the next update came by then."""
    promise_record: PromiseRecord
    """The same, counted: what the uptime page's figures add up over many incidents."""

    @property
    def holds(self) -> tuple[tuple[str, ComponentStatus], ...]:
        """Each component at the status this incident holds it at "now" (all operational once resolved)."""
        if not self.is_open:
            return tuple((component_id, ComponentStatus.OPERATIONAL) for component_id, _ in self.course.latest)
        return self.course.latest

    def changes(self, update: Update) -> tuple[ComponentChange, ...]:
        """The components whose status this update changed, for its entry in the timeline and feeds."""
        return self.course.changes[self.incident.updates.index(update)]

    def stated_changes(self, update: Update) -> tuple[ComponentChange, ...]:
        """The changes its own 'Components:' line made: what the timeline words ("operational again")."""
        stated = {setting.id for setting in update.components}
        return tuple(change for change in self.changes(update) if change.id in stated)

    def late_answer(self, update: Update) -> Promise | None:
        """The promise this update came too late for, if it did."""
        return next((p for p in self.promises if p.answer_line == update.line and p.late_by is not None), None)

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def latest(self) -> Update:
        return self.incident.updates[-1]

    @property
    def slug(self) -> str:
        return self.incident.slug

    @property
    def address(self) -> Address:
        return self.incident.address


@dataclass(frozen=True, slots=True)
class Notice:
    """What a maintenance window's schedule says by itself, where no person has said it: no one writes or
    signs it, so it has no author (schedule_notices decides when one exists)."""

    kind: str
    """'reminder' (a day before the window), 'started' or 'completed' (when it opens or closes on its own)."""
    at: datetime
    """When it is published: fixed by the schedule, never by the build that first sees it."""
    status: str
    """The window's status it announces: 'scheduled', 'in_progress' or 'completed'."""

    @property
    def anchor(self) -> str:
        """Its name beside the window's updates (`u-<time>`), by kind and time: a moved window's is new."""
        return f"{self.kind}-{self.at.astimezone(UTC):%Y%m%dT%H%M%SZ}"


@dataclass(frozen=True, slots=True)
class MaintenanceState:
    maintenance: Maintenance
    """The maintenance with only the updates published by "now"."""
    status: str
    held: tuple[datetime, datetime] | None
    """When the window really held its components, up to "now" (None before it opens)."""
    ended_at: datetime | None
    """When it ended, once it has: its last 'completed' or 'cancelled' update, else the scheduled end."""
    notices: tuple[Notice, ...] = ()
    """The schedule's own notices in effect at "now" (schedule_notices), oldest first."""

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_MAINTENANCE

    @property
    def is_upcoming(self) -> bool:
        return self.status == "scheduled"

    @property
    def slug(self) -> str:
        return self.maintenance.slug

    @property
    def address(self) -> Address:
        return self.maintenance.address


@dataclass(frozen=True, slots=True)
class ComponentState:
    component: Component
    status: ComponentStatus
    incidents: tuple[IncidentState, ...]
    maintenances: tuple[MaintenanceState, ...]

    @property
    def address(self) -> Address:
        return self.component.address


@dataclass(frozen=True, slots=True)
class ComponentGroup:
    """Components listed together; the group as a whole is as bad as its worst member, as on Statuspage."""

    name: str
    """Empty for the components that belong to no group."""
    members: tuple[ComponentState, ...]

    @property
    def status(self) -> ComponentStatus:
        return max(member.status for member in self.members)


@dataclass(frozen=True, slots=True)
class Overall:
    """The answer to "is it working?" in Statuspage's terms, as data: the theme's words.html words it."""

    indicator: str
    status: ComponentStatus
    parts: tuple[tuple[ComponentStatus, tuple[str, ...]], ...]
    """Non-operational statuses, worst first, each with the names of its components."""
    open_incidents: int

    @property
    def described(self) -> str:
        """Which of Statuspage's descriptions fits: its indicator's, except that a minor state whose worst
        component is only degraded is "Partially Degraded Service" there, not an outage ('degraded')."""
        if self.indicator == "minor" and self.status is ComponentStatus.DEGRADED_PERFORMANCE:
            return "degraded"
        return self.indicator


@dataclass(frozen=True, slots=True)
class SignedItem:
    """One update or postmortem an author signed, for their page."""

    parent: Address
    """The page of the incident or maintenance it is in."""
    parent_title: str
    kind: str  # "incident" or "maintenance"
    at: datetime | None
    anchor: str
    status: str


@dataclass(frozen=True, slots=True)
class SiteState:
    site: Site
    now: datetime
    incidents: tuple[IncidentState, ...]
    """Published incidents, newest first."""
    maintenances: tuple[MaintenanceState, ...]
    components: Mapping[str, ComponentState]
    overall: Overall
    signed: Mapping[str, tuple[SignedItem, ...]]
    next_change: datetime | None
    """When this output next changes by itself (a window opens or closes, an update is due)."""
    uptime: UptimeReport
    """Uptime per component against its SLA, and how incidents were handled (generator/derive/uptime.py)."""
    bylines: Bylines = NO_BYLINES
    """(source, heading line) -> proof of the byline (generator/proof/verify.py); empty unless verifying."""

    @property
    def open_incidents(self) -> tuple[IncidentState, ...]:
        return tuple(state for state in self.incidents if state.is_open)

    @property
    def active_maintenances(self) -> tuple[MaintenanceState, ...]:
        return tuple(state for state in self.maintenances if state.is_active)

    @property
    def upcoming_maintenances(self) -> tuple[MaintenanceState, ...]:
        upcoming = (state for state in self.maintenances if state.is_upcoming)
        return tuple(sorted(upcoming, key=lambda s: (s.maintenance.scheduled_start, s.slug)))

    @property
    def groups(self) -> tuple[ComponentGroup, ...]:
        """Components by group, in registry order of each group's first component."""
        grouped: dict[str, list[ComponentState]] = {}
        for state in sorted(self.components.values(), key=lambda s: s.component.position):
            grouped.setdefault(state.component.group, []).append(state)
        return tuple(ComponentGroup(name, tuple(states)) for name, states in grouped.items())

    @property
    def authors(self) -> Mapping[str, Author]:
        return self.site.authors


@remembered(lambda incident, _now: incident.source)
def incident_state(incident: Incident, now: datetime) -> IncidentState | None:
    """The incident as published at "now", or None if nothing of it is public yet."""
    updates = tuple(update for update in incident.updates if update.at <= now)
    if not updates:
        return None
    status = running_status([update.status for update in updates])
    postmortem = incident.postmortem if postmortem_published(incident, status, now) else None
    published = (replace(incident, updates=updates, postmortem=postmortem)
                 if len(updates) != len(incident.updates) or postmortem is not incident.postmortem else incident)
    resolved_at = updates[-1].at if status == RESOLVED else None
    end = resolved_at or now
    eta = None if resolved_at else (updates[-1].next_update or incident.next_update)
    default = IMPACT_STATUS[incident.impact]
    kept = promises(updates, now)
    course = component_course(incident.started, ((c.id, c.status if c.status is not None else default)
                                                 for c in incident.components), updates)
    return IncidentState(
        incident=published,
        status=status,
        resolved_at=resolved_at,
        duration=max(end - incident.started, timedelta(0)),
        first_update_delay=max(updates[0].at - incident.started, timedelta(0)),
        eta=eta,
        eta_overdue=eta is not None and eta < now,
        affected=course.worst,
        course=course,
        intervals=course.intervals(end),
        promises=kept,
        promise_record=PromiseRecord.of(kept),
    )


def postmortem_published(incident: Incident, status: str, now: datetime) -> bool:
    """A postmortem is out from its own time; one written without a time, from the incident's resolution."""
    postmortem = incident.postmortem
    if postmortem is None:
        return False
    return postmortem.at <= now if postmortem.at is not None else status == RESOLVED


@remembered(lambda incident: incident.source)
def settled_at(incident: Incident) -> datetime | None:
    """From when incident_state() is the same at every later "now": all updates and the postmortem out,
    the last update saying resolved."""
    if not incident.updates or running_status([update.status for update in incident.updates]) != RESOLVED:
        return None
    postmortem = incident.postmortem
    return max([*map(attrgetter("at"), incident.updates), *([postmortem.at] if postmortem and postmortem.at else [])])


def state_at(incident: Incident, now: datetime) -> IncidentState | None:
    """incident_state() at the earliest moment that gives the answer it gives at `now`.

    A settled incident is asked for at its resolution, so its state is one value while the clock
    moves: what lets the dev server's rebuilds reuse it (generator/core/memo.py).
    """
    settled = settled_at(incident)
    return incident_state(incident, settled if settled is not None and settled <= now else now)


def maintenance_state(maintenance: Maintenance, now: datetime) -> MaintenanceState:
    """Windows open and close on their own at the scheduled times, unless staff say otherwise.

    A window opens at its scheduled start or at an earlier 'in_progress' or 'verifying' update, and
    closes at its scheduled end or at an earlier 'completed' or 'cancelled' one: its status, the
    uptime it costs, the API's times and the calendar all read these answers, worked out here once.
    """
    updates = tuple(update for update in maintenance.updates if update.at <= now)
    published = replace(maintenance, updates=updates) if len(updates) != len(maintenance.updates) else maintenance
    latest = updates[-1].status if updates else "scheduled"
    if latest in ENDED_MAINTENANCE:
        status = latest
    elif now >= maintenance.scheduled_end:
        status = "completed"
    elif latest in ACTIVE_MAINTENANCE:
        status = latest
    elif now >= maintenance.scheduled_start:
        status = "in_progress"
    else:
        status = "scheduled"
    opened = min([maintenance.scheduled_start, *(u.at for u in updates if u.status in ACTIVE_MAINTENANCE)])
    ends = [u.at for u in updates if u.status in ENDED_MAINTENANCE]
    closed = min([maintenance.scheduled_end, *ends, now])
    ended_at = (ends[-1] if ends else maintenance.scheduled_end) if status in ENDED_MAINTENANCE else None
    return MaintenanceState(published, status, (opened, closed) if closed > opened else None, ended_at,
                            schedule_notices(maintenance, now))


OPENED_OR_ENDED = (*ACTIVE_MAINTENANCE, *ENDED_MAINTENANCE)
"""Statuses of an update by which a person opened, completed or cancelled a window: the schedule then need
not remind of it or say that it started."""


def _candidates(maintenance: Maintenance) -> tuple[tuple[Notice, datetime, tuple[str, ...]], ...]:
    """Each notice the schedule can make, with the moment it lapses and the statuses that make it needless."""
    start, end = maintenance.scheduled_start, maintenance.scheduled_end
    return (
        (Notice("reminder", start - REMINDER_LEAD, "scheduled"), start, OPENED_OR_ENDED),
        (Notice("started", start, "in_progress"), end, OPENED_OR_ENDED),
        (Notice("completed", end, "completed"), end + COMPLETED_KEPT, ENDED_MAINTENANCE),
    )


def schedule_notices(maintenance: Maintenance, now: datetime) -> tuple[Notice, ...]:
    """The notices a window's schedule publishes at "now", where no person has spoken for that moment.

    - a reminder, dated a day before the start, from then until the start;
    - "started", dated at the start, from then until the scheduled end;
    - "completed", dated at the scheduled end, for a day after it.

    A notice steps aside for the people running the window: there is none once an update published by
    "now" is dated at or after the notice's time (that update is the news), neither of the first two once a
    published update has opened, completed or cancelled the window, and no "completed" once one completed
    or cancelled it; so a cancelled window has none. Whether a notice exists follows from the content and
    "now" alone, and its time is fixed by the schedule: every build in its span publishes the same entry,
    and `notify` sends it once. Each lapses when it is no longer news (a reminder once its window opens).
    """
    published = [update for update in maintenance.updates if update.at <= now]
    return tuple(notice for notice, lapses, needless in _candidates(maintenance)
                 if notice.at <= now < lapses
                 and not any(update.at >= notice.at or update.status in needless for update in published))


def notice_moments(maintenance: Maintenance) -> list[datetime]:
    """When each notice the window's schedule will make appears and lapses: the feeds change then by themselves.

    A notice that is ever in effect is in effect at its own time (see notices_made), so one that is not
    then never appears, and neither moment is a change.
    """
    return [moment for notice, lapses, _ in _candidates(maintenance)
            if notice in schedule_notices(maintenance, notice.at) for moment in (notice.at, lapses)]


def notices_made(maintenance: Maintenance, now: datetime) -> tuple[Notice, ...]:
    """Every notice the schedule has published at some moment up to "now", lapsed or not.

    A notice that is in effect at some moment is in effect at its own time (what could make it needless
    then is published at any later moment too), so this asks each at its own time. `notify` names an entry
    of an output built a moment earlier by it, when the notice has lapsed since.
    """
    return tuple(notice for notice, _, _ in _candidates(maintenance)
                 if notice.at <= now and notice in schedule_notices(maintenance, notice.at))


def _overall(components: Mapping[str, ComponentState], open_incidents: list[IncidentState]) -> Overall:
    by_status: dict[ComponentStatus, list[str]] = defaultdict(list)
    for state in sorted(components.values(), key=lambda s: s.component.position):
        if state.status is not ComponentStatus.OPERATIONAL:
            by_status[state.status].append(state.component.name)
    worst = max(by_status, default=ComponentStatus.OPERATIONAL)
    indicator = INDICATOR_BY_STATUS[worst]
    worst_impact = max((IMPACTS.index(s.incident.impact) for s in open_incidents), default=0)
    if worst_impact and (indicator in ("none", "maintenance") or IMPACTS.index(indicator) < worst_impact):
        indicator = IMPACTS[worst_impact]
    parts = tuple((status, tuple(by_status[status])) for status in sorted(by_status, reverse=True))
    return Overall(indicator=indicator, status=worst, parts=parts, open_incidents=len(open_incidents))


@remembered_runs(lambda state: state.incident.source)
def signed_in(incidents: Iterable[IncidentState]) -> dict[str, list[SignedItem]]:
    """What each author signed in these incidents, in their order and each one's timeline order."""
    signed: dict[str, list[SignedItem]] = defaultdict(list)
    for state in incidents:
        incident = state.incident
        address = incident.address
        for update in incident.updates:
            signed[update.author].append(SignedItem(address, incident.title, "incident", update.at,
                                                    update.anchor, update.status))
        if incident.postmortem:
            signed[incident.postmortem.author].append(SignedItem(address, incident.title,
                                                                 "incident", incident.postmortem.at, "postmortem",
                                                                 "postmortem"))
    return signed


def _signed(incidents: Sequence[IncidentState], maintenances: Iterable[MaintenanceState]) -> dict:
    """What each author signed, in the incidents' order and each one's timeline order, then maintenance."""
    signed: dict[str, list[SignedItem]] = defaultdict(list)
    for author, items in signed_in(incidents).items():
        signed[author].extend(items)
    for mstate in maintenances:
        for update in mstate.maintenance.updates:
            signed[update.author].append(SignedItem(mstate.address, mstate.maintenance.title, "maintenance",
                                                    update.at, update.anchor, update.status))
    return {author: tuple(items) for author, items in signed.items()}


def _next_change(site: Site, now: datetime, incidents: Iterable[IncidentState]) -> datetime | None:
    moments = [m.scheduled_start for m in site.maintenances] + [m.scheduled_end for m in site.maintenances]
    moments += [at for m in site.maintenances for at in notice_moments(m)]
    moments += [u.at for m in site.maintenances for u in m.updates]
    moments += [u.at for i in site.incidents for u in i.updates]
    moments += [i.postmortem.at for i in site.incidents if i.postmortem and i.postmortem.at]
    moments += [s.eta for s in incidents if s.eta is not None]
    return min((moment for moment in moments if moment > now), default=None)


def derive(site: Site, now: datetime, bylines: Bylines = NO_BYLINES) -> SiteState:
    """The site at "now"."""
    incidents = [state for i in site.incidents if (state := state_at(i, now)) is not None]
    maintenances = [maintenance_state(m, now) for m in site.maintenances]
    by_component: dict[str, list[IncidentState]] = defaultdict(list)
    status: dict[str, ComponentStatus] = {key: ComponentStatus.OPERATIONAL for key in site.components}
    for state in incidents:
        for component_id, _ in state.affected:
            by_component[component_id].append(state)
        for component_id, component_status in state.holds if state.is_open else ():
            if component_id in status:
                status[component_id] = max(status[component_id], component_status)
    maintenance_by_component: dict[str, list[MaintenanceState]] = defaultdict(list)
    for mstate in maintenances:
        for component_id in mstate.maintenance.components:
            maintenance_by_component[component_id].append(mstate)
            if mstate.is_active and component_id in status:
                status[component_id] = max(status[component_id], ComponentStatus.UNDER_MAINTENANCE)
    components = {
        key: ComponentState(component, status[key], tuple(by_component[key]), tuple(maintenance_by_component[key]))
        for key, component in site.components.items()
    }
    open_incidents = [state for state in incidents if state.is_open]
    return SiteState(
        site=site,
        now=now,
        incidents=tuple(incidents),
        maintenances=tuple(maintenances),
        components=components,
        overall=_overall(components, open_incidents),
        signed=_signed(incidents, maintenances),
        next_change=_next_change(site, now, incidents),
        uptime=report(site, incidents, maintenances, now),
        bylines=bylines,
    )
