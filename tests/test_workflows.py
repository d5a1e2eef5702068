"""The repository's CI workflows publish on every merge, on a schedule, and check every pull request."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from generator.authoring.newsite import workflow_text
from tests.conftest import REPO
from tests.test_packaging import locked_versions

WORKFLOWS = REPO / ".github" / "workflows"


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as true.
    return workflow.get("on", workflow.get(True))


def commands(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def uses(job: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def step_index(job: dict[str, Any], needle: str) -> int:
    for index, step in enumerate(job["steps"]):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return index
    raise AssertionError(f"no step runs or uses {needle!r}")


@pytest.fixture(scope="module")
def publish() -> dict[str, Any]:
    return load("publish.yml")


@pytest.fixture(scope="module")
def preview() -> dict[str, Any]:
    return load("preview.yml")


def test_publish_runs_on_every_push_to_main_on_a_schedule_and_by_hand(publish):
    on = triggers(publish)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "pull_request" not in on
    (schedule,) = on["schedule"]
    minutes = schedule["cron"].split()[0]
    assert re.fullmatch(r"\*/(\d+)", minutes) and int(minutes[2:]) <= 15, "windows must open within 15 minutes"


def test_publish_never_runs_two_deploys_at_once(publish):
    assert publish["concurrency"]["cancel-in-progress"] is False
    assert publish["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("name", ["publish.yml", "preview.yml"])
def test_checks_out_full_history_then_installs_tests_checks_and_builds_verified(name):
    (job,) = [job for job in load(name)["jobs"].values() if "steps" in job and
              any("statusblog build" in step.get("run", "") for step in job["steps"])]
    checkout = job["steps"][step_index(job, "actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0, "signature verification needs every commit"
    order = [step_index(job, needle) for needle in (
        "actions/checkout", "astral-sh/setup-uv",
        "uv pip install --python python -r requirements.lock && uv pip install --python python --no-deps -e .",
        "bash .ci/test-tools", "python -m pytest", "statusblog check content --strict",
        "statusblog build content --out public --verify-signatures")]
    assert order == sorted(order), "checkout, install, test, check, build"
    assert load(name)["defaults"]["run"]["shell"] == "bash", "bash runs with pipefail, so `| tee` keeps failures"


def test_scheduled_runs_do_not_stop_on_warnings_that_time_brings(publish):
    job = publish["jobs"]["build"]
    test = job["steps"][step_index(job, "python -m pytest")]
    assert test["if"] == "github.event_name != 'schedule'"
    check = commands(job)
    assert "statusblog check content\n" in check and "statusblog check content --strict" in check


def test_publish_deploys_one_build_to_each_configured_host(publish):
    jobs = publish["jobs"]
    assert "actions/upload-artifact" in uses(jobs["build"])
    netlify, cloudflare, pages = jobs["netlify"], jobs["cloudflare"], jobs["github-pages"]
    for job in (netlify, cloudflare, pages):
        assert job["needs"] == "build"
    assert "actions/download-artifact" in uses(netlify)
    assert re.search(r"npx --yes netlify-cli@\d+\.\d+\.\d+ deploy --prod --no-build --dir public", commands(netlify)), \
        "the deploy tool is pinned to one version, as every other dependency is"
    assert netlify["steps"][-1]["env"]["NETLIFY_AUTH_TOKEN"] == "${{ secrets.NETLIFY_AUTH_TOKEN }}"
    assert re.search(r"npx --yes wrangler@\d+\.\d+\.\d+ pages deploy public", commands(cloudflare))
    assert "actions/upload-pages-artifact" in uses(jobs["build"])
    assert uses(pages) == ["actions/deploy-pages"]
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}


def test_preview_checks_pull_requests_and_keeps_the_site_without_deploying(preview):
    assert set(triggers(preview)) == {"pull_request"}
    (job,) = preview["jobs"].values()
    upload = job["steps"][step_index(job, "actions/upload-artifact")]
    assert upload["with"] == {"name": "preview", "path": "public", "retention-days": 14}
    assert "secrets." not in (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")


def test_every_secret_and_setting_the_workflows_read_is_documented():
    files = [WORKFLOWS / "publish.yml", WORKFLOWS / "preview.yml"]
    text = "".join(file.read_text(encoding="utf-8") for file in files) + workflow_text(None)
    names = set(re.findall(r"\$\{\{\s*(?:secrets|vars)\.(\w+)", text)) | set(re.findall(r"vars\.(\w+)", text))
    assert names >= {"NETLIFY_AUTH_TOKEN", "NETLIFY_SITE_ID", "DEPLOY_GITHUB_PAGES"}
    docs = (REPO / "docs" / "hosting.md").read_text(encoding="utf-8")
    assert not [name for name in sorted(names) if name not in docs]


@pytest.fixture(scope="module")
def scaffold() -> dict[str, Any]:
    """The workflow `statusblog init` writes into a new site."""
    return yaml.safe_load(workflow_text(None))


def test_a_new_site_publishes_on_merge_on_a_schedule_and_previews_pull_requests(scaffold):
    on = triggers(scaffold)
    assert on["push"]["branches"] == ["main"]
    assert {"pull_request", "schedule", "workflow_dispatch"} <= set(on)
    job = scaffold["jobs"]["build"]
    assert job["steps"][step_index(job, "actions/checkout")]["with"]["fetch-depth"] == 0
    order = [step_index(job, needle) for needle in (
        "astral-sh/setup-uv", "uv pip install --python python -r requirements.txt", "statusblog check --strict",
        "statusblog build --out public --verify-signatures", "actions/upload-artifact")]
    assert order == sorted(order)


def test_a_new_site_deploys_like_this_repository_but_never_from_a_pull_request(scaffold, publish):
    for name in ("netlify", "cloudflare", "github-pages"):
        job = scaffold["jobs"][name]
        assert job["if"] == f"github.event_name != 'pull_request' && {publish['jobs'][name]['if']}"
        assert job["steps"] == publish["jobs"][name]["steps"]
        assert job.get("permissions") == publish["jobs"][name].get("permissions")


def test_a_new_site_can_build_through_statusblogs_action_instead(scaffold):
    workflow = yaml.safe_load(workflow_text("harbor/statusblog@" + "0" * 40))
    job = workflow["jobs"]["build"]
    assert "harbor/statusblog" in uses(job)
    assert "pip install" not in commands(job)
    assert {name: workflow["jobs"][name] for name in ("netlify", "cloudflare", "github-pages")} == {
        name: scaffold["jobs"][name] for name in ("netlify", "cloudflare", "github-pages")}


def every_workflow() -> dict[str, str]:
    """Every workflow a run can meet, by name: this repository's, the Action, and those that init writes."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(WORKFLOWS.glob("*.yml"))}
    texts["action.yml"] = (REPO / "action.yml").read_text(encoding="utf-8")
    texts["init"] = workflow_text(None)
    texts["init --action"] = workflow_text("harbor/statusblog@" + "0" * 40)
    texts["init declare"] = (REPO / "generator" / "scaffold" / "declare.yml").read_text(encoding="utf-8")
    return texts


