"""`statusblog serve`: a live preview that follows every save.

Why the site is served from memory and rendered on demand: the person typing
is on call, and the preview must keep up with them at thousands of incidents,
where a full build takes seconds. A saved incident is re-parsed alone (the
parsers are pure and per file) and swapped into the kept model; the site is
then checked and derived again through a memo of the last rebuild
(generator/memo.py), so only what the save changed is computed anew: tens of
milliseconds at 5,000 incidents, with the same result as a fresh check. Pages
are not rendered then: the new site is a lazy map from path to page, and a
page is rendered when a browser first asks for it. Open browsers are told to
reload over server-sent events as soon as the new site exists.

A change of registries re-reads the site; a change of templates, theme or
static files loads the theme again and compiles every template, so a syntax
error is reported before anything is swapped in. Whatever breaks, the last good site stays
served, with the errors (path:line: message) over every page and in the
terminal. The reload script is added to HTML by this server only; it is never
part of a build.
"""

from __future__ import annotations

import gc
import html
import mimetypes
import queue
import re
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, quote, unquote

import jinja2
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .memo import Remembered
from .problems import Problem, display_path
from .site import render
from .theme import THEMES, DeferredPage, DeferringTheme, Theme, load_theme, template_problem
from .workspace import Workspace, content_folder, evaluate, load_workspace, with_file

PREFIX = "/__statusblog/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "reload.js"
STYLE = PREFIX + "overlay.css"
QUIET_SECONDS = 0.03
"""A burst of saves (an editor's write, rename and chmod) ends after this much silence."""
LONGEST_BURST_SECONDS = 0.5
HEARTBEAT_SECONDS = 10.0
MAX_CONNECTIONS = 64
"""Connections served at once; each holds a thread. Beyond it a connection is answered 503 and closed."""
MAX_EVENT_STREAMS = 32
"""Open tabs' event streams held at once, inside MAX_CONNECTIONS, so streams never starve page requests."""
GENERATION = re.compile(r"[0-9]{1,18}", re.ASCII)
"""A generation as the reload script sends it back: ASCII digits only (int() also reads Arabic-Indic
digits and refuses more than 4,300), and small enough to stay a 64-bit count of milliseconds."""
REGISTRIES = frozenset({"site.toml", "authors.toml", "components.toml"})
WRITES = frozenset({"created", "modified", "moved", "deleted", "closed"})
"""Event types that can change a file; reads ('opened', 'closed_no_write') must not trigger a rebuild."""
CSP_META = re.compile(r'(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")', re.IGNORECASE)
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                 ".js": "text/javascript; charset=utf-8", ".json": "application/json",
                 ".xml": "application/xml", ".atom": "application/atom+xml", ".svg": "image/svg+xml",
                 ".ics": "text/calendar; charset=utf-8", ".txt": "text/plain; charset=utf-8"}

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

class Snapshot:
    """One version of the site: path -> bytes, produced as far as requests need.

    The outputs are consumed in order until the asked-for path appears, so a
    browser previewing pages never waits for feeds or the API to be made.
    """

    def __init__(self, files: Iterator[tuple[str, Any]], theme: Theme) -> None:
        self._pending: Iterator[tuple[str, Any]] | None = files
        self._theme = theme
        self._files: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> bytes | None:
        with self._lock:
            while path not in self._files and self._pending is not None:
                try:
                    name, data = next(self._pending)
                except StopIteration:
                    self._pending = None
                    break
                except BaseException:
                    self._pending = None
                    raise
                self._files[name] = data
            data = self._files.get(path)
            if isinstance(data, DeferredPage):
                data = self._files[path] = data.render(self._theme)
            return data


def settle_heap() -> None:
    """Keep the model just read, and what was derived from it, out of the garbage collector's later scans.

    At thousands of incidents these are hundreds of thousands of objects that live until the next
    full read, and one full collection walking them took longer than the rest of a rebuild. Frozen
    (gc.freeze), they are skipped; the collector only looks at what a save makes.
    """
    gc.collect()
    gc.freeze()


# What changed, and what to do about it.

@dataclass(slots=True)
class Changes:
    content: set[Path] = field(default_factory=set)
    registry: bool = False
    theme: bool = False
    first_seen: float = 0.0

    def __bool__(self) -> bool:
        return bool(self.content) or self.registry or self.theme

    def describe(self) -> str:
        names = sorted(display_path(path) for path in self.content)
        if self.registry:
            names.insert(0, "registries")
        if self.theme:
            names.insert(0, "templates/static files")
        return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def classify(root: Path, path: Path, changes: Changes) -> None:
    """Note what a changed path affects; anything else (output dirs, .git, editor swap files) is ignored."""
    if path.name.startswith((".", "#")) or path.name.endswith("~"):
        return
    if path.is_relative_to(THEMES):
        changes.theme = True
        return
    try:
        relative = path.relative_to(root)
    except ValueError:
        return
    if relative.parts and relative.parts[0] in ("templates", "static"):
        changes.theme = True
    elif len(relative.parts) == 1 and relative.name in REGISTRIES:
        changes.registry = True
    elif content_folder(root, path) and path.suffix == ".md":
        changes.content.add(path)
    elif len(relative.parts) == 1 and relative.name in ("incidents", "maintenance", "pages"):
        changes.registry = True  # a content folder moved or deleted: read the site again


@dataclass(frozen=True, slots=True)
class Served:
    generation: int
    snapshot: Snapshot | None
    problems: tuple[Problem, ...]
    """Errors of the latest rebuild, shown over the last good site."""


