"""Status wording lives in one template, the theme's words.html: its catalog translates it, one override re-words it.

Each test builds a real site and reads what a reader or a client gets: the page's text, a feed
through feedparser, a badge's SVG, the Statuspage-shaped JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from icalendar import Calendar
from lxml import etree

from tests.built import build_at
from tests.conftest import REPO
from tests.sites import INVESTIGATING, run, write_site

pytest_plugins = ["tests.translated_build"]

SVG = "{http://www.w3.org/2000/svg}"
ENGLISH_LABELS = {"[Investigating]", "[Identified]", "[Monitoring]", "[Resolved]", "[Update]", "[Scheduled]",
                  "[In progress]", "[Verifying]", "[Completed]", "[Cancelled]"}
OPEN_AT = "2026-03-14T09:30:00Z"
"""After the first update of tests.sites.INVESTIGATING: the Public API is in a partial outage."""


def text_of(html: str) -> str:
    """A page's text as a reader sees it, tags dropped and spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def svg(out: Path, path: str) -> etree._Element:
    return etree.fromstring((out / path).read_bytes())


def json_of(out: Path, path: str) -> dict:
    return json.loads((out / path).read_text(encoding="utf-8"))


def test_an_indonesian_site_describes_its_status_in_indonesian_in_every_output(indonesian_build: Path) -> None:
    sentence = "Gangguan sebagian pada Object storage; Kinerja menurun pada CDN edge"
    badge = svg(indonesian_build, "badge.svg")
    assert badge.findtext(f"{SVG}title") == f"Harbor Hosting Status: {sentence}"
    assert badge.get("aria-label") == f"Harbor Hosting Status: {sentence}"
    status = json_of(indonesian_build, "api/v2/status.json")
    assert status["status"] == {"indicator": "major", "description": "Gangguan Sistem Sebagian"}
    assert status["statusblog"]["description"] == sentence
    assert json_of(indonesian_build, "api/v2/summary.json")["status"]["description"] == "Gangguan Sistem Sebagian"
    entries = feedparser.parse((indonesian_build / "feed.atom").read_bytes()).entries
    labels = {entry.title[:entry.title.index("]") + 1] for entry in entries}
    assert {"[Diselidiki]", "[Teridentifikasi]", "[Dipantau]", "[Selesai]", "[Terjadwal]"} <= labels
    assert not labels & ENGLISH_LABELS
    assert any("<li>Object storage: Beroperasi normal</li>" in entry.content[0].value for entry in entries)


