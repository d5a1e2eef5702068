"""Hostile and broken input: nothing a writer puts in a file runs, breaks a format or escapes the output.

tests/corpus/injection/ is a real site whose every free-text field (site title and
description, contact, author names, roles and links, component names, groups and
descriptions, incident, maintenance and page titles, bodies, update texts, action
items) carries one of VECTORS, and whose bodies try every way Markdown offers to
write a link or raw HTML. It is built once, and every file of the build is checked
by its extension with a real parser for its format, so an output family added
later is covered the day it lands (and an unknown extension fails until it is).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import pickle
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import feedparser
import icalendar
import lxml.etree
import lxml.html
import pytest

from generator.build.builder import build
from generator.core.problems import SiteError
from generator.core.times import build_now
from generator.pipeline.evaluate import check
from tests.sites import INCIDENT, run, write_site

CORPUS = Path(__file__).parent / "corpus" / "injection"
CORPUS_NOW = "2026-06-15T12:00:00Z"
NOW = "2026-03-15T00:00:00Z"

VECTORS = {
    "script": '<script>alert("script")</script>',
    "attribute": '"><img src=x onerror=alert("attribute")>',
    "single-quote": "'><svg/onload=alert('single-quote')>",
    "javascript-url": "javascript:alert('javascript-url')",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "cdata-end": "]]><injected>cdata-end</injected>",
    "comment-end": "--><script>alert('comment-end')</script><!--",
    "script-end": "</script><script>alert('script-end')</script>",
    "crlf": "line one\r\nX-Injected: crlf\r\nBEGIN:VALARM",
    "line-separator": "before\u2028between\u2029after",
    "template": "{{ config.title }}{% raw %}${7*7}#{7*7}",
    "entity": "&lt;script&gt;&amp;&#60;&#x3C;",
}
"""Each is the title of incidents/<name>.md and maintenance/window-<name>.md, the name and
role of author <name>, and the name and description of component <name>."""

C0_AND_SPACE = "".join(map(chr, range(0x21)))
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "webcal"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "background", "cite", "data",
                            "codebase", "longdesc", "manifest", "ping", "srcset", "xlink:href"})
FORBIDDEN_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                                "form", "foreignobject", "handler", "listener", "set", "animate"})
"""`set` and `animate` in SVG can rewrite an href to javascript: after load."""
RAW_MARKERS = (b"<script>alert", b"<img src=x", b"<svg/onload", b"<injected>", b"<iframe")
"""Payload text that, found unescaped in an HTML file, would be markup."""
TEXT_MARKERS = ("alert(", "onerror", "onload", "X-Injected", "<script", "javascript:")
"""None of these may reach the host's plain-text files (_headers, _redirects, robots.txt)."""
EXTENSIONS = {".html": "html", ".xml": "xml", ".atom": "xml", ".rss": "xml", ".svg": "svg", ".json": "json",
              ".ics": "ics", ".txt": "text", ".css": "css", ".webmanifest": "json", ".csv": "csv"}
PLAIN_FILES = {"_headers": "text", "_redirects": "text", ".statusblog-output": "text"}
TEXT_FAMILIES = ("html", "xml", "json", "ics")
"""The families that carry titles and names; the others must carry none of the payloads."""


def family_of(path: Path) -> str:
    return PLAIN_FILES.get(path.name) or EXTENSIONS.get(path.suffix, "unknown")


def normalized(text: str) -> str:
    """Whitespace collapsed: line endings and separators may be re-spelled, never the words."""
    return " ".join(text.split())


