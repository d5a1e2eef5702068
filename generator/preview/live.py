"""The preview's site in memory: what a save changed, the rebuild it makes, and the files it watches.

Why the site is kept in memory and rendered on demand: the person typing is on
call, and the preview must keep up with them at thousands of incidents, where a
full build takes seconds. A saved incident is re-parsed alone and swapped into
the kept model; the site is then checked and derived again by the same
pipeline as a build (pipeline.evaluate), inside a Reuse of the last rebuild
(generator/core/memo.py), so only what the save changed is computed anew, with the
same result as a fresh check. Pages are rendered when a browser first asks.

A change of registries re-reads the site; a change of templates, theme or static
files loads the theme again and compiles every template, so a syntax error is
reported before anything is swapped in. Whatever breaks, the last good site
stays served, with its errors. `serve` serves it over HTTP.
"""

from __future__ import annotations

import gc
import queue
import threading
import time
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from ..core.memo import Reuse
from ..core.problems import Problem, display_path
from ..pipeline.evaluate import render
from ..pipeline.workspace import Workspace, content_folder, evaluate, load_workspace, with_file
from ..render.compiled_theme import load_compiled, save_compiled
from ..render.theme import THEMES, Page, Theme, load_theme, template_problem
from ..source.layout import CONTENT_FOLDERS

QUIET_SECONDS = 0.03
"""A burst of saves (an editor's write, rename and chmod) ends after this much silence."""


LONGEST_BURST_SECONDS = 0.5


REGISTRIES = frozenset({"site.toml", "authors.toml", "components.toml"})


WRITES = frozenset({"created", "modified", "moved", "deleted", "closed"})
"""Event types that can change a file; reads ('opened', 'closed_no_write') must not trigger a rebuild."""


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
            if isinstance(data, Page):
                data = self._files[path] = self._theme.render(data)
            return data


def settle_heap() -> None:
    """Keep the model just read, and what was derived from it, out of the garbage collector's later scans.

    At thousands of incidents these are hundreds of thousands of objects that live until the next
    full read, and one full collection walking them took longer than the rest of a rebuild. Frozen
    (gc.freeze), they are skipped; the collector only looks at what a save makes.
    """
    gc.collect()
    gc.freeze()


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
    elif len(relative.parts) == 1 and relative.name in CONTENT_FOLDERS:
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
        self.kept_templates: Set[tuple[str, str]] | None = None
        """The compiled templates in the site's cache folder, read once (render.compiled_theme)."""
        self.reuse = Reuse()
        """Per-item results of the last rebuild, reused for the files a save did not touch."""
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
        with self.reuse.rebuild():
            checked = evaluate(self.workspace, self.now())
        if whole:
            settle_heap()
        for problem in checked.problems:
            self.say(problem.format())
        if checked.state is None:
            self._publish(None, tuple(checked.errors))
            return
        try:
            if self.kept_templates is None:
                self.kept_templates = load_compiled(self.root)
            theme = self.theme or load_theme(self.root, checked.state.site.config)
            if self.theme is None:
                # A syntax error shows (file and line) before anything is swapped in; an error only rendering
                # finds is shown on the page that hits it, as rendering every page would take seconds.
                theme.compile()
                self.kept_templates = save_compiled(self.root, theme, self.kept_templates)
        except jinja2.TemplateError as exc:
            problem = template_problem(exc, self.root)
            self.say(problem.format())
            self._publish(None, (problem,))
            return
        self.theme = theme
        self._publish(Snapshot(render(checked.state, self.root, theme), theme), ())

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
