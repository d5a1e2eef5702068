"""`statusblog import statuspage`: Statuspage's JSON in, a site that checks and builds out.

The fixtures in tests/fixtures/import/statuspage/ are written for these tests
in the shapes Statuspage documents: the public API v2 bodies (`public/`) and
the management API's paged arrays (`management/`). Every import goes through
the real command, into a real directory, and is then checked and built the
way a user would.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import html

from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.proof.bylines import SignatureOptions, State
from tests.built import build_at
from tests.sites import SITE_TOML, run, write_site
from tests.support.signing import Repo

FIXTURES = Path(__file__).parent / "fixtures" / "import" / "statuspage"
PUBLIC = sorted((FIXTURES / "public").glob("*.json"))
MANAGEMENT = sorted((FIXTURES / "management").glob("*.json"))
NOW = "2026-03-21T00:00:00Z"
OPEN_INCIDENT = "incidents/2026-03-20-documentation-search-returns-no-results.md"


def import_statuspage(site: Path, *files: Path, now: str = NOW, dry_run: bool = False):
    args = ["import", "statuspage", *map(str, files), "--into", str(site), "--now", now]
    return run(*args, *(["--dry-run"] if dry_run else []))


def checked(site: Path, now: str = NOW) -> list[str]:
    """The site's problems as `check` prints them, each line 'path:line: severity: message' without the hint."""
    result = run("check", str(site), "--now", now)
    assert result.exit_code == 0, result.stderr
    prefix = os.path.relpath(site) + "/"
    return sorted(line.removeprefix(prefix) for line in result.stderr.splitlines() if not line.startswith("    hint"))


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root (dot files too) with its bytes and modification time."""
    return {path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file()}


def source_incidents() -> dict[str, dict]:
    """Every incident of the public fixtures, by id, as Statuspage served it."""
    found: dict[str, dict] = {}
    for path in PUBLIC:
        for incident in json.loads(path.read_text(encoding="utf-8")).get("incidents", []):
            found[incident["id"]] = incident
    return found


def utc(text: str) -> str:
    """A Statuspage time as statusblog's API writes it: UTC, to the second."""
    return datetime.fromisoformat(text).astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_public_api_bodies_make_a_new_site_that_checks_and_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 0, result.output
    assert "read from Statuspage: 3 components, 3 incidents, 2 maintenances, 13 updates" in result.stdout
    assert sorted(path.relative_to(site).as_posix() for path in site.rglob("*.md")) == [
        "incidents/2026-03-14-elevated-error-rates-on-the-public-api.md",
        "incidents/2026-03-19-deploys-stuck-in-the-build-queue.md",
        OPEN_INCIDENT,
        "maintenance/2026-03-08-load-balancer-certificate-rotation.md",
        "maintenance/2026-03-28-database-upgrade-to-postgresql-16.md",
    ]
    # The one warning is the source's own: the open incident gives no time for its next update.
    assert checked(site) == [f"{OPEN_INCIDENT}:15: warning: open incident gives no time for the next update"]
    out = build_at(site, NOW)
    assert (out / "incidents" / "2026-03-14-elevated-error-rates-on-the-public-api" / "index.html").is_file()

    site_toml = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
    assert site_toml == {"title": "Harbor Status", "base_url": "https://status.harbor.example",
                         "timezone": "America/Chicago"}
    components_text = (site / "components.toml").read_text(encoding="utf-8")
    assert tomllib.loads(components_text) == {
        "public-api": {"name": "Public API", "group": "Core platform",
                       "description": "REST endpoints for customers' deploy tooling",
                       "start_date": datetime(2025, 11, 1).date()},
        "dashboard": {"name": "Dashboard", "group": "Core platform",
                      "description": "Where customers manage their harbors", "start_date": datetime(2025, 11, 1).date()},
        "documentation-site": {"name": "Documentation site"},
    }
    assert "[public-api]  # Statuspage component c1api0rest01\n" in components_text
    incident = (site / "incidents" / "2026-03-14-elevated-error-rates-on-the-public-api.md").read_text()
    assert 'id: "k7mq2x9d4p1r"\n' in incident
    # Each component joins and moves at the update where Statuspage attached or moved it.
    assert "components: []\n" in incident
    assert [line for line in incident.splitlines() if line.startswith("Components:")] == [
        "Components: public-api=partial_outage", "Components: public-api=degraded_performance",
        "Components: public-api=operational"]