def unsafe_url(url: str) -> bool:
    """Whether a browser would take `url` as a scheme other than the safe ones (WHATWG's reading)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip(C0_AND_SPACE)
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    return bool(match) and match.group(1).lower() not in SAFE_SCHEMES


def inert_image(element: lxml.html.HtmlElement, tag: str, url: str) -> bool:
    """A data: URL a browser only ever decodes as an image (the theme's empty favicon is one)."""
    as_image = tag == "img" or (tag == "link" and "icon" in (element.get("rel") or "").lower().split())
    return as_image and re.match(r"^data:(,|image/(png|gif|jpeg|webp)[;,])", url.strip(), re.IGNORECASE) is not None


def html_problems(root: lxml.html.HtmlElement, where: str) -> list[str]:
    """Every element, attribute or URL in an HTML tree that could run script."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction: inert
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            body = element.text or ""
            if "</" in body:
                found.append(f"{where}: JSON-LD contains '</'")
            try:
                json.loads(body)
            except ValueError as exc:
                found.append(f"{where}: JSON-LD does not parse: {exc}")
        elif tag in FORBIDDEN_ELEMENTS:
            found.append(f"{where}: <{tag}> element")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: <meta http-equiv=refresh>")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found.append(f"{where}: event handler {local}={value!r} on <{tag}>")
            if local in URL_ATTRIBUTES or name.endswith("}href"):
                urls = [part.split()[0] for part in value.split(",") if part.split()] if local == "srcset" else [value]
                found += [f"{where}: unsafe {local}={url!r} on <{tag}>" for url in urls
                          if unsafe_url(url) and not inert_image(element, tag, url)]
            if local == "style" and re.search(r"javascript:|expression\(|url\(", value, re.IGNORECASE):
                found.append(f"{where}: style={value!r}")
    return found


def html_fragment_problems(markup: str, where: str) -> list[str]:
    """Text a feed reader or an API client renders as HTML (Atom type=html, RSS description, content_html)."""
    if not markup.strip():
        return []
    return html_problems(lxml.html.fragment_fromstring(markup, create_parent="div"), where)


def strict_xml(data: bytes) -> lxml.etree._Element:
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return lxml.etree.fromstring(data, parser)


# One checker per family: each parses the file strictly, returns the text it carries and what is unsafe in it.

def check_html(data: bytes, where: str) -> tuple[list[str], list[str]]:
    found = [f"{where}: unescaped {marker.decode()!r}" for marker in RAW_MARKERS if marker in data]
    doc = lxml.html.document_fromstring(data)
    found += html_problems(doc, where)
    texts = [doc.text_content()] + [value for element in doc.iter() if isinstance(element.tag, str)
                                    for value in element.attrib.values()]
    return texts, found


HTML_BEARING = {"description", "encoded"}
"""RSS elements whose text readers render as HTML; Atom says so itself with type="html"."""


def check_xml(data: bytes, where: str) -> tuple[list[str], list[str]]:
    root = strict_xml(data)
    found = [] if root.getroottree().docinfo.internalDTD is None else [f"{where}: has a DOCTYPE"]
    found += html_problems(root, where)  # type: ignore[arg-type]
    texts = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            if isinstance(element, lxml.etree._ProcessingInstruction) and element.target == "xml-stylesheet":
                found.append(f"{where}: an xml-stylesheet instruction")
            continue
        local = element.tag.rsplit("}", 1)[-1]
        text = element.text or ""
        texts += [text, *element.attrib.values()]
        if element.get("type") == "html" or (local in HTML_BEARING and "Atom" not in element.tag):
            found += html_fragment_problems(text, f"{where} <{local}>")
    return texts, found


def check_svg(data: bytes, where: str) -> tuple[list[str], list[str]]:
    texts, found = check_xml(data, where)
    root = strict_xml(data)
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        found.append(f"{where}: root is {root.tag}, not svg")
    return texts, found


def json_strings(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from json_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, key)
    elif isinstance(value, str):
        yield key, value


def check_json(data: bytes, where: str) -> tuple[list[str], list[str]]:
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    document = json.loads(data.decode("utf-8"), parse_constant=refuse)
    texts, found = [], []
    for key, value in json_strings(document):
        texts.append(value)
        if "html" in key.lower():
            found += html_fragment_problems(value, f"{where} {key}")
        if key.lower().endswith(("url", "link", "href", "icon", "image", "avatar", "favicon")) and unsafe_url(value):
            found.append(f"{where}: unsafe {key}={value!r}")
    return texts, found


ICS_LINE = re.compile(r"^[A-Z0-9-]+(;[^:]*)?:")
ICS_COMPONENTS = frozenset({"VCALENDAR", "VEVENT", "VALARM", "VTIMEZONE", "STANDARD", "DAYLIGHT"})


def check_ics(data: bytes, where: str) -> tuple[list[str], list[str]]:
    text = data.decode("utf-8")
    found = []
    if not text.endswith("\r\n"):
        found.append(f"{where}: does not end with CRLF")
    lines = text[:-2].split("\r\n")
    for number, line in enumerate(lines, start=1):
        if "\r" in line or "\n" in line:
            found.append(f"{where}:{number}: a bare line break inside a line")
        if not line.startswith((" ", "\t")) and not ICS_LINE.match(line):
            found.append(f"{where}:{number}: not a property line: {line!r}")
    unfolded = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    for line in unfolded:
        name, _, value = line.partition(":")
        if name.startswith("X-INJECTED") or name.startswith("ATTACH"):
            found.append(f"{where}: injected property {line!r}")
        if name in ("BEGIN", "END") and value not in ICS_COMPONENTS:
            found.append(f"{where}: unexpected component {line!r}")
    calendar = icalendar.Calendar.from_ical(data)
    texts = []
    for component in calendar.walk():
        for name, value in component.property_items(recursive=False):
            texts.append(value.to_ical().decode() if hasattr(value, "to_ical") and name != "SUMMARY" else str(value))
            if name == "URL" and unsafe_url(str(value)):
                found.append(f"{where}: unsafe URL {value}")
    texts += [str(event.get("summary", "")) for event in calendar.walk("VEVENT")]
    texts += [str(event.get("description", "")) for event in calendar.walk("VEVENT")]
    return texts, found


def check_text(data: bytes, where: str) -> tuple[list[str], list[str]]:
    text = data.decode("utf-8")
    found = [f"{where}: carries {marker!r}" for marker in TEXT_MARKERS if marker in text]
    found += [f"{where}: a carriage return" for _ in [1] if "\r" in text]
    return [text], found


def check_csv(data: bytes, where: str) -> tuple[list[str], list[str]]:
    """RFC 4180 read strictly; no cell a spreadsheet would run as a formula."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
    cells = [cell for row in rows for cell in row]
    return cells, [f"{where}: formula cell {cell!r}" for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def check_css(data: bytes, where: str) -> tuple[list[str], list[str]]:
    text = data.decode("utf-8")
    return [], [f"{where}: {pattern}" for pattern in ("javascript:", "expression(", "@import") if pattern in text]


CHECKERS = {"html": check_html, "xml": check_xml, "svg": check_svg, "json": check_json, "ics": check_ics,
            "text": check_text, "css": check_css, "csv": check_csv}


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("injection") / "public"
    build(CORPUS, out, build_now(CORPUS_NOW))
    return out


@pytest.fixture(scope="module")
def corpus_files(corpus_out: Path) -> dict[str, list[Path]]:
    by_family: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(p for p in corpus_out.rglob("*") if p.is_file()):
        by_family[family_of(path)].append(path)
    return by_family


@pytest.fixture(scope="module")
def corpus_checked(corpus_out: Path, corpus_files: dict[str, list[Path]]) -> dict[str, tuple[list[str], list[str]]]:
    """Per family: every text its files carry, and every problem found in them."""
    result = {}
    for family, paths in corpus_files.items():
        texts: list[str] = []
        found: list[str] = []
        for path in paths:
            carried, problems = CHECKERS[family](path.read_bytes(), path.relative_to(corpus_out).as_posix())
            texts += carried
            found += problems
        result[family] = (texts, found)
    return result


def test_the_corpus_is_a_valid_site_that_uses_every_vector() -> None:
    checked = check(CORPUS, build_now(CORPUS_NOW))
    assert checked.errors == [], "\n".join(p.format() for p in checked.errors)
    assert checked.state is not None
    site = checked.state.site
    assert sorted(i.title for i in site.incidents) == sorted(VECTORS.values())
    assert sorted(m.title for m in site.maintenances) == sorted(VECTORS.values())
    assert sorted(a.name for a in site.authors.values()) == sorted(VECTORS.values())
    assert sorted(c.name for c in site.components.values()) == sorted(VECTORS.values())


def test_every_file_of_the_build_belongs_to_a_checked_family(corpus_out: Path,
                                                             corpus_files: dict[str, list[Path]]) -> None:
    unknown = [p.relative_to(corpus_out).as_posix() for p in corpus_files.get("unknown", [])]
    assert unknown == [], "add a checker to tests/test_hostile_input.py for: " + ", ".join(unknown)
    assert {"html", "text"} <= set(corpus_files)


@pytest.mark.parametrize("family", sorted(CHECKERS))
def test_every_file_parses_and_nothing_in_it_can_run(family: str, corpus_checked: dict) -> None:
    if family not in corpus_checked:
        pytest.skip(f"the build writes no {family} files")
    _, found = corpus_checked[family]
    assert found == [], "\n".join(found[:40])


@pytest.mark.parametrize("family", TEXT_FAMILIES)
@pytest.mark.parametrize("vector", sorted(VECTORS))
def test_each_payload_comes_out_as_the_text_that_was_written(vector: str, family: str, corpus_checked: dict) -> None:
    """Escaped, not stripped or mangled: a reader sees exactly what the writer typed."""
    if family not in corpus_checked:
        pytest.skip(f"the build writes no {family} files")
    texts, _ = corpus_checked[family]
    wanted = normalized(VECTORS[vector])
    assert any(wanted in normalized(text) for text in texts), f"{VECTORS[vector]!r} not found as text in {family}"


def test_the_template_vector_is_not_evaluated(corpus_out: Path) -> None:
    page = lxml.html.document_fromstring((corpus_out / "incidents" / "template" / "index.html").read_bytes())
    assert page.findtext(".//h1").strip() == VECTORS["template"]


def test_markdown_links_with_unsafe_schemes_are_not_links(corpus_out: Path) -> None:
    page = lxml.html.document_fromstring((corpus_out / "incidents" / "attribute" / "index.html").read_bytes())
    hrefs = [a.get("href") for a in page.iter("a")]
    assert "https://example.com/ok" in hrefs
    text = page.text_content()
    for written in ("[js](javascript:alert('js'))", "<javascript:alert('autolink')>", "[vbs](vbscript:msgbox('vbs'))",
                    "<script>alert('raw')</script>"):
        assert written in text, f"{written!r} should be shown as written"


def test_feeds_parse_in_a_real_reader(corpus_files: dict[str, list[Path]]) -> None:
    """feedparser, unsanitized: whatever it takes as HTML must be inert, whatever it takes as text exact."""
    feeds = [p for p in corpus_files.get("xml", []) if p.suffix in (".atom", ".rss") or p.name == "feed.xml"]
    if not feeds:
        pytest.skip("the build writes no feeds")
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes(), sanitize_html=False)
        assert not parsed.bozo, f"{path}: {parsed.bozo_exception}"
        details = [parsed.feed.get("title_detail"), parsed.feed.get("subtitle_detail")]
        for entry in parsed.entries:
            details += [entry.get("title_detail"), entry.get("summary_detail"), *entry.get("content", [])]
        for detail in filter(None, details):
            if detail["type"] in ("text/html", "application/xhtml+xml"):
                assert html_fragment_problems(detail["value"], str(path)) == []


def test_the_calendar_has_one_event_per_window(corpus_files: dict[str, list[Path]]) -> None:
    calendars = corpus_files.get("ics", [])
    if not calendars:
        pytest.skip("the build writes no calendar")
    events = icalendar.Calendar.from_ical(calendars[0].read_bytes()).walk("VEVENT")
    assert sorted(normalized(str(e["summary"])) for e in events) == sorted(map(normalized, VECTORS.values()))


def test_nothing_runs_in_a_browser_even_without_the_content_security_policy(browser, corpus_out: Path) -> None:
    """Chromium parses every page and badge as a reader's browser would, with the CSP switched off."""
    context = browser.new_context(bypass_csp=True, java_script_enabled=True)
    ran: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: (ran.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        paths = sorted([*corpus_out.rglob("*.html"), *corpus_out.rglob("*.svg")])
        for path in paths:
            page.goto(path.as_uri(), wait_until="load")
            found = page.evaluate("""() => {
                const all = [...document.querySelectorAll('*')];
                const scripts = all.filter(e => e.localName === 'script' && e.type !== 'application/ld+json');
                const handlers = all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')));
                const links = all.filter(e => !e.matches('link[rel~=icon]'))
                    .flatMap(e => [...e.attributes].filter(a => /href$|^src$|^action$/.test(a.name)))
                    .filter(a => /^\\s*(javascript|data|vbscript):/i.test(a.value));
                return [...scripts.map(s => 'script ' + s.outerHTML.slice(0, 80)),
                        ...handlers.map(a => 'handler ' + a.name), ...links.map(a => 'link ' + a.value)];
            }""")
            assert found == [], f"{path}: {found}"
        assert ran == []
        assert len(paths) >= len(VECTORS) * 2
    finally:
        context.close()


# Files: encodings, sizes, names, links and collisions, each a clear error or a correct page.

def build_result(root: Path, out: Path) -> tuple[int, str]:
    result = run("build", str(root), "--out", str(out), "--now", NOW)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "latin1.md").write_bytes(INCIDENT.replace("Some API", "Caf\xe9 API").encode("latin-1"))
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and "latin1.md:8: error: file is not valid UTF-8" in stderr


def test_a_bom_and_crlf_line_endings_give_the_same_page(tmp_path: Path) -> None:
    plain = write_site(tmp_path / "plain")
    windows = write_site(tmp_path / "windows")
    path = windows / "incidents" / "2026-03-14-api-errors.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    build(plain, tmp_path / "a", build_now(NOW))
    build(windows, tmp_path / "b", build_now(NOW))
    page = "incidents/2026-03-14-api-errors/index.html"
    assert (tmp_path / "a" / page).read_bytes() == (tmp_path / "b" / page).read_bytes()


@pytest.mark.parametrize("text, message", [
    ("", "incidents/empty.md:1: error: file does not start with front matter"),
    ("---\n", "incidents/empty.md:1: error: front matter opened with '---' is never closed"),
    ("---\n---\n", "incidents/empty.md:1: error: missing required key 'title'"),
    ("---\ntitle: x\n", "never closed"),
    ("\x1b[2J", "incidents/empty.md:1: error: file contains the character U+001B"),
    ("---\ntitle: a\x00\n", "incidents/empty.md:2: error: file contains a NUL character"),
])
def test_empty_and_truncated_files_are_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "empty.md").write_text(text)
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and message in stderr


