"""The published site in a real browser: over HTTP with the host's headers, and from file:// under a base path."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from tests.conftest import DEMO_NOW
from tests.sites import run
from tests.support.browser import collect_page_problems
from tests.support.http import serve_directory

pytestmark = pytest.mark.browser

OPEN_INCIDENT = "incidents/2026-11-20-object-storage-upload-errors/"
STYLESHEETS = "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.sheet !== null)"


def assert_styled(page) -> None:
    """Every stylesheet of the page loaded: the policy let it through and the link found its file."""
    loaded = page.evaluate(STYLESHEETS)
    assert loaded, f"{page.url}: no stylesheet"
    assert all(loaded), f"{page.url}: a stylesheet did not load"


@pytest.mark.parametrize("path", ["", OPEN_INCIDENT, "uptime/"])
def test_pages_load_under_the_hosts_headers_without_a_violation(demo_build, page, path):
    problems = collect_page_problems(page)
    with serve_directory(demo_build, headers_file=True) as url:
        response = page.goto(url + path)
        assert response is not None and response.status == 200
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert_styled(page)
    problems.assert_clean()


@pytest.fixture(scope="module")
def file_build(tmp_path_factory: pytest.TempPathFactory, demo_root: Path) -> Path:
    """The demo under a base path, with links that need no directory index."""
    source = tmp_path_factory.mktemp("file-site") / "content"
    shutil.copytree(demo_root, source)
    settings = (source / "site.toml").read_text(encoding="utf-8")
    settings = settings.replace('base_url = "https://status.harbor.example/"',
                                'base_url = "https://example.com/status/"\nlink_index_html = true')
    assert "link_index_html" in settings
    (source / "site.toml").write_text(settings, encoding="utf-8")
    out = source.parent / "public"
    result = run("build", str(source), "--out", str(out), "--now", DEMO_NOW)
    assert result.exit_code == 0, result.stderr
    return out


def test_every_relative_link_names_a_file_with_link_index_html(file_build):
    checked = 0
    for html in sorted(file_build.rglob("*.html")):
        if html.name == "404.html":
            continue  # served at any depth, so its links start at the site's path on the host
        hrefs = lxml.html.fromstring(html.read_bytes()).xpath("//a/@href|//link/@href")
        for href in hrefs:
            if urlsplit(href).scheme or href.startswith(("/", "#")):
                continue
            target = html.parent / unquote(urlsplit(href).path)
            assert target.is_file(), f"{html.relative_to(file_build)}: {href} names no file"
            checked += 1
    assert checked > 500


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


@pytest.mark.parametrize("start", ["index.html", OPEN_INCIDENT + "index.html", "history/index.html"])
def test_site_works_from_file_urls_under_a_base_path(file_build, page, start):
    problems = collect_page_problems(page)
    page.goto((file_build / start).as_uri())
    assert_styled(page)
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    local = sorted({url.split("#")[0] for url in links if url.startswith("file://")})
    assert len(local) > 5
    for url in local:
        target = file_of(url)
        assert target.is_file(), f"{start}: link to {url} names no file"
        assert target.is_relative_to(file_build), f"{start}: link to {url} leaves the site"
        if target.suffix == ".html":
            page.goto(url)
            assert_styled(page)
    problems.assert_clean()
