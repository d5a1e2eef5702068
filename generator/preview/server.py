"""`statusblog serve`: the live preview over HTTP, on 127.0.0.1, for the person writing.

It serves the site `live` keeps in memory, adds a reload script and an
overlay of the site's problems to each HTML page (never part of a build), and
tells open browsers to reload over server-sent events when a save has been
rebuilt. What a browser's page could make it do is bounded: only this
machine's Host names are answered (a DNS-rebinding page cannot read drafts),
paths are decoded once and never leave the served site, redirects never name
another host, connections and event streams are capped, and a connection has a
few seconds in all to send its request.
"""

from __future__ import annotations

import html
import io
import re
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, quote, unquote

import jinja2
from watchdog.observers import Observer

from ..core.media import HTML, media_type
from ..core.model import IncidentTemplate
from ..core.problems import Problem, display_path
from ..render.theme import THEMES, template_problem
from .live import Changes, Preview, Watcher

PREFIX = "/__statusblog/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "reload.js"
STYLE = PREFIX + "overlay.css"
TEMPLATES = PREFIX + "templates/"
"""The site's incident templates, listed for the person writing: never part of a build (templates are staff's)."""
HEARTBEAT_SECONDS = 10.0
MAX_CONNECTIONS = 64
"""Connections served at once; each holds a thread. Beyond it a connection is answered 503 and closed."""
MAX_EVENT_STREAMS = 32
"""Open tabs' event streams held at once, inside MAX_CONNECTIONS, so streams never starve page requests."""
REQUEST_SECONDS = 5.0
"""Seconds a connection has, in all, to send one request's line and headers, from when the server starts
waiting for it. Each read may wait only what is left, so a client that trickles a byte at a time, each
inside the idle timeout (Handler.timeout), cannot hold a connection and its thread for ever. A browser
sends a request in one packet; the response (an event stream too) is not counted."""
GENERATION = re.compile(r"[0-9]{1,18}", re.ASCII)
"""A generation as the reload script sends it back: ASCII digits only (int() also reads Arabic-Indic
digits and refuses more than 4,300), and small enough to stay a 64-bit count of milliseconds."""
CSP_META = re.compile(r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE)
RELOAD_SCRIPT = b"""// statusblog serve: reload when the site is rebuilt. Added by the dev server only.
(() => {
  const since = (document.currentScript && document.currentScript.dataset.generation) || "0";
  const events = new EventSource("/__statusblog/events?since=" + encodeURIComponent(since));
  events.addEventListener("reload", () => { events.close(); location.reload(); });
})();
"""
OVERLAY_STYLE = b"""#statusblog-errors { position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 60vh;
  overflow: auto; margin: 0; padding: 1rem 1.5rem; background: #fff4f4; color: #5c0000;
  border-bottom: 4px solid #b00020; font: 14px/1.5 ui-monospace, monospace; box-shadow: 0 4px 16px #0004; }
#statusblog-errors h2 { margin: 0 0 .5rem; font: bold 16px/1.4 system-ui, sans-serif; }
#statusblog-errors pre { margin: 0; white-space: pre-wrap; }
"""


# Rendering on demand.


# What changed, and what to do about it.


# Watching files.


# Serving.

SHOWING_LAST_GOOD = "statusblog serve: the last change has errors; showing the last good version"
NOTHING_TO_SHOW = "statusblog serve: the site has errors; there is no good version of this page to show yet"


def inject(page: bytes, generation: int, problems: Iterable[Problem], heading: str = SHOWING_LAST_GOOD) -> bytes:
    """Add the errors and the reload script before </body>, and let the page's CSP allow them."""
    text = page.decode("utf-8", "replace")
    text = CSP_META.sub(lambda m: m.group(1) + html.escape(allow_preview(html.unescape(m.group(2)))) + m.group(3),
                        text, count=1)
    listed = "\n".join(problem.format() for problem in problems)
    banner = (f'<link rel="stylesheet" href="{STYLE}"><section id="statusblog-errors" role="alert">'
              f"<h2>{heading}</h2>"
              f"<pre>{html.escape(listed)}</pre></section>") if listed else ""
    tail = f'{banner}<script src="{SCRIPT}" data-generation="{generation}"></script>\n'
    index = text.rfind("</body>")
    text = text[:index] + tail + text[index:] if index >= 0 else text + tail
    return text.encode("utf-8")


def allow_preview(policy: str) -> str:
    """The page's policy, plus this server's own script and event stream."""
    kept = [d.strip() for d in policy.split(";") if d.strip() and d.split()[0] not in ("script-src", "connect-src")]
    return "; ".join([*kept, "script-src 'self'", "connect-src 'self'"])


def error_page(generation: int, problems: Iterable[Problem]) -> bytes:
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>statusblog serve: errors</title>"
            "</head><body><main><h1>The site has errors</h1><p>Fix them and save; this page reloads by itself.</p>"
            "</main></body></html>")
    return inject(page.encode(), generation, problems, NOTHING_TO_SHOW)


