"""`statusblog notify`: each new feed entry reaches each channel once, for real over loopback.

The JSON webhook, the Statuspage-format webhook and the WebSub hub are HTTP
servers on 127.0.0.1, email goes to an aiosmtpd server on 127.0.0.1, and
Slack, Discord and Teams are checked where Apprise hands its request to
`requests`. Every test runs notify a second time with the output it just
announced as the previous one, and asserts that nothing more arrives.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs

import feedparser
import pytest
import requests
import yaml
from aiosmtpd.controller import Controller

from generator.authoring.newsite import workflow_text
from generator.notify import channels
from tests.conftest import REPO
from tests.sites import INCIDENT, run, write_site
from tests.support.http import serve_directory

FIRST = "2026-03-14T09:30:00Z"   # the investigating update is out
SECOND = "2026-03-14T11:30:00Z"  # the resolved update is out too
RESOLVED_ID = "tag:status.example.com,2026-03-14:incidents/2026-03-14-api-errors/u-20260314T110200Z"
INCIDENT_URL = "https://status.example.com/incidents/2026-03-14-api-errors/"
MAINTENANCE = """\
---
title: Database upgrade
scheduled_start: 2026-03-14T10:00:00Z
scheduled_end: 2026-03-14T10:45:00Z
components: [dashboard]
---

We upgrade the dashboard's database.

## 2026-03-14 10:00 UTC · in_progress · alice

The upgrade has started.
"""
TECHNICAL_INCIDENT = INCIDENT + """
### Technical details

Pool size raised from 40 to 80 on db-primary-3.
"""


@dataclass
class Recorder:
    """An HTTP endpoint on 127.0.0.1 that keeps every POST and answers as told."""

    url: str
    requests: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    status: int = 200
    delay: float = 0.0

    def bodies(self, path: str = "") -> list[bytes]:
        return [body for where, _headers, body in self.requests if where.startswith(path)]


@contextmanager
def recorder(status: int = 200, delay: float = 0.0) -> Iterator[Recorder]:
    class Handler(BaseHTTPRequestHandler):
        record: ClassVar[Recorder]

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.record.requests.append((self.path, dict(self.headers), body))
            time.sleep(self.record.delay)
            self.send_response(self.record.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    Handler.record = Recorder(f"http://127.0.0.1:{server.server_address[1]}", status=status, delay=delay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Handler.record
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same three tries, without a second's pause between them."""
    monkeypatch.setattr(channels, "BACKOFF", 0.01)


def channel(name: str, env: str, extra: str = "") -> str:
    return f'\n[[notify]]\nname = "{name}"\nurl = "env:{env}"\n{extra}\n'


def site_with(tmp_path: Path, notify: str, incident: str | None = None, hub: str = "") -> Path:
    settings = 'title = "Example Status"\nbase_url = "https://status.example.com/"\ntimezone = "America/Chicago"\n'
    settings += 'language = "en"\n' + (f'websub_hub = "{hub}"\n' if hub else "")
    files = {"site.toml": settings + notify}
    if incident is not None:
        files["incidents/2026-03-14-api-errors.md"] = incident
    return write_site(tmp_path / "site", files)


def publish(tmp_path: Path, root: Path) -> tuple[Path, Path]:
    """The site as published after the first update, and as built after the second."""
    before, after = tmp_path / "before", tmp_path / "after"
    assert run("build", str(root), "--out", str(before), "--now", FIRST).exit_code == 0
    assert run("build", str(root), "--out", str(after), "--now", SECOND).exit_code == 0
    return before, after


def notify(root: Path, new: Path, previous: str, *more: str) -> Any:
    return run("notify", str(root), "--new", str(new), "--previous", previous, "--now", SECOND, *more)