def test_a_ten_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "huge.md").write_text(INCIDENT + "x" * (10 * 1024 * 1024))
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and "huge.md: error: file is larger than 5 MB" in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("registry", ["site.toml", "authors.toml", "components.toml"])
def test_an_empty_or_huge_registry_is_a_clear_error(tmp_path: Path, registry: str) -> None:
    root = write_site(tmp_path / "site")
    for content in (b"", b"# " + b"x" * (6 * 1024 * 1024)):
        (root / registry).write_bytes(content)
        result = run("check", str(root), "--now", NOW)
        assert "Traceback" not in result.stderr
        assert result.exit_code == 1 or registry == "components.toml", result.stderr
        assert result.exit_code == 0 or registry in result.stderr


def test_a_symlink_to_outside_the_site_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(INCIDENT.replace("Some API requests failed.", "the database password is hunter2"))
    root = write_site(tmp_path / "site")
    (root / "incidents" / "leak.md").symlink_to(secret)
    (root / "pages").mkdir()
    (root / "pages" / "passwd.md").symlink_to("/etc/passwd")
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1
    assert "leak.md: error: file is a link to outside the site; refused" in stderr
    assert "passwd.md: error: file is a link to outside the site; refused" in stderr
    assert not (tmp_path / "out").exists()


def test_a_symlink_inside_the_site_is_read(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "alias.md").symlink_to(root / "incidents" / "2026-03-14-api-errors.md")
    (root / "incidents" / "alias.md").unlink()
    (root / "drafts").mkdir()
    (root / "drafts" / "x.md").write_text(INCIDENT.replace("2026-03-14T09:12:00Z", "2026-03-14T09:13:00Z"))
    (root / "incidents" / "alias.md").symlink_to(root / "drafts" / "x.md")
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 0, stderr
    assert (tmp_path / "out" / "incidents" / "alias" / "index.html").is_file()


