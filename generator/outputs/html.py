"""The HTML pages: a pure function of the derived state and the theme."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from urllib.parse import urlsplit

from ..core.addresses import Address, history_address
from ..core.model import Author, Incident, Maintenance
from ..core.times import zone
from ..derive.state import IncidentState, MaintenanceState, SignedItem, SiteState
from ..render.theme import Page, page
from .origins import component, history, most_text, own, signed_by, site_settings


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """An incident or a maintenance on the history page."""

    kind: str
    at: datetime
    incident: IncidentState | None = None
    maintenance: MaintenanceState | None = None

    @property
    def slug(self) -> str:
        return (self.incident or self.maintenance).slug  # type: ignore[union-attr]

    @property
    def address(self) -> Address:
        return (self.incident or self.maintenance).address  # type: ignore[union-attr]

    @property
    def item(self) -> Incident | Maintenance:
        return self.incident.incident if self.incident else self.maintenance.maintenance  # type: ignore[union-attr]


def history_entries(state: SiteState) -> list[HistoryEntry]:
    entries = [HistoryEntry("incident", s.incident.started, incident=s) for s in state.incidents]
    entries += [HistoryEntry("maintenance", m.maintenance.scheduled_start, maintenance=m)
                for m in state.maintenances]
    return sorted(entries, key=lambda e: (-e.at.timestamp(), e.kind, e.slug))


def months(entries: list[HistoryEntry], timezone: str) -> list[tuple[datetime, list[HistoryEntry]]]:
    """Consecutive entries grouped by calendar month in the site's timezone."""
    tz = zone(timezone)
    grouped: list[tuple[datetime, list[HistoryEntry]]] = []
    for entry in entries:
        local = entry.at.astimezone(tz)
        first_of_month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        if grouped and grouped[-1][0] == first_of_month:
            grouped[-1][1].append(entry)
        else:
            grouped.append((first_of_month, [entry]))
    return grouped


def history_pages(state: SiteState) -> Iterator[Page]:
    entries = history_entries(state)
    size = state.site.config.history_page_size
    pages = [entries[start:start + size] for start in range(0, len(entries), size)] or [[]]
    links = [history_address(number).url for number in range(1, len(pages) + 1)]
    for number, chunk in enumerate(pages, start=1):
        made_from = most_text(state.site, tuple(entry.item for entry in chunk))
        yield page("history.html", history_address(number).page, made_from, state=state,
                   months=months(chunk, state.site.config.timezone),
                   page_number=number, page_count=len(pages),
                   previous_page=links[number - 2] if number > 1 else None,
                   next_page=links[number] if number < len(pages) else None)


def signers(incident: IncidentState, authors: Mapping[str, Author]) -> tuple[Author, ...]:
    """The registered authors of an incident's updates and postmortem, each once, in the order they first signed."""
    ids = [update.author for update in incident.incident.updates]
    if incident.incident.postmortem:
        ids.append(incident.incident.postmortem.author)
    return tuple(authors[author_id] for author_id in dict.fromkeys(ids) if author_id in authors)


@dataclass(frozen=True, slots=True)
class SignedGroup:
    """What an author signed in one incident or maintenance, listed together on their page."""

    kind: str
    parent: Address
    parent_title: str
    items: tuple[SignedItem, ...]


def signed_groups(signed: Iterable[SignedItem]) -> list[SignedGroup]:
    """Consecutive items of the same incident or maintenance, in the order given."""
    groups = []
    for (kind, parent), items in groupby(signed, key=lambda item: (item.kind, item.parent)):
        run = tuple(items)
        groups.append(SignedGroup(kind, parent, run[0].parent_title, run))
    return groups


def html_pages(state: SiteState) -> Iterator[Page]:
    site = state.site
    yield page("index.html", "index.html", most_text(site, site.incidents, site.maintenances), state=state)
    for incident in state.incidents:
        yield page("incident.html", incident.address.page, own(incident.incident), state=state, item=incident,
                   signers=signers(incident, state.authors))
    for maintenance in state.maintenances:
        yield page("maintenance.html", maintenance.address.page, own(maintenance.maintenance),
                   state=state, item=maintenance)
    yield from history_pages(state)
    for held in state.components.values():
        uptime = state.uptime.components.get(held.component.id)
        made_from = history(state, [uptime]) if uptime else component(site, held.component)
        yield page("component.html", held.address.page, made_from, state=state, item=held)
    for author in site.authors.values():
        signed = state.signed.get(author.id, ())
        yield page("author.html", author.address.page, signed_by(site, author.id), state=state, item=author,
                   signed=signed, signed_groups=signed_groups(signed))
    for free in site.pages:
        yield page("page.html", free.address.page, own(free), state=state, item=free)
    # A 404 page is served at any depth, so its links start from the site's path on the host.
    yield page("404.html", "404.html", site_settings(site, "", "shorten the site's title and description"),
               root=urlsplit(site.config.base_url).path, state=state)
