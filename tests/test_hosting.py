"""What the hosts are told: netlify.toml, _headers, _redirects and the <meta> policy agree, and say the right thing."""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from generator.render.host_rules import (
    CONTENT_SECURITY_POLICY,
    header_rules,
    index_html_links,
    netlify_rules,
    redirects,
)
from tests.conftest import DEMO_NOW, REPO
from tests.sites import run, write_site
from tests.support.http import headers_for_path, parse_headers_file

CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
EVERYWHERE = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Strict-Transport-Security": "max-age=31536000",
    "Cache-Control": "public, max-age=60",
}
NO_FRAMING = {"Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8", "Access-Control-Allow-Origin": "*"}
ATOM = {"Content-Type": "application/atom+xml; charset=utf-8", "Access-Control-Allow-Origin": "*"}
EXPECTED_RULES = [
    ("/*", EVERYWHERE),
    ("/feed.xml", RSS),
    ("/components/*/feed.xml", RSS),
    ("/*.atom", ATOM),
    ("/feed.json", {"Content-Type": "application/feed+json", "Access-Control-Allow-Origin": "*"}),
    ("/api/*", {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"}),
    ("/uptime/*.csv", {"Content-Type": "text/csv; charset=utf-8", "Access-Control-Allow-Origin": "*"}),
    ("/*.ics", {"Content-Type": "text/calendar; charset=utf-8", "Access-Control-Allow-Origin": "*"}),
    ("/*.svg", {"Content-Type": "image/svg+xml"}),
    ("/badge.json", {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"}),
    ("/components/*/badge.json", {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"}),
    *((pattern, NO_FRAMING) for pattern in [
        "/", "/:name", "/about/*", "/api/*", "/authors/*", "/contact/*", "/history/*", "/incidents/*",
        "/maintenance/*", "/proofs/*", "/static/*", "/subscribe/*", "/uptime/*", "/components/", "/components/:id/",
        "/components/:id/index.html"]),
]
EXPECTED_REDIRECTS = [("/history.atom", "/feed.atom", 301), ("/history.rss", "/feed.xml", 301)]

DENIED = {"Content-Security-Policy": CSP + ", frame-ancestors 'none'", "X-Frame-Options": "DENY"}
"""A second policy joins the first: browsers enforce both."""
JSON = {"Content-Type": "application/json", "Access-Control-Allow-Origin": "*"}
# What a path of the published site must be served with, beyond EVERYWHERE.
SERVED = {
    "/index.html": DENIED,
    "/incidents/2026-03-14-api-error-rates/index.html": DENIED,
    "/static/style.css": DENIED,
    "/embed/": {},
    "/components/api/embed/": {},
    "/feed.xml": {**RSS, **DENIED},
    "/components/api/feed.xml": RSS,
    "/feed.atom": {**ATOM, **DENIED},
    "/components/api/feed.atom": ATOM,
    "/incidents/2026-03-14-api-error-rates/feed.atom": {**ATOM, **DENIED},
    "/feed.json": {"Content-Type": "application/feed+json", "Access-Control-Allow-Origin": "*", **DENIED},
    "/api/v2/summary.json": {**JSON, **DENIED},
    "/api/v2/incidents/unresolved.json": {**JSON, **DENIED},
    "/api/v2/scheduled-maintenances/upcoming.json": {**JSON, **DENIED},
    "/maintenance.ics": {"Content-Type": "text/calendar; charset=utf-8", "Access-Control-Allow-Origin": "*",
                         **DENIED},
    "/badge.svg": {"Content-Type": "image/svg+xml", **DENIED},
    "/components/api/badge.svg": {"Content-Type": "image/svg+xml"},
    "/badge.json": {**JSON, **DENIED},
    "/uptime/uptime.csv": {"Content-Type": "text/csv; charset=utf-8", "Access-Control-Allow-Origin": "*", **DENIED},
    "/components/api/badge.json": JSON,
}


@pytest.fixture(scope="module")
def netlify() -> dict:
    with (REPO / "netlify.toml").open("rb") as file:
        return tomllib.load(file)


def test_netlify_toml_builds_the_demo_site_into_public(netlify):
    build = netlify["build"]
    assert build["publish"] == "public"
    steps = [step.strip() for step in build["command"].split("&&")]
    assert steps[:2] == ["python -m pip install uv==0.13.9", "uv pip install --python python -c requirements.lock ."]
    assert steps[2:] == ["statusblog check content --strict",
                     "statusblog build content --out public --verify-signatures"]
    assert netlify["build"]["environment"]["PYTHON_VERSION"] == "3.11"


def test_netlify_toml_sets_every_header(netlify):
    assert [(rule["for"], rule["values"]) for rule in netlify["headers"]] == EXPECTED_RULES


def test_netlify_toml_moves_statuspage_feed_subscribers_over(netlify):
    assert [(r["from"], r["to"], r["status"]) for r in netlify["redirects"]] == EXPECTED_REDIRECTS


def test_netlify_toml_and_the_build_share_one_source_of_truth(netlify):
    rules = header_rules(["about", "contact"])
    assert [(rule.pattern, dict(rule.headers)) for rule in rules] == EXPECTED_RULES
    assert (REPO / "netlify.toml").read_text(encoding="utf-8").endswith("\n" + netlify_rules(rules)), \
        ("netlify.toml's [[headers]] and [[redirects]] are host_rules.netlify_rules(header_rules(the demo's free "
         "pages)): paste its text there")
    assert [(r.source, r.target, r.status) for r in redirects("/")] == EXPECTED_REDIRECTS


def test_build_writes_the_same_headers_and_redirects(demo_build):
    rules = parse_headers_file((demo_build / "_headers").read_text(encoding="utf-8"))
    assert [(rule.pattern, dict(rule.headers)) for rule in rules] == EXPECTED_RULES
    lines = (demo_build / "_redirects").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{source} {target} {status}" for source, target, status in EXPECTED_REDIRECTS]


@pytest.mark.parametrize("path", sorted(SERVED))
def test_each_kind_of_file_is_served_with_its_headers(demo_build, path):
    rules = parse_headers_file((demo_build / "_headers").read_text(encoding="utf-8"))
    assert dict(headers_for_path(rules, path)) == {**EVERYWHERE, **SERVED[path]}


def test_no_built_file_gets_a_header_from_two_rules(demo_build):
    """Hosts join the values of a header set by two matching rules: "application/json, image/svg+xml". The one
    header meant to be joined is the policy: a second Content-Security-Policy is a second policy, enforced too."""
    rules = parse_headers_file((demo_build / "_headers").read_text(encoding="utf-8"))
    files = ["/" + p.relative_to(demo_build).as_posix() for p in demo_build.rglob("*") if p.is_file()]
    for path in [*files, *SERVED]:
        names = [name.lower() for rule in rules if rule.matches(path) for name, _ in rule.headers
                 if name != "Content-Security-Policy"]
        assert len(names) == len(set(names)), path
        policies = [value for rule in rules if rule.matches(path) for name, value in rule.headers
                    if name == "Content-Security-Policy"]
        assert policies[0] == CSP and policies[1:] in ([], ["frame-ancestors 'none'"]), path


def test_redirects_lead_to_the_public_path_under_a_base_path(tmp_path):
    site = write_site(tmp_path / "site", {"site.toml": 'title = "S"\nbase_url = "https://example.com/status/"\n'
                                                       'timezone = "UTC"\n'})
    result = run("build", str(site), "--out", str(tmp_path / "out"), "--now", DEMO_NOW)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "_redirects").read_text() == ("/history.atom /status/feed.atom 301\n"
                                                             "/history.rss /status/feed.xml 301\n")


def html_pages(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_every_page_carries_the_policy_for_hosts_without_headers(demo_build):
    """GitHub Pages sends no _headers; the <meta> policy is the header's (frame-ancestors, which a <meta> policy
    cannot carry, is a header of its own)."""
    expected = CSP
    assert CONTENT_SECURITY_POLICY == CSP
    for page in html_pages(demo_build):
        head = lxml.html.fromstring(page.read_bytes()).find("head")
        metas = head.xpath("meta[@http-equiv='Content-Security-Policy']")
        assert [meta.get("content") for meta in metas] == [expected], page
        stylesheet = head.xpath("link[@rel='stylesheet']")[0]
        assert metas[0].getparent().index(metas[0]) < head.index(stylesheet), f"{page}: policy after stylesheet"


def test_no_page_needs_what_the_policy_forbids(demo_build):
    """Inline styles, scripts and handlers would be blocked by the policy: the theme must not use them."""
    for page in html_pages(demo_build):
        tree = lxml.html.fromstring(page.read_bytes())
        where = page.relative_to(demo_build)
        assert not tree.xpath("//*[@style]"), f"{where}: style= attribute"
        assert not tree.xpath("//style"), f"{where}: <style> element"
        assert not tree.xpath("//script[not(@type='application/ld+json')]"), f"{where}: <script>"
        handlers = [name for el in tree.iter() if isinstance(el.tag, str) for name in el.attrib
                    if name.lower().startswith("on")]
        assert not handlers, f"{where}: inline event handlers {handlers}"
        assert not tree.xpath("//iframe|//form|//object|//embed"), f"{where}: frame, form or plugin"


@pytest.mark.parametrize(("html", "expected"), [
    ('<a href="./">', '<a href="./index.html">'),
    ('<a href="">', '<a href="">'),
    ('<a href="../../">', '<a href="../../index.html">'),
    ('<a href="incidents/x/">', '<a href="incidents/x/index.html">'),
    ('<a href="../authors/a/#u-1">', '<a href="../authors/a/index.html#u-1">'),
    ('<a class="x" href="history/page/2/?q=1">', '<a class="x" href="history/page/2/index.html?q=1">'),
    ('<a href="feed.xml">', '<a href="feed.xml">'),
    ('<a href="#main">', '<a href="#main">'),
    ('<a href="/status/">', '<a href="/status/">'),
    ('<a href="//cdn.example/">', '<a href="//cdn.example/">'),
    ('<a href="https://harbor.example/support/">', '<a href="https://harbor.example/support/">'),
    ('<a href="mailto:a@b.example">', '<a href="mailto:a@b.example">'),
    # Text in rendered output is escaped, so it never looks like an attribute.
    ('<p>write href=&#34;x/&#34; or href=&quot;x/&quot;</p>', '<p>write href=&#34;x/&#34; or href=&quot;x/&quot;</p>'),
])
def test_index_html_links(html, expected):
    assert index_html_links(html) == expected


def relative_links(page: Path) -> list[str]:
    hrefs = lxml.html.fromstring(page.read_bytes()).xpath("//a/@href|//link/@href")
    return [href for href in hrefs if not urlsplit(href).scheme and not href.startswith(("/", "#"))]


def test_directory_links_stay_clean_by_default(demo_build):
    hrefs = relative_links(demo_build / "index.html")
    assert "history/" in hrefs
    assert not [href for href in hrefs if "index.html" in href]


def test_link_index_html_must_be_true_or_false(tmp_path):
    site = write_site(tmp_path, {"site.toml": 'title = "S"\nbase_url = "https://s.example/"\ntimezone = "UTC"\n'
                                              'link_index_html = "yes"\n'})
    result = run("check", str(site))
    assert result.exit_code == 1
    assert "site.toml:4: error: 'link_index_html' must be true or false, not text" in result.stderr


def test_the_dev_server_serves_every_file_as_the_hosts_do(demo_build):
    """One declaration of media types (core/media.py): for every file the demo publishes, `serve` answers
    with the Content-Type that the build's _headers gives the hosts, and with the host's own type by
    extension where _headers says nothing (the sitemap is generic XML; an RSS feed is RSS)."""
    import http.client

    from generator.core.times import build_now
    from generator.preview.server import DevServer

    rules = parse_headers_file((demo_build / "_headers").read_text(encoding="utf-8"))
    by_extension = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                    ".xml": "application/xml", ".txt": "text/plain; charset=utf-8"}
    paths = sorted("/" + path.relative_to(demo_build).as_posix() for path in demo_build.rglob("*")
                   if path.is_file() and not path.name.startswith((".", "_")))
    server = DevServer(REPO / "content", 0, build_now(DEMO_NOW), say=lambda _line: None)
    server.start()
    try:
        served = {}
        for path in paths:
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.status == 200, path
            served[path] = response.getheader("Content-Type")
            connection.close()
    finally:
        server.stop()
    for path in paths:
        told = dict(headers_for_path(rules, path)).get("Content-Type")
        assert served[path] == (told or by_extension[Path(path).suffix]), path
    assert served["/feed.xml"] == "application/rss+xml; charset=utf-8"
    assert served["/sitemap.xml"] == "application/xml"
