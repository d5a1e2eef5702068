"""Self-tests of tests/support: each helper must catch what it exists to catch.

Why test the test helpers: a checker that silently finds nothing (axe not
injected, vnu output not parsed, _headers not applied) would make every site
test pass vacuously. Each helper is shown here to report a known problem on a
known-bad page and nothing on a known-good one, against a tiny site made in a
temporary directory, never the real generator's output.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.support.axe import ColorScheme, axe_check, format_violations, run_axe
from tests.support.browser import PageProblems
from tests.support.http import (
    HeadersFileError,
    headers_for_path,
    parse_headers_file,
    serve_directory,
)
from tests.support.vnu import format_vnu_messages, run_vnu

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytest_plugins = ["tests.support.fixtures"]

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

HEADERS_FILE = f"""\
# Site-wide security headers
/*
  Content-Security-Policy: {CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer

/feed.xml
  Content-Type: application/rss+xml; charset=utf-8

/api/*
  Access-Control-Allow-Origin: *

/:section/private.html
  ! Referrer-Policy
  Cache-Control: no-store
"""

STYLE = """\
:root { color-scheme: light dark; }
body { background: #ffffff; color: #1a1a1a; font: 1rem/1.5 sans-serif; }
a { color: #0645ad; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #eeeeee; }
  a { color: #8ab4f8; }
}
"""

# Fine in light mode, unreadable in dark: proves dark mode is really emulated.
DARK_BAD_STYLE = """\
body { background: #ffffff; color: #1a1a1a; font: 1rem/1.5 sans-serif; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #333333; }
}
"""

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#2e7d32"/></svg>'
)


def html_page(title: str, body: str, css: str = "style.css") -> str:
    """A complete, valid HTML5 document around ``body``."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{css}">
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny static site exercising every helper."""
    root = tmp_path_factory.mktemp("site")
    files = {
        "_headers": HEADERS_FILE,
        "style.css": STYLE,
        "dark-bad.css": DARK_BAD_STYLE,
        "logo.svg": LOGO,
        "index.html": html_page(
            "All systems operational",
            '<h1><img src="logo.svg" alt="" width="16" height="16"> Status</h1>\n'
            '<p>All systems operational. <a href="docs/">Read the docs</a>.</p>',
        ),
        "bad.html": html_page(
            "Missing alt",
            '<h1>Status</h1>\n<p><img src="logo.svg" width="16" height="16"></p>',
        ),
        "dark-bad.html": html_page(
            "Dark contrast",
            "<h1>Status</h1>\n<p>Low contrast in dark.</p>",
            "dark-bad.css",
        ),
        "invalid.html": "<!DOCTYPE html>\n<html lang=en><head><title>x</title></head>"
        "<body><p>Broken<div></span></body></html>\n",
        "problems.html": html_page(
            "Problems",
            "<h1>Problems</h1>\n"
            "<script>document.title = 'inline script ran';</script>\n"
            '<p><img src="missing.png" alt="missing"></p>\n'
            '<p><img src="http://127.0.0.1:9/blocked.png" alt="blocked"></p>',
        ),
        "404.html": html_page("Not found", "<h1>Page not found</h1>"),
        "feed.xml": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"></rss>\n',
        "api/v2/summary.json": '{"status": {"indicator": "none"}}\n',
        "docs/index.html": html_page("Docs", "<h1>Docs</h1>", "../style.css"),
        "team/private.html": html_page("Private", "<h1>Private</h1>", "../style.css"),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "empty").mkdir()
    return root


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    """The tiny site served with its _headers applied, shared by this module."""
    with serve_directory(site, headers_file=True) as url:
        yield url


def fetch(url: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """GET without following redirects, so 301s can be asserted."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", parts.path or "/")
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def server_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("statusblog-http-")]


# --- http.py -----------------------------------------------------------------


def test_headers_file_rules() -> None:
    rules = parse_headers_file(HEADERS_FILE)
    assert [r.pattern for r in rules] == [
        "/*",
        "/feed.xml",
        "/api/*",
        "/:section/private.html",
    ]
    team = dict(headers_for_path(rules, "/team/private.html"))
    assert team["Cache-Control"] == "no-store"
    assert "Referrer-Policy" not in team
    assert "Access-Control-Allow-Origin" not in dict(headers_for_path(rules, "/api"))
    assert "Access-Control-Allow-Origin" in dict(headers_for_path(rules, "/api/v2/x.json"))
    with pytest.raises(HeadersFileError, match="line 1"):
        parse_headers_file("  X-Orphan: 1\n")
    with pytest.raises(HeadersFileError, match="line 2"):
        parse_headers_file("/*\n  not a header\n")


def test_server_applies_headers_and_serves_404(site: Path) -> None:
    before = set(server_threads())
    with serve_directory(site, headers_file=True) as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")

        status, headers, body = fetch(url)
        assert status == 200 and b"All systems operational" in body
        assert headers["Content-Security-Policy"] == CSP
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Type"] == "text/html"

        status, headers, _ = fetch(url + "feed.xml")
        assert status == 200
        assert headers.get_all("Content-Type") == ["application/rss+xml; charset=utf-8"]

        status, headers, _ = fetch(url + "api/v2/summary.json")
        assert (status, headers["Access-Control-Allow-Origin"]) == (200, "*")
        assert headers["Content-Type"] == "application/json"

        status, headers, _ = fetch(url + "team/private.html")
        assert (status, headers["Cache-Control"], headers["Referrer-Policy"]) == (
            200,
            "no-store",
            None,
        )

        status, headers, _ = fetch(url + "docs")
        assert (status, headers["Location"]) == (301, "/docs/")
        status, _, body = fetch(url + "docs/")
        assert status == 200 and b"<h1>Docs</h1>" in body

        for missing in ("no/such/page/", "nope.html", "empty/", "_headers"):
            status, headers, body = fetch(url + missing)
            assert status == 404, missing
            assert b"Page not found" in body, missing
            assert headers["Content-Security-Policy"] == CSP, missing
        assert len(server_threads()) == len(before) + 1
    assert set(server_threads()) == before


def test_server_base_path_and_plain_mode(site: Path) -> None:
    with serve_directory(site, base_path="/status") as url:
        root = url.removesuffix("status/")
        assert url.endswith("/status/")
        status, headers, body = fetch(url)
        assert status == 200 and b"All systems operational" in body
        assert "Content-Security-Policy" not in headers  # headers_file=False
        assert fetch(url + "feed.xml")[0] == 200
        assert fetch(url + "_headers")[0] == 200  # plain mode: just a file
        status, headers, _ = fetch(root + "status")
        assert (status, headers["Location"]) == (301, "/status/")
        assert fetch(root)[0] == 404
        assert fetch(root + "index.html")[0] == 404

    with serve_directory(site, headers_file=True, base_path="/status/") as url:
        # _headers patterns are site-relative: /feed.xml matches /status/feed.xml.
        _, headers, _ = fetch(url + "feed.xml")
        assert headers["Content-Type"] == "application/rss+xml; charset=utf-8"

    with (
        pytest.raises(FileNotFoundError),
        serve_directory(site / "docs", headers_file=True),
    ):
        pass


# --- vnu.py ------------------------------------------------------------------


def test_vnu_reports_errors_only_on_invalid_pages(site: Path, vnu: tuple[Path, Path]) -> None:
    valid = [site / "index.html", site / "dark-bad.html", site / "404.html"]
    invalid = [site / "invalid.html", site / "bad.html"]
    messages = run_vnu([*valid, *invalid, site / "style.css"], java=vnu[0], jar=vnu[1])
    by_file = {path: [m for m in messages if m.file == path.resolve()] for path in valid + invalid}
    for path in valid:
        assert by_file[path] == [], format_vnu_messages(by_file[path])
    for path in invalid:
        assert by_file[path], f"vnu found no error in {path.name}"
    assert all(m.kind == "error" and m.line > 0 for m in messages)
    assert any("alt" in m.message for m in by_file[site / "bad.html"])
    assert "invalid.html:" in format_vnu_messages(messages)


# --- browser.py ----------------------------------------------------------------


@pytest.mark.browser
def test_good_page_loads_without_problems(page: Page, page_problems: PageProblems, site_url: str) -> None:
    response = page.goto(site_url)
    assert response is not None and response.status == 200
    assert response.headers["content-security-policy"] == CSP
    page_problems.assert_clean()


@pytest.mark.browser
def test_page_problems_are_recorded(page: Page, page_problems: PageProblems, site_url: str) -> None:
    page.goto(site_url + "problems.html")
    assert page.title() == "Problems"  # the inline script was blocked
    assert any("inline" in v.lower() for v in page_problems.csp_violations), page_problems.format()
    assert any("blocked.png" in v for v in page_problems.csp_violations)
    assert any(v.startswith("securitypolicyviolation: script-src-elem") for v in page_problems.csp_violations), (
        page_problems.format()
    )
    assert any("blocked.png" in f for f in page_problems.failed_requests)
    assert any(r.startswith("404 GET") and "missing.png" in r for r in page_problems.bad_responses)
    assert page_problems and "CSP violation" in page_problems.format()


# --- axe.py --------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_violations_only_on_bad_pages(axe_page: Page, site_url: str, scheme: ColorScheme) -> None:
    good = axe_check(axe_page, site_url, color_scheme=scheme)
    assert good == [], format_violations(good)

    bad = axe_check(axe_page, site_url + "bad.html", color_scheme=scheme)
    assert [v["id"] for v in bad] == ["image-alt"], format_violations(bad)
    report = format_violations(bad)
    assert "image-alt [critical]" in report and 'img src="logo.svg"' in report

    dark_bad = axe_check(axe_page, site_url + "dark-bad.html", color_scheme=scheme)
    expected = ["color-contrast"] if scheme == "dark" else []
    assert [v["id"] for v in dark_bad] == expected, format_violations(dark_bad)


@pytest.mark.browser
def test_axe_needs_csp_bypass(page: Page, site_url: str) -> None:
    page.goto(site_url)
    with pytest.raises(RuntimeError, match="bypass_csp"):
        run_axe(page)