def templates_page(generation: int, templates: Iterable[IncidentTemplate], problems: Iterable[Problem]) -> bytes:
    """Each template of `incident-templates/`: what it declares, its placeholders, its text, and the command
    that starts an incident from it. Every value is escaped: a template is text, never markup."""
    items = []
    for template in templates:
        components = ", ".join(item.id + (f" ({item.status.key})" if item.status is not None else "")
                               for item in template.components) or "none"
        gaps = ", ".join(f"&lt;&lt;{html.escape(gap.name)}&gt;&gt; (line {gap.line})"
                         for gap in template.placeholders) or "none"
        items.append(f'<section id="{html.escape(template.slug)}"><h2>{html.escape(template.slug)}</h2><dl>'
                     f"<dt>Title</dt><dd>{html.escape(template.title)}</dd>"
                     f"<dt>Impact</dt><dd>{html.escape(template.impact)}</dd>"
                     f"<dt>Components</dt><dd>{html.escape(components)}</dd>"
                     f"<dt>Placeholders to fill</dt><dd>{gaps}</dd></dl>"
                     f"<p>Declare: <code>statusblog new incident --template {html.escape(template.slug)}</code>"
                     f"</p><pre>{html.escape(template.body.strip())}</pre></section>")
    listed = "".join(items) or "<p>No templates yet: add incident-templates/NAME.md (docs/content.md).</p>"
    page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>statusblog serve: incident templates</title></head><body><main>"
            f"<h1>Incident templates</h1>{listed}</main></body></html>")
    return inject(page.encode(), generation, problems)


def site_path(raw: str) -> str | None:
    """The site-relative path a request names, or None when no file of a static site could have that name.

    The path is decoded once, as a static host does; a segment that is empty, '.' or '..', a backslash or
    a NUL is refused rather than normalised, so `/%2e%2e/`, `/..%2f` and `//host/` never name a file and
    never become a redirect's target. The site is served from memory, but the rule holds even so.
    """
    path = unquote(raw.split("?", 1)[0].split("#", 1)[0], errors="strict") if raw.startswith("/") else None
    if path is None:
        return None
    segments = path[1:].split("/")
    if any(segment in (".", "..") or "\\" in segment or "\x00" in segment for segment in segments):
        return None
    if any(not segment for segment in segments[:-1]):
        return None
    return path[1:]


def since_generation(query: str) -> int:
    """The generation an event stream resumes from; 0 (reload at the next rebuild) when it is not one."""
    value = parse_qs(query).get("since", ["0"])[0]
    return int(value) if GENERATION.fullmatch(value) else 0


