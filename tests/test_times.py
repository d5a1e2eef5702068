import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.core import times
from generator.core.times import EARLIEST, LATEST, TimeError, build_now, compact_utc, iso_utc, parse_eta, parse_time

CHICAGO = ZoneInfo("America/Chicago")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-03-14 09:20 UTC", datetime(2026, 3, 14, 9, 20, tzinfo=UTC)),
        ("2026-03-14T09:20Z", datetime(2026, 3, 14, 9, 20, tzinfo=UTC)),
        ("2026-03-14T09:20:30Z", datetime(2026, 3, 14, 9, 20, 30, tzinfo=UTC)),
        ("2026-03-14 09:20+02:00", datetime(2026, 3, 14, 7, 20, tzinfo=UTC)),
        ("2026-03-14T09:20:00-05:00", datetime(2026, 3, 14, 14, 20, tzinfo=UTC)),
        ("2026-03-14 09:20 Europe/Berlin", datetime(2026, 3, 14, 8, 20, tzinfo=UTC)),
        # No zone: the site's timezone (CDT after 2026-03-08), never the machine's.
        ("2026-03-14 09:20", datetime(2026, 3, 14, 14, 20, tzinfo=UTC)),
        ("2026-01-14 09:20", datetime(2026, 1, 14, 15, 20, tzinfo=UTC)),
        # One digit for the hour, as people write it.
        ("2026-03-14 8:07 UTC", datetime(2026, 3, 14, 8, 7, tzinfo=UTC)),
        ("2026-03-14T8:07Z", datetime(2026, 3, 14, 8, 7, tzinfo=UTC)),
    ],
)
def test_every_written_form_reads_as_one_utc_instant(written: str, expected: datetime) -> None:
    assert parse_time(written, CHICAGO) == expected


def test_a_time_without_zone_ignores_the_machine_timezone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert parse_time("2026-03-14 09:20", CHICAGO) == datetime(2026, 3, 14, 14, 20, tzinfo=UTC)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


@pytest.mark.parametrize("written", ["yesterday", "2026-13-01 10:00 UTC", "14/03/2026 09:20", "2026-03-14 25:00"])
def test_unreadable_times_are_refused(written: str) -> None:
    with pytest.raises(TimeError, match="cannot read time"):
        parse_time(written, CHICAGO)


def test_no_unreadable_time_leaks_python_s_own_words() -> None:
    for written in ("2026-03-14 8:7", "2026-03-14 25:00", "2026-02-30 8:07"):
        with pytest.raises(TimeError) as caught:
            parse_time(written, CHICAGO)
        assert "isoformat" not in str(caught.value)


def test_a_wall_time_skipped_by_daylight_saving_is_refused() -> None:
    with pytest.raises(TimeError, match="does not exist in America/Chicago"):
        parse_time("2026-03-08 02:30", CHICAGO)


def test_an_ambiguous_wall_time_takes_the_first_occurrence() -> None:
    assert parse_time("2026-11-01 01:30", CHICAGO) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)


def test_a_clock_time_eta_is_the_next_such_time_after_the_update() -> None:
    posted = datetime(2026, 3, 14, 23, 40, tzinfo=UTC)
    assert parse_eta("00:30 UTC", posted, CHICAGO) == datetime(2026, 3, 15, 0, 30, tzinfo=UTC)
    assert parse_eta("23:55 UTC", posted, CHICAGO) == datetime(2026, 3, 14, 23, 55, tzinfo=UTC)
    assert parse_eta("2026-03-16 08:00 UTC", posted, CHICAGO) == datetime(2026, 3, 16, 8, 0, tzinfo=UTC)


def test_now_comes_from_the_option_then_source_date_epoch_then_the_clock() -> None:
    assert build_now("2026-03-14T09:20:00Z", {"SOURCE_DATE_EPOCH": "0"}) == datetime(2026, 3, 14, 9, 20, tzinfo=UTC)
    assert build_now(None, {"SOURCE_DATE_EPOCH": "1773480000"}) == datetime(2026, 3, 14, 9, 20, tzinfo=UTC)
    clock = build_now(None, {})
    assert abs((clock - datetime.now(UTC)).total_seconds()) < 5
    with pytest.raises(TimeError, match="SOURCE_DATE_EPOCH"):
        build_now(None, {"SOURCE_DATE_EPOCH": "soon"})


@pytest.mark.parametrize("written", ["04:30 UTC", "04:30", "4:30Z", "04:30:15+02:00", "04:30 Europe/Berlin"])
def test_a_time_without_a_date_is_refused_saying_so(written: str) -> None:
    with pytest.raises(TimeError, match=re.escape(f"time '{written}' has no date; write the day before it")):
        parse_time(written, CHICAGO)


