"""sitemap.xml and robots.txt.

The sitemap lists the HTML pages the build actually wrote, rather than a
second list of what pages exist that would drift from the first: a page
added by any output family is in the sitemap without anyone remembering to
add it. Incident and maintenance pages say when they last changed, so a
search engine recrawls the ones with new updates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from html import escape

from ..core.addresses import component_embed_address, embed_address
from ..core.times import iso_utc
from ..derive.state import SiteState
from .common import absolute
from .origins import File, site_settings

Output = Iterator[File]
UNLISTED = frozenset({"404.html"})
"""Not a page to find by searching; nor are the status cards (outputs/embed.py), which are parts of other sites."""


def unlisted(state: SiteState) -> frozenset[str]:
    cards = [embed_address().page, *(component_embed_address(key).page for key in state.components)]
    return UNLISTED | frozenset(cards)


def last_changes(state: SiteState) -> dict[str, datetime]:
    """Page path -> time of its latest published update."""
    changes = {s.address.page: s.latest.at for s in state.incidents}
    for mstate in state.maintenances:
        if mstate.maintenance.updates:
            changes[mstate.address.page] = mstate.maintenance.updates[-1].at
    return changes


def sitemap(state: SiteState, paths: Iterable[str]) -> bytes:
    config = state.site.config
    changes = last_changes(state)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    hidden = unlisted(state)
    for path in sorted(p for p in set(paths) if p.endswith(".html") and p not in hidden):
        lastmod = f"<lastmod>{iso_utc(changes[path])}</lastmod>" if path in changes else ""
        lines.append(f"  <url><loc>{escape(absolute(config, path), quote=False)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(state: SiteState) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(state.site.config, 'sitemap.xml')}\n".encode()


def render_sitemap(state: SiteState, paths: Iterable[str]) -> Output:
    """Runs after every other output family, over the paths they wrote."""
    made_from = site_settings(state.site, "the sitemap lists every page", "split the site in two")
    yield "sitemap.xml", sitemap(state, paths), made_from
    yield "robots.txt", robots(state), made_from