@pytest.mark.parametrize("name, slug", [
    ("Major outage in Zürich.md", "major-outage-in-zurich"),
    ("Ünïcödé ⚡ titel.md", "unicode-titel"),
    ("..hidden..md", None),
    ("...md", None),
    ("a..b.md", "a-b"),
    ("<script>alert(1)<:script>.md", "script-alert-1-script"),
    ("2026-03-14 API errors (again).md", "2026-03-14-api-errors-again"),
])
def test_file_names_become_safe_slugs(tmp_path: Path, name: str, slug: str | None) -> None:
    root = write_site(tmp_path / "site", defaults=True)
    (root / "incidents" / name).write_text(INCIDENT.replace("2026-03-14T09:12:00Z", "2026-03-14T09:13:00Z"))
    out = tmp_path / "out"
    code, stderr = build_result(root, out)
    if slug is None:  # a name starting with '.' is a hidden file, skipped like an editor's backup
        assert code == 0, stderr
        assert sorted(p.name for p in (out / "incidents").iterdir() if p.is_dir()) == ["2026-03-14-api-errors"]
        return
    assert code == 0, stderr
    assert (out / "incidents" / slug / "index.html").is_file()
    assert all(out.resolve() in p.resolve().parents for p in out.rglob("*"))


def test_a_name_that_makes_no_slug_is_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "⚡⚡.md").write_text(INCIDENT)
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and "cannot make a URL slug from the file name '⚡⚡.md'" in stderr


