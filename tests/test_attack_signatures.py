"""Attacks on signed bylines, each reproduced on a real repository with ssh-keygen keys.

The attacker opens a pull request: they control the bytes of every file they touch and the names of the
branches and tags they push, but hold no registered author's key. None of them may end in a verified
byline that the named author did not sign.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sites import run
from tests.support.signing import Repo, authors_toml, public

NOW = "2026-11-20T15:00:00Z"
pytestmark = pytest.mark.usefixtures("isolated_git")

UPLOADS_PATH = "incidents/2026-11-19-uploads.md"
UPLOADS = """\
---
title: Upload errors
impact: minor
components: [api]
started: 2026-11-19T09:40:00Z
---

Some uploads failed with a timeout.
Files already uploaded were not affected.

## 2026-11-19 10:30 UTC · resolved · alice

Uploads work again since 10:25 UTC.
"""
FORGED = "## 2026-11-19 10:02 UTC · identified · alice"


def build(repo: Repo, *options: str) -> tuple[int, str, str]:
    result = run("build", str(repo.site), "--out", str(repo.path.parent / "out"), "--now", NOW, *options)
    return result.exit_code, result.stdout, result.stderr


def verify(repo: Repo, *options: str) -> tuple[int, str, str]:
    """`check --verify-signatures`: its summary line names every byline's state and the trust root."""
    result = run("check", str(repo.site), "--now", NOW, "--verify-signatures", *options)
    return result.exit_code, result.stdout, result.stderr


def forge_with(separator: bytes, repo: Repo) -> None:
    """An unsigned commit that hides `separator` at the end of the title and inserts a forged update."""
    path = repo.site / UPLOADS_PATH
    lines = path.read_bytes().split(b"\n")
    lines[1] += separator + b" "
    lines.insert(8, FORGED.encode())
    path.write_bytes(b"\n".join(lines))
    repo.commit("Tidy the incident")


@pytest.mark.parametrize("separator", ["\r", "\x85", "\u2028", "\u2029"])
def test_a_line_break_git_does_not_count_cannot_borrow_a_signed_line(repo: Repo, separator: str) -> None:
    repo.base()
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS})
    forge_with(separator.encode(), repo)
    code, stdout, stderr = build(repo, "--require-signatures")
    assert code == 1, stdout
    assert "verified" not in stdout
    assert f"{UPLOADS_PATH}:2: error: " in stderr
    assert "Traceback" not in stderr
    assert not (repo.path.parent / "out").exists()




def take_over(repo: Repo) -> str:
    """A change under review that gives alice the attacker's key, then signs a forged update with it."""
    keys = {"alice": [public(repo.keys, "alice"), public(repo.keys, "eve")], "bob": [public(repo.keys, "bob")]}
    repo.commit("Rotate alice's key", None, {"authors.toml": authors_toml(keys)})
    return repo.commit("Upload errors", "eve", {UPLOADS_PATH: UPLOADS})


def fetch_as_ci(origin: Repo, commit: str, folder: Path, branch: str = "main") -> Repo:
    """What actions/checkout does: init, fetch every branch into refs/remotes/origin/, check out the commit."""
    ci = Repo(folder, origin.keys)
    ci.git("remote", "add", "origin", str(origin.path))
    ci.git("fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*")
    ci.git("checkout", "-q", "--detach", commit)
    assert ci.git("rev-parse", f"refs/remotes/origin/{branch}")
    return ci


def test_a_pushed_branch_named_head_is_not_the_trust_root(repo: Repo, tmp_path: Path) -> None:
    repo.base()
    attack = take_over(repo)
    repo.git("update-ref", "refs/heads/HEAD", attack)  # git push origin attack:refs/heads/HEAD
    repo.git("reset", "-q", "--hard", "refs/remotes/origin/main")
    repo.git("update-ref", "refs/heads/main", "refs/remotes/origin/main")
    ci = fetch_as_ci(repo, attack, tmp_path / "ci")
    assert ci.git("rev-parse", "refs/remotes/origin/HEAD").strip() == attack
    stdout = verify(ci)[1]
    assert "signatures: 1 signed by an unknown key (trust root: authors.toml at " in stdout
    assert "the merge-base of HEAD and refs/remotes/origin/main" in stdout
    assert build(ci, "--require-signatures")[0] == 1


