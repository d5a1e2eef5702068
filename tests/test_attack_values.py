"""Odd values: each is one clear `path:line: error` (or one `Error:` line for an option), never a traceback.

Numbers too long for int(), times an offset pushes out of datetime's range, digits that are not ASCII,
e-mail addresses that would become a mailto: with extra headers, and base URLs that are not a folder.
Every run goes through the real command line with exceptions propagated, so a traceback fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.model import mailto
from tests.sites import INCIDENT, run, write_site

NOW = "2026-03-20T12:00:00Z"
INCIDENT_PATH = "incidents/2026-03-14-api-errors.md"
HUGE = "9" * 5000
ARABIC_INDIC = "\u0661\u0667\u0667\u0663\u0664\u0668\u0660\u0660\u0660\u0660"  # 1773480000 in Arabic-Indic digits


def check(root: Path, now: str = NOW) -> tuple[int, str]:
    result = run("check", "--site", str(root), "--now", now)
    return result.exit_code, result.stderr


def problem(stderr: str, relative: str, line: int, message: str) -> bool:
    return re.search(rf"(^|/){re.escape(relative)}:{line}: error: [^\n]*{re.escape(message)}", stderr, re.M) is not None


# Numbers past int()'s 4,300 digits, in every TOML file and in TOML front matter.

TOML_FRONT_MATTER = f"""\
+++
title = "Outage"
impact = "major"
components = ["api"]
started = 2026-03-14T09:12:00Z
weight = {HUGE}
+++

Summary.
"""


@pytest.mark.parametrize(("relative", "text", "line"), [
    ("site.toml", f'title = "x"\nbase_url = "https://x.example/"\ntimezone = "UTC"\nfeed_limit = {HUGE}\n', 4),
    ("authors.toml", f'[carol]\nname = "Carol"\nrole = "SRE"\nage = [1, {HUGE}]\n', 4),
    ("components.toml", f"[db]\nname = 'DB'\nsla = {HUGE}\n", 3),
    ("incidents/2026-03-15-toml.md", TOML_FRONT_MATTER, 6),
])
def test_an_integer_of_5000_digits_is_one_clear_error(tmp_path: Path, relative: str, text: str, line: int) -> None:
    code, stderr = check(write_site(tmp_path, {relative: text}))
    assert code == 1
    assert problem(stderr, relative, line, "a number has more than 4,300 digits"), stderr


# Times at the ends of datetime's range, in every place a time is written.

def with_incident(**replace: str) -> dict[str, str]:
    text = INCIDENT
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return {INCIDENT_PATH: text}


MAINTENANCE = """\
---
title: Window
components: [api]
scheduled_start: {start}
scheduled_end: {end}
---

