"""The import record a site keeps, `.statusblog-import.json`: which files `statusblog import` wrote.

`import` writes it (generator/importers/record.py) so that a second import
writes nothing and never overwrites a file a person changed; `notify` reads
it so that history an import wrote is never announced as news. Both read it
here, the one place that knows its shape: for each imported item (by
service and source id) the file it went to and the SHA-256 of what was
written.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from ..core.nesting import TooDeep, bounded
from ..core.problems import display_path
from .frontmatter import SourceError, read_text

RECORD_FILE = ".statusblog-import.json"
RECORD_VERSION = 1
RECORDED_PATH = re.compile(r"^(?:incidents|maintenance)/[a-z0-9][a-z0-9_-]*\.md$")

Record = dict[str, dict[str, str]]
"""Each imported item's key (service, folder, source id) -> the file it went to ("path") and its "sha256"."""


class RecordError(ValueError):
    """The record cannot be trusted; the message names it and says how to mend it."""


def read_record(root: Path) -> Record:
    """The site's import record (empty if it has none); refused if it is unreadable or names a file outside."""
    path = root / RECORD_FILE
    if not path.exists():
        return {}
    shown = display_path(path)
    try:
        data = bounded(json.loads, read_text(path))
    except (SourceError, json.JSONDecodeError, TooDeep) as exc:
        raise RecordError(f"{shown}: the import record cannot be read ({exc}); restore it from git, "
                          "or delete it to import everything as new") from exc
    files = data.get("files") if isinstance(data, dict) and data.get("version") == RECORD_VERSION else None
    if not isinstance(files, dict):
        raise RecordError(f"{shown}: not an import record of this version; restore it from git, or delete it "
                          "to import everything as new")
    record = {}
    for key, entry in files.items():
        if not (isinstance(entry, dict) and isinstance(entry.get("path"), str)
                and RECORDED_PATH.match(entry["path"]) and isinstance(entry.get("sha256"), str)):
            raise RecordError(f"{shown}: the entry {json.dumps(key)} is not a file under incidents/ or "
                              "maintenance/ with its digest; restore the record from git, or delete it")
        record[key] = {"path": entry["path"], "sha256": entry["sha256"]}
    return record


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def as_imported(root: Path) -> frozenset[Path]:
    """The files (resolved) that are still byte for byte what the import wrote.

    Everything in them is history the import brought in; a file a person has
    changed since no longer matches, and its new updates are news again.
    """
    unchanged = set()
    for entry in read_record(root).values():
        path = root / entry["path"]
        try:
            if digest(path.read_bytes()) == entry["sha256"]:
                unchanged.add(path.resolve())
        except OSError:
            continue
    return frozenset(unchanged)
