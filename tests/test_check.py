"""`statusblog check`: every problem at once, each as path:line: message with a hint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sites import INCIDENT, SITE_TOML, run, write_site

NOW = "2026-03-15T00:00:00Z"
INCIDENT_PATH = "incidents/2026-03-14-api-errors.md"


def check(root: Path, *extra: str, now: str = NOW):
    return run("check", str(root), "--now", now, *extra)


def incident(**replace: str) -> str:
    text = INCIDENT
    for old, new in replace.items():
        assert old.replace("_", " ") in text or old in text
        text = text.replace(old, new)
    return text


def edited(old: str, new: str) -> dict[str, str]:
    assert old in INCIDENT
    return {INCIDENT_PATH: INCIDENT.replace(old, new)}


def assert_problem(result, root: Path, relative: str, line: int | None, message: str, hint: str = "") -> None:
    shown = os.path.relpath(root / relative)
    where = f"{shown}:{line}" if line else shown
    lines = result.stderr.splitlines()
    matching = [i for i, text in enumerate(lines) if text.startswith(f"{where}: ") and message in text]
    assert matching, f"no '{where}: ...{message}' in:\n{result.stderr}"
    if hint:
        assert hint in lines[matching[0] + 1], lines[matching[0] + 1]
    assert "Traceback" not in result.stderr


def test_a_valid_site_passes(tmp_path: Path) -> None:
    result = check(write_site(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("0 errors, 0 warnings")
    assert result.stderr == ""


def test_unknown_front_matter_key_suggests_the_right_one(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("impact: major", "impact: major\nimpcat: minor"))
    result = check(root)
    assert result.exit_code == 1
    assert_problem(result, root, INCIDENT_PATH, 4, "error: unknown key 'impcat' in front matter", "did you mean 'impact'?")


def test_missing_required_key(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("impact: major\n", ""))
    result = check(root)
    assert result.exit_code == 1
    assert_problem(result, root, INCIDENT_PATH, 1, "missing required key 'impact'", "add 'impact: ...'")


def test_invalid_impact_lists_the_valid_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("impact: major", "impact: severe"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 3, "'impact' 'severe' is not one of: none, minor, major, critical")


def test_invalid_update_status_lists_the_valid_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("· investigating ·", "· investigatin ·"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 10,
                   "update status 'investigatin' is not one of: investigating, identified, monitoring, resolved, update",
                   "did you mean 'investigating'?")


def test_invalid_component_status_lists_the_valid_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("components: [api]", "components: {api: broken}"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 4, "status 'broken' of 'api' is not one of: operational, "
                   "under_maintenance, degraded_performance, partial_outage, major_outage")


def test_unparseable_time_in_front_matter_and_heading(tmp_path: Path) -> None:
    text = INCIDENT.replace("started: 2026-03-14T09:12:00Z", "started: last tuesday")
    text = text.replace("## 2026-03-14 11:02 UTC", "## 2026-03-14 11h02 UTC")
    root = write_site(tmp_path, {INCIDENT_PATH: text})
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 5, "'started' cannot read time 'last tuesday'", "ISO 8601")
    assert_problem(result, root, INCIDENT_PATH, 14, "update time: cannot read time '2026-03-14 11h02 UTC'")


def test_updates_out_of_order(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("## 2026-03-14 11:02 UTC", "## 2026-03-14 09:19 UTC"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 14, "updates out of order: this one is not later than the one on line 10")


def test_update_before_started(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("## 2026-03-14 09:20 UTC", "## 2026-03-14 09:00 UTC"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 10,
                   "update at 2026-03-14 09:00 UTC is before started (2026-03-14 09:12 UTC)")


def test_unknown_author_lists_the_known_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("· alice", "· alcie"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 10, "unknown author 'alcie'",
                   "did you mean 'alice'? known authors: alice, bob")


def test_unknown_component_lists_the_known_ones(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("components: [api]", "components: [api, billing]"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 4, "unknown component 'billing'", "known components: api, dashboard")


def test_two_files_with_one_slug(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"incidents/2026-03-14 API errors.md": INCIDENT})
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, None,
                   "duplicate incident slug '2026-03-14-api-errors', also made by", "rename one of the files")


def test_a_free_page_cannot_take_a_reserved_name(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"pages/history.md": "---\ntitle: Our history\n---\n\nFounded in 2019.\n"})
    result = check(root)
    assert_problem(result, root, "pages/history.md", None, "page slug 'history' is taken by the site's own pages")


def test_duplicate_id(tmp_path: Path) -> None:
    with_id = INCIDENT.replace("impact: major", "impact: major\nid: inc-1")
    root = write_site(tmp_path, {INCIDENT_PATH: with_id, "incidents/2026-03-15-again.md": with_id})
    result = check(root)
    assert_problem(result, root, "incidents/2026-03-15-again.md", 4, "duplicate id 'inc-1', also used by")


def test_update_after_resolved(tmp_path: Path) -> None:
    text = INCIDENT + "\n## 2026-03-14 12:00 UTC · update · alice\n\nOne more thing.\n"
    root = write_site(tmp_path, {INCIDENT_PATH: text})
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 18, "update after 'resolved' on line 14")


MAINTENANCE = """\
---
title: Database upgrade
scheduled_start: 2026-03-20T10:00:00Z
scheduled_end: 2026-03-20T09:00:00Z
components: [api]
---

