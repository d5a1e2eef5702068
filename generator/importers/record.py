"""The import record, and where each imported item's file goes by it.

A record beside the site's registries, `.statusblog-import.json`, keeps for
each imported item (by service and source id) the file it went to and the
SHA-256 of what was written. That is what makes a second import of the same
data write nothing, lets a later export update the files the import wrote,
and never overwrites a file a person has changed (or deleted) since: its
digest no longer matches, so it is skipped and named in the report. The
record lives in the site so that it is committed with the files it is about;
its shape, and reading it, are generator/source/import_record.py's, since
notify reads it too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..authoring.compose import file_slug
from ..authoring.errors import AuthoringError
from ..source import import_record
from ..source.import_record import RECORD_VERSION, Record, digest
from ..source.layout import INCIDENTS, MAINTENANCE
from ..source.parse import slugify
from .imported import History, ImportedIncident, ImportedMaintenance
from .planned import Planned


@dataclass(frozen=True, slots=True)
class Skipped:
    relative: str
    reason: str


@dataclass(frozen=True, slots=True)
class Placed:
    """Where one item went: a file to write, one already as imported, or one left alone; and its new entry."""

    planned: Planned | None
    unchanged: str = ""
    skipped: Skipped | None = None
    entry: tuple[str, dict[str, str]] | None = None


def read_record(root: Path) -> Record:
    """The site's import record (empty if it has none); refused if it is unreadable or names a file outside."""
    try:
        return import_record.read_record(root)
    except import_record.RecordError as exc:
        raise AuthoringError(str(exc)) from exc


def record_text(record: Record) -> str:
    return json.dumps({"version": RECORD_VERSION, "files": dict(sorted(record.items()))}, indent=1,
                      ensure_ascii=False) + "\n"


def place(item: ImportedIncident | ImportedMaintenance, text: str, history: History, root: Path, record: Record,
          claimed: set[str]) -> Placed:
    """The file a previous import recorded for this item, if still as written; else a free name for it."""
    folder = INCIDENTS if isinstance(item, ImportedIncident) else MAINTENANCE
    key = f"{history.key}:{folder}:{item.id}"
    data = text.encode("utf-8")
    entry = (key, {"path": "", "sha256": digest(data)})
    recorded = record.get(key)
    if recorded is not None:
        relative = recorded["path"]
        path = root / relative
        if not path.is_file():
            return Placed(None, skipped=Skipped(relative, "deleted since the last import; not written again"))
        current = path.read_bytes()
        if digest(current) != recorded["sha256"]:
            return Placed(None, skipped=Skipped(relative, "edited since the last import; left as it is"))
        entry[1]["path"] = relative
        if current == data:
            return Placed(None, unchanged=relative)
        return Placed(Planned(relative, text, "update"), entry=entry)
    relative = _free_name(root, folder, _base_name(item), data, claimed)
    entry[1]["path"] = relative
    if (root / relative).is_file():
        return Placed(None, unchanged=relative, entry=entry)
    return Placed(Planned(relative, text, "create"), entry=entry)


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
