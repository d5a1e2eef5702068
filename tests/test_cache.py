"""Fast rebuilds: the parse cache, the skipped no-op build, and builds spread over processes.

Each of these may make a build faster, never different: every test compares
bytes with a build that had no cache, or ran in one process.
"""

from __future__ import annotations

import ast
import dataclasses
import hmac
import os
import pickle
import shutil
import subprocess
import sys
import zoneinfo
from pathlib import Path

import pytest

from generator.core import pickling
from generator.core.problems import Problems
from generator.core.recent import Recent
from generator.core.times import build_now, zone
from generator.pipeline.evaluate import check
from generator.source import cache
from generator.source.loader import CONTENT_KINDS, config_for_theme, content_files, read_parsed
from generator.source.registries import load_site_config
from tests.conftest import DEMO, DEMO_NOW, REPO
from tests.sites import INCIDENT, THEME, THEME_TEMPLATES, own_templates, run, write_site
from tests.test_build import GOLDEN, tree

NOW = "2026-03-15T00:00:00Z"


@pytest.fixture(autouse=True)
def cache_on(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is opt-in; these tests are about what it does when it is on."""
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
OPEN_WITHOUT_ETA = """\
---
title: Slow dashboard
impact: minor
components: [dashboard]
started: 2026-03-14T09:12:00Z
---

The dashboard is slow.

## 2026-03-14 09:20 UTC · investigating · alice

We are looking into it.
"""
LOW_THRESHOLDS = ("import sys; from generator.build import processes; from generator.source import cached_parse; "
                  "processes.PARALLEL_RENDER_MIN = cached_parse.PARALLEL_PARSE_MIN = 1; "
                  "from generator.cli.main import main; sys.exit(main())")


def build_in_processes(site: Path, out: Path, jobs: int, cache: Path) -> subprocess.CompletedProcess[str]:
    """A CLI build where even a small site is spread over `jobs` processes."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_JOBS": str(jobs), "STATUSBLOG_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", LOW_THRESHOLDS, "build", str(site), "--out", str(out),
                           "--now", DEMO_NOW], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


def test_a_build_with_nothing_changed_is_skipped_and_an_edit_is_not(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"incidents/api.md": INCIDENT})
    out = tmp_path / "public"
    assert run("build", str(site), "--out", str(out), "--now", NOW).exit_code == 0
    first = out.stat().st_ino
    again = run("build", str(site), "--out", str(out), "--now", NOW)
    assert again.exit_code == 0, again.output
    assert out.stat().st_ino == first, "an unchanged site was written again"
    assert again.stdout.split(" in ")[0] == f"built {sum(1 for p in out.rglob('*') if p.is_file()) - 1} files into {out}"
    (site / "incidents" / "api.md").write_text(INCIDENT + "\nA connection pool was exhausted.\n", encoding="utf-8")
    edited = run("build", str(site), "--out", str(out), "--now", NOW)
    assert edited.exit_code == 0, edited.output
    assert out.stat().st_ino != first
    assert "A connection pool was exhausted." in (out / "incidents" / "api" / "index.html").read_text(encoding="utf-8")
    later = run("build", str(site), "--out", str(out), "--now", "2026-03-16T00:00:00Z")
    assert later.exit_code == 0 and out.stat().st_ino != first, "another 'now' is another build"


