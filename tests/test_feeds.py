"""Feeds: one entry per update, ids that never change, readable by real feed readers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from lxml import etree, html

from generator.build.builder import build
from generator.core.times import build_now
from generator.pipeline.evaluate import check
from tests.built import HOSTILE, build_at, tree, validator
from tests.conftest import DEMO_NOW
from tests.sites import write_site

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
BASE = "https://status.example.com/"
SLUG = "2026-03-14-api-errors"

OPEN_INCIDENT = """\
---
title: Elevated error rates on the public API
impact: major
components: [api]
started: 2026-03-14T09:12:00Z
---

Some API requests fail.

## 2026-03-14 09:20 UTC · investigating · alice

We see elevated 5xx rates. Next update by 10:00 UTC.

## 2026-03-14 09:48 UTC · identified · bob

A connection pool is exhausted. Next update by 10:30 UTC.
"""

MONITORING = """
## 2026-03-14 10:30 UTC · monitoring · alice

Error rates are back to normal; we are watching. Next update by 11:30 UTC.
"""


def feed_files(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("feed.*"))


def atom_entries(data: bytes) -> dict[str, bytes]:
    """Each Atom entry's exact bytes, by its id."""
    return {re.search(rb"<id>(.*?)</id>", raw).group(1).decode(): raw
            for raw in re.findall(rb"<entry>.*?</entry>", data, re.S)}


def rss_items(data: bytes) -> dict[str, bytes]:
    return {re.search(rb"<guid[^>]*>(.*?)</guid>", raw).group(1).decode(): raw
            for raw in re.findall(rb"<item>.*?</item>", data, re.S)}


def json_items(data: bytes) -> dict[str, bytes]:
    return {item["id"]: json.dumps(item).encode() for item in json.loads(data)["items"]}


ENTRIES = {".atom": atom_entries, ".xml": rss_items, ".json": json_items}


def entries_of(out: Path, path: str) -> dict[str, bytes]:
    return ENTRIES[Path(path).suffix]((out / path).read_bytes())


@pytest.fixture(scope="module")
def demo_state(demo_root: Path):
    return check(demo_root, build_now(DEMO_NOW)).state


def test_every_feed_parses_with_the_expected_entry_count(demo_build: Path, demo_state) -> None:
    incidents = {s.slug: len(s.incident.updates) + (s.incident.postmortem is not None) for s in demo_state.incidents}
    maintenance = sum(1 for m in demo_state.maintenances for u in m.maintenance.updates if u.at <= demo_state.now)
    limit = demo_state.site.config.feed_limit
    expected = {"feed.xml": min(limit, sum(incidents.values()) + maintenance)}
    expected["feed.atom"] = expected["feed.json"] = expected["feed.xml"]
    expected |= {f"incidents/{slug}/feed.atom": count for slug, count in incidents.items()}
    files = feed_files(demo_build)
    assert len(files) == 3 + 2 * len(demo_state.components) + len(incidents)
    for path in [p for p in files if not p.endswith(".json")]:
        parsed = feedparser.parse((demo_build / path).read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        if path in expected:
            assert len(parsed.entries) == expected[path], path
    json_feed = json.loads((demo_build / "feed.json").read_bytes())
    validator("jsonfeed-1.1.json").validate(json_feed)  # feedparser 6.0 does not read JSON Feed
    assert len(json_feed["items"]) == expected["feed.json"]
    assert expected["incidents/2026-03-14-api-error-rates/feed.atom"] == 5  # four updates and the postmortem


def test_atom_has_what_the_format_requires(demo_build: Path) -> None:
    for path in [p for p in feed_files(demo_build) if p.endswith(".atom")]:
        root = etree.fromstring((demo_build / path).read_bytes())
        assert root.tag == f"{ATOM}feed"
        assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}title") and root.findtext(f"{ATOM}updated")
        selves = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert selves == [BASE.replace("status.example.com", "status.harbor.example") + path]
        for entry in root.findall(f"{ATOM}entry"):
            assert entry.findtext(f"{ATOM}id").startswith("tag:status.harbor.example,")
            assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}updated")
            assert entry.findtext(f"{ATOM}published") == entry.findtext(f"{ATOM}updated")
            assert entry.findtext(f"{ATOM}author/{ATOM}name")
            assert entry.find(f"{ATOM}content").get("type") == "html"
            assert entry.find(f"{ATOM}link").get("href").startswith("https://status.harbor.example/")