def test_the_report_names_every_value_not_mapped_with_its_file_and_field(tmp_path: Path) -> None:
    result = import_statuspage(tmp_path / "site", *PUBLIC)
    assert result.exit_code == 0, result.output
    public = "tests/fixtures/import/statuspage/public"
    for line in (
        f"{public}/components.json: components[c2dashboard2].status: 'degraded_performance': a component's status "
        "now is not stored",
        f"{public}/summary.json: components[c3docs00site].status: 'partial_outage'",
    ):
        assert line in result.stdout
    assert "not mapped as written (2):" in result.stdout


def test_round_trip_to_the_api_keeps_every_incident_field_by_field(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    out = build_at(site, NOW)
    built = {incident["name"]: incident
             for incident in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]}
    sources = source_incidents()
    assert sorted(built) == sorted(incident["name"] for incident in sources.values())
    for source in sources.values():
        incident = built[source["name"]]
        assert incident["impact"] == source["impact"], source["name"]
        expected = sorted((utc(update["display_at"]), update["status"], update["body"])
                          for update in source["incident_updates"])
        written = [(update["created_at"], update["status"], update["body"])
                   for update in reversed(incident["incident_updates"])]
        assert written == expected, source["name"]
        assert incident["status"] == source["status"]

    maintenances = json.loads((out / "api/v2/scheduled-maintenances.json").read_text())["scheduled_maintenances"]
    source_maintenance = json.loads((FIXTURES / "public" / "scheduled-maintenances.json").read_text())
    source = source_maintenance["scheduled_maintenances"][0]
    maintenance = next(item for item in maintenances if item["name"] == source["name"])
    assert (maintenance["scheduled_for"], maintenance["scheduled_until"]) == (utc(source["scheduled_for"]),
                                                                             utc(source["scheduled_until"]))
    assert [(update["status"], update["body"]) for update in maintenance["incident_updates"]] == [
        (update["status"], update["body"]) for update in source["incident_updates"]]