We upgrade the primary database.
"""


def test_maintenance_ending_before_it_starts(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"maintenance/2026-03-20-db.md": MAINTENANCE})
    result = check(root)
    assert_problem(result, root, "maintenance/2026-03-20-db.md", 4, "maintenance ends before it starts")


def test_malformed_toml_in_a_registry_gives_its_line(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"components.toml": '[api]\nname = "Public API"\nsla = \n'})
    result = check(root)
    assert result.exit_code == 1
    assert_problem(result, root, "components.toml", 3, "not valid TOML")


def test_a_heading_that_looks_like_an_update_but_does_not_parse(tmp_path: Path) -> None:
    root = write_site(tmp_path, edited("## 2026-03-14 11:02 UTC · resolved · bob", "## 2026-03-14 11:02 UTC resolved bob"))
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 14, "heading looks like an update but does not parse",
                   "write '## <time> · <status> · <author>'")


def test_every_problem_of_the_run_is_reported_at_once(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        **edited("· alice", "· nobody"),
        "maintenance/2026-03-20-db.md": MAINTENANCE,
        "authors.toml": '[alice]\nname = "Alice"\nrole = "SRE"\nemail = "alice@example.com"\nshoe_size = 9\n'
                        '[bob]\nname = "Bob"\nrole = "DBA"\n',
    })
    result = check(root)
    assert result.exit_code == 1
    assert_problem(result, root, INCIDENT_PATH, 10, "unknown author 'nobody'")
    assert_problem(result, root, "maintenance/2026-03-20-db.md", 4, "maintenance ends before it starts")
    assert_problem(result, root, "authors.toml", 5, "unknown key 'shoe_size' in author 'alice'")


@pytest.mark.parametrize(("written", "title"), [("NO", "NO"), ("1.10", "1.10"), ("2026-03-14", "2026-03-14")])
def test_yaml_never_guesses_a_type(tmp_path: Path, written: str, title: str) -> None:
    from generator.core.problems import Problems
    from generator.source.loader import load_site

    root = write_site(tmp_path, edited("title: Elevated error rates on the public API", f"title: {written}"))
    problems = Problems()
    site = load_site(root, problems)
    assert not problems.errors
    assert site is not None and site.incidents[0].title == title


def test_toml_front_matter_is_accepted(tmp_path: Path) -> None:
    text = INCIDENT.replace("---\ntitle: Elevated error rates on the public API\nimpact: major\n"
                            "components: [api]\nstarted: 2026-03-14T09:12:00Z\n---",
                            '+++\ntitle = "Elevated error rates"\nimpact = "major"\ncomponents = ["api"]\n'
                            "started = 2026-03-14T09:12:00Z\n+++")
    root = write_site(tmp_path, {INCIDENT_PATH: text})
    assert check(root).exit_code == 0
    bad = write_site(tmp_path / "bad", {INCIDENT_PATH: text.replace('impact = "major"', "impact = 3")})
    result = check(bad)
    assert_problem(result, bad, INCIDENT_PATH, 3, "'impact' must be text, not a number")


# Warnings: they fail the run only with --strict.

OPEN_INCIDENT = INCIDENT.split("## 2026-03-14 11:02 UTC")[0]


def test_open_incident_without_next_update_warns(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: OPEN_INCIDENT.replace(" Next update by 10:00 UTC.", "")})
    result = check(root)
    assert result.exit_code == 0
    assert_problem(result, root, INCIDENT_PATH, 10, "warning: open incident gives no time for the next update")
    assert check(root, "--strict").exit_code == 1


def test_a_run_that_strict_fails_on_warnings_alone_says_so(tmp_path: Path) -> None:
    """"0 errors, 1 warning" and exit 1 read as a bug; the last line says why the run failed."""
    root = write_site(tmp_path, {INCIDENT_PATH: OPEN_INCIDENT.replace(" Next update by 10:00 UTC.", "")})
    assert check(root).stdout.splitlines()[-1].endswith(": 0 errors, 1 warning")
    result = check(root, "--strict")
    assert result.stdout.splitlines()[-1].endswith(": 0 errors, 1 warning, failing because of --strict")
    out = tmp_path / "out"
    built = run("build", str(root), "--out", str(out), "--strict", "--now", NOW)
    assert built.exit_code == 1
    assert built.stderr.splitlines()[-1] == f"build failed, {out} is unchanged: 1 warning, failing because of --strict"
    assert not out.exists()


def test_the_eta_hint_suggests_a_time_after_now(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: OPEN_INCIDENT.replace(" Next update by 10:00 UTC.", "")})
    result = check(root, now="2026-03-14T16:07:00Z")
    assert_problem(result, root, INCIDENT_PATH, 10, "warning: open incident gives no time for the next update",
                   "'Next update by 16:45 UTC.'")


def test_open_incident_with_an_eta_does_not_warn(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: OPEN_INCIDENT})
    result = check(root, "--strict", now="2026-03-14T09:50:00Z")
    assert result.exit_code == 0, result.stderr


def test_a_promised_update_that_is_overdue_warns_but_never_blocks_publishing(tmp_path: Path) -> None:
    # The update on line 10 promised the next one by 10:00; at 10:25 nothing has come.
    root = write_site(tmp_path, {INCIDENT_PATH: OPEN_INCIDENT})
    result = check(root, now="2026-03-14T10:25:00Z")
    assert result.exit_code == 0
    assert_problem(result, root, INCIDENT_PATH, 10,
                   "warning: the next update was promised by 2026-03-14 10:00 UTC, 25 minutes ago",
                   "with a new 'Next update by 11:00 UTC'")  # half an hour from now, not a fixed example
    assert check(root, "--strict", now="2026-03-14T10:25:00Z").exit_code == 1
    assert run("build", str(root), "--now", "2026-03-14T10:25:00Z").exit_code == 0


def test_major_incident_without_postmortem_warns_after_the_deadline(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert check(root, "--strict", now="2026-03-20T00:00:00Z").exit_code == 0
    result = check(root, "--strict", now="2026-03-22T12:00:00Z")
    assert result.exit_code == 1
    assert_problem(result, root, INCIDENT_PATH, 1, "warning: major incident resolved 8 days ago has no postmortem")


def test_the_postmortem_deadline_is_a_setting(tmp_path: Path) -> None:
    from tests.sites import SITE_TOML

    root = write_site(tmp_path, {"site.toml": SITE_TOML + "postmortem_deadline_days = 30\n"})
    assert check(root, "--strict", now="2026-03-22T12:00:00Z").exit_code == 0


POSTMORTEM = """
## Postmortem · bob