def test_two_files_that_map_to_one_slug_are_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    for name in ("API Errors.md", "api-errors.md", "api_errors!.md"):
        (root / "incidents" / name).write_text(INCIDENT)
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1
    assert "duplicate incident slug 'api-errors', also made by" in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("field, value, message", [
    ("title", '"a\\0b"', "'title' contains a NUL character"),
    ("title", '"a\\ud800b"', "'title' contains the character U+D800"),
    ("title", '"a\\x1b[31mred"', "'title' contains the character U+001B"),
    ("title", '"invoice\\u202egpj.exe"', "'title' contains the bidirectional control U+202E"),
    ("cause", '"<script>"', "'cause' '<script>' is not a valid id"),
    ("id", '"../../etc"', "'id' '../../etc' is not a valid id"),
    ("components", '["<img src=x>"]', "'components' '<img src=x>' is not a valid id"),
])
def test_text_no_output_can_carry_is_refused_with_its_line(tmp_path: Path, field: str, value: str,
                                                             message: str) -> None:
    incident = INCIDENT.replace("impact: major", f"impact: major\n{field}: {value}") if field != "title" else \
        INCIDENT.replace("title: Elevated error rates on the public API", f"title: {value}")
    if field == "components":
        incident = incident.replace("components: [api]\n", "")
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident})
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1, stderr
    assert message in stderr


