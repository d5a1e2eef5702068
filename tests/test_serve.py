"""`statusblog serve`: the live preview, over real HTTP on 127.0.0.1 and in Chromium.

The server runs in-process (started and stopped by each test) except where
the test is about the process itself (Ctrl-C). Files are edited the way an
editor saves them, and the tests wait for what a browser would see: the reload
event, the new page, the error banner over the last good page.
"""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.core.times import build_now
from generator.preview.server import DevServer, allow_preview
from tests.sites import write_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-03-20T12:00:00Z"
INCIDENT = "incidents/2026-03-14-api-errors.md"
PAGE = "/incidents/2026-03-14-api-errors/"


@contextmanager
def serving(root: Path, lines: list[str] | None = None) -> Iterator[DevServer]:
    server = DevServer(root, 0, build_now(NOW), say=(lines.append if lines is not None else lambda _line: None))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def get(server: DevServer, path: str) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8")


class Events:
    """The server-sent event stream, read as a browser's EventSource would."""

    def __init__(self, server: DevServer) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        self.connection.request("GET", f"/__statusblog/events?since={server.preview.served.generation}")
        self.response = self.connection.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"

    def reload(self) -> int:
        """Wait for the next reload event; its data is the new generation."""
        while not (line := self.response.readline()).startswith(b"event: reload"):
            assert line, "the event stream ended"
        return int(self.response.readline().removeprefix(b"data: "))

    def close(self) -> None:
        self.connection.close()


def edit(root: Path, old: str, new: str, relative: str = INCIDENT) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


def test_a_saved_incident_reloads_the_browser_with_the_edit(site: Path) -> None:
    lines: list[str] = []
    with serving(site, lines) as server:
        status, _, body = get(server, PAGE)
        assert status == 200 and "Error rates are back to normal." in body
        assert '<script src="/__statusblog/reload.js"' in body and body.index("reload.js") < body.rindex("</body>")
        events = Events(server)
        edit(site, "Error rates are back to normal.", "Error rates have been normal since 10:51.")
        events.reload()
        assert "Error rates have been normal since 10:51." in get(server, PAGE)[2]
        events.close()
    assert any(line.startswith("rebuilt in ") and line.endswith("2026-03-14-api-errors.md") for line in lines), lines


