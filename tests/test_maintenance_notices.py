"""The schedule's own notices: a reminder the day before a window, "started" and "completed" where no one wrote.

A window opens and closes by itself (docs/content.md). Subscribers hear of it
through the feeds and `statusblog notify` even when no person writes an
update: a scheduled rebuild within the 24 hours before the window publishes a
reminder entry, and one after the window opens or closes with no update
written for that moment publishes "started" or "completed". Each has an id of
its own and a time fixed by the schedule, so every rebuild in its span
publishes the same entry and notify sends it once. No person wrote or signed
them: they have no person as author, and say so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from generator.notify import channels
from tests.built import build_at, validator
from tests.conftest import REPO
from tests.sites import run, write_site
from tests.test_notify import channel, recorder

ATOM = "{http://www.w3.org/2005/Atom}"
START, END = "2026-03-20T10:00:00Z", "2026-03-20T11:00:00Z"
KEY = "maintenance/2026-03-20-db"
PAGE = "https://status.example.com/maintenance/2026-03-20-db/"
REMINDER = f"tag:status.example.com,2026-03-19:{KEY}/reminder-20260319T100000Z"
STARTED = f"tag:status.example.com,2026-03-20:{KEY}/started-20260320T100000Z"
COMPLETED = f"tag:status.example.com,2026-03-20:{KEY}/completed-20260320T110000Z"
NOTICES = {REMINDER, STARTED, COMPLETED}
UNSIGNED = "This is an automatic notice from the maintenance schedule: no one wrote or signed it."

WINDOW = f"""\
---
title: Database upgrade
scheduled_start: {START}
scheduled_end: {END}
components: [dashboard]
---

We upgrade the dashboard's database.

## 2026-03-10 10:00 UTC · scheduled · alice

