"""Good signatures kept between verifying builds (proof/kept_signatures.py): asked once, used only under the
same commit, signers and checking setup, and believed only from this user's own sealed cache.

Real repositories, real `git commit -S` and ssh-keygen; ssh-keygen is found through PATH by a wrapper that
notes each run, so a test can tell a signature checked from one kept.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.proof.bylines import SignatureOptions, State
from generator.proof.kept_signatures import SIGNATURES_FILE
from generator.source.cache import cache_dir
from tests.sites import INVESTIGATING
from tests.support.signing import Repo, authors_toml, public

pytestmark = pytest.mark.usefixtures("isolated_git")

NOW = "2026-11-20T15:00:00Z"
INCIDENT_PATH = "incidents/2026-03-14-api-errors.md"
FIRST = "## 2026-03-14 09:20 UTC · investigating · alice"
RESOLVED = "\n## 2026-03-14 11:02 UTC · resolved · alice\n\nError rates are back to normal.\n"


class Runs:
    """ssh-keygen as git finds it on PATH, counting its runs."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "runs"
        real = shutil.which("ssh-keygen")
        assert real, "ssh-keygen is needed to check signatures"
        self.real = real
        wrapper = folder / "ssh-keygen"
        wrapper.write_text(f'#!/bin/sh\necho run >> "{self.log}"\nexec "{real}" "$@"\n')
        wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)

    def since(self) -> int:
        """Runs since the last call."""
        count = len(self.log.read_text().splitlines()) if self.log.exists() else 0
        self.log.unlink(missing_ok=True)
        return count


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runs:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return Runs(folder)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def states(repo: Repo) -> dict[int, State]:
    """Heading line -> the state of its byline, for the one incident file."""
    checked = check(repo.site, build_now(NOW), SignatureOptions())
    assert checked.state is not None, [problem.format() for problem in checked.problems]
    return {line: byline.state for (_, line), byline in checked.state.bylines.items()}


def first_line(repo: Repo) -> int:
    return (repo.site / INCIDENT_PATH).read_text().splitlines().index(FIRST) + 1


def kept_file(repo: Repo) -> Path:
    directory = cache_dir(repo.site)
    assert directory is not None
    return directory / SIGNATURES_FILE


def test_a_good_signature_is_checked_once_and_later_builds_check_only_new_commits(
        repo: Repo, runs: Runs, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    repo.commit("Resolved", "alice", {INCIDENT_PATH: INVESTIGATING + RESOLVED})
    first = states(repo)
    assert set(first.values()) == {State.VERIFIED} and len(first) == 2
    assert runs.since() > 0
    assert states(repo) == first
    assert runs.since() == 0, "a kept good signature was checked again"

    repo.commit("Postmortem", "bob", {INCIDENT_PATH: INVESTIGATING + RESOLVED + "\nMonitoring continues.\n"})
    with_one_more = states(repo)
    asked_for_one = runs.since()
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", "off")
    assert states(repo) == with_one_more
    asked_for_all = runs.since()
    assert 0 < asked_for_one < asked_for_all


def test_kept_answers_are_asked_again_when_the_trusted_keys_change(repo: Repo, runs: Runs, cache: Path) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    assert states(repo)[first_line(repo)] is State.VERIFIED
    runs.since()
    keys = {"alice": [public(repo.keys, "alice")], "bob": [public(repo.keys, "bob"), public(repo.keys, "alice-new")]}
    commit = repo.commit("Bob's second key", "bob", {"authors.toml": authors_toml(keys)})
    repo.git("update-ref", "refs/remotes/origin/main", commit)
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() >= 2, "the signatures were not checked again against the new allowed signers"


@pytest.mark.parametrize("when", ["configured after", "listed after"])
def test_a_key_revoked_after_its_signature_was_kept_no_longer_verifies(repo: Repo, cache: Path, tmp_path: Path,
                                                                        when: str) -> None:
    """git's revocation list is part of what checks a signature: a kept answer does not outlive a change to
    the setting or to the list it names."""
    revoked = tmp_path / "revoked_keys"
    revoked.write_text("")
    if when == "listed after":
        repo.git("config", "gpg.ssh.revocationFile", str(revoked))
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    assert states(repo)[first_line(repo)] is State.VERIFIED
    revoked.write_text(public(repo.keys, "alice") + "\n")
    if when == "configured after":
        repo.git("config", "gpg.ssh.revocationFile", str(revoked))
    assert states(repo)[first_line(repo)] is not State.VERIFIED


def test_another_ssh_keygen_checks_every_signature_again(repo: Repo, runs: Runs, cache: Path) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    states(repo)
    runs.since()
    wrapper = runs.log.parent / "ssh-keygen"
    wrapper.write_text(wrapper.read_text() + "# another build of it\n")
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() > 0


def test_a_library_preloaded_into_the_checking_has_every_signature_checked_again(
        repo: Repo, runs: Runs, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What ssh-keygen loads decides its answers as much as its own bytes do: answers kept without a
    preloaded library are not reused with one (nor the other way round)."""
    ldd = shutil.which("ldd")
    assert ldd, "ldd lists what a program loads (Debian's libc-bin)"

    def loaded_by(program: str) -> list[str]:
        listed = subprocess.run([ldd, shutil.which(program) or program], capture_output=True, text=True).stdout
        return [line.split("=>")[1].split()[0] for line in listed.splitlines() if "=> /" in line]

    # One that git (which the wrapper does not hide) does not load already: ssh-keygen's libcrypto, say.
    library = next(found for found in loaded_by(runs.real) if found not in loaded_by("git"))
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    states(repo)
    runs.since()
    monkeypatch.setenv("LD_PRELOAD", library)
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() > 0
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() == 0


def test_a_kept_file_altered_outside_a_build_is_not_believed(repo: Repo, cache: Path) -> None:
    """A good answer added to the kept file by anyone but this user's own builds (the seal no longer fits)
    proves nothing: the unsigned commit stays unsigned."""
    repo.base()
    signed = repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    unsigned = repo.commit("Resolved", None, {INCIDENT_PATH: INVESTIGATING + RESOLVED})
    assert State.UNSIGNED in states(repo).values()
    path = kept_file(repo)
    blob = path.read_bytes()
    seal, data = blob[:32], json.loads(blob[32:])
    assert set(data["good"]) == {signed}
    data["good"][unsigned] = data["good"][signed]
    path.write_bytes(seal + json.dumps(data).encode())
    assert sorted(states(repo).values()) == sorted([State.VERIFIED, State.UNSIGNED])


def test_without_a_cache_folder_nothing_is_kept(repo: Repo, runs: Runs, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", "off")
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() > 0
    assert states(repo)[first_line(repo)] is State.VERIFIED
    assert runs.since() > 0


def test_nothing_is_kept_for_allowed_signers_whose_keys_expire(repo: Repo, runs: Runs, cache: Path,
                                                               tmp_path: Path) -> None:
    """An older git checks a key's validity at the time of checking: a kept answer could outlive it."""
    repo.base({})
    repo.commit("Incident", "alice", {INCIDENT_PATH: INVESTIGATING})
    signers = tmp_path / "allowed_signers"
    signers.write_text(f'alice namespaces="git",valid-before="29991231" {public(repo.keys, "alice")}\n')
    for _ in range(2):
        checked = check(repo.site, build_now(NOW), SignatureOptions(trusted_signers=signers))
        assert checked.state is not None
        assert {byline.state for byline in checked.state.bylines.values()} == {State.VERIFIED}
        assert runs.since() > 0
