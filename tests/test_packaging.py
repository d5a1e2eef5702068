"""statusblog as a team installs it: a built wheel, a new site's own repository, its workflow, the Action.

The slow tests here do what a site's CI does, offline: they build the sdist and the wheel with the
standard build front end, install the wheel into a fresh virtual environment from a folder of wheels
(`.ci/test-tools` fills `.tools/wheelhouse` with every runtime dependency at its locked version), run
`statusblog init`, then every shell step of the workflow it wrote, in order, and the site builds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import __version__
from generator.authoring.newsite import canonical_name
from tests.conftest import REPO
from tests.support.tools import TOOLS_DIR, skip_or_fail

WHEELHOUSE = TOOLS_DIR / "wheelhouse"
NOW = "2026-03-20T08:00:00Z"
#: What a copy of the repository leaves out: environments, tools and build output, never sources. The
#: output folders are left out at the top only: generator/build/ is a package.
TOP_LEVEL_OUTPUT = {".git", ".venv", ".tools", "build", "dist", "public"}
ANYWHERE = shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache")


def not_source(folder: str, names: list[str]) -> set[str]:
    top = TOP_LEVEL_OUTPUT & set(names) if Path(folder) == REPO else set()
    return top | ANYWHERE(folder, names)


def locked_versions() -> dict[str, str]:
    """requirements.lock as {canonical name: version}."""
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = (re.match(r"([A-Za-z0-9._-]+)==([^\s;]+)", line) for line in lines)
    return {canonical_name(pin.group(1)): pin.group(2) for pin in pins if pin}


def test_the_lock_pins_everything_pyproject_asks_for_within_its_ranges() -> None:
    """Every direct dependency and test tool is locked, so no install resolves a version of its own."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    names = {canonical_name(re.match(r"[A-Za-z0-9._-]+", requirement).group()) for requirement in wanted}
    assert names <= set(locked_versions())


def test_a_new_site_pins_exactly_the_versions_statusblog_runs_on() -> None:
    """`statusblog requirements` (what init writes) pins statusblog and every runtime library, as installed."""
    from generator.authoring.newsite import requirements_text

    lines = [line for line in requirements_text().splitlines() if line and not line.startswith("#")]
    pins = dict(line.split(" ;")[0].split("==") for line in lines)
    assert pins.pop("statusblog") == __version__
    assert {"jinja2", "babel", "markdown-it-py", "markupsafe", "click"} <= set(pins)
    assert not {"pytest", "playwright", "ruff", "twine"} & set(pins), "test tools are not a site's business"
    locked = locked_versions()
    assert {name: locked.get(name) for name in pins} == pins, "installed from requirements.lock, as CI does"


def wheelhouse() -> Path:
    if not any(WHEELHOUSE.glob("*.whl")):
        skip_or_fail(f"no wheels in {WHEELHOUSE}: run .ci/test-tools")
    return WHEELHOUSE


