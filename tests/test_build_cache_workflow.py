"""The publish workflow `init` writes keeps the build cache between runs, sealed with the repository's key.

A restored cache is trusted only by a run holding the key that sealed it; the
key comes from a repository secret, on the default branch only. These tests
run the workflow's own key step as the runner would, on two "runners" (two
home folders) that share only the restored cache folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.authoring.newsite import workflow_text
from tests.sites import write_site

SECRET = "5e" * 32
OTHER_SECRET = "a7" * 32


def steps() -> list[dict[str, Any]]:
    return yaml.safe_load(workflow_text(None))["jobs"]["build"]["steps"]


def step(name: str) -> dict[str, Any]:
    (found,) = [item for item in steps() if item.get("name") == name]
    return found


def run_key_step(home: Path, secret: str) -> tuple[subprocess.CompletedProcess[str], str]:
    home.mkdir(parents=True, exist_ok=True)
    github_env = home / "github_env"
    github_env.touch()
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "RUNNER_TEMP": str(home / "temp"),
           "GITHUB_ENV": str(github_env), "STATUSBLOG_CACHE_KEY": secret}
    result = subprocess.run(["bash", "-c", step("Trust the build cache with the repository's key")["run"]], env=env,
                            capture_output=True, text=True)
    return result, github_env.read_text(encoding="utf-8")


def test_the_key_step_and_the_cache_run_on_the_default_branch_only_and_start_clean_on_a_new_statusblog() -> None:
    key, cache = step("Trust the build cache with the repository's key"), step("Keep the build cache between runs")
    for item in (key, cache):
        assert item["if"] == ("github.event_name != 'pull_request' && github.ref_name == "
                              "github.event.repository.default_branch")
    assert key["env"] == {"STATUSBLOG_CACHE_KEY": "${{ secrets.STATUSBLOG_CACHE_KEY }}"}
    assert "${{" not in key["run"]
    prefix = "statusblog-build-${{ hashFiles('requirements.txt', 'templates/**', 'static/**') }}-"
    assert cache["with"]["key"] == prefix + "${{ github.run_id }}"
    assert cache["with"]["restore-keys"] == prefix
    names = [item.get("name") for item in steps()]
    assert names.index("Keep the build cache between runs") < names.index("Build")


def test_a_missing_secret_starts_clean_and_a_malformed_one_fails_the_run(tmp_path: Path) -> None:
    result, github_env = run_key_step(tmp_path / "a", "")
    assert result.returncode == 0 and "starts clean" in result.stdout and github_env == ""
    assert not (tmp_path / "a" / ".cache" / "statusblog" / "cache-key").exists()
    result, github_env = run_key_step(tmp_path / "b", "not hex")
    assert result.returncode == 1 and "64 hexadecimal digits" in result.stdout and github_env == ""


@pytest.mark.slow
def test_a_restored_cache_is_trusted_with_the_same_secret_only(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    result, github_env = run_key_step(tmp_path / "first-runner", SECRET)
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "first-runner" / ".cache" / "statusblog" / "cache-key"
    assert key_file.read_bytes() == bytes.fromhex(SECRET) and key_file.stat().st_mode & 0o777 == 0o600
    cache = tmp_path / "restored"
    assert github_env == f"STATUSBLOG_CACHE_DIR={tmp_path / 'first-runner' / 'temp' / 'statusblog-cache'}\n"

    def env(home: Path) -> dict[str, str]:
        return {"PATH": os.environ["PATH"], "HOME": str(home), "STATUSBLOG_CACHE_DIR": str(cache)}
    build = subprocess.run([sys.executable, "-m", "generator", "build", str(site), "--out", str(tmp_path / "out"),
                            "--now", "2026-03-20T12:00:00Z"], env=env(tmp_path / "first-runner"),
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    (sealed,) = cache.rglob("parse.pickle")
    reader = ("import sys; from pathlib import Path; from generator.source.cache import read_sealed\n"
              "try:\n    read_sealed(Path(sys.argv[1])); print('trusted')\n"
              "except ValueError:\n    print('refused')\n")
    for runner, secret, answer in (("second-runner", SECRET, "trusted"), ("third-runner", OTHER_SECRET, "refused")):
        assert run_key_step(tmp_path / runner, secret)[0].returncode == 0
        read = subprocess.run([sys.executable, "-c", reader, str(sealed)], env=env(tmp_path / runner),
                              capture_output=True, text=True, cwd=Path(__file__).parents[1])
        assert read.stdout.strip() == answer, read.stderr
