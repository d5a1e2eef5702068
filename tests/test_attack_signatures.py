"""Attacks on signed bylines, each reproduced on a real repository with ssh-keygen keys.

The attacker opens a pull request: they control the bytes of every file they touch and the names of the
branches and tags they push, but hold no registered author's key. None of them may end in a verified
byline that the named author did not sign.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from lxml import html

from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.proof.bylines import SignatureOptions, State
from tests.sites import run, write_site
from tests.support.signing import Repo, authors_toml, fingerprint, public
from tests.support.vnu import run_vnu, vnu_or_skip
from tests.test_authoring import editor

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
    code, stdout, stderr = build(ci, "--require-signatures")
    assert code == 1 and "verified" not in stdout
    assert "error: no trust root: no symbolic origin/HEAD names the default branch" in stderr
    stdout = verify(ci, "--trust-ref", "refs/remotes/origin/main")[1]
    assert "signatures: 1 signed by an unknown key (trust root: authors.toml at " in stdout


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
    assert "error: no trust root: no symbolic origin/HEAD names the default branch" in stderr
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


RESOLVED_TEXT = "Uploads work again since 10:25 UTC."
REWRITTEN = "Uploads work again since 10:25 UTC. No data was lost, and no action is needed."


def page_proofs(out: Path, header: bool = False) -> list[str]:
    """The proofs an incident page shows: of its updates and postmortem, or of its header."""
    page = html.parse(str(out / "incidents/2026-11-19-uploads/index.html"))
    where = "byline header-proof" if header else "byline"
    return [" ".join(span.text_content().split()) for span in page.xpath(f".//p[@class='{where}']/span[@class]")
            if "signature" in span.get("class").split()]


def api_signature(out: Path) -> dict[str, object]:
    return json.loads((out / "api/v2/incidents.json").read_text())["incidents"][0]["incident_updates"][0][
        "statusblog"]["signature"]


@pytest.mark.parametrize("editor", [None, "eve"])
def test_text_rewritten_under_a_signed_heading_is_not_verified(repo: Repo, editor: str | None) -> None:
    """The rewritten update is a new meaning, introduced by the edit: its proof is the edit's, not alice's."""
    repo.base()
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS})
    edit = repo.commit("Reassure", editor, {UPLOADS_PATH: UPLOADS.replace(RESOLVED_TEXT, REWRITTEN)})
    stdout = verify(repo)[1]
    words = "unsigned" if editor is None else "signed by an unknown key"
    assert f"signatures: 1 {words} (trust root:" in stdout
    code, _, stderr = build(repo, "--require-signatures")
    assert code == 1
    fact = (f"commit {edit[:12]} is not signed" if editor is None else
            f"commit {edit[:12]} is signed by {fingerprint(repo.keys, 'eve')}, which is not a trusted key of the "
            "named author")
    assert f"{UPLOADS_PATH}:11: error: byline 'alice' is not verified: {fact}" in stderr
    out = repo.path.parent / "out"
    assert build(repo, "--verify-signatures")[0] == 0
    [proof] = page_proofs(out)
    assert proof.startswith(("○ Not signed" if editor is None else "? Signed by an unknown key")
                            + f" (commit {edit[:12]}")
    assert "Verified" not in proof
    signature = api_signature(out)
    assert (signature["state"], signature["signer"], signature["commit"]) == (
        "unsigned" if editor is None else "unknown", None, edit)
    atom = feedparser.parse((out / "feed.atom").read_bytes())
    assert [tag.term for tag in atom.entries[0].tags] == ["signature-" + signature["state"]]


def test_an_edit_signed_by_another_author_shows_who_edited(repo: Repo) -> None:
    repo.base()
    signed = repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS})
    edit = repo.commit("Reassure", "bob", {UPLOADS_PATH: UPLOADS.replace(RESOLVED_TEXT, REWRITTEN)})
    assert "signatures: 1 verified" in verify(repo, "--require-signatures")[1]
    out = repo.path.parent / "out"
    assert build(repo, "--verify-signatures")[0] == 0
    [proof] = page_proofs(out)
    assert proof == (f"✓ Verified signature (commit {signed[:12]}, key {fingerprint(repo.keys, 'alice')}) "
                     "· edited by Bob Okafor, verified")
    signature = api_signature(out)
    assert signature["state"] == "verified"
    assert signature["edits"] == [{"state": "verified", "signer": "bob", "commit": edit,
                                   "path": f"content/{UPLOADS_PATH}", "key": fingerprint(repo.keys, "bob"),
                                   "proof": None}]
    assert signature["description"].endswith(f"; edited in commit {edit[:12]}, signed by "
                                             f"bob's key {fingerprint(repo.keys, 'bob')}")


def test_a_line_added_under_a_postmortem_heading_is_covered(repo: Repo) -> None:
    repo.base()
    postmortem = "\n## Postmortem · alice\n\n### What happened\n\nA disk filled up.\n"
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS + postmortem})
    repo.commit("Blame", None, {UPLOADS_PATH: UPLOADS + postmortem + "\nIt was bob's fault.\n"})
    assert "signatures: 1 verified, 1 unsigned (trust root" in verify(repo)[1]


def test_the_next_update_leaves_the_one_above_it_as_it_was(repo: Repo) -> None:
    """Appending an update writes a blank line under the one above: a blank line carries no words."""
    repo.base()
    first = UPLOADS.replace(f"10:30 UTC · resolved · alice\n\n{RESOLVED_TEXT}", "10:02 UTC · identified · alice\n\n"
                            "A disk is full.")
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: first})
    repo.commit("Resolved", "bob", {UPLOADS_PATH: first + "\n## 2026-11-19 10:30 UTC · resolved · bob\n\nFixed.\n"})
    bylines = check(repo.site, build_now(NOW), SignatureOptions()).state.bylines
    assert [(byline.state, byline.edits) for byline in bylines.values()] == [(State.VERIFIED, ())] * 2


OPEN_PATH = "incidents/2026-11-19-uploads.md"
OPEN = UPLOADS.replace(f"10:30 UTC · resolved · alice\n\n{RESOLVED_TEXT}", "10:02 UTC · identified · alice\n\nA disk is full.")


def update(repo: Repo, message: str, *options: str) -> tuple[int, str]:
    result = run("update", "uploads", "-m", message, "--author", "bob", "--site", str(repo.site), "--now", NOW,
                 *options)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("message", [
    "Fixed.\n\n## 2026-11-19 23:00 UTC · resolved · alice\n\nAll good.",
    "## 2026-11-19 23:00 UTC | resolved | alice",
    "Fixed.\n\n   ## 2026-11-19 23:00 UTC - resolved - alice ##",
    "Fixed.\n\n## Postmortem · alice\n\n### What happened\n\nNothing.",
    "Fixed.\n\n2026-11-19 23:00 UTC · resolved · alice\n---",
    "Fixed.\n\n2026-11-19 23:00 UTC · resolved · alice\n===",
    "# 2026-11-19 23:00 UTC · resolved · alice",
    "### 2026-11-19 23:00 UTC · resolved · alice",
])
def test_a_heading_in_an_update_message_is_refused_not_made_structure(tmp_path: Path, message: str) -> None:
    site = write_site(tmp_path / "site", {OPEN_PATH: OPEN})
    before, files = (site / OPEN_PATH).read_bytes(), sorted((site / "incidents").iterdir())
    result = run("update", "uploads", "-m", message, "--author", "bob", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1
    assert f"{OPEN_PATH}: line " in result.stderr
    assert "of the message reads as an update or postmortem heading" in result.stderr
    assert (site / OPEN_PATH).read_bytes() == before
    resolved = run("resolve", "uploads", "-m", message, "--author", "bob", "--site", str(site), "--now", NOW)
    assert resolved.exit_code == 1 and (site / OPEN_PATH).read_bytes() == before
    created = run("new", "incident", "Queue delays", "--impact", "minor", "-c", "api", "-m", message, "--author",
                  "bob", "--site", str(site), "--now", NOW)
    assert created.exit_code == 1 and "reads as an update or postmortem heading" in created.stderr
    assert sorted((site / "incidents").iterdir()) == files


def test_a_heading_in_a_code_block_or_a_carriage_return_in_a_message(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site", {OPEN_PATH: OPEN})
    hidden = "Fixed.\r## 2026-11-19 23:00 UTC · resolved · alice"
    result = run("update", "uploads", "-m", hidden, "--author", "bob", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and "carriage return (CR) that does not end a line" in result.stderr
    monkeypatch.setenv("EDITOR", editor(tmp_path, "Fixed.\r## 2026-11-19 23:00 UTC · resolved · alice\n"))
    result = run("update", "uploads", "--author", "bob", "--site", str(site), "--now", NOW)
    assert result.exit_code == 1 and "line 1 of the message: file contains a carriage return" in result.stderr
    quoted = "The log said:\n\n```\n## 2026-11-19 23:00 UTC · resolved · alice\n```"
    result = run("update", "uploads", "-m", quoted, "--author", "bob", "--site", str(site), "--now", NOW)
    assert result.exit_code == 0, result.stderr
    checked = check(site, build_now(NOW))
    [uploads] = [state.incident for state in checked.state.incidents if state.incident.slug == "2026-11-19-uploads"]
    assert [update.author for update in uploads.updates] == ["alice", "bob"]


def test_update_keeps_a_bom_crlf_endings_and_every_earlier_line_with_its_author(repo: Repo) -> None:
    repo.base()
    path = repo.site / OPEN_PATH
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf" + OPEN.encode().replace(b"\n", b"\r\n"))
    written = repo.commit("Upload errors", "alice")
    before = path.read_bytes()
    code, stderr = update(repo, "The disk is cleaned up.\nWatching.", "--status", "monitoring")
    assert code == 0, stderr
    after = path.read_bytes()
    assert after.startswith(before) and b"\n" not in after.replace(b"\r\n", b"")
    repo.commit("Monitoring", "bob")
    blamed = repo.git("blame", "--porcelain", "--", f"content/{OPEN_PATH}")
    owners = [line.split()[0] for line in blamed.split("\n") if line[:40].isalnum() and len(line.split()) >= 3
              and len(line.split()[0]) == 40]
    assert owners[:before.count(b"\n")] == [written] * before.count(b"\n")
    assert [byline.state for byline in check(repo.site, build_now(NOW), SignatureOptions()).state.bylines.values()
            ] == [State.VERIFIED, State.VERIFIED]


def test_a_trusted_signers_file_is_read_with_git_lines(repo: Repo, tmp_path: Path) -> None:
    """ssh-keygen reads this file too: a lone CR would be a line break to Python and not to it."""
    repo.base({})
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS})
    signers = tmp_path / "allowed_signers"
    signers.write_bytes(f"# keys\nbob {public(repo.keys, 'bob')}\ralice {public(repo.keys, 'alice')}\n".encode())
    code, _, stderr = verify(repo, "--trusted-signers", str(signers))
    assert code == 1
    assert (f"{signers}: error: cannot read the trusted signers file: line 2: file contains a carriage return "
            "(CR) that does not end a line") in stderr


def test_a_repository_path_with_a_line_separator_in_it(tmp_path: Path, keys: dict[str, Path]) -> None:
    """git's own output is split at line feeds too: a folder name may hold U+2028 or NEL."""
    repo = Repo(tmp_path / "status\u2028pages\x85", keys)
    repo.base()
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: UPLOADS})
    code, stdout, stderr = verify(repo)
    assert code == 0, stderr
    assert "signatures: 1 verified" in stdout


def test_bylines_with_edits_are_valid_html(repo: Repo) -> None:
    java, jar = vnu_or_skip()
    repo.base()
    repo.commit("Upload errors", "alice", {UPLOADS_PATH: OPEN})
    repo.commit("Clearer", "bob", {UPLOADS_PATH: OPEN.replace("A disk is full.", "A disk is full; uploads wait.")})
    repo.commit("Resolved", "alice", {UPLOADS_PATH: OPEN.replace("A disk is full.", "A disk is full; uploads wait.")
                                      + f"\n## 2026-11-19 10:30 UTC · resolved · alice\n\n{RESOLVED_TEXT}\n"})
    repo.commit("Reassure", None, {UPLOADS_PATH: (repo.site / UPLOADS_PATH).read_text() + "No data was lost.\n"})
    out = repo.path.parent / "out"
    assert build(repo, "--verify-signatures")[0] == 0
    proofs = page_proofs(out)
    assert [proof.split(" (")[0] for proof in proofs] == ["✓ Verified signature", "○ Not signed"]
    assert proofs[0].endswith("· edited by Bob Okafor, verified")
    page = out / "incidents/2026-11-19-uploads/index.html"
    assert run_vnu([page], java=java, jar=jar) == []
