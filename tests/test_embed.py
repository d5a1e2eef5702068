"""The status cards: small no-script pages another site may frame, and the only pages that may be framed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import REPO
from tests.sites import run, write_site
from tests.support.http import HeaderRule, headers_for_path, parse_headers_file, serve_directory

CARDS = ["/embed/", "/embed/index.html", "/components/api/embed/", "/components/object-storage/embed/index.html"]


def netlify_toml_rules() -> list[HeaderRule]:
    """What Netlify applies from the repository's netlify.toml (it joins matching rules as _headers does)."""
    with (REPO / "netlify.toml").open("rb") as file:
        tables = tomllib.load(file)["headers"]
    return [HeaderRule(table["for"], tuple(table["values"].items())) for table in tables]


def cloudflare_rules(out: Path) -> list[HeaderRule]:
    """What Cloudflare Pages (and Netlify, from the output) apply: the build's _headers."""
    return parse_headers_file((out / "_headers").read_text(encoding="utf-8"))


HOSTS = {"headers file": cloudflare_rules, "netlify.toml": lambda _out: netlify_toml_rules()}


def frame_policy(rules: list[HeaderRule], path: str) -> tuple[str, str | None]:
    headers = dict(headers_for_path(rules, path))
    return headers["Content-Security-Policy"], headers.get("X-Frame-Options")


def pages_of(out: Path) -> list[str]:
    """Every URL a reader may open: each page's folder and its index.html, and every other file but the feeds
    and badges beside a component's page (images and feeds: nothing in them to click)."""
    urls = []
    for file in sorted(out.rglob("*")):
        path = "/" + file.relative_to(out).as_posix()
        if not file.is_file() or file.name.startswith("_"):
            continue
        if file.name == "index.html":
            urls += [path, path.removesuffix("index.html")]
        elif not path.startswith("/components/"):
            urls.append(path)
    return urls


@pytest.mark.parametrize("host", sorted(HOSTS))
def test_only_the_cards_may_be_framed(demo_build, host):
    rules = HOSTS[host](demo_build)
    for card in CARDS:
        policy, frame_options = frame_policy(rules, card)
        assert "frame-ancestors" not in policy and frame_options is None, card
        assert "default-src 'none'" in policy, card
    others = [path for path in pages_of(demo_build) if "/embed/" not in path] + ["/", "/embed"]
    assert len(others) > 90
    for path in others:
        policy, frame_options = frame_policy(rules, path)
        assert policy.endswith(", frame-ancestors 'none'") and frame_options == "DENY", path


def test_a_free_page_is_not_framed_either(tmp_path):
    site = write_site(tmp_path / "site", {"pages/about.md": "---\ntitle: About\n---\n\nWho we are.\n"})
    out = tmp_path / "out"
    assert run("build", str(site), "--out", str(out), "--now", "2026-03-15T00:00:00Z").exit_code == 0
    rules = cloudflare_rules(out)
    assert frame_policy(rules, "/about/")[1] == "DENY"
    assert frame_policy(rules, "/embed/")[1] is None


def test_embed_is_a_reserved_name(tmp_path):
    site = write_site(tmp_path, {"pages/embed.md": "---\ntitle: Embed us\n---\n\nHow to embed.\n"})
    result = run("check", str(site))
    assert result.exit_code == 1
    assert "page slug 'embed' is taken by the site's own pages" in result.stderr


def test_each_card_says_the_status_and_opens_links_in_a_new_tab(demo_build):
    site = lxml.html.fromstring((demo_build / "embed" / "index.html").read_bytes())
    api = lxml.html.fromstring((demo_build / "components" / "object-storage" / "embed" / "index.html").read_bytes())
    assert "Partial outage of Object storage" in site.text_content()
    assert api.xpath("string(//p[@class='now'])").strip().endswith("Partial outage")
    for card in (site, api):
        links = card.xpath("//a")
        assert links and all(a.get("target") == "_blank" and "noopener" in a.get("rel") for a in links)
        assert not card.xpath("//script|//form|//iframe")
    assert api.xpath("//p[@class='name']/a/@href") == ["../../../components/object-storage/"]


FRAMING = """<!DOCTYPE html><html><body>
<iframe id="card" src="{url}embed/" width="320" height="200"></iframe>
<iframe id="component" src="{url}components/api/embed/" width="320" height="200"></iframe>
<iframe id="home" src="{url}" width="320" height="200"></iframe>
<iframe id="incident" src="{url}incidents/2026-03-14-api-error-rates/" width="320" height="200"></iframe>
</body></html>"""


def framed_text(page, frame_id: str) -> str:
    frame = page.frame_locator(f"#{frame_id}")
    return frame.locator("body").inner_text(timeout=5000) if frame.locator("main").count() else ""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("host", sorted(HOSTS))
def test_another_origin_frames_the_card_and_nothing_else(demo_build, tmp_path, browser, host):
    """Chromium, with each host's rules applied: a page on another origin (another port) frames the cards,
    and Chromium refuses to show any other page in its frame."""
    site = tmp_path / "site"
    site.mkdir()
    for item in demo_build.iterdir():
        (site / item.name).symlink_to(item)
    (site / "_headers").unlink()
    rules = HOSTS[host](demo_build)
    (site / "_headers").write_text("\n".join(
        "\n".join([rule.pattern, *(f"  {name}: {value}" for name, value in rule.headers)]) for rule in rules) + "\n")
    other = tmp_path / "other"
    other.mkdir()
    context = browser.new_context()
    try:
        page = context.new_page()
        with serve_directory(site, headers_file=True) as url, serve_directory(other) as elsewhere:
            (other / "index.html").write_text(FRAMING.format(url=url))
            assert url.split(":")[2] != elsewhere.split(":")[2]
            page.goto(elsewhere)
            page.wait_for_load_state("load")
            assert "Harbor Hosting Status" in framed_text(page, "card")
            assert "Public API" in framed_text(page, "component")
            assert framed_text(page, "home") == ""
            assert framed_text(page, "incident") == ""
            blocked = [frame.url for frame in page.frames if frame.url.startswith("chrome-error:")]
            assert len(blocked) == 2
    finally:
        context.close()


def test_the_cards_are_not_listed_for_search_engines(demo_build):
    sitemap = (demo_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "/components/api/" in sitemap and "embed/" not in sitemap
    head = lxml.html.fromstring((demo_build / "embed" / "index.html").read_bytes()).find("head")
    assert head.xpath("meta[@name='robots']/@content") == ["noindex"]


def test_the_subscribe_page_shows_how_to_embed_the_cards_and_the_shields_badge(demo_build):
    page = lxml.html.fromstring((demo_build / "subscribe" / "index.html").read_bytes())
    links = set(page.xpath("//a/@href"))
    assert {"../embed/", "../components/api/embed/", "../components/cdn/embed/"} <= links
    snippets = page.xpath("//pre/code/text()")
    assert '<iframe src="https://status.harbor.example/embed/" title="Harbor Hosting Status" width="320" ' \
           'height="180" style="border:0"></iframe>' in snippets
    assert "https://img.shields.io/endpoint?url=https%3A%2F%2Fstatus.harbor.example%2Fbadge.json" in snippets
