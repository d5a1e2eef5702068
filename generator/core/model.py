"""The site as written: immutable, typed, independent of "now".

Every later step (checks, derived state, outputs) reads these objects and
never changes them, so outputs can be computed in any order or in parallel.
Each item keeps its source path and line so a later check can still point at
the line to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import IntEnum
from urllib.parse import quote

from .addresses import (
    Address,
    author_address,
    component_address,
    free_page_address,
    incident_address,
    maintenance_address,
)
from .keys import PublicKey, readable_keys
from .pickling import by_position
from .times import compact_utc

IMPACTS = ("none", "minor", "major", "critical")
INCIDENT_STATUSES = ("investigating", "identified", "monitoring", "resolved", "update")
MAINTENANCE_STATUSES = ("scheduled", "in_progress", "verifying", "completed", "cancelled")
ACTIVE_MAINTENANCE = ("in_progress", "verifying")
"""A maintenance update with one of these opens the window early (and keeps it open)."""
ENDED_MAINTENANCE = ("completed", "cancelled")
"""A maintenance update with one of these closes the window early."""
NOTIFY_FORMATS = ("apprise", "statuspage")
"""What a notify channel's `format` may be; notify/formats.py holds what each means."""
RESOLVED = "resolved"
"""The one incident status that ends an incident: the latest update's status is the incident's."""
PLAIN_UPDATE = "update"
"""An update that says something and changes no status: the status in effect carries on."""
ENDED_STATUSES = frozenset({RESOLVED, *ENDED_MAINTENANCE})
"""Every status after which an item is over: what a notification shows as good news."""


def running_statuses(statuses: Iterable[str]) -> list[str]:
    """Each update's status as it stands, an incident's timeline read in order: a plain 'update' keeps the
    status in effect (investigating, before any), as Statuspage shows it."""
    shown, current = [], INCIDENT_STATUSES[0]
    for status in statuses:
        current = current if status == PLAIN_UPDATE else status
        shown.append(current)
    return shown


def running_status(statuses: Sequence[str]) -> str:
    """The status in effect after these updates: the incident's status."""
    return next((status for status in reversed(statuses) if status != PLAIN_UPDATE), INCIDENT_STATUSES[0])


class ComponentStatus(IntEnum):
    """Statuspage's component vocabulary, ordered so that max() is the worst."""

    OPERATIONAL = 0
    UNDER_MAINTENANCE = 1
    DEGRADED_PERFORMANCE = 2
    PARTIAL_OUTAGE = 3
    MAJOR_OUTAGE = 4

    @property
    def key(self) -> str:
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> ComponentStatus:
        return cls[key.upper()]

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(member.key for member in cls)


IMPACT_STATUS = {
    "none": ComponentStatus.OPERATIONAL,
    "minor": ComponentStatus.DEGRADED_PERFORMANCE,
    "major": ComponentStatus.PARTIAL_OUTAGE,
    "critical": ComponentStatus.MAJOR_OUTAGE,
}


def mailto(address: str) -> str:
    """The one place a mailto: link is made: the address percent-encoded (all but '@' and '+'), so that
    no character of it can add a header (`?cc=`), a body, or end the link, whatever the address holds."""
    return "mailto:" + quote(address, safe="@+") if address else ""


@dataclass(frozen=True, slots=True)
class Contact:
    email: str = ""
    phone: str = ""
    url: str = ""

    @property
    def mailto(self) -> str:
        return mailto(self.email)


@dataclass(frozen=True, slots=True)
class UptimeWeights:
    """How much of an affected minute counts as downtime, per component status."""

    major_outage: float = 1.0
    partial_outage: float = 0.3
    degraded_performance: float = 0.0
    under_maintenance: float = 0.0

    def weight(self, status: ComponentStatus) -> float:
        if status is ComponentStatus.OPERATIONAL:
            return 0.0
        return float(getattr(self, status.key))


@dataclass(frozen=True, slots=True)
class NotifyChannel:
    """A place `statusblog notify` pushes each new feed entry to (generator/notify/).

    The URL itself is a secret (a token, a password, a webhook path), so the
    repository names only the environment variable that holds it.
    """

    name: str
    url_env: str
    format: str = "apprise"
    """"apprise" (Slack, Discord, Teams, email, ... by the URL's scheme) or "statuspage" (Statuspage's webhook body)."""
    components: tuple[str, ...] = ()
    """Only entries about these components; empty means every entry."""
    min_impact: str = "none"
    maintenance: bool = True
    subscribe: str = ""
    """What the subscribe page tells customers about this channel (e.g. where to join it)."""
    timeout: float = 10.0
    line: int = 0