def offline(*find_links: Path) -> dict[str, str]:
    """An environment in which pip reads no configuration and no index: only these folders of wheels."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_FIND_LINKS=" ".join(str(folder) for folder in find_links))
    return env


def run(command: list[str] | str, cwd: Path, env: dict[str, str], **kwargs: Any) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                            shell=isinstance(command, str), executable="/bin/bash" if isinstance(command, str)
                            else None, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def fresh_venv(path: Path, env: dict[str, str]) -> dict[str, str]:
    """A virtual environment with nothing installed, first on PATH, as actions/setup-python leaves one."""
    run([sys.executable, "-m", "venv", str(path)], path.parent, env)
    return {**env, "PATH": f"{path / 'bin'}{os.pathsep}{env['PATH']}", "VIRTUAL_ENV": str(path)}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built by `python -m build` from a copy of the sources, offline."""
    wheels = wheelhouse()
    source = tmp_path_factory.mktemp("source") / "statusblog"
    shutil.copytree(REPO, source, ignore=not_source)
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(source)], source,
        offline(wheels))
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The wheel in a fresh environment, installed as a user installs a release: by name and version."""
    env = fresh_venv(tmp_path_factory.mktemp("user") / "venv", offline(dist, WHEELHOUSE))
    run(["python", "-m", "pip", "install", f"statusblog=={__version__}"], dist, env)
    return env


def source_packages() -> list[str]:
    """Every package of the source tree, by the folders that hold an __init__.py."""
    inits = (REPO / "generator").rglob("__init__.py")
    return sorted(".".join(init.parent.relative_to(REPO).parts) for init in inits if "__pycache__" not in init.parts)


@pytest.mark.slow
def test_every_package_of_the_source_tree_imports_from_the_installed_wheel(installed: dict[str, str],
                                                                          tmp_path: Path) -> None:
    """A package left out of the wheel imports from a checkout and fails from a release; every module is
    imported from the wheel's environment, away from the checkout, so one missing fails here."""
    modules = sorted({*source_packages(), "generator.themes",
                      *(".".join(path.relative_to(REPO).with_suffix("").parts)
                        for path in (REPO / "generator").rglob("*.py") if path.name not in ("__init__.py", "__main__.py"))})
    assert {"generator.core", "generator.source", "generator.proof", "generator.derive", "generator.render",
            "generator.outputs", "generator.pipeline", "generator.build", "generator.preview", "generator.cli"} <= set(modules)
    probe = ("import importlib, importlib.util, sys\n"
             "assert '/site-packages/' in importlib.util.find_spec('generator.__main__').origin\n"
             "for name in sys.argv[1:]:\n"
             "    module = importlib.import_module(name)\n"
             "    assert '/site-packages/' in module.__file__, (name, module.__file__)\n"
             "print(len(sys.argv) - 1)")
    result = run(["python", "-c", probe, *modules], tmp_path, installed)
    assert result.stdout.strip() == str(len(modules))


@pytest.mark.slow
def test_the_wheel_carries_the_theme_the_scaffold_and_the_translations_and_passes_twine_check(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"generator/themes/default/templates/base.html", "generator/themes/default/static/style.css",
            "generator/themes/default/translations/id/LC_MESSAGES/messages.mo",
            "generator/scaffold/workflow.yml", "generator/scaffold/build-install-steps.yml"} <= names
    assert not [name for name in names if name.startswith(("tests/", "content/", "themes/"))]
    (sdist,) = dist.glob("*.tar.gz")
    result = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], dist, dict(os.environ))
    assert result.stdout.count("PASSED") == 2


def init_site(env: dict[str, str], root: Path, *options: str) -> Path:
    """A new site's repository, and the clone of it that actions/checkout makes on the runner."""
    origin = root / "origin"
    run(["statusblog", "init", str(origin), "--name", "Alice Nguyen", "--email", "alice@example.com",
         "--now", NOW, *options], root, env)
    # The example incident is made up, and check --strict refuses to publish it: a team deletes it first.
    (example,) = (origin / "incidents").glob("*-example-incident.md")
    example.unlink()
    run("git init -q -b main && git add -A && git -c user.name=Alice -c user.email=alice@example.com "
        "commit -q -m 'A new status site'", origin, env)
    run(["git", "clone", "-q", str(origin), "status"], root, env)
    return root / "status"


