"""A loaded site kept in memory and changed one file at a time.

`statusblog serve` re-reads only the file that was saved, and the authoring
commands check the text they are about to write before writing it. Both need
the same thing: the site model plus the problems of each file, where one
content file can be swapped for new text (or removed) without reading the
others again, then checked as a whole exactly as `statusblog check` would.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from ..core.model import Incident, IncidentTemplate, Maintenance, Page, Site
from ..core.problems import Problem, Problems, display_path
from ..core.times import zone
from ..source.cached_parse import parse_entries
from ..source.loader import KIND_OF_FOLDER, content_file, load_site, read_parsed
from ..source.parse import ParsedFile, slugify
from .evaluate import Checked
from .evaluate import evaluate as evaluate_site


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path
    site: Site | None
    """None when the registries cannot be read; then only a full reload can help."""
    problems: Mapping[str, tuple[Problem, ...]]
    """Problems found while reading, by the file they are about (as shown in messages)."""

    @property
    def tz(self) -> tzinfo:
        assert self.site is not None
        return zone(self.site.config.timezone)


def _by_path(problems: Problems) -> dict[str, tuple[Problem, ...]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems.items:
        grouped.setdefault(problem.path, []).append(problem)
    return {path: tuple(items) for path, items in grouped.items()}


def load_workspace(root: Path) -> Workspace:
    problems = Problems()
    site = load_site(root, problems, parse_entries)
    return Workspace(root, site, _by_path(problems))


def content_folder(root: Path, path: Path) -> str | None:
    """The content folder (one of layout.CONTENT_FOLDERS) directly holding `path`, if any."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
    except ValueError:
        return None
    if len(relative.parts) == 2 and relative.parts[0] in KIND_OF_FOLDER:
        return relative.parts[0]
    return None


def parse_text(workspace: Workspace, path: Path, text: str) -> ParsedFile:
    """Parse text meant for `path` as the file's folder says, without touching the disk."""
    folder = content_folder(workspace.root, path)
    assert folder is not None and workspace.site is not None
    return KIND_OF_FOLDER[folder].parse(text, slugify(path.stem), display_path(path), workspace.tz)


def with_file(workspace: Workspace, path: Path, parsed: ParsedFile | None = None) -> Workspace:
    """The workspace with one content file read again (or its new `parsed` text, or gone)."""
    folder = content_folder(workspace.root, path)
    site = workspace.site
    if folder is None or site is None:
        return workspace
    shown = display_path(path)
    problems = Problems()
    if parsed is not None:
        problems.extend(parsed.problems)
    elif (entry := content_file(workspace.root.resolve(), path, problems)) is not None:
        parsed = read_parsed(*entry, KIND_OF_FOLDER[folder].parse, workspace.tz, problems)
    item: Incident | Maintenance | Page | IncidentTemplate | None = parsed.item if parsed is not None else None
    # An incident that does not parse whole is still checked as far as it does, as `check` does (loader.kept).
    unfinished = parsed.unfinished if parsed is not None and item is None else None
    site = _replace_item(site, folder, shown, item)
    site = replace(site, unfinished=(*(i for i in site.unfinished if i.source != shown),
                                     *((unfinished,) if unfinished is not None else ())))
    kept = {key: value for key, value in workspace.problems.items() if key != shown}
    kept.update(_by_path(problems))
    return replace(workspace, site=site, problems=kept)


def _replace_item(site: Site, folder: str, shown: str,
                  item: Incident | Maintenance | Page | IncidentTemplate | None) -> Site:
    kind = KIND_OF_FOLDER[folder]
    return replace(site, **{kind.field: _replaced(getattr(site, kind.field), shown, item, kind.order)})


def _replaced(items: tuple[Any, ...], shown: str, item: Any, key: Callable[[Any], Any]) -> tuple[Any, ...]:
    """`items` (sorted by `key`) without the one read from `shown`, and with `item` where sorting would put it.

    Inserted after its equals, as a stable sort of the rest plus `item` would; but in log n key calls
    instead of n, since a save must not cost a sort of thousands of incidents.
    """
    kept = [existing for existing in items if existing.source != shown]
    if item is not None:
        kept.insert(bisect_right(kept, key(item), key=key), item)
    return tuple(kept)


def evaluate(workspace: Workspace, now: datetime) -> Checked:
    """Every problem of the site at `now`, and its derived state when there is no error (evaluate.evaluate)."""
    return evaluate_site(workspace.site, [p for items in workspace.problems.values() for p in items], now)