@dataclass(frozen=True, slots=True)
class AlertRule:
    """One `[[alert]]` table of site.toml: which alerts it takes, and the draft incident they open.

    An alert's labels must equal every label of `match`; the first table that matches wins
    (generator/alerts/). The draft's updates carry `author`'s name, unsigned until she commits them signed.
    """

    match: tuple[tuple[str, str], ...]
    author: str
    components: tuple[tuple[str, str], ...] = ()
    """Component id and status, in the order written; empty means the template's."""
    impact: str = ""
    """Empty means the template's (a table without a template must give it)."""
    template: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str
    base_url: str
    timezone: str
    language: str = "en"
    description: str = ""
    theme: str = "default"
    postmortem_deadline_days: int = 7
    history_page_size: int = 20
    maintenance_alarm: timedelta = timedelta(hours=1)
    """How long before a maintenance window calendars remind their reader of it (maintenance.ics' VALARM)."""
    feed_limit: int = 100
    contact: Contact = field(default_factory=Contact)
    uptime: UptimeWeights = field(default_factory=UptimeWeights)
    link_index_html: bool = False
    """Links to pages end in index.html, for file:// and hosts without directory indexes."""
    websub_hub: str = ""
    """A WebSub hub that feeds name and `notify` pings, so readers hear of an update in seconds."""
    notify: tuple[NotifyChannel, ...] = ()
    publish_proofs: bool = False
    """Publish, beside each verified byline, the git objects that prove it (docs/signatures.md). Off by
    default: a proof carries commit messages, committers' names and emails, and file names."""
    alerts: tuple[AlertRule, ...] = ()
    """`[[alert]]` tables: how `statusblog alert` maps an alert to a draft incident, first match wins."""
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)
    """The line of each top-level setting in site.toml, for a problem found after reading (the language)."""


@dataclass(frozen=True, slots=True)
class Author:
    id: str
    name: str
    role: str
    email: str = ""
    url: str = ""
    signing_keys: tuple[str, ...] = ()
    github: str = ""
    """Their GitHub login: who a workflow run started by them declares as (never published)."""
    line: int = 0

    @property
    def mailto(self) -> str:
        return mailto(self.email)

    @property
    def address(self) -> Address:
        return author_address(self.id)

    @property
    def public_keys(self) -> tuple[tuple[str, PublicKey | None], ...]:
        """Each signing key as written and parsed (None if unreadable), so the author's page can show fingerprints."""
        return readable_keys(self.signing_keys)


@dataclass(frozen=True, slots=True)
class Component:
    id: str
    name: str
    group: str = ""
    description: str = ""
    sla: float | None = None
    start_date: date | None = None
    position: int = 0
    line: int = 0

    @property
    def address(self) -> Address:
        return component_address(self.id)


@by_position
@dataclass(frozen=True, slots=True)
class Section:
    """Markdown written by staff: the source, its HTML, and its engineer-only part."""

    text: str = ""
    html: str = ""
    technical_html: str = ""


@by_position
@dataclass(frozen=True, slots=True)
class ComponentSetting:
    """A component status one update sets, from its 'Components:' line (Statuspage's affected_components).

    It holds from the update's time until a later update sets that component again or the incident is
    resolved, so a component that recovers early stops counting as down (generator/derive/timeline.py).
    """

    id: str
    status: ComponentStatus
    line: int


@by_position
@dataclass(frozen=True, slots=True)
class Update:
    at: datetime
    status: str
    author: str
    body: Section
    line: int
    next_update: datetime | None = None
    components: tuple[ComponentSetting, ...] = ()
    """The component statuses this update sets, in the order written."""

    @property
    def anchor(self) -> str:
        return "u-" + compact_utc(self.at)


@by_position
@dataclass(frozen=True, slots=True)
class ActionItem:
    text: str
    done: bool
    owner: str | None
    due: date | None
    line: int


