"""`statusblog build`: golden, deterministic, atomic, and contained in --out."""

from __future__ import annotations

import difflib
import gc
import hashlib
import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from generator.build.builder import build
from generator.build.output_dir import MARKER, OutputError, staged, write_files
from generator.core.problems import Origin, SiteError
from generator.core.times import build_now
from generator.pipeline.evaluate import check
from tests.conftest import DEMO_NOW, REPO
from tests.sites import INCIDENT, run, write_site

GOLDEN = REPO / "tests" / "golden" / "demo"
NOW = "2026-03-15T00:00:00Z"


def write_tree(out: Path, files) -> int:
    """The build's own write path: a staging tree filled, then swapped in."""
    made_from = partial(Origin, "test", None, "", "")
    with staged(out) as staging:
        return write_files(staging, ((path, data, made_from) for path, data in files))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for name, data in tree(root).items():
        h.update(name.encode() + b"\0" + data + b"\0")
    return h.hexdigest()


def test_the_demo_build_matches_the_golden_output(demo_build: Path) -> None:
    """Regenerate after an intended change with: UPDATE_GOLDEN=1 pytest tests/test_build.py"""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(demo_build, GOLDEN)
    built, golden = tree(demo_build), tree(GOLDEN)
    assert sorted(built) == sorted(golden), "files added or missing: " + str(set(built) ^ set(golden))
    for name, data in built.items():
        if data != golden[name]:
            diff = difflib.unified_diff(golden[name].decode(errors="replace").splitlines(),
                                        data.decode(errors="replace").splitlines(), "golden/" + name, "built/" + name,
                                        lineterm="", n=2)
            pytest.fail("\n".join(list(diff)[:60]))


def test_two_builds_are_byte_identical_under_different_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": "Asia/Tokyo" if seed == "1" else "UTC"}
        subprocess.run([sys.executable, "-m", "generator", "build", str(REPO / "content"), "--out", str(out),
                        "--now", DEMO_NOW], check=True, env=env, capture_output=True)
        outputs.append(digest(out))
    assert outputs[0] == outputs[1]


def test_source_date_epoch_sets_now(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1773446400"}  # 2026-03-14 00:00 UTC: before the incident
    subprocess.run([sys.executable, "-m", "generator", "build", str(root), "--out", str(tmp_path / "a")],
                   check=True, env=env, capture_output=True)
    run("build", str(root), "--out", str(tmp_path / "b"), "--now", "2026-03-14T00:00:00Z")
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_build_prints_one_summary_line(tmp_path: Path) -> None:
    result = run("build", str(write_site(tmp_path / "site")), "--out", str(tmp_path / "out"), "--now", NOW)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("built ") and " files into " in lines[0] and lines[0].count(" s") >= 1
    assert (tmp_path / "out" / "index.html").is_file()
    assert (tmp_path / "out" / "incidents" / "2026-03-14-api-errors" / "index.html").is_file()
    assert (tmp_path / "out" / "history" / "index.html").is_file()


def test_a_failed_build_leaves_the_previous_output_byte_identical(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    before = tree(out)
    (root / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("· alice", "· mallory"))
    result = run("build", str(root), "--out", str(out), "--now", NOW)
    assert result.exit_code == 1
    assert "unknown author 'mallory'" in result.stderr and "is unchanged" in result.stderr
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_build_interrupted_while_writing_leaves_the_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, [("index.html", b"old"), ("a/b.html", b"old b")])
    before = tree(out)

    def files():
        yield "index.html", b"new"
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_tree(out, files())
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_build_replaces_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, [("old.html", b"x")])
    write_tree(out, [("new.html", b"y")])
    assert sorted(tree(out)) == [".statusblog-output", "new.html"]


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b", ""])
def test_nothing_is_written_outside_the_output(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError, match="unsafe output path"):
        write_tree(tmp_path / "out", [(path, b"x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_refuses_to_replace_a_directory_it_did_not_write(tmp_path: Path) -> None:
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = run("build", str(write_site(tmp_path / "site")), "--out", str(precious), "--now", NOW)
    assert result.exit_code == 1
    assert "was not written by statusblog; refusing to replace it" in result.stderr
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_refuses_an_output_that_contains_the_source(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    result = run("build", str(root), "--out", str(tmp_path), "--now", NOW)
    assert result.exit_code == 1 and "contains the site source" in result.stderr


def test_a_site_template_overrides_the_theme(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"templates/404.html": "custom {{ config.title }}\n",
                                          "static/style.css": "body{}\n", "static/logo.svg": "<svg/>\n"})
    out = tmp_path / "out"
    build(root, out, build_now(NOW))
    assert (out / "404.html").read_text() == "custom Example Status\n"
    assert (out / "static" / "style.css").read_text() == "body{}\n"
    assert (out / "static" / "logo.svg").is_file()


def test_a_broken_site_template_is_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"templates/404.html": "{% if %}\n"})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", NOW)
    assert result.exit_code == 1
    assert "404.html:1: error: template error" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("collecting", [True, False])
def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path, collecting: bool) -> None:
    """A build pauses the collector while it reads and while it writes (core.heap); a program that goes on
    after a build, or after one that failed, collects as it did before."""
    good = write_site(tmp_path / "good")
    bad = write_site(tmp_path / "bad", {"templates/404.html": "{% if %}\n"})
    unreadable = write_site(tmp_path / "unreadable", {"incidents/2026-03-14-api-errors.md": "\x00"})
    was_enabled = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        for root in (good, bad, unreadable):
            try:
                build(root, tmp_path / f"{root.name}-out", build_now(NOW))
            except SiteError:
                assert root is not good
            assert gc.isenabled() is collecting
            assert gc.get_freeze_count() == 0
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_what_reading_made_is_not_walked_again_when_the_collector_resumes(tmp_path: Path) -> None:
    """`check` reads with the collector paused (core.heap); what it made then waits in the oldest generation,
    so the collector, back on, does not walk the whole model at the next allocation only to find it alive
    (0.1 s of a build's one busy core at 5,000 incidents)."""
    root = write_site(tmp_path / "site")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()  # every generation's count at zero, so the next collection is of the youngest
    checked = check(root, build_now(NOW))
    assert checked.state is not None and gc.isenabled()
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert {id(checked.state), id(checked.state.site), id(checked.state.incidents[0])} <= oldest