def test_json_and_statuspage_webhooks_and_the_hub_get_each_new_entry_once(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks, recorder() as hub:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        monkeypatch.setenv("STATUSPAGE_HOOK", f"{hooks.url}/statuspage")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK") +
                         channel("Zulip", "STATUSPAGE_HOOK", 'format = "statuspage"'),
                         TECHNICAL_INCIDENT, hub=f"{hub.url}/hub")
        before, after = publish(tmp_path, root)

        result = notify(root, after, str(before))
        assert result.exit_code == 0, result.output
        assert "sent 1 entry to 'Ops JSON'" in result.output

        [sent] = [json.loads(body) for body in hooks.bodies("/json")]
        assert sent["title"] == "[Resolved] Elevated error rates on the public API"
        assert sent["type"] == "success"  # a resolved incident is good news; open ones are warnings
        message = sent["message"]
        assert "Resolved" in message and "Error rates are back to normal." in message
        assert "Mar 14, 2026, 6:02\u202fAM CDT" in message and "2026-03-14 11:02 UTC" in message
        assert "Bob Okafor, Database Engineer" in message
        assert INCIDENT_URL + "#u-20260314T110200Z" in message
        assert "Pool size" not in message and "Technical details" not in message

        incident, component = [json.loads(body) for body in hooks.bodies("/statuspage")]
        assert incident["page"]["status_indicator"] == "none"
        assert incident["incident"]["name"] == "Elevated error rates on the public API"
        assert incident["incident"]["status"] == "resolved"
        assert [u["status"] for u in incident["incident"]["incident_updates"]] == ["resolved", "investigating"]
        assert component["component_update"]["old_status"] == "partial_outage"
        assert component["component_update"]["new_status"] == "operational"
        assert component["component"]["name"] == "Public API"

        pinged = sorted(parse_qs(body.decode())["hub.url"][0] for body in hub.bodies("/hub"))
        assert pinged == sorted([
            "https://status.example.com/feed.xml", "https://status.example.com/feed.atom",
            "https://status.example.com/components/api/feed.xml",
            "https://status.example.com/components/api/feed.atom", INCIDENT_URL + "feed.atom"])
        assert all(parse_qs(body.decode())["hub.mode"] == ["publish"] for body in hub.bodies("/hub"))

        again = notify(root, after, str(after))
        assert again.exit_code == 0 and "0 new entries" in again.output
        assert len(hooks.requests) == 3 and len(hub.requests) == 5


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def test_email_reaches_an_smtp_server_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mailbox = Mailbox()
    with socket.socket() as probe:  # a free port: aiosmtpd needs one to be named
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        monkeypatch.setenv("MAIL_URL", f"mailto://127.0.0.1:{port}?from=status@example.com&to=ops@example.com")
        root = site_with(tmp_path, channel("Ops mail", "MAIL_URL"))
        before, after = publish(tmp_path, root)
        result = notify(root, after, str(before))
        assert result.exit_code == 0, result.output
        [mail] = mailbox.messages
        assert mail.rcpt_tos == ["ops@example.com"]
        text = mail.content.decode("utf-8", "replace")
        assert "[Resolved] Elevated error rates on the public API" in text
        assert "Error rates are back to normal." in text
        assert notify(root, after, str(after)).exit_code == 0
        assert len(mailbox.messages) == 1
    finally:
        controller.stop()


class FakeResponse:
    status_code = 200
    content = b"ok"
    text = "ok"
    headers: ClassVar[dict[str, str]] = {}

    def json(self) -> dict[str, Any]:
        return {"ok": True}

    def __enter__(self) -> FakeResponse:
        return self

    def __exit__(self, *args: Any) -> None:
        pass


def test_slack_discord_and_teams_get_the_request_apprise_builds(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[str, str, Any]] = []

    def request(self: requests.Session, method: str, url: str, **kwargs: Any) -> FakeResponse:
        sent.append((method, url, json.loads(kwargs["data"]) if kwargs.get("data") else None))
        return FakeResponse()

    monkeypatch.setattr(requests.Session, "request", request)
    slack = "https://hooks.slack.com/services/T1ABCDEF/B1ABCDEF/SECRETtoken1234567890ab"
    discord = "https://discord.com/api/webhooks/1234567890/SECRETtokenABCDEFG"
    teams = ("https://prod-00.westus.logic.azure.com:443/workflows/abc123def/triggers/manual/paths/invoke"
             "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=SECRETsig123456")
    for name, url in (("SLACK_URL", slack), ("DISCORD_URL", discord), ("TEAMS_URL", teams)):
        monkeypatch.setenv(name, url)
    root = site_with(tmp_path, channel("Slack", "SLACK_URL") + channel("Discord", "DISCORD_URL") +
                     channel("Teams", "TEAMS_URL"))
    before, after = publish(tmp_path, root)
    result = notify(root, after, str(before))
    assert result.exit_code == 0, result.output

    by_host = {url.split("/")[2].split(":")[0]: body for method, url, body in sent if method.upper() == "POST"}
    assert len(sent) == 3
    slack_text = json.dumps(by_host["hooks.slack.com"])
    assert "Elevated error rates on the public API" in slack_text and "Error rates are back to normal." in slack_text
    discord_body = by_host["discord.com"]
    assert "Error rates are back to normal." in json.dumps(discord_body)
    teams_text = json.dumps(by_host["prod-00.westus.logic.azure.com"])
    assert "Bob Okafor, Database Engineer" in teams_text
    assert all(secret not in result.output for secret in ("SECRETtoken", "SECRETsig"))

    assert notify(root, after, str(after)).exit_code == 0
    assert len(sent) == 3