@by_position
@dataclass(frozen=True, slots=True)
class PostmortemPart:
    """One question of a postmortem (or the text before the first one, with an empty title).

    A reader scans for the three questions, so the page sets each one apart with its own anchor; the
    action items are shown from the model (done or open, owner, due) where they were written, so the
    list cannot drift from what the uptime page and the overdue checks count.
    """

    title: str
    anchor: str
    html: str
    has_actions: bool
    """Whether the action items were written in this part, so the page shows them here."""
    after_html: str = ""
    """What was written after the action items in this part, shown after them."""
    line: int = 0
    """The line of its `###` heading, where a problem with the answer is reported (0 for the text before)."""


@by_position
@dataclass(frozen=True, slots=True)
class Postmortem:
    author: str
    body: Section
    line: int
    questions: tuple[str, ...]
    action_items: tuple[ActionItem, ...] = ()
    parts: tuple[PostmortemPart, ...] = ()
    at: datetime | None = None
    """When it was published (`## Postmortem · <time> · <author>`); without one, when the incident is resolved."""


@by_position
@dataclass(frozen=True, slots=True)
class AffectedComponent:
    id: str
    status: ComponentStatus | None
    """An explicit override; None means the incident's impact decides."""


@by_position
@dataclass(frozen=True, slots=True)
class Incident:
    slug: str
    id: str
    source: str
    title: str
    impact: str
    started: datetime
    components: tuple[AffectedComponent, ...]
    summary: Section
    updates: tuple[Update, ...]
    postmortem: Postmortem | None = None
    cause: str = ""
    next_update: datetime | None = None
    lines: Mapping[str, int] = field(default_factory=dict)
    alerts: Mapping[str, str] = field(default_factory=dict)
    """Each alert's fingerprint -> 'firing' or 'cleared', as `statusblog alert` recorded it (front matter
    `alerts`), so the same alert again changes nothing."""
    alert_group: str = ""
    """The alert group that opened it: a later alert of the group joins it while it is open."""

    @property
    def address(self) -> Address:
        return incident_address(self.slug)


@by_position
@dataclass(frozen=True, slots=True)
class Maintenance:
    slug: str
    id: str
    source: str
    title: str
    scheduled_start: datetime
    scheduled_end: datetime
    components: tuple[str, ...]
    summary: Section
    updates: tuple[Update, ...]
    lines: Mapping[str, int] = field(default_factory=dict)

    @property
    def address(self) -> Address:
        return maintenance_address(self.slug)


@by_position
@dataclass(frozen=True, slots=True)
class Page:
    slug: str
    source: str
    title: str
    body: Section

    @property
    def address(self) -> Address:
        return free_page_address(self.slug)


@by_position
@dataclass(frozen=True, slots=True)
class Placeholder:
    """A `<<...>>` left in a template for the person declaring to fill (source/parse.PLACEHOLDER)."""

    name: str
    line: int


@by_position
@dataclass(frozen=True, slots=True)
class IncidentTemplate:
    """The first text of a common incident (`incident-templates/<slug>.md`): never published.

    It holds what the person on call would otherwise type under stress: the title, the impact, the
    components with their statuses, and the first update's text, with placeholders where the facts
    of this outage go. `new incident --template` and `alert` start a draft from it.
    """

    slug: str
    source: str
    title: str
    impact: str
    components: tuple[AffectedComponent, ...]
    body: str
    """The first update's Markdown, as written (placeholders and all)."""
    body_line: int
    """The file's line the body starts on, so a placeholder left in a draft is named at its template line."""
    placeholders: tuple[Placeholder, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)
    """Each front matter key's line, for a check that points at it."""


@dataclass(frozen=True, slots=True)
class Site:
    root: str
    config: SiteConfig
    authors: Mapping[str, Author]
    components: Mapping[str, Component]
    incidents: tuple[Incident, ...]
    maintenances: tuple[Maintenance, ...]
    pages: tuple[Page, ...]
    source_files: Mapping[str, str] = field(default_factory=dict)
    """Registry name ('site', 'authors', 'components') -> path shown in errors."""
    unfinished: tuple[Incident, ...] = ()
    """Incident files with errors, as far as they parse: never published, only checked against the registries,
    so that one run reports every problem (content.ParsedFile.unfinished)."""
    templates: tuple[IncidentTemplate, ...] = ()
    """`incident-templates/`: the first text of common incidents, by slug; read, checked, never published."""