def test_a_tag_named_like_the_remote_branch_is_refused_as_ambiguous(repo: Repo) -> None:
    repo.base()
    attack = take_over(repo)
    repo.git("tag", "origin/main", attack)
    code, stdout, stderr = build(repo, "--require-signatures", "--trust-ref", "origin/main")
    assert code == 1 and "verified" not in stdout
    assert ("error: --trust-ref 'origin/main' is ambiguous: it names refs/remotes/origin/main and "
            "refs/tags/origin/main") in stderr
    assert "hint: give the full name of the one you mean" in stderr
    code, stdout, stderr = verify(repo, "--trust-ref", "refs/remotes/origin/main")
    assert "signatures: 1 signed by an unknown key" in stdout


def test_a_branch_named_head_makes_trust_ref_head_ambiguous(repo: Repo) -> None:
    repo.base()
    repo.git("update-ref", "refs/heads/HEAD", take_over(repo))
    repo.git("checkout", "-q", "--detach", "refs/remotes/origin/main")
    code, _, stderr = build(repo, "--trust-ref", "HEAD")
    assert code == 1
    assert "error: --trust-ref 'HEAD' is ambiguous: it names HEAD and refs/heads/HEAD" in stderr


def test_without_a_default_branch_the_change_is_never_its_own_trust_root(repo: Repo, tmp_path: Path) -> None:
    repo.base()
    repo.git("branch", "-m", "main", "trunk")
    repo.git("update-ref", "-d", "refs/remotes/origin/main")
    attack = take_over(repo)
    repo.git("branch", "pull-request", attack)
    repo.git("reset", "-q", "--hard", "HEAD~2")
    ci = fetch_as_ci(repo, attack, tmp_path / "ci", branch="trunk")
    code, stdout, stderr = build(ci, "--require-signatures")
    assert code == 1 and "verified" not in stdout
    assert "error: no trust root: origin's default branch is not here" in stderr
    assert "--trust-ref refs/remotes/origin/<branch>" in stderr
    code, stdout, stderr = verify(ci, "--trust-ref", "origin/trunk")
    assert "signatures: 1 signed by an unknown key" in stdout
    assert "--trust-ref refs/remotes/origin/trunk)" in stdout


def test_amending_the_reviewed_commit_does_not_move_the_trust_root(repo: Repo) -> None:
    repo.base()
    reviewed = repo.commit("About page", "bob", {"pages/about.md": "---\ntitle: About\n---\n\nWho we are.\n"})
    repo.git("update-ref", "refs/remotes/origin/main", reviewed)
    keys = {"alice": [public(repo.keys, "alice"), public(repo.keys, "eve")], "bob": [public(repo.keys, "bob")]}
    repo.write({"authors.toml": authors_toml(keys)})
    repo.git("add", "-A")
    repo.git("commit", "-q", "--amend", "-m", "About page")  # the reviewed commit, rewritten with eve's key
    repo.commit("Upload errors", "eve", {UPLOADS_PATH: UPLOADS})
    amended = repo.git("rev-parse", "HEAD").strip()
    assert "signatures: 1 signed by an unknown key" in verify(repo)[1]
    repo.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={repo.keys['eve']}", "-c", "commit.gpgSign=true",
             "rebase", "-q", "--onto", "refs/remotes/origin/main", "HEAD~1")  # or rebased onto the real one
    assert "signatures: 1 signed by an unknown key" in verify(repo)[1]
    assert amended != repo.git("rev-parse", "HEAD").strip()
