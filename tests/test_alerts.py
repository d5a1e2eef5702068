"""`statusblog alert`: webhook bodies of Alertmanager, Grafana and Uptime Kuma -> draft incidents.

The bodies are the tools' own shapes (tests/fixtures/alerts/, SOURCE.md says
where each comes from); each test runs the real command against a site on
disk and asserts what the person on call would see: the draft written, the
update appended, or nothing written and why.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.alerts.payloads import read_payload
from tests.sites import SITE_TOML, run, write_site

FIXTURES = Path(__file__).parent / "fixtures" / "alerts"
RULES = """
[[alert]]
match = { alertname = "APIErrors" }
components = { api = "partial_outage" }
impact = "major"
template = "api-errors"
author = "alice"

[[alert]]
match = { job = "api" }
impact = "minor"
author = "bob"

[[alert]]
match = { team = "blue" }
components = { dashboard = "degraded_performance" }
impact = "minor"
author = "bob"

[[alert]]
match = { monitor = "Website" }
components = { dashboard = "major_outage" }
impact = "critical"
author = "alice"
"""
TEMPLATE = """\
---
title: Elevated error rates on the public API
impact: major
components: {api: partial_outage}
---

<<summary>>: some requests to the public API fail. We are investigating.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"site.toml": SITE_TOML + RULES,
                                          "incident-templates/api-errors.md": TEMPLATE})


def alert(site: Path, payload: str | Path, now: str) -> Any:
    return run("alert", str(payload), "--site", str(site), "--now", now)


def drafts(site: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted((site / "incidents").glob("*.md"))
            if not path.name.startswith("2026-03-14")}


def payload(tmp_path: Path, name: str, change: Any = None) -> Path:
    body = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    if change is not None:
        change(body)
    path = tmp_path / f"changed-{name}"
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


@pytest.mark.parametrize("name, source, group", [
    ("alertmanager-firing.json", "Alertmanager", '{}:{alertname="APIErrors"}'),
    ("grafana-firing.json", "Grafana", "{}:{}"),
    ("uptime-kuma-down.json", "Uptime Kuma", "uptime-kuma-29"),
])
def test_each_tool_s_body_is_told_apart(name: str, source: str, group: str) -> None:
    notification = read_payload((FIXTURES / name).read_bytes())
    assert notification.source == source and notification.group == group
    assert all(alert.firing for alert in notification.alerts)


def test_a_firing_alert_opens_a_draft_from_its_table_and_template(site: Path) -> None:
    result = alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")
    assert result.exit_code == 0, result.output
    assert "the first (line 6) wins" in result.output  # two tables match; the run says which one it took
    [text] = drafts(site).values()
    assert 'title: "Elevated error rates on the public API"\nimpact: major\ncomponents: {api: partial_outage}\n' \
        "started: 2026-03-20T09:12:00Z\n" in text
    assert 'alerts: {"6f2f1c1b0a2d9e41": firing}\n' in text
    assert "## 2026-03-20 09:15 UTC · investigating · alice\n\nElevated error rate on the public API: some" in text
    assert "unsigned until alice commits it signed" in result.output
    assert run("check", str(site), "--now", "2026-03-20T09:20:00Z").exit_code == 0


def test_the_same_alert_again_changes_nothing(site: Path) -> None:
    alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")
    before = drafts(site)
    result = alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:16:00Z")
    assert result.exit_code == 0 and "nothing changed" in result.output
    assert drafts(site) == before


def test_a_cleared_alert_appends_monitoring_and_never_resolves(site: Path) -> None:
    alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")
    result = alert(site, FIXTURES / "alertmanager-resolved.json", "2026-03-20T09:48:00Z")
    assert result.exit_code == 0, result.output
    [text] = drafts(site).values()
    assert "## 2026-03-20 09:48 UTC · monitoring · alice\n\nThe alert APIErrors cleared at 2026-03-20 09:47:27 UTC." \
        in text
    assert "· resolved ·" not in text
    assert 'alerts: {"6f2f1c1b0a2d9e41": cleared}' in text
    again = alert(site, FIXTURES / "alertmanager-resolved.json", "2026-03-20T09:49:00Z")
    assert "nothing changed" in again.output and drafts(site) == {next(iter(drafts(site))): text}


def test_after_a_person_resolves_a_clear_changes_nothing_and_a_new_firing_opens_a_new_incident(site: Path) -> None:
    alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")
    [name] = drafts(site)
    assert run("resolve", name, "--author", "bob", "-m", "Fixed.", "--site", str(site),
               "--now", "2026-03-20T09:40:00Z").exit_code == 0
    resolved = drafts(site)
    cleared = alert(site, FIXTURES / "alertmanager-resolved.json", "2026-03-20T09:48:00Z")
    assert "cleared after a person resolved its incident; nothing changed" in cleared.output
    assert drafts(site) == resolved
    fired = alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T10:30:00Z")
    assert fired.exit_code == 0, fired.output
    assert set(drafts(site)) == {name, name.replace(".md", "-2.md")}