def test_registry_text_no_output_can_carry_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    with (root / "authors.toml").open("a") as authors:
        authors.write('\n[mallory]\nname = "Alice Nguyen\\u202e"\nrole = "SRE\\u0000"\n')
    result = run("check", str(root), "--now", NOW)
    assert result.exit_code == 1
    assert "'name' contains the bidirectional control" in result.stderr
    assert "'role' contains a NUL character" in result.stderr


def test_build_never_writes_outside_the_output_whatever_the_names(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"pages/..%2f..%2fescape.md": "---\ntitle: x\n---\n\nx\n"})
    out = tmp_path / "deep" / "out"
    code, stderr = build_result(root, out)
    assert code == 0, stderr
    outside = [p for p in tmp_path.rglob("*") if not (p.is_relative_to(root) or p.is_relative_to(out))
               and p not in (tmp_path / "deep",)]
    assert outside == []


def test_check_and_build_report_errors_for_every_broken_file_at_once(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "binary.md").write_bytes(os.urandom(64) + b"\xff")
    (root / "incidents" / "empty.md").write_text("")
    (root / "maintenance").mkdir()
    (root / "maintenance" / "bad.md").write_text("---\ntitle: [unclosed\n---\n")
    with pytest.raises(SiteError) as raised:
        build(root, tmp_path / "out", build_now(NOW))
    paths = sorted({Path(p.path).name for p in raised.value.problems})
    assert paths == ["bad.md", "binary.md", "empty.md"]
    assert all(p.line for p in raised.value.problems)


def test_messages_cannot_steer_the_terminal_or_the_ci_log(tmp_path: Path) -> None:
    """A key or file name is quoted in the message with its control characters spelled out."""
    key = '"evil\\e]0;pwned\\a\\n::warning file=x::forged\\u202e": 1\n'
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": INCIDENT.replace(
        "impact: major\n", "impact: major\n" + key)})
    (root / "incidents" / "bell\a\x1b[31m.md").write_text("")
    result = run("check", str(root), "--now", NOW)
    assert result.exit_code == 1
    assert "unknown key 'evil\\x1b]0;pwned\\x07\\n::warning file=x::forged\\u202e'" in result.stderr
    assert "bell\\x07\\x1b[31m.md:1: error" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())
    assert not set(result.stderr) & {"\x1b", "\a", "\u202e"}


