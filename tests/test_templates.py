"""Incident templates: `incident-templates/NAME.md`, its schema, its placeholders, and the commands that use it.

A template is the first text of a common incident, written calmly in advance,
so that the person on call fills in the facts instead of typing every field.
Placeholders are plain text (`<<what>>`), allowed in a template and refused in
an incident, each named at its line.
"""

from __future__ import annotations

import http.client
import sys
from pathlib import Path

import pytest

from generator.core.times import build_now
from generator.preview.server import DevServer
from tests.sites import run, write_site

NOW = "2026-03-20T09:20:00Z"
API_ERRORS = """\
---
title: Elevated error rates on the public API
impact: major
components: {api: partial_outage}
---

Requests to <<which endpoints>> fail since <<when>>.
We are investigating.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"incident-templates/api-errors.md": API_ERRORS})


def created(root: Path) -> list[Path]:
    return sorted((root / "incidents").glob("2026-03-20-*.md"))


def test_check_names_each_unfilled_placeholder_at_its_line(site: Path) -> None:
    (site / "incidents" / "2026-03-19-draft.md").write_text(
        "---\ntitle: Errors on <<service>>\nimpact: major\nstarted: 2026-03-19T09:00:00Z\n---\n\n"
        "## 2026-03-19 09:05 UTC · investigating · alice\n\nCustomers see <<what>>.\n\n"
        "```\ncat <<EOF >>log\n<<kept in code>>\n```\n", encoding="utf-8")
    result = run("check", str(site))
    assert result.exit_code == 1
    assert "2026-03-19-draft.md:2: error: unfilled placeholder <<service>>" in result.output
    assert "2026-03-19-draft.md:9: error: unfilled placeholder <<what>>" in result.output
    assert "kept in code" not in result.output
    assert "incident-templates/api-errors.md" not in result.output  # the template's own placeholders are allowed
    assert "2 errors" in result.output


def test_a_template_has_no_start_and_no_update_heading(site: Path) -> None:
    (site / "incident-templates" / "bad.md").write_text(
        "---\ntitle: Bad\nimpact: major\nstarted: 2026-03-19T09:00:00Z\ncomponents: [apii]\n---\n\n"
        "Text.\n\n## 2026-03-19 09:05 UTC · investigating · alice\n\nMore.\n", encoding="utf-8")
    (site / "incident-templates" / "unknown.md").write_text(
        "---\ntitle: Unknown\nimpact: major\ncomponents: [apii]\n---\n\nText.\n", encoding="utf-8")
    result = run("check", str(site))
    assert result.exit_code == 1
    assert "bad.md:4: error: 'started' is not set in a template" in result.output
    assert "bad.md:10: error: a template has no update or postmortem heading" in result.output
    assert "unknown.md:4: error: unknown component 'apii'" in result.output


def test_templates_are_never_published(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "public"
    result = run("build", str(site), "--out", str(out), "--now", NOW)
    assert result.exit_code == 0, result.output
    published = b"".join(path.read_bytes() for path in out.rglob("*") if path.is_file())
    assert b"which endpoints" not in published
    assert not any("template" in path.name for path in out.rglob("*"))


def test_new_incident_from_a_template_takes_its_title_impact_components_and_text(site: Path) -> None:
    result = run("new", "incident", "--template", "api-errors", "--author", "alice", "-m",
                 "Requests to /v1/deploys fail since 09:12 UTC.", "--site", str(site), "--now", NOW)
    assert result.exit_code == 0, result.output
    [path] = created(site)
    text = path.read_text(encoding="utf-8")
    assert 'title: "Elevated error rates on the public API"' in text
    assert "impact: major\ncomponents: {api: partial_outage}\n" in text
    assert "## 2026-03-20 09:20 UTC · investigating · alice\n\nRequests to /v1/deploys fail" in text
    assert run("check", str(site)).exit_code == 0


def test_what_is_given_wins_over_the_template(site: Path) -> None:
    result = run("new", "incident", "Dashboard errors", "--template", "api-errors", "--impact", "minor",
                 "-c", "dashboard", "--author", "alice", "-m", "Some pages fail.", "--site", str(site), "--now", NOW)
    assert result.exit_code == 0, result.output
    text = created(site)[0].read_text(encoding="utf-8")
    assert 'title: "Dashboard errors"\nimpact: minor\ncomponents: [dashboard]\n' in text


def test_an_unfilled_placeholder_is_refused_and_nothing_is_written(site: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The editor saves the template's text as it is: both placeholders are still there.
    script = tmp_path / "editor.py"
    script.write_text("", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = run("new", "incident", "--template", "api-errors", "--author", "alice", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 1
    assert "unfilled placeholder <<which endpoints>>" in result.output
    assert "unfilled placeholder <<when>>" in result.output
    assert "Traceback" not in result.output
    assert created(site) == []


def test_the_editor_opens_on_the_template_s_text(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text()\n"
                      "path.write_text(text.replace('<<which endpoints>>', '/v1').replace('<<when>>', '09:12'))\n",
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = run("new", "incident", "--template", "api-errors", "--author", "alice", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "Requests to /v1 fail since 09:12.\nWe are investigating.\n" in created(site)[0].read_text("utf-8")


def test_an_unknown_template_is_refused_with_the_names_there_are(site: Path) -> None:
    result = run("new", "incident", "--template", "api-erors", "--author", "alice", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 1
    assert "no incident template 'api-erors'; did you mean 'api-errors'?" in result.output
    assert created(site) == []


def test_a_title_or_a_template_is_needed(site: Path) -> None:
    result = run("new", "incident", "--impact", "major", "--author", "alice", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 1 and "give the incident's TITLE, or --template NAME" in result.output


def test_init_writes_two_templates_that_declare_a_checking_incident(tmp_path: Path) -> None:
    root = tmp_path / "status"
    assert run("init", str(root), "--name", "Alice Nguyen", "--email", "alice@example.com",
               "--pin", "statusblog==0.1.0", "--now", "2026-03-20T08:00:00Z").exit_code == 0
    assert sorted(path.name for path in (root / "incident-templates").iterdir()) == ["api-errors.md",
                                                                                     "website-down.md"]
    for name in ("api-errors", "website-down"):
        result = run("new", "incident", "--template", name, "--author", "alice", "-m", "It is down since 09:12.",
                     "--site", str(root), "--now", NOW)
        assert result.exit_code == 0, result.output


def test_serve_lists_the_templates_on_a_page_of_its_own(site: Path) -> None:
    (site / "incident-templates" / "odd.md").write_text(
        "---\ntitle: <script>alert(1)</script>\nimpact: minor\n---\n\nText <<x>>.\n", encoding="utf-8")
    server = DevServer(site, 0, build_now(NOW), say=lambda _line: None)
    server.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
        connection.request("GET", "/__statusblog/templates/")
        response = connection.getresponse()
        body = response.read().decode("utf-8")
    finally:
        server.stop()
    assert response.status == 200
    assert "statusblog new incident --template api-errors" in body
    assert "&lt;&lt;which endpoints&gt;&gt; (line 7)" in body
    assert "Elevated error rates on the public API" in body and "api (partial_outage)" in body
    assert "<script>alert" not in body and "&lt;script&gt;alert(1)" in body