def test_a_build_is_done_again_when_a_library_or_the_zone_database_it_runs_on_changes(tmp_path: Path) -> None:
    """New CLDR words in a new Babel, or new zone rules, change what a build writes though the site has not."""
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT})
    out, libraries, zones = tmp_path / "public", tmp_path / "libraries", tmp_path / "zones"
    libraries.mkdir()
    zones.mkdir()
    (zones / "tzdata.zi").write_text("# version 2099a\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(libraries)]),
           "PYTHONTZPATH": os.pathsep.join([str(zones), *zoneinfo.TZPATH]), "STATUSBLOG_CACHE_DIR": str(tmp_path / "c")}

    def built() -> int:
        result = subprocess.run([sys.executable, "-m", "generator", "build", str(site), "--out", str(out), "--now",
                                 NOW], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
        assert result.returncode == 0, result.stderr
        return out.stat().st_ino

    first = built()
    assert built() == first, "an unchanged site was built again"
    (libraries / "babel-99.0.0.dist-info").mkdir()
    upgraded = built()
    assert upgraded != first, "a build after Babel was upgraded reported the old output"
    assert built() == upgraded
    (zones / "tzdata.zi").write_text("# version 2099b\n", encoding="utf-8")
    assert built() != upgraded, "a build after the zone rules changed reported the old output"


NOT_NEEDED_TO_SKIP = ("generator.build.full_build", "generator.pipeline", "generator.derive", "generator.render",
                      "generator.outputs", "babel", "feedgen", "lxml", "markdown_it", "mdit_py_plugins", "yaml",
                      "jinja2")
"""What a build that would change nothing has no need to load: reading, deriving and rendering a site, and the
libraries that do it (their versions are read from what is installed, build.build_record._runtime)."""


def test_a_build_that_would_change_nothing_loads_no_code_that_reads_or_renders_a_site(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"incidents/api.md": INCIDENT})
    out = tmp_path / "public"
    probe = ("import sys\nfrom generator.cli.main import main\n"
             f"sys.argv = ['statusblog', 'build', {str(site)!r}, '--out', {str(out)!r}, '--now', {NOW!r}]\n"
             "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
             "print('\\n'.join(sorted(sys.modules)))")

    def loaded() -> set[str]:
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                                env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO)
        assert result.returncode == 0, result.stderr
        return set(result.stdout.split())

    assert {"generator.build.full_build", "babel", "feedgen"} <= loaded(), "the first build was not done"
    first = out.stat().st_ino
    skipped = loaded()
    assert out.stat().st_ino == first, "an unchanged site was built again"
    assert not {name for name in skipped if name.startswith(NOT_NEEDED_TO_SKIP)}
    (site / "incidents" / "api.md").write_text(INCIDENT + "\nA pool was exhausted.\n", encoding="utf-8")
    assert "generator.build.full_build" in loaded() and out.stat().st_ino != first


def test_a_skipped_build_reports_the_same_warnings_and_strict_still_fails(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"incidents/slow.md": OPEN_WITHOUT_ETA})
    out = tmp_path / "public"
    first = run("build", str(site), "--out", str(out), "--now", NOW)
    again = run("build", str(site), "--out", str(out), "--now", NOW)
    assert first.exit_code == again.exit_code == 0
    assert "gives no time for the next update" in first.stderr
    assert first.stderr == again.stderr
    assert run("build", str(site), "--out", str(out), "--now", NOW, "--strict").exit_code == 1


def test_a_damaged_cache_is_ignored_and_the_output_is_the_same(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.source.cache import cache_dir

    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache"))
    site = write_site(tmp_path, {"incidents/api.md": INCIDENT})
    assert run("build", str(site), "--out", str(tmp_path / "a"), "--now", NOW).exit_code == 0
    cache = cache_dir(site)
    assert cache is not None
    damaged = [path for path in cache.rglob("*") if path.is_file()]
    assert damaged, "the build kept nothing"
    for path in damaged:
        path.write_bytes(b"\x80\x04not a pickle")
    assert run("build", str(site), "--out", str(tmp_path / "a"), "--now", NOW).exit_code == 0
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", "off")
    assert run("build", str(site), "--out", str(tmp_path / "b"), "--now", NOW).exit_code == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_the_cache_is_opt_in_and_lives_where_it_is_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STATUSBLOG_CACHE_DIR", raising=False)
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT})
    before = tree(site)
    assert run("build", str(site), "--out", str(tmp_path / "a"), "--now", NOW).exit_code == 0
    assert tree(site) == before, "a plain build writes nothing outside --out"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "site"]
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache"))
    assert run("build", str(site), "--out", str(tmp_path / "b"), "--now", NOW).exit_code == 0
    assert any((tmp_path / "cache").rglob("parse.pickle"))


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_build_over_several_processes_writes_the_same_bytes_as_one(tmp_path: Path, jobs: int) -> None:
    serial = build_in_processes(DEMO, tmp_path / "serial", 1, tmp_path / "cache-serial")
    parallel = build_in_processes(DEMO, tmp_path / "parallel", jobs, tmp_path / "cache-parallel")
    assert serial.returncode == parallel.returncode == 0, serial.stderr + parallel.stderr
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")