Work.
"""


@pytest.mark.parametrize(("files", "relative", "line"), [
    (with_incident(**{"2026-03-14T09:12:00Z": "0001-01-01T00:00:00+01:00"}), INCIDENT_PATH, 5),
    (with_incident(**{"2026-03-14T09:12:00Z": "9999-12-31T23:00:00-05:00"}), INCIDENT_PATH, 5),
    (with_incident(**{"2026-03-14T09:12:00Z": "'9999-12-31 23:00 Asia/Tokyo'"}), INCIDENT_PATH, 5),
    (with_incident(**{"2026-03-14T09:12:00Z": "9999-12-31 23:00"}), INCIDENT_PATH, 5),  # Chicago: past 9999 in UTC
    (with_incident(**{"2026-03-14T09:12:00Z": "0001-01-01"}), INCIDENT_PATH, 5),
    (with_incident(**{"## 2026-03-14 11:02 UTC": "## 9999-12-31 23:59-01:00"}), INCIDENT_PATH, 14),
    (with_incident(**{"## 2026-03-14 11:02 UTC": "## 9999-12-31 23:59 Pacific/Kiritimati"}), INCIDENT_PATH, 14),
    (with_incident(**{"Next update by 10:00 UTC": "Next update by 9999-12-31 23:59 America/Chicago"}),
     INCIDENT_PATH, 12),
    ({"incidents/2026-03-15-toml.md": TOML_FRONT_MATTER.replace(f"weight = {HUGE}\n", "").replace(
        "2026-03-14T09:12:00Z", "9999-12-31T23:00:00-05:00")}, "incidents/2026-03-15-toml.md", 5),
    ({"maintenance/w.md": MAINTENANCE.format(start="2026-03-21T00:00Z", end="9999-12-31T23:00:00-05:00")},
     "maintenance/w.md", 5),
    ({"maintenance/w.md": MAINTENANCE.format(start="0001-01-01T00:30:00+01:00", end="2026-03-21T00:00Z")},
     "maintenance/w.md", 4),
    ({"components.toml": "[api]\nname = 'API'\nstart_date = 0001-01-01\n"}, "components.toml", 3),
    ({"components.toml": "[api]\nname = 'API'\nstart_date = 9999-12-31\n"}, "components.toml", 3),
])
def test_a_time_out_of_range_is_one_clear_error(tmp_path: Path, files: dict[str, str], relative: str,
                                                line: int) -> None:
    code, stderr = check(write_site(tmp_path, files))
    assert code == 1
    assert problem(stderr, relative, line, "out of range; times must lie between 1970-01-01 and 8999-12-31"), stderr


def test_an_action_item_due_in_year_9999_is_one_clear_error(tmp_path: Path) -> None:
    postmortem = "\n## Postmortem · bob\n\n- [ ] Alert on saturation (owner: bob, due: 9999-12-31)\n"
    code, stderr = check(write_site(tmp_path, {INCIDENT_PATH: INCIDENT + postmortem}))
    assert code == 1 and problem(stderr, INCIDENT_PATH, 20, "action item due date: 9999-12-31 is out of range")


@pytest.mark.parametrize(("now", "started", "first", "last"), [
    ("1970-01-01T00:10:00Z", "1970-01-01T00:00:00Z", "1970-01-01 00:01 UTC", "1970-01-01 00:05 UTC"),
    ("8999-12-31T23:59:00Z", "8999-12-31T20:00:00Z", "8999-12-31 20:10 UTC", "8999-12-31 23:50 UTC"),
])
def test_a_site_at_either_end_of_the_range_builds_every_output(tmp_path: Path, now: str, started: str, first: str,
                                                               last: str) -> None:
    """Uptime windows, feeds, the calendar and the API computed right beside the limits."""
    incident = INCIDENT.replace("2026-03-14T09:12:00Z", started).replace("2026-03-14 09:20 UTC", first)
    incident = incident.replace("10:00 UTC", last[11:])
    resolved = incident.replace("2026-03-14 11:02 UTC", last)
    still_open = incident.replace("## 2026-03-14 11:02 UTC · resolved · bob\n\nError rates are back to normal.\n", "")
    maintenance = MAINTENANCE.format(start=started, end=now) + f"\n## {first} · in_progress · alice\n\nStarted.\n"
    root = write_site(tmp_path / "site", {INCIDENT_PATH: resolved, "incidents/open.md": still_open,
                                          "maintenance/w.md": maintenance,
                                          "components.toml": f"[api]\nname = 'API'\nsla = 99.9\n"
                                                             f"start_date = {started[:10]}\n"})
    result = run("build", "--site", str(root), "--out", str(tmp_path / "out"), "--now", now)
    assert result.exit_code == 0, result.output
    assert f"DTSTART:{started[:4]}" in (tmp_path / "out" / "maintenance.ics").read_text(encoding="utf-8")
    assert started[:4] in (tmp_path / "out" / "feed.atom").read_text(encoding="utf-8")


# The build's "now": --now and SOURCE_DATE_EPOCH.

@pytest.mark.parametrize("now", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:00-01:00",
                                 "0001-01-01T00:00:00+00:01", "1969-12-31T23:59:59Z", "9000-01-01T00:00:00Z"])
def test_an_extreme_now_is_one_error_line(tmp_path: Path, now: str) -> None:
    for command in (["check"], ["build", "--out", str(tmp_path / "out")]):
        result = run(*command, "--site", str(write_site(tmp_path / "site")), "--now", now)
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: --now: ") and "out of range" in result.stderr
        assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("now", ["\u0662\u0660\u0662\u0666-03-14T09:20:00Z", "2026-03-14T\u0660\u0669:20Z"])
def test_a_now_in_other_digits_is_refused(tmp_path: Path, now: str) -> None:
    result = run("check", "--site", str(write_site(tmp_path)), "--now", now)
    assert result.exit_code == 1 and result.stderr.startswith("Error: --now: cannot read time")


@pytest.mark.parametrize("epoch", [ARABIC_INDIC, HUGE, "253402300800", "999999999999", "-1", "1e9", "+5", "0x10"])
def test_an_extreme_or_foreign_source_date_epoch_is_one_error_line(tmp_path: Path, epoch: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run("check", "--site", str(write_site(tmp_path)))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: SOURCE_DATE_EPOCH ") and result.stderr.count("\n") == 1


def test_the_largest_source_date_epoch_in_range_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "221845305600")  # 8999-12-31T00:00:00Z
    assert run("check", "--site", str(write_site(tmp_path))).exit_code == 0


@pytest.mark.parametrize(("option", "value"), [
    ("--start", "9999-12-31 23:00 Asia/Tokyo"), ("--end", "9999-12-31T23:59-05:00"), ("--start", "0001-01-01"),
    ("--end", "\u0662\u0660\u0662\u0666-03-22 10:00 UTC"),
])
def test_maintenance_windows_out_of_range_are_refused_as_options(tmp_path: Path, option: str, value: str) -> None:
    site = write_site(tmp_path)
    times = {"--start": "2026-03-21 10:00 UTC", "--end": "2026-03-21 12:00 UTC", option: value}
    result = run("new", "maintenance", "Upgrade", "--start", times["--start"], "--end", times["--end"], "-c", "api",
                 "--author", "alice", "-m", "x", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {option}: ")
    assert not (site / "maintenance").exists()


@pytest.mark.parametrize("value", ["99999999999h", "\u0661h", "1000000h", "\u0661\u0660:00 UTC"])
def test_a_next_update_too_far_or_in_other_digits_is_refused(tmp_path: Path, value: str) -> None:
    site = write_site(tmp_path)
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "--author", "alice", "-m", "x",
                 "--next-update", value, "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and result.stderr.startswith("Error: --next-update: cannot read time")
    assert not list((site / "incidents").glob("*outage*"))


# E-mail addresses become mailto: links; base_url is the folder every published URL starts with.

@pytest.mark.parametrize("address", ["javascript:alert(1)//@x?cc=evil@x", "alice@example.com?cc=evil@example.com",
                                     "alice@example.com&body=x", "a%0Acc:evil@example.com", "alice@@example.com",
                                     "alice@example", "alice@exa mple.com", "\u0430lice@example.com", "@example.com",
                                     "alice.@example.com", "alice@-example.com", "x" * 65 + "@example.com"])
def test_an_email_that_would_inject_into_a_mailto_is_refused(tmp_path: Path, address: str) -> None:
    authors = f'[carol]\nname = "Carol"\nrole = "SRE"\nemail = "{address}"\n'
    site = f'title = "x"\nbase_url = "https://x.example/"\ntimezone = "UTC"\n[contact]\nemail = "{address}"\n'
    code, stderr = check(write_site(tmp_path, {"authors.toml": AUTHORS_BASE + authors, "site.toml": site}))
    assert code == 1
    assert problem(stderr, "authors.toml", 14, "'email' '") and "is not an email address" in stderr
    assert problem(stderr, "site.toml", 5, "'email' '")


AUTHORS_BASE = '[alice]\nname = "Alice"\nrole = "SRE"\nemail = "alice@example.com"\n\n' \
               '[bob]\nname = "Bob"\nrole = "DBA"\nemail = "bob@example.com"\n\n'


def test_ordinary_addresses_are_accepted_and_linked_safely(tmp_path: Path) -> None:
    authors = AUTHORS_BASE.replace("bob@example.com", "bob.okafor+status@mail.harbor-hosting.example")
    site = 'title = "x"\nbase_url = "https://x.example/"\ntimezone = "UTC"\n[contact]\nemail = "help_desk@xn--bcher-kva.example"\n'
    root = write_site(tmp_path / "site", {"authors.toml": authors, "site.toml": site})
    result = run("build", "--site", str(root), "--out", str(tmp_path / "out"), "--now", NOW)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "incidents" / "2026-03-14-api-errors" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:bob.okafor+status@mail.harbor-hosting.example"' in page
    assert 'href="mailto:help_desk@xn--bcher-kva.example"' in page


def test_a_mailto_link_percent_encodes_everything_that_could_add_a_header() -> None:
    assert mailto("a?cc=evil@x&body=y") == "mailto:a%3Fcc%3Devil@x%26body%3Dy"
    assert mailto("a\r\nbcc:x@y") == "mailto:a%0D%0Abcc%3Ax@y"
    assert mailto("") == ""


@pytest.mark.parametrize("url", ["https://status.example.com/?ref=x", "https://status.example.com/#top",
                                 "https://status.example.com/?", "https://user:secret@status.example.com/",
                                 "https://user@status.example.com/", "ftp://status.example.com/",
                                 "//status.example.com/", "javascript://status.example.com/%0Aalert(1)",
                                 "https:///path", "https://status.example.com:99999/"])
def test_a_base_url_that_is_not_a_plain_folder_is_refused(tmp_path: Path, url: str) -> None:
    code, stderr = check(write_site(tmp_path, {"site.toml": f'title = "x"\nbase_url = "{url}"\ntimezone = "UTC"\n'}))
    assert code == 1 and problem(stderr, "site.toml", 2, f"'base_url' '{url}'"), stderr