def test_a_failing_channel_does_not_stop_the_others_and_is_named_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as good, recorder(status=500) as broken, recorder(delay=3) as slow:
        monkeypatch.setenv("GOOD_HOOK", f"{good.url}/good?token=SECRET-good-0001")
        monkeypatch.setenv("BROKEN_HOOK", f"{broken.url}/broken?token=SECRET-broken-0002")
        monkeypatch.setenv("SLOW_HOOK", f"{slow.url}/slow?token=SECRET-slow-0003")
        monkeypatch.delenv("UNSET_HOOK", raising=False)
        statuspage = 'format = "statuspage"\ntimeout = 1'
        root = site_with(tmp_path, channel("Broken", "BROKEN_HOOK", statuspage) +
                         channel("Slow", "SLOW_HOOK", statuspage) + channel("Unset", "UNSET_HOOK") +
                         channel("Good", "GOOD_HOOK", 'format = "statuspage"'))
        before, after = publish(tmp_path, root)
        result = notify(root, after, str(before))

        assert result.exit_code == 1
        assert len(good.bodies("/good")) == 2  # the incident, and the component it set back to operational
        assert len(broken.requests) == channels.ATTEMPTS
        errors = [line for line in result.stderr.splitlines() if line.startswith("notify: error:")]
        assert errors == [
            f"notify: error: 'Broken': HTTP 500 (3 tries); sent 0, missed 1: {RESOLVED_ID}",
            f"notify: error: 'Slow': no answer within 1 s (3 tries); sent 0, missed 1: {RESOLVED_ID}",
            f"notify: error: 'Unset': environment variable UNSET_HOOK is not set; sent 0, missed 1: {RESOLVED_ID}",
        ]
        assert "--channel Broken --channel Slow --channel Unset" in result.stderr
        assert "SECRET" not in result.output

        retry = notify(root, after, str(before), "--channel", "Broken", "--entry", RESOLVED_ID)
        assert retry.exit_code == 1 and len(good.requests) == 2 and not slow.requests[3:]


def test_dry_run_prints_each_message_and_sends_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
        before, after = publish(tmp_path, root)
        result = notify(root, after, str(before), "--dry-run")
        assert result.exit_code == 0
        assert "== Ops JSON: 1 to send" in result.output
        assert "-- [Resolved] Elevated error rates on the public API" in result.output
        assert "Error rates are back to normal." in result.output
        assert hooks.requests == []


def test_first_publish_sends_nothing_unless_asked_and_an_unreadable_previous_is_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
        _before, after = publish(tmp_path, root)

        first = notify(root, after, "none")
        assert first.exit_code == 0 and "nothing is sent" in first.output and hooks.requests == []

        for unreadable in (str(tmp_path / "missing"), f"{hooks.url}/no-site-here/"):
            failed = notify(root, after, unreadable)
            assert failed.exit_code == 1 and "nothing was sent" in failed.stderr
            assert "Traceback" not in failed.output
        assert hooks.requests[1:] == [] and not hooks.bodies("/json")

        everything = notify(root, after, "none", "--send-first")
        assert everything.exit_code == 0 and len(hooks.bodies("/json")) == 2


