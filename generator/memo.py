"""Remembering pure per-item results between rebuilds of the same site.

Why: `statusblog serve` checks and derives the whole site again after every
save, and at thousands of incidents the per-incident work (its state at
"now", its signed items, its check problems, each component's uptime) is
nearly all of that time, although only the saved file changed. The functions
that do this work are pure, so a result may be reused whenever they are called
again with equal arguments; it cannot go stale.

`derive`, `report` and `check_model` take a Memo and call their per-item steps
through it as `memo(slot, fn, *args)`. A build passes `direct`, which just calls;
the dev server passes a `Remembered`, which keeps, per slot, the last arguments
and result. Arguments are compared with `==` (the same object is equal at once,
so an unchanged incident costs a dictionary look-up), never hashed: the model's
dataclasses hold dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
RUN = 64
"""Items per run on average (see runs)."""


class Memo(Protocol):
    def __call__(self, slot: Hashable, fn: Callable[..., T], /, *args: Any) -> T:
        """fn(*args); `slot` names the item (with fn, the call site) whose last result may be reused."""


def direct(_slot: Hashable, fn: Callable[..., T], /, *args: Any) -> T:
    """No memory: what a one-off build uses."""
    return fn(*args)


def runs(items: Sequence[T], name: Callable[[T], str]) -> list[tuple[T, ...]]:
    """`items` in order, cut into runs, so a step over thousands of them can be remembered run by run.

    A run ends after an item whose name hashes to 0 modulo RUN. Where runs end depends on the items
    and not on their positions: adding, removing or changing one item changes the run it is in, and
    every other run is the same tuple of the same objects as before, so its result is reused.
    """
    bounds = [0, *(index + 1 for index, key in enumerate(map(name, items)) if hash(key) % RUN == 0)]
    if bounds[-1] != len(items):
        bounds.append(len(items))
    return [tuple(items[start:end]) for start, end in pairwise(bounds)]


class Remembered:
    """The last call per (fn, slot), kept while the next rebuild still makes it.

    Entries a rebuild did not ask for (a deleted incident, a renamed component)
    are forgotten at `sweep()`, so memory follows the site and not its history.
    """

    __slots__ = ("_rebuild", "_tables")

    def __init__(self) -> None:
        self._tables: dict[Callable[..., Any], dict[Hashable, list[Any]]] = {}
        """fn -> slot -> [the last rebuild that asked, args, result]."""
        self._rebuild = 0

    def __call__(self, slot: Hashable, fn: Callable[..., T], /, *args: Any) -> T:
        table = self._tables.get(fn)
        if table is None:
            table = self._tables[fn] = {}
        entry = table.get(slot)
        if entry is None or entry[1] != args:
            entry = table[slot] = [self._rebuild, args, fn(*args)]
        else:
            entry[0] = self._rebuild
        return entry[2]

    def sweep(self) -> None:
        """End a rebuild: keep what it asked for, forget the rest."""
        for table in self._tables.values():
            for slot in [slot for slot, entry in table.items() if entry[0] != self._rebuild]:
                del table[slot]
        self._rebuild += 1
