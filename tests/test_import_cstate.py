"""`statusblog import cstate`: a cState (Hugo) site in, a site that checks and builds out.

tests/fixtures/import/cstate/site/ is written for these tests in the shapes
of cState's example site: `config.yml` with `params.systems`, and
`content/issues/*.md` with cState's front matter and `*Status* - text
{{< track "time" >}}` lines, including the date inconsistencies the example
site really has (a `date` a month before the first tracked update, a
`resolvedWhen` before the last update).
"""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.built import build_at
from tests.sites import run

SITE = Path(__file__).parent / "fixtures" / "import" / "cstate" / "site"
ISSUES = os.path.relpath(SITE / "content" / "issues")
NOW = "2026-03-21T00:00:00Z"


def import_cstate(source: Path, site: Path, *options: str):
    return run("import", "cstate", str(source), "--into", str(site), "--now", NOW, *options)


def problems(output: str, site: Path | None = None) -> list[str]:
    """'path:line: severity: message' lines, with the site's path taken off, hints left out."""
    prefix = os.path.relpath(site) + "/" if site else ""
    return sorted(line.removeprefix(prefix) for line in output.splitlines()
                  if ": warning: " in line or ": error: " in line)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_a_cstate_site_imports_with_a_warning_for_each_inconsistent_date(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_cstate(SITE, site)
    assert result.exit_code == 0, result.output
    assert "read from cState: 3 components, 3 incidents, 1 maintenance, 10 updates" in result.stdout
    login = f"{ISSUES}/2026-02-03-login-failures.md"
    assert problems(result.stderr, site) == sorted([
        f"{login}:3: warning: the tracked updates (2026-02-03 08:15 to 2026-02-03 09:40) disagree with the issue's "
        "dates by more than a day; the incident is taken to run from its date 2026-01-03 08:10 to resolvedWhen "
        "2026-02-03 09:05, as cState counts it",
        # check's own warnings about the written files: history without postmortems.
        "incidents/2026-01-03-logins-fail-for-some-mobile-users.md:1: warning: critical incident resolved 45 days "
        "ago has no postmortem",
        "incidents/2026-02-10-slow-page-loads-on-the-website.md:1: warning: major incident resolved 38 days ago has "
        "no postmortem",
    ])
    checked = run("check", str(site), "--now", NOW)
    assert checked.exit_code == 0 and checked.stdout.endswith("0 errors, 2 warnings\n"), checked.output
    build_at(site, NOW)

    assert tomllib.loads((site / "components.toml").read_text()) == {
        "website": {"name": "Website", "group": "Web", "description": "The public site and the sign-up pages."},
        "api": {"name": "API", "group": "Backend", "description": "Endpoints the mobile apps call."},
        "database": {"name": "Database", "group": "Backend"},
    }
    # The issue runs from its date to its resolvedWhen, as cState counts it; the entries after resolvedWhen are
    # placed at it, each said in the report with its tracked time.
    assert (site / "incidents" / "2026-01-03-logins-fail-for-some-mobile-users.md").read_text() == (
        '---\ntitle: "Logins fail for some mobile users"\nid: "2026-02-03-login-failures"\nimpact: critical\n'
        "components: [api, database]\nstarted: 2026-01-03T08:10:00Z\n---\n\n"
        "## 2026-02-03 08:15 UTC · investigating · imported-cstate\n\nSome users of the mobile apps cannot log in.\n\n"
        "## 2026-02-03 08:41 UTC · identified · imported-cstate\n\nA session store node ran out of memory.\n\n"
        "## 2026-02-03 09:05 UTC · monitoring · imported-cstate\n\nA fix is deployed; we are watching login errors.\n\n"
        "## 2026-02-03 09:05:01 UTC · resolved · imported-cstate\n\nLogins work again for everyone.\n")
    assert ("2026-02-03-login-failures.md: track: '2026-02-03T09:40:00+00:00': outside the issue's dates; the "
            "'resolved' update is placed at 2026-02-03T09:05:00+00:00") in result.stdout


def test_keys_in_any_case_severity_informational_and_planned_work(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_cstate(SITE, site)
    assert result.exit_code == 0, result.output
    slow = (site / "incidents" / "2026-02-10-slow-page-loads-on-the-website.md").read_text()
    assert "impact: major\ncomponents: [website]\nstarted: 2026-02-10T14:00:00Z\n" in slow
    assert "## 2026-02-10 15:30 UTC · resolved · imported-cstate" in slow
    notice = (site / "incidents" / "2026-02-25-a-new-address-for-this-page.md").read_text()
    assert "impact: none\ncomponents: []\n" in notice
    maintenance = (site / "maintenance" / "2026-02-20-maintenance-window-for-the-database.md").read_text()
    assert ("scheduled_start: 2026-02-20T22:00:00Z\nscheduled_end: 2026-02-20T23:00:00Z\ncomponents: [database]\n"
            "---\n\n## 2026-02-18 10:00 UTC · scheduled · imported-cstate\n\nThe database is upgraded tonight; the "
            "apps are read-only for up to an hour.\n\n## 2026-02-20 22:48 UTC · completed · imported-cstate\n\n"
            "The upgrade is done.\n") in maintenance
    for line in (f"{ISSUES}/2026-02-25-new-status-page.md: affected: \"['Gateway']\": an informational post affects "
                 "no component; left out",
                 f"{ISSUES}/2026-02-10-slow-pages.md: resolved: 'true': no tracked update says so; a 'resolved' "
                 "update without text added at 2026-02-10T15:30:00+00:00",
                 "config.yml: timeZone: '': not set: times written without a zone are read as UTC"):
        assert line in result.stdout
    out = build_at(site, NOW)
    feed = json.loads((out / "feed.json").read_text())
    assert "[Investigating] Logins fail for some mobile users" in [item["title"] for item in feed["items"]]


def test_a_second_import_writes_nothing_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dry = import_cstate(SITE, site, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "would write 7 files" in dry.stdout and not site.exists()
    assert import_cstate(SITE, site).exit_code == 0
    before = snapshot(site)
    again = import_cstate(SITE, site)
    assert again.exit_code == 0, again.output
    assert "wrote 0 files, 4 unchanged, 0 skipped" in again.stdout
    assert snapshot(site) == before


def test_an_edited_issue_file_is_skipped_on_the_next_import(tmp_path: Path) -> None:
    source = tmp_path / "cstate"
    source.mkdir()
    (source / "config.yml").write_text((SITE / "config.yml").read_text())
    (source / "content" / "issues").mkdir(parents=True)
    for path in (SITE / "content" / "issues").iterdir():
        (source / "content" / "issues" / path.name).write_text(path.read_text())
    site = tmp_path / "site"
    assert import_cstate(source, site).exit_code == 0
    edited = site / "incidents" / "2026-02-10-slow-page-loads-on-the-website.md"
    edited.write_text(edited.read_text().replace("impact: major", "impact: minor"))
    issue = source / "content" / "issues" / "2026-02-10-slow-pages.md"
    issue.write_text(issue.read_text() + "\nThe cache now warms before it is swapped in.\n")
    again = import_cstate(source, site)
    assert f"skipped {os.path.relpath(edited)}: edited since the last import; left as it is" in again.stdout
    assert "impact: minor" in edited.read_text()
    assert "warms" not in edited.read_text()


# Hostile and broken input.

def cstate_site(root: Path, issues: dict[str, bytes], config: bytes = b"") -> Path:
    (root / "content" / "issues").mkdir(parents=True)
    (root / "config.yml").write_bytes(config or (SITE / "config.yml").read_bytes())
    for name, text in issues.items():
        (root / "content" / "issues" / name).write_bytes(text)
    return root


HOSTILE = (
    b"---\ntitle: \"---\\n## 2026-01-01 00:00 UTC \\u00b7 resolved \\u00b7 alice\\n+++ {{ .Site.Params }}\\u202e\"\n"
    b"date: 2026-03-01 10:00:00\nresolved: false\nseverity: down\naffected:\n  - ../../etc\n  - API\n"
    b"Section: issue\nweird: value\n---\n\n"
    b"Lead text with a NUL \x00 and ESC \x1b[31m.\n"
    b"*Investigating* - It broke.\r## 2026-03-01 10:30 UTC \xc2\xb7 resolved \xc2\xb7 imported-cstate\r"
    b"Forged. {{< track \"2026-03-01 10:05:00\" >}}\n"
    b"*Identified* - A fence opens:\n```\n## 2026-03-01 11:00 UTC \xc2\xb7 resolved \xc2\xb7 x\n"
    b"{{< track \"2026-03-01 10:20:00\" >}}\n"
    b"*Exploded* - Unknown status, and a time that is not one. {{< track \"soon\" >}}\n"
)


def test_hostile_issue_text_becomes_text_never_structure(tmp_path: Path) -> None:
    source = cstate_site(tmp_path / "cstate", {"Ünïcode .. issue.md": HOSTILE})
    site = tmp_path / "site"
    result = import_cstate(source, site)
    assert result.exit_code == 0, result.output
    assert sorted(path.relative_to(tmp_path).as_posix() for path in site.rglob("*.md")) == [
        "site/incidents/2026-03-01-2026-01-01-00-00-utc-resolved-alice-site-params.md"]
    text = (site / "incidents" / "2026-03-01-2026-01-01-00-00-utc-resolved-alice-site-params.md").read_text()
    assert 'id: "unicode-issue"\n' in text
    assert 'title: "--- ## 2026-01-01 00:00 UTC · resolved · alice +++ {{ .Site.Params }}"\n' in text
    assert "components: [api]\n" in text
    checked = run("check", str(site), "--now", NOW)
    assert checked.exit_code == 0, checked.output
    out = build_at(site, NOW)
    incident = json.loads((out / "api/v2/incidents.json").read_text())["incidents"][0]
    # The entry without a time follows the one before it in the file (which runs oldest first); the forged
    # 'resolved' stayed text of its update.
    assert [(update["created_at"], update["status"]) for update in reversed(incident["incident_updates"])] == [
        ("2026-03-01T10:05:00Z", "investigating"), ("2026-03-01T10:20:00Z", "identified"),
        ("2026-03-01T10:20:01Z", "identified")]
    assert incident["status"] == "identified"
    assert "\\## 2026-03-01 10:30 UTC · resolved · imported-cstate" in incident["incident_updates"][2]["body"]
    for line in ("affected: '../../etc': not one of config.yml's systems; left out",
                 "weird: 'value': not a cState key statusblog knows; left out",
                 "track: 'soon': not a time", "update 3 status: 'Exploded': not a status statusblog has",
                 "a code fence left open was closed", "control characters replaced by U+FFFD",
                 "file name: 'Ünïcode .. issue': not usable as an id; 'unicode-issue' used instead"):
        assert line in result.stdout


def test_a_resolved_line_in_an_issue_cstate_calls_open_is_warned_about(tmp_path: Path) -> None:
    issue = (b"---\ntitle: Queue delays\ndate: 2026-03-02 08:00:00\nresolved: false\nseverity: disrupted\n---\n\n"
             b"*Resolved* - Delays are gone. {{< track \"2026-03-02 09:00:00\" >}}\n"
             b"*Investigating* - Jobs wait. {{< track \"2026-03-02 08:05:00\" >}}\n")
    source = cstate_site(tmp_path / "cstate", {"2026-03-02-queue.md": issue})
    result = import_cstate(source, tmp_path / "site")
    assert result.exit_code == 0, result.output
    shown = os.path.relpath(source / "content" / "issues" / "2026-03-02-queue.md")
    assert (f"{shown}:4: warning: resolved is not true, but a tracked update says 'Resolved'; the incident is "
            "imported as resolved") in result.stderr


@pytest.mark.parametrize(("files", "config", "message"), [
    ({"broken.md": b"---\ntitle: never closed\n"}, b"", "front matter opened with '---' is never closed"),
    ({"latin1.md": "---\ntitle: caf\u00e9\n---\n".encode("latin-1")}, b"", "the file is not UTF-8 text"),
    ({"huge.md": b"---\ntitle: big\n---\n" + b"x" * (6 * 1024 * 1024)}, b"", "the file is larger than 5 MB"),
    ({}, b"a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
     "front matter is too large or nests aliases too deeply"),
])
def test_broken_source_files_are_clear_errors_and_nothing_is_written(tmp_path: Path, files: dict[str, bytes],
                                                                    config: bytes, message: str) -> None:
    source = cstate_site(tmp_path / "cstate", files, config)
    result = import_cstate(source, tmp_path / "site")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "nothing was imported: the export has errors" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_a_directory_that_is_not_a_cstate_site_is_a_clear_error(tmp_path: Path) -> None:
    result = import_cstate(tmp_path, tmp_path / "site")
    assert result.exit_code == 1
    assert "no config.yml: this is not a cState site" in result.stderr
    assert "no content/issues folder" in result.stderr


# cState's own example site, stored as it is (tests/fixtures/import/cstate/real/SOURCE.md).

EXAMPLE = Path(__file__).parent / "fixtures" / "import" / "cstate" / "real" / "exampleSite"
EXAMPLE_ISSUES = os.path.relpath(EXAMPLE / "content" / "issues")
EXAMPLE_NOW = "2025-01-01T00:00:00Z"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, str]:
    """cState's example site imported and built once: (site, output, stdout, stderr)."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = run("import", "cstate", str(EXAMPLE), "--into", str(site), "--now", EXAMPLE_NOW)
    assert result.exit_code == 0, result.output
    return site, build_at(site, EXAMPLE_NOW), result.stdout, result.stderr


def api_incidents(out: Path) -> dict[str, dict]:
    return {incident["name"]: incident for incident in json.loads((out / "api/v2/incidents.json").read_text())[
        "incidents"]}


def test_the_example_site_keeps_cstates_meaning(example: tuple[Path, Path, str, str]) -> None:
    site, out, stdout, _ = example
    assert "read from cState: 5 components, 10 incidents, 1 maintenance, 24 updates" in stdout
    incidents = api_incidents(out)
    # One issue is unresolved in cState, and only that one here: informational posts are notes, closed at once.
    unresolved = json.loads((out / "api/v2/incidents/unresolved.json").read_text())["incidents"]
    assert [incident["name"] for incident in unresolved] == ["API DNS resolution error!"]
    for name in ("Formatting testing", "cState v6 Planning Meeting", "Testing New cState Features"):
        assert (incidents[name]["impact"], incidents[name]["status"], incidents[name]["components"]) == (
            "none", "resolved", []), name
        assert incidents[name]["resolved_at"] == incidents[name]["started_at"], name
    # Entries are in time order whatever the file's: this file puts the newest first and tracks no time.
    dms = incidents["Issues Sending DMs"]["incident_updates"]
    assert [(update["status"], update["body"]) for update in reversed(dms)][:2] == [
        ("investigating", "We're aware of an issue affecting sending DMs and viewing online friends. We're online "
                          "and working on a resolution."),
        ("investigating", "This incident has been resolved.")]
    # The *Post-mortem* section is the postmortem, not the summary, and its separator is not text.
    guilds = (site / "incidents" / "2018-04-13-unavailable-guilds-connection-issues.md").read_text()
    assert "\n## Postmortem · imported-cstate\n\nAt approximately 14:01, a Redis instance" in guilds
    assert "Post-mortem" not in guilds and "\n---\n" not in guilds.split("---\n", 2)[2]
    postmortem = incidents["Unavailable Guilds & Connection Issues"]["statusblog"]["postmortem"]
    assert postmortem is not None
    # No shortcode is shown as text anywhere, and no tracked entry became summary text.
    for path in [*site.rglob("*.md"), *out.rglob("*.html")]:
        assert "{{&lt;" not in path.read_text() and "{{<" not in path.read_text(), path
    excitement = incidents["Exciting Downtime"]
    assert "\n---\n\n## 2024-07-23 10:35 UTC · update · imported-cstate\n\nOur servers are down for a few minutes." \
        in (site / "incidents" / "2024-07-23-exciting-downtime.md").read_text()
    assert [(update["display_at"], update["status"]) for update in reversed(excitement["incident_updates"])] == [
        ("2024-07-23T10:35:00Z", "investigating"), ("2024-07-23T10:35:01Z", "investigating"),
        ("2024-07-23T10:38:00Z", "resolved")]


def test_dates_that_disagree_are_warned_about_and_downtime_follows_the_issues_own_dates(
        example: tuple[Path, Path, str, str]) -> None:
    """'Exciting Downtime' lasted from 10:35 to 10:38 on 2024-07-23; its entries are tracked five months earlier."""
    _, out, stdout, stderr = example
    assert [line for line in problems(stderr) if line.startswith(EXAMPLE_ISSUES)] == [
        f"{EXAMPLE_ISSUES}/2018-05-25-us-east-conn-issues.md:3: warning: the tracked updates (2018-05-25 04:13 to "
        "2018-05-25 05:54) disagree with the issue's dates by more than a day; the incident is taken to run from its "
        "date 2018-04-25 04:13 to resolvedWhen 2018-04-25 04:13, as cState counts it",
        f"{EXAMPLE_ISSUES}/2024-07-23-excitement.md:3: warning: the tracked updates (2024-02-24 10:35 to 2024-02-24 "
        "10:35) disagree with the issue's dates by more than a day; the incident is taken to run from its date "
        "2024-07-23 10:35 to resolvedWhen 2024-07-23 10:38, as cState counts it"]
    assert (f"{EXAMPLE_ISSUES}/2024-07-23-excitement.md: track: '2024-02-24T10:35:00+00:00': outside the issue's "
            "dates; the 'resolved' update is placed at 2024-07-23T10:38:00+00:00") in stdout
    months = {month["month"]: month for month in json.loads((out / "api/uptime.json").read_text())["components"][
        "api"]["months"]}
    assert [months[month]["downtime_minutes"] for month in ("2024-02", "2024-03", "2024-04", "2024-05", "2024-06")] \
        == [0.0] * 5
    # July 2024: the three minutes of 'Exciting Downtime' (critical: a major outage, counted in full).
    assert months["2024-07"]["downtime_minutes"] == 3.0


def test_a_draft_issue_is_not_imported_and_said(tmp_path: Path) -> None:
    draft = b"---\ntitle: Not yet\ndate: 2026-03-02 08:00:00\ndraft: true\nseverity: down\n---\n\nUnpublished.\n"
    source = cstate_site(tmp_path / "cstate", {"2026-03-02-draft.md": draft})
    result = import_cstate(source, tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert (f"{os.path.relpath(source / 'content' / 'issues' / '2026-03-02-draft.md')}: draft: 'true': a draft "
            "cState does not publish; not imported") in result.stdout
    assert not (tmp_path / "site" / "incidents").exists() or not list((tmp_path / "site" / "incidents").iterdir())


@pytest.mark.parametrize("linked", ["content/issues/2026-01-01-secret.md", "config.yml"])
def test_a_link_out_of_the_export_is_refused_and_nothing_is_read_through_it(tmp_path: Path, linked: str) -> None:
    export = tmp_path / "cstate"
    shutil.copytree(SITE, export)
    secret = tmp_path / "secret.md"
    secret.write_text((export / "config.yml").read_text() if linked == "config.yml" else
                      "---\ntitle: SECRET-OUTSIDE\ndate: 2026-01-01T00:00:00Z\nseverity: down\n---\nSECRET-OUTSIDE\n")
    (export / linked).unlink(missing_ok=True)
    (export / linked).symlink_to(secret)
    result = run("import", "cstate", str(export), "--into", str(tmp_path / "site"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{linked}: error: file is a link to outside the export; refused" in result.stderr
    assert not (tmp_path / "site").exists()