Planned for March 20, 10:00 to 11:00 UTC.
"""


def site(tmp_path: Path, *updates: str, settings: str = "") -> Path:
    """A site with the window above, and these updates written after its announcement."""
    files = {"maintenance/2026-03-20-db.md": WINDOW + "".join(f"\n{update}\n" for update in updates)}
    if settings:
        files["site.toml"] = settings
    return write_site(tmp_path / "site", files)


def update(at: str, status: str, text: str = "As planned.") -> str:
    return f"## {at} · {status} · alice\n\n{text}\n"


def built(root: Path, now: str) -> Path:
    return build_at(root, now, root.parent / f"out-{now.replace(':', '')}")


def ids(out: Path, feed: str = "feed.json") -> set[str]:
    if feed.endswith(".json"):
        return {item["id"] for item in json.loads((out / feed).read_bytes())["items"]}
    return {entry.id for entry in feedparser.parse((out / feed).read_bytes()).entries}


def notices(out: Path) -> set[str]:
    """The schedule's notices in each of the site's three feeds, which must agree."""
    found = ids(out) & NOTICES
    assert ids(out, "feed.atom") & NOTICES == ids(out, "feed.xml") & NOTICES == found
    return found


def test_a_reminder_is_published_the_day_before_a_window_with_a_fixed_id_and_time(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert notices(built(root, "2026-03-18T10:00:00Z")) == set()  # 48 hours before: not yet
    early, late = built(root, "2026-03-19T11:00:00Z"), built(root, "2026-03-20T08:00:00Z")  # 23 h and 2 h before
    assert notices(early) == notices(late) == {REMINDER}
    for name in ("feed.atom", "feed.xml", "feed.json", "components/dashboard/feed.atom"):
        assert (early / name).read_bytes() == (late / name).read_bytes(), name  # nothing in it depends on the build
    assert REMINDER in ids(early, "components/dashboard/feed.xml")
    assert REMINDER not in ids(early, "components/api/feed.xml") | ids(early, "incidents/2026-03-14-api-errors/feed.atom")

    atom = feedparser.parse((early / "feed.atom").read_bytes())
    assert not atom.bozo
    [entry] = [entry for entry in atom.entries if entry.id == REMINDER]
    assert entry.title == "[Reminder] Database upgrade"
    assert entry.published == entry.updated == "2026-03-19T10:00:00+00:00"  # 24 hours before the start
    assert entry.link == PAGE
    text = entry.content[0].value
    assert "Mar 20, 2026, 5:00\u202fAM CDT (2026-03-20 10:00 UTC)" in text and "(2026-03-20 11:00 UTC)" in text
    assert UNSIGNED in text
    assert entry.author_detail == {"name": "Example Status", "href": "https://status.example.com/"}  # no person
    rss = feedparser.parse((early / "feed.xml").read_bytes())
    [item] = [item for item in rss.entries if item.id == REMINDER]
    assert item.title == "[Reminder] Database upgrade" and UNSIGNED in item.summary
    assert "author" not in item  # RSS names no one: no <author>, no <dc:creator>
    xml = etree.fromstring((early / "feed.xml").read_bytes())
    [raw] = [raw for raw in xml.iter("item") if raw.findtext("guid") == REMINDER]
    assert [child.tag for child in raw] == ["title", "link", "description", "guid", "pubDate"]

    feed = json.loads((early / "feed.json").read_bytes())
    validator("jsonfeed-1.1.json").validate(feed)
    [item] = [item for item in feed["items"] if item["id"] == REMINDER]
    assert "authors" not in item
    assert item["_statusblog"] == {"status": "scheduled", "notice": "reminder", "author": None, "signature": None}
    status = json.loads((built(root, "2026-03-18T10:00:00Z") / "api/v2/status.json").read_bytes())
    assert status["statusblog"]["next_change"] == "2026-03-19T10:00:00Z"  # a scheduled build then publishes it


def test_the_window_opening_and_closing_on_its_own_is_announced_then_each_notice_lapses(tmp_path: Path) -> None:
    root = site(tmp_path)
    opened = built(root, "2026-03-20T10:30:00Z")
    assert notices(opened) == {STARTED}  # the reminder is no longer news once the window is open
    [entry] = [e for e in feedparser.parse((opened / "feed.atom").read_bytes()).entries if e.id == STARTED]
    assert entry.title == "[Started] Database upgrade" and entry.published == "2026-03-20T10:00:00+00:00"
    assert "opened at Mar 20, 2026, 5:00\u202fAM CDT (2026-03-20 10:00 UTC), as scheduled" in entry.content[0].value
    closed = built(root, "2026-03-20T12:00:00Z")
    assert notices(closed) == {COMPLETED}
    [entry] = [e for e in feedparser.parse((closed / "feed.atom").read_bytes()).entries if e.id == COMPLETED]
    assert entry.title == "[Completed] Database upgrade" and entry.published == "2026-03-20T11:00:00+00:00"
    assert "closed at Mar 20, 2026, 6:00\u202fAM CDT (2026-03-20 11:00 UTC), as scheduled" in entry.content[0].value
    assert notices(built(root, "2026-03-21T11:30:00Z")) == set()  # a day after: history, not news


def test_an_update_a_person_wrote_for_that_moment_is_the_notice(tmp_path: Path) -> None:
    root = site(tmp_path, update("2026-03-20 10:00 UTC", "in_progress", "We have started."))
    assert notices(built(root, "2026-03-19T11:00:00Z")) == {REMINDER}  # the update is not out yet
    opened = built(root, "2026-03-20T10:30:00Z")
    assert notices(opened) == set()
    assert f"tag:status.example.com,2026-03-20:{KEY}/u-20260320T100000Z" in ids(opened)
    assert notices(built(root, "2026-03-20T12:00:00Z")) == {COMPLETED}  # no one wrote that it ended

    late = site(tmp_path / "late", update("2026-03-20 10:20 UTC", "in_progress"),
                update("2026-03-20 11:10 UTC", "completed", "All done, ten minutes late."))
    assert notices(built(late, "2026-03-20T10:10:00Z")) == {STARTED}
    assert notices(built(late, "2026-03-20T10:30:00Z")) == set()  # her update speaks for the opening now
    assert notices(built(late, "2026-03-20T11:05:00Z")) == {COMPLETED}
    assert notices(built(late, "2026-03-20T11:15:00Z")) == set()

    early = site(tmp_path / "early", update("2026-03-20 09:30 UTC", "in_progress", "Starting early."))
    assert notices(built(early, "2026-03-20T09:00:00Z")) == {REMINDER}
    assert notices(built(early, "2026-03-20T09:45:00Z")) == set()
    assert notices(built(early, "2026-03-20T10:30:00Z")) == set()


def test_a_cancelled_window_has_no_notices(tmp_path: Path) -> None:
    root = site(tmp_path, update("2026-03-12 09:00 UTC", "cancelled", "We no longer need this window."))
    for now in ("2026-03-19T11:00:00Z", "2026-03-20T10:30:00Z", "2026-03-20T12:00:00Z"):
        assert notices(built(root, now)) == set(), now
    late = site(tmp_path / "late", update("2026-03-19 22:00 UTC", "cancelled", "Postponed; a new date follows."))
    assert notices(built(late, "2026-03-19T11:00:00Z")) == {REMINDER}
    for now in ("2026-03-19T23:00:00Z", "2026-03-20T10:30:00Z", "2026-03-20T12:00:00Z"):
        assert notices(built(late, now)) == set(), now


def test_a_moved_window_is_reminded_of_again(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert notices(built(root, "2026-03-19T11:00:00Z")) == {REMINDER}
    moved = WINDOW.replace("2026-03-20T10:00:00Z", "2026-03-21T10:00:00Z").replace(END, "2026-03-21T11:00:00Z")
    (root / "maintenance/2026-03-20-db.md").write_text(moved, encoding="utf-8")
    found = ids(built(root, "2026-03-20T11:00:00Z"))
    assert REMINDER not in found and f"tag:status.example.com,2026-03-20:{KEY}/reminder-20260320T100000Z" in found


def test_an_indonesian_site_words_its_notices_in_indonesian(tmp_path: Path) -> None:
    settings = ('title = "Example Status"\nbase_url = "https://status.example.com/"\n'
                'timezone = "Asia/Jakarta"\nlanguage = "id"\n')
    out = built(site(tmp_path, settings=settings), "2026-03-19T11:00:00Z")
    [entry] = [e for e in feedparser.parse((out / "feed.atom").read_bytes()).entries if e.id == REMINDER]
    assert entry.title == "[Pengingat] Database upgrade"
    assert "Pemeliharaan ini dijadwalkan dari" in entry.content[0].value
    assert "tidak ada orang yang menulis atau menandatanganinya" in entry.content[0].value


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(channels, "BACKOFF", 0.01)


def notify(root: Path, new: Path, previous: Path, now: str) -> str:
    result = run("notify", str(root), "--new", str(new), "--previous", str(previous), "--now", now)
    assert result.exit_code == 0, result.output
    return result.output


def test_notify_sends_each_notice_once_to_every_channel_that_takes_maintenance(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        for name in ("OPS", "INCIDENTS", "ZULIP"):
            monkeypatch.setenv(f"{name}_HOOK", f"json://{hooks.url.removeprefix('http://')}/{name.lower()}")
        monkeypatch.setenv("ZULIP_HOOK", f"{hooks.url}/zulip")
        settings = ('title = "Example Status"\nbase_url = "https://status.example.com/"\n'
                    'timezone = "America/Chicago"\nlanguage = "en"\n')
        settings += channel("Ops", "OPS_HOOK") + channel("Incidents only", "INCIDENTS_HOOK", "maintenance = false")
        settings += channel("Zulip", "ZULIP_HOOK", 'format = "statuspage"')
        root = site(tmp_path, settings=settings)
        before, after = built(root, "2026-03-18T10:00:00Z"), built(root, "2026-03-19T11:00:00Z")

        assert "notify: 1 new entry" in notify(root, after, before, "2026-03-19T11:00:00Z")
        [sent] = [json.loads(body) for body in hooks.bodies("/ops")]
        assert sent["title"] == "[Reminder] Database upgrade" and sent["type"] == "info"
        message = sent["message"]
        assert UNSIGNED in message and "Signed by" not in message
        assert "This maintenance is scheduled from Mar 20, 2026, 5:00\u202fAM CDT (2026-03-20 10:00 UTC)" in message
        assert "Affected components: Dashboard" in message and PAGE in message
        assert hooks.bodies("/incidents") == []

        [body] = [json.loads(body) for body in hooks.bodies("/zulip")]
        maintenance = body["incident"]
        assert maintenance["status"] == "scheduled" and maintenance["scheduled_reminded_at"] == "2026-03-19T10:00:00Z"
        newest = maintenance["incident_updates"][0]
        assert newest["status"] == "scheduled" and newest["created_at"] == "2026-03-19T10:00:00Z"
        assert newest["body"].endswith(UNSIGNED)
        assert newest["statusblog"]["notice"] == "reminder" and newest["statusblog"]["author"] is None
        assert [u["status"] for u in maintenance["incident_updates"]] == ["scheduled", "scheduled"]

        again = built(root, "2026-03-20T08:00:00Z")  # a later scheduled build: the same reminder
        assert "notify: 0 new entries" in notify(root, again, after, "2026-03-20T08:00:00Z")
        assert len(hooks.requests) == 2

        opened = built(root, "2026-03-20T10:30:00Z")
        assert "notify: 1 new entry" in notify(root, opened, again, "2026-03-20T10:30:00Z")
        assert [json.loads(body)["title"] for body in hooks.bodies("/ops")] == [
            "[Reminder] Database upgrade", "[Started] Database upgrade"]
        incident, component = [json.loads(body) for body in hooks.bodies("/zulip")][1:]
        assert incident["incident"]["status"] == "in_progress"
        assert incident["incident"]["incident_updates"][0]["statusblog"]["notice"] == "started"
        assert component["component_update"]["new_status"] == "under_maintenance"
        assert component["component"]["status"] == "under_maintenance"
        assert "notify: 0 new entries" in notify(root, opened, opened, "2026-03-20T10:30:00Z")
        assert hooks.bodies("/incidents") == []


def test_a_notice_that_lapsed_between_the_build_and_notify_is_still_sent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("OPS_HOOK", f"json://{hooks.url.removeprefix('http://')}/ops")
        settings = ('title = "Example Status"\nbase_url = "https://status.example.com/"\n'
                    'timezone = "America/Chicago"\nlanguage = "en"\n' + channel("Ops", "OPS_HOOK"))
        root = site(tmp_path, settings=settings)
        before, after = built(root, "2026-03-18T10:00:00Z"), built(root, "2026-03-20T09:59:00Z")
        assert "notify: 1 new entry" in notify(root, after, before, "2026-03-20T10:01:00Z")  # the window just opened
        assert [json.loads(body)["title"] for body in hooks.bodies("/ops")] == ["[Reminder] Database upgrade"]


def test_a_site_rewords_its_notices_in_its_own_notices_html_and_one_missing_a_name_is_a_template_error(
        tmp_path: Path) -> None:
    theme = (REPO / "themes/default/templates/notices.html").read_text(encoding="utf-8")
    reworded = theme.replace("'reminder': _('Reminder')", "'reminder': 'Heads-up'")
    assert reworded != theme
    root = site(tmp_path)
    write_site(root, {"templates/notices.html": reworded}, defaults=False)
    out = built(root, "2026-03-19T11:00:00Z")
    assert "[Heads-up] Database upgrade" in {e.title for e in feedparser.parse((out / "feed.atom").read_bytes()).entries}

    older = re.sub(r"\{% macro unsigned\(\) -%\}.*?\{%- endmacro %\}\n", "", theme, flags=re.S)
    assert older != theme
    write_site(root, {"templates/notices.html": older}, defaults=False)
    assert run("build", str(root), "--out", str(tmp_path / "quiet"), "--now", "2026-03-18T10:00:00Z").exit_code == 0
    result = run("build", str(root), "--out", str(tmp_path / "broken"), "--now", "2026-03-19T11:00:00Z")
    assert result.exit_code == 1
    assert ("templates/notices.html:1: error: template error: notices.html does not define 'unsigned'"
            in result.stderr)
    assert "keep every name and key of the theme's notices.html" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "broken").exists()