PARSED_HERE = ("import sys, time; from generator.source import cached_parse; cached_parse.PARALLEL_PARSE_MIN = 1\n"
               "here = []; parsed_here = cached_parse._parsed_here; parse_chunk = cached_parse._parse_chunk\n"
               "def counted(chunk, *rest):\n"
               "    here.extend(chunk); yield from parsed_here(chunk, *rest)\n"
               "def slowed(*args):\n"
               "    time.sleep(0.05); return parse_chunk(*args)\n"
               "cached_parse._parsed_here = counted; cached_parse._parse_chunk = slowed\n"
               "from generator.cli.main import main\n"
               "try: main()\n"
               "finally: print('parsed by the build process:', len(here), 'switch interval:', sys.getswitchinterval(),\n"
               "                file=sys.stderr)")
"""A probe: how many files the build process parsed itself, the rest being parsed by the processes it forked
(slowed, so that each side surely gets some: the build process takes chunks only after compiling the theme)."""


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_a_parse_shared_with_other_processes_reports_every_problem_in_file_order(tmp_path: Path, jobs: int) -> None:
    """The build process parses a share of the files itself while the others parse the rest; what it
    reports is the same, in the same order, as one process's."""
    files = {f"incidents/api-{number:02}.md": INCIDENT for number in range(40)}
    for number in (3, 17, 38):
        files[f"incidents/api-{number:02}.md"] = INCIDENT.replace("impact: major", f"impact: broken-{number}")
    site = write_site(tmp_path / "site", files)
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_JOBS": str(jobs), "STATUSBLOG_CACHE_DIR": "off"}
    result = subprocess.run([sys.executable, "-c", PARSED_HERE, "build", str(site), "--out", str(tmp_path / "out"),
                             "--now", NOW], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert [line.split(".md:", 1)[0].rsplit("api-", 1)[1] for line in errors] == ["03", "17", "38"], errors
    assert all("broken-" in line for line in errors)
    parsed, interval = result.stderr.rsplit("parsed by the build process: ", 1)[1].split(" switch interval: ")
    assert float(interval) == 0.005, "the switch interval the pool needed was not given back"
    here = int(parsed)
    every = len(files) + 1  # and write_site's own incident
    assert here == every if jobs == 1 else 0 < here < every


COMPILE_COUNTER = ("import os, sys, jinja2; this = os.getpid(); compiled = []; compile = jinja2.Environment._compile\n"
                   "def counted(env, source, filename):\n"
                   "    if os.getpid() == this and os.path.isfile(str(filename)): compiled.append(filename)\n"
                   "    return compile(env, source, filename)\n"
                   "jinja2.Environment._compile = counted\n")
"""The start of a probe: counts, in `compiled`, the template files this process (not one it forks) compiles."""
COUNTING_COMPILES = COMPILE_COUNTER + ("from generator.cli.main import main\n"
                                       "try: main()\n"
                                       "finally: print('compiled by the build process:', len(compiled), file=sys.stderr)")


def compiles(site: Path, out: Path, cache: Path | str, before: str = "", jobs: int = 1) -> int:
    """How many template files a CLI build compiles in its own process (`before` runs first in it)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_JOBS": str(jobs), "STATUSBLOG_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", before + COUNTING_COMPILES, "build", str(site), "--out", str(out),
                             "--now", DEMO_NOW], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    return int(result.stderr.rsplit("compiled by the build process: ", 1)[1])


COMPILES_WHILE_PARSED = (
    "import multiprocessing, os, sys, jinja2; this = os.getpid(); compiled = []; compile = jinja2.Environment._compile\n"
    "def counted(env, source, filename):\n"
    "    if os.getpid() == this and os.path.isfile(str(filename)):\n"
    "        compiled.append((filename, bool(multiprocessing.active_children())))\n"
    "    return compile(env, source, filename)\n"
    "jinja2.Environment._compile = counted\n"
    "from generator.source import cached_parse; cached_parse.PARALLEL_PARSE_MIN = 1\n"
    "from generator.cli.main import main\n"
    "try: main()\n"
    "finally: print('compiled:', sorted(compiled), file=sys.stderr)")
"""A probe: each template file the build process compiles, and whether other processes were running then."""


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_over_several_processes_compiles_its_theme_while_the_others_parse(tmp_path: Path, jobs: int) -> None:
    """With a second core, the build process compiles the site's templates while the other processes parse
    the site, where it would only wait for them; each once, and the pages are the same bytes."""
    site, out = tmp_path / "site", tmp_path / "public"
    shutil.copytree(DEMO, site)
    own_templates(site)
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_JOBS": str(jobs), "STATUSBLOG_CACHE_DIR": "off"}
    result = subprocess.run([sys.executable, "-c", COMPILES_WHILE_PARSED, "build", str(site), "--out", str(out),
                             "--now", DEMO_NOW], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    compiled = ast.literal_eval(result.stderr.rsplit("compiled: ", 1)[1])
    assert sorted(Path(name).name for name, _ in compiled) == sorted(THEME_TEMPLATES)
    assert {while_parsed for _, while_parsed in compiled} == {jobs > 1}
    assert tree(out) == tree(GOLDEN)


@pytest.mark.slow
def test_the_theme_one_build_compiled_is_kept_for_the_next_until_what_it_was_made_from_changes(
        tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(DEMO, site)
    own_templates(site)
    assert compiles(site, tmp_path / "first", cache) == len(THEME_TEMPLATES)
    assert compiles(site, tmp_path / "again", cache) == 0
    assert tree(tmp_path / "again") == tree(tmp_path / "first")
    # A template edited: only it is compiled, and it is what the pages show.
    own = (THEME / "maintenance.html").read_text(encoding="utf-8")
    own = own.replace("{% block main %}", "{% block main %}<!-- the site's own -->", 1)
    (site / "templates" / "maintenance.html").write_text(own, encoding="utf-8")
    assert compiles(site, tmp_path / "own", cache) == 1
    pages = list((tmp_path / "own" / "maintenance").glob("*/index.html"))
    assert pages and all("<!-- the site's own -->" in page.read_text(encoding="utf-8") for page in pages)
    assert compiles(site, tmp_path / "own-again", cache) == 0
    # Another Jinja, or another catalog (its words are put into the code): everything is compiled again.
    assert compiles(site, tmp_path / "jinja", cache, "import jinja2; jinja2.__version__ = '3.1.99'\n") == len(
        THEME_TEMPLATES)
    config = site / "site.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('language = "en"', 'language = "id"'))
    assert compiles(site, tmp_path / "indonesian", cache) == len(THEME_TEMPLATES)
    assert "Pembaruan" in (tmp_path / "indonesian" / "index.html").read_text(encoding="utf-8")


PREVIEW_COUNTING_COMPILES = COMPILE_COUNTER + (
    "from pathlib import Path\n"
    "from generator.core.times import build_now\n"
    "from generator.preview.live import Changes, Preview\n"
    "preview = Preview(Path(sys.argv[1]), build_now(sys.argv[2]), lambda line: None)\n"
    "preview.rebuild(Changes())\n"
    "assert b'Recent incidents' in preview.served.snapshot.get('index.html')\n"
    "if len(sys.argv) > 3:  # a template of the site's own, saved while the server runs\n"
    "    own = Path(sys.argv[1], 'templates', 'page.html')\n"
    "    own.parent.mkdir(exist_ok=True)\n"
    "    own.write_text(Path(sys.argv[3]).read_text().replace('{% block main %}', '{% block main %}<hr>', 1))\n"
    "    preview.rebuild(Changes(theme=True))\n"
    "print(len(compiled))")


def test_the_dev_server_starts_from_the_theme_a_build_kept(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(DEMO, site)
    own_templates(site)
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_CACHE_DIR": str(cache)}

    def serving(*then: str) -> int:
        result = subprocess.run([sys.executable, "-c", PREVIEW_COUNTING_COMPILES, str(site), DEMO_NOW, *then],
                                capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
        assert result.returncode == 0, result.stderr
        return int(result.stdout)

    assert serving() == len(THEME_TEMPLATES)
    assert serving() == 0
    assert compiles(site, tmp_path / "built", cache) == 0
    assert serving(str(THEME / "page.html")) == 1
    assert compiles(site, tmp_path / "built-again", cache) == 0, "the template saved while serving was not kept"
    assert "<main id=\"main\">\n<hr>" in (tmp_path / "built-again" / "about" / "index.html").read_text(encoding="utf-8")


def test_templates_sealed_with_another_key_are_not_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled code runs: a kept theme sealed with any key but this user's is compiled afresh."""
    from generator.render.compiled_theme import TEMPLATES_FILE
    from generator.source.cache import cache_dir

    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(DEMO, site)
    own_templates(site)
    assert compiles(site, tmp_path / "first", cache) == len(THEME_TEMPLATES)
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(cache))
    folder = cache_dir(site)
    assert folder is not None
    kept = folder / TEMPLATES_FILE
    kept.write_bytes(hmac.digest(b"k" * 32, kept.read_bytes()[32:], "sha256") + kept.read_bytes()[32:])
    assert compiles(site, tmp_path / "resealed", cache) == len(THEME_TEMPLATES)
    assert tree(tmp_path / "resealed") == tree(tmp_path / "first")


