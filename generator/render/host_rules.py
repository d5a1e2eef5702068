"""What a static host must be told to serve the site safely: headers, redirects, links.

One source of truth for every host. The build writes these rules as
`_headers` and `_redirects` (Netlify, Cloudflare Pages), the theme puts the
policy in a `<meta>` tag (GitHub Pages and other hosts that take no header
files), and the repository's `netlify.toml` is checked against them by the
test suite, so the three cannot drift apart.

The policy allows only the site's own stylesheet and images: no script from
anyone, no frames, no forms. That is what keeps a status page trustworthy
while everything else is on fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.media import SERVED, Served

CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    ("frame-ancestors", "'none'"),
)
META_IGNORED_DIRECTIVES = ("frame-ancestors",)
"""Browsers ignore these in a <meta> policy (and warn about them), so the tag leaves them out."""


def policy(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


CONTENT_SECURITY_POLICY = policy(CSP_DIRECTIVES)
META_CONTENT_SECURITY_POLICY = policy(tuple(d for d in CSP_DIRECTIVES if d[0] not in META_IGNORED_DIRECTIVES))

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
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Strict-Transport-Security", "max-age=31536000"),
    ("Cache-Control", SHORT_CACHE),
))


def served_rule(served: Served) -> HeaderRule:
    return HeaderRule(served.pattern, (("Content-Type", served.media_type), *((ANY_ORIGIN,) if served.cross_origin
                                                                               else ())))


HEADER_RULES: tuple[HeaderRule, ...] = (
    EVERY_PATH, *(served_rule(served) for declared in SERVED.values() for served in declared))
"""Every path's policy, then each family's declared media types (core/media.py), in their order."""

STATUSPAGE_FEEDS: tuple[tuple[str, str], ...] = (("/history.atom", "feed.atom"), ("/history.rss", "feed.xml"))
"""Statuspage's feed paths and ours, so subscribers moved over keep receiving updates."""


def redirects(base_path: str) -> tuple[Redirect, ...]:
    """The redirects, matched at the host's top and sent to the site's public path.

    The target carries the base path because the browser follows it on the
    public URL, which may sit under a path of a proxy in front of the host.
    """
    return tuple(Redirect(source, base_path + target) for source, target in STATUSPAGE_FEEDS)


def headers_file(rules: tuple[HeaderRule, ...] = HEADER_RULES) -> str:
    blocks = ["\n".join([rule.pattern, *(f"  {name}: {value}" for name, value in rule.headers)]) for rule in rules]
    return "\n\n".join(blocks) + "\n"


def redirects_file(rules: tuple[Redirect, ...]) -> str:
    return "".join(f"{rule.source} {rule.target} {rule.status}\n" for rule in rules)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def netlify_rules(rules: tuple[HeaderRule, ...] = HEADER_RULES, moved: tuple[Redirect, ...] = redirects("/")) -> str:
    """The same rules as netlify.toml's [[headers]] and [[redirects]] tables: what the repository's
    netlify.toml ends with (tests/test_hosting.py holds it to this text)."""
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
