"""Typed fields for front matter and registries.

A schema maps each allowed key to a converter. The converter, not the file
format, decides the type: YAML gives only text, TOML gives typed values, and
both must end up the same. Unknown keys, missing keys and bad values become
problems with the line they were written on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from ..core.problems import Problems, did_you_mean
from ..core.times import TIME_FORMATS_HINT, TimeError, in_range, in_years, localize, parse_date, parse_time
from .frontmatter import UNPUBLISHABLE, Value, character_name

IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides and isolates. A title or a name is set beside other text (a page title, a
byline, a feed entry), where an override left open reverses what follows it: "gpj.exe" spoofing,
or a byline that reads as someone else's. Right-to-left scripts need none of them."""


class FieldError(ValueError):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


Converter = Callable[[Any, tzinfo], Any]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    convert: Converter
    required: bool = False


def text(value: Any, _tz: tzinfo) -> str:
    if not isinstance(value, str):
        raise FieldError(f"must be text, not {_kind(value)}", "put the value in quotes")
    if bad := UNPUBLISHABLE.search(value):
        raise FieldError(f"contains {character_name(bad.group())}, which no feed or page can carry", "remove it")
    if bad := BIDI_CONTROLS.search(value):
        raise FieldError(f"contains the bidirectional control U+{ord(bad.group()):04X}",
                         "remove it: it would reorder the text shown around this value")
    return value.strip()


def required_text(value: Any, tz: tzinfo) -> str:
    result = text(value, tz)
    if not result:
        raise FieldError("must not be empty")
    return result


def identifier(value: Any, tz: tzinfo) -> str:
    result = text(value, tz)
    if not IDENTIFIER.match(result):
        raise FieldError(f"'{result}' is not a valid id",
                         "use lowercase letters, digits, '-' and '_', starting with a letter or digit")
    return result


def choice(*options: str) -> Converter:
    def convert(value: Any, tz: tzinfo) -> str:
        result = text(value, tz)
        if result not in options:
            raise FieldError(f"'{result}' is not one of: {', '.join(options)}", did_you_mean(result, options))
        return result

    return convert


def time(value: Any, tz: tzinfo) -> datetime:
    """A time written as text (YAML) or as a TOML date-time or date; every form is range-checked in times."""
    try:
        if isinstance(value, datetime):
            return in_range(value) if value.tzinfo else localize(value, tz)
        if isinstance(value, date):
            return localize(datetime(value.year, value.month, value.day), tz)
        return parse_time(text(value, tz), tz)
    except TimeError as exc:
        raise FieldError(str(exc), TIME_FORMATS_HINT) from exc


def day(value: Any, tz: tzinfo) -> date:
    try:
        if isinstance(value, date) and not isinstance(value, datetime):
            return in_years(value)
        return parse_date(text(value, tz))
    except TimeError as exc:
        raise FieldError(str(exc)) from exc


def number(low: float, high: float) -> Converter:
    def convert(value: Any, _tz: tzinfo) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(f"must be a number, not {_kind(value)}", "write it without quotes, e.g. 99.95")
        if not low <= value <= high:
            raise FieldError(f"must be between {low:g} and {high:g}, not {value:g}")
        return float(value)

    return convert


def integer(low: int, high: int) -> Converter:
    def convert(value: Any, _tz: tzinfo) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError(f"must be a whole number, not {_kind(value)}", "write it without quotes, e.g. 7")
        if not low <= value <= high:
            raise FieldError(f"must be between {low} and {high}, not {value}")
        return value

    return convert


_DURATION = re.compile(r"^P(?!$)(?:([0-9]{1,3})D)?(?:T(?=[0-9])(?:([0-9]{1,4})H)?(?:([0-9]{1,5})M)?)?$")
"""ASCII digits only: `\\d` and int() would read Arabic-Indic digits as numbers too."""
DURATION_HINT = 'write an ISO 8601 duration, as calendars do: "PT1H" (an hour), "PT30M", "P1D", "P1DT12H"'


def duration(low: timedelta, high: timedelta) -> Converter:
    """A duration written as ISO 8601 (days, hours, minutes), the form iCalendar's alarms take."""
    def convert(value: Any, tz: tzinfo) -> timedelta:
        written = text(value, tz)
        match = _DURATION.match(written)
        if not match:
            raise FieldError(f"is '{written}', which is not a duration", DURATION_HINT)
        days, hours, minutes = (int(part or 0) for part in match.groups())
        result = timedelta(days=days, hours=hours, minutes=minutes)
        if not low <= result <= high:
            raise FieldError(f"must be between {iso_duration(low)} and {iso_duration(high)}, not {written}",
                             DURATION_HINT)
        return result

    return convert


def iso_duration(value: timedelta) -> str:
    """A whole number of minutes as ISO 8601 writes it (P1DT2H30M), for messages about durations."""
    days, minutes = value.days, value.seconds // 60
    clock = "".join(f"{amount}{unit}" for amount, unit in ((minutes // 60, "H"), (minutes % 60, "M")) if amount)
    if not days and not clock:
        return "PT0M"
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "")


def flag(value: Any, _tz: tzinfo) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"must be true or false, not {_kind(value)}", "write true or false, without quotes")
    return value


def text_list(value: Any, tz: tzinfo) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FieldError(f"must be a list, not {_kind(value)}", 'write it as ["a", "b"]')
    return tuple(text(item, tz) for item in value)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime | date):
        return "a date"
    return type(value).__name__


def read_fields(
    values: dict[str, Value],
    schema: dict[str, FieldSpec],
    tz: tzinfo,
    problems: Problems,
    path: str,
    line: int | None,
    what: str = "front matter",
) -> dict[str, Any] | None:
    """Convert written values by the schema; None if any of them is wrong."""
    result: dict[str, Any] = {}
    ok = True
    for key, value in values.items():
        spec = schema.get(key)
        if spec is None:
            problems.error(path, value.line, f"unknown key '{key}' in {what}", did_you_mean(key, schema))
            ok = False
            continue
        try:
            result[key] = spec.convert(value.data, tz)
        except FieldError as exc:
            problems.error(path, value.line, f"'{key}' {exc.message}", exc.hint)
            ok = False
    for key, spec in schema.items():
        if spec.required and key not in values:
            example = f"{key}: ..." if what == "front matter" else f"{key} = ..."  # YAML, or a TOML registry
            problems.error(path, line, f"missing required key '{key}' in {what}", f"add '{example}'")
            ok = False
    return result if ok else None