def test_the_previous_site_can_be_read_from_its_base_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
        before, after = publish(tmp_path, root)
        with serve_directory(before) as live:
            result = notify(root, after, live)
        assert result.exit_code == 0, result.output
        assert len(hooks.bodies("/json")) == 1


def test_a_live_site_that_fails_is_not_taken_for_a_first_publish(tmp_path: Path) -> None:
    root = site_with(tmp_path, "")
    _before, after = publish(tmp_path, root)
    with recorder() as broken:  # answers every GET with 501, as a server without the method does
        failed = notify(root, after, broken.url)
    assert failed.exit_code != 0 and "HTTP 501" in failed.output
    assert "--previous none" not in failed.output and "re-run when the live site answers" in failed.output
    (tmp_path / "empty").mkdir()
    with serve_directory(tmp_path / "empty") as nothing_yet:
        missing = notify(root, after, nothing_yet)
    assert missing.exit_code != 0 and "HTTP 404" in missing.output and "--previous none" in missing.output


def test_channel_filters_choose_components_impact_and_maintenance(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        for name in ("API", "DASHBOARD", "CRITICAL", "NOMAINT"):
            monkeypatch.setenv(f"{name}_HOOK", f"json://{hooks.url.removeprefix('http://')}/{name.lower()}")
        root = site_with(tmp_path, channel("API", "API_HOOK", 'components = ["api"]') +
                         channel("Dashboard", "DASHBOARD_HOOK", 'components = ["dashboard"]') +
                         channel("Critical", "CRITICAL_HOOK", 'min_impact = "critical"') +
                         channel("No maintenance", "NOMAINT_HOOK", "maintenance = false"))
        write_site(root, {"maintenance/2026-03-14-db.md": MAINTENANCE}, defaults=False)
        before, after = publish(tmp_path, root)
        assert notify(root, after, str(before)).exit_code == 0

        def titles(name: str) -> list[str]:
            return [json.loads(body)["title"] for body in hooks.bodies(f"/{name}")]

        assert titles("api") == ["[Resolved] Elevated error rates on the public API"]
        # The window closed at 10:45 with no update written for it: the schedule's own notice says so.
        window = ["[In progress] Database upgrade", "[Completed] Database upgrade"]
        assert titles("dashboard") == window
        assert titles("critical") == window  # impact is an incident's; maintenance has its own switch
        assert titles("nomaint") == ["[Resolved] Elevated error rates on the public API"]


def test_an_indonesian_site_sends_its_messages_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
        toml = root / "site.toml"
        toml.write_text(toml.read_text().replace('language = "en"', 'language = "id"'))
        before, after = publish(tmp_path, root)
        assert notify(root, after, str(before)).exit_code == 0
        [sent] = [json.loads(body) for body in hooks.bodies("/json")]
        assert sent["title"] == "[Selesai] Elevated error rates on the public API"
        assert "Ditandatangani oleh Bob Okafor" in sent["message"]
        assert "Baca di halaman status:" in sent["message"]


def test_a_url_apprise_cannot_read_fails_alone_without_printing_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAD_URL", "slack://SECRETtoken1234/notenough")
    root = site_with(tmp_path, channel("Slack", "BAD_URL"))
    before, after = publish(tmp_path, root)
    result = notify(root, after, str(before))
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("notify: error:")]
    assert line.startswith("notify: error: 'Slack': Apprise cannot read the URL")
    assert "SECRETtoken" not in result.output


def test_a_secret_written_into_site_toml_is_refused_without_repeating_it(tmp_path: Path) -> None:
    secret = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX"
    root = site_with(tmp_path, f'\n[[notify]]\nname = "Slack"\nurl = "{secret}"\nformt = "statuspage"\n'
                               '\n[[notify]]\nname = "Hooks"\nurl = "env:HOOK"\ncomponents = ["apii"]\n')
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "site.toml:8: error: 'url' must name the environment variable" in result.stderr
    assert "site.toml:9: error: unknown key 'formt' in [[notify]]" in result.stderr
    assert "did you mean 'format'?" in result.stderr
    assert "XXXXSECRET" not in result.output