def test_every_library_whose_work_is_kept_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse made by one markdown-it, or a template compiled by one Jinja, is not served to another."""
    import importlib

    from generator.source.cache import KEPT_LIBRARIES, code_version

    ours = code_version.__wrapped__()
    assert code_version.__wrapped__() == ours
    for name in KEPT_LIBRARIES:
        with monkeypatch.context() as patch:
            patch.setattr(importlib.import_module(name), "__version__", "0.0.0-another")
            assert code_version.__wrapped__() != ours, name


def test_the_theme_is_compiled_ahead_only_from_files_the_site_accepts(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT})
    assert config_for_theme(site) is not None
    outside = tmp_path / "elsewhere.toml"
    outside.write_bytes((site / "site.toml").read_bytes())
    (site / "templates").mkdir()
    (site / "templates" / "incident.html").symlink_to("/dev/zero")
    assert config_for_theme(site) is None, "a template the build refuses is not read"
    (site / "templates" / "incident.html").unlink()
    (site / "site.toml").unlink()
    (site / "site.toml").symlink_to(outside)
    assert config_for_theme(site) is None


def built_then_given(tmp_path: Path, template: str, jobs: int = 2) -> tuple[Path, Path, dict[str, bytes]]:
    """A site of six incidents built over `jobs` processes, then given an incident.html of its own: the site,
    its output, and the output as that first build left it."""
    site = write_site(tmp_path, {f"incidents/api-{number}.md": INCIDENT for number in range(6)})
    out = tmp_path / "public"
    assert build_in_processes(site, out, jobs, tmp_path / "cache").returncode == 0
    before = tree(out)
    (site / "templates").mkdir()
    (site / "templates" / "incident.html").write_text(template, encoding="utf-8")
    return site, out, before


def test_a_template_error_in_a_parallel_build_is_reported_and_the_output_kept(tmp_path: Path) -> None:
    site, out, before = built_then_given(tmp_path, "{{ no_such_thing.at_all }}\n")
    failed = build_in_processes(site, out, 2, tmp_path / "cache")
    assert failed.returncode == 1
    assert "template error" in failed.stderr and "Traceback" not in failed.stderr
    assert tree(out) == before


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_template_syntax_error_names_its_file_and_line_and_keeps_the_output(tmp_path: Path, jobs: int) -> None:
    site, out, before = built_then_given(tmp_path, "<h1>\n{% if %}\n", jobs)
    failed = build_in_processes(site, out, jobs, tmp_path / "cache")
    assert failed.returncode == 1
    # Named as every problem names its file: relative to the working directory (the build runs in REPO).
    shown = os.path.relpath(site / "templates" / "incident.html", REPO)
    assert f"{shown}:2: error: template error:" in failed.stderr, failed.stderr
    assert "Traceback" not in failed.stderr
    assert tree(out) == before
    assert not list(tmp_path.glob(".public.*")), "a staging tree was left"


def test_a_content_error_comes_before_a_broken_template_in_a_parallel_build(tmp_path: Path) -> None:
    """The theme is compiled while other processes parse the site; a template that does not compile waits
    for the site's own problems, as it does in one process."""
    site, out, before = built_then_given(tmp_path, "<h1>\n{% if %}\n")
    broken = site / "incidents" / "api-3.md"
    assert "impact: major" in INCIDENT
    broken.write_text(INCIDENT.replace("impact: major", "impact: catastrophic"), encoding="utf-8")
    failed = build_in_processes(site, out, 2, tmp_path / "cache")
    assert failed.returncode == 1
    shown = os.path.relpath(broken, REPO)
    assert f"{shown}:3: error:" in failed.stderr and "catastrophic" in failed.stderr, failed.stderr
    assert "template error" not in failed.stderr and "Traceback" not in failed.stderr
    assert tree(out) == before
    broken.write_text(INCIDENT, encoding="utf-8")
    fixed_content = build_in_processes(site, out, 2, tmp_path / "cache")
    assert fixed_content.returncode == 1 and "template error" in fixed_content.stderr, fixed_content.stderr


