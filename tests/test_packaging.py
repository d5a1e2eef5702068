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
from tests.conftest import DEMO, DEMO_NOW, REPO
from tests.support.tools import TOOLS_DIR, skip_or_fail
from tests.test_build import GOLDEN, tree
from tests.test_cache import COMPILE_COUNTER

WHEELHOUSE = TOOLS_DIR / "wheelhouse"
NOW = "2026-03-20T08:00:00Z"
COMMIT = "3f2a9c1d8e07b6a5f4e3d2c1b0a9988776655443"
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

    lines = [line for line in requirements_text(f"statusblog=={__version__}").splitlines()
             if line and not line.startswith("#")]
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
    """An environment in which pip and uv read no configuration and no index: only these folders of wheels."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_FIND_LINKS=" ".join(str(folder) for folder in find_links))
    return env


def with_uv(env: dict[str, str], root: Path) -> dict[str, str]:
    """What astral-sh/setup-uv leaves a job: uv on PATH (here the locked uv the suite was installed with),
    reading no index, only the folders of wheels `env` gives pip, with a cache of its own."""
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        skip_or_fail("no uv: install the test tools from requirements.lock")
    (root / "uv-bin").mkdir(exist_ok=True)
    (root / "uv-bin" / "uv").unlink(missing_ok=True)
    (root / "uv-bin" / "uv").symlink_to(uv)
    links = ", ".join(f"'{folder}'" for folder in env["PIP_FIND_LINKS"].split())
    (root / "uv.toml").write_text(f"no-index = true\nfind-links = [{links}]\n", encoding="utf-8")
    return {**env, "PATH": f"{env['PATH']}{os.pathsep}{root / 'uv-bin'}", "UV_CONFIG_FILE": str(root / "uv.toml"),
            "UV_CACHE_DIR": str(root / "uv-cache"), "UV_PYTHON_DOWNLOADS": "never"}


def run(command: list[str] | str, cwd: Path, env: dict[str, str], **kwargs: Any) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                            shell=isinstance(command, str), executable="/bin/bash" if isinstance(command, str)
                            else None, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def fresh_venv(path: Path, env: dict[str, str], *, pip: bool = True) -> dict[str, str]:
    """A virtual environment with nothing installed, first on PATH, as actions/setup-python leaves one.

    Without pip for a runner whose steps install with uv: a step that fell back to pip would fail, and
    the suite does not spend seconds installing a pip nothing runs.
    """
    run([sys.executable, "-m", "venv", *([] if pip else ["--without-pip"]), str(path)], path.parent, env)
    return {**env, "PATH": f"{path / 'bin'}{os.pathsep}{env['PATH']}", "VIRTUAL_ENV": str(path)}


RELEASE_INSTALL = "uv pip install --python python -r requirements.lock"


def release_steps() -> list[dict[str, Any]]:
    """The release workflow's build job: every step up to keeping the files, in order."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["build"]["steps"]


def release_runner(source: Path, root: Path, tag: str) -> dict[str, str]:
    """A tag push's runner, offline: `python` is the suite's own, which the install step's lock installed."""
    env = with_uv(offline(wheelhouse()), root)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]])
    return {**ci_environment(env, root), "GITHUB_REF_NAME": tag, "GITHUB_WORKSPACE": str(source)}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, made by the release workflow's own build steps from a copy of the sources:
    the tag checked against the version, built once, checked as an index would, installed into a fresh
    virtual environment that builds the demo site. Offline; the install step is the suite's own."""
    source = tmp_path_factory.mktemp("source") / "statusblog"
    shutil.copytree(REPO, source, ignore=not_source)
    env = release_runner(source, tmp_path_factory.mktemp("runner"), f"v{__version__}")
    steps = release_steps()
    assert next(step["run"] for step in steps if "run" in step) == RELEASE_INSTALL
    for step in steps:
        if "run" in step and step["run"] != RELEASE_INSTALL:
            run(step["run"], source, env)
    assert Path(env["RUNNER_TEMP"], "demo", "index.html").is_file(), "the wheel built the demo site"
    return source / "dist"


def test_a_release_whose_tag_is_not_the_version_stops_before_building(tmp_path: Path) -> None:
    (check,) = [step for step in release_steps() if step["name"] == "The tag is the version"]
    source = tmp_path / "statusblog"
    shutil.copytree(REPO / "generator", source / "generator", ignore=not_source)
    result = subprocess.run(check["run"], shell=True, executable="/bin/bash", cwd=source, capture_output=True,
                            text=True, env={**os.environ, "GITHUB_REF_NAME": "v9.9.9"})
    assert result.returncode == 1
    assert f"::error::tag v9.9.9 is not v{__version__}, the version in generator/__init__.py" in result.stdout
    assert not (source / "dist").exists()


