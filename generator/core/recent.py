"""A process's most recent results of a pure function, kept in memory up to a size.

What a process has worked out once (a template compiled, a file parsed) it may be asked for again: the dev
server after a save, a command that checks the site it is about to change, a program that builds several
sites. The key must name everything the result depends on; the caller decides that, this only keeps.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    """Values by key, the least recently used dropped first once their sizes add up past `limit`.

    Thread-safe: the dev server's threads may ask at once.
    """

    def __init__(self, limit: int, size: Callable[[V], int] = lambda _: 1) -> None:
        self.limit = limit
        self._size_of = size
        self._kept: OrderedDict[K, V] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._kept.get(key)
            if value is not None:
                self._kept.move_to_end(key)
            return value

    def items(self) -> list[tuple[K, V]]:
        """Everything kept, the least recently used first."""
        with self._lock:
            return list(self._kept.items())

    def put(self, key: K, value: V) -> None:
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = value
            self._size += self._size_of(value)
            while self._size > self.limit:
                _, dropped = self._kept.popitem(last=False)
                self._size -= self._size_of(dropped)