@pytest.mark.parametrize("written", ["1969-12-31 23:59 UTC", "9000-01-01 00:00 UTC", "1970-01-01 08:00 Asia/Tokyo",
                                     "8999-12-31 20:00-05:00", "0001-01-01T00:00+01:00", "9999-12-31 23:59",
                                     "1970-01-01 00:30 Europe/Berlin"])
def test_a_time_outside_1970_to_8999_is_refused_not_overflowed(written: str) -> None:
    with pytest.raises(TimeError, match="out of range"):
        parse_time(written, CHICAGO)


def test_the_ends_of_the_range_are_accepted() -> None:
    assert parse_time("1970-01-01T00:00Z", CHICAGO) == datetime(1970, 1, 1, tzinfo=UTC)
    assert parse_time("8999-12-31 17:59", CHICAGO) == datetime(8999, 12, 31, 23, 59, tzinfo=UTC)
    assert build_now(None, {"SOURCE_DATE_EPOCH": "0"}) == datetime(1970, 1, 1, tzinfo=UTC)


def test_a_clock_time_eta_past_the_range_is_refused() -> None:
    with pytest.raises(TimeError, match="out of range"):
        parse_eta("10:00 UTC", datetime(8999, 12, 31, 23, 0, tzinfo=UTC), CHICAGO)


@pytest.mark.parametrize("written", ["\u0662\u0660\u0662\u0666-03-14 09:20 UTC", "2026-03-14 \u0660\u0669:20 UTC",
                                     "2026-03-14 09:20 \uff35\uff34\uff23"])
def test_digits_and_letters_that_are_not_ascii_are_refused(written: str) -> None:
    with pytest.raises(TimeError, match="cannot read time"):
        parse_time(written, CHICAGO)
    with pytest.raises(TimeError):
        parse_eta("\u0661\u0660:00 UTC", datetime(2026, 3, 14, tzinfo=UTC), CHICAGO)


@given(st.datetimes(min_value=EARLIEST.replace(tzinfo=None) + timedelta(days=1),
                    max_value=LATEST.replace(tzinfo=None) - timedelta(days=1),
                    timezones=st.sampled_from([UTC, CHICAGO, ZoneInfo("Asia/Kolkata"), ZoneInfo("Pacific/Kiritimati")])))
def test_an_instant_is_spelled_as_strftime_spells_it_in_utc(moment: datetime) -> None:
    """Every time a site holds, in any zone, is written as its UTC time with four-digit years."""
    utc = moment.astimezone(UTC)
    assert iso_utc(moment) == utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert compact_utc(moment) == utc.strftime("%Y%m%dT%H%M%SZ")
    assert iso_utc(EARLIEST) == "1970-01-01T00:00:00Z" and compact_utc(LATEST - timedelta(seconds=1)) == "89991231T235959Z"


def _read(written: str) -> tuple[str, object]:
    try:
        return ("read", parse_time(written, CHICAGO))
    except TimeError as exc:
        return ("refused", str(exc))


@given(st.from_regex(r"\A ?[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:[0-9]{2}( ?(UTC|Z|GMT|utc|z|[A-Za-z]{1,4}|[+-][0-9]{2}:[0-9]{2}))? ?\Z")
       | st.sampled_from(["1970-01-01 00:00 UTC", "1969-12-31 23:59 UTC", "8999-12-31 23:59Z", "9000-01-01 00:00Z",
                          "2026-02-29 10:00 UTC", "2028-02-29 10:00 UTC", "2026-03-14 24:00 UTC",
                          "2026-03-14 09:60 UTC", "0000-01-01 00:00 UTC", "2026-00-10 10:00 UTC",
                          "2026-03-14 09:20 CET", "2026-03-14 09:20 EST", "2026-03-14 09:20GMT", "2026-03-14 09:20 utc",
                          "2026-03-14 09:20", "2026-03-14 09:20:15 UTC", "2026-03-14 09:20 UTC+01:00"]))
def test_the_quick_way_for_times_in_utc_reads_them_as_the_general_way_does(written: str) -> None:
    """'2026-03-14 09:20 UTC' is read in one match (core.times._UTC_MINUTE): the same instant, or the same
    refusal in the same words, as the general way, which parses it from its parts."""
    quick = _read(written)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(times, "_utc_minute", lambda _raw: None)
        general = _read(written)
    assert quick == general
