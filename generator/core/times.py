"""Reading the times staff write, and the build's one "now".

Every time in the model is an aware UTC datetime. A time written without a zone
is read in the site's IANA timezone, never the machine's: a CI runner in UTC
and a laptop in Chicago must build the same site.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .problems import did_you_mean

TIME_FORMATS_HINT = (
    "write ISO 8601, e.g. '2026-03-14 09:20 UTC', '2026-03-14T09:20Z', "
    "'2026-03-14 09:20+02:00', or '2026-03-14 09:20' for the site's timezone"
)

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
"""Every time a site holds is in [EARLIEST, LATEST). The Unix epoch is where SOURCE_DATE_EPOCH starts and
long before any status page; the year 9000 leaves a millennium between any accepted time and the year
9999 where Python's datetime ends, so no window a site computes (uptime over a year, a postmortem due in
ten, a calendar's day, a zone's offset) can run off the end. A time outside is refused where it is read."""
RANGE_HINT = "times must lie between 1970-01-01 and 8999-12-31"

# re.ASCII throughout: \d would also match Arabic-Indic and other digits, which int() reads as numbers.
# Linear by construction: a suffix is tried only where a run of spaces starts (the lookbehind), and the
# possessive quantifiers never give back, so a long run of spaces or words is read once, not once per start.
_UTC_SUFFIX = re.compile(r"(?<!\s)\s*+(?:UTC|GMT|Z)$", re.IGNORECASE | re.ASCII)
_ZONE_SUFFIX = re.compile(r"(?<!\s)\s++([A-Za-z][A-Za-z0-9_+\-]*+(?:/[A-Za-z0-9_+\-]++)++)$", re.ASCII)
_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:[+-]\d{2}:?\d{2})?$",
                    re.ASCII)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})\s*+(UTC|GMT|Z)?$", re.IGNORECASE | re.ASCII)
_TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2})?$", re.ASCII)
_EPOCH = re.compile(r"[0-9]{1,12}", re.ASCII)
_ONE_DIGIT_HOUR = re.compile(r"([T ])(\d:)", re.ASCII)
"""'2026-03-14 8:07' is written as often as '08:07'; Python's ISO reader wants two digits."""
_UTC_MINUTE = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}) ?(?:UTC|Z)", re.ASCII)
"""How nearly every update heading and 'next update by' is written ('2026-03-14 09:20 UTC'): read in one
match instead of the five patterns of the general way, which reads it the same (tests/test_times.py)."""


class TimeError(ValueError):
    """A time that cannot be read; the message says why."""


