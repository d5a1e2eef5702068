"""Problems found in a site's source, reported all at once.

Staff fix a broken status page under stress, so every problem of a run is
collected and printed together as ``path:line: severity: message`` (the form
editors and CI annotate), each with a hint that says how to fix it.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .pickling import by_position

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: str) -> str:
    """Text echoed from a source file, its control characters spelled as escapes.

    A message quotes what was written (a key, a file name), and the terminal or CI
    log that shows it must not be steered by it: colours, window titles, a line
    break that starts a forged `path:line: error:` or a GitHub `::` command.
    """
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working directory (through `..` when outside it)."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@by_position
@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = f"{shown(self.path)}:{self.line}" if self.line else shown(self.path)
        text = f"{where}: {self.severity.value}: {shown(self.message)}"
        if self.hint:
            text += f"\n    hint: {shown(self.hint)}"
        return text

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.message)


@dataclass(frozen=True, slots=True)
class Origin:
    """The source an output is made from, as far as its size goes: what an output too large for a host is
    blamed on (generator/outputs/origins.py gives every output one)."""

    path: str
    """The source file, as messages name it."""
    line: int | None
    brings: str
    """What this source brings to the output, when the output is made of more than it (e.g. "component 'api'
    has the longest uptime history in it: 675 months, from 1970-01, its start_date"); empty for its own page."""
    fix: str
    """How to make the output smaller, as a hint."""

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, f"{message}; {self.brings}" if self.brings else message, self.fix)


Blame = Callable[[], Origin]
"""An output's origin, worked out only when the output breaks a limit: finding which of many sources brings
the most costs time that a build whose files all fit should not spend."""


@dataclass(slots=True)
class Problems:
    """A collector passed down the loaders; nothing raises for bad content."""

    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, message, hint, Severity.ERROR))

    def warning(self, path: str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(path, line, message, hint, Severity.WARNING))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.sort_key, p.severity.value))


class SiteError(Exception):
    """Raised when a site cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest valid choice, or listing them all."""
    options = sorted(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "valid: " + ", ".join(options) if options else ""