def test_an_indonesian_site_s_feeds_and_calendar_describe_themselves_in_indonesian(indonesian_build: Path) -> None:
    component = feedparser.parse((indonesian_build / "components/object-storage/feed.atom").read_bytes()).feed
    assert component.subtitle == "Setiap pembaruan tentang Object storage dari Harbor Hosting Status"
    calendar = Calendar.from_ical((indonesian_build / "maintenance.ics").read_bytes())
    assert calendar["X-WR-CALNAME"] == "Harbor Hosting Status: pemeliharaan"
    assert calendar["X-WR-CALDESC"] == "Jadwal pemeliharaan terencana yang diumumkan di https://status.harbor.example/"
    descriptions = [str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT")]
    assert any("Berdampak pada: " in text for text in descriptions)
    assert not any("Affects" in text for text in descriptions)


def reworded_site(root: Path) -> Path:
    """A site whose one override, templates/words.html, calls a partial outage 'Wobbly' and investigating 'Looking'."""
    words = (REPO / "themes/default/templates/words.html").read_text(encoding="utf-8")
    for theirs, ours in [("_('Partial outage')", "'Wobbly'"), ("_('Investigating')", "'Looking'"),
                         ("_('Partial outage of %(names)s', names=list)", "'Wobbly: ' ~ list")]:
        assert theirs in words
        words = words.replace(theirs, ours)
    incident = INVESTIGATING.replace("Next update by 10:00 UTC.", "Next update by 10:00 UTC.\n\nComponents: api=partial_outage")
    return write_site(root, {"incidents/2026-03-14-api-errors.md": incident, "templates/words.html": words})


def test_a_site_rewords_a_status_on_the_page_in_feeds_in_badges_and_in_the_api(tmp_path: Path) -> None:
    out = build_at(reworded_site(tmp_path / "site"), OPEN_AT, tmp_path / "out")
    home = text_of((out / "index.html").read_text(encoding="utf-8"))
    assert "Wobbly: Public API" in home and "Public API ▲ Wobbly" in home and "Looking" in home
    assert "Partial outage" not in home and "Investigating" not in home
    entry = feedparser.parse((out / "feed.atom").read_bytes()).entries[0]
    assert entry.title == "[Looking] Elevated error rates on the public API"
    assert "<li>Public API: Wobbly</li>" in entry.content[0].value
    assert [text.text for text in svg(out, "components/api/badge.svg").iter(f"{SVG}text")] == ["Public API", "wobbly"]
    assert svg(out, "badge.svg").findtext(f"{SVG}title") == "Example Status: Wobbly: Public API"
    assert json_of(out, "api/v2/status.json")["statusblog"]["description"] == "Wobbly: Public API"


def test_the_description_lists_components_as_the_page_does(tmp_path: Path) -> None:
    components = '[api]\nname = "Public API"\n\n[dashboard]\nname = "Dashboard"\n\n[webhooks]\nname = "Webhooks"\n'
    incident = INVESTIGATING.replace("components: [api]", "components: [api, dashboard, webhooks]")
    root = write_site(tmp_path / "site", {"components.toml": components, "incidents/2026-03-14-api-errors.md": incident})
    out = build_at(root, OPEN_AT, tmp_path / "out")
    sentence = "Partial outage of Public API, Dashboard, and Webhooks"
    assert sentence in text_of((out / "index.html").read_text(encoding="utf-8"))
    assert json_of(out, "api/v2/status.json")["statusblog"]["description"] == sentence
    assert svg(out, "badge.svg").findtext(f"{SVG}title") == f"Example Status: {sentence}"


def test_an_open_incident_that_breaks_no_component_is_described_as_under_investigation(tmp_path: Path) -> None:
    incident = INVESTIGATING.replace("impact: major", "impact: minor").replace("components: [api]",
                                                                              "components: {api: operational}")
    out = build_at(write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident}), OPEN_AT)
    status = json_of(out, "api/v2/status.json")
    assert status["status"] == {"indicator": "minor", "description": "Minor Service Outage"}
    assert status["statusblog"]["description"] == "Investigating an open incident"
    assert "Minor service disruption" in (out / "index.html").read_text(encoding="utf-8")


def test_a_words_html_without_a_name_the_theme_needs_is_a_template_error_not_a_traceback(tmp_path: Path) -> None:
    words = (REPO / "themes/default/templates/words.html").read_text(encoding="utf-8")
    older = re.sub(r"\{% set indicator_descriptions = .*\n", "", words)
    assert older != words
    root = write_site(tmp_path / "site", {"templates/words.html": older})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", OPEN_AT)
    assert result.exit_code == 1
    assert ("templates/words.html:1: error: template error: words.html does not define 'indicator_descriptions'"
            in result.stderr)
    assert "keep every name and key of the theme's words.html" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_words_html_without_a_key_the_outputs_read_names_the_file_and_the_key(tmp_path: Path) -> None:
    words = (REPO / "themes/default/templates/words.html").read_text(encoding="utf-8")
    older = words.replace("'operational': _('Operational'), ", "")
    assert older != words
    root = write_site(tmp_path / "site", {"templates/words.html": older})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", OPEN_AT)
    assert result.exit_code == 1
    assert ("templates/words.html:1: error: template error: words.html: component_statuses has no "
            "'operational'" in result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