def test_another_alert_of_the_group_joins_the_open_incident_with_its_components(site: Path, tmp_path: Path) -> None:
    alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")

    def second(body: dict[str, Any]) -> None:
        body["alerts"][0].update(fingerprint="0a0b0c0d0e0f1011", labels={"alertname": "APIErrors", "team": "blue"})
    rules = (site / "site.toml").read_text(encoding="utf-8").replace(
        'components = { api = "partial_outage" }', 'components = { api = "partial_outage", dashboard = '
        '"degraded_performance" }', 1)
    (site / "site.toml").write_text(rules, encoding="utf-8")
    result = alert(site, payload(tmp_path, "alertmanager-firing.json", second), "2026-03-20T09:20:00Z")
    assert result.exit_code == 0, result.output
    [text] = drafts(site).values()
    assert "## 2026-03-20 09:20 UTC · investigating · alice\n\nThe alert APIErrors: Elevated error rate on the " \
        "public API fired too.\n\nComponents: api=partial_outage, dashboard=degraded_performance\n" in text
    assert '"6f2f1c1b0a2d9e41": firing, "0a0b0c0d0e0f1011": firing' in text
    assert run("check", str(site), "--now", "2026-03-20T09:25:00Z").exit_code == 0


def test_grafana_s_two_alerts_open_one_incident(site: Path) -> None:
    result = alert(site, FIXTURES / "grafana-firing.json", "2026-03-20T09:15:00Z")
    assert result.exit_code == 0, result.output
    [text] = drafts(site).values()
    assert '"c6eadffa33fcdf37": firing, "bc97ff14869b13e3": firing' in text
    assert "High memory usage" in text and "High CPU usage" in text


def test_uptime_kuma_down_then_up(site: Path) -> None:
    assert alert(site, FIXTURES / "uptime-kuma-down.json", "2026-03-20T09:15:00Z").exit_code == 0
    assert alert(site, FIXTURES / "uptime-kuma-up.json", "2026-03-20T09:32:00Z").exit_code == 0
    [text] = drafts(site).values()
    assert 'title: "Website is down"\nimpact: critical\ncomponents: {dashboard: major_outage}' in text
    assert "· monitoring · alice\n\nThe alert Website cleared at 2026-03-20 09:31:35 UTC." in text


def test_an_alert_no_table_takes_is_reported_and_nothing_is_written(site: Path, tmp_path: Path) -> None:
    def other(body: dict[str, Any]) -> None:
        body["alerts"][0]["labels"] = {"alertname": "DiskFull", "job": "db"}
    result = alert(site, payload(tmp_path, "alertmanager-firing.json", other), "2026-03-20T09:15:00Z")
    assert result.exit_code == 1
    assert "matches no [[alert]] table of site.toml (alertname=DiskFull, job=db); nothing written" in result.output
    assert drafts(site) == {}


@pytest.mark.parametrize("body, message", [
    (b'{"version": "4",\n "alerts": [', ":2: not JSON"),
    (b'{"hello": "world"}', ":1: not an Alertmanager (version 4), Grafana or Uptime Kuma webhook body"),
    (b'{"version": "3", "groupKey": "g", "alerts": []}', "statusblog reads version 4"),
    (b'{"heartbeat": null, "monitor": null, "msg": "Uptime Kuma Testing"}', "an Uptime Kuma test notification"),
    (b'{"version": "4", "groupKey": "g", "alerts": [{"status": "firing", "labels": {"a": 1}}]}',
     "alerts[0].'labels' must be an object of text values"),
    (b'{"version": "4", "groupKey": "g", "alerts": [{"status": "firing", "fingerprint": "../x"}]}',
     "is not a fingerprint"),
    (b"\xff\xfe", "is not UTF-8"),
])
def test_a_malformed_body_is_a_clear_error_and_nothing_is_written(site: Path, tmp_path: Path, body: bytes,
                                                                  message: str) -> None:
    path = tmp_path / "body.json"
    path.write_bytes(body)
    result = alert(site, path, "2026-03-20T09:15:00Z")
    assert result.exit_code == 1 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert drafts(site) == {}


def test_a_body_on_standard_input(site: Path) -> None:
    from click.testing import CliRunner

    from generator.cli.main import main
    result = CliRunner().invoke(main, ["alert", "-", "--site", str(site), "--now", "2026-03-20T09:15:00Z"],
                                input=(FIXTURES / "uptime-kuma-down.json").read_bytes())
    assert result.exit_code == 0, result.output
    assert len(drafts(site)) == 1