def test_the_release_publishes_to_pypi_by_trusted_publishing_and_attaches_the_same_files() -> None:
    """No stored token: PyPI trusts this workflow through an OIDC token, in the job that alone may ask for one."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    assert workflow.get("on", workflow.get(True)) == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["pypi"]["permissions"] == {"id-token": "write"} and jobs["pypi"]["environment"] == "pypi"
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    assert "id-token" not in str({name: job for name, job in jobs.items() if name != "pypi"})
    (publish,) = [step for step in jobs["pypi"]["steps"] if "gh-action-pypi-publish" in step.get("uses", "")]
    assert re.fullmatch(r"pypa/gh-action-pypi-publish@[0-9a-f]{40}", publish["uses"])
    assert "password" not in publish.get("with", {})
    for name in ("pypi", "github-release"):
        assert jobs[name]["needs"] == "build", "both publish the files the build job made and checked, once"
    assert "secrets." not in (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")


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


def test_a_build_from_the_installed_wheel_compiles_none_of_its_theme(installed: dict[str, str],
                                                                   tmp_path: Path) -> None:
    """The theme's compiled templates ship in the wheel and serve its own install path: a first build from
    site-packages compiles nothing and writes the demo's golden bytes."""
    out = tmp_path / "public"
    probe = COMPILE_COUNTER + (
        "from generator.cli.main import main\n"
        "from generator.render.theme import THEMES\n"
        "assert '/site-packages/' in str(THEMES), THEMES\n"
        "try: main()\n"
        "finally: print('compiled by the build process:', len(compiled), file=sys.stderr)")
    env = {**installed, "STATUSBLOG_CACHE_DIR": "off", "STATUSBLOG_JOBS": "1"}
    result = run(["python", "-c", probe, "build", str(DEMO), "--out", str(out), "--now", DEMO_NOW], tmp_path, env)
    assert result.stderr.rsplit("compiled by the build process: ", 1)[1].strip() == "0"
    assert tree(out) == tree(GOLDEN)


@pytest.mark.slow
def test_an_installed_wheel_says_where_it_came_from_as_importlib_metadata_reads_it(installed: dict[str, str],
                                                                                  tmp_path: Path) -> None:
    """`--version` reads the .dist-info beside the package itself, without importlib.metadata; on a real install
    it must say what the general way says, and it must have taken its own way there."""
    quick = run(["statusblog", "--version"], tmp_path, installed).stdout
    general = run(["python", "-c", "from generator.authoring import installed\n"
                   "assert installed._dist_info_beside_package() is not None\n"
                   "installed._dist_info_beside_package = lambda: None\n"
                   "print(installed.version_line())"], tmp_path, installed).stdout
    assert quick == general == f"statusblog, version {__version__}, installed from a package index\n"


@pytest.mark.slow
def test_the_wheel_carries_the_theme_the_scaffold_and_the_translations_and_passes_twine_check(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"generator/themes/default/templates/base.html", "generator/themes/default/static/style.css",
            "generator/themes/default/translations/id/LC_MESSAGES/messages.mo",
            "generator/scaffold/workflow.yml", "generator/scaffold/build-install-steps.yml",
            "generator/themes/default/compiled/en.json", "generator/themes/default/compiled/id.json"} <= names
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
    assert "uv pip install --python python -r requirements.txt" in (site / "netlify.toml").read_text(encoding="utf-8")

    # The runner: a fresh Python (setup-python), then every shell step of the build job, in order.
    env = ci_environment(fresh_venv(tmp_path / "runner", offline(dist, WHEELHOUSE), pip=False), tmp_path)
    steps = build_job(site)
    assert {step["uses"].split("@")[0] for step in steps if "uses" in step} == {
        "actions/checkout", "actions/cache", "actions/setup-python", "astral-sh/setup-uv", "actions/upload-artifact",
        "actions/upload-pages-artifact"}
    env = with_uv(env, tmp_path)
    shell_steps = [step["run"] for step in steps if "run" in step]
    # The build cache's key step comes first, and starts clean without its secret (as here).
    assert shell_steps[1] == "uv pip install --python python -r requirements.txt"
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
    site = init_site(installed, tmp_path, "--action", f"harbor/statusblog@{COMMIT}")
    (step,) = [step for step in build_job(site) if step.get("uses", "").startswith("harbor/")]
    assert step["uses"] == f"harbor/statusblog@{COMMIT}"
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
    env = with_uv(ci_environment(fresh_venv(tmp_path / "runner", offline(WHEELHOUSE), pip=False), tmp_path), tmp_path)
    env["GITHUB_ACTION_PATH"] = str(action_path)
    for action_step in action["runs"]["steps"]:
        if "run" not in action_step:
            assert action_step["uses"].startswith(("actions/setup-python@", "astral-sh/setup-uv@"))
            continue
        step_env = {**env, **{name: expand(value, inputs) for name, value in action_step.get("env", {}).items()}}
        run(action_step["run"], site, step_env)
        added = (tmp_path / "github_path").read_text(encoding="utf-8").split() if (tmp_path / "github_path").exists() else []
        env["PATH"] = os.pathsep.join([*added, env["PATH"]])
    assert (site / "public" / "index.html").is_file()
    assert any(Path(entry, "statusblog").exists() for entry in added), "statusblog came from the action's own venv"


