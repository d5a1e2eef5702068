"""Every internal link of the demo build leads somewhere, fragment included.

A crawler starts at the home page served on 127.0.0.1 and follows every
link, stylesheet and alternate it finds in the site's pages, the way a
reader's browser would: a URL must answer 200, and a #fragment must be an id
on the page it points to (a stale anchor drops a reader at the top of a long
incident page, which is a broken link in all but name).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from lxml import html

from tests.support.http import serve_directory

LINKING = ("//a[@href]/@href", "//link[@href]/@href")


@pytest.fixture(scope="module")
def crawled(demo_build: Path) -> Iterator[tuple[str, dict[str, set[str]], list[str], dict[str, set[str]]]]:
    with serve_directory(demo_build) as url:
        yield (url, *crawl(url))


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


def crawl(start: str) -> tuple[dict[str, set[str]], list[str], dict[str, set[str]]]:
    """Pages reached -> their ids; broken URLs with where they were linked from; fragments asked of each page."""
    ids: dict[str, set[str]] = {}
    wanted: dict[str, set[str]] = {}
    broken: list[str] = []
    queue = [(start, "(start)")]
    seen = {start}
    while queue:
        url, referrer = queue.pop()
        status, content_type, body = fetch(url)
        if status != 200:
            broken.append(f"{url} ({status}) linked from {referrer}")
            continue
        if content_type != "text/html":
            continue
        tree = html.fromstring(body)
        ids[url] = set(tree.xpath("//@id"))
        for query in LINKING:
            for href in tree.xpath(query):
                target, fragment = urldefrag(urljoin(url, href))
                if urlsplit(target).netloc != urlsplit(start).netloc:
                    continue
                if fragment:
                    wanted.setdefault(target, set()).add(f"{fragment}\t{url}")
                if target not in seen:
                    seen.add(target)
                    queue.append((target, url))
    return ids, broken, wanted


def test_every_internal_link_and_anchor_resolves(crawled) -> None:
    _url, ids, broken, wanted = crawled
    missing = sorted(
        f"{target}#{fragment} linked from {referrer}"
        for target, asks in wanted.items()
        for fragment, referrer in (ask.split("\t") for ask in asks)
        if target in ids and fragment not in ids[target]
    )
    assert not broken, "broken links:\n" + "\n".join(sorted(broken))
    assert not missing, "missing anchors:\n" + "\n".join(missing)


def test_every_built_page_is_reachable_from_home(crawled, demo_build: Path) -> None:
    _url, ids, _broken, _wanted = crawled
    reached = {urlsplit(url).path.lstrip("/") for url in ids}
    pages = {
        path.relative_to(demo_build).as_posix().removesuffix("index.html")
        for path in demo_build.rglob("*.html")
        if path.name != "404.html"
    }
    assert len(pages) >= 40
    assert pages - reached == set()


def test_the_crawler_reports_a_missing_anchor(tmp_path: Path) -> None:
    """The check itself must be able to fail: a page linking to an id that does not exist."""
    (tmp_path / "index.html").write_text('<!DOCTYPE html><title>t</title><a href="b.html#nope">b</a>'
                                         '<a href="gone.html">gone</a>')
    (tmp_path / "b.html").write_text('<!DOCTYPE html><title>b</title><p id="yes">b</p>')
    with serve_directory(tmp_path) as url:
        ids, broken, wanted = crawl(url)
    assert [line.split(" ")[0] for line in broken] == [url + "gone.html"]
    assert "nope" not in ids[url + "b.html"] and any(ask.startswith("nope\t") for ask in wanted[url + "b.html"])
