"""One message per new feed entry: what a subscriber needs without opening the page.

The title, the status in words, the time in the site's timezone and in UTC,
who signed it (and whether that is proven), the plain-language text (never
the technical details), the next promised update and the link. The text is
the HTML the site already rendered with its one Markdown renderer, so a
message can carry nothing the page could not; Apprise converts it to each
service's own format. The wording is the theme's `notify.html`, in the
site's language.

A notice of a maintenance window's schedule (a reminder, "started",
"completed") has no author: its message says so where a byline would be.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..core.model import ENDED_STATUSES, IMPACTS, Author, NotifyChannel
from ..derive.state import IncidentState, MaintenanceState, Notice, SiteState, notices_made
from ..outputs.common import Wording
from ..outputs.feeds import Entry, incident_entries, maintenance_entries, notice_entry, notice_html
from ..render.theme import Theme
from .previous import FeedItem

ENDED = ENDED_STATUSES | {"postmortem"}
"""An entry that closes a story: an ended item, or the postmortem that follows it."""


@dataclass(frozen=True, slots=True)
class Message:
    entry: Entry
    item: IncidentState | MaintenanceState
    status_label: str
    text_html: str
    """The plain-language part only: technical details stay on the page."""
    next_update: datetime | None
    signature: str | None
    """The byline's state as the build published it ("verified", "unsigned", ...), None if not verified."""
    unsigned: str = ""
    """For a schedule's notice, the sentence saying no one wrote or signed it (shown instead of a byline)."""

    @property
    def kind(self) -> str:
        return "incidents" if isinstance(self.item, IncidentState) else "maintenance"

    @property
    def source(self) -> str:
        """The incident or maintenance file, as the site names it."""
        return self.item.incident.source if isinstance(self.item, IncidentState) else self.item.maintenance.source

    @property
    def impact(self) -> str | None:
        return self.item.incident.impact if isinstance(self.item, IncidentState) else None

    @property
    def author(self) -> Author | None:
        return self.entry.author

    @property
    def severity(self) -> str:
        """Apprise's notification type, which services show as a colour or an icon."""
        if self.entry.status in ENDED:
            return "success"
        return "warning" if self.kind == "incidents" else "info"


def _located(state: SiteState, words: Wording) -> Iterator[tuple[Entry, IncidentState | MaintenanceState, Any]]:
    """Every entry of the site with the item and the update, postmortem or schedule's notice it was made from.

    The feeds make one entry per published update, in order, then the
    postmortem; walking the same lists side by side names each entry's source.
    A schedule's notice is found among every notice it has made by "now",
    including one that has lapsed since the output was built a moment before
    (a reminder whose window has just opened).
    """
    for incident_state in state.incidents:
        incident = incident_state.incident
        sources = [*incident.updates, *([incident.postmortem] if incident.postmortem else [])]
        for entry, source in zip(incident_entries(state, incident_state, words), sources, strict=True):
            yield entry, incident_state, source
    for maintenance_state in state.maintenances:
        published = maintenance_state.maintenance.updates
        for entry, source in zip(maintenance_entries(state, maintenance_state, words), published, strict=True):
            yield entry, maintenance_state, source
        for notice in notices_made(maintenance_state.maintenance, state.now):
            yield notice_entry(state, maintenance_state, notice, words), maintenance_state, notice


def messages(state: SiteState, words: Wording, ids: list[str], published: Mapping[str, FeedItem]) -> list[Message]:
    """The message of each id, in the order given; an id this site does not make is left out."""
    wanted = set(ids)
    found: dict[str, Message] = {}
    for entry, item, source in _located(state, words):
        if entry.id not in wanted:
            continue
        if isinstance(source, Notice) and isinstance(item, MaintenanceState):  # no one wrote or signed it
            found[entry.id] = Message(entry=entry, item=item, status_label=words.notice_label(source.kind),
                                      text_html=notice_html(item, source, words), next_update=None,
                                      signature=None, unsigned=words.unsigned())
            continue
        signature = published[entry.id].signature if entry.id in published else None
        found[entry.id] = Message(
            entry=entry,
            item=item,
            status_label=words.update_statuses[entry.status],
            text_html=source.body.html,
            next_update=getattr(source, "next_update", None),
            signature=signature.get("state") if isinstance(signature, dict) else None,
        )
    return [found[entry_id] for entry_id in ids if entry_id in found]


def wanted_by(channel: NotifyChannel, message: Message) -> bool:
    """The channel's filters: its components, its minimum impact, and whether it takes maintenance."""
    if message.kind == "maintenance" and not channel.maintenance:
        return False
    impact = message.impact
    if impact is not None and IMPACTS.index(impact) < IMPACTS.index(channel.min_impact):
        return False
    return not channel.components or bool(set(channel.components) & set(message.entry.components))


def render_body(theme: Theme, state: SiteState, message: Message) -> str:
    """The message as HTML, from the theme's notify.html (a site can override it in templates/)."""
    names = [state.components[key].component.name for key in message.entry.components if key in state.components]
    return theme.env.get_template("notify.html").render(message=message, components=names).strip() + "\n"