def test_an_incident_statuspage_resolved_without_a_resolving_update_ends_resolved(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    incident = data["incidents"][1]
    incident["incident_updates"] = incident["incident_updates"][1:]
    export = tmp_path / "incidents.json"
    export.write_text(json.dumps(data))
    result = import_statuspage(tmp_path / "site", export)
    assert result.exit_code == 0, result.output
    assert ("incidents[k7mq2x9d4p1r].status: 'resolved': no update says so; a 'resolved' update without text added "
            "at 2026-03-14T11:40:10+00:00") in result.stdout
    text = (tmp_path / "site" / "incidents" / "2026-03-14-elevated-error-rates-on-the-public-api.md").read_text()
    assert text.endswith("## 2026-03-14 10:55 UTC · monitoring · imported-statuspage\n\nThe pool size is raised on "
                         "every replica. We are watching error rates.\n\n"
                         "## 2026-03-14 11:40:10 UTC · resolved · imported-statuspage\n\n\n")


def test_management_api_pages_keep_groups_postmortems_and_maintenance(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_statuspage(site, *MANAGEMENT)
    assert result.exit_code == 0, result.output
    assert "read from Statuspage: 3 components, 1 incident, 1 maintenance, 5 updates" in result.stdout
    components = tomllib.loads((site / "components.toml").read_text())
    assert [(key, value.get("group", "")) for key, value in components.items()] == [
        ("edge-proxies", "Network"), ("dns", "Network"), ("object-storage", "")]
    incident = (site / "incidents" / "2026-02-11-all-regions-refuse-tls-connections.md").read_text()
    assert "components: []\n" in incident
    assert "Components: edge-proxies=major_outage\n" in incident and "Components: edge-proxies=operational\n" in incident
    assert "## Postmortem · imported-statuspage\n\n### What happened\n" in incident
    maintenance = (site / "maintenance" / "2026-01-24-dns-provider-migration.md").read_text()
    assert "scheduled_start: 2026-01-24T03:00:00Z\nscheduled_end: 2026-01-24T04:00:00Z\ncomponents: [dns]\n" \
        in maintenance
    # The management API gives no page address, so the site gets a placeholder, said in the report,
    # and the imported author no way to reach them, which check warns about.
    assert "site.toml: base_url: '': no usable page address" in result.stdout
    assert checked(site) == ["authors.toml:1: warning: author 'imported-statuspage' gives no way to reach them"]
    build_at(site, NOW)


def test_an_incident_in_two_files_is_imported_once(tmp_path: Path) -> None:
    site = tmp_path / "site"
    summary = FIXTURES / "public" / "summary.json"
    result = import_statuspage(site, summary, summary, FIXTURES / "public" / "components.json")
    assert result.exit_code == 0, result.output
    assert len(list((site / "incidents").glob("*.md"))) == 1


def test_a_second_import_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    before = snapshot(site)
    again = import_statuspage(site, *PUBLIC)
    assert again.exit_code == 0, again.output
    assert "wrote 0 files, 5 unchanged, 0 skipped" in again.stdout
    assert snapshot(site) == before


def test_an_edited_file_is_skipped_and_reported_while_the_others_follow_the_source(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    edited = site / "incidents" / "2026-03-14-elevated-error-rates-on-the-public-api.md"
    edited.write_text(edited.read_text() + "\n## Postmortem · imported-statuspage\n\nWritten by us.\n")
    mine = edited.read_bytes()
    changed = tmp_path / "incidents.json"
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    for incident in data["incidents"]:
        incident["incident_updates"][0]["body"] += " (corrected)"
    changed.write_text(json.dumps(data))
    again = import_statuspage(site, *[path for path in PUBLIC if path.name != "incidents.json"], changed)
    assert again.exit_code == 0, again.output
    assert (f"skipped {os.path.relpath(edited)}: edited since the last import; left as it is\n") in again.stdout
    assert edited.read_bytes() == mine
    followed = (site / "incidents" / "2026-03-19-deploys-stuck-in-the-build-queue.md").read_text()
    assert "New deploys start within seconds again. (corrected)" in followed
    assert "wrote 1 file, 3 unchanged, 1 skipped" in again.stdout
    # The next import still knows the edited file is the person's, not the import's.
    third = import_statuspage(site, *[path for path in PUBLIC if path.name != "incidents.json"], changed)
    assert "wrote 0 files, 4 unchanged, 1 skipped" in third.stdout


def test_a_deleted_file_is_not_written_again(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    (site / OPEN_INCIDENT).unlink()
    again = import_statuspage(site, *PUBLIC)
    assert "deleted since the last import; not written again" in again.stdout
    assert not (site / OPEN_INCIDENT).exists()


def test_an_import_stopped_before_its_record_was_written_completes_without_doubling(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    record = (site / ".statusblog-import.json").read_bytes()
    (site / ".statusblog-import.json").unlink()
    again = import_statuspage(site, *PUBLIC)
    assert again.exit_code == 0, again.output
    assert "wrote 0 files, 5 unchanged, 0 skipped" in again.stdout
    assert (site / ".statusblog-import.json").read_bytes() == record
    assert len(list(site.rglob("*.md"))) == 5


def test_a_site_whose_registries_are_broken_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, FIXTURES / "public" / "components.json").exit_code == 0
    (site / "components.toml").write_text("[api\nname = 1\n")
    before = snapshot(site)
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 1
    assert "components.toml:1: not valid TOML" in result.stderr and "fix it first" in result.stderr
    assert snapshot(site) == before


def test_empty_registries_and_an_empty_record_are_added_to(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"site.toml": SITE_TOML, "authors.toml": "", "components.toml": "",
                                          ".statusblog-import.json": '{"version": 1, "files": {}}'}, defaults=False)
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 0, result.output
    assert tomllib.loads((site / "authors.toml").read_text())["imported-statuspage"]["name"] == \
        "Harbor Status team, imported from Statuspage"
    assert len(json.loads((site / ".statusblog-import.json").read_text())["files"]) == 5


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "new-site"
    result = import_statuspage(site, *PUBLIC, dry_run=True)
    assert result.exit_code == 0, result.output
    assert "would create" in result.stdout
    assert "would write 8 files, 0 unchanged, 0 skipped; nothing was written (--dry-run)" in result.stdout
    assert not site.exists()
    assert import_statuspage(site, *MANAGEMENT).exit_code == 0
    before = snapshot(site)
    again = import_statuspage(site, *PUBLIC, dry_run=True)
    assert again.exit_code == 0, again.output
    assert "would add to" in again.stdout and "components.toml" in again.stdout
    assert snapshot(site) == before


def test_imported_bylines_are_shown_as_imported_and_never_verified(tmp_path: Path,
                                                                   request: pytest.FixtureRequest) -> None:
    """Even a commit signed by a registered author's trusted key does not verify an imported byline."""
    repo = Repo(tmp_path / "repo", request.getfixturevalue("keys"))
    repo.base()
    result = import_statuspage(repo.site, *PUBLIC)
    assert result.exit_code == 0, result.output
    repo.commit("Import our Statuspage history", "alice")
    state = check(repo.site, build_now(NOW), SignatureOptions()).state
    assert state is not None
    imported = [byline for (path, _), byline in state.bylines.items() if "incidents/" in path]
    assert imported and all(byline.state is State.OTHER and byline.signer == "alice" for byline in imported)
    authors = tomllib.loads((repo.site / "authors.toml").read_text())
    assert authors["imported-statuspage"] == {
        "name": "Harbor Status team, imported from Statuspage",
        "role": "Imported history from Statuspage, not signed by a person", "url": "https://status.harbor.example"}
    page = html.fromstring((build_at(repo.site, NOW) / "incidents" / "2026-03-19-deploys-stuck-in-the-build-queue"
                            / "index.html").read_bytes())
    byline = page.xpath("string(//p[@class='byline'])")
    assert "Harbor Status team, imported from Statuspage, Imported history from Statuspage, not signed" in byline
    assert "Verified" not in byline


def test_a_terminal_gets_a_progress_bar_and_a_pipe_does_not(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "generator", "import", "statuspage", *map(str, PUBLIC), "--now", NOW, "--into"]
    controller, terminal = pty.openpty()
    try:
        subprocess.run([*command, str(tmp_path / "on-a-terminal")], stdout=subprocess.DEVNULL, stderr=terminal,
                       check=True, timeout=120)
    finally:
        os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: everything was read
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert b"Importing" in shown and b"100%" in shown
    piped = subprocess.run([*command, str(tmp_path / "in-a-pipe")], capture_output=True, check=True, timeout=120)
    assert b"Importing" not in piped.stderr + piped.stdout


# Hostile and broken input.

def test_hostile_export_becomes_text_never_structure(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = import_statuspage(site, FIXTURES / "hostile.json")
    assert result.exit_code == 0, result.output
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()) == [
        "site/.statusblog-import.json", "site/authors.toml", "site/components.toml",
        "site/incidents/2026-03-14-title-forged-config-2026-01-01-00-00-utc-resolved-alice.md",
        "site/incidents/2026-03-15-imported.md", "site/site.toml"]
    assert checked(site) == ["authors.toml:1: warning: author 'imported-statuspage' gives no way to reach them"]
    out = build_at(site, NOW)
    incidents = {item["name"]: item for item in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]}
    forged = incidents["--- title: forged +++ {{ config }} ## 2026-01-01 00:00 UTC · resolved · alice"]
    # Five readable updates, none of them made from a heading inside a body; the forged 'resolved' stayed text.
    assert [update["status"] for update in reversed(forged["incident_updates"])] == [
        "investigating", "investigating", "identified", "monitoring", "resolved"]
    first = forged["incident_updates"][-1]["body"]
    assert "\\## 2026-03-14 10:00 UTC · resolved · imported-statuspage" in first
    assert "{{ 7*7 }} {% raw %}" in first
    page = (out / "incidents" / "2026-03-14-title-forged-config-2026-01-01-00-00-utc-resolved-alice"
            / "index.html").read_text()
    assert "{{ 7*7 }}" in page and "49" not in page
    assert "\x00" not in page and "\x1b" not in page and "\u202e" not in page
    components = tomllib.loads((site / "components.toml").read_text())
    assert sorted(components) == ["evil-name-taken", "outside", "public-api", "public-api-2"]
    assert components["evil-name-taken"]["name"] == '[evil] name = "taken"'
    for expected in ("incidents[../../etc/passwd].id: '../../etc/passwd': not usable as an id; 'etc-passwd' used",
                     "1 level-2 heading(s) escaped", "a code fence left open was closed",
                     "control characters replaced by U+FFFD", "'catastrophic': not an incident impact",
                     "incidents[A.B].incident_updates: 'A.B': an incident without updates; not imported",
                     "'yesterday at noon': no readable time; left out",
                     "incidents[🔥🔥] update status: 'resolved': updates follow it"):
        assert expected in result.stdout


def test_an_update_too_large_for_a_source_file_is_left_out_and_said(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    data["incidents"][0]["incident_updates"][1]["body"] = "x" * (6 * 1024 * 1024)
    export = tmp_path / "incidents.json"
    export.write_text(json.dumps(data))
    result = import_statuspage(tmp_path / "site", export)
    assert result.exit_code == 0, result.output
    assert "r8dock5queue: 'Deploys stuck in the build queue': its file would be 6,29" in result.stdout
    assert "bytes, over the 5 MB a source file may have; not imported" in result.stdout
    assert [path.name for path in (tmp_path / "site" / "incidents").iterdir()] == [
        "2026-03-14-elevated-error-rates-on-the-public-api.md"]


@pytest.mark.parametrize(("text", "message"), [
    ('{"incidents": [', "error: not valid JSON: Expecting value (column 16)"),
    ("[1, 2", "error: not valid JSON"),
    ('"just text"', "error: not a Statuspage export"),
    ("\udcff", "error: the file is not UTF-8 text"),
])
def test_a_broken_export_is_a_clear_error_and_writes_nothing(tmp_path: Path, text: str, message: str) -> None:
    export = tmp_path / "export.json"
    export.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = import_statuspage(tmp_path / "site", export)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_an_import_record_pointing_outside_the_site_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    record = json.loads((site / ".statusblog-import.json").read_text())
    record["files"]["statuspage:incidents:k7mq2x9d4p1r"]["path"] = "../../outside.md"
    (site / ".statusblog-import.json").write_text(json.dumps(record))
    before = snapshot(site)
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 1
    assert "is not a file under incidents/ or maintenance/ with its digest" in result.stderr
    assert snapshot(site) == before
    assert not (tmp_path / "outside.md").exists()


def test_an_incidents_folder_linking_outside_the_site_is_refused(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    site.mkdir()
    os.symlink(elsewhere, site / "incidents")
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 1
    assert "leads outside the site; refusing to write through it" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_an_import_the_site_would_reject_writes_nothing(tmp_path: Path) -> None:
    """An id already used by a file a person wrote: check would fail, so nothing is written."""
    site = tmp_path / "site"
    assert import_statuspage(site, FIXTURES / "public" / "components.json").exit_code == 0
    (site / "incidents").mkdir()
    (site / "incidents" / "ours.md").write_text(
        '---\ntitle: Ours\nid: "k7mq2x9d4p1r"\nimpact: none\nstarted: 2026-03-01T00:00:00Z\n---\n\n'
        "## 2026-03-01 00:00 UTC · resolved · imported-statuspage\n\nDone.\n")
    before = snapshot(site)
    result = import_statuspage(site, *PUBLIC)
    assert result.exit_code == 1
    assert "refusing to import: 'statusblog check' would reject the site" in result.stderr
    assert "duplicate id 'k7mq2x9d4p1r'" in result.stderr
    assert snapshot(site) == before


# Real exports: GitHub's status page, as its public API served it (tests/fixtures/import/statuspage/real/SOURCE.md).

REAL = FIXTURES / "real"
GITHUB_MONTH = sorted((REAL / "github-2023-09").glob("*.json"))
WEIGHTS = {"major_outage": 1.0, "partial_outage": 0.3}


def source_changes(incident: dict) -> list[list[tuple[str, str, str]]]:
    """For each update, oldest first, the components whose status it changed: (name, old, new)."""
    held: dict[str, str] = {}
    result = []
    for update in sorted(incident["incident_updates"], key=lambda update: update["display_at"]):
        changed = []
        for component in update["affected_components"] or []:
            old = held.get(component["name"], "operational")
            if component["name"] not in held or old != component["new_status"]:
                changed.append((component["name"], old, component["new_status"]))
            held[component["name"]] = component["new_status"]
        result.append(sorted(changed))
    return result


def source_downtime(incidents: list[dict]) -> dict[str, float]:
    """Each component's weighted downtime in minutes, as the source's own status changes count it."""
    minutes: dict[str, float] = {}
    for incident in incidents:
        moments: dict[str, list[tuple[float, str]]] = {}
        for update in sorted(incident["incident_updates"], key=lambda update: update["display_at"]):
            for component in update["affected_components"] or []:
                moments.setdefault(component["name"], []).append((datetime.fromisoformat(
                    utc(update["display_at"])).timestamp(), component["new_status"]))
        end = datetime.fromisoformat(utc(incident["resolved_at"])).timestamp()
        for name, course in moments.items():
            for (start, status), following in zip(course, [*course[1:], None], strict=True):
                stop = following[0] if following else end
                minutes[name] = minutes.get(name, 0.0) + (stop - start) / 60 * WEIGHTS.get(status, 0.0)
    return minutes


def test_a_real_month_of_github_keeps_every_update_and_its_component_changes(tmp_path: Path) -> None:
    """Field by field: every update's time, status, text and component changes as GitHub published them, and so
    each component's downtime of the month as the source's own status changes count it."""
    site = tmp_path / "site"
    result = import_statuspage(site, *GITHUB_MONTH, now="2023-10-01T00:00:00Z")
    assert result.exit_code == 0, result.output
    assert "read from Statuspage: 9 components, 20 incidents, 0 maintenances, 110 updates" in result.stdout
    assert "not mapped as written" not in result.stdout
    out = build_at(site, "2023-10-01T00:00:00Z")
    built = {incident["statusblog"]["key"]: incident
             for incident in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]}
    sources = [json.loads(path.read_text())["incident"] for path in GITHUB_MONTH]
    assert sorted(built) == sorted(source["id"] for source in sources)
    for source in sources:
        incident = built[source["id"]]
        assert (incident["name"], incident["impact"], incident["status"], incident["started_at"],
                incident["resolved_at"]) == (source["name"], source["impact"], source["status"],
                                             utc(source["started_at"]), utc(source["resolved_at"])), source["id"]
        updates = list(reversed(incident["incident_updates"]))
        expected = sorted(source["incident_updates"], key=lambda update: update["display_at"])
        assert [(update["display_at"], update["status"], update["body"]) for update in updates] == [
            (utc(update["display_at"]), update["status"], update["body"].strip()) for update in expected], source["id"]
        assert [sorted((change["name"], change["old_status"], change["new_status"])
                       for change in update["affected_components"] or []) for update in updates] == \
            source_changes(source), source["id"]
    uptime = json.loads((out / "api/uptime.json").read_text())["components"]
    september = {component["name"]: next(month["downtime_minutes"] for month in component["months"]
                                          if month["month"] == "2023-09") for component in uptime.values()}
    assert september == pytest.approx({name: round(value, 1) for name, value in source_downtime(sources).items()},
                                      abs=0.1)
    # Before, each component was held at its worst status for the whole incident: Actions 191.2 minutes, Pages
    # 18.1 (the source says 95.0 and 17.8).
    assert (september["Actions"], september["Pages"]) == (95.0, 17.8)


def test_html_bodies_show_what_the_source_showed_not_their_tags(tmp_path: Path) -> None:
    """GitHub's 2010 and 2012 updates are HTML lists with bold times and links; a break is written <br />."""
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    data["incidents"][0]["incident_updates"][0]["body"] = "We are investigating.<br /><br />Next update in 1 hour."
    export = tmp_path / "incidents.json"
    export.write_text(json.dumps(data))
    site = tmp_path / "site"
    result = import_statuspage(site, *sorted((REAL / "github-html").glob("*.json")), export,
                               now="2026-03-21T00:00:00Z")
    assert result.exit_code == 0, result.output
    assert "incidents[jlx4smw4tqfv].incident_updates[0].body: '<ul><li><strong>2012-08-29 15:06:00</strong> - " \
        "We are processing" in result.stdout and "HTML written as the Markdown that shows the same" in result.stdout
    out = build_at(site, "2026-03-21T00:00:00Z")
    updates = {incident["statusblog"]["key"]: incident["incident_updates"]
               for incident in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]}
    backlog = updates["jlx4smw4tqfv"][0]["statusblog"]["body_html"]
    assert backlog.startswith("<ul>\n<li><strong>2012-08-29 15:06:00</strong> - We are processing through a queue")
    assert ('<a href="https://github-images.s3.amazonaws.com/skitch/skitched-20120829-121613.jpg">backlog has been '
            "processed</a>") in backlog
    assert updates["r8dock5queue"][0]["statusblog"]["body_html"] == (
        "<p>We are investigating.</p>\n<p>Next update in 1 hour.</p>\n")
    page = (out / "incidents" / "2012-08-29-incident-on-2012-08-29-15-06-00-utc" / "index.html").read_text()
    feed = [item["content_html"] for item in json.loads((out / "feed.json").read_text())["items"]]
    for shown in (page, *feed):
        assert "&lt;li&gt;" not in shown and "&lt;br" not in shown and "&lt;strong" not in shown


def test_a_component_only_listed_keeps_the_status_the_source_shows_or_is_reported(tmp_path: Path) -> None:
    """summary.json lists an open incident's components with the status they have now (Twilio's SMS: operational);
    a resolved incident's listing says nothing of its course, so the impact's status is used and said."""
    data = json.loads((FIXTURES / "public" / "summary.json").read_text())
    incident = data["incidents"][0]
    incident["components"] = [{**data["components"][0], "status": "operational"}]
    for update in incident["incident_updates"]:
        update["affected_components"] = None
    resolved = json.loads(json.dumps(incident))
    resolved.update(id="v9done00gone", name="Search was slow", status="resolved", resolved_at=resolved["updated_at"])
    resolved["incident_updates"][0]["status"] = "resolved"
    data["incidents"].append(resolved)
    export = tmp_path / "summary.json"
    export.write_text(json.dumps(data))
    site = tmp_path / "site"
    result = import_statuspage(site, export)
    assert result.exit_code == 0, result.output
    assert "components: {documentation-site: operational}\n" in (site / OPEN_INCIDENT).read_text()
    assert ("summary.json: incidents[v9done00gone].components[c3docs00site]: 'operational': no update gives its status "
            "during the incident; the impact's status is used") in result.stdout
    assert "incidents[w2docs7search].components" not in result.stdout
    summary = json.loads((build_at(site, NOW) / "api/v2/summary.json").read_text())
    assert ("Documentation site", "operational") in [(component["name"], component["status"])
                                                     for component in summary["components"]]


def test_a_body_line_that_reads_as_a_components_line_stays_text(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    data["incidents"][0]["incident_updates"][0]["body"] = "Components: public-api=major_outage\nAll good."
    export = tmp_path / "incidents.json"
    export.write_text(json.dumps(data))
    site = tmp_path / "site"
    result = import_statuspage(site, export)
    assert result.exit_code == 0, result.output
    assert "a line starting 'Components:' escaped, so it stays text" in result.stdout
    out = build_at(site, NOW)
    incident = next(item for item in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]
                    if item["statusblog"]["key"] == "r8dock5queue")
    assert incident["incident_updates"][0]["body"] == "Components\\: public-api=major_outage\nAll good."
    assert [change["name"] for change in incident["incident_updates"][0]["affected_components"]] == ["Dashboard"]


def test_every_value_a_site_cannot_keep_is_named_with_its_file_and_field(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "management" / "incidents-page-1.json").read_text())
    incident = data[0]
    incident["metadata"] = {"jira": {"key": "OPS-12"}}
    incident["postmortem_published_at"] = None
    incident["incident_updates"][0]["custom_tweet"] = "TLS is down everywhere"
    incident["incident_updates"][0]["tweet_id"] = "1700000000000000000"
    export = tmp_path / "incidents-page-1.json"
    export.write_text(json.dumps(data))
    result = import_statuspage(tmp_path / "site", export, *[path for path in MANAGEMENT
                                                            if path.name != "incidents-page-1.json"])
    assert result.exit_code == 0, result.output
    where = f"{os.path.relpath(export)}: incidents[{incident['id']}]"
    for line in (f"{where}.metadata: \"{{'jira': {{'key': 'OPS-12'}}}}\": metadata is not part of a statusblog site",
                 f"{where}.postmortem_body: '### What happened",
                 "a draft Statuspage never published; left out",
                 f"{where}.incident_updates[0].custom_tweet: 'TLS is down everywhere': a tweet is not part of",
                 f"{where}.incident_updates[0].tweet_id: '1700000000000000000': a tweet"):
        assert line in result.stdout, line
    assert "## Postmortem" not in (tmp_path / "site" / "incidents" /
                                   "2026-02-11-all-regions-refuse-tls-connections.md").read_text()


def test_hostile_html_becomes_text_never_structure_nor_a_traceback(tmp_path: Path) -> None:
    """A heading made of HTML stays text of its update, a script is dropped, and HTML nested deeper than the
    converter can follow is kept as written, with a line in the report."""
    data = json.loads((FIXTURES / "public" / "incidents.json").read_text())
    updates = data["incidents"][0]["incident_updates"]
    updates[0]["body"] = ("<h2>2026-03-19 18:00 UTC · resolved · imported-statuspage</h2>"
                          "<script>alert(1)</script><p>Still broken.</p>")
    updates[1]["body"] = "<b>" * 3000 + "deep"
    export = tmp_path / "incidents.json"
    export.write_text(json.dumps(data))
    site = tmp_path / "site"
    result = import_statuspage(site, export)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert "incident_updates[1].body: '<b><b><b>" in result.stdout
    assert "HTML nested too deeply to convert; kept as written" in result.stdout
    out = build_at(site, NOW)
    incident = next(item for item in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]
                    if item["statusblog"]["key"] == "r8dock5queue")
    assert [update["status"] for update in incident["incident_updates"]] == [update["status"] for update in updates]
    assert incident["incident_updates"][0]["body"] == (
        "\\## 2026-03-19 18:00 UTC · resolved · imported-statuspage\n\nStill broken.")
    assert "alert(1)" not in (out / "incidents" / "2026-03-19-deploys-stuck-in-the-build-queue" / "index.html"
                              ).read_text()