def build_job(site: Path) -> list[dict[str, Any]]:
    workflow = yaml.safe_load((site / ".github" / "workflows" / "statusblog.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["build"]["steps"]


def ci_environment(base: dict[str, str], root: Path) -> dict[str, str]:
    """What GitHub's runner gives a push's steps that the steps here read."""
    summary = root / "summary.md"
    summary.touch()
    return {**base, "GITHUB_EVENT_NAME": "push", "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(root),
            "GITHUB_PATH": str(root / "github_path"), "GITHUB_WORKSPACE": str(root)}


@pytest.mark.slow
def test_a_site_made_by_init_publishes_with_the_workflow_it_wrote(installed: dict[str, str], dist: Path,
                                                                    tmp_path: Path) -> None:
    site = init_site(installed, tmp_path)
    pins = (site / "requirements.txt").read_text(encoding="utf-8")
    assert f"\nstatusblog=={__version__}\n" in pins
    assert "python -m pip install -r requirements.txt" in (site / "netlify.toml").read_text(encoding="utf-8")

    # The runner: a fresh Python (setup-python), then every shell step of the build job, in order.
    env = ci_environment(fresh_venv(tmp_path / "runner", offline(dist, WHEELHOUSE)), tmp_path)
    steps = build_job(site)
    assert {step["uses"].split("@")[0] for step in steps if "uses" in step} == {
        "actions/checkout", "actions/cache", "actions/setup-python", "actions/upload-artifact",
        "actions/upload-pages-artifact"}
    shell_steps = [step["run"] for step in steps if "run" in step]
    # The build cache's key step comes first, and starts clean without its secret (as here).
    assert shell_steps[1] == "python -m pip install -r requirements.txt"
    # Reading the live site's feed for notify is the one step that needs the network: tests have none.
    (live_feed,) = [script for script in shell_steps if "curl" in script]
    for script in shell_steps:
        if script is not live_feed:
            run(script, site, env)
    assert (site / "public" / "index.html").is_file()
    assert (site / "public" / "api" / "v2" / "summary.json").is_file()
    assert "built " in (tmp_path / "summary.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_site_made_with_init_action_builds_through_the_action(installed: dict[str, str], dist: Path,
                                                                 tmp_path: Path) -> None:
    site = init_site(installed, tmp_path, "--action", "harbor/statusblog@v1")
    (step,) = [step for step in build_job(site) if step.get("uses", "").startswith("harbor/")]
    assert step["uses"] == "harbor/statusblog@v1"
    assert step["with"] == {"site": ".", "out": "public", "verify-signatures": "true",
                            "strict": "${{ github.event_name != 'schedule' }}"}
    assert not [s for s in build_job(site) if "pip install" in s.get("run", "")], "the action installs"

    # The action, from a checkout of this repository, with the inputs the workflow gives it.
    action_path = tmp_path / "action"
    shutil.copytree(REPO, action_path, ignore=not_source)
    action = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update({key: value for key, value in step["with"].items() if key != "strict"}, strict="true")
    env = ci_environment(fresh_venv(tmp_path / "runner", offline(WHEELHOUSE)), tmp_path)
    env["GITHUB_ACTION_PATH"] = str(action_path)
    for action_step in action["runs"]["steps"]:
        if "run" not in action_step:
            assert action_step["uses"].startswith("actions/setup-python@")
            continue
        step_env = {**env, **{name: expand(value, inputs) for name, value in action_step.get("env", {}).items()}}
        run(action_step["run"], site, step_env)
        added = (tmp_path / "github_path").read_text(encoding="utf-8").split() if (tmp_path / "github_path").exists() else []
        env["PATH"] = os.pathsep.join([*added, env["PATH"]])
    assert (site / "public" / "index.html").is_file()
    assert any(Path(entry, "statusblog").exists() for entry in added), "statusblog came from the action's own venv"


def expand(value: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.NAME }}` as the runner expands it in a step's env."""
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda match: inputs[match.group(1)], value)


def test_the_action_refuses_an_input_that_is_not_true_or_false(tmp_path: Path) -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    (script,) = [step for step in action["runs"]["steps"] if "env" in step]
    env = {**os.environ, "SITE": ".", "OUT": "public", "VERIFY": "yes", "REQUIRE": "false", "TRUST_REF": "",
           "STRICT": "true", "NOW": ""}
    result = subprocess.run(["bash", "-c", script["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "verify is 'yes'; write \"true\" or \"false\"" in result.stderr
