"""JSON indented by two spaces, the same text as `json.dumps(data, ensure_ascii=False, indent=2)`, made faster.

Python's encoder is C only without `indent`; with it, every value goes through
a chain of Python generators, one per level. The API, the uptime file and the
JSON Feed are indented for people reading them, and at 1,000 incidents that
chain cost as much as the rest of writing them. This walk appends each piece
to one list and leaves strings to the C escaper. A document it does not know
how to write exactly as `json.dumps` would (a key that is not a string, a
float that is not finite, a type JSON has no form for, a subclass of a list,
tuple, dict or float, whose own methods json asks how long it is, what it
holds or whether it is finite) is handed to `json.dumps` whole, so the text,
and any error, is always the standard one's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import repeat
from json.encoder import encode_basestring
from math import isfinite
from typing import Any

INDENT = "  "


class _Unusual(Exception):
    """A value json.dumps should write (or refuse) itself."""


def dumps_indented(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`."""
    pieces: list[str] = []
    try:
        _write(data, "", pieces.append)
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(pieces)


def _write(value: Any, margin: str, add: Callable[[str], Any]) -> None:
    """Append `value`'s text, its nested lines indented one step past `margin`, in json's order of checks."""
    kind = type(value)
    if kind is str:
        add(encode_basestring(value))
    elif kind is dict:
        _write_members(value, margin, add)
    elif kind is list or kind is tuple:
        _write_items(value, margin, add)
    elif value is None:
        add("null")
    elif value is True:
        add("true")
    elif value is False:
        add("false")
    elif kind is int:
        add(int.__repr__(value))
    else:
        _write_subclass(value, add)


def _write_subclass(value: Any, add: Callable[[str], Any]) -> None:
    """What json.dumps makes of a finite float, or of a subclass of str or int (a Markup, an IntEnum), which it
    writes from their data alone; anything else is _Unusual."""
    if isinstance(value, str):
        add(encode_basestring(value))
    elif isinstance(value, int):
        add(int.__repr__(value))
    elif type(value) is float and isfinite(value):
        add(float.__repr__(value))
    else:
        raise _Unusual


def _write_members(members: dict[Any, Any], margin: str, add: Callable[[str], Any]) -> None:
    _write_nested("{", "}", members.items(), True, margin, add)


def _write_items(items: list[Any] | tuple[Any, ...], margin: str, add: Callable[[str], Any]) -> None:
    _write_nested("[", "]", zip(repeat(None), items), False, margin, add)


def _write_nested(opening: str, closing: str, entries: Iterable[tuple[Any, Any]], keyed: bool, margin: str,
                  add: Callable[[str], Any]) -> None:
    """An object's members (`keyed`) or an array's items, one per line; empty, the two brackets alone."""
    inner = margin + INDENT
    add(opening)
    separator = ""
    for key, value in entries:
        add(separator or "\n" + inner)
        separator = ",\n" + inner
        if keyed:
            if not isinstance(key, str):
                raise _Unusual
            add(encode_basestring(key))
            add(": ")
        _write(value, inner, add)
    add("\n" + margin + closing if separator else closing)
