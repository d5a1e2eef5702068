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
from generator.core.times import build_now
from generator.outputs.families import OUTPUTS
from generator.outputs.sitemap import render_sitemap
from generator.pipeline.evaluate import check
from generator.render.theme import load_theme
from tests.conftest import DEMO_NOW, REPO
from tests.sites import COMPONENTS_TOML, INCIDENT, run, write_site
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
    whole, and what is published at the end is exactly the tree the build that finished last reported.
    The builds wait on the lock the test holds, so a site of a few dozen incidents makes them overlap."""
    root = large_site(tmp_path / "site", count=40)
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
    killed = start_build(root, out)
    # Frozen while it writes, it holds the output for as long as the test needs: the other build cannot
    # find it finished, however quick either one is on this machine.
    os.killpg(killed.pid, signal.SIGSTOP)
    log = tmp_path / "waiting.log"
    with log.open("w") as stderr:
        waiting = subprocess.Popen([sys.executable, "-m", "generator", "build", str(root), "--out", str(out),
                                    "--now", LATER], cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while ("waiting for another build" not in log.read_text() and waiting.poll() is None
               and time.monotonic() < deadline):
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


WORDY = INCIDENT.replace("Some API requests failed.", "Some API requests failed. " * 2_000).replace(
    "2026-03-14", "2026-03-10")
"""An incident with far more text than any other: what a file made of many used to be blamed on."""


LEGACY = COMPONENTS_TOML + """
[legacy]
name = "Legacy API"
start_date = 1970-01-01
"""
"""A component in service since 1970: its uptime history is 675 months, published month by month."""


@pytest.mark.parametrize(("files", "source", "line", "because"), [
    ({"components.toml": LEGACY}, "components.toml", 11,
     "component 'legacy' has the longest uptime history in it: 675 months, from 1970-01, its start_date"),
    ({"incidents/1971-03-14-api-errors.md": INCIDENT.replace("2026-03-14", "1971-03-14")},
     "incidents/1971-03-14-api-errors.md", 5,
     "component 'api' has the longest uptime history in it: 661 months, from 1971-03, when this incident began"),
], ids=["start_date", "an-old-incident"])
def test_an_uptime_history_too_large_for_the_host_names_what_began_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], source: str, line: int,
        because: str) -> None:
    """api/uptime.json, uptime/uptime.csv and the uptime page grow with each component's history, month by
    month, not with any incident's text: the error names the start_date (or the incident whose downtime
    begins the longest history), never the incident with the most text. A history past 25 MiB takes a slow
    site to make, so the limit is lowered below the uptime files; the check is the same."""
    root = write_site(tmp_path / "site", {**files, "incidents/2026-03-10-wordy.md": WORDY})
    out = tmp_path / "public"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    before = tree(out)
    uptime = len(before["api/uptime.json"])
    assert all(len(data) < uptime for path, data in before.items() if not path.startswith(("uptime", "api/uptime",
                                                                                            "components/")))
    monkeypatch.setattr(output_dir, "MAX_FILE_BYTES", uptime - 1)
    result = run("build", str(root), "--out", str(out), "--now", LATER)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    first, hint = result.stderr.splitlines()[:2]
    assert first.startswith(f"{os.path.relpath(root / source)}:{line}: error: "), first
    assert " would be 0.3 MiB (" in first and "; nothing was published; " + because in first, first
    assert "2026-03-10-wordy" not in result.stderr
    assert hint.startswith("    hint: if ")
    assert "build failed: 1 problem" in result.stderr
    assert tree(out) == before and staging_dirs(out) == []


def test_a_static_file_too_large_for_the_host_is_named_as_itself(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path / "site", {"incidents/2026-03-10-wordy.md": WORDY})
    (root / "static").mkdir()
    (root / "static" / "video.bin").write_bytes(b"\0" * 200_000)
    out = tmp_path / "public"
    assert run("build", str(root), "--out", str(out), "--now", NOW).exit_code == 0
    before = tree(out)
    assert max(len(data) for path, data in before.items() if path != "static/video.bin") < 150_000
    monkeypatch.setattr(output_dir, "MAX_FILE_BYTES", 150_000)
    result = run("build", str(root), "--out", str(out), "--now", LATER)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{os.path.relpath(root / 'static' / 'video.bin')}: error: static/video.bin "
                                    "would be 0.2 MiB (200,000 bytes)"), result.stderr
    assert "hint: publish a file this large elsewhere and link to it" in result.stderr
    assert tree(out) == before and staging_dirs(out) == []


def test_every_output_knows_the_source_it_was_made_from() -> None:
    """Every page and file of the demo carries its origin, which names a source file that exists: the blame
    of a file too large is never guessed from its path (and the code that names it runs here, not only when
    a build fails)."""
    state = check(REPO / "content", build_now(DEMO_NOW)).state
    assert state is not None
    theme = load_theme(REPO / "content", state.site.config)
    made = [(page.path, page.made_from) for family in OUTPUTS if family.pages for page in family.pages(state)]
    made += [(path, made_from) for family in OUTPUTS if family.files
             for path, _, made_from in family.files(state, theme)]
    made += [(path, made_from) for path, _, made_from in render_sitemap(state, [])]
    assert len(made) > 100
    for path, made_from in made:
        origin = made_from()
        assert Path(origin.path).is_file(), (path, origin)
        assert origin.fix, (path, origin)
    named = {path: made_from().path for path, made_from in made}
    assert named["incidents/2026-03-14-api-error-rates/index.html"].endswith(
        "content/incidents/2026-03-14-api-error-rates.md")
    # The demo's longest uptime histories begin with its oldest incident, not with the one with the most text.
    assert named["api/uptime.json"].endswith("content/incidents/2024-02-13-dns-anycast-withdrawal.md")
    assert named["static/style.css"].endswith("style.css")


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
