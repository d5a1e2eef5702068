"""Each page's address is decided once (generator/core/addresses.py) and carried on its item: moving one kind
of page moves every link, feed, sitemap entry and API URL that names it, and nothing else names it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.build.builder import build
from generator.core import model
from generator.core.addresses import PUBLISHED, Address
from generator.core.times import build_now
from generator.outputs import families
from tests.conftest import DEMO_NOW, REPO
from tests.support.http import serve_directory
from tests.test_links import crawl

SLUG = "2026-03-14-api-error-rates"


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built with incidents published under events/ and authors under people/: each one function in
    core/addresses.py, and the families' declared names (core/addresses.PUBLISHED) to match."""
    out = tmp_path_factory.mktemp("moved") / "public"
    patch = pytest.MonkeyPatch()
    patch.setattr(model, "incident_address", lambda slug: Address(f"events/{slug}/"))
    patch.setattr(model, "author_address", lambda author_id: Address(f"people/{author_id}/"))
    moved_names = {"html": {"events", "people"}, "feeds": {"events"}}
    patch.setattr(families, "PUBLISHED", {family: names | moved_names.get(family, set())
                                          for family, names in PUBLISHED.items()})
    try:
        build(REPO / "content", out, build_now(DEMO_NOW))
    finally:
        patch.undo()
    return out


def test_moving_a_kind_of_page_moves_every_reference_to_it(moved: Path) -> None:
    assert (moved / "events" / SLUG / "index.html").is_file()
    assert (moved / "events" / SLUG / "feed.atom").is_file()
    assert (moved / "people" / "maya" / "index.html").is_file()
    assert not (moved / "incidents").exists() and not (moved / "authors").exists()
    # Feed entry ids (tag: URIs) name the incident's identity, not its address: they stay, so that no
    # subscriber sees an update twice when pages move.
    texts = {path: re.sub(r"tag:[^<\"\s]*", "", path.read_text(encoding="utf-8")) for path in moved.rglob("*")
             if path.is_file() and path.suffix in (".html", ".xml", ".atom", ".json", ".ics", ".txt")}
    stale = sorted(f"{path.relative_to(moved)}: {match.group()}" for path, text in texts.items()
                   for match in re.finditer(r"(?<![\w/])(incidents|authors)/[a-z0-9-]+/", text))
    assert not stale, stale[:10]
    summary = json.loads((moved / "api/v2/incidents.json").read_text(encoding="utf-8"))
    assert all("/events/" in incident["shortlink"] for incident in summary["incidents"])
    assert f"/events/{SLUG}/</loc>" in (moved / "sitemap.xml").read_text(encoding="utf-8")


def test_every_link_of_the_moved_site_resolves(moved: Path) -> None:
    with serve_directory(moved) as url:
        _ids, broken, _wanted = crawl(url)
    assert not broken, broken[:10]
