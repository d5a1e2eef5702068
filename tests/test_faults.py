"""Faults while writing: a killed build, an output that cannot be written, a full disk.

Each runs the real command in a subprocess against a previously published
output, and asserts the published tree is byte-identical afterwards (or, for a
kill that landed after the swap, exactly the new tree: never a mixture), the
message is clear, and no staging directory is left behind by the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.sites import INCIDENT, write_site

NOW = "2026-03-15T00:00:00Z"
KILL_POINTS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97)
"""When to kill, as the share of the new tree's files already written into the staging tree. Counted, not
timed: a time measured on one build does not say when another one, beside a busier suite, is writing."""
KILLS_WANTED = 4
"""Kills that must land while the new tree is being written, not after the swap."""
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def staging_dirs(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*.new"))


def large_site(root: Path, count: int = 200) -> Path:
    """A site of `count` incidents: big enough that writing it takes a while."""
    files = {}
    for number in range(count):
        day = f"2025-{1 + number // 28 % 12:02d}-{1 + number % 28:02d}"
        files[f"incidents/{day}-incident-{number}.md"] = (
            INCIDENT.replace("2026-03-14", day).replace("impact: major", "impact: minor")
            .replace("Elevated error rates", f"Incident {number}, elevated error rates"))
    return write_site(root, files)


def statusblog(*args: str, preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True,
                          preexec_fn=preexec_fn, timeout=300)


def build_args(root: Path, out: Path) -> list[str]:
    return ["build", str(root), "--out", str(out), "--now", NOW]


def start_build(root: Path, out: Path) -> subprocess.Popen[bytes]:
    """Start a build; return it once its own staging tree exists (one a killed build left is not it: the new
    build removes that first)."""
    left = set(staging_dirs(out))
    process = subprocess.Popen([sys.executable, "-m", "generator", *build_args(root, out)], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while not set(staging_dirs(out)) - left and process.poll() is None:
        time.sleep(0.001)
    return process


def files_in(folder: Path) -> int:
    return sum(len(names) for _, _, names in os.walk(folder))


def kill_when_written(process: subprocess.Popen[bytes], out: Path, files: int) -> None:
    """Kill the build once its staging tree holds `files` files, or as soon as it has swapped it in."""
    while process.poll() is None:
        staging = staging_dirs(out)
        if not staging or files_in(staging[-1]) >= files:
            break
        time.sleep(0.0005)
    process.send_signal(signal.SIGKILL)


def end_session(process: subprocess.Popen[bytes]) -> None:
    """Kill whatever the build started (a worker pool) along with it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def test_a_build_killed_while_writing_leaves_the_previous_output(tmp_path: Path) -> None:
    root = large_site(tmp_path / "site")
    out, expected = tmp_path / "public", tmp_path / "expected"
    assert statusblog(*build_args(root, out)).returncode == 0
    before = tree(out)
    changed = root / "incidents" / "2026-03-14-api-errors.md"
    edited = INCIDENT.replace("Some API", "Every API")
    changed.write_text(edited)
    assert statusblog(*build_args(root, expected)).returncode == 0
    after = tree(expected)
    assert after != before

    landed = []
    for fraction in KILL_POINTS:
        changed.touch()  # a build whose inputs did not change is skipped, and there would be nothing to kill
        process = start_build(root, out)
        try:
            kill_when_written(process, out, round(fraction * len(after)))
            process.wait(timeout=60)
        finally:
            end_session(process)
        published = tree(out)
        assert published in (before, after), "the published output is a mixture of two builds"
        # Killed with its staging tree half-written: the old tree is still published. (A kill just after
        # the swap, while the old tree is being deleted, leaves the new one published: also whole.)
        if process.returncode == -signal.SIGKILL and staging_dirs(out) and published == before:
            landed.append(fraction)
        elif published == after:  # done before the kill: the old output is built again for the next one
            changed.write_text(INCIDENT)
            assert statusblog(*build_args(root, out)).returncode == 0 and tree(out) == before
            changed.write_text(edited)
    assert len(landed) >= KILLS_WANTED, f"only the kills at {landed} of the write phase landed while writing"
    changed.touch()
    result = statusblog(*build_args(root, out))
    assert result.returncode == 0, result.stderr
    assert staging_dirs(out) == []
    assert tree(out) == after
    print(f"{len(KILL_POINTS)} kills, {len(landed)} while writing ({len(after)} files): {landed}")


def drop_root_override() -> None:
    """Let root feel file permissions, as every other user does: drop the capabilities that bypass them.

    Removing them from the bounding set before exec keeps them out of the new program's permitted set.
    For a user that is not root this fails harmlessly: it never had them.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A site, and its output already built under www/ (a folder the site's owner may lock)."""
    root = write_site(tmp_path / "site")
    out = tmp_path / "www" / "public"
    assert statusblog(*build_args(root, out)).returncode == 0
    (root / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("Some API", "Every API"))
    return root, out, tree(out)


def assert_clear_failure(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr, result.stderr


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(published: tuple) -> None:
    root, out, before = published
    out.parent.chmod(0o555)
    try:
        result = statusblog(*build_args(root, out), preexec_fn=drop_root_override)
    finally:
        out.parent.chmod(0o755)
    assert_clear_failure(result, "Error: cannot create a staging directory beside")
    assert "Permission denied" in result.stderr
    assert tree(out) == before
    assert staging_dirs(out) == []


def test_an_output_that_cannot_be_listed_is_a_clear_error(published: tuple) -> None:
    root, out, before = published
    out.chmod(0o000)
    try:
        result = statusblog(*build_args(root, out), preexec_fn=drop_root_override)
    finally:
        out.chmod(0o755)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "is not readable" in result.stderr, result.stderr
    assert tree(out) == before


def test_an_output_whose_parent_cannot_be_created_is_a_clear_error(published: tuple, tmp_path: Path) -> None:
    root, _, _ = published
    (tmp_path / "a-file").write_text("not a folder")
    result = statusblog(*build_args(root, tmp_path / "a-file" / "public"))
    assert_clear_failure(result, "a-file is not a directory")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = statusblog(*build_args(root, locked / "deeper" / "public"), preexec_fn=drop_root_override)
    assert_clear_failure(result, "Permission denied")
    assert list(locked.iterdir()) == []


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn: the disk is "full" once a file reaches `limit` bytes (the write fails with EFBIG)."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("limit", [1, 4096, 20_000])
def test_a_file_size_limit_hit_mid_build_is_a_clear_error(tmp_path: Path, limit: int) -> None:
    root = large_site(tmp_path / "site", count=40)
    out = tmp_path / "public"
    assert statusblog(*build_args(root, out)).returncode == 0
    before = tree(out)
    assert max(map(len, before.values())) > limit
    (root / "incidents" / "2026-03-14-api-errors.md").write_text(INCIDENT.replace("Some API", "Every API"))
    result = statusblog(*build_args(root, out), preexec_fn=file_size_limit(limit))
    assert_clear_failure(result, "File too large; the previous output is unchanged")
    assert tree(out) == before
    assert staging_dirs(out) == []
