"""The command line as a new user meets it: where it finds the site, how it names it, how it refuses a bad time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from generator.cli.main import main
from tests.conftest import REPO
from tests.sites import INCIDENT, run, write_site

NOW = "2026-03-20T12:00:00Z"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site")


@pytest.mark.parametrize("folder", ["incidents", "incidents/drafts/deep"])
def test_check_inside_a_site_finds_it_in_a_parent_folder_as_git_does(site: Path, folder: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (site / folder).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(site / folder)
    result = run("check", "--now", NOW)
    assert result.exit_code == 0, result.output
    up = "/".join([".."] * len(Path(folder).parts))
    assert result.stderr == f"using the site in {up}, the nearest parent folder with a site.toml\n"
    assert result.stdout == f"{up}: 0 errors, 0 warnings\n"


def test_problems_found_from_inside_a_site_name_files_from_where_the_user_is(site: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("· resolved ·", "· resolvd ·"))
    monkeypatch.chdir(site / "incidents")
    result = run("check", "--now", NOW)
    assert result.exit_code == 1
    assert "\n2026-03-14-api-errors.md:14: error: update status 'resolvd'" in result.stderr


def test_build_inside_a_site_writes_where_it_would_from_the_site_s_folder(site: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site / "incidents")
    result = run("build", "--now", NOW)
    assert result.exit_code == 0, result.output
    assert (site / "public" / "index.html").is_file() and not (site / "incidents" / "public").exists()
    assert "built " in result.stdout and "into ../public" in result.stdout


def test_a_site_in_content_is_built_beside_content_from_anywhere_inside_it(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository layout `init` and the demo use: content/ holds the site, public/ goes beside it."""
    write_site(tmp_path / "repo" / "content")
    for folder in ("repo", "repo/content", "repo/content/incidents"):
        monkeypatch.chdir(tmp_path / folder)
        result = run("build", "--now", NOW)
        assert result.exit_code == 0, result.output
        assert sorted(path.name for path in (tmp_path / "repo").iterdir()) == ["content", "public"], folder


def test_outside_any_site_the_error_says_what_was_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check", "--now", NOW)
    assert result.exit_code == 1
    assert result.stderr == ("Error: no site.toml here, in content/ below, or in any parent folder; run this inside "
                             "a site, or pass --site DIR\n")


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "{out}"]])
def test_every_command_takes_site_and_the_positional_site_still_works(site: Path, tmp_path: Path,
                                                                      command: list[str]) -> None:
    args = [part.format(out=tmp_path / "out") for part in command]
    for how in (["--site", str(site)], [str(site)], [str(site), "--site", str(site)]):
        result = run(*args, *how, "--now", NOW)
        assert result.exit_code == 0, (how, result.output)


def test_two_different_sites_are_a_usage_error(site: Path, tmp_path: Path) -> None:
    other = write_site(tmp_path / "other")
    result = run("check", str(site), "--site", str(other), "--now", NOW)
    assert result.exit_code == 2 and "two sites given" in result.stderr


def test_serve_takes_site_too(tmp_path: Path) -> None:
    result = run("serve", "--site", str(tmp_path / "nowhere"), "--port", "0")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nowhere'}: no site.toml here; pass the site's directory " \
                            "(the one with site.toml)\n"
    assert "--site DIRECTORY" in run("serve", "--help").stdout


def test_a_bad_now_and_a_bad_next_update_fail_alike(site: Path) -> None:
    """One line, naming the option, saying how to write it; the same exit code for both."""
    bad_now = run("check", "--site", str(site), "--now", "tomorrow")
    bad_next = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "--author", "alice", "-m", "x",
                   "--next-update", "tomorrow", "--site", str(site), "--now", NOW)
    assert bad_now.exit_code == bad_next.exit_code == 1
    assert bad_now.stderr.startswith("Error: --now: cannot read time 'tomorrow'; write ISO 8601")
    assert bad_next.stderr.startswith("Error: --next-update: cannot read time 'tomorrow'; write 30m")
    for result in (bad_now, bad_next):
        assert result.stderr.count("\n") == 1 and "Usage:" not in result.stderr
    assert not list((site / "incidents").glob("*outage*"))


