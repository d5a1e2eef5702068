"""Status badges, sitemap.xml and robots.txt."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.built import build_at
from tests.sites import write_site

SVG = "{http://www.w3.org/2000/svg}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def badge(out: Path, path: str) -> etree._Element:
    return etree.fromstring((out / path).read_bytes())


def words(svg: etree._Element) -> list[str]:
    return [text.text for text in svg.iter(f"{SVG}text")]


def fills(svg: etree._Element) -> list[str]:
    return [rect.get("fill") for rect in svg.iter(f"{SVG}rect")]


def test_the_site_badge_says_the_status_in_words_and_in_its_title(demo_build: Path) -> None:
    svg = badge(demo_build, "badge.svg")
    assert svg.get("role") == "img"
    title = svg[0]
    assert title.tag == f"{SVG}title"
    assert title.text == ("Harbor Hosting Status: Partial outage of Object storage; "
                          "Degraded performance of CDN edge")
    assert svg.get("aria-label") == title.text
    assert words(svg) == ["status", "partial outage"]


def test_each_component_has_a_badge_of_its_own_status(demo_build: Path) -> None:
    components = sorted(p.name for p in (demo_build / "components").iterdir() if p.is_dir())
    assert len(components) == 9
    for name in components:
        assert (demo_build / "components" / name / "badge.svg").is_file()
    storage, api = badge(demo_build, "components/object-storage/badge.svg"), badge(demo_build, "components/api/badge.svg")
    assert words(storage) == ["Object storage", "partial outage"]
    assert words(api) == ["Public API", "operational"]
    assert storage.findtext(f"{SVG}title") == "Object storage (Harbor Hosting Status): partial outage"
    assert fills(storage)[1] != fills(api)[1]


def test_an_open_incident_without_a_broken_component_is_not_operational(tmp_path: Path) -> None:
    incident = ("---\ntitle: Odd errors\nimpact: minor\ncomponents: {api: operational}\nstarted: 2026-03-14T09:12:00Z\n"
                "---\n\nOdd.\n\n## 2026-03-14 09:20 UTC · investigating · alice\n\nLooking. Next update by 10:00 UTC.\n")
    out = build_at(write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident}),
                   "2026-03-14T09:30:00Z")
    svg = badge(out, "badge.svg")
    assert words(svg) == ["status", "degraded performance"]
    assert words(badge(out, "components/api/badge.svg")) == ["Public API", "operational"]


def test_the_badge_grows_with_its_text(tmp_path: Path) -> None:
    short = write_site(tmp_path / "short", {"components.toml": '[api]\nname = "API"\n'})
    long = write_site(tmp_path / "long", {"components.toml": '[api]\nname = "The public REST and GraphQL API"\n'})
    widths = [int(badge(build_at(root, "2026-03-15T00:00:00Z"), "components/api/badge.svg").get("width"))
              for root in (short, long)]
    assert widths[1] > widths[0] + 100


def test_a_name_with_quotes_and_markup_is_text_in_the_badge_and_its_label(tmp_path: Path) -> None:
    name = """Bob's "fast" <API> & co"""
    site = write_site(tmp_path / "site", {"components.toml": f"[api]\nname = '''{name}'''\n"})
    svg = badge(build_at(site, "2026-03-15T00:00:00Z"), "components/api/badge.svg")
    assert words(svg)[0] == name
    assert svg.get("aria-label") == svg.findtext(f"{SVG}title") == f"{name} (Example Status): operational"
    assert not list(svg.iter(f"{SVG}API"))


def test_the_sitemap_lists_every_page_and_robots_points_to_it(demo_build: Path) -> None:
    """Every page but the 404 page and the status cards (parts of other sites' pages)."""
    root = etree.fromstring((demo_build / "sitemap.xml").read_bytes())
    locations = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    pages = sorted(p.relative_to(demo_build).as_posix() for p in demo_build.rglob("*.html"))
    expected = sorted("https://status.harbor.example/" + p.removesuffix("index.html") for p in pages
                      if p != "404.html" and "embed/" not in p)
    assert sorted(locations) == expected
    assert "https://status.harbor.example/subscribe/" in locations
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    assert lastmod["https://status.harbor.example/incidents/2026-11-20-object-storage-upload-errors/"] \
        == "2026-11-20T14:35:00Z"
    robots = (demo_build / "robots.txt").read_text()
    assert "Sitemap: https://status.harbor.example/sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots.splitlines()


def test_each_badge_has_a_shields_endpoint_with_its_own_words_and_colour(demo_build: Path) -> None:
    """shields.io draws https://img.shields.io/endpoint?url=<badge.json>: the same badge in shields' styles."""
    import json

    for svg_path in ["badge.svg", "components/object-storage/badge.svg", "components/api/badge.svg"]:
        svg = badge(demo_build, svg_path)
        endpoint = json.loads((demo_build / svg_path.replace(".svg", ".json")).read_bytes())
        assert endpoint == {"schemaVersion": 1, "label": words(svg)[0], "message": words(svg)[1],
                            "color": fills(svg)[1], "labelColor": fills(svg)[0]}
    assert json.loads((demo_build / "components/object-storage/badge.json").read_bytes())["message"] == \
        "partial outage"
