"""What a static host must be told to serve the site safely: headers, redirects, links.

One source of truth for every host. The build writes these rules as
`_headers` and `_redirects` (Netlify, Cloudflare Pages), the theme puts the
policy in a `<meta>` tag (GitHub Pages and other hosts that take no header
files), and the repository's `netlify.toml` is checked against them by the
test suite, so the three cannot drift apart.

The policy allows only the site's own stylesheet and images: no script from
anyone, no frames, no forms. That is what keeps a status page trustworthy
while everything else is on fire. Only the status cards (`embed/`,
`components/<id>/embed/`) may be framed by other sites; every other page
refuses it.

Netlify and Cloudflare apply every rule whose pattern matches a path and join
the values of a header set by two of them, so a `/*` rule that forbade
framing would reach the cards too, and no later rule could take it back
(Cloudflare's `! Name` could, Netlify has nothing like it). So `/*` says
nothing about framing, and the rules that forbid it name every published
place except the cards, with patterns whose count does not grow with the
site (a `:placeholder` is one path segment on both hosts). A second
Content-Security-Policy value is a second policy that browsers enforce as
well, which is how `frame-ancestors 'none'` joins the one of `/*`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.addresses import FRAMED, RESERVED_NAMES, component_address
from ..core.media import SERVED, Served

CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)
"""The policy of every page, the framed cards too. Framing is decided per path (NO_FRAMING), and a <meta>
policy cannot carry `frame-ancestors` anyway (browsers ignore it there), so the tag and the header agree."""


def policy(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES)
META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
NO_FRAMING: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("X-Frame-Options", "DENY"),
)
"""For every path but the cards: `frame-ancestors` for today's browsers, X-Frame-Options for older ones."""

SHORT_CACHE = "public, max-age=60"
"""For every file, static/ included: file names carry no content hash, so a long
cache would keep serving an old stylesheet, and a status page must never be
more than a minute behind."""

ANY_ORIGIN = ("Access-Control-Allow-Origin", "*")


@dataclass(frozen=True, slots=True)
class HeaderRule:
    """Headers for the paths a Netlify/Cloudflare pattern matches (`*` is a splat)."""

    pattern: str
    headers: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Redirect:
    source: str
    target: str
    status: int = 301


EVERY_PATH = HeaderRule("/*", (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Strict-Transport-Security", "max-age=31536000"),
    ("Cache-Control", SHORT_CACHE),
))


def served_rule(served: Served) -> HeaderRule:
    return HeaderRule(served.pattern, (("Content-Type", served.media_type), *((ANY_ORIGIN,) if served.cross_origin
                                                                               else ())))


def unframed_patterns(free_pages: Iterable[str]) -> tuple[str, ...]:
    """Every published place but the cards: the root, each file or name at the top, each folder an output
    or a free page publishes under, and under `components/` each component's page (its card is beside it).

    `/:name` is one segment, so it takes `embed` (a redirect to `embed/`) but not the card itself.
    """
    component = component_address(":id")
    holds_cards = FRAMED | {component.url.partition("/")[0]}
    folders = sorted(name for name in RESERVED_NAMES | set(free_pages)
                     if "." not in name and not name.startswith("_") and name not in holds_cards)
    return ("/", "/:name", *(f"/{name}/*" for name in folders),
            "/components/", f"/{component.url}", f"/{component.page}")


def header_rules(free_pages: Iterable[str] = ()) -> tuple[HeaderRule, ...]:
    """Every path's policy, each family's declared media types (core/media.py) in their order, then the
    paths that may not be framed. `free_pages` are the site's free pages' slugs, each a folder at the top."""
    return (EVERY_PATH, *(served_rule(served) for declared in SERVED.values() for served in declared),
            *(HeaderRule(pattern, NO_FRAMING) for pattern in unframed_patterns(free_pages)))

STATUSPAGE_FEEDS: tuple[tuple[str, str], ...] = (("/history.atom", "feed.atom"), ("/history.rss", "feed.xml"))
"""Statuspage's feed paths and ours, so subscribers moved over keep receiving updates."""


def redirects(base_path: str) -> tuple[Redirect, ...]:
    """The redirects, matched at the host's top and sent to the site's public path.

    The target carries the base path because the browser follows it on the
    public URL, which may sit under a path of a proxy in front of the host.
    """
    return tuple(Redirect(source, base_path + target) for source, target in STATUSPAGE_FEEDS)


def headers_file(rules: tuple[HeaderRule, ...]) -> str:
    blocks = ["\n".join([rule.pattern, *(f"  {name}: {value}" for name, value in rule.headers)]) for rule in rules]
    return "\n\n".join(blocks) + "\n"


def redirects_file(rules: tuple[Redirect, ...]) -> str:
    return "".join(f"{rule.source} {rule.target} {rule.status}\n" for rule in rules)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def netlify_rules(rules: tuple[HeaderRule, ...], moved: tuple[Redirect, ...] = redirects("/")) -> str:
    """The same rules as netlify.toml's [[headers]] and [[redirects]] tables: what the repository's
    netlify.toml ends with, for the demo site's free pages (tests/test_hosting.py holds it to this text)."""
    blocks = [f'[[headers]]\n  for = {_toml_string(rule.pattern)}\n  [headers.values]\n'
              + "".join(f"    {name} = {_toml_string(value)}\n" for name, value in rule.headers) for rule in rules]
    blocks += [f"[[redirects]]\n  from = {_toml_string(rule.source)}\n  to = {_toml_string(rule.target)}\n"
               f"  status = {rule.status}\n" for rule in moved]
    return "\n".join(blocks)


_DIRECTORY_HREF = re.compile(r'(\shref=")(?![A-Za-z][A-Za-z0-9+.-]*:|/|#)([^"?#]*/)(?=[?#"])')


def index_html_links(html: str) -> str:
    """Point every relative link to a directory at its index.html.

    `file://` and hosts without directory indexes (an S3 bucket's REST
    endpoint) do not turn `incidents/x/` into `incidents/x/index.html`.
    Rewriting the rendered page, as Hugo's relativeURLs does, catches every
    link of every template and of staff's Markdown alike. The match is safe on
    rendered output: a literal `href="` in text is always escaped there.
    """
    return _DIRECTORY_HREF.sub(r"\1\2index.html", html)
