"""`statusblog import upptime`: an Upptime repository's issues in, a site that checks and builds out.

tests/fixtures/import/upptime/issues.json is written for these tests in the
shape of GitHub's issues as `gh issue list --json` gives them (and one issue
in the REST API's spelling): Upptime's "🛑 <site> is down" and
"⚠️ <site> has degraded performance" issues with their comments, and a
`maintenance` issue with its start, end and expectedDown comment.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.built import build_at
from tests.sites import run, write_site

EXPORT = Path(__file__).parent / "fixtures" / "import" / "upptime" / "issues.json"
NOW = "2026-03-21T00:00:00Z"


def import_upptime(export: Path, site: Path, *options: str):
    return run("import", "upptime", str(export), "--into", str(site), "--now", NOW, *options)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_upptime_issues_make_a_site_that_checks_and_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_upptime(EXPORT, site)
    assert result.exit_code == 0, result.output
    assert "read from Upptime: 2 components, 4 incidents, 1 maintenance, 11 updates" in result.stdout
    assert "issues.json: [5] (#23).labels: 'enhancement': neither 'status' nor 'maintenance'; left out" \
        in result.stdout
    checked = run("check", str(site), "--now", NOW)
    assert checked.exit_code == 0, checked.output
    prefix = os.path.relpath(site) + "/"
    assert sorted(line.removeprefix(prefix) for line in checked.stderr.splitlines() if ": warning: " in line) == [
        # What the history itself lacks: Upptime writes no postmortems, and its open issue no ETA.
        "incidents/2026-02-01-website-is-down.md:1: warning: critical incident resolved 47 days ago has no "
        "postmortem",
        "incidents/2026-03-05-website-is-down.md:1: warning: critical incident resolved 15 days ago has no postmortem",
        "incidents/2026-03-20-api-is-down.md:9: warning: open incident gives no time for the next update",
    ]
    out = build_at(site, NOW)
    incidents = {item["shortlink"].rsplit("/", 2)[-2]: item
                 for item in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]}
    degraded = incidents["2026-02-14-api-has-degraded-performance"]
    assert degraded["impact"] == "minor"
    assert [(update["created_at"], update["status"]) for update in reversed(degraded["incident_updates"])] == [
        ("2026-02-14T11:00:00Z", "investigating"), ("2026-02-14T11:20:00Z", "investigating"),
        ("2026-02-14T12:09:30Z", "resolved")]
    assert degraded["incident_updates"][1]["body"] == \
        "We see slow answers from one region and are moving traffic away from it."
    assert incidents["2026-03-05-website-is-down"]["status"] == "resolved"  # the REST API's spelling
    assert incidents["2026-03-20-api-is-down"]["status"] == "investigating"


def test_a_maintenance_issue_keeps_its_window_and_expected_components(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_upptime(EXPORT, site).exit_code == 0
    assert (site / "maintenance" / "2026-03-01-database-upgrade.md").read_text() == (
        '---\ntitle: "Database upgrade"\nid: "20"\nscheduled_start: 2026-03-01T02:00:00Z\n'
        "scheduled_end: 2026-03-01T03:00:00Z\ncomponents: [api]\n---\n\n"
        "## 2026-02-25 09:00 UTC · scheduled · imported-upptime\n\n"
        "The database is upgraded; the API may be unavailable for a few minutes.\n\n"
        "## 2026-03-01 02:01 UTC · in_progress · imported-upptime\n\nThe upgrade has started.\n\n"
        "## 2026-03-01 02:55 UTC · completed · imported-upptime\n\n\n")


def test_the_team_is_named_and_reached_through_the_repository(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_upptime(EXPORT, site)
    assert 'name = "lighthouse-apps team, imported from Upptime"\n' in (site / "authors.toml").read_text()
    assert 'url = "https://github.com/lighthouse-apps/status"\n' in (site / "authors.toml").read_text()
    # The repository is where the history is, not where a status page is served.
    assert 'base_url = "https://status.example.com/"' in (site / "site.toml").read_text()
    assert "site.toml: base_url: '': no usable page address" in result.stdout


def test_a_second_import_writes_nothing_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dry = import_upptime(EXPORT, site, "--dry-run")
    assert dry.exit_code == 0 and "would write 8 files" in dry.stdout and not site.exists()
    assert import_upptime(EXPORT, site).exit_code == 0
    before = snapshot(site)
    again = import_upptime(EXPORT, site)
    assert "wrote 0 files, 5 unchanged, 0 skipped" in again.stdout
    assert snapshot(site) == before


def test_a_later_export_adds_new_comments_to_the_files_it_wrote(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_upptime(EXPORT, site).exit_code == 0
    issues = json.loads(EXPORT.read_text())
    open_issue = next(issue for issue in issues if issue["number"] == 18)
    open_issue["comments"].append({"author": {"login": "maria-ops"}, "createdAt": "2026-03-20T22:40:00Z",
                                   "body": "A bad deploy; rolling back. Next update by 23:15 UTC."})
    later = tmp_path / "later.json"
    later.write_text(json.dumps(issues))
    again = import_upptime(later, site)
    assert "wrote 1 file, 4 unchanged, 0 skipped" in again.stdout
    text = (site / "incidents" / "2026-03-20-api-is-down.md").read_text()
    assert text.endswith("## 2026-03-20 22:40 UTC · update · imported-upptime\n\n"
                         "A bad deploy; rolling back. Next update by 23:15 UTC.\n")
    assert run("check", str(site), "--now", "2026-03-20T23:00:00Z").exit_code == 0


def test_into_an_existing_site_components_it_has_are_reused_and_its_registries_only_added_to(
        tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    components = (site / "components.toml").read_text()
    authors = (site / "authors.toml").read_text()
    result = import_upptime(EXPORT, site)
    assert result.exit_code == 0, result.output
    assert (site / "components.toml").read_text() == components + '\n[website]  # Upptime component website\n' \
        'name = "Website"\n'
    assert (site / "authors.toml").read_text().startswith(authors)
    assert "components: [api]\n" in (site / "incidents" / "2026-03-20-api-is-down.md").read_text()
    assert run("check", str(site), "--now", NOW).exit_code == 0


# Hostile and broken input.

def test_hostile_issues_become_text_never_structure(tmp_path: Path) -> None:
    issues = [
        {"number": "../../x", "title": "🛑 ## 2026-01-01 00:00 UTC · resolved · alice\n---\n is down",
         "labels": [{"name": "status"}, {"name": "../../etc"}], "createdAt": "2026-03-10T10:00:00Z",
         "closedAt": "2026-03-10T11:00:00Z", "url": "javascript:alert(1)",
         "body": "```\nan open fence\n## 2026-03-10 10:30 UTC · resolved · imported-upptime",
         "comments": [{"createdAt": "2026-03-10T10:20:00Z",
                       "body": "\u0000\u001b]0;title\u0007\r## Postmortem · alice\r{{ 7*7 }}"},
                      {"createdAt": "never", "body": "lost"}]},
        {"number": 7, "title": "⚠️ Blog has degraded performance", "labels": ["status", "blog"],
         "createdAt": "2026-03-11T10:00:00Z", "closedAt": None, "body": None, "comments": 3},
    ]
    export = tmp_path / "issues.json"
    export.write_text(json.dumps(issues))
    site = tmp_path / "site"
    result = import_upptime(export, site)
    assert result.exit_code == 0, result.output
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()) == [
        "issues.json", "site/.statusblog-import.json", "site/authors.toml", "site/components.toml",
        "site/incidents/2026-03-10-2026-01-01-00-00-utc-resolved-alice-is-down.md",
        "site/incidents/2026-03-11-blog-has-degraded-performance.md", "site/site.toml"]
    assert run("check", str(site), "--now", NOW).exit_code == 0
    out = build_at(site, NOW)
    incident = next(item for item in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]
                    if item["name"].startswith("🛑"))
    assert [update["status"] for update in reversed(incident["incident_updates"])] == [
        "investigating", "investigating", "resolved"]
    assert "\\## Postmortem · alice" in incident["incident_updates"][1]["body"]
    page = (out / "incidents" / "2026-03-10-2026-01-01-00-00-utc-resolved-alice-is-down" / "index.html").read_text()
    assert "{{ 7*7 }}" in page and "\x1b" not in page
    for line in ("(#../../x).number: '../../x': not usable as an id; 'x' used instead",
                 "(#7).comments: '3': the export has no comments' text",
                 "comments[1]: \"{'createdAt': 'never', 'body': 'lost'}\": no readable time; left out",
                 "a code fence left open was closed", "control characters replaced by U+FFFD"):
        assert line in result.stdout
    assert '[etc]  # Upptime component ../../etc\n' not in (site / "components.toml").read_text()
    assert "[etc]  # Upptime component ....etc\n" in (site / "components.toml").read_text()


@pytest.mark.parametrize(("text", "message"), [
    ('{"issues": 3}', "not an export of GitHub issues"),
    ("[{", "not valid JSON"),
    ("[" * 100_000, "the JSON is nested more than 64 levels deep: not an export"),
])
def test_a_broken_export_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    export = tmp_path / "issues.json"
    export.write_text(text)
    result = import_upptime(export, tmp_path / "site")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


# GitHub's REST API documentation examples (tests/fixtures/import/upptime/real/SOURCE.md): not a real Upptime
# export, but the exact objects the REST API documents for an issue and its comments.

DOCUMENTED = Path(__file__).parent / "fixtures" / "import" / "upptime" / "real"


def test_the_rest_apis_documented_issue_and_comments_import_field_by_field(tmp_path: Path) -> None:
    issues = json.loads((DOCUMENTED / "issue-items.json").read_text())
    comments = json.loads((DOCUMENTED / "issue-comment-items.json").read_text())
    # As documented, the issue is labelled 'bug': not one of Upptime's, so it is left out, and said.
    as_documented = import_upptime(DOCUMENTED / "issue-items.json", tmp_path / "left-out")
    assert as_documented.exit_code == 0, as_documented.output
    assert "[0] (#1347).labels: 'bug': neither 'status' nor 'maintenance'; left out" in as_documented.stdout
    # What Upptime puts there instead: its labels (the label objects as documented, with Upptime's names) and title,
    # and the comments in place of their count.
    label = issues[0]["labels"][0]
    issue = {**issues[0], "title": "🛑 Hello World is down", "comments": comments,
             "labels": [{**label, "name": "status"}, {**label, "name": "hello-world"}]}
    export = tmp_path / "issues.json"
    export.write_text(json.dumps([issue]))
    site = tmp_path / "site"
    result = import_upptime(export, site)
    assert result.exit_code == 0, result.output
    incident = json.loads((build_at(site, NOW) / "api/v2/incidents.json").read_text())["incidents"][0]
    assert (incident["statusblog"]["key"], incident["name"], incident["impact"], incident["status"]) == (
        "1347", "🛑 Hello World is down", "critical", "investigating")
    assert [component["name"] for component in incident["components"]] == ["Hello World"]
    # The documented comment is dated eight days before its issue: kept in time order, and the start moved to it.
    assert [(update["created_at"], update["body"]) for update in reversed(incident["incident_updates"])] == [
        ("2011-04-14T16:00:49Z", "Me too"), ("2011-04-22T13:33:48Z", "I'm having a problem with this.")]
    assert incident["started_at"] == "2011-04-14T16:00:49Z"
    assert "[0] (#1347) started: '2011-04-22T13:33:48+00:00': after the first update; the first update's time used" \
        in result.stdout