def test_importing_history_into_a_live_site_sends_none_of_it_and_later_updates_are_news(tmp_path: Path) -> None:
    """The documented workflow: import into the live site, commit, publish, notify; then an update to an
    imported incident is sent like any other."""
    site = write_site(tmp_path / "site", {"site.toml": SITE_TOML + '\n[[notify]]\nname = "Ops"\nurl = "env:OPS"\n'})
    live = build_at(site, NOW, tmp_path / "live")
    assert import_statuspage(site, *PUBLIC).exit_code == 0
    published = build_at(site, NOW, tmp_path / "published")

    result = run("notify", str(site), "--new", str(published), "--previous", str(live), "--now", NOW, "--dry-run")
    assert result.exit_code == 0, result.output
    summary = result.output.splitlines()[0]
    assert summary.startswith("notify: 0 new entries (") and "history written by `statusblog import`" in summary
    assert "== Ops: 0 to send" in result.output

    incident = site / OPEN_INCIDENT
    incident.write_text(incident.read_text() + "\n## 2026-03-20 23:00 UTC · monitoring · alice\n\nSearch is back.\n")
    later = build_at(site, NOW, tmp_path / "later")
    result = run("notify", str(site), "--new", str(later), "--previous", str(published), "--now", NOW, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "notify: 1 new entry"
    assert "== Ops: 1 to send" in result.output and "Search is back." in result.output
