"""The formats `statusblog import` reads, one entry each: the command's name, what it takes, its reader.

Adding a source format is its reader module (export -> imported.History) and one Source here; the command
line makes `statusblog import NAME` from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import cstate, statuspage, upptime
from .imported import History


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    """The command: `statusblog import NAME`."""
    summary: str
    takes: str
    """"files" (one or more), "file" or "directory": what the reader is handed."""
    read: Callable[[Any], History]


SOURCES: tuple[Source, ...] = (
    Source("statuspage", "Statuspage JSON: public API v2 bodies and management API pages, in any mix.", "files",
           statuspage.read),
    Source("cstate", "A cState site: config.yml's systems and content/issues/*.md.", "directory", cstate.read),
    Source("upptime", "A JSON export of an Upptime repository's issues labelled 'status' or 'maintenance', with "
           "comments.", "file", upptime.read),
)
