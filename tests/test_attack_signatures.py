"""Attacks on signed bylines, each reproduced on a real repository with ssh-keygen keys.

The attacker opens a pull request: they control the bytes of every file they touch and the names of the
branches and tags they push, but hold no registered author's key. None of them may end in a verified
byline that the named author did not sign.
"""

from __future__ import annotations

import pytest

from tests.sites import run
from tests.support.signing import Repo

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