# A cache others could have written to: a shared or restored cache home.

def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A CLI build in its own process: the sealing key is read once per process."""
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO), **env}, cwd=REPO, timeout=120)


def plant(path: Path, key: bytes, payload: object) -> None:
    """A cache file sealed with `key`, as whoever holds that key could write it."""
    data = pickle.dumps(payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hmac.digest(key, data, "sha256") + data)


@pytest.mark.parametrize("flaw", ["world-readable", "group-writable", "another-owner", "a-link"])
def test_a_cache_key_others_could_know_is_not_trusted(tmp_path: Path, flaw: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.source.cache import cache_dir
    from tests.test_hostile_input import Payload

    key = b"k" * 32
    home, cache = tmp_path / "xdg", tmp_path / "cache"
    path = home / "statusblog" / "cache-key"
    path.parent.mkdir(parents=True)
    if flaw == "a-link":
        (tmp_path / "planted-key").write_bytes(key)
        (tmp_path / "planted-key").chmod(0o600)
        path.symlink_to(tmp_path / "planted-key")
    else:
        path.write_bytes(key)
        path.chmod({"world-readable": 0o604, "group-writable": 0o620, "another-owner": 0o600}[flaw])
    if flaw == "another-owner":
        try:
            os.chown(path, 4242, 4242)
        except PermissionError:
            pytest.skip("giving a file to another user needs root")
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(cache))
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT})
    folder = cache_dir(site)
    assert folder is not None
    plant(folder / "parse.pickle", key, (b"", Payload(tmp_path / "ran")))
    env = {"XDG_CACHE_HOME": str(home), "STATUSBLOG_CACHE_DIR": str(cache)}
    result = cli("build", str(site), "--out", str(tmp_path / "public"), "--now", NOW, env=env)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "ran").exists(), "a pickle sealed with a planted key was loaded"
    reason = {"world-readable": "can be read or written by other users (mode 604)",
              "group-writable": "can be read or written by other users (mode 620)",
              "another-owner": "belongs to another user", "a-link": "is a symbolic link"}[flaw]
    assert f"{path}: warning: the cache key {reason}, so the build cache is not used" in result.stderr
    assert not (folder / "builds").exists(), "a build was noted with a key that is not trusted"
    assert cli("build", str(site), "--out", str(tmp_path / "public"), "--now", NOW, "--strict",
               env=env).returncode == 1


def test_a_cache_folder_that_is_a_link_is_not_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link planted in a shared cache would have the build write its pickles where the link leads."""
    from generator.source.cache import cache_dir

    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache"))
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = cache_dir(site)
    assert folder is not None
    folder.parent.mkdir(parents=True)
    folder.symlink_to(elsewhere)
    for _ in range(2):
        assert run("build", str(site), "--out", str(tmp_path / "public"), "--now", NOW).exit_code == 0
    assert list(elsewhere.iterdir()) == []
    assert (tmp_path / "public" / "incidents" / "api" / "index.html").is_file()


