"""Serve a generated site over real HTTP on 127.0.0.1, the way a static host would.

Why not ``file://`` URLs: browsers treat ``file://`` pages differently from
served ones (no response headers, so no Content-Security-Policy; different
origin rules; no 404 page; directory URLs do not map to ``index.html``). The
checks we care about -- "the page loads with no failed request under its CSP",
"the 404 page is served", "links work under a base path" -- are only
meaningful over HTTP. The server here mimics the parts of Netlify/Cloudflare
Pages that a static status blog relies on:

* directory URLs serve ``index.html`` (and ``/dir`` redirects to ``/dir/``);
  directories are never listed;
* unknown paths get ``404.html`` from the site root with status 404;
* optionally, the ``_headers`` file is applied (and not served itself);
* optionally, the site lives under a base path such as ``/status/``.

It binds port 0 on 127.0.0.1 only (the workplace allows no other address) and
shuts down completely on exit, so a test suite can start one per test.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

__all__ = [
    "HeaderRule",
    "HeadersFileError",
    "headers_for_path",
    "parse_headers_file",
    "serve_directory",
]

_log = logging.getLogger(__name__)

#: Deterministic content types for what a static blog ships. Why: the stdlib
#: falls back to the machine's /etc/mime.types, which differs between hosts
#: (``.xml`` as text/xml vs application/xml, ``.js`` as application/javascript),
#: and tests asserting on Content-Type must not depend on the machine.
_CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
}

_EXTENSIONS_MAP: dict[str, str] = {**SimpleHTTPRequestHandler.extensions_map, **_CONTENT_TYPES}

_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_PATTERN_TOKEN = re.compile(r"\*|:[A-Za-z_][A-Za-z0-9_]*")


class HeadersFileError(ValueError):
    """A ``_headers`` file line the hosts would reject or silently misread.

    Why an error rather than ignoring the line: a typo in the generated
    ``_headers`` (say, a header line that is not indented) would make the real
    host drop the Content-Security-Policy, and a test server that tolerated it
    would let the CSP tests pass against a site that ships without one.
    """


@dataclass(frozen=True)
class HeaderRule:
    """One block of a ``_headers`` file: a path pattern and its headers.

    ``pattern`` follows Netlify/Cloudflare Pages: it starts with ``/``, ``*``
    is a splat matching any run of characters (including ``/``), and
    ``:name`` is a placeholder matching one path segment. ``detach`` lists
    header names removed by Cloudflare's ``! Name`` syntax.
    """

    pattern: str
    headers: tuple[tuple[str, str], ...] = ()
    detach: tuple[str, ...] = ()
    line: int = 0
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts: list[str] = []
        last = 0
        for token in _PATTERN_TOKEN.finditer(self.pattern):
            parts.append(re.escape(self.pattern[last : token.start()]))
            parts.append(".*" if token.group() == "*" else "[^/]+")
            last = token.end()
        parts.append(re.escape(self.pattern[last:]))
        object.__setattr__(self, "_regex", re.compile("".join(parts)))

    def matches(self, path: str) -> bool:
        """Tell whether this block applies to a site-relative URL path."""
        return self._regex.fullmatch(path) is not None


def parse_headers_file(text: str) -> list[HeaderRule]:
    """Parse the text of a Netlify/Cloudflare-style ``_headers`` file.

    Why exposed: tests of the generator can check the emitted rules directly
    (e.g. "every page gets a CSP") without starting a server.

    Format: a non-indented line is a path pattern; the indented lines after it
    are ``Name: value`` headers (or ``! Name`` to detach one); ``#`` starts a
    comment line; blank lines are ignored. Malformed lines raise
    :class:`HeadersFileError` with the line number.
    """
    rules: list[HeaderRule] = []
    pattern: str | None = None
    start = 0
    headers: list[tuple[str, str]] = []
    detach: list[str] = []

    def close_block() -> None:
        if pattern is not None:
            rules.append(HeaderRule(pattern, tuple(headers), tuple(detach), start))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t":
            if pattern is None:
                raise HeadersFileError(f"_headers line {number}: header before any path: {raw!r}")
            if stripped.startswith("!"):
                name = stripped[1:].strip()
                if not _HEADER_NAME.match(name):
                    raise HeadersFileError(f"_headers line {number}: bad header name: {raw!r}")
                detach.append(name)
                continue
            name, sep, value = stripped.partition(":")
            name = name.strip()
            if not sep or not _HEADER_NAME.match(name):
                raise HeadersFileError(f"_headers line {number}: expected 'Name: value': {raw!r}")
            headers.append((name, value.strip()))
            continue
        close_block()
        if not stripped.startswith("/") or any(c.isspace() for c in stripped):
            # Absolute-URL patterns (https://host/...) exist on Cloudflare but
            # a status blog has no reason to emit them; refuse rather than guess.
            raise HeadersFileError(f"_headers line {number}: expected a path pattern starting with '/': {raw!r}")
        pattern, start, headers, detach = stripped, number, [], []
    close_block()
    return rules


def headers_for_path(rules: list[HeaderRule], path: str) -> list[tuple[str, str]]:
    """Return the headers the rules give a site-relative path, hosts' way.

    Every matching block contributes, in file order; a header named in more
    than one matching block is joined with ``", "`` (as Cloudflare Pages
    and Netlify do -- for CSP that means both policies are enforced); a
    ``! Name`` in any matching block removes that header.
    """
    merged: dict[str, tuple[str, list[str]]] = {}
    removed: set[str] = set()
    for rule in rules:
        if not rule.matches(path):
            continue
        for name, value in rule.headers:
            merged.setdefault(name.lower(), (name, []))[1].append(value)
        removed.update(name.lower() for name in rule.detach)
    return [(name, ", ".join(values)) for key, (name, values) in merged.items() if key not in removed]


def _normalise_base_path(base_path: str) -> str:
    if not base_path.startswith("/") or "//" in base_path or "/../" in f"{base_path}/":
        raise ValueError(f"base_path must be an absolute URL path like '/status/', got {base_path!r}")
    return base_path if base_path.endswith("/") else base_path + "/"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Request handler configured per server by :func:`_handler_class`."""

    site_root: ClassVar[Path]
    base_path: ClassVar[str]
    header_rules: ClassVar[list[HeaderRule] | None]
    # Why a timeout: a browser may open a speculative connection and never
    # send a request; its handler thread must not wait forever.
    timeout = 15

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._rule_headers: list[tuple[str, str]] = []
        # Per instance, and before super().__init__, which handles the request.
        self.extensions_map = _EXTENSIONS_MAP
        super().__init__(*args, directory=str(self.site_root), **kwargs)

    # --- mapping URLs to files -------------------------------------------

    def _site_path(self, url: str) -> str | None:
        """The site-relative path of a request URL (still %-encoded).

        None when the URL lies outside the base path. Why still encoded: the
        parent's translate_path decodes once; decoding here too would turn
        ``%2520`` into a space.
        """
        path = urlsplit(url).path
        if self.base_path == "/":
            return path
        if path == self.base_path[:-1]:
            return "/"  # a directory: the parent class redirects to add "/"
        if path.startswith(self.base_path):
            return "/" + path[len(self.base_path) :]
        return None

    def translate_path(self, path: str) -> str:
        site_path = self._site_path(path)
        missing = str(self.site_root / ".statusblog-test-server-no-such-file")
        if site_path is None:
            return missing
        if self.header_rules is not None and unquote(site_path) == "/_headers":
            return missing  # hosts consume _headers; they never serve it
        return super().translate_path(site_path)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        # Static hosts never list directories; a missing index.html is a 404.
        self.send_error(HTTPStatus.NOT_FOUND, "No index.html in directory")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.site_root / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # --- applying _headers ---------------------------------------------

    def send_response(self, code: int, message: str | None = None) -> None:
        self._rule_headers = []
        if self.header_rules is not None:
            site_path = self._site_path(getattr(self, "path", "") or "")
            if site_path is not None:
                self._rule_headers = headers_for_path(self.header_rules, unquote(site_path))
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        # A _headers entry replaces the server's default of the same name
        # (e.g. Content-Type), as on the real hosts, instead of duplicating it.
        if any(keyword.lower() == name.lower() for name, _ in self._rule_headers):
            return
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in self._rule_headers:
            super().send_header(name, value)
        self._rule_headers = []
        super().end_headers()

    # --- quiet logging -----------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        # Why: the default writes every request to stderr, drowning test
        # output; pytest shows DEBUG logs of a failing test on request.
        _log.debug("%s - %s", self.address_string(), format % args)