def expand(value: str, inputs: dict[str, str]) -> str:
    """`${{ inputs.NAME }}` as the runner expands it in a step's env; `${{ github.* }}` as for an event that
    does not carry the value (a schedule gives no repository's default branch)."""
    value = re.sub(r"\$\{\{\s*github\.[\w.-]+\s*\}\}", "", value)
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda match: inputs[match.group(1)], value)


def test_the_action_refuses_an_input_that_is_not_true_or_false(tmp_path: Path) -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    (script,) = [step for step in action["runs"]["steps"] if "env" in step]
    env = {**os.environ, "SITE": ".", "OUT": "public", "VERIFY": "yes", "REQUIRE": "false", "TRUST_REF": "",
           "STRICT": "true", "NOW": ""}
    result = subprocess.run(["bash", "-c", script["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "verify is 'yes'; write \"true\" or \"false\"" in result.stderr


@pytest.mark.slow
def test_installed_from_git_at_a_commit_a_new_site_pins_that_commit_and_builds_from_its_pin(tmp_path: Path) -> None:
    """A team installs statusblog from its git repository at a commit; the site init writes pins that
    commit, and a second fresh environment, as the site's CI makes, installs the pin and builds."""
    env = offline(wheelhouse())
    origin = tmp_path / "statusblog.git"
    shutil.copytree(REPO, origin, ignore=not_source)
    run("git init -q -b main && git add -A && git -c user.name=Rel -c user.email=rel@example.com "
        "commit -q -m release", origin, env)
    commit = run(["git", "rev-parse", "HEAD"], origin, env).stdout.strip()
    url = f"git+{origin.as_uri()}"

    author = fresh_venv(tmp_path / "author", env)
    run(["python", "-m", "pip", "install", f"{url}@{commit}"], tmp_path, author)
    version = run(["statusblog", "--version"], tmp_path, author).stdout
    assert version == f"statusblog, version {__version__}, installed from {url} at {commit}\n"
    site = tmp_path / "site"
    run(["statusblog", "init", str(site), "--name", "Alice Nguyen", "--email", "alice@example.com", "--now", NOW],
        tmp_path, author)
    requirements = (site / "requirements.txt").read_text(encoding="utf-8")
    assert f"\nstatusblog @ {url}@{commit}\n" in requirements
    assert run(["statusblog", "requirements"], tmp_path, author).stdout == requirements

    ci = with_uv(fresh_venv(tmp_path / "ci", env, pip=False), tmp_path)
    run(["uv", "pip", "install", "--python", "python", "-r", "requirements.txt"], site, ci)
    assert run(["statusblog", "--version"], tmp_path, ci).stdout == version
    run(["statusblog", "build", "--out", "public", "--now", NOW], site, ci)
    assert (site / "public" / "index.html").is_file()


@pytest.mark.parametrize("variable", ["VERIFY", "COMMAND"])
def test_the_action_echoes_a_bad_input_as_data_never_as_a_workflow_command(tmp_path: Path, variable: str) -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    (script,) = [step for step in action["runs"]["steps"] if "env" in step]
    env = {**os.environ, "SITE": ".", "OUT": "public", "VERIFY": "true", "REQUIRE": "false", "TRUST_REF": "",
           "STRICT": "true", "NOW": "", "COMMAND": "build"}
    env[variable] = "x\n::add-mask::y\r\n::set-output name=z::1 100%"
    result = subprocess.run(["bash", "-c", script["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("::error::statusblog action: ")
    assert "'x%0A::add-mask::y%0D%0A::set-output name=z::1 100%25'" in line
