"""An imported history -> a site's source files, checked before anything is written.

The text of every file comes from the serialisers `statusblog new` uses
(`writing.incident_text`, `update_block`, `toml_string`, ...), so an
imported file is one a person could have written. Each new text is parsed
back and must hold exactly the imported updates, and before anything is
written the whole site with the new files is checked as `statusblog check`
would: an import either leaves a site that checks, or writes nothing and says
why.

A record beside the site's registries, `.statusblog-import.json`, keeps for
each imported item (by service and source id) the file it went to and the
SHA-256 of what was written. That is what makes a second import of the same
data write nothing, lets a later export update the files the import wrote,
and never overwrites a file a person has changed (or deleted) since: its
digest no longer matches, so it is skipped and named in the report. The
record lives in the site so that it is committed with the files it is about.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..authoring import create_file, replace_file
from ..frontmatter import MAX_SOURCE_BYTES, SourceError, load_toml, read_text
from ..model import IMPACT_STATUS, Incident, Maintenance
from ..parse import ParsedFile, parse_incident, parse_maintenance, slugify
from ..problems import Problem, Severity, display_path
from ..workspace import Workspace, evaluate, load_workspace, with_file
from ..writing import (
    AuthoringError,
    file_slug,
    incident_text,
    maintenance_text,
    postmortem_heading,
    toml_string,
    update_block,
)
from .imported import History, ImportedIncident, ImportedMaintenance, Unmapped

STATE_FILE = ".statusblog-import.json"
STATE_VERSION = 1
RECORDED_PATH = re.compile(r"^(?:incidents|maintenance)/[a-z0-9][a-z0-9_-]*\.md$")
REFERENCE = re.compile(r"[^A-Za-z0-9._-]")
PLACEHOLDER_URL = "https://status.example.com/"
REGISTRIES = ("site.toml", "authors.toml", "components.toml")
CONTENT = ("incidents", "maintenance", "pages")

T = TypeVar("T")
Progress = Callable[[Sequence[T]], Iterable[T]]
"""Wraps the list of items as they are turned into files: a progress bar on a terminal, else nothing."""


def each(items: Sequence[T]) -> Iterable[T]:
    return items


@dataclass(frozen=True, slots=True)
class Planned:
    """A file the import writes (or, with --dry-run, would write)."""

    relative: str
    text: str
    change: str
    """'create', 'update' (a file this import wrote before, unchanged since) or 'append' (a registry)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    relative: str
    reason: str


