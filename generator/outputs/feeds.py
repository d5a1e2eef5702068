"""RSS 2.0, Atom 1.0 and JSON Feed 1.1: one entry per update, never one per incident.

Statuspage and cState put a whole incident in one entry, so a reader that
has seen the first update never shows the later ones. Here every update,
maintenance update and postmortem is its own entry with an id that never
changes, so each one reaches every subscriber exactly once. So is each
notice a maintenance window's schedule publishes by itself (a reminder the
day before, "started" and "completed" where no one wrote an update): no
person wrote it, so it has no person as its author and says so.

A feed's `updated` time is its newest entry's, never the clock, so the same
content always gives the same bytes and an unchanged feed looks unchanged.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from html import escape
from typing import Any

from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator

from ..core.model import Author, SiteConfig, Update
from ..core.problems import Blame, Origin
from ..core.times import iso_utc
from ..derive.state import IncidentState, MaintenanceState, Notice, SiteState
from ..derive.timeline import ComponentChange
from ..proof.bylines import Byline, byline_fields
from ..render.theme import Theme
from .common import EPOCH, Wording, absolute, author_fields, json_bytes, proof_urls, tag_uri, update_key, xml_text
from .origins import File, most_text, own

Output = Iterator[File]

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
EXTENSION = "_statusblog"
"""JSON Feed extensions must start with an underscore; ours all live under this one key."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One update (or postmortem) as every feed format shows it."""

    id: str
    title: str
    html: str
    published: datetime
    url: str
    status: str
    author_id: str
    author: Author | None
    parent: str
    """The page the entry belongs to, e.g. 'incidents/<slug>/'."""
    components: tuple[str, ...]
    rank: int
    """Breaks a tie in time: a postmortem sorts above the last update it shares its time with."""
    signature: Byline | None = None
    """Proof of the byline, when the build verified signatures (generator/proof/verify.py)."""
    signature_label: str = ""
    """That proof in the site's language, for the entry's category."""
    proofs: Mapping[str, str] = field(default_factory=dict)
    """Where the proofs of the byline and its edits are published (commit -> address), when the site does."""
    notice: Notice | None = None
    """The schedule's notice this entry is, which no person wrote (author_id is then empty); None for the rest."""

    @property
    def order(self) -> tuple[datetime, int, str]:
        return (self.published, self.rank, self.id)


@dataclass(frozen=True, slots=True)
class Feed:
    path: str
    """The output path without its extension, e.g. 'components/api/feed'."""
    title: str
    description: str
    page: str
    """The HTML page this feed follows, relative to the site's top."""
    entries: tuple[Entry, ...]
    made_from: Blame = field(compare=False)
    """The incidents and maintenance its entries are updates of (outputs/origins.py)."""

    @property
    def updated(self) -> datetime:
        return self.entries[0].published if self.entries else EPOCH


def section_html(html: str, technical_html: str, words: Wording) -> str:
    """The text of an update as on its page, engineer-only detail collapsed after it."""
    if not technical_html:
        return html
    return f"{html}<details><summary>{escape(words.translate('Technical details'))}</summary>{technical_html}</details>"


def changes_html(state: SiteState, changes: tuple[ComponentChange, ...], words: Wording) -> str:
    """The components an update set, as the page lists them under its text."""
    if not changes:
        return ""
    names = {key: component.component.name for key, component in state.components.items()}
    items = "".join(f"<li>{escape(names.get(change.id, change.id))}: "
                    f"{escape(words.component_statuses[change.new.key])}</li>" for change in changes)
    return f"<ul>{items}</ul>"


def _update_entry(state: SiteState, words: Wording, kind: str, item_id: str, page: str, title: str,
                  components: tuple[str, ...], update: Update, changes: str = "") -> Entry:
    config = state.site.config
    signature = state.bylines.of(update)
    return Entry(
        id=tag_uri(config, update.at, update_key(kind, item_id, update)),
        title=f"[{words.update_statuses[update.status]}] {title}",
        html=section_html(update.body.html + changes, update.body.technical_html, words),
        published=update.at,
        url=f"{absolute(config, page)}#{update.anchor}",
        status=update.status,
        author_id=update.author,
        author=state.authors.get(update.author),
        parent=page,
        components=components,
        rank=0,
        signature=signature,
        signature_label=words.signature_states[signature.state] if signature else "",
        proofs=proof_urls(config, state.bylines, signature),
    )