### What happened

A pool ran dry.

### What we did to fix it

We raised it.

### What we are doing so it does not happen again

- [x] Raise pool size (owner: bob)
- [ ] Alert on pool saturation (owner: alice, due: 2026-04-01)
"""


def test_action_items_past_due_warn(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: INCIDENT + POSTMORTEM})
    assert check(root, "--strict", now="2026-03-30T00:00:00Z").exit_code == 0
    result = check(root, now="2026-04-03T00:00:00Z")
    assert result.exit_code == 0
    assert_problem(result, root, INCIDENT_PATH, 31, "warning: action item past due since 2026-04-01: Alert on pool saturation")


def test_action_item_owner_must_be_an_author(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: INCIDENT + POSTMORTEM.replace("owner: alice", "owner: carol")})
    result = check(root)
    assert_problem(result, root, INCIDENT_PATH, 31, "unknown author 'carol'")


def test_a_missing_site_toml_is_a_clear_error(tmp_path: Path) -> None:
    result = check(tmp_path)
    assert result.exit_code == 1
    assert "no site.toml here" in result.stderr


def test_the_demo_site_passes_strict_check(demo_root: Path) -> None:
    from tests.conftest import DEMO_NOW

    result = run("check", str(demo_root), "--strict", "--now", DEMO_NOW)
    assert result.exit_code == 0, result.stderr


EVERYTHING_WRONG = """\
---
title: Elevated error rates on the public API
impact: majr
components: [api, storage]
started: 2026-03-14T09:12:00Z
colour: red
---

