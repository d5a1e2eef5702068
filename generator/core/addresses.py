"""Where each output family publishes: the top-level names of the output tree.

Declared once, here, below every stage: the output families are held to it
(tests/test_build.py checks every path a build writes), and `check` reads it
to refuse a free page (`pages/<slug>.md`, published at `<slug>/`) whose name
an output already takes.
"""

from __future__ import annotations

from types import MappingProxyType

PUBLISHED = MappingProxyType({
    "html": frozenset({"index.html", "incidents", "maintenance", "history", "components", "authors", "404.html"}),
    "static": frozenset({"static"}),
    "hosting": frozenset({"_headers", "_redirects"}),
    "subscribe": frozenset({"subscribe"}),
    "uptime": frozenset({"uptime", "api"}),
    "feeds": frozenset({"feed.xml", "feed.atom", "feed.json", "components", "incidents"}),
    "calendar": frozenset({"maintenance.ics"}),
    "api": frozenset({"api"}),
    "badges": frozenset({"badge.svg", "components"}),
    "sitemap": frozenset({"sitemap.xml", "robots.txt"}),
})
"""Family name -> the top-level files and folders it writes. The html family also publishes each free page
under its own slug, which is why no slug may be one of these names."""

RESERVED_NAMES = frozenset().union(*PUBLISHED.values())
"""What a free page may not be called: a name some output publishes under."""