@pytest.mark.parametrize("registry, text, line", [
    ("authors.toml", "x.y = 1\n", 1),
    ("authors.toml", '# people\n\n"bob" . "role" = 1\n', 3),
    ("authors.toml", "# people\n[a . b]\nname = 'x'\n", 2),
    ("authors.toml", "# people\n[[x]]\nname = 'y'\n", 2),
    ("components.toml", "# parts\n[a.b.c]\nd = 1\n", 2),
    ("site.toml", 'title = "x"\nbase_url = "https://x.example/"\ntimezone = "UTC"\ncontact.email = 1\n', 4),
    ("site.toml", 'title = "x"\nbase_url = "https://x.example/"\ntimezone = "UTC"\n[x]\ny = 1\n', 4),
])
def test_a_registry_problem_names_its_line_however_keys_are_spelled(tmp_path: Path, registry: str, text: str,
                                                                    line: int) -> None:
    root = write_site(tmp_path / "site", {registry: text})
    problems = [p for p in check(root, build_now(NOW)).problems if p.path.endswith(registry)]
    assert problems and {p.line for p in problems} == {line}, [p.format() for p in problems]


def test_yaml_aliases_cannot_blow_up_the_front_matter(tmp_path: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": INCIDENT.replace(
        "impact: major\n", "impact: major\n" + laughs)})
    started = time.perf_counter()
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and "front matter is too large or nests aliases too deeply" in stderr
    assert time.perf_counter() - started < 5


class Payload:
    """A pickle that makes a folder when it is loaded: proof that loading ran the file's code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return os.mkdir, (str(self.marker),)


def test_a_planted_cache_never_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache directory shared with others (a CI cache) may hold anyone's files: they must stay inert."""
    from generator.source.cache import cache_dir

    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache"))
    root = write_site(tmp_path / "site")
    out = tmp_path / "out"
    assert build_result(root, out)[0] == 0
    cache = cache_dir(root)
    assert cache is not None
    record = cache / "builds" / (hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:32] + ".pickle")
    for number, path in enumerate((cache / "parse.pickle", record)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(Payload(tmp_path / f"ran-{number}")))
    (root / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("Some API", "Every API"))
    code, stderr = build_result(root, out)
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ran-")) == []
    assert "Every API" in (out / "incidents" / "2026-03-14-api-errors" / "index.html").read_text()


@pytest.mark.parametrize("registry, setting", [
    ("site.toml", 'base_url = "https://status.example.com/a\\n/* /evil 200\\n"'),
    ("site.toml", 'base_url = "https://status.example.com/a b/"'),
    ("site.toml", '[contact]\nurl = "https://example.com/\\r\\nX-Injected: 1"'),
    ("authors.toml", '[carol]\nname = "Carol"\nrole = "SRE"\nurl = "https://example.com/\\u2028x"'),
])
def test_a_url_with_a_line_break_is_refused_with_its_line(tmp_path: Path, registry: str, setting: str) -> None:
    base = 'title = "x"\ntimezone = "UTC"\n' + ('' if "base_url" in setting else 'base_url = "https://x.example/"\n')
    text = (base + setting + "\n") if registry == "site.toml" else setting + "\n"
    root = write_site(tmp_path / "site", {registry: text})
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1 and "contains a space or a line break" in stderr
    assert f"{registry}:" in stderr


@pytest.mark.parametrize("title", ["Status\\nBEGIN:VALARM", "Status\\rX-INJECTED:1", "Status\\r\\nATTACH:x;y,z"])
def test_line_breaks_in_the_site_title_stay_inside_their_calendar_line(tmp_path: Path, title: str) -> None:
    site = f'title = "{title}"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\n'
    root = write_site(tmp_path / "site", {"site.toml": site})
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 0, stderr
    _, found = check_ics((tmp_path / "out" / "maintenance.ics").read_bytes(), "maintenance.ics")
    assert found == []


# Nesting: data nested a thousand deep is a clear error naming its file, never a RecursionError.

DEEP = 1000


def deep(opening: str, closing: str, depth: int = DEEP) -> str:
    return opening * depth + closing * depth