@dataclass(frozen=True, slots=True)
class Outcome:
    planned: tuple[Planned, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    unmapped: tuple[Unmapped, ...]
    problems: tuple[Problem, ...]
    """What `check` says about the files written (warnings only: an error refuses the import)."""


@dataclass(frozen=True, slots=True)
class _Placed:
    planned: Planned | None
    unchanged: str = ""
    skipped: Skipped | None = None
    record: tuple[str, dict[str, str]] | None = None


def author_id(history: History) -> str:
    return f"imported-{history.key}"


def write(history: History, root: Path, now: datetime, *, dry_run: bool = False,
          progress: Progress[ImportedIncident | ImportedMaintenance] = each) -> Outcome:
    """Write `history` into the site at `root`; raises AuthoringError (writing nothing) when it cannot."""
    _refuse_folders_outside(root)
    state = _read_state(root)
    unmapped: list[Unmapped] = []
    registries = [planned for planned in (_site_toml(root, history, unmapped), _authors_toml(root, history),
                                          _components_toml(root, history)) if planned is not None]
    records = dict(state)
    planned, unchanged, skipped = list(registries), [], []
    parsed: dict[str, ParsedFile] = {}
    claimed: set[str] = set()
    for item in progress([*history.incidents, *history.maintenances]):
        text = _text(item, author_id(history), unmapped)
        if text is None:
            continue
        placed = _place(item, text, history, root, state, claimed)
        if placed.planned is not None:
            read_back = _read_back(root, placed.planned, item)
            if read_back is None:
                unmapped.append(Unmapped(item.source, item.id, item.title, "its file would not read back as "
                                         "imported; not imported"))
                continue
            planned.append(placed.planned)
            parsed[placed.planned.relative] = read_back
            claimed.add(placed.planned.relative)
        if placed.unchanged:
            unchanged.append(placed.unchanged)
            claimed.add(placed.unchanged)
        if placed.skipped is not None:
            skipped.append(placed.skipped)
        if placed.record is not None:
            records[placed.record[0]] = placed.record[1]
    problems = _checked(root, registries, parsed, now) if planned else ()
    if not dry_run:
        for item in planned:
            _write_file(root / item.relative, item.text, item.change)
        if records != state:
            _write_file(root / STATE_FILE, _state_text(records),
                        "update" if (root / STATE_FILE).exists() else "create")
    return Outcome(tuple(planned), tuple(unchanged), tuple(skipped), tuple(unmapped), problems)


# The registries: only what is missing is added; a table a person wrote is never changed.

def _site_toml(root: Path, history: History, unmapped: list[Unmapped]) -> Planned | None:
    if (root / "site.toml").exists():
        return None
    url = history.base_url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(char.isspace() for char in url):
        unmapped.append(Unmapped("site.toml", "base_url", url, f"no usable page address; {PLACEHOLDER_URL} written: "
                                 "set base_url to where the site will be published"))
        url = PLACEHOLDER_URL
    title = history.name or f"Status, imported from {history.service}"
    text = (f"title = {toml_string(title)}\nbase_url = {toml_string(url)}\n"
            f"timezone = {toml_string(history.timezone)}\n")
    return Planned("site.toml", text, "create")


def _registry(root: Path, name: str) -> tuple[str | None, dict[str, Any]]:
    """A registry's text (None if there is none) and its tables."""
    path = root / name
    if not path.exists():
        return None, {}
    try:
        text = read_text(path)
        return text, load_toml(text)
    except SourceError as exc:
        raise AuthoringError(f"{display_path(path)}:{exc.line or 1}: {exc.message}; fix it first, then import "
                             "again") from exc


def _appended(name: str, existing: str | None, tables: list[str]) -> Planned | None:
    if not tables:
        return None
    head = existing.rstrip("\n") + "\n\n" if existing and existing.strip() else ""
    return Planned(name, head + "\n".join(tables), "create" if existing is None else "append")


def _authors_toml(root: Path, history: History) -> Planned | None:
    """The one author who signs imported updates, named for what it is: never a person, never verified."""
    existing, data = _registry(root, "authors.toml")
    if author_id(history) in data:
        return None
    title = _registry(root, "site.toml")[1].get("title")
    team = history.name or (title if isinstance(title, str) and title.strip() else "Status")
    url = history.url.strip()
    reach = (f"url = {toml_string(url)}\n" if urlsplit(url).scheme in ("http", "https")
             and not any(char.isspace() for char in url) else "")
    table = (f"[{author_id(history)}]\nname = {toml_string(f'{team} team, imported from {history.service}')}\n"
             f"role = {toml_string(f'Imported history from {history.service}, not signed by a person')}\n"
             f"{reach}")
    return _appended("authors.toml", existing, [table])


def _components_toml(root: Path, history: History) -> Planned | None:
    existing, data = _registry(root, "components.toml")
    tables = []
    for component in history.components:
        if component.id in data:
            continue
        reference = REFERENCE.sub("", component.reference)[:64]
        lines = [f"[{component.id}]" + (f"  # {history.service} component {reference}" if reference else ""),
                 f"name = {toml_string(component.name)}"]
        if component.group:
            lines.append(f"group = {toml_string(component.group)}")
        if component.description:
            lines.append(f"description = {toml_string(component.description)}")
        if component.start_date:
            lines.append(f"start_date = {component.start_date.isoformat()}")
        tables.append("\n".join(lines) + "\n")
    return _appended("components.toml", existing, tables)


# Items: their text, read back to prove it says what was imported, then where it goes.

def _text(item: ImportedIncident | ImportedMaintenance, author: str, unmapped: list[Unmapped]) -> str | None:
    body = "\n".join(update_block(update.at, update.status, author, update.body) for update in item.updates)
    if isinstance(item, ImportedIncident):
        if item.summary:
            body = f"{item.summary}\n\n{body}"
        if item.postmortem:
            body += f"\n{postmortem_heading(author)}\n\n{item.postmortem}\n"
        components: dict[str, str] | list[str] = list(item.components)
        if any(status is not None for status in item.components.values()):
            components = {key: status or IMPACT_STATUS[item.impact].key for key, status in item.components.items()}
        text = incident_text(item.title, item.impact, components, item.started, body, stable_id=item.id)
    else:
        text = maintenance_text(item.title, item.start, item.end, item.components, body, stable_id=item.id)
    size = len(text.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:
        unmapped.append(Unmapped(item.source, item.id, item.title, f"its file would be {size:,} bytes, over the "
                                 f"{MAX_SOURCE_BYTES // 2**20} MB a source file may have; not imported"))
        return None
    return text


def _read_back(root: Path, planned: Planned, item: ImportedIncident | ImportedMaintenance) -> ParsedFile | None:
    """The planned file parsed as the site will read it, if it holds exactly the imported updates and nothing
    more: the proof that no imported value became structure. None if it does not."""
    path = root / planned.relative
    incident = isinstance(item, ImportedIncident)
    parse = parse_incident if incident else parse_maintenance
    parsed = parse(planned.text, slugify(path.stem), display_path(path), UTC)
    found = parsed.item
    if not isinstance(found, Incident | Maintenance) or found.id != item.id or found.title != item.title:
        return None
    if isinstance(found, Incident) and isinstance(item, ImportedIncident) and (
            bool(found.postmortem) != bool(item.postmortem) or found.summary.text.strip() != item.summary.strip()):
        return None
    written = [(update.at, update.status, update.body.strip()) for update in item.updates]
    if written != [(update.at, update.status, update.body.text.strip()) for update in found.updates]:
        return None
    return parsed


def _place(item: ImportedIncident | ImportedMaintenance, text: str, history: History, root: Path,
           state: dict[str, dict[str, str]], claimed: set[str]) -> _Placed:
    folder = "incidents" if isinstance(item, ImportedIncident) else "maintenance"
    key = f"{history.key}:{folder}:{item.id}"
    data = text.encode("utf-8")
    record = (key, {"path": "", "sha256": hashlib.sha256(data).hexdigest()})
    entry = state.get(key)
    if entry is not None:
        relative = entry["path"]
        path = root / relative
        if not path.is_file():
            return _Placed(None, skipped=Skipped(relative, "deleted since the last import; not written again"))
        current = path.read_bytes()
        if hashlib.sha256(current).hexdigest() != entry["sha256"]:
            return _Placed(None, skipped=Skipped(relative, "edited since the last import; left as it is"))
        record[1]["path"] = relative
        if current == data:
            return _Placed(None, unchanged=relative)
        return _Placed(Planned(relative, text, "update"), record=record)
    relative = _free_name(root, folder, _base_name(item), data, claimed)
    record[1]["path"] = relative
    if (root / relative).is_file():
        return _Placed(None, unchanged=relative, record=record)
    return _Placed(Planned(relative, text, "create"), record=record)


def _base_name(item: ImportedIncident | ImportedMaintenance) -> str:
    day = (item.started if isinstance(item, ImportedIncident) else item.start).date()
    try:
        return file_slug(day, item.title)
    except AuthoringError:
        return f"{day.isoformat()}-{slugify(item.id) or 'imported'}"


def _free_name(root: Path, folder: str, base: str, data: bytes, claimed: set[str]) -> str:
    """`<folder>/<base>.md`, or with -2, -3...: a name no other file has, nor whose slug another file makes.

    A file already there with exactly this text is taken as this item's (an import that was stopped
    before it could record what it wrote), so running it again completes it instead of doubling it.
    """
    directory = root / folder
    slugs = {slugify(path.stem) for path in directory.glob("*.md")} if directory.is_dir() else set()
    number = 1
    while True:
        name = base if number == 1 else f"{base}-{number}"
        relative = f"{folder}/{name}.md"
        number += 1
        if relative in claimed:
            continue
        path = root / relative
        if path.is_file() and path.read_bytes() == data:
            return relative
        if name not in slugs and not path.exists():
            return relative


# The record of what was imported.

def _read_state(root: Path) -> dict[str, dict[str, str]]:
    path = root / STATE_FILE
    if not path.exists():
        return {}
    shown = display_path(path)
    try:
        data = json.loads(read_text(path))
    except (SourceError, json.JSONDecodeError) as exc:
        raise AuthoringError(f"{shown}: the import record cannot be read ({exc}); restore it from git, "
                             "or delete it to import everything as new") from exc
    files = data.get("files") if isinstance(data, dict) and data.get("version") == STATE_VERSION else None
    if not isinstance(files, dict):
        raise AuthoringError(f"{shown}: not an import record of this version; restore it from git, or delete it "
                             "to import everything as new")
    state = {}
    for key, entry in files.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and RECORDED_PATH.match(entry["path"]) and isinstance(entry.get("sha256"), str)):
            raise AuthoringError(f"{shown}: the entry {json.dumps(key)} is not a file under incidents/ or "
                                 "maintenance/ with its digest; restore the record from git, or delete it")
        state[key] = {"path": entry["path"], "sha256": entry["sha256"]}
    return state


def _state_text(records: dict[str, dict[str, str]]) -> str:
    return json.dumps({"version": STATE_VERSION, "files": dict(sorted(records.items()))}, indent=1,
                      ensure_ascii=False) + "\n"


# Checking in a copy, and writing.

def _refuse_folders_outside(root: Path) -> None:
    """The folders written into must be the site's own: a symbolic link out of it would take the files along."""
    real = root.resolve()
    for name in ("incidents", "maintenance"):
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
    if current is None and any(_has_content(root / folder) for folder in CONTENT):
        raise AuthoringError(f"{display_path(root)} has content but no site.toml; add one, then import again")
    planned = {item.relative: item.text for item in registries}
    with tempfile.TemporaryDirectory(prefix="statusblog-import-") as temporary:
        stage = Path(temporary)
        for name in REGISTRIES:
            if name in planned:
                (stage / name).write_text(planned[name], encoding="utf-8")
            elif (root / name).is_file():
                shutil.copyfile(root / name, stage / name)
        staged = load_workspace(stage)
        shown = {display_path(stage / name): display_path(root / name) for name in REGISTRIES}
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

