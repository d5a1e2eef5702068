"""The declare workflow `init` writes: its shell step, run here as GitHub's runner would run it.

A site made by `init` is a git repository ("origin"); the runner's checkout is
a clone of it. The step runs with the environment GitHub would give it, its
`${{ }}` values replaced by what a person or a relay sent, and a stand-in for
the `gh` command line that records the pull requests it is asked for (the
suite has no network). What is asserted is what the on-call person sees: a
branch on origin holding the draft, and one pull request per alert group.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.sites import run as statusblog

FIXTURES = Path(__file__).parent / "fixtures" / "alerts"
NOW = "2026-03-20T08:00:00Z"
FAKE_GH = """#!/bin/bash
# Stands in for GitHub's gh: records each call; answers 'pr list' from the pull requests it 'created'.
head=""
previous=""
draft=""
for argument in "$@"; do
  if [ "$previous" = --head ]; then head="$argument"; fi
  if [ "$argument" = --draft ]; then draft=draft; fi
  previous="$argument"
done
echo "$1 $2 $head $draft" >> "$GH_LOG"
case "$1 $2" in
  "pr list") if grep -qxF -- "$head" "$GH_OPEN" 2>/dev/null; then echo 1; else echo 0; fi ;;
  "pr create") echo "$head" >> "$GH_OPEN" ;;