def test_an_unknown_component_in_a_channel_is_an_error(tmp_path: Path) -> None:
    root = site_with(tmp_path, channel("Hooks", "HOOK", 'components = ["apii"]'))
    result = run("check", str(root))
    assert result.exit_code == 1
    assert "site.toml:6: error: unknown component 'apii'" in result.stderr
    assert "did you mean 'api'?" in result.stderr


def test_websub_hub_puts_hub_and_self_links_in_every_rss_and_atom_feed(tmp_path: Path) -> None:
    root = site_with(tmp_path, "", hub="https://hub.example.net/")
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", SECOND).exit_code == 0
    for path in ("feed.xml", "feed.atom", "components/api/feed.xml", "components/api/feed.atom",
                 "incidents/2026-03-14-api-errors/feed.atom"):
        links = {link["rel"]: link["href"] for link in feedparser.parse((out / path).read_bytes()).feed.links}
        assert links["hub"] == "https://hub.example.net/"
        assert links["self"] == f"https://status.example.com/{path}"


def test_the_subscribe_page_lists_each_channel_with_its_own_text(tmp_path: Path) -> None:
    root = site_with(tmp_path, channel("Community Slack", "SLACK", 'subscribe = "Join #status at https://chat.example.com/"') +
                     channel("Ops list", "LIST", 'subscribe = "Write to javascript:alert(1) to join"') +
                     channel("Internal", "INTERNAL"))
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", SECOND).exit_code == 0
    page = (out / "subscribe/index.html").read_text()
    assert "Community Slack" in page and 'Join #status at <a href="https://chat.example.com/"' in page
    assert "Write to javascript:alert(1) to join" in page and 'href="javascript' not in page
    assert "Internal" not in page


@pytest.mark.parametrize("workflow", ["publish.yml", "init", "init --action"])
def test_publishing_reads_the_live_feed_before_deploying_and_notifies_only_after_a_deploy(workflow: str) -> None:
    if workflow == "publish.yml":
        text = (REPO / ".github" / "workflows" / workflow).read_text(encoding="utf-8")
    else:
        text = workflow_text("harbor/statusblog@v1" if workflow.endswith("--action") else None)
    jobs = yaml.safe_load(text)["jobs"]
    build_steps = [step.get("run", "") + step.get("name", "") for step in jobs["build"]["steps"]]
    snapshot = next(index for index, step in enumerate(build_steps) if "/feed.json" in step and "curl" in step)
    assert snapshot < next(index for index, step in enumerate(build_steps) if step.startswith("Keep the built site"))
    notify_job = jobs["notify"]
    assert set(notify_job["needs"]) == {"build", "netlify", "cloudflare", "github-pages"}
    assert "!contains(needs.*.result, 'failure')" in notify_job["if"]
    if workflow.endswith("--action"):
        (send,) = [step for step in notify_job["steps"] if step.get("uses") == "harbor/statusblog@v1"]
        assert send["with"] == {"command": "notify", "site": ".", "out": "public", "previous-file": "live/previous"}
        return
    run_lines = "\n".join(step.get("run", "") for step in notify_job["steps"])
    assert 'notify' in run_lines and '--new public --previous "$(cat live/previous)"' in run_lines


def test_an_entry_that_fell_off_the_end_of_a_full_previous_feed_is_not_announced_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, 'feed_limit = 2\n' + channel("Ops JSON", "JSON_HOOK"))
        later = root / "incidents/2026-03-14-dashboard.md"
        later.write_text("---\ntitle: Dashboard slow\nimpact: minor\ncomponents: [dashboard]\n"
                         "started: 2026-03-14T11:05:00Z\n---\n\nSlow pages.\n\n"
                         "## 2026-03-14 11:10 UTC · investigating · alice\n\nLooking.\n")
        live = tmp_path / "live"
        assert run("build", str(root), "--out", str(live), "--now", SECOND).exit_code == 0
        later.unlink()  # the newest incident is withdrawn: the feed's window now reaches one entry further back
        out = tmp_path / "out"
        assert run("build", str(root), "--out", str(out), "--now", SECOND).exit_code == 0
        result = notify(root, out, str(live))
        assert result.exit_code == 0
        assert "0 new entries (1 older ones left out" in result.output
        assert hooks.requests == []


