"""One build owns an output at a time, no output lands where sources are read, and what is published fits the host.

Builds here are real `statusblog build` processes where timing matters (two
at once, one killed), and the published tree is compared byte for byte.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import output_dir
from tests.conftest import REPO
from tests.sites import INCIDENT, run, write_site
from tests.test_build import tree
from tests.test_faults import build_args, end_session, large_site, staging_dirs, start_build, statusblog

NOW = "2026-03-15T00:00:00Z"
LATER = "2026-03-16T00:00:00Z"


def leftovers(*folders: Path) -> list[str]:
    """Staging trees, or anything else a build leaves beside its output."""
    return sorted(p.name for folder in folders for p in folder.iterdir() if p.name.startswith("."))


# Where an output may go.

@pytest.mark.parametrize("out", ["templates", "templates/public", "static/site", "incidents/out", "maintenance",
                                 "pages/x", "authors.toml"])
def test_an_output_where_the_site_reads_its_sources_is_refused(tmp_path: Path, out: str) -> None:
    """A build into templates/ would make the next build compile published pages (and any {{ }} in them)."""
    root = write_site(tmp_path / "site", {"templates/404.html": "custom\n", "static/a.css": "a{}\n",
                                          "maintenance/.keep": "", "pages/.keep": ""})
    before = tree(root)
    result = run("build", str(root), "--out", str(root / out), "--now", NOW)
    assert result.exit_code == 1, result.output
    folder = out.split("/")[0]
    expected = f"{folder}/" if "." not in folder else folder
    assert f"is inside the site's {expected}, which every build reads" in result.stderr, result.stderr
    assert tree(root) == before


def test_an_output_that_links_into_the_sources_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"templates/404.html": "custom\n"})
    (tmp_path / "public").symlink_to(root / "templates")
    result = run("build", str(root), "--out", str(tmp_path / "public"), "--now", NOW)
    assert result.exit_code == 1 and "is inside the site's templates/" in result.stderr


def test_an_output_beside_the_sources_inside_the_site_is_fine(tmp_path: Path) -> None:
    """`statusblog build` in a site's folder writes public/ there: that is not a source folder."""
    root = write_site(tmp_path / "site")
    result = run("build", str(root), "--out", str(root / "public"), "--now", NOW)
    assert result.exit_code == 0, result.output
    assert run("build", str(root), "--out", str(root / "public"), "--now", LATER).exit_code == 0


# An output that is a link: published through, the link left as it is.

def test_an_output_that_is_a_link_publishes_into_the_folder_it_points_to(tmp_path: Path) -> None:
    """A web server serves /srv/www/status; --out public links there. The served folder must be the one updated."""
    root = write_site(tmp_path / "site")
    served = tmp_path / "srv" / "www" / "status"
    link = tmp_path / "public"
    link.symlink_to(served)  # the folder does not exist yet: the first build makes it
    for now, title in ((NOW, "First"), (LATER, "Second")):
        (root / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("Elevated error rates", title))
        result = run("build", str(root), "--out", str(link), "--now", now)
        assert result.exit_code == 0, result.output
        assert link.is_symlink() and os.readlink(link) == str(served), "the link was replaced"
        assert title in (served / "incidents" / "2026-03-14-api-errors" / "index.html").read_text()
    assert leftovers(tmp_path, served.parent) == []