def zone(name: str) -> tzinfo:
    """The IANA zone of that name; a misspelt one is refused with the closest real name ('Europe/Berln')."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        close = did_you_mean(name, available_timezones())
        suggestion = f" ({close})" if close.startswith("did you mean") else ""
        raise TimeError(f"unknown timezone '{name}'{suggestion}") from exc


def parse_time(text: str, default_zone: tzinfo) -> datetime:
    """Parse one written time into an aware UTC datetime.

    A bare date means midnight in the default zone. A wall-clock time that
    does not exist in the zone (skipped by a DST change) is an error, since
    guessing would shift a published timeline by an hour.
    """
    raw = text.strip()
    if (quick := _utc_minute(raw)) is not None:
        return quick
    tz: tzinfo | None = None
    stripped = _UTC_SUFFIX.sub("", raw)
    if stripped != raw:
        tz = UTC
    else:
        match = _ZONE_SUFFIX.search(raw)
        if match:
            tz = zone(match.group(1))
            stripped = raw[: match.start()]
    stripped = stripped.strip()
    if _TIME_ONLY.match(stripped):
        raise TimeError(f"time '{raw}' has no date; write the day before it, as in 'YYYY-MM-DD {raw}' "
                        "(only 'next update by' and --next-update take a time alone)")
    if not _SHAPE.match(stripped):
        raise TimeError(f"cannot read time '{text.strip()}'")
    try:
        value = datetime.fromisoformat(_ONE_DIGIT_HOUR.sub(r"\g<1>0\2", stripped))
    except ValueError as exc:
        raise TimeError(f"cannot read time '{text.strip()}': {exc}") from exc
    if value.tzinfo is not None:
        if tz is not None:
            raise TimeError(f"time '{text.strip()}' gives both an offset and a zone")
        return in_range(value)
    return localize(value, tz or default_zone)


def _utc_minute(raw: str) -> datetime | None:
    """A time written as _UTC_MINUTE, or None: any other spelling, or a field out of its range, which the
    general way reports in its own words."""
    written = _UTC_MINUTE.fullmatch(raw)
    if written is None:
        return None
    try:
        wall = datetime(*map(int, written.groups()))
    except ValueError:
        return None
    return localize(wall, UTC)


def in_range(value: datetime) -> datetime:
    """An aware time as UTC, or a TimeError if it lies outside [EARLIEST, LATEST) (or past datetime's own ends)."""
    try:
        as_utc = value.astimezone(UTC)
    except OverflowError as exc:
        raise TimeError(f"{value:%Y-%m-%d %H:%M} is out of range; {RANGE_HINT}") from exc
    if not EARLIEST <= as_utc < LATEST:
        raise TimeError(f"{as_utc:%Y-%m-%d %H:%M} UTC is out of range; {RANGE_HINT}")
    return as_utc


def localize(wall: datetime, tz: tzinfo) -> datetime:
    """Attach a zone to a wall-clock time and convert to UTC, refusing DST gaps and times out of range."""
    if not EARLIEST.year <= wall.year < LATEST.year:
        raise TimeError(f"{wall:%Y-%m-%d %H:%M} is out of range; {RANGE_HINT}")
    aware = wall.replace(tzinfo=tz, fold=0)
    as_utc = in_range(aware)
    if as_utc.astimezone(tz).replace(tzinfo=None) != wall:
        raise TimeError(f"{wall:%Y-%m-%d %H:%M} does not exist in {tz} (skipped by a daylight-saving change)")
    return as_utc


def parse_date(text: str) -> date:
    """A calendar day (YYYY-MM-DD, ASCII digits), within the years times may take."""
    written = text.strip()
    try:
        day = date.fromisoformat(written) if written.isascii() else None
    except ValueError:
        day = None
    if day is None:
        raise TimeError(f"cannot read date '{written}'; write YYYY-MM-DD")
    return in_years(day)


def in_years(day: date) -> date:
    """A day within the years of [EARLIEST, LATEST), or a TimeError."""
    if not EARLIEST.year <= day.year < LATEST.year:
        raise TimeError(f"{day.isoformat()} is out of range; {RANGE_HINT}")
    return day



def parse_eta(text: str, after: datetime, default_zone: tzinfo) -> datetime:
    """Read the time in 'next update by <time>'.

    Staff write just a clock time ("10:00 UTC") more often than a full one;
    that means the first such time after the update was posted.
    """
    match = _CLOCK.match(text.strip())
    if not match:
        return parse_time(text, default_zone)
    tz = UTC if match.group(3) else default_zone
    local_after = after.astimezone(tz)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise TimeError(f"cannot read time '{text.strip()}'")
    for extra_days in (0, 1):  # `after` is in range, so the day after it is a valid date
        day = local_after.date() + timedelta(days=extra_days)
        candidate = localize(datetime(day.year, day.month, day.day, hour, minute), tz)
        if candidate >= after:
            return candidate
    raise TimeError(f"cannot place time '{text.strip()}' after {after:%Y-%m-%d %H:%M} UTC")


def build_now(option: str | None, environ: dict[str, str] | None = None) -> datetime:
    """The build's one "now": --now, else SOURCE_DATE_EPOCH, else the clock."""
    env = os.environ if environ is None else environ
    if option:
        return parse_time(option, UTC).replace(microsecond=0)
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not _EPOCH.fullmatch(epoch):
            raise TimeError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970 in ASCII digits, not '{epoch}'")
        seconds = int(epoch)
        if seconds >= (LATEST - EARLIEST).total_seconds():
            raise TimeError(f"SOURCE_DATE_EPOCH {epoch} is out of range; {RANGE_HINT}")
        return EARLIEST + timedelta(seconds=seconds)
    return datetime.now(UTC).replace(microsecond=0)


_ISO = "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z"
_COMPACT = "{:04}{:02}{:02}T{:02}{:02}{:02}Z"


def iso_utc(value: datetime) -> str:
    """The one spelling of a UTC instant used in every machine-readable output."""
    return _ISO.format(*_utc_fields(value))


def compact_utc(value: datetime) -> str:
    """A UTC instant as ISO 8601's basic format (20260314T101500Z): an update's anchor on its page."""
    return _COMPACT.format(*_utc_fields(value))


def _utc_fields(value: datetime) -> tuple[int, int, int, int, int, int]:
    """Year to second in UTC, for str.format: quicker than strftime (a build writes tens of thousands of
    instants) and the same for every time a site holds (years 1970 to 8999, four digits)."""
    utc = value.astimezone(UTC)
    return utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after `month`'s (before, if negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
