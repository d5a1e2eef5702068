"""What each output is made from: the source an output too large for a host is blamed on.

Every page and file an output family makes carries a `Blame` (core.problems), made here from the sources
the family made it from: an incident's page from that incident, a feed from the items of its entries,
api/uptime.json from the components' uptime histories. The build calls it only for an output that breaks a
limit, so finding the largest of many sources costs a build that fits nothing, and the build never guesses a
source from an output's path.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from ..core.model import Component, Incident, Maintenance, Page, Site
from ..core.problems import Blame, Origin, display_path
from ..derive.state import SiteState
from ..derive.uptime import MONTHS, ComponentUptime

Item = Incident | Maintenance
File = tuple[str, bytes, Blame]
"""A file an output family makes: the path it is published at, its bytes, and what it is made from."""


def _kind(item: Item) -> str:
    return "incident" if isinstance(item, Incident) else "maintenance"


def text_size(item: Item) -> int:
    """How much text an item brings to every output that shows it: its title, summary and updates."""
    return len(item.title) + len(item.summary.html) + sum(len(update.body.html) for update in item.updates)


def _own(item: Item | Page) -> Origin:
    if isinstance(item, Page):
        return Origin(item.source, 1, "", "split the page, or move long text and data out of it and link to them")
    return Origin(item.source, item.lines.get("title", 1), "",
                  f"split the {_kind(item)} into several files, or move long logs and data out of it and link to them")


def own(item: Item | Page) -> Blame:
    """An item's own page (or feed): its file, at its title."""
    return partial(_own, item)


def _most_text(site: Site, groups: tuple[Iterable[Item], ...]) -> Origin:
    items = [item for group in groups for item in group]
    if not items:
        return _site(site, "", "split the site in two")
    largest = max(items, key=text_size)
    if len(items) == 1:
        return _own(largest)
    kind = _kind(largest)
    return Origin(largest.source, largest.lines.get("title", 1),
                  f"of the {len(items):,} incidents and maintenance in it, this {kind} brings the most text",
                  f"move long logs and data out of this {kind} and link to them, or split it into several files")


def most_text(site: Site, *groups: Iterable[Item]) -> Blame:
    """A file made of many incidents and maintenance (a feed, the API, a history page): the one with the most
    text. The groups are read only when blamed, so pass what the output holds, not a copy."""
    return partial(_most_text, site, groups)


def _site(site: Site, brings: str, fix: str, key: str = "") -> Origin:
    return Origin(site.source_files.get("site", "site.toml"), site.config.lines.get(key) if key else None,
                  brings, fix)


def site_settings(site: Site, brings: str, fix: str, key: str = "") -> Blame:
    """A file made from site.toml (its title, its settings), at `key`'s line if given."""
    return partial(_site, site, brings, fix, key)


def _components(site: Site) -> str:
    return site.source_files.get("components", "components.toml")


def _component(site: Site, entry: Component) -> Origin:
    return Origin(_components(site), entry.line or None, "", f"shorten the name and description of '{entry.id}'")


def component(site: Site, entry: Component) -> Blame:
    """A file made from one component's entry (its badge, its card)."""
    return partial(_component, site, entry)


def _every_component(site: Site, brings: str) -> Origin:
    return Origin(_components(site), None, brings, "publish fewer components, or split them between two sites")


def every_component(site: Site, brings: str) -> Blame:
    """A file with a part for each component (a month's report, the subscribe page): their number."""
    return partial(_every_component, site, brings)


def _history_start(state: SiteState, uptime: ComponentUptime) -> Item | None:
    """The incident or maintenance whose downtime begins a component's history, when its start_date does not
    (derive.uptime: a history begins at the earlier of the two, and at least MONTHS months back)."""
    entry, first_month = uptime.component, uptime.months[0].month
    held = state.components.get(entry.id)
    if held is None or (entry.start_date is not None and entry.start_date.replace(day=1) == first_month):
        return None
    starts: list[tuple[float, Item]] = [(interval[0], incident.incident) for incident in held.incidents
                                        for key, interval in incident.intervals if key == entry.id]
    starts += [(window.held[0].timestamp(), window.maintenance) for window in held.maintenances if window.held]
    return min(starts, key=lambda start: start[0])[1] if starts else None


def _history(state: SiteState, uptimes: tuple[ComponentUptime, ...]) -> Origin:
    site = state.site
    if not uptimes:
        return _site(site, "", "split the site in two")
    longest = max(uptimes, key=lambda uptime: len(uptime.months))  # the first of equals, in the site's order
    entry, months = longest.component, len(longest.months)
    if months <= MONTHS and len(uptimes) == 1:
        return _component(site, entry)
    if months <= MONTHS:
        return _every_component(site, f"it holds the uptime history of {len(uptimes):,} components, each "
                                      f"{MONTHS} months, the shortest a history is")
    first = longest.months[0].month
    span = (f"component '{entry.id}' has the longest uptime history in it: {months:,} months, from {first:%Y-%m}"
            if len(uptimes) > 1 else f"it holds the uptime history of component '{entry.id}': {months:,} months, "
            f"from {first:%Y-%m}")
    started = _history_start(state, longest)
    otherwise = ("; otherwise the components have more history than one site can publish month by month: publish "
                 "fewer components, or split them between two sites" if len(uptimes) > 1 else "")
    if started is not None:
        kind = _kind(started)
        key = "started" if kind == "incident" else "scheduled_start"
        return Origin(started.source, started.lines.get(key, started.lines.get("title", 1)),
                      f"{span}, when this {kind} began", f"if the {kind} began later, correct its time{otherwise}")
    reason = ", its start_date" if entry.start_date is not None and entry.start_date.replace(day=1) == first else ""
    return Origin(_components(site), entry.line or None, span + reason,
                  f"if '{entry.id}' went into service later, give it that start_date{otherwise}")


def history(state: SiteState, uptimes: Iterable[ComponentUptime]) -> Blame:
    """A file made of components' uptime histories (api/uptime.json, uptime/uptime.csv, the uptime page, a
    component's page): the component whose history is longest, at what begins that history: its start_date
    in components.toml, or the incident or maintenance whose downtime is its first. When no history is longer
    than the shortest, the number of components is what makes the file large (for one component's page, its
    entry: its name and description)."""
    return partial(_history, state, tuple(uptimes))


def _static_file(file: Path) -> Origin:
    return Origin(display_path(file), None, "", "publish a file this large elsewhere and link to it")


def static_file(file: Path) -> Blame:
    """A file of the site's static/ (or the theme's), published as it is."""
    return partial(_static_file, file)


def _signed_by(site: Site, author_id: str) -> Origin:
    signed = [item for group in (site.incidents, site.maintenances) for item in group
              if any(update.author == author_id for update in item.updates)]
    return _most_text(site, (signed,))


def signed_by(site: Site, author_id: str) -> Blame:
    """An author's page: what they signed, of which the incident or maintenance with the most text."""
    return partial(_signed_by, site, author_id)