def steps_of(text: str) -> list[dict[str, Any]]:
    document = yaml.safe_load(text)
    jobs = document.get("jobs", {"action": document.get("runs", {})})
    return [step for job in jobs.values() for step in job.get("steps", [])]


def test_every_action_is_pinned_by_full_commit_with_its_tag_beside_it():
    """A tag can be moved to code nobody reviewed; a commit cannot. The comment says which release it is."""
    for name, text in every_workflow().items():
        lines = [line.strip() for line in text.splitlines() if line.strip().startswith("uses:")]
        assert lines, name
        for line in lines:
            if "harbor/statusblog@" in line:
                continue
            assert re.fullmatch(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*", line), (name, line)


def test_every_install_in_ci_is_uv_at_the_locked_version_with_its_cache_kept():
    """One uv version, the lock's; every install through it; its cache kept between runs, but not in a release."""
    uv = locked_versions()["uv"]
    texts = {**every_workflow(), "netlify.toml": (REPO / "netlify.toml").read_text(encoding="utf-8"),
             "init netlify.toml": (REPO / "generator" / "scaffold" / "netlify.toml").read_text(encoding="utf-8")}
    for name, text in texts.items():
        assert "pip install -" not in text.replace("uv pip install -", ""), f"{name} installs with pip"
        if name.endswith("netlify.toml"):
            assert f"python -m pip install uv=={uv} && uv pip install" in text, name
            continue
        setups = [step for step in steps_of(text) if step.get("uses", "").startswith("astral-sh/setup-uv@")]
        if name == "init --action":
            assert not setups and "pip install" not in text, "the Action installs statusblog, with uv"
            continue
        assert setups and all(step["with"]["version"] == uv for step in setups), name
        cached = {step["with"]["enable-cache"] for step in setups}
        assert cached == ({False} if name == "release.yml" else {True}), name



def test_the_docs_name_both_ways_to_install():
    """A fresh machine has pip, not uv: the README's lines use pip and venv; the hosting guide names both."""
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("```")
    assert "pip install" in readme[1] and "uv " not in readme[1] and "uv " not in readme[3]
    hosting = (REPO / "docs" / "hosting.md").read_text(encoding="utf-8")
    assert "pip install -r requirements.txt" in hosting and "uv pip install" in hosting