def incident_entries(state: SiteState, incident_state: IncidentState, words: Wording) -> list[Entry]:
    """Each published update, and the postmortem dated at its own time.

    A postmortem written without a time is published with the resolution, so
    it is dated at the last update: a date fixed by the content, never the clock.
    """
    config = state.site.config
    incident = incident_state.incident
    page = incident.address.url
    components = tuple(component_id for component_id, _ in incident_state.affected)
    entries = [_update_entry(state, words, "incidents", incident.id, page, incident.title, components, update,
                             changes_html(state, incident_state.stated_changes(update), words))
               for update in incident.updates]
    postmortem = incident.postmortem
    if postmortem is not None:
        signature = state.bylines.of(postmortem)
        entries.append(Entry(
            id=tag_uri(config, incident.updates[0].at, update_key("incidents", incident.id) + "/postmortem"),
            title=f"[{words.update_statuses['postmortem']}] {incident.title}",
            html=section_html(postmortem.body.html, postmortem.body.technical_html, words),
            published=postmortem.at or incident_state.latest.at,
            url=f"{absolute(config, page)}#postmortem",
            status="postmortem",
            author_id=postmortem.author,
            author=state.authors.get(postmortem.author),
            parent=page,
            components=components,
            rank=1,
            signature=signature,
            signature_label=words.signature_states[signature.state] if signature else "",
            proofs=proof_urls(config, state.bylines, signature),
        ))
    return entries


def maintenance_entries(state: SiteState, maintenance_state: MaintenanceState, words: Wording) -> list[Entry]:
    """Updates published by "now"."""
    maintenance = maintenance_state.maintenance
    page = maintenance.address.url
    return [_update_entry(state, words, "maintenance", maintenance.id, page, maintenance.title,
                          maintenance.components, update)
            for update in maintenance.updates]


def notice_html(maintenance_state: MaintenanceState, notice: Notice, words: Wording) -> str:
    """What a notice of the window's schedule says, as HTML: the part a notification shows as its text."""
    maintenance = maintenance_state.maintenance
    return f"<p>{escape(words.notice_text(notice, maintenance.scheduled_start, maintenance.scheduled_end))}</p>"


def notice_entry(state: SiteState, maintenance_state: MaintenanceState, notice: Notice, words: Wording) -> Entry:
    """A notice of the window's schedule: its own id beside the updates' (`maintenance/<id>/started-<time>`),
    dated by the schedule, its text followed by the sentence that says no one wrote or signed it."""
    config = state.site.config
    maintenance = maintenance_state.maintenance
    page = maintenance.address.url
    return Entry(
        id=tag_uri(config, notice.at, update_key("maintenance", maintenance.id, notice)),
        title=f"[{words.notice_label(notice.kind)}] {maintenance.title}",
        html=f"{notice_html(maintenance_state, notice, words)}<p><em>{escape(words.unsigned())}</em></p>",
        published=notice.at,
        url=absolute(config, page),
        status=notice.status,
        author_id="",
        author=None,
        parent=page,
        components=maintenance.components,
        rank=0,
        notice=notice,
    )


def all_entries(state: SiteState, words: Wording) -> tuple[Entry, ...]:
    """Every entry of the site, newest first, in a total order (ties broken by rank, then id)."""
    entries = [entry for incident in state.incidents for entry in incident_entries(state, incident, words)]
    entries += [entry for maintenance in state.maintenances
                for entry in maintenance_entries(state, maintenance, words)]
    entries += [notice_entry(state, maintenance, notice, words) for maintenance in state.maintenances
                for notice in maintenance.notices]
    return tuple(sorted(entries, key=lambda entry: entry.order, reverse=True))


def _entries_origin(state: SiteState, entries: tuple[Entry, ...]) -> Origin:
    parents = {entry.parent for entry in entries}
    site = state.site
    return most_text(site, [item for group in (site.incidents, site.maintenances) for item in group
                            if item.address.url in parents])()


def entries_origin(state: SiteState, entries: tuple[Entry, ...]) -> Blame:
    """A feed's origin: the incidents and maintenance whose updates are its entries."""
    return partial(_entries_origin, state, entries)


def site_feeds(state: SiteState, words: Wording) -> Iterator[tuple[Feed, tuple[str, ...]]]:
    """Each feed with the formats it is published in."""
    config = state.site.config
    limit = config.feed_limit
    entries = all_entries(state, words)
    latest = entries[:limit]
    yield Feed("feed", config.title, config.description or words.phrase("feed_description", config.title), "",
               latest, entries_origin(state, latest)), (".xml", ".atom", ".json")
    for component_state in state.components.values():
        component = component_state.component
        chosen = tuple(entry for entry in entries if component.id in entry.components)[:limit]
        yield Feed(component.address.beside("feed"), f"{component.name} · {config.title}",
                   words.phrase("feed_description", config.title, component=component.name),
                   component.address.url, chosen, entries_origin(state, chosen)), (".xml", ".atom")
    by_parent: dict[str, list[Entry]] = {}
    for entry in entries:  # one pass, not one per incident: the site's feeds stay linear in its size
        by_parent.setdefault(entry.parent, []).append(entry)
    # The same for every incident; asked for only when there is one, as a site's words.html may lack it.
    described = words.phrase("feed_description", config.title, incident=True) if state.incidents else ""
    for incident_state in state.incidents:
        page = incident_state.address.url
        chosen = tuple(by_parent.get(page, ()))
        yield Feed(incident_state.address.beside("feed"), f"{incident_state.incident.title} · {config.title}",
                   described, page, chosen[:limit], own(incident_state.incident)), (".atom",)