def test_reading_leaves_what_its_caller_froze_frozen(tmp_path: Path) -> None:
    """A program that froze its own objects (the dev server freezes the site it keeps) keeps them frozen."""
    root = write_site(tmp_path / "site")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert check(root, build_now(NOW)).state is not None
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()

def test_a_site_template_that_fails_while_rendering_names_its_file_and_line(tmp_path: Path) -> None:
    page = '{% extends "base.html" %}{% block main %}\n<p>Lost?</p>\n{{ 1 + nowhere.near }}\n{% endblock %}\n'
    root = write_site(tmp_path / "site", {"templates/404.html": page})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", NOW)
    assert result.exit_code == 1
    assert "templates/404.html:3: error: template error: 'nowhere' is undefined" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_every_output_family_writes_only_under_the_names_it_declares(demo_build: Path) -> None:
    """core.addresses.PUBLISHED is the contract: a family that wrote elsewhere could take a free page's name."""
    from generator.core.addresses import PUBLISHED
    from generator.outputs.families import OUTPUTS
    from generator.outputs.sitemap import render_sitemap
    from generator.pipeline.evaluate import check
    from generator.render.theme import load_theme

    state = check(REPO / "content", build_now(DEMO_NOW)).state
    assert state is not None
    theme = load_theme(REPO / "content", state.site.config)
    free = {page.slug for page in state.site.pages}
    written: set[str] = set()
    for family in OUTPUTS:
        paths = [page.path for page in family.pages(state)] if family.pages else []
        paths += [path for path, *_ in family.files(state, theme)] if family.files else []
        allowed = family.publishes | (free if family.name == "html" else set())
        assert {path.split("/")[0] for path in paths} <= allowed, family.name
        written.update(paths)
    sitemap = [path for path, *_ in render_sitemap(state, written)]
    assert {path.split("/")[0] for path in sitemap} <= PUBLISHED["sitemap"]
    assert written | set(sitemap) | {MARKER} == set(tree(demo_build)), "the families are all the build writes"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_families_writing_one_file_fail_the_build_and_name_both(tmp_path: Path, monkeypatch, jobs: str) -> None:
    """The output contract holds where files are written: in a parallel build the last writer would win by
    timing, so a second family writing a component's feed (under `components/`, a name both declare) stops
    the build, names both families, and publishes nothing."""
    from generator.build import processes
    from generator.core.problems import SiteError
    from generator.outputs import families

    out = tmp_path / "public"
    build(REPO / "content", out, build_now(DEMO_NOW))
    before = {path: (out / path).read_bytes() for path in tree(out)}
    made_from = partial(Origin, "components.toml", None, "", "")
    intruder = families.Family("badges", files=lambda _state, _theme: iter([("components/api/feed.xml", b"<rss/>",
                                                                             made_from)]))
    monkeypatch.setattr("generator.build.full_build.OUTPUTS", (*families.OUTPUTS, intruder))
    monkeypatch.setattr(processes, "PARALLEL_RENDER_MIN", 1)
    monkeypatch.setenv("STATUSBLOG_JOBS", jobs)
    with pytest.raises(SiteError) as raised:
        build(REPO / "content", out, build_now(DEMO_NOW))
    (problem,) = raised.value.problems
    assert problem.path.endswith("components/api/feed.xml")
    assert "two output families write components/api/feed.xml: 'badges' and 'feeds'" in problem.message
    assert {path: (out / path).read_bytes() for path in tree(out)} == before


def test_a_family_writing_outside_its_declared_names_fails_the_build(tmp_path: Path, monkeypatch) -> None:
    from generator.core.problems import SiteError
    from generator.outputs import families

    made_from = partial(Origin, "site.toml", None, "", "")
    stray = families.Family("calendar", files=lambda _state, _theme: iter([("status.txt", b"up", made_from)]))
    monkeypatch.setattr("generator.build.full_build.OUTPUTS", (*families.OUTPUTS, stray))
    with pytest.raises(SiteError) as raised:
        build(REPO / "content", tmp_path / "public", build_now(DEMO_NOW))
    assert "the 'calendar' output family wrote status.txt, outside the names it declares" in str(
        raised.value.problems[0].message)
    assert not (tmp_path / "public").exists()
