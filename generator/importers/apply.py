"""An imported history -> a site's source files, checked before anything is written.

`texts` makes each file's text (and proves an item's reads back as
imported); `record` says where each item goes and what an earlier import
wrote. This module puts them together and, before anything is written,
checks the whole site with the new files as `statusblog check` would: an
import either leaves a site that checks, or writes nothing and says why.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from ..authoring.edit import create_file, replace_file
from ..authoring.errors import AuthoringError
from ..core.problems import Problem, Severity, display_path
from ..pipeline.workspace import Workspace, evaluate, load_workspace, with_file
from ..source.import_record import RECORD_FILE
from ..source.layout import CONTENT_FOLDERS, INCIDENTS, MAINTENANCE, REGISTRIES
from ..source.parse import ParsedFile
from .imported import History, ImportedIncident, ImportedMaintenance, Unmapped
from .planned import Planned, author_id, item_text, read_back, registry_files
from .record import Skipped, place, read_record, record_text

REGISTRY_FILES = tuple(f"{name}.toml" for name in REGISTRIES)

T = TypeVar("T")
Progress = Callable[[Sequence[T]], Iterable[T]]
"""Wraps the list of items as they are turned into files: a progress bar on a terminal, else nothing."""


def each(items: Sequence[T]) -> Iterable[T]:
    return items


@dataclass(frozen=True, slots=True)
class Outcome:
    planned: tuple[Planned, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    unmapped: tuple[Unmapped, ...]
    problems: tuple[Problem, ...]
    """What `check` says about the files written (warnings only: an error refuses the import)."""


def write(history: History, root: Path, now: datetime, *, dry_run: bool = False,
          progress: Progress[ImportedIncident | ImportedMaintenance] = each) -> Outcome:
    """Write `history` into the site at `root`; raises AuthoringError (writing nothing) when it cannot."""
    _refuse_folders_outside(root)
    record = read_record(root)
    unmapped: list[Unmapped] = []
    registries = registry_files(root, history, unmapped)
    entries = dict(record)
    planned, unchanged, skipped = list(registries), [], []
    parsed: dict[str, ParsedFile] = {}
    claimed: set[str] = set()
    for item in progress([*history.incidents, *history.maintenances]):
        text = item_text(item, author_id(history), unmapped)
        if text is None:
            continue
        placed = place(item, text, history, root, record, claimed)
        if placed.planned is not None:
            file = read_back(root, placed.planned, item)
            if file is None:
                unmapped.append(Unmapped(item.source, item.id, item.title, "its file would not read back as "
                                         "imported; not imported"))
                continue
            planned.append(placed.planned)
            parsed[placed.planned.relative] = file
            claimed.add(placed.planned.relative)
        if placed.unchanged:
            unchanged.append(placed.unchanged)
            claimed.add(placed.unchanged)
        if placed.skipped is not None:
            skipped.append(placed.skipped)
        if placed.entry is not None:
            entries[placed.entry[0]] = placed.entry[1]
    problems = _checked(root, registries, parsed, now) if planned else ()
    if not dry_run:
        for item in planned:
            _write_file(root / item.relative, item.text, item.change)
        if entries != record:
            _write_file(root / RECORD_FILE, record_text(entries),
                        "update" if (root / RECORD_FILE).exists() else "create")
    return Outcome(tuple(planned), tuple(unchanged), tuple(skipped), tuple(unmapped), problems)


# Checking in a copy, and writing.

def _refuse_folders_outside(root: Path) -> None:
    """The folders written into must be the site's own: a symbolic link out of it would take the files along."""
    real = root.resolve()
    for name in (INCIDENTS, MAINTENANCE):
        folder = root / name
        if folder.exists() and not folder.resolve().is_relative_to(real):
            raise AuthoringError(f"{display_path(folder)} leads outside the site; refusing to write through it")


def _checked(root: Path, registries: Sequence[Planned], parsed: Mapping[str, ParsedFile],
             now: datetime) -> tuple[Problem, ...]:
    """The whole site's problems with the planned files in it, as `check` would find them; refuses on an error.

    The site's own files are read where they are; the planned registries are read from a copy holding
    only them, and the planned incidents and maintenances are the texts already parsed, put in place of
    (or beside) the site's, so a large import is parsed once.
    """
    workspace = _with_registries(root, registries)
    for relative, file in parsed.items():
        workspace = with_file(workspace, root / relative, file)
    problems = evaluate(workspace, now).problems
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise AuthoringError(f"{display_path(root)}: refusing to import: 'statusblog check' would reject the site "
                             "with the imported files; nothing was written", errors)
    written = {display_path(root / relative) for relative in (*parsed, *(item.relative for item in registries))}
    return tuple(problem for problem in problems if problem.path in written)


def _with_registries(root: Path, registries: Sequence[Planned]) -> Workspace:
    """The site at `root`, its registries as they will be once the planned ones are written."""
    current = load_workspace(root) if (root / "site.toml").is_file() else None
    if not registries and current is not None:
        return _settled(current)
    if current is None and any(_has_content(root / folder) for folder in CONTENT_FOLDERS):
        raise AuthoringError(f"{display_path(root)} has content but no site.toml; add one, then import again")
    planned = {item.relative: item.text for item in registries}
    with tempfile.TemporaryDirectory(prefix="statusblog-import-") as temporary:
        stage = Path(temporary)
        for name in REGISTRY_FILES:
            if name in planned:
                (stage / name).write_text(planned[name], encoding="utf-8")
            elif (root / name).is_file():
                shutil.copyfile(root / name, stage / name)
        staged = load_workspace(stage)
        shown = {display_path(stage / name): display_path(root / name) for name in REGISTRY_FILES}
    problems = {shown.get(path, path): tuple(replace(problem, path=shown.get(problem.path, problem.path))
                                             for problem in items) for path, items in staged.problems.items()}
    if staged.site is None:
        return _settled(Workspace(root, None, problems))
    site = replace(staged.site, root=str(root), source_files={key: shown.get(value, value)
                                                               for key, value in staged.site.source_files.items()})
    if current is not None and current.site is not None:
        site = replace(site, incidents=current.site.incidents, maintenances=current.site.maintenances,
                       pages=current.site.pages)
        problems.update({path: items for path, items in current.problems.items() if path not in shown.values()})
    return Workspace(root, site, problems)


def _settled(workspace: Workspace) -> Workspace:
    """The workspace, if its registries can be read; refused with their errors if not."""
    if workspace.site is None:
        errors = [problem for items in workspace.problems.values() for problem in items
                  if problem.severity is Severity.ERROR]
        raise AuthoringError(f"{display_path(workspace.root)}: the site's settings have errors; fix them first",
                             errors)
    return workspace


def _has_content(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.md"))


def _write_file(path: Path, text: str, change: str) -> None:
    if change == "create":
        create_file(path, text)
    else:
        replace_file(path, text)


def counts(history: History) -> Iterator[tuple[str, int]]:
    yield from (("component", len(history.components)), ("incident", len(history.incidents)),
                ("maintenance", len(history.maintenances)), ("update", history.updates))