Some API requests failed.

## 2026-03-14 09:20 UTC · investigating · alice

We see elevated 5xx rates. Next update by 10:00 UTC.

## 2026-03-14 09:10 UTC · identified · mallory

Found it.

## 2026-03-14 10:30 UTC · identifed · alice

Fixing it.

## 2026-03-14 25:02 UTC · resolved · bob

Error rates are back to normal.

## Postmortem · bob

### What happened

- [ ] Alert on pool saturation (owner: carol, due: 2026-04-01)
"""


def test_every_problem_of_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    root = write_site(tmp_path, {INCIDENT_PATH: EVERYTHING_WRONG})
    result = check(root)
    assert result.exit_code == 1
    for line, message in ((3, "'impact' 'majr' is not one of"), (6, "unknown key 'colour'"),
                          (19, "update status 'identifed' is not one of"), (23, "update time:"),
                          (4, "unknown component 'storage'"), (15, "unknown author 'mallory'"),
                          (15, "update at 2026-03-14 09:10 UTC is before started"),
                          (31, "unknown author 'carol'")):
        assert_problem(result, root, INCIDENT_PATH, line, "error: " + message)
    assert run("build", str(root), "--out", str(tmp_path / "out"), "--now", NOW).exit_code == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("registry", ["components.toml", "authors.toml"])
def test_a_broken_registry_is_reported_once_not_in_every_incident(tmp_path: Path, registry: str) -> None:
    root = write_site(tmp_path, {registry: "[api\nname = 'Public API'\n"})
    result = check(root)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(os.path.relpath(root / registry)), result.stderr


def test_a_language_without_a_catalog_is_an_error_at_its_line_listing_the_languages(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"site.toml": SITE_TOML.replace('language = "en"', 'language = "fr"')})
    result = check(root)
    assert result.exit_code == 1
    line = SITE_TOML.splitlines().index('language = "en"') + 1
    assert_problem(result, root, "site.toml", line, "error: language 'fr' has no translation in the theme 'default'",
                   "set language to one of: en, id")
    assert check(write_site(tmp_path / "b", {"site.toml": SITE_TOML.replace('"en"', '"en-GB"')})).exit_code == 0


def test_a_missing_registry_key_is_hinted_in_toml(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"authors.toml": '[alice]\nname = "Alice"\n[bob]\nname = "Bob"\nrole = "DBA"\n'})
    assert_problem(check(root), root, "authors.toml", 1, "missing required key 'role' in author 'alice'",
                   "add 'role = ...'")


def test_the_summary_names_the_site_folder_not_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path / "content")
    monkeypatch.chdir(root)
    result = run("check", ".", "--now", NOW)
    assert result.stdout.splitlines()[-1] == "content: 0 errors, 0 warnings"