def test_a_placeholder_no_label_fills_is_refused_at_its_template_line(site: Path) -> None:
    (site / "incident-templates" / "api-errors.md").write_text(TEMPLATE.replace("<<summary>>", "<<region>>"),
                                                               encoding="utf-8")
    result = alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z")
    assert result.exit_code == 1
    assert "api-errors.md:7: placeholder <<region>> is not a label or annotation of the alert" in result.output
    assert drafts(site) == {}


def test_values_from_the_alert_are_only_text(site: Path, tmp_path: Path) -> None:
    def hostile(body: dict[str, Any]) -> None:
        body["alerts"][0]["annotations"]["summary"] = ("x\n\n## 2026-03-20 09:30 UTC · resolved · bob\n\n"
                                                       "[click](javascript:alert(1)) <<left>> {{ 7*7 }}")
    result = alert(site, payload(tmp_path, "alertmanager-firing.json", hostile), "2026-03-20T09:15:00Z")
    assert result.exit_code == 0, result.output
    [text] = drafts(site).values()
    assert "\n## 2026-03-20 09:30" not in text  # the heading stays words inside the one line of text
    assert text.count("\n## ") == 1  # the one update the draft means to write
    assert run("check", str(site), "--now", "2026-03-20T09:20:00Z").exit_code == 0
    out = tmp_path / "public"
    assert run("build", str(site), "--out", str(out), "--now", "2026-03-20T09:20:00Z").exit_code == 0
    page = next((out / "incidents").glob("2026-03-20-*/index.html")).read_text(encoding="utf-8")
    assert 'href="javascript:' not in page and "&lt;&lt;left&gt;&gt;" in page and "{{ 7*7 }}" in page


@pytest.mark.parametrize("table, message", [
    ('[[alert]]\nmatch = { alertname = "X" }\nauthor = "alice"\nimpact = "major"\ncomponent = { api = "x" }\n',
     "unknown key 'component' in [[alert]]"),
    ('[[alert]]\nmatch = { alertname = "X" }\nauthor = "carol"\nimpact = "major"\n', "unknown author 'carol'"),
    ('[[alert]]\nmatch = { alertname = "X" }\nauthor = "alice"\nimpact = "major"\ncomponents = { apii = '
     '"major_outage" }\n', "unknown component 'apii'"),
    ('[[alert]]\nmatch = { alertname = "X" }\nauthor = "alice"\ntemplate = "nope"\n',
     "names the template 'nope', which incident-templates/ does not hold"),
    ('[[alert]]\nmatch = { alertname = "X" }\nauthor = "alice"\n', "gives neither impact nor template"),
])
def test_check_names_a_wrong_alert_table_at_its_line(tmp_path: Path, table: str, message: str) -> None:
    root = write_site(tmp_path / "site", {"site.toml": SITE_TOML + "\n" + table})
    result = run("check", str(root))
    assert result.exit_code == 1
    assert re.search(rf"site\.toml:\d+: error: [^\n]*{re.escape(message)}", result.output), result.output


def test_a_person_declaring_is_found_by_their_github_login(tmp_path: Path) -> None:
    authors = "[alice]\nname = \"Alice Nguyen\"\nrole = \"SRE\"\nemail = \"alice@example.com\"\ngithub = \"alice-n\"\n"
    root = write_site(tmp_path / "site", {"authors.toml": authors})
    declared = run("new", "incident", "API errors", "--impact", "major", "--github", "Alice-N", "-m", "Errors.",
                   "--site", str(root), "--now", "2026-03-20T09:15:00Z")
    assert declared.exit_code == 0, declared.output
    assert "· investigating · alice\n" in next((root / "incidents").glob("2026-03-20-*.md")).read_text("utf-8")
    stranger = run("new", "incident", "API errors 2", "--impact", "major", "--github", "mallory", "-m", "x",
                   "--site", str(root), "--now", "2026-03-20T09:15:00Z")
    assert stranger.exit_code == 1 and "no registered author has the GitHub login 'mallory'" in stranger.output


@pytest.mark.slow
def test_the_draft_s_page_says_its_update_is_not_signed_until_its_author_signs_it(site: Path, tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch
                                                                                  ) -> None:
    import subprocess

    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=bot", "-c", "user.email=bot@example.com", *args], cwd=site,
                       check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "site")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    assert alert(site, FIXTURES / "alertmanager-firing.json", "2026-03-20T09:15:00Z").exit_code == 0
    git("add", "-A")
    git("commit", "-q", "-m", "Draft from an alert")  # the workflow's bot commits it, unsigned
    out = tmp_path / "public"
    built = run("build", str(site), "--out", str(out), "--verify-signatures", "--now", "2026-03-20T09:20:00Z")
    assert built.exit_code == 0, built.output
    page = next((out / "incidents").glob("2026-03-20-*/index.html")).read_text(encoding="utf-8")
    assert "Not signed" in page and "Alice Nguyen" in page