class Preview:
    """The site as the browser should see it, rebuilt change by change."""

    def __init__(self, root: Path, now: datetime | None, say: Callable[[str], None]) -> None:
        self.root = root.absolute()
        self.fixed_now = now
        self.say = say
        self.workspace: Workspace | None = None
        self.theme: Theme | None = None
        self.memo = Remembered()
        """Per-incident results of the last rebuild, reused for the files a save did not touch."""
        # Generations count up from the start time, so a tab left open across a restart reloads.
        self._served = Served(time.time_ns() // 1_000_000, None, ())
        self._changed = threading.Condition()
        self.stopping = False

    @property
    def served(self) -> Served:
        with self._changed:
            return self._served

    def now(self) -> datetime:
        return self.fixed_now or datetime.now(UTC).replace(microsecond=0)

    def rebuild(self, changes: Changes) -> None:
        """Apply the changes; publish the new site, or the errors over the last good one."""
        whole = changes.registry or self.workspace is None or self.workspace.site is None
        if whole:
            gc.unfreeze()  # the model read before may be collected now
            self.workspace = load_workspace(self.root)
        else:
            for path in sorted(changes.content):
                self.workspace = with_file(self.workspace, path)
        if changes.registry or changes.theme:
            self.theme = None
        checked = evaluate(self.workspace, self.now(), self.memo)
        self.memo.sweep()
        if whole:
            settle_heap()
        for problem in checked.problems:
            self.say(problem.format())
        if checked.state is None:
            self._publish(None, tuple(checked.errors))
            return
        try:
            theme = self.theme or load_theme(self.root, checked.state.site.config)
            if self.theme is None:
                # A syntax error shows (file and line) before anything is swapped in; an error only rendering
                # finds is shown on the page that hits it, as rendering every page would take seconds.
                theme.compile()
        except jinja2.TemplateError as exc:
            problem = template_problem(exc, self.root)
            self.say(problem.format())
            self._publish(None, (problem,))
            return
        self.theme = theme
        self._publish(Snapshot(render(checked.state, self.root, DeferringTheme.of(theme)), theme), ())

    def rebuild_or_report(self, changes: Changes, what: str = "") -> None:
        """Rebuild and say how long it took from the first save; a crash is reported, never fatal."""
        try:
            self.rebuild(changes)
        except Exception as exc:  # a bug must not stop the preview: show it and keep serving
            problem = Problem("statusblog", None, f"internal error while rebuilding: {exc!r}",
                              "please report this; the last good site stays served")
            self.say(problem.format())
            self._publish(None, (problem,))
        elapsed = (time.perf_counter() - changes.first_seen) * 1000
        outcome = "errors after" if self.served.problems else "built in" if what else "rebuilt in"
        self.say(f"{outcome} {elapsed:.0f} ms: {what or changes.describe()}")

    def _publish(self, snapshot: Snapshot | None, problems: tuple[Problem, ...]) -> None:
        with self._changed:
            self._served = Served(self._served.generation + 1, snapshot or self._served.snapshot, problems)
            self._changed.notify_all()

    def wait(self, since: int, timeout: float) -> int | None:
        """The generation after `since` once there is one; None on timeout or when stopping."""
        with self._changed:
            self._changed.wait_for(lambda: self.stopping or self._served.generation > since, timeout)
            return None if self.stopping or self._served.generation <= since else self._served.generation

    def stop(self) -> None:
        with self._changed:
            self.stopping = True
            self._changed.notify_all()


# Watching files.

class Watcher(FileSystemEventHandler):
    """Turns file events into coalesced rebuilds on one worker thread."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.events: queue.Queue[tuple[float, str] | None] = queue.Queue()
        self.worker = threading.Thread(target=self._work, name="statusblog-rebuild")

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in WRITES or (event.is_directory and event.event_type in ("created", "modified")):
            return
        now = time.perf_counter()
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.events.put((now, path if isinstance(path, str) else path.decode()))

    def _collect(self) -> Changes | None:
        first = self.events.get()
        if first is None:
            return None
        changes = Changes(first_seen=first[0])
        classify(self.preview.root, Path(first[1]), changes)
        deadline = time.perf_counter() + LONGEST_BURST_SECONDS
        while time.perf_counter() < deadline:
            try:
                item = self.events.get(timeout=QUIET_SECONDS)
            except queue.Empty:
                break
            if item is None:
                return None
            classify(self.preview.root, Path(item[1]), changes)
        return changes

    def _work(self) -> None:
        while (changes := self._collect()) is not None:
            if changes:
                self.preview.rebuild_or_report(changes)

    def stop(self) -> None:
        self.events.put(None)


# Serving.

def inject(page: bytes, generation: int, problems: Iterable[Problem]) -> bytes:
    """Add the errors and the reload script before </body>, and let the page's CSP allow them."""
    text = page.decode("utf-8", "replace")
    text = CSP_META.sub(lambda m: m.group(1) + html.escape(allow_preview(html.unescape(m.group(2)))) + m.group(3),
                        text, count=1)
    listed = "\n".join(problem.format() for problem in problems)
    banner = (f'<link rel="stylesheet" href="{STYLE}"><section id="statusblog-errors" role="alert">'
              f"<h2>statusblog serve: the last change has errors; showing the last good version</h2>"
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
    return inject(page.encode(), generation, problems)


def content_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


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


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    timeout = 1
    """Seconds an idle connection (a browser's preconnect) may hold a thread; keeps Ctrl-C prompt."""

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
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, CONTENT_TYPES[".html"],
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
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, CONTENT_TYPES[".html"],
                       error_page(served.generation, (*served.problems, problem)))
            return
        kind = content_type(name)
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
        say(f"serving {display_path(root)} at {server.url} (Ctrl-C to stop)")
        while server.http_thread.is_alive():
            server.http_thread.join(0.5)
    except KeyboardInterrupt:
        say("stopping")
    finally:
        if server is not None:
            server.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