def test_rss_has_what_the_format_requires(demo_build: Path) -> None:
    for path in [p for p in feed_files(demo_build) if p.endswith(".xml")]:
        channel = etree.fromstring((demo_build / path).read_bytes()).find("channel")
        assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
        for item in channel.findall("item"):
            guid = item.find("guid")
            assert guid.get("isPermaLink") == "false" and guid.text.startswith("tag:")
            assert re.fullmatch(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000", item.findtext("pubDate"))
            assert item.findtext(DC_CREATOR)
            assert re.fullmatch(r"\S+@\S+ \(.+\)", item.findtext("author"))


def test_an_entry_is_one_signed_update_linked_to_its_anchor(demo_build: Path) -> None:
    parsed = feedparser.parse((demo_build / "incidents/2026-03-14-api-error-rates/feed.atom").read_bytes())
    titles = [entry.title for entry in parsed.entries]
    assert titles == [
        "[Postmortem] Elevated error rates on the public API",
        "[Resolved] Elevated error rates on the public API",
        "[Monitoring] Elevated error rates on the public API",
        "[Identified] Elevated error rates on the public API",
        "[Investigating] Elevated error rates on the public API",
    ]
    page = (demo_build / "incidents/2026-03-14-api-error-rates/index.html").read_text()
    for entry in parsed.entries:
        anchor = entry.link.split("#")[1]
        assert f'id="{anchor}"' in page
        assert entry.author_detail.name and "@harbor.example" in entry.author_detail.email
    identified = parsed.entries[3]
    assert identified.link.endswith("/incidents/2026-03-14-api-error-rates/#u-20260314T144700Z")
    assert identified.published == "2026-03-14T14:47:00+00:00"
    assert identified.id == "tag:status.harbor.example,2026-03-14:incidents/inc-2026-0007/u-20260314T144700Z"


def test_the_same_update_has_the_same_id_in_every_format(demo_build: Path) -> None:
    ids = {path: list(entries_of(demo_build, path)) for path in ("feed.atom", "feed.xml", "feed.json")}
    assert ids["feed.atom"] == ids["feed.xml"] == ids["feed.json"]
    assert len(set(ids["feed.atom"])) == len(ids["feed.atom"])


def test_entries_are_newest_first_and_the_feed_is_as_new_as_its_newest_entry(demo_build: Path) -> None:
    parsed = feedparser.parse((demo_build / "feed.atom").read_bytes())
    published = [entry.published_parsed for entry in parsed.entries]
    assert published == sorted(published, reverse=True)
    assert parsed.feed.updated_parsed == published[0]
    items = json.loads((demo_build / "feed.json").read_bytes())["items"]
    assert [item["date_published"] for item in items] == sorted((i["date_published"] for i in items), reverse=True)


def test_adding_an_update_adds_exactly_one_entry_and_changes_no_other(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {f"incidents/{SLUG}.md": OPEN_INCIDENT})
    before = build_at(root, "2026-03-14T12:00:00Z", tmp_path / "before")
    (root / f"incidents/{SLUG}.md").write_text(OPEN_INCIDENT + MONITORING, encoding="utf-8")
    after = build_at(root, "2026-03-14T12:00:00Z", tmp_path / "after")
    paths = ["feed.atom", "feed.xml", "feed.json", "components/api/feed.atom", "components/api/feed.xml",
             f"incidents/{SLUG}/feed.atom"]
    for path in paths:
        old, new = entries_of(before, path), entries_of(after, path)
        added = set(new) - set(old)
        assert len(added) == 1 and next(iter(added)).endswith("/u-20260314T103000Z"), path
        assert {key: new[key] for key in old} == old, path
    assert entries_of(after, "components/dashboard/feed.atom") == {}


def test_ids_survive_a_renamed_file_and_an_edited_title(tmp_path: Path) -> None:
    incident = OPEN_INCIDENT.replace("impact: major", "id: api-errors-0314\nimpact: major")
    root = write_site(tmp_path / "site", {f"incidents/{SLUG}.md": incident})
    before = build_at(root, "2026-03-14T12:00:00Z", tmp_path / "before")
    (root / f"incidents/{SLUG}.md").rename(root / "incidents/api-pool-exhaustion.md")
    edited = (root / "incidents/api-pool-exhaustion.md").read_text().replace("Elevated error rates", "Errors")
    (root / "incidents/api-pool-exhaustion.md").write_text(edited)
    after = build_at(root, "2026-03-14T12:00:00Z", tmp_path / "after")
    old, new = entries_of(before, "feed.atom"), entries_of(after, "feed.atom")
    assert list(old) == list(new) and len(old) == 2
    assert all("incidents/api-errors-0314/" in entry_id for entry_id in new)
    assert b"[Identified] Errors on the public API" in new[next(iter(new))]
    assert list(entries_of(after, "incidents/api-pool-exhaustion/feed.atom")) == list(old)


def test_a_future_update_is_not_in_any_feed_yet(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {f"incidents/{SLUG}.md": OPEN_INCIDENT})
    out = build_at(root, "2026-03-14T09:30:00Z")
    titles = [entry.title for entry in feedparser.parse((out / "feed.atom").read_bytes()).entries]
    assert titles == ["[Investigating] Elevated error rates on the public API"]


def test_feed_limit_keeps_the_newest_entries(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {f"incidents/{SLUG}.md": OPEN_INCIDENT + MONITORING})
    (root / "site.toml").write_text((root / "site.toml").read_text() + "feed_limit = 2\n")
    out = build_at(root, "2026-03-14T12:00:00Z")
    for path in ("feed.atom", "feed.xml", "feed.json", f"incidents/{SLUG}/feed.atom"):
        ids = list(entries_of(out, path))
        assert [i.rsplit("/", 1)[1] for i in ids] == ["u-20260314T103000Z", "u-20260314T094800Z"], path


def test_feeds_do_not_change_with_the_clock(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    first = tree(build_at(root, "2026-03-15T00:00:00Z", tmp_path / "first"))
    second = tree(build_at(root, "2027-01-01T00:00:00Z", tmp_path / "second"))
    machine = [path for path in first if Path(path).stem in ("feed", "maintenance", "badge")
               or path.startswith("api/v2/")]
    assert len(machine) > 10
    assert {path: first[path] for path in machine} == {path: second[path] for path in machine}
    assert b"<updated>2026-03-14T11:02:00+00:00</updated>" in first["feed.atom"]


def test_a_component_without_updates_has_a_valid_empty_feed(tmp_path: Path) -> None:
    out = build_at(write_site(tmp_path / "site"), "2026-03-15T00:00:00Z")
    for path in ("components/dashboard/feed.atom", "components/dashboard/feed.xml"):
        parsed = feedparser.parse((out / path).read_bytes())
        assert not parsed.bozo and parsed.entries == []
    assert b"<updated>1970-01-01T00:00:00+00:00</updated>" in (out / "components/dashboard/feed.atom").read_bytes()


def test_every_page_lets_a_browser_discover_the_feeds(demo_build: Path) -> None:
    pages = sorted(demo_build.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        document = html.fromstring(page.read_bytes())
        links = document.xpath('//head/link[@rel="alternate"]')
        targets = {link.get("type"): link.get("href") for link in links}
        assert set(targets) >= {"application/atom+xml", "application/rss+xml", "application/feed+json"}, page
        for link in links:
            href = link.get("href")
            target = demo_build / href.lstrip("/") if href.startswith("/") else (page.parent / href)
            assert target.resolve().is_file(), (page, href)
    component = html.fromstring((demo_build / "components/api/index.html").read_bytes())
    assert component.xpath('//link[@rel="alternate"]/@href')[0] == "../../components/api/feed.atom"
    incident = html.fromstring((demo_build / "incidents/2026-03-14-api-error-rates/index.html").read_bytes())
    assert incident.xpath('//link[@rel="alternate"]/@href')[0] == "../../incidents/2026-03-14-api-error-rates/feed.atom"


def test_the_subscribe_page_explains_and_links_every_channel(demo_build: Path) -> None:
    page = demo_build / "subscribe/index.html"
    document = html.fromstring(page.read_bytes())
    hrefs = document.xpath("//main//a/@href | //main//img/@src")
    for channel in ("feed.atom", "feed.xml", "feed.json", "maintenance.ics", "api/v2/summary.json", "badge.svg",
                    "components/api/feed.atom", "components/api/badge.svg"):
        assert f"../{channel}" in hrefs, channel
    assert "webcal://status.harbor.example/maintenance.ics" in hrefs
    for href in hrefs:
        if not href.startswith(("webcal:", "http")):
            assert (page.parent / href).resolve().exists(), href
    index = html.fromstring((demo_build / "index.html").read_bytes())
    assert "subscribe/" in index.xpath("//header//nav//a/@href")


def hostile_site(root: Path) -> Path:
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    return write_site(root, {
        "authors.toml": f'[alice]\nname = "{quoted}"\nrole = "{quoted}"\nemail = "alice@example.com"\n',
        "components.toml": f'[api]\nname = "{quoted}"\ngroup = "{quoted}"\n',
        f"incidents/{SLUG}.md": OPEN_INCIDENT.replace("title: Elevated error rates on the public API",
                                                      f'title: "{quoted}"').replace("· bob", "· alice")
                                + f"\n## 2026-03-14 10:00 UTC · update · alice\n\n{HOSTILE} [x](javascript:alert(1))\n",
        "maintenance/2026-03-20-db.md": f'---\ntitle: "{quoted}; ,\\\\"\nscheduled_start: 2026-03-20T08:00:00Z\n'
                                        "scheduled_end: 2026-03-20T09:00:00Z\ncomponents: [api]\n---\n\n"
                                        f"{HOSTILE}\n\n## 2026-03-13 10:00 UTC · scheduled · alice\n\n{HOSTILE}\n",
    })


def test_hostile_text_comes_out_escaped_and_inert_in_every_format(tmp_path: Path) -> None:
    import icalendar

    out = build_at(hostile_site(tmp_path / "site"), "2026-03-14T12:00:00Z")
    files = tree(out)
    for path, data in files.items():
        if path.endswith(".html"):
            document = html.fromstring(data)
            scripts = document.xpath("//script")
            assert all(s.get("type") == "application/ld+json" and "<" not in s.text for s in scripts), path
            assert not document.xpath('//a[starts-with(@href, "javascript")]'), path
        elif path.endswith((".atom", ".xml", ".svg")):
            assert etree.fromstring(data).xpath("//*[local-name()='script']") == [], path
        elif path.endswith(".json"):
            assert b"<" not in data and b">" not in data, path
            json.loads(data)
    incident_page = html.fromstring(files[f"incidents/{SLUG}/index.html"])
    assert incident_page.findtext(".//h1").strip() == HOSTILE
    atom = etree.fromstring(files["feed.atom"])
    assert {e.findtext(f"{ATOM}author/{ATOM}name") for e in atom.iter(f"{ATOM}entry")} == {HOSTILE}
    assert f"[Update] {HOSTILE}" in [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")]
    rss = etree.fromstring(files["feed.xml"])
    assert {item.findtext(DC_CREATOR) for item in rss.iter("item")} == {HOSTILE}
    assert etree.fromstring(files["components/api/badge.svg"]).findtext("{http://www.w3.org/2000/svg}title") \
        .startswith(HOSTILE)
    assert etree.fromstring(files["badge.svg"]).findtext("{http://www.w3.org/2000/svg}title") \
        == f"Example Status: Partial outage of {HOSTILE}"
    assert json.loads(files["api/v2/status.json"])["statusblog"]["description"] == f"Partial outage of {HOSTILE}"
    summary = json.loads(files["api/v2/summary.json"])
    assert summary["incidents"][0]["name"] == HOSTILE
    assert summary["components"][0]["name"] == HOSTILE  # the group
    assert summary["incidents"][0]["incident_updates"][0]["statusblog"]["author"]["name"] == HOSTILE
    events = icalendar.Calendar.from_ical(files["maintenance.ics"]).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [HOSTILE + "; ,\\"]
    assert f"Affects: {HOSTILE}\n" in str(events[0]["DESCRIPTION"])


def test_two_builds_are_byte_identical(demo_root: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    build(demo_root, first, build_now(DEMO_NOW))
    build(demo_root, second, build_now(DEMO_NOW))
    assert tree(first) == tree(second)