def test_a_site_broken_from_the_start_does_not_promise_a_last_good_version(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    path = root / INCIDENT
    path.write_text(path.read_text(encoding="utf-8").replace("· resolved · bob", "· resolvd · bob"), encoding="utf-8")
    with serving(root) as server:
        status, _, body = get(server, PAGE)
    assert status == 503 and "update status &#x27;resolvd&#x27;" in body
    assert "last good version" not in body and "no good version of this page to show yet" in body


def test_a_broken_edit_shows_its_error_over_the_last_good_site(site: Path) -> None:
    lines: list[str] = []
    with serving(site, lines) as server:
        events = Events(server)
        edit(site, "· resolved · bob", "· resolvd · bob")
        events.reload()
        status, _, body = get(server, PAGE)
        assert status == 200 and "Error rates are back to normal." in body  # the last good page
        assert 'id="statusblog-errors" role="alert"' in body
        assert "2026-03-14-api-errors.md:14: error: update status &#x27;resolvd&#x27;" in body
        assert any("2026-03-14-api-errors.md:14: error: update status 'resolvd'" in line for line in lines)
        assert "statusblog-errors" in get(server, "/")[2]  # every page says so
        edit(site, "· resolvd · bob", "· resolved · bob")
        events.reload()
        assert "statusblog-errors" not in get(server, PAGE)[2]
        events.close()


def test_a_registry_change_reads_the_site_again(site: Path) -> None:
    with serving(site) as server:
        events = Events(server)
        edit(site, 'name = "Public API"', 'name = "Public REST API"', "components.toml")
        events.reload()
        assert "Public REST API" in get(server, PAGE)[2]
        edit(site, 'name = "Bob Okafor"', "name = ", "authors.toml")
        events.reload()
        body = get(server, PAGE)[2]
        assert "authors.toml:" in body and "Public REST API" in body
        events.close()


def test_a_template_syntax_error_is_shown_with_its_file_and_line(site: Path) -> None:
    (site / "templates").mkdir()
    with serving(site) as server:
        events = Events(server)
        (site / "templates" / "page.html").write_text("{% extends 'base.html' %}\n{% block main %}{% if %}\n",
                                                      encoding="utf-8")
        events.reload()
        body = get(server, "/")[2]
        assert "templates/page.html:2: error: template error:" in body
        events.close()


def test_a_burst_of_saves_is_one_rebuild(site: Path) -> None:
    with serving(site) as server:
        events = Events(server)
        before = server.preview.served.generation
        for number in range(10):
            edit(site, "Some API requests failed.", f"Some API requests failed ({number}).")
            edit(site, f"Some API requests failed ({number}).", "Some API requests failed.")
        edit(site, "Some API requests failed.", "Some API requests failed, then recovered.")
        events.reload()
        time.sleep(0.3)
        assert server.preview.served.generation - before < 5  # 21 saves
        assert "then recovered" in get(server, PAGE)[2]
        events.close()


def test_urls_work_as_on_a_static_host(site: Path) -> None:
    with serving(site) as server:
        status, headers, _ = get(server, PAGE.rstrip("/"))
        assert status == 301 and headers["Location"] == PAGE
        status, headers, body = get(server, "/no/such/page/")
        assert status == 404 and "reload.js" in body
        status, headers, body = get(server, "/static/style.css")
        assert status == 200 and headers["Content-Type"].startswith("text/css") and "reload.js" not in body
        assert get(server, "/__statusblog/reload.js")[1]["Content-Type"].startswith("text/javascript")


def test_stopping_leaves_no_thread_behind(site: Path) -> None:
    before = set(threading.enumerate())
    with serving(site) as server:
        Events(server)  # an open browser tab, never closed
        get(server, "/")
    assert set(threading.enumerate()) == before


def test_the_page_policy_allows_only_the_preview_s_own_script() -> None:
    policy = allow_preview("default-src 'none'; script-src 'none'; style-src 'self'")
    assert policy == "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'"


def test_the_build_never_contains_the_reload_script(tmp_path: Path, site: Path) -> None:
    from tests.sites import run

    assert run("build", str(site), "--out", str(tmp_path / "out"), "--now", NOW).exit_code == 0
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or b"__statusblog" not in path.read_bytes(), path


def ignore_ctrl_c() -> None:
    """What `trap '' INT` in a shell (or a job started in the background) hands down to its children."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize(("stop", "inherited"), [
    (signal.SIGINT, signal.SIG_DFL),
    (signal.SIGINT, signal.SIG_IGN),  # a test runner started from a backgrounded shell
    (signal.SIGTERM, signal.SIG_DFL),  # kill, a service manager, a container stopping
], ids=["ctrl-c", "ctrl-c-with-sigint-ignored-by-the-parent", "sigterm"])
def test_ctrl_c_stops_the_server_promptly_and_cleanly(site: Path, stop: signal.Signals,
                                                      inherited: signal.Handlers) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", str(site), "--port", "0", "--now", NOW],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=ignore_ctrl_c if inherited == signal.SIG_IGN else None)
    try:
        lines = []
        while not (line := process.stdout.readline()).startswith("serving "):  # type: ignore[union-attr]
            assert line, process.stderr.read()  # type: ignore[union-attr]
            lines.append(line)
        url = line.split(" at ")[1].split()[0]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        held = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # an open tab's event stream
        held.request("GET", "/__statusblog/events")
        held.getresponse()
        started = time.monotonic()
        process.send_signal(stop)
        assert process.wait(timeout=10) == 0
        assert time.monotonic() - started < 5
        assert process.stdout.read().splitlines() == ["stopping"]  # type: ignore[union-attr]
        assert "Traceback" not in process.stderr.read()  # type: ignore[union-attr]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_head_answers_what_get_would_without_the_body(site: Path) -> None:
    with serving(site) as server:
        for path, status in ((PAGE, 200), ("/feed.xml", 200), ("/no/such/page/", 404), (PAGE.rstrip("/"), 301)):
            _, got_headers, got_body = get(server, path)
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("HEAD", path)
            response = connection.getresponse()
            assert response.status == status, path
            assert response.read() == b""
            assert response.getheader("Content-Type") == got_headers["Content-Type"]
            assert int(response.getheader("Content-Length")) == len(got_body.encode())
            connection.close()


def test_an_unknown_path_gets_the_site_s_own_404_page(site: Path) -> None:
    with serving(site) as server:
        status, headers, body = get(server, "/no/such/page/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<title>Page not found · Example Status</title>" in body and "<h1>Page not found</h1>" in body


@pytest.mark.browser
def test_chromium_sees_the_edit_then_the_error_then_the_fix(site: Path, browser: Browser) -> None:
    from playwright.sync_api import expect

    with serving(site) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(server.url + PAGE.lstrip("/"))
            expect(page.locator("main")).to_contain_text("Error rates are back to normal.")
            edit(site, "Error rates are back to normal.", "Edited while watching.")
            expect(page.locator("main")).to_contain_text("Edited while watching.", timeout=10_000)
            edit(site, "· resolved · bob", "· resolvd · bob")
            expect(page.locator("#statusblog-errors")).to_contain_text("2026-03-14-api-errors.md:14", timeout=10_000)
            expect(page.locator("main")).to_contain_text("Edited while watching.")
            edit(site, "· resolvd · bob", "· resolved · bob")
            expect(page.locator("#statusblog-errors")).to_have_count(0, timeout=10_000)
            expect(page.locator("main")).to_contain_text("Edited while watching.")
        finally:
            context.close()