def test_an_output_link_that_loops_is_a_clear_error(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    (tmp_path / "public").symlink_to(tmp_path / "public")
    result = run("build", str(root), "--out", str(tmp_path / "public"), "--now", NOW)
    assert result.exit_code == 1
    assert "is a symbolic link that leads round in a loop" in result.stderr
    assert (tmp_path / "public").is_symlink() and leftovers(tmp_path) == []


# One build at a time.

def expected_tree(root: Path, folder: Path, now: str) -> dict[str, bytes]:
    assert statusblog("build", str(root), "--out", str(folder), "--now", now).returncode == 0
    return tree(folder)


def waiting_build(root: Path, out: Path, now: str) -> subprocess.Popen[str]:
    """A build started while the output is owned: returned once it has said that it waits."""
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", str(root), "--out", str(out), "--now", now],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.strip() == f"waiting for another build into {out} to finish", line
    return process


def test_two_builds_into_one_output_take_turns_and_each_reports_its_own_tree(tmp_path: Path) -> None:
    """Builds that find the output owned wait their turn: none deletes another's staging tree, each publishes
    whole, and what is published at the end is exactly the tree the build that finished last reported."""
    root = large_site(tmp_path / "site")
    trees = {NOW: expected_tree(root, tmp_path / "first", NOW), LATER: expected_tree(root, tmp_path / "second", LATER)}
    out = tmp_path / "public"
    out.parent.mkdir(parents=True, exist_ok=True)
    holder = os.open(out.parent, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a build in progress owns the output, as build.output_dir.owned takes it
    builds = {now: waiting_build(root, out, now) for now in (NOW, LATER)}
    finished: list[str] = []
    try:
        os.close(holder)  # that build ends; the two waiting ones take turns
        deadline = time.monotonic() + 300
        while len(finished) < 2 and time.monotonic() < deadline:
            finished += [now for now, build in builds.items() if now not in finished and build.poll() is not None]
            time.sleep(0.01)
        outputs = {now: build.communicate(timeout=30) for now, build in builds.items()}
    finally:
        for build in builds.values():
            end_session(build)
    for now, (stdout, stderr) in outputs.items():
        assert builds[now].returncode == 0, stderr
        assert stdout.startswith(f"built {len(trees[now]) - 1} files into {out}"), stdout
    assert tree(out) == trees[finished[-1]], "the published tree is not the one the last build reported"
    assert trees[NOW] != trees[LATER] and staging_dirs(out) == []


def test_a_build_killed_while_another_waits_leaves_a_whole_output_and_the_other_succeeds(tmp_path: Path) -> None:
    root = large_site(tmp_path / "site")
    out = tmp_path / "public"
    assert statusblog(*build_args(root, out)).returncode == 0
    before, after = tree(out), expected_tree(root, tmp_path / "later", LATER)
    killed, _ = start_build(root, out)
    log = tmp_path / "waiting.log"
    with log.open("w") as stderr:
        waiting = subprocess.Popen([sys.executable, "-m", "generator", "build", str(root), "--out", str(out),
                                    "--now", LATER], cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while "waiting for another build" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert "waiting for another build" in log.read_text(), log.read_text()
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(timeout=60)
        assert tree(out) in (before, after), "the kill left a mixture of two builds"
        assert waiting.wait(timeout=300) == 0, log.read_text()
    finally:
        end_session(killed)
        end_session(waiting)
    assert tree(out) == after
    assert staging_dirs(out) == [], "the killed build's staging tree was left"


def test_staging_trees_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    """A staging tree whose owner is gone (no lock held) is stale; the next build clears it and publishes."""
    root = write_site(tmp_path / "site")
    out = tmp_path / "public"
    stale = tmp_path / ".public.x1y2z3.new"
    stale.mkdir()
    (stale / "index.html").write_text("half a site")
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    assert staging_dirs(out) == [] and (out / "index.html").is_file()


# What is published fits the hosts.

def test_a_file_too_large_for_the_host_names_its_incident_and_publishes_nothing(tmp_path: Path) -> None:
    """Each `"` is written `&quot;` (6 bytes): a 5 MB incident (the largest source accepted) makes a 38 MiB page."""
    root = write_site(tmp_path / "site")
    out = tmp_path / "public"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    before = tree(out)
    body = ('"' * 99 + "\n") * 50_000
    (root / "incidents" / "2026-03-13-big.md").write_text(INCIDENT.replace("Some API requests failed.", body))
    started = time.perf_counter()
    result = statusblog("build", str(root), "--out", str(out), "--now", NOW)
    seconds = time.perf_counter() - started
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{os.path.relpath(root / 'incidents' / '2026-03-13-big.md', REPO)}:2: error: "), first
    assert " bytes), over the 25.0 MiB a file may be on Cloudflare Pages; nothing was published" in first
    assert "build failed: 1 problem" in result.stderr
    assert tree(out) == before and staging_dirs(out) == []
    print(f"a 5 MB incident refused in {seconds:.1f} s")


def test_more_files_than_the_host_takes_is_refused_before_publishing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 files make a slow test; the limit is lowered, the check is the same."""
    root = write_site(tmp_path / "site")
    out = tmp_path / "public"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    before = tree(out)
    monkeypatch.setattr(output_dir, "MAX_FILES", len(before) - 2)
    result = run("build", str(root), "--out", str(out), "--now", LATER)
    assert result.exit_code == 1
    assert f"site.toml: error: the site would publish {len(before) - 1} files, over the {len(before) - 2}" in (
        result.stderr)
    assert tree(out) == before and staging_dirs(out) == []
    monkeypatch.setattr(output_dir, "MAX_FILES", len(before) - 1)
    assert run("build", str(root), "--out", str(out), "--now", LATER).exit_code == 0
