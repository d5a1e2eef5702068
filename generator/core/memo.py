"""Reusing pure per-item results between the dev server's rebuilds of one site.

Why: `statusblog serve` checks and derives the whole site again after every
save, and at thousands of incidents the per-item work (an incident's state at
"now", its signed items and uptime intervals, its check problems, each
component's merged timeline and uptime) is nearly all of that time, although
only the saved file changed.

The steps that do this work are pure functions marked `@remembered(slot)`,
where `slot` names the item a call is about. Everything else calls them
plainly, and a build, `check` or an authoring command runs them plainly. The
one place reuse is switched on is the dev server's rebuild, which runs the
same pipeline inside `Reuse.rebuild()`: while that is open, a marked step
called for the same item with equal arguments returns its result from the
last rebuild. A step over thousands of incidents whose result adds up over
parts of the list (signed items by author, uptime intervals by component) is
marked `@remembered_runs(name)` instead and reused run by run. Either way
this changes how much is computed again, never the result.
Arguments are compared with `==` (the same object is equal at once, so an
unchanged incident costs a dictionary look-up), never hashed: the model's
dataclasses hold dicts.
"""

from __future__ import annotations

import functools
import zlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import pairwise
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
RUN = 64
"""Items per run on average (see runs)."""

_ACTIVE: ContextVar[Reuse | None] = ContextVar("statusblog_reuse", default=None)
"""The open rebuild's Reuse; None outside `serve`, so a build calls every step plainly."""


def remembered(slot: Callable[..., Hashable]) -> Callable[[F], F]:
    """Mark a pure step whose last result per slot(*args) a rebuild may reuse."""

    def mark(fn: F) -> F:
        @functools.wraps(fn)
        def step(*args: Any) -> Any:
            reuse = _ACTIVE.get()
            if reuse is None:
                return fn(*args)
            # All here rather than in a method of Reuse: a rebuild makes thousands of these calls.
            table = reuse.tables.get(fn)
            if table is None:
                table = reuse.tables[fn] = {}
            key = slot(*args)
            entry = table.get(key)
            if entry is None or entry[1] != args:
                entry = table[key] = [reuse.rebuild_number, args, fn(*args)]
                reuse.computed += 1
            else:
                entry[0] = reuse.rebuild_number
                reuse.reused += 1
            return entry[2]

        return cast(F, step)

    return mark


def remembered_runs(name: Callable[[Any], str]) -> Callable[[F], F]:
    """Mark a pure step from a sequence (then any arguments) to a dict of lists, whose result for a sequence
    is its results for consecutive parts of it joined key by key (signed items by author, say).

    A rebuild calls it run by run (see runs) and reuses each run's last result: one saved incident
    among thousands costs one run, and joining a few dozen results.
    """

    def mark(fn: F) -> F:
        per_run = remembered(lambda run, *_: name(run[0]))(fn)

        @functools.wraps(fn)
        def step(items: Sequence[Any], *args: Any) -> Any:
            if _ACTIVE.get() is None:
                return fn(items, *args)
            joined: dict[Hashable, list[Any]] = defaultdict(list)
            for run in runs(items, name):
                for key, values in per_run(run, *args).items():
                    joined[key].extend(values)
            return joined

        return cast(F, step)

    return mark


def runs(items: Sequence[T], name: Callable[[T], str]) -> list[tuple[T, ...]]:
    """`items` in order, cut into runs of RUN items on average.

    A run ends after an item whose name's CRC-32 is 0 modulo RUN. Where runs end depends on the items
    and not on their positions: adding, removing or changing one item changes the run it is in, and
    every other run is the same tuple of the same objects as before, so its result is reused. The
    checksum, unlike hash(), is the same in every process, so one site is cut the same way each time.
    """
    ends = (zlib.crc32(key.encode("utf-8", "surrogatepass")) % RUN == 0 for key in map(name, items))
    bounds = [0, *(index + 1 for index, end in enumerate(ends) if end)]
    if bounds[-1] != len(items):
        bounds.append(len(items))
    return [tuple(items[start:end]) for start, end in pairwise(bounds)]


class Reuse:
    """The last call per (step, slot), kept while the next rebuild still makes it.

    Entries a rebuild did not ask for (a deleted incident, a renamed component)
    are forgotten when it ends, so memory follows the site and not its history.
    """

    __slots__ = ("computed", "rebuild_number", "reused", "tables")

    def __init__(self) -> None:
        self.tables: dict[Callable[..., Any], dict[Hashable, list[Any]]] = {}
        """step -> slot -> [the last rebuild that asked, args, result]."""
        self.rebuild_number = 0
        self.computed = self.reused = 0
        """Marked steps the last rebuild worked out, and those it took from the one before: what the dev
        server's reuse saves, counted (its tests hold it to a save costing one item's steps)."""

    @contextmanager
    def rebuild(self) -> Iterator[None]:
        """Reuse results for the calls made inside; forget what they did not ask for."""
        token = _ACTIVE.set(self)
        self.computed = self.reused = 0
        try:
            yield
        finally:
            _ACTIVE.reset(token)
            self._sweep()

    def _sweep(self) -> None:
        for table in self.tables.values():
            for slot in [slot for slot, entry in table.items() if entry[0] != self.rebuild_number]:
                del table[slot]
        self.rebuild_number += 1
