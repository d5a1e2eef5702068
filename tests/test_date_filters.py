"""The date filters read the same as Babel formatting each moment whole.

Pages format a moment from its parts (the day, the minute of the day, the
zone's name), each remembered once per build; here every part's seam is
checked against formatting the moment in one go: across daylight-saving
changes, half-hour and 45-minute zones, and languages with their own order.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel import Locale
from babel.dates import format_date, format_datetime, format_time

from generator.core.problems import Problems
from generator.render.theme import load_theme
from generator.source.registries import load_site_config

from .conftest import DEMO

ZONES = ("UTC", "America/Chicago", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu")
LANGUAGES = ("en", "id", "de", "ja")


def moments() -> list[datetime]:
    """Every 7 h 13 min through two years, and each minute around the 2026 clock changes."""
    start = datetime(2025, 12, 31, 23, 59, tzinfo=UTC)
    spaced = [start + timedelta(minutes=433 * step) for step in range(0, 2 * 365 * 24 * 60 // 433, 3)]
    changes = [datetime(2026, 3, 8, 8, tzinfo=UTC), datetime(2026, 3, 29, 1, tzinfo=UTC),
               datetime(2026, 10, 25, 1, tzinfo=UTC), datetime(2026, 11, 1, 7, tzinfo=UTC),
               datetime(2026, 4, 4, 15, tzinfo=UTC), datetime(2026, 10, 3, 15, tzinfo=UTC)]
    around = [change + timedelta(minutes=offset) for change in changes for offset in (-61, -31, -1, 0, 1, 29, 59)]
    return spaced + around


def expected_local_time(value: datetime, zone: ZoneInfo, locale: Locale) -> str:
    """Babel decides a zone's name by the date of the value it is given: the local one, here."""
    local = value.astimezone(zone)
    clock = format_time(local, "short", tzinfo=zone, locale=locale)
    day = format_date(local, "medium", locale=locale)
    name = format_time(local, "z", tzinfo=zone, locale=locale)
    return f"{locale.datetime_formats['medium'].format(clock, day)} {name}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("zone_name", ZONES)
def test_local_time_and_utc_read_as_babel_formats_the_whole_moment(zone_name: str, language: str) -> None:
    config = load_site_config(DEMO / "site.toml", "site.toml", Problems())
    assert config is not None
    config = dataclasses.replace(config, language=language, timezone=zone_name)
    filters = load_theme(DEMO, config).env.filters
    zone, locale = ZoneInfo(zone_name), Locale.parse(language)
    for moment in moments():
        assert filters["local_time"](moment) == expected_local_time(moment, zone, locale), moment
        assert filters["utc"](moment) == format_datetime(moment, format="yyyy-MM-dd HH:mm 'UTC'",
                                                          tzinfo=ZoneInfo("UTC"), locale=locale), moment


def test_the_zone_is_named_by_the_local_day_near_a_clock_change() -> None:
    """00:02 UTC on 1 November is still 31 October in Chicago, on daylight time until 07:00 UTC."""
    config = load_site_config(DEMO / "site.toml", "site.toml", Problems())
    assert config is not None and config.timezone == "America/Chicago"
    local_time = load_theme(DEMO, dataclasses.replace(config, language="en")).env.filters["local_time"]
    assert local_time(datetime(2026, 11, 1, 0, 2, tzinfo=UTC)) == "Oct 31, 2026, 7:02\u202fPM CDT"
    assert local_time(datetime(2026, 11, 1, 7, 2, tzinfo=UTC)) == "Nov 1, 2026, 1:02\u202fAM CST"