def _handler_class(root: Path, base_path: str, rules: list[HeaderRule] | None) -> type[_SiteHandler]:
    return type(
        "SiteHandler",
        (_SiteHandler,),
        {"site_root": root, "base_path": base_path, "header_rules": rules},
    )


class _SiteServer(ThreadingHTTPServer):
    """A threading server whose close leaves no thread and no socket behind.

    Why not plain ThreadingHTTPServer: it uses daemon request threads and does
    not wait for them, so a handler could outlive the test (and its tmp_path);
    and a browser's idle keep-open connection would block a join forever.
    Here request threads are joined on close, after their sockets are shut.
    """

    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[_SiteHandler]) -> None:
        self._open_requests: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open_requests.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open_requests.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._open_lock:
            requests = list(self._open_requests)
        for request in requests:
            with suppress(OSError):  # already closed by its handler
                request.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Browsers cancel requests (navigation, closed pages); that is not a
        # server bug worth a traceback on stderr.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve_directory(
    root: Path,
    headers_file: bool = False,
    base_path: str = "/",
) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at a free port; yield the site's base URL.

    The URL ends with ``/`` and includes ``base_path``, e.g.
    ``http://127.0.0.1:41234/`` or ``http://127.0.0.1:41234/status/``, so
    ``url + "feed.xml"`` always addresses a file in ``root``. Requests outside
    ``base_path`` get a 404.

    With ``headers_file=True`` the ``_headers`` file in ``root`` is parsed once
    at start and applied to every response whose site-relative path (the URL
    path with ``base_path`` removed) matches, 404 responses included. Why it
    must exist then: a test that asks for host headers and silently gets none
    would pass CSP checks vacuously, so a missing file raises
    FileNotFoundError and a malformed one raises HeadersFileError.

    On exit the server stops accepting, open connections are shut, and all
    threads are joined; a thread that will not stop raises RuntimeError.
    """
    root = Path(root).resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"not a directory: {root}")
    base = _normalise_base_path(base_path)
    rules: list[HeaderRule] | None = None
    if headers_file:
        headers_path = root / "_headers"
        if not headers_path.is_file():
            raise FileNotFoundError(f"headers_file=True but there is no {headers_path}")
        rules = parse_headers_file(headers_path.read_text(encoding="utf-8"))

    server = _SiteServer(("127.0.0.1", 0), _handler_class(root, base, rules))
    port = server.server_address[1]
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name=f"statusblog-http-{port}",
        daemon=True,  # only a safety net; we always join it below
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{base}"
    finally:
        server.shutdown()
        server.close_open_connections()
        server.server_close()  # joins request threads (block_on_close)
        thread.join(timeout=10)
        if thread.is_alive():
            raise RuntimeError(f"test HTTP server thread {thread.name} did not stop")
