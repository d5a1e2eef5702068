"""What each published file is to a browser or a feed reader: its media type, declared once.

A type is a fact about an output, not about a host: the build writes it into `_headers` (Netlify,
Cloudflare Pages), the repository's netlify.toml is checked against the same rules, and the dev server
answers with it, so a reader sees the same type in preview as in production. A family declares the
files whose type a host would not guess from the extension, or that other sites may read (CORS); every
other file is served as hosts serve it, by its extension (BY_EXTENSION).
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from fnmatch import fnmatchcase
from types import MappingProxyType

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
JSON_FEED = "application/feed+json"
JSON = "application/json"
ICALENDAR = "text/calendar; charset=utf-8"
CSV = "text/csv; charset=utf-8"
SVG = "image/svg+xml"
XML = "application/xml"


@dataclass(frozen=True, slots=True)
class Served:
    """Files a host path pattern matches, and what they are served as."""

    pattern: str
    """As Netlify and Cloudflare write it: from the site's root, `*` a run of any characters."""
    media_type: str
    cross_origin: bool = False
    """Other sites' pages may read it (Access-Control-Allow-Origin: *): feeds, the API, the calendar."""

    def matches(self, path: str) -> bool:
        return fnmatchcase("/" + path, self.pattern)


SERVED = MappingProxyType({
    "feeds": (
        Served("/feed.xml", RSS, cross_origin=True),
        Served("/components/*/feed.xml", RSS, cross_origin=True),
        Served("/*.atom", ATOM, cross_origin=True),
        Served("/feed.json", JSON_FEED, cross_origin=True),
    ),
    "api": (Served("/api/*", JSON, cross_origin=True),),
    "uptime": (Served("/uptime/*.csv", CSV, cross_origin=True),),
    "calendar": (Served("/*.ics", ICALENDAR, cross_origin=True),),
    "badges": (
        Served("/*.svg", SVG),
        Served("/badge.json", JSON, cross_origin=True),
        Served("/components/*/badge.json", JSON, cross_origin=True),
    ),
})
"""Family name -> the files it declares, in the order hosts are told (no path matches two patterns that set
the same header: hosts join the values of such headers). A family not listed declares nothing."""

BY_EXTENSION = MappingProxyType({
    ".html": HTML, ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".json": JSON, ".xml": XML, ".svg": SVG, ".txt": "text/plain; charset=utf-8", ".ics": ICALENDAR,
    ".atom": ATOM, ".csv": CSV,
})
"""What static hosts serve an undeclared file as. `.xml` is generic XML: the sitemap is one, and an RSS
feed is told apart by its declaration above (application/rss+xml, which feed readers and browsers look for)."""


def media_type(path: str) -> str:
    """The type a published file (a path from the site's root) is served as, by the host and the dev server."""
    for declared in SERVED.values():
        for served in declared:
            if served.matches(path):
                return served.media_type
    suffix = path[path.rfind("."):].lower() if "." in path.rpartition("/")[2] else ""
    return BY_EXTENSION.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"
