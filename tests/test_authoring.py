"""The authoring commands: init, new, update, resolve, postmortem.

Each test runs the real command line against a site in a temporary directory,
with git's identity taken from a throwaway global config (never the user's),
and asserts what an engineer on call would see: the file written, the message
printed, or the refusal and its reason.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.authoring.compose import message_from_editor, next_update_at, update_time, written_time
from tests.sites import INVESTIGATING, run, write_site

NOW = "2026-03-20T09:20:00Z"


@pytest.fixture(autouse=True)
def git_identity(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Alice's git identity in a config file of the test's own; EDITOR unset unless a test sets it."""
    config = tmp_path_factory.mktemp("git") / "gitconfig"
    config.write_text("[user]\n\tname = Alice Nguyen\n\temail = alice@example.com\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    return config


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


def editor(tmp_path: Path, text: str) -> str:
    """An $EDITOR that puts `text` at the top of the file it is given, as a person typing would."""
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\npath = pathlib.Path(sys.argv[1])\n"
                      f"path.write_text({text!r} + path.read_text())\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def test_a_whole_incident_from_init_to_postmortem_checks_and_builds(tmp_path: Path) -> None:
    root = tmp_path / "status"
    result = run("init", str(root), "--pin", "statusblog==0.1.0", "--now", "2026-03-20T08:00:00Z")
    assert result.exit_code == 0, result.output
    for name in ("site.toml", "authors.toml", "components.toml", "netlify.toml", ".github/workflows/statusblog.yml"):
        assert (root / name).is_file(), name
    assert len(list((root / "incidents").glob("*.md"))) == 1
    site = ("--site", str(root))

    created = run("new", "incident", "Elevated errors: public API", "--impact", "major", "--component", "api",
                  "-m", "We see elevated 5xx rates.", "--next-update", "30m", "--now", NOW, *site)
    assert created.exit_code == 0, created.output
    path = root / "incidents" / "2026-03-20-elevated-errors-public-api.md"
    assert created.stdout.strip() == os.path.relpath(path)
    assert "created" in created.stderr and "investigating" in created.stderr
    steps = [
        ("update", "elevated-errors", "--status", "identified", "--next-update", "1h", "-m", "A pool is exhausted.",
         "--now", "2026-03-20T09:41:00Z"),
        ("resolve", "2026-03-20-elevated-errors-public-api", "-m", "Back to normal.", "--now", "2026-03-20T10:15:00Z"),
        ("new", "maintenance", "Database upgrade", "--start", "2026-03-25 08:00", "--end", "2026-03-25 10:00",
         "-c", "api", "-m", "Writes pause for a minute.", "--now", "2026-03-20T10:20:00Z"),
        ("postmortem", "elevated-errors", "--now", "2026-03-21T10:00:00Z"),
    ]
    for step in steps:
        result = run(*step, *site)
        assert result.exit_code == 0, (step, result.output)
    text = path.read_text(encoding="utf-8")
    assert 'title: "Elevated errors: public API"' in text
    assert "## 2026-03-20 09:20 UTC · investigating · alice\n\nWe see elevated 5xx rates.\n\nNext update by 09:50 UTC." \
        in text
    assert "## 2026-03-20 09:41 UTC · identified · alice\n\nA pool is exhausted.\n\nNext update by 10:41 UTC." in text
    assert "## 2026-03-20 10:15 UTC · resolved · alice" in text
    assert text.index("### What happened") < text.index("### What we did to fix it") \
        < text.index("### What we are doing so it does not happen again")
    assert "- [ ] Describe one follow-up action (owner: alice, due: 2026-04-04)" in text
    assert "## Postmortem · 2026-03-21 10:00 UTC · alice" in text  # dated: an earlier build does not publish it
    assert (root / "maintenance" / "2026-03-25-database-upgrade.md").is_file()

    # Nothing is published from a template: plain check warns, --strict refuses, until it is filled in.
    assert run("check", str(root), "--now", "2026-03-21T10:00:00Z").exit_code == 0
    checked = run("check", str(root), "--strict", "--now", "2026-03-21T10:00:00Z")
    assert checked.exit_code == 1
    lines = text.splitlines()
    for said in (f"md:{lines.index('### What happened') + 1}: warning: postmortem question '### What happened' is empty",
                 f"md:{lines.index('### What we did to fix it') + 1}: warning: "
                 "postmortem question '### What we did to fix it' is empty",
                 "action item 'Describe one follow-up action' is the template's",
                 "this is the example incident 'statusblog init' wrote"):
        assert said in checked.stderr, said
    (root / "incidents" / "2026-03-20-example-incident.md").unlink()
    path.write_text(text.replace("### What happened\n", "### What happened\n\nA pool ran out.\n")
                    .replace("### What we did to fix it\n", "### What we did to fix it\n\nWe raised it.\n")
                    .replace("Describe one follow-up action", "Alert on pool saturation"), encoding="utf-8")
    checked = run("check", str(root), "--strict", "--now", "2026-03-21T10:00:00Z")
    assert checked.exit_code == 0, checked.output
    built = run("build", str(root), "--out", str(tmp_path / "public"), "--now", "2026-03-21T10:00:00Z")
    assert built.exit_code == 0, built.output
    page = (tmp_path / "public" / "incidents" / "2026-03-20-elevated-errors-public-api" / "index.html").read_text()
    assert "A pool is exhausted." in page


def test_every_command_says_what_it_did(site: Path) -> None:
    run("new", "incident", "Slow dashboard", "--impact", "minor", "-c", "dashboard", "-m", "Slow.",
        "--next-update", "30m", "--site", str(site), "--now", NOW)
    result = run("update", "slow-dashboard", "--site", str(site), "-m", "Still slow.", "--now", "2026-03-20T09:30Z")
    assert result.stdout.startswith("appended an 'update' update by alice at 2026-03-20 09:30 UTC to ")
    assert "open incident gives no time for the next update" in result.stderr  # check's warning, passed on


@pytest.mark.parametrize("slug, status, said", [
    ("slow-dashboard", "resolvd", "status 'resolvd' is not an incident status; did you mean 'resolved'?"),
    ("db-upgrade", "complete", "status 'complete' is not a maintenance status; did you mean 'completed'?"),
])
def test_a_status_typo_is_named_with_the_right_words(site: Path, slug: str, status: str, said: str) -> None:
    run("new", "incident", "Slow dashboard", "--impact", "minor", "-c", "dashboard", "-m", "Slow.",
        "--next-update", "30m", "--site", str(site), "--now", NOW)
    run("new", "maintenance", "DB upgrade", "--start", "2026-03-21T02:00Z", "--end", "2026-03-21T03:00Z",
        "-c", "api", "-m", "Upgrade.", "--site", str(site), "--now", NOW)
    result = run("update", slug, "--status", status, "-m", "Text.", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1
    assert said in result.stderr


def test_init_takes_the_first_author_from_git_config(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "s"), "--pin", "statusblog==0.1.0", "--now", NOW).exit_code == 0
    authors = (tmp_path / "s" / "authors.toml").read_text(encoding="utf-8")
    assert '[alice]\nname = "Alice Nguyen"' in authors and 'email = "alice@example.com"' in authors
    assert run("check", str(tmp_path / "s"), "--now", NOW).exit_code == 0
    # The example incident is made up: publishing it is refused until it is deleted.
    strict = run("check", str(tmp_path / "s"), "--strict", "--now", NOW)
    assert strict.exit_code == 1 and "this is the example incident 'statusblog init' wrote" in strict.stderr
    assert "delete the file before you publish" in strict.stderr
    for example in (tmp_path / "s" / "incidents").glob("*-example-incident.md"):
        example.unlink()
    assert run("check", str(tmp_path / "s"), "--strict", "--now", NOW).exit_code == 0


def test_init_beside_files_of_its_own_keeps_them(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(tmp_path), "--pin", "statusblog==0.1.0", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "site.toml").is_file()


def test_init_without_a_git_identity_says_how_to_set_one(tmp_path: Path, git_identity: Path) -> None:
    git_identity.write_text("", encoding="utf-8")
    result = run("init", str(tmp_path / "s"))
    assert result.exit_code == 1
    assert "git config user.name is not set" in result.stderr and "--name" in result.stderr
    assert not (tmp_path / "s").exists()


def test_without_git_init_and_update_say_git_is_missing(tmp_path: Path, site: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    result = run("init", str(tmp_path / "s"))
    assert result.exit_code == 1 and "git is not installed" in result.stderr and "--name" in result.stderr
    assert "user.name is not set" not in result.stderr
    (site / "incidents" / "2026-03-14-api-errors.md").write_text(INVESTIGATING, encoding="utf-8")
    result = run("update", "api-errors", "--status", "update", "-m", "x", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and "git is not installed" in result.stderr and "--author" in result.stderr
    assert "user.email is not set" not in result.stderr


def test_init_into_the_current_directory_does_not_say_cd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", ".", "--pin", "statusblog==0.1.0", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "next: statusblog serve" in result.output and "cd ." not in result.output


def test_an_incident_without_impact_is_not_called_a_none_incident(site: Path) -> None:
    result = run("new", "incident", "Slow exports", "--impact", "none", "-c", "api", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "incident without impact" in result.stderr and "none incident" not in result.stderr


def test_new_incident_never_overwrites(site: Path) -> None:
    args = ("new", "incident", "API errors", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site),
            "--now", "2026-03-14T12:00:00Z")
    (site / "incidents" / "2026-03-14-api-errors.md").write_text("precious", encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 1
    assert "2026-03-14-api-errors.md already exists; refusing to overwrite it" in result.stderr
    assert (site / "incidents" / "2026-03-14-api-errors.md").read_text(encoding="utf-8") == "precious"


def test_an_unknown_author_is_refused_naming_the_registered_ones(site: Path) -> None:
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "--author", "alcie", "-m", "x",
                 "--site", str(site), "--now", NOW)
    assert result.exit_code == 1
    assert "unknown author 'alcie'; did you mean 'alice'? registered authors: alice, bob" in result.stderr
    assert not list((site / "incidents").glob("2026-03-20-*"))


def test_the_author_defaults_to_the_one_with_git_s_email(site: Path, git_identity: Path) -> None:
    git_identity.write_text("[user]\n\temail = BOB@example.com\n", encoding="utf-8")
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "· investigating · bob" in (site / "incidents" / "2026-03-20-outage.md").read_text(encoding="utf-8")


def test_an_unregistered_git_email_is_refused_naming_the_registered_authors(site: Path, git_identity: Path) -> None:
    git_identity.write_text("[user]\n\temail = carol@example.com\n", encoding="utf-8")
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 1
    assert ("no registered author has the email carol@example.com (git config user.email); "
            "pass --author with one of the registered authors: alice, bob") in result.stderr


def test_an_unknown_slug_is_refused(site: Path) -> None:
    result = run("update", "dns-outage", "--site", str(site), "-m", "x", "--now", NOW)
    assert result.exit_code == 1
    assert "no incident or maintenance 'dns-outage'" in result.stderr


def test_an_ambiguous_slug_lists_the_candidates(site: Path) -> None:
    for title in ("API slow", "API down"):
        run("new", "incident", title, "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    result = run("update", "2026-03-20-api", "--site", str(site), "-m", "x", "--now", "2026-03-20T09:30Z")
    assert result.exit_code == 1
    assert "matches more than one file: 2026-03-20-api-down, 2026-03-20-api-slow" in result.stderr


def test_a_resolved_incident_takes_no_more_updates(site: Path) -> None:
    before = (site / "incidents" / "2026-03-14-api-errors.md").read_text(encoding="utf-8")
    result = run("update", "api-errors", "--status", "monitoring", "--site", str(site), "-m", "x", "--now", NOW)
    assert result.exit_code == 1
    assert "the incident is already resolved" in result.stderr and "write a new file for a recurrence" in result.stderr
    assert (site / "incidents" / "2026-03-14-api-errors.md").read_text(encoding="utf-8") == before


def test_a_wrong_status_or_component_is_refused_with_a_suggestion(site: Path) -> None:
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "dashbord", "-m", "x", "--site", str(site),
                 "--now", NOW)
    assert result.exit_code == 1 and "unknown component 'dashbord'; did you mean 'dashboard'?" in result.stderr
    run("new", "incident", "Slow", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    result = run("update", "slow", "--status", "identifed", "--site", str(site), "-m", "x", "--now", NOW)
    assert result.exit_code == 1 and "did you mean 'identified'?" in result.stderr


def test_a_postmortem_waits_for_the_resolution(site: Path) -> None:
    run("new", "incident", "Slow", "--impact", "major", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    result = run("postmortem", "slow", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and "is not resolved yet; resolve it first" in result.stderr
    assert run("postmortem", "api-errors", "--site", str(site), "--now", NOW).exit_code == 0
    again = run("postmortem", "api-errors", "--site", str(site), "--now", NOW)
    assert again.exit_code == 1 and "already has a postmortem" in again.stderr


def test_two_updates_in_one_minute_stay_in_order(site: Path) -> None:
    run("new", "incident", "Slow", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site),
        "--now", "2026-03-20T09:20:10Z")
    result = run("update", "slow", "-m", "y", "--site", str(site), "--now", "2026-03-20T09:20:40Z")
    assert result.exit_code == 0, result.output
    assert "## 2026-03-20 09:20:40 UTC · update · alice" in (site / "incidents" / "2026-03-20-slow.md").read_text()
    assert run("check", str(site), "--now", NOW).exit_code == 0


def test_without_a_message_the_editor_opens_and_its_text_is_the_update(site: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    run("new", "incident", "Slow", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    monkeypatch.setenv("EDITOR", editor(tmp_path, "Found it.\n\n### Technical details\n\nPool at 100 %."))
    result = run("update", "slow", "--status", "identified", "--next-update", "10:30", "--site", str(site),
                 "--now", "2026-03-20T09:40:00Z")
    assert result.exit_code == 0, result.output
    text = (site / "incidents" / "2026-03-20-slow.md").read_text(encoding="utf-8")
    # 10:30 without a zone is the site's (Chicago); headings and promises are written in UTC.
    assert text.endswith("· identified · alice\n\nFound it.\n\n### Technical details\n\nPool at 100 %.\n\n"
                         "Next update by 15:30 UTC.\n")
    assert ">8" not in text


def test_an_empty_message_from_the_editor_aborts(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("new", "incident", "Slow", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    before = (site / "incidents" / "2026-03-20-slow.md").read_text(encoding="utf-8")
    monkeypatch.setenv("EDITOR", editor(tmp_path, "  \n"))
    result = run("update", "slow", "--site", str(site), "--now", "2026-03-20T09:40:00Z")
    assert result.exit_code == 1 and "aborting: the message is empty; nothing was written" in result.stderr
    assert (site / "incidents" / "2026-03-20-slow.md").read_text(encoding="utf-8") == before


def test_a_message_that_breaks_the_file_is_refused_before_writing(site: Path) -> None:
    run("new", "incident", "Slow", "--impact", "minor", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    before = (site / "incidents" / "2026-03-20-slow.md").read_text(encoding="utf-8")
    result = run("update", "slow", "-m", "## 2026-03-20 · nonsense", "--site", str(site), "--now", "2026-03-20T09:40Z")
    assert result.exit_code == 1
    assert "refusing to write" in result.stderr and "2026-03-20-slow.md:" in result.stderr
    assert (site / "incidents" / "2026-03-20-slow.md").read_text(encoding="utf-8") == before


def test_next_update_reads_durations_and_times() -> None:
    now = datetime(2026, 3, 20, 23, 40, tzinfo=UTC)
    assert next_update_at("90m", now, UTC) == datetime(2026, 3, 21, 1, 10, tzinfo=UTC)
    assert next_update_at("1h", now, UTC) == datetime(2026, 3, 21, 0, 40, tzinfo=UTC)
    assert next_update_at("00:30 UTC", now, UTC) == datetime(2026, 3, 21, 0, 30, tzinfo=UTC)


def test_next_update_on_another_day_is_written_with_its_date(site: Path) -> None:
    run("new", "incident", "Late", "--impact", "minor", "-c", "api", "-m", "x", "--next-update", "1h",
        "--site", str(site), "--now", "2026-03-20T23:40:00Z")
    text = (site / "incidents" / "2026-03-20-late.md").read_text(encoding="utf-8")
    assert "Next update by 2026-03-21 00:40 UTC." in text


def test_editor_text_keeps_markdown_headings_and_drops_the_template() -> None:
    assert message_from_editor("Text\n\n### Technical details\n# ------------------------ >8 "
                               "------------------------\n# ignored") == "Text\n\n### Technical details"


def test_update_times_are_minutes_unless_seconds_are_needed() -> None:
    now = datetime(2026, 3, 20, 9, 20, 40, tzinfo=UTC)
    assert written_time(update_time(now, None)) == "2026-03-20 09:20 UTC"
    assert written_time(update_time(now, datetime(2026, 3, 20, 9, 20, tzinfo=UTC))) == "2026-03-20 09:20:40 UTC"


def test_update_and_resolve_set_component_statuses(site: Path) -> None:
    run("new", "incident", "Outage", "--impact", "critical", "-c", "api", "-c", "dashboard", "-m", "Down.",
        "--next-update", "30m", "--site", str(site), "--now", NOW)
    path = site / "incidents" / "2026-03-20-outage.md"
    result = run("update", "outage", "--status", "identified", "-m", "The API is back.", "--component", "api=operational",
                 "-c", "dashboard=partial_outage", "--next-update", "1h", "--site", str(site),
                 "--now", "2026-03-20T09:40:00Z")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith(
        "· identified · alice\n\nThe API is back.\n\nComponents: api=operational, dashboard=partial_outage\n\n"
        "Next update by 10:40 UTC.\n")
    assert run("resolve", "outage", "-m", "Fixed.", "-c", "dashboard=operational", "--site", str(site),
               "--now", "2026-03-20T10:00:00Z").exit_code == 0
    assert path.read_text(encoding="utf-8").endswith("Fixed.\n\nComponents: dashboard=operational\n")
    assert run("check", str(site), "--now", "2026-03-20T10:00:00Z").exit_code == 0


def test_a_wrong_component_setting_is_refused_before_writing(site: Path) -> None:
    run("new", "incident", "Outage", "--impact", "major", "-c", "api", "-m", "x", "--site", str(site), "--now", NOW)
    path = site / "incidents" / "2026-03-20-outage.md"
    before = path.read_text(encoding="utf-8")
    for setting, said in (("api=operatonal", "did you mean 'operational'?"),
                          ("dashbord=operational", "unknown component 'dashbord'"),
                          ("api=operational\n## 2026-03-20 10:00 UTC · resolved · alice", "is not ID=STATUS"),
                          ("api", "is not ID=STATUS")):
        result = run("update", "outage", "-m", "y", "-c", setting, "--site", str(site), "--now", "2026-03-20T09:40Z")
        assert result.exit_code == 1 and said in result.stderr, (setting, result.stderr)
        assert path.read_text(encoding="utf-8") == before


def test_a_misspelt_timezone_gets_a_did_you_mean(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "s"), "--timezone", "Europe/Berln", "--now", NOW)
    assert result.exit_code == 1
    assert "unknown timezone 'Europe/Berln' (did you mean 'Europe/Berlin'?)" in result.stderr
    assert not (tmp_path / "s").exists()