@pytest.mark.parametrize(("relative", "text"), [
    ("incidents/2026-03-14-api-errors.md", INCIDENT.replace("impact: major", "impact: " + deep("[", "]"))),
    ("incidents/2026-03-14-api-errors.md", INCIDENT.replace("impact: major", "impact:\n" + "".join(
        " " * level + "- \n" for level in range(1, DEEP)) + " " * DEEP + "- x")),
    ("incidents/2026-03-14-api-errors.md", "+++\ntitle = 'x'\nimpact = " + deep("[", "]") + "\n+++\n"),
    ("site.toml", 'title = "x"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\nx = '
                  + deep("[", "]") + "\n"),
    ("authors.toml", "[alice]\nname = " + deep("[", "]") + "\n"),
    ("components.toml", "[api]\nname = " + deep("{a = ", "}") + "\n"),
])
@pytest.mark.parametrize("command", ["check", "build"])
def test_front_matter_and_registries_nested_a_thousand_deep_are_a_clear_error(
        tmp_path: Path, relative: str, text: str, command: str) -> None:
    root = write_site(tmp_path / "site")
    (root / relative).write_text(text, encoding="utf-8")
    out = ("--out", str(tmp_path / "out")) if command == "build" else ()
    result = run(command, str(root), *out, "--now", NOW)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    assert re.search(rf"{re.escape(relative)}:\d+: error: .*nested more than 64 levels deep", result.stderr)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("service", ["statuspage", "upptime"])
def test_an_export_nested_a_thousand_deep_is_a_clear_error(tmp_path: Path, service: str) -> None:
    export = tmp_path / "export.json"
    export.write_text('[{"name": ' + deep("[", "]", 900) + "}]")
    result = run("import", service, str(export), "--into", str(tmp_path / "site"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "export.json: error: the JSON is nested more than 64 levels deep" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_cstate_config_nested_a_thousand_deep_is_a_clear_error(tmp_path: Path) -> None:
    export = tmp_path / "cstate"
    (export / "content" / "issues").mkdir(parents=True)
    (export / "config.yml").write_text("params:\n  systems: " + deep("[", "]") + "\n")
    result = run("import", "cstate", str(export), "--into", str(tmp_path / "site"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "config.yml:1: error: the YAML is nested more than 64 levels deep" in result.stderr


def test_a_previous_feed_nested_a_thousand_deep_is_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "feed.json").write_text('{"items": [{"id": "a", "date_published": "2026-03-14T09:20:00Z", '
                                        '"_statusblog": {"signature": ' + deep("[", "]", 990) + "}}]}")
    result = run("notify", str(root), "--new", str(out), "--previous", str(previous), "--now", NOW)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "feed.json is not a feed statusblog wrote: it is nested more than 64 levels deep" in result.stderr


def test_a_link_inside_incidents_to_another_incident_is_refused_not_published_twice(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (root / "incidents" / "2026-03-15-again.md").symlink_to("2026-03-14-api-errors.md")
    code, stderr = build_result(root, tmp_path / "out")
    assert code == 1
    assert "2026-03-15-again.md: error: is a link to" in stderr and "2026-03-14-api-errors.md, which is " \
        "published already" in stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["Alice Nguyen", "Alice Ngu\u200byen", "\u0410lice Nguyen", "alice  nguyen",
                                  "Alice Nguy\u00ean", "Alice\u00a0Nguyen", "\uff21lice Nguyen"])
def test_a_second_author_named_like_alice_is_warned_about_and_fails_strict(tmp_path: Path, name: str) -> None:
    from tests.sites import AUTHORS_TOML

    root = write_site(tmp_path / "site", {"authors.toml": AUTHORS_TOML + f'\n[mallory]\nname = "{name}"\n'
                                                                         'role = "Intern"\n'})
    result = run("check", str(root), "--now", NOW, "--strict")
    assert result.exit_code == 1
    assert re.search(r"authors\.toml:\d+: warning: author 'mallory' has (the same name|a name that looks the "
                     r"same) as 'alice' \(line 1\)", result.stderr), result.stderr


def test_authors_with_different_names_are_not_warned_about(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    result = run("check", str(root), "--now", "2026-03-14T11:30:00Z", "--strict")
    assert "looks the same" not in result.stderr and "the same name" not in result.stderr
