"""How deep nested data may be: one limit for every YAML, TOML and JSON text statusblog reads.

Parsers and the code that walks what they return recurse once per level, so
a file nested a thousand deep (`[[[[...`) would end a run in a RecursionError
traceback, whatever reads it: front matter, a registry, an import export or
the feed `notify` compares with. No file statusblog reads nests beyond a few
levels, so a generous limit refuses only hostile or broken files, with an
error that names them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

MAX_DEPTH = 64
"""Levels of lists and tables inside one another; the deepest real file (a Statuspage export) has six."""
DEPTH_HINT = f"no statusblog file nests more than a few levels; {MAX_DEPTH} is the most it reads"

Loaded = TypeVar("Loaded")


class TooDeep(ValueError):
    """Data nested deeper than MAX_DEPTH; the caller names the file."""

    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep")


def depth(data: Any) -> int:
    """How many lists and dicts `data` has inside one another, counted without recursion (and at most
    MAX_DEPTH + 1, so a deep value costs no more than a shallow one to measure)."""
    deepest = 0
    pending = [(data, 1)]
    while pending:
        value, level = pending.pop()
        if not isinstance(value, dict | list | tuple):
            continue
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        children = value.values() if isinstance(value, dict) else value
        pending.extend((child, level + 1) for child in children)
    return deepest


def bounded(load: Callable[[str], Loaded], text: str) -> Loaded:
    """`load(text)`, or TooDeep if the text nests deeper than MAX_DEPTH (or than the parser can recurse)."""
    try:
        data = load(text)
    except RecursionError:
        raise TooDeep() from None
    if depth(data) > MAX_DEPTH:
        raise TooDeep()
    return data