def test_an_edited_dot_file_that_is_published_is_built_again(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"static/.well-known/security.txt": "Contact: mailto:a@example.com\n"})
    out = tmp_path / "public"
    assert run("build", str(site), "--out", str(out), "--now", NOW).exit_code == 0
    (site / "static" / ".well-known" / "security.txt").write_text("Contact: mailto:b@example.com\n")
    assert run("build", str(site), "--out", str(out), "--now", NOW).exit_code == 0
    assert (out / "static" / ".well-known" / "security.txt").read_text() == "Contact: mailto:b@example.com\n"


@pytest.mark.parametrize("edit", ["changed", "removed", "added"])
def test_an_output_edited_by_hand_is_built_again(tmp_path: Path, edit: str) -> None:
    site = write_site(tmp_path / "site")
    out = tmp_path / "public"
    assert run("build", str(site), "--out", str(out), "--now", NOW).exit_code == 0
    built = tree(out)
    page = out / "index.html"
    if edit == "changed":
        page.write_bytes(page.read_bytes().replace(b"Example Status", b"Example Statvs"))
    elif edit == "removed":
        page.unlink()
    else:
        (out / "static" / "defaced.html").write_text("<h1>owned</h1>")
    assert run("build", str(site), "--out", str(out), "--now", NOW).exit_code == 0
    assert tree(out) == built