def test_a_bad_source_date_epoch_is_named_as_such(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = run("check", "--site", str(site))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: SOURCE_DATE_EPOCH must be whole seconds since 1970")


@pytest.mark.parametrize("heading", ["04:30 UTC", "04:30", "04:30:15Z", "04:30+02:00", "04:30 Europe/Berlin"])
def test_an_update_heading_without_a_date_says_the_date_is_missing(tmp_path: Path, heading: str) -> None:
    root = write_site(tmp_path, {"incidents/2026-03-14-api-errors.md": INCIDENT.replace("2026-03-14 11:02 UTC",
                                                                                        heading)})
    result = run("check", str(root), "--now", NOW)
    assert result.exit_code == 1
    assert f"2026-03-14-api-errors.md:14: error: update time: time '{heading}' has no date; write the day before " \
           f"it, as in 'YYYY-MM-DD {heading}'" in result.stderr


def test_a_time_alone_is_still_a_promise_in_next_update(site: Path) -> None:
    result = run("new", "incident", "Outage", "--impact", "major", "-c", "api", "--author", "alice", "-m", "x",
                 "--next-update", "13:00 UTC", "--site", str(site), "--now", NOW)
    assert result.exit_code == 0, result.output
    assert "Next update by 13:00 UTC." in Path(result.stdout.strip()).read_text(encoding="utf-8")


def _modules_loaded_by(code: str) -> set[str]:
    """The generator and library modules a fresh interpreter has loaded after running `code`."""
    probe = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    return set(result.stdout.split())


def test_version_answers_before_any_command_or_library_of_theirs_is_loaded() -> None:
    loaded = _modules_loaded_by("sys.argv = ['statusblog', '--version']\n"
                                "from generator.cli.entry import run\nrun()")
    heavy = {"click", "generator.cli.main", "generator.cli.build_commands", "generator.cli.import_command",
             "generator.cli.authoring_commands", "generator.cli.notify_command", "generator.core.model", "jinja2",
             "markdown_it", "yaml", "markdownify", "bs4", "apprise"}
    assert not heavy & loaded


def test_version_says_the_same_through_the_script_and_the_group() -> None:
    script = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True,
                            check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert script.stdout == run("--version").output
    assert script.stdout.startswith("statusblog, version ")


def test_building_loads_neither_the_importers_nor_the_alerts_nor_notify() -> None:
    loaded = _modules_loaded_by("from generator.cli.main import main\nimport click\nmain.get_command(click.Context(main), 'build')")
    assert "generator.cli.build_commands" in loaded
    assert not {name for name in loaded if name.startswith(("generator.importers", "generator.alerts",
                                                            "generator.notify", "markdownify", "apprise"))}


def test_a_build_starts_its_processes_before_loading_what_only_one_of_them_needs() -> None:
    """icalendar (the calendar) and urllib.request (through xml.sax.saxutils, for the badges) take longer to
    load than those files take to write; the process that writes each loads it."""
    loaded = _modules_loaded_by("import generator.build.full_build")
    assert "generator.outputs.calendar" in loaded and "generator.outputs.badges" in loaded
    assert not {name for name in loaded if name.startswith(("icalendar", "urllib.request", "xml.sax"))}


def test_a_build_that_proves_no_bylines_loads_none_of_the_code_that_proves_them(site: Path, tmp_path: Path) -> None:
    """Proving reads git history with half a dozen modules of its own; a build not asked to prove loads none."""
    loaded = _modules_loaded_by(f"sys.argv = ['statusblog', 'build', {str(site)!r}, '--out', {str(tmp_path / 'out')!r},"
                                f" '--now', {NOW!r}]\nfrom generator.cli.entry import run\ntry:\n    run()\n"
                                "except SystemExit as exit:\n    assert not exit.code, exit.code")
    assert "generator.build.full_build" in loaded and (tmp_path / "out" / "index.html").is_file()
    assert not {name for name in loaded if name.startswith(("generator.proof.verify", "generator.proof.git",
                                                            "generator.proof.history", "generator.proof.trust"))}


def test_every_command_help_lists_is_one_that_runs() -> None:
    listed = run("--help").output.split("Commands:", 1)[1].split()
    for name in main.list_commands(click.Context(main)):
        assert name in listed
        assert run(name, "--help").exit_code == 0, name
    assert run("no-such-command").exit_code == 2
