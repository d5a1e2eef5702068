"""The HTML pages: a pure function of the derived state and the theme."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..render import Theme
from ..status import IncidentState, MaintenanceState, SiteState
from ..times import zone
from .postmortem import postmortem_parts

Output = Iterator[tuple[str, bytes]]


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


def history_path(number: int) -> str:
    return "history/index.html" if number == 1 else f"history/page/{number}/index.html"


def render_history(state: SiteState, theme: Theme) -> Output:
    entries = history_entries(state)
    size = state.site.config.history_page_size
    pages = [entries[start:start + size] for start in range(0, len(entries), size)] or [[]]
    links = [history_path(number).removesuffix("index.html") for number in range(1, len(pages) + 1)]
    for number, chunk in enumerate(pages, start=1):
        yield theme.render("history.html", history_path(number), state=state,
                           months=months(chunk, state.site.config.timezone),
                           page_number=number, page_count=len(pages),
                           previous_page=links[number - 2] if number > 1 else None,
                           next_page=links[number] if number < len(pages) else None)


def render_html(state: SiteState, theme: Theme) -> Output:
    yield theme.render("index.html", "index.html", state=state)
    for incident in state.incidents:
        postmortem = incident.incident.postmortem
        yield theme.render("incident.html", f"incidents/{incident.slug}/index.html", state=state, item=incident,
                           postmortem=postmortem_parts(postmortem, incident.incident.id) if postmortem else ())
    for maintenance in state.maintenances:
        yield theme.render("maintenance.html", f"maintenance/{maintenance.slug}/index.html",
                           state=state, item=maintenance)
    yield from render_history(state, theme)
    for component in state.components.values():
        yield theme.render("component.html", f"components/{component.component.id}/index.html",
                           state=state, item=component)
    for author in state.site.authors.values():
        yield theme.render("author.html", f"authors/{author.id}/index.html", state=state, item=author,
                           signed=state.signed.get(author.id, ()))
    for page in state.site.pages:
        yield theme.render("page.html", f"{page.slug}/index.html", state=state, item=page)
    # A 404 page is served at any depth, so its links start from the site's path on the host.
    yield theme.render("404.html", "404.html", root=urlsplit(state.site.config.base_url).path, state=state)