esac
"""
RULE = """
[[alert]]
match = { alertname = "APIErrors" }
template = "api-errors"
author = "alice"
"""


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def runner(tmp_path: Path) -> Path:
    """The runner's checkout of a new site's repository, with an [[alert]] table and Alice's GitHub login."""
    origin = tmp_path / "origin"
    assert statusblog("init", str(origin), "--name", "Alice Nguyen", "--email", "alice@example.com",
                      "--pin", "statusblog==0.1.0", "--now", NOW).exit_code == 0
    next((origin / "incidents").glob("*-example-incident.md")).unlink()
    with (origin / "site.toml").open("a", encoding="utf-8") as file:
        file.write(RULE)
    authors = (origin / "authors.toml").read_text(encoding="utf-8")
    (origin / "authors.toml").write_text(authors.rstrip("\n") + '\ngithub = "alice-n"\n', encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=origin)
    git("add", "-A", cwd=origin)
    git("-c", "user.name=Alice", "-c", "user.email=alice@example.com", "commit", "-q", "-m", "A site", cwd=origin)
    git("config", "receive.denyCurrentBranch", "ignore", cwd=origin)
    git("clone", "-q", str(origin), str(tmp_path / "runner"), cwd=tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    return tmp_path / "runner"


def draft_step(root: Path) -> dict[str, Any]:
    workflow = yaml.safe_load((root / ".github" / "workflows" / "statusblog-declare.yml").read_text("utf-8"))
    steps = workflow["jobs"]["draft"]["steps"]
    # Installing is setup-python's and uv's work, done here by the suite's own environment.
    (step,) = [step for step in steps if "run" in step and "pip install" not in step["run"]]
    return step


def run_step(runner: Path, values: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The step's script, its env block filled as GitHub would fill it from the event."""
    step = draft_step(runner)
    work = runner.parent
    env = {key: values.get(key, "") for key in step["env"]}
    assert all(str(value).startswith("${{") for value in step["env"].values())  # every value comes in this way
    env.update(PATH=f"{work / 'bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               HOME=str(work), RUNNER_TEMP=str(work), GITHUB_RUN_ID="4242", GH_LOG=str(work / "gh.log"),
               GH_OPEN=str(work / "gh.open"), GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(work / "gitconfig"),
               STATUSBLOG_NOW="", SOURCE_DATE_EPOCH="")
    # The clock of the run: statusblog reads SOURCE_DATE_EPOCH as its now when it is set.
    env["SOURCE_DATE_EPOCH"] = values.get("SOURCE_DATE_EPOCH", "1774000000")
    return subprocess.run(["bash", "-c", step["run"]], cwd=runner, env=env, capture_output=True, text=True)


def on_origin(runner: Path, branch: str) -> dict[str, str]:
    """The incident files of a branch on origin, by name."""
    origin = runner.parent / "origin"
    listed = subprocess.run(["git", "ls-tree", "--name-only", f"{branch}:incidents"], cwd=origin,
                            capture_output=True, text=True, check=False)
    names = listed.stdout.split()  # a branch without incidents/ (main, once the example is deleted) has none
    return {name: git("show", f"{branch}:incidents/{name}", cwd=origin) for name in names}


def branches(runner: Path) -> list[str]:
    return git("for-each-ref", "--format=%(refname:short)", "refs/heads", cwd=runner.parent / "origin").split()


def alert_event(body: dict[str, Any], epoch: str) -> dict[str, str]:
    return {"EVENT": "repository_dispatch", "ACTOR": "relay-bot", "PAYLOAD": json.dumps(body),
            "SOURCE_DATE_EPOCH": epoch}


@pytest.mark.slow
def test_an_alert_opens_one_pull_request_and_its_group_s_next_alert_joins_it(runner: Path) -> None:
    body = json.loads((FIXTURES / "alertmanager-firing.json").read_text(encoding="utf-8"))
    first = run_step(runner, alert_event(body, "1774000000"))
    assert first.returncode == 0, first.stderr
    [branch] = [name for name in branches(runner) if name.startswith("statusblog/alert-")]
    [(name, text)] = on_origin(runner, branch).items()
    assert "· investigating · alice" in text and '"6f2f1c1b0a2d9e41": firing' in text
    assert branches(runner).count("main") == 1 and not on_origin(runner, "main")  # main is untouched

    # A second alert of the group, while the pull request is open: the same branch, no second pull request.
    git("checkout", "-q", "main", cwd=runner)
    body["alerts"][0].update(fingerprint="0a0b0c0d0e0f1011", labels={"alertname": "APIErrors", "zone": "eu"})
    second = run_step(runner, alert_event(body, "1774000600"))
    assert second.returncode == 0, second.stderr
    assert [name for name in branches(runner) if name.startswith("statusblog/")] == [branch]
    assert '"0a0b0c0d0e0f1011": firing' in on_origin(runner, branch)[name]
    calls = (runner.parent / "gh.log").read_text(encoding="utf-8").splitlines()
    assert [call.split() for call in calls] == [["pr", "list", branch], ["pr", "create", branch, "draft"],
                                                ["pr", "list", branch]]


@pytest.mark.slow
def test_a_person_declares_from_a_template_and_the_draft_names_them(runner: Path) -> None:
    result = run_step(runner, {
        "EVENT": "workflow_dispatch", "ACTOR": "alice-n", "TEMPLATE": "api-errors", "TITLE": "",
        "IMPACT": "critical", "COMPONENTS": "api=major_outage website=degraded_performance",
        "MESSAGE": "Deploys fail since 09:12 UTC; we are rolling back."})
    assert result.returncode == 0, result.stderr
    [text] = on_origin(runner, "statusblog/declare-4242").values()
    assert 'title: "Elevated error rates on the public API"\nimpact: critical\n' in text
    assert "components: {api: major_outage, website: degraded_performance}" in text
    assert "· investigating · alice\n\nDeploys fail since 09:12 UTC; we are rolling back." in text


@pytest.mark.slow
def test_what_a_person_types_never_runs_as_shell(runner: Path) -> None:
    hostile = '$(touch pwned) `touch pwned2` "; touch pwned3; "'
    result = run_step(runner, {
        "EVENT": "workflow_dispatch", "ACTOR": "alice-n", "TEMPLATE": "none", "TITLE": f"API {hostile}",
        "IMPACT": "major", "COMPONENTS": "api", "MESSAGE": f"Errors {hostile}"})
    assert result.returncode == 0, result.stderr
    assert not list(runner.parent.rglob("pwned*"))
    [text] = on_origin(runner, "statusblog/declare-4242").values()
    assert "Errors $(touch pwned) `touch pwned2`" in text


@pytest.mark.slow
def test_a_login_no_author_has_declares_nothing(runner: Path) -> None:
    result = run_step(runner, {"EVENT": "workflow_dispatch", "ACTOR": "mallory", "TEMPLATE": "api-errors",
                               "IMPACT": "from the template", "MESSAGE": "x"})
    assert result.returncode != 0
    assert "no registered author has the GitHub login 'mallory'" in result.stderr
    assert branches(runner) == ["main"]