def test_a_previous_feed_of_another_site_is_refused(tmp_path: Path) -> None:
    root = site_with(tmp_path, "")
    before, after = publish(tmp_path, root)
    feed = json.loads((before / "feed.json").read_text())
    feed["home_page_url"] = "https://status.other.example/"
    (before / "feed.json").write_text(json.dumps(feed))
    result = notify(root, after, str(before))
    assert result.exit_code == 1
    assert "is another site (https://status.other.example/, not https://status.example.com/)" in result.stderr


def test_every_format_site_toml_may_name_has_one_entry_in_the_table() -> None:
    """A notify format is one entry of notify/formats.FORMATS, under a name core.model.NOTIFY_FORMATS lets
    site.toml use (and `check` refuses any other)."""
    from generator.core.model import NOTIFY_FORMATS
    from generator.notify.formats import FORMATS

    assert tuple(FORMATS) == NOTIFY_FORMATS
    assert all(entry.name == name for name, entry in FORMATS.items())


WEBHOOKS = REPO / "tests" / "fixtures" / "statuspage-webhooks"
BEFORE_ANY = "2026-03-14T09:00:00Z"  # the incident has started, nothing of it is published yet


def zulip_reads(body: dict[str, Any]) -> tuple[str, str]:
    """(topic, message) as Zulip's Statuspage integration makes them: the fields it reads, nothing else."""
    description = body["page"]["status_description"]
    if "incident" in body:
        incident = body["incident"]
        return (f"{incident['name']}: {description}",
                f"{incident['status']}: {incident['incident_updates'][0]['body']}")
    update = body["component_update"]
    return (f"{body['component']['name']}: {description}",
            f"{update['old_status']} -> {update['new_status']}")


def keys(value: Any) -> set[str]:
    """Every key path of a JSON value, lists read through their first element."""
    if isinstance(value, dict):
        return {f"{key}.{inner}".rstrip(".") for key, item in value.items() for inner in keys(item) | {""}}
    if isinstance(value, list) and value:
        return keys(value[0])
    return set()


def statuspage_bodies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """One publish that carries both updates of the incident, sent to a Statuspage-format webhook."""
    with recorder() as hooks:
        monkeypatch.setenv("STATUSPAGE_HOOK", f"{hooks.url}/statuspage")
        root = site_with(tmp_path, channel("Zulip", "STATUSPAGE_HOOK", 'format = "statuspage"'), INCIDENT)
        before, after = tmp_path / "before", tmp_path / "after"
        assert run("build", str(root), "--out", str(before), "--now", BEFORE_ANY).exit_code == 0
        assert run("build", str(root), "--out", str(after), "--now", SECOND).exit_code == 0
        result = notify(root, after, str(before))
        assert result.exit_code == 0, result.output
        return [json.loads(body) for body in hooks.bodies("/statuspage")]


