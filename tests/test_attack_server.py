"""The dev server under attack: what a page in the user's browser, or anyone on the machine, can make it do.

`statusblog serve` shows drafts. It listens on 127.0.0.1 only; these tests walk the "network (dev server)"
row of the attack checklist over real HTTP: a foreign Host header (DNS rebinding), encoded path traversal,
protocol-relative redirects, odd `since` values, and more connections than it will hold.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

import generator.preview.server
from tests.sites import write_site
from tests.test_serve import INCIDENT, PAGE, Events, edit, get, serving

DRAFT = "Some API requests failed."


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


def ask(port: int, path: str, host: str | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request sent as written: the path is not normalised, and the Host header is the one given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers={"Host": host} if host is not None else {})
    response = connection.getresponse()
    result = response.status, dict(response.getheaders()), response.read()
    connection.close()
    return result


def test_it_listens_on_the_loopback_address_only(site: Path) -> None:
    with serving(site) as server:
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "[::1]:{port}", "LOCALHOST:{port}"])
def test_a_browser_on_this_machine_is_answered(site: Path, host: str) -> None:
    with serving(site) as server:
        port = server.server_address[1]
        status, _, body = ask(port, PAGE, host.format(port=port))
    assert status == 200 and DRAFT.encode() in body


@pytest.mark.parametrize("host", ["attacker.example:{port}", "attacker.example", "127.0.0.1.attacker.example:{port}",
                                  "localhost:1", "127.0.0.1", "", "localhost:{port}\r\nX: y"])
def test_a_rebound_name_cannot_read_drafts(site: Path, host: str) -> None:
    """A page at attacker.example re-points its name at 127.0.0.1: the browser then sends Host: attacker.example."""
    with serving(site) as server:
        port = server.server_address[1]
        for path in (PAGE, "/", "/api/v2/incidents.json", "/__statusblog/events?since=0"):
            try:
                status, _, body = ask(port, path, host.format(port=port))
            except ValueError:  # http.client itself refuses a header with a line break in it
                continue
            assert status == 421, (host, path)
            assert DRAFT.encode() not in body and b"retry:" not in body


@pytest.mark.parametrize("path", [
    "/../site.toml", "/..%2fsite.toml", "/%2e%2e/site.toml", "/%2E%2E%2Fsite.toml", "/static/../../site.toml",
    "/static/..%2f..%2fsite.toml", "/static/..%5c..%5csite.toml", "/static/%2e%2e%5c%2e%2e%5csite.toml",
    "/incidents/..%00/index.html", "/%252e%252e/site.toml", "/./index.html", "/%c0%ae%c0%ae/site.toml",
    "/" + "../" * 20 + "etc/passwd", "/..%2f" * 20 + "etc/passwd",
])
def test_encoded_path_traversal_reaches_no_file(site: Path, path: str) -> None:
    with serving(site) as server:
        status, headers, body = ask(server.server_address[1], path)
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert b"Page not found" in body
    assert b"base_url" not in body and b"root:" not in body and b"name = " not in body


@pytest.mark.parametrize("path", ["/%2Fhistory", "//history", "/%2F%2Fhistory", "//attacker.example/history",
                                  "/%2Fattacker.example%2Fhistory", "/%5Cattacker.example/history",
                                  "/\\attacker.example/history"])
def test_no_request_is_redirected_off_the_server(site: Path, path: str) -> None:
    with serving(site) as server:
        status, headers, _ = ask(server.server_address[1], path)
    location = headers.get("Location", "")
    assert not location.startswith(("//", "/\\", "\\")) and "://" not in location, location
    # Python's own request parsing folds a leading '//' into '/' (as a static host does): that is this server's
    # /history/, and the one redirect allowed.
    assert status == 404 or (status == 301 and location == "/history/"), (status, location)


def test_a_folder_without_its_slash_still_redirects_to_itself(site: Path) -> None:
    with serving(site) as server:
        status, headers, _ = ask(server.server_address[1], "/history")
    assert status == 301 and headers["Location"] == "/history/"


@pytest.mark.parametrize("since", ["\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663"
                                   "\u0664\u0665", "9" * 5000, "99999999999999999999", "-5", "1e9", "0x10", "", "%00"])
def test_an_odd_since_resumes_from_the_start_without_a_traceback(site: Path, since: str,
                                                                 capfd: pytest.CaptureFixture[str]) -> None:
    """Non-ASCII digits (which int() reads), 5,000 digits (which int() refuses) or a number past any generation:
    the stream opens and reloads the tab at once, as for a tab that never saw this server."""
    with serving(site) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=5)
        connection.request("GET", "/__statusblog/events?since=" + quote(since))  # as a browser sends it
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
        assert response.readline() == b"retry: 500\n"
        response.readline()
        assert response.readline() == b"event: reload\n"
        connection.close()
    assert "Traceback" not in capfd.readouterr().err


def test_event_streams_are_bounded_and_pages_stay_served(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.preview.server, "MAX_EVENT_STREAMS", 3)
    with serving(site) as server:
        tabs = [Events(server) for _ in range(3)]
        status, headers, body = ask(server.server_address[1], "/__statusblog/events?since=0")
        assert status == 503 and headers["Content-Type"].startswith("text/plain") and b"too many" in body
        assert get(server, PAGE)[0] == 200
        edit(server.preview.root, "Error rates are back to normal.", "Back to normal.")
        assert all(tab.reload() for tab in tabs)  # the streams that were let in still work
        tabs.pop().close()
        for _ in range(50):  # the closed tab's stream ends at its next write
            edit(server.preview.root, "Back to normal.", f"Back to normal ({_}).")
            edit(server.preview.root, f"Back to normal ({_}).", "Back to normal.")
            time.sleep(0.1)
            if ask(server.server_address[1], "/__statusblog/events?since=1", method="HEAD")[0] == 200:
                break
        else:
            pytest.fail("a closed stream's place was never freed")
        for tab in tabs:
            tab.close()


def test_connections_are_bounded_and_idle_ones_time_out(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.preview.server, "MAX_CONNECTIONS", 4)
    with serving(site) as server:
        port = server.server_address[1]
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
        for held in idle:
            held.sendall(b"GET / HTTP/1.1\r\n")  # a request that never ends
        time.sleep(0.2)
        refused = socket.create_connection(("127.0.0.1", port), timeout=5)
        refused.sendall(b"GET / HTTP/1.1\r\nHost: localhost:%d\r\n\r\n" % port)
        assert refused.recv(4096).startswith(b"HTTP/1.1 503 ")
        refused.close()
        time.sleep(generator.preview.server.Handler.timeout + 0.5)  # the idle ones are dropped
        assert get(server, PAGE)[0] == 200
        for held in idle:
            held.close()


class Tricklers:
    """Connections that each send one more byte of a request that never ends, more often than the idle timeout
    would drop them, from a thread of their own, until the server closes them."""

    REQUEST = b"GET / HTTP/1.1\r\nX-Slow: " + b"a" * 10_000

    def __init__(self, port: int, count: int, interval: float) -> None:
        self.sockets: list[socket.socket] = []
        for _ in range(count):
            self.sockets.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            self.sockets[-1].sendall(self.REQUEST[:1])
        self.sent = 1
        self.closed: set[int] = set()
        self.interval, self.stopping = interval, threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    def _trickle(self) -> None:
        while not self.stopping.wait(self.interval) and len(self.closed) < len(self.sockets):
            byte = self.REQUEST[self.sent:][:1]
            for number, held in enumerate(self.sockets):
                if number not in self.closed and not self._send(held, byte):
                    self.closed.add(number)
            self.sent += 1

    @staticmethod
    def _send(held: socket.socket, byte: bytes) -> bool:
        """Whether the connection is still open: the server closing it shows as end of stream or a reset."""
        try:
            held.setblocking(False)
            try:
                if held.recv(1) == b"":
                    return False
            except BlockingIOError:
                pass
            held.setblocking(True)
            held.sendall(byte)
            return True
        except OSError:
            return False

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()
        for held in self.sockets:
            held.close()


def test_connections_that_trickle_their_request_are_closed_at_the_deadline(site: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection sends a byte every 0.2 s, well inside the 1 s idle timeout, so only a deadline for the
    whole request frees their places: then a normal GET is answered, not 503, and every trickler is closed.

    The deadline is shortened to keep the test quick, and the listen queue lengthened so that 64 connections
    open at once (with Python's default of 5, every sixth waits a second for the kernel to retry it); the
    20 s below only catch a server that never frees its places."""
    monkeypatch.setattr(generator.preview.server, "REQUEST_SECONDS", 2.0)
    monkeypatch.setattr(generator.preview.server.DevServer, "request_queue_size", 128)
    interval = 0.2
    assert generator.preview.server.Handler.timeout >= 4 * interval
    with serving(site) as server:
        port = server.server_address[1]
        tricklers = Tricklers(port, generator.preview.server.MAX_CONNECTIONS, interval)
        try:
            time.sleep(interval)
            assert ask(port, PAGE, f"localhost:{port}")[0] == 503  # every place is taken
            deadline = time.monotonic() + 20
            while (status := ask(port, PAGE, f"localhost:{port}"))[0] != 200:
                assert status[0] == 503
                assert time.monotonic() < deadline, "connections trickling a request held every place for ever"
                time.sleep(interval)
            assert DRAFT.encode() in status[2]
            while len(tricklers.closed) < len(tricklers.sockets):
                assert time.monotonic() < deadline, "a trickling connection was never closed"
                time.sleep(interval)
        finally:
            tricklers.stop()


def test_an_event_stream_outlives_the_request_deadline(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline is for receiving a request, not for the answer: an open tab's stream still reloads it."""
    monkeypatch.setattr(generator.preview.server, "REQUEST_SECONDS", 0.5)
    with serving(site) as server:
        tab = Events(server)
        time.sleep(1.0)
        edit(server.preview.root, "Error rates are back to normal.", "Back to normal.")
        assert tab.reload()
        tab.close()
        assert get(server, PAGE)[0] == 200


def test_the_draft_file_is_what_is_served_not_what_is_on_disk_elsewhere(site: Path) -> None:
    """The server answers from the site it built, never from the file system: a file beside the site is not a page."""
    (site.parent / "secret.txt").write_text("top secret", encoding="utf-8")
    with serving(site) as server:
        for path in ("/../secret.txt", "/..%2fsecret.txt", "/incidents/../../secret.txt"):
            status, _, body = ask(server.server_address[1], path)
            assert status == 404 and b"top secret" not in body
        assert INCIDENT.endswith(".md") and ask(server.server_address[1], "/" + INCIDENT)[0] == 404