class RequestReader(io.RawIOBase):
    """A connection's reads, each allowed only what is left of the current request's deadline.

    The socket's own timeout restarts with every byte that arrives, so alone it bounds idleness, not how
    long a request may take to arrive. Writes keep the idle timeout.
    """

    def __init__(self, raw: io.RawIOBase, connection: socket.socket, idle: float) -> None:
        super().__init__()
        self.raw, self.connection, self.idle = raw, connection, idle
        self.deadline = float("inf")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no whole request within {REQUEST_SECONDS:g} s")
        self.connection.settimeout(min(self.idle, left))
        try:
            return self.raw.readinto(buffer)
        finally:
            self.connection.settimeout(self.idle)

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    timeout = 1
    """Seconds one read or write may wait: an idle connection (a browser's preconnect) is dropped after it,
    which keeps Ctrl-C prompt. A request's line and headers have REQUEST_SECONDS in all."""

    def setup(self) -> None:
        super().setup()
        self.reader = RequestReader(self.rfile.detach(), self.connection, self.timeout)
        self.rfile = io.BufferedReader(self.reader)

    def handle_one_request(self) -> None:
        """One request, whose line and headers must all arrive within REQUEST_SECONDS (else the connection
        is closed, as http.server closes one whose read times out)."""
        self.reader.deadline = time.monotonic() + REQUEST_SECONDS
        super().handle_one_request()

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not news; rebuilds and errors are printed instead."""

    def do_HEAD(self) -> None:
        """What GET would answer, headers only (link checkers and `curl -I` ask this way)."""
        self._respond(body=False)

    def do_GET(self) -> None:
        self._respond(body=True)

    def _respond(self, body: bool) -> None:
        self.with_body = body
        if not self.server.allows_host(self.headers.get("Host")):
            # A page on another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own
            # name here; answering it would let that page read drafts.
            self._send(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8",
                       f"statusblog serve answers only {self.server.url}\n".encode())
            return
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        try:
            path = site_path(self.path)
        except UnicodeDecodeError:
            path = None
        if path == EVENTS[1:]:
            self._events(since_generation(query))
        elif path == SCRIPT[1:]:
            self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT)
        elif path == STYLE[1:]:
            self._send(HTTPStatus.OK, "text/css; charset=utf-8", OVERLAY_STYLE)
        elif path == TEMPLATES[1:]:
            preview = self.server.preview
            site = preview.workspace.site if preview.workspace is not None else None
            served = preview.served
            self._send(HTTPStatus.OK, HTML, templates_page(served.generation, site.templates if site else (),
                                                           served.problems))
        else:
            self._page(path)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, location: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if location:
            self.send_header("Location", location)
        self.end_headers()
        if self.with_body:
            self.wfile.write(body)

    def _page(self, path: str | None) -> None:
        served = self.server.preview.served
        if served.snapshot is None:
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, HTML,
                       error_page(served.generation, served.problems))
            return
        name = None if path is None else path + "index.html" if path == "" or path.endswith("/") else path
        try:
            status, body = HTTPStatus.OK, None if name is None else served.snapshot.get(name)
            if body is None and name is not None and served.snapshot.get(name + "/index.html") is not None:
                # Built from the file's own name, so the target is always a path on this server, never `//host`.
                self._send(HTTPStatus.MOVED_PERMANENTLY, "text/plain", b"", location="/" + quote(name) + "/")
                return
            if body is None:
                status, name, body = HTTPStatus.NOT_FOUND, "404.html", served.snapshot.get("404.html") or b""
        except Exception as exc:  # a page that fails to render must not take the preview down
            if isinstance(exc, jinja2.TemplateError):
                problem = template_problem(exc, self.server.preview.root)
            else:
                problem = Problem(name or "404.html", None, f"cannot render: {exc!r}", "please report this")
            self.server.preview.say(problem.format())
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, HTML,
                       error_page(served.generation, (*served.problems, problem)))
            return
        kind = media_type(name)
        if kind.startswith("text/html"):
            body = inject(body, served.generation, served.problems)
        self._send(status, kind, body)

    def _events(self, since: int) -> None:
        if not self.server.streams.acquire(blocking=False):
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                       b"too many open event streams; close some preview tabs\n")
            return
        try:
            self._stream(since)
        finally:
            self.server.streams.release()

    def _stream(self, since: int) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.server.preview
        if not self.with_body:
            return
        try:
            self.wfile.write(b"retry: 500\n\n")
            while not preview.stopping:
                generation = preview.wait(since, HEARTBEAT_SECONDS)
                if generation is None:
                    self.wfile.write(b": still here\n\n")
                    continue
                self.wfile.write(f"event: reload\ndata: {generation}\n\n".encode())
                since = generation
        except (BrokenPipeError, ConnectionResetError):
            return


class DevServer(ThreadingHTTPServer):
    """The HTTP server, the file watcher and the rebuild worker, started and stopped together."""

    daemon_threads = False
    block_on_close = True

    def __init__(self, root: Path, port: int, now: datetime | None, say: Callable[[str], None]) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self.streams = threading.BoundedSemaphore(MAX_EVENT_STREAMS)
        self.preview = Preview(root, now, say)
        self.watcher = Watcher(self.preview)
        self.observer = Observer()
        self.http_thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1},
                                            name="statusblog-http")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def allows_host(self, host: str | None) -> bool:
        """Whether a request's Host header names this server as a browser on this machine would."""
        port = self.server_address[1]
        return host is not None and host.lower() in {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}

    def process_request(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        """Start a thread for the connection, unless MAX_CONNECTIONS are open: then answer 503 and close it."""
        if not self.connections.acquire(blocking=False):
            try:
                if isinstance(request, socket.socket):
                    request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                    b"Retry-After: 1\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def start(self) -> None:
        self.preview.rebuild_or_report(Changes(registry=True, first_seen=time.perf_counter()), "the whole site")
        self.observer.schedule(self.watcher, str(self.preview.root), recursive=True)
        self.observer.schedule(self.watcher, str(THEMES), recursive=True)
        self.observer.start()
        self.watcher.worker.start()
        self.http_thread.start()

    def stop(self) -> None:
        """Stop watching, end the event streams, and join every thread this server started."""
        self.preview.stop()
        self.watcher.stop()
        self.observer.stop()
        if self.http_thread.ident is not None:
            self.shutdown()
        for thread in (self.observer, self.watcher.worker, self.http_thread):
            if thread.ident is not None:
                thread.join()
        self.server_close()


def interrupt(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM (a service manager, `kill`) stops the server as Ctrl-C does."""
    raise KeyboardInterrupt


def serve(root: Path, port: int, now: datetime | None, say: Callable[[str], None] = print) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop cleanly.

    Ctrl-C is re-armed first: a process started with SIGINT ignored (from a backgrounded shell, or a
    test runner started that way) inherits that, and Python then never raises KeyboardInterrupt.
    """
    previous = {number: signal.signal(number, handler)
                for number, handler in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, interrupt))}
    server = None
    try:
        server = DevServer(root, port, now, say)
        server.start()
        say(f"serving {display_path(root)} at {server.url} (Ctrl-C to stop); incident templates at "
            f"{server.url.rstrip('/')}{TEMPLATES}")
        while server.http_thread.is_alive():
            server.http_thread.join(0.5)
    except KeyboardInterrupt:
        say("stopping")
    finally:
        if server is not None:
            server.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