class WebSubHub(BaseExtension):  # type: ignore[misc]
    """RSS's `<atom:link rel="hub">` beside the self link: feedgen writes only the self link into RSS.

    With the hub and the feed's own address in the feed, a WebSub reader
    subscribes at the hub and is pushed each update `statusblog notify` pings
    for, instead of polling (generator/notify/websub.py).
    """

    hub = ""

    def extend_rss(self, feed: Any) -> Any:
        channel = feed[0]
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        position = list(channel).index(self_link) + 1 if self_link is not None else len(channel)
        link = channel.makeelement("{http://www.w3.org/2005/Atom}link", {"href": self.hub, "rel": "hub"})
        channel.insert(position, link)
        return feed


def _generator(feed: Feed, config: SiteConfig, extension: str) -> FeedGenerator:
    generator = FeedGenerator()
    creator = extension == ".xml"  # RSS names an author without an address only through dc:creator
    if creator:
        generator.load_extension("dc", atom=False, rss=True)
    self_url = absolute(config, feed.path + extension)
    generator.id(self_url)
    generator.title(xml_text(feed.title))
    # Readers render an RSS channel's description as HTML (feedparser does); Atom's subtitle is plain text.
    description = html.escape(feed.description, quote=False) if extension == ".xml" else feed.description
    generator.subtitle(xml_text(description))
    generator.link(href=self_url, rel="self")
    if config.websub_hub:
        if extension == ".xml":
            generator.register_extension("websub", WebSubHub, atom=False, rss=True)
            generator.websub.hub = config.websub_hub
        else:
            generator.link(href=config.websub_hub, rel="hub")
    generator.link(href=absolute(config, feed.page), rel="alternate")  # last: feedgen gives RSS the last link
    generator.language(config.language)
    generator.generator("statusblog")  # no version: an upgrade must not rewrite every feed's bytes
    generator.updated(feed.updated)
    generator.lastBuildDate(feed.updated)
    for entry in feed.entries:
        item = generator.add_entry(order="append")
        item.id(entry.id)
        item.title(xml_text(entry.title))
        item.link(href=entry.url, rel="alternate")
        if entry.notice is not None:
            # No person wrote it. Atom wants an author for every entry, so it names the site that published
            # it (its address, never an email); RSS needs none and gets none.
            if not creator:
                item.author({"name": xml_text(config.title), "uri": absolute(config)})
        else:
            name = entry.author.name if entry.author else entry.author_id
            email = entry.author.email if entry.author else ""
            item.author({"name": xml_text(name), **({"email": email} if email else {})})
            if creator:
                item.dc.dc_creator(xml_text(name))
        if (signature := entry.signature) is not None:
            item.category(term=f"signature-{signature.state}", label=entry.signature_label)
        item.content(xml_text(entry.html), type="html")
        item.published(entry.published)
        item.updated(entry.published)
    return generator


def rss(feed: Feed, config: SiteConfig) -> bytes:
    return _generator(feed, config, ".xml").rss_str(pretty=True)


def atom(feed: Feed, config: SiteConfig) -> bytes:
    return _generator(feed, config, ".atom").atom_str(pretty=True)


def _json_item(entry: Entry, config: SiteConfig) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry.id,
        "url": entry.url,
        "title": entry.title,
        "content_html": entry.html,
        "date_published": iso_utc(entry.published),
    }
    if entry.notice is not None:  # no author at all: JSON Feed lets an item have none
        item[EXTENSION] = {"status": entry.status, "notice": entry.notice.kind, "author": None, "signature": None}
        return item
    author = author_fields(entry.author, entry.author_id, config)
    item["authors"] = [{"name": author["name"], **({"url": author["url"]} if author["url"] else {})}]
    item[EXTENSION] = {"status": entry.status, "author": author,
                       "signature": byline_fields(entry.signature, entry.proofs)}
    return item


def json_feed(feed: Feed, config: SiteConfig) -> bytes:
    items = [_json_item(entry, config) for entry in feed.entries]
    data = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": absolute(config, feed.page),
        "feed_url": absolute(config, feed.path + ".json"),
        "description": feed.description,
        "language": config.language,
        **({"hubs": [{"type": "WebSub", "url": config.websub_hub}]} if config.websub_hub else {}),
        "items": items,
    }
    return json_bytes(data)


WRITERS: dict[str, Callable[[Feed, SiteConfig], bytes]] = {".xml": rss, ".atom": atom, ".json": json_feed}


def render_feeds(state: SiteState, theme: Theme) -> Output:
    config = state.site.config
    for feed, extensions in site_feeds(state, Wording(theme)):
        for extension in extensions:
            yield feed.path + extension, WRITERS[extension](feed, config), feed.made_from