def test_a_process_parses_each_distinct_file_once_even_without_a_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.core.times import build_now
    from generator.pipeline.evaluate import check
    from generator.source import markdown

    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", "off")
    rendered: list[str] = []
    original = markdown.render
    monkeypatch.setattr(markdown, "render",
                        lambda text, doc_id="": (text and rendered.append(text)) or original(text, doc_id))
    site = write_site(tmp_path / "site", {"incidents/api.md": INCIDENT,
                                          "incidents/slow.md": OPEN_WITHOUT_ETA})
    first = check(site, build_now(NOW))
    assert rendered, "the first read parses"
    rendered.clear()
    again = check(site, build_now(NOW))
    assert rendered == [] and again.state == first.state and again.problems == first.problems
    (site / "incidents" / "slow.md").write_text(OPEN_WITHOUT_ETA.replace("looking into it", "on it"))
    edited = check(site, build_now(NOW))
    assert sorted(rendered) == ["The dashboard is slow.", "We are on it."], "the edited file alone is parsed"
    assert edited.state is not None and "on it" in edited.state.incidents[-1].incident.updates[-1].body.html


def test_what_a_process_keeps_is_bounded_and_the_least_recently_used_goes_first() -> None:
    """The dev server runs for days: what it keeps of earlier parses and compiles must not grow without end."""
    kept: Recent[str, bytes] = Recent(10, len)
    kept.put("a", b"aaaa")
    kept.put("b", b"bbbb")
    assert kept.get("a") == b"aaaa"  # a is now the more recently used
    kept.put("c", b"cccc")
    assert kept.get("b") is None and kept.get("a") == b"aaaa" and kept.get("c") == b"cccc"
    kept.put("big", b"x" * 11)
    assert [kept.get(key) for key in ("a", "c", "big")] == [None, None, None], "nothing past the limit stays"


def test_a_command_that_reads_its_site_once_keeps_none_of_its_parses(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`statusblog build` and `check` read the site once: keeping each parse in memory would only cost pickling
    it. A program that reads a site again (the dev server, a check before an edit) still gets them back."""
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", "off")
    monkeypatch.setenv("STATUSBLOG_JOBS", "1")
    site = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": INCIDENT + f"\n{tmp_path.name}\n"})
    before, limit = dict(cache._RECENT.items()), cache._RECENT.limit
    assert run("build", str(site), "--out", str(tmp_path / "out"), "--now", NOW).exit_code == 0
    assert run("check", str(site), "--now", NOW).exit_code == 0
    assert dict(cache._RECENT.items()) == before and cache._RECENT.limit == limit
    assert check(site, build_now(NOW), None).state is not None
    kept = {key: blob for key, blob in cache._RECENT.items() if key not in before}
    assert any(tmp_path.name in repr(pickle.loads(blob)) for blob in kept.values())


def test_every_parsed_file_of_the_demo_reads_back_from_its_pickle_as_it_was() -> None:
    """The parse pool and the cache send parsed files as pickles, each model class by its fields' positions
    (core.pickling): what comes back must equal what was parsed, field for field, at every depth."""
    tz = zone(load_site_config(DEMO / "site.toml", "site.toml", Problems()).timezone)
    classes: set[type] = set()

    def visit(value: object) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            classes.add(type(value))
            for field in dataclasses.fields(value):
                visit(getattr(value, field.name))
        elif isinstance(value, (list, tuple)):
            for each in value:
                visit(each)

    parsed = [read_parsed(path, shown, slug, kind.parse, tz, Problems()) for kind in CONTENT_KINDS
              for path, shown, slug in content_files(DEMO, kind.folder, Problems())]
    assert len(parsed) > 10
    for each in parsed:
        again = pickle.loads(pickle.dumps(each, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == each and again is not each
        visit(each)
    assert {cls.__name__ for cls in classes} >= {"ParsedFile", "Incident", "Update", "Section", "Postmortem",
                                                  "Maintenance", "Page"}
    by_fields = [cls.__name__ for cls in classes if vars(cls)["__setstate__"].__module__ != pickling.__name__]
    assert not by_fields, f"pickled through dataclasses.fields(): {by_fields}"