def test_each_statuspage_webhook_is_as_of_its_own_update(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = statuspage_bodies(tmp_path, monkeypatch)
    said = [zulip_reads(body) for body in bodies]
    assert said == [
        ("Elevated error rates on the public API: Partial System Outage",
         "investigating: We see elevated 5xx rates. Next update by 10:00 UTC."),
        ("Public API: Partial System Outage", "operational -> partial_outage"),
        ("Elevated error rates on the public API: All Systems Operational",
         "resolved: Error rates are back to normal."),
        ("Public API: All Systems Operational", "partial_outage -> operational"),
    ]
    first, first_component, second, second_component = bodies
    assert [u["status"] for u in first["incident"]["incident_updates"]] == ["investigating"]
    assert [u["status"] for u in second["incident"]["incident_updates"]] == ["resolved", "investigating"]
    assert first["incident"]["resolved_at"] is None and second["incident"]["resolved_at"] == "2026-03-14T11:02:00Z"
    assert first["meta"]["generated_at"] == "2026-03-14T09:20:00Z"
    assert (first_component["component"]["status"], first_component["component"]["updated_at"]) \
        == ("partial_outage", "2026-03-14T09:20:00Z")
    assert (second_component["component"]["status"], second_component["component"]["updated_at"]) \
        == ("operational", "2026-03-14T11:02:00Z")


def test_statuspage_webhooks_carry_every_field_statuspage_sends(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    incident, component = statuspage_bodies(tmp_path, monkeypatch)[2:]
    captured_incident = json.loads((WEBHOOKS / "incident_update.json").read_text(encoding="utf-8"))
    captured_component = json.loads((WEBHOOKS / "component_status_update.json").read_text(encoding="utf-8"))
    assert keys(captured_incident) - keys(incident) == set()
    assert keys(captured_component) - keys(component) == set()
    assert component["component_update"]["component_type"] == "Component"
    assert component["component"]["position"] == 2 and component["component"]["showcase"] is True
    assert incident["incident"]["postmortem_body"] is None and incident["incident"]["backfilled"] is False


def test_a_degraded_page_is_described_as_statuspage_describes_it(tmp_path: Path) -> None:
    degraded = INCIDENT.replace("impact: major", "impact: minor")
    root = site_with(tmp_path, "", degraded)
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", FIRST).exit_code == 0
    status = json.loads((out / "api/v2/status.json").read_text(encoding="utf-8"))["status"]
    assert status == {"indicator": "minor", "description": "Partially Degraded Service"}


def test_json_feed_names_the_websub_hub(tmp_path: Path) -> None:
    root = site_with(tmp_path, "", INCIDENT, hub="https://hub.example.net/")
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", SECOND).exit_code == 0
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert feed["hubs"] == [{"type": "WebSub", "url": "https://hub.example.net/"}]
    plain = site_with(tmp_path / "plain", "", INCIDENT)
    assert run("build", str(plain), "--out", str(tmp_path / "plain-out"), "--now", SECOND).exit_code == 0
    assert "hubs" not in json.loads((tmp_path / "plain-out/feed.json").read_text(encoding="utf-8"))


# What we send: text from content never pings, never becomes markup, and a hostile peer cannot hold us.

HOSTILE_TITLE = '<a href="https://evil.example/">@everyone</a> API down'
PINGING = INCIDENT.replace("Elevated error rates on the public API", HOSTILE_TITLE.replace('"', "'")).replace(
    "Error rates are back to normal.", "Error rates are back to normal. @everyone @here <@123456789> <@&42> "
    "@channel @room")


def fake_services(monkeypatch: pytest.MonkeyPatch, fail: str = "") -> list[tuple[str, Any]]:
    """Every request Apprise makes, answered 200 (or 500 for a URL containing `fail`)."""
    sent: list[tuple[str, Any]] = []

    def request(self: requests.Session, method: str, url: str, **kwargs: Any) -> FakeResponse:
        data = kwargs.get("data") or kwargs.get("json")
        sent.append((url, json.loads(data) if isinstance(data, str | bytes) else data))
        response = FakeResponse()
        response.status_code = 500 if fail and fail in url else 200
        return response

    monkeypatch.setattr(requests.Session, "request", request)
    monkeypatch.setattr(requests, "post", lambda url, **kwargs: request(None, "POST", url, **kwargs))
    return sent


@pytest.mark.parametrize(("env", "url"), [
    ("DISCORD_URL", "https://discord.com/api/webhooks/1234567890/SECRETtokenABCDEFG"),
    ("SLACK_URL", "https://hooks.slack.com/services/T1ABCDEF/B1ABCDEF/SECRETtoken1234567890ab"),
    ("MATTERMOST_URL", "mmosts://mattermost.example.com/abcdefghijklmnopqrstuvwx"),
    ("TELEGRAM_URL", "tgram://123456789:AAbcdefghijklmnopqrstuvwxyzABCDEFGH/-1001234567"),
])
def test_text_from_content_never_pings_and_a_title_never_becomes_a_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str, url: str) -> None:
    sent = fake_services(monkeypatch)
    monkeypatch.setenv(env, url)
    root = site_with(tmp_path, channel("Chat", env), incident=PINGING)
    before, after = publish(tmp_path, root)
    result = notify(root, after, str(before))
    assert result.exit_code == 0, result.output
    [(_, body)] = [(where, body) for where, body in sent if body]
    text = json.dumps(body, ensure_ascii=False)
    assert "Error rates are back to normal." in text
    for mention in ("@everyone", "@here", "<@123456789>", "<@&42>", "@channel", "@room"):
        assert mention not in text, mention
    assert "@\u200beveryone" in text
    assert "allow_mentions" not in text and "allowed_mentions" not in text and "\U0001f449" not in text
    assert 'href=\\"https://evil.example/' not in text and "](https://evil.example/" not in text


def test_a_json_webhook_gets_the_title_escaped_like_its_html_message(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with recorder() as hooks:
        monkeypatch.setenv("JSON_HOOK", f"json://{hooks.url.removeprefix('http://')}/json")
        root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"), incident=PINGING)
        before, after = publish(tmp_path, root)
        assert notify(root, after, str(before)).exit_code == 0
        [body] = [json.loads(body) for body in hooks.bodies("/json")]
    assert body["title"].startswith("[Resolved] &lt;a href='https://evil.example/'&gt;@\u200beveryone&lt;/a&gt;")
    assert "<a href='https://evil.example/'" not in body["message"]


def test_an_apprise_url_with_several_targets_is_refused_before_sending_any(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    sent = fake_services(monkeypatch, fail="-1002")
    monkeypatch.setenv("TELEGRAM_URL", "tgram://123456789:AAbcdefghijklmnopqrstuvwxyzABCDEFGH/-1001/-1002")
    root = site_with(tmp_path, channel("Telegram", "TELEGRAM_URL"))
    before, after = publish(tmp_path, root)
    for _ in range(2):  # the run, then the documented re-send of what it missed
        result = notify(root, after, str(before), "--channel", "Telegram", "--entry", RESOLVED_ID)
        assert result.exit_code == 1
        assert "'Telegram': the URL names 2 targets" in result.stderr and "its own [[notify]] channel" in result.stderr
    assert sent == []


@pytest.mark.parametrize(("state", "words"), [("other", "Signed by someone else"), ("unsigned", "Not signed"),
                                              ("uncommitted", "Not committed yet")])
def test_a_byline_is_announced_in_its_own_state(tmp_path: Path, state: str, words: str) -> None:
    """A notification says what the published byline says, never a bare "Signed by" for an unproven one."""
    root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
    before, after = publish(tmp_path, root)
    feed = json.loads((after / "feed.json").read_text())
    for item in feed["items"]:
        item.setdefault("_statusblog", {})["signature"] = {"state": state}
    (after / "feed.json").write_text(json.dumps(feed))
    result = notify(root, after, str(before), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"Signed by Bob Okafor, Database Engineer · {words}" in result.output


@contextmanager
def hostile_feed_server(handler_body) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            handler_body(self)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_previous_site_that_trickles_its_answer_is_cut_off_at_the_deadline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.notify import previous

    monkeypatch.setattr(previous, "FETCH_TIMEOUT", 1.0)
    stop = threading.Event()

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        while not stop.is_set():
            try:
                handler.wfile.write(b" ")
                handler.wfile.flush()
            except OSError:
                return
            stop.wait(0.2)  # each byte well within any per-read timeout

    root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
    _before, after = publish(tmp_path, root)
    try:
        with hostile_feed_server(trickle) as live:
            result = notify(root, after, live)
    finally:
        stop.set()
    assert result.exit_code == 1
    assert "no complete answer within 1 s; nothing was sent" in result.stderr


def test_a_previous_site_that_redirects_to_another_host_is_refused(tmp_path: Path) -> None:
    root = site_with(tmp_path, channel("Ops JSON", "JSON_HOOK"))
    before, after = publish(tmp_path, root)
    feed = (before / "feed.json").read_bytes()

    def moved(handler: BaseHTTPRequestHandler) -> None:
        port = handler.server.server_address[1]
        if handler.path == "/feed.json":  # the same host: followed
            handler.send_response(301)
            handler.send_header("Location", "/moved/feed.json")
        elif handler.path == "/moved/feed.json" and handler.headers["Host"].startswith("127.0.0.1"):
            handler.send_response(302)
            handler.send_header("Location", f"http://localhost:{port}/elsewhere/feed.json")
        else:
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(feed)))
            handler.end_headers()
            handler.wfile.write(feed)
            return
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    with hostile_feed_server(moved) as live:
        result = notify(root, after, live, "--dry-run")
    assert result.exit_code == 1
    assert f"cannot read {live}/moved/feed.json: it redirects to another host (localhost)" in result.stderr
