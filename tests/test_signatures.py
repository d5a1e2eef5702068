"""Signed bylines, on real repositories: ssh-keygen keys, `git commit -S`, git's own verification.

Each test builds a small repository in tmp_path with the helpers of tests/support/signing.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
from lxml import html

from generator.core.keys import parse_key
from generator.core.times import build_now
from generator.pipeline.evaluate import check, render
from generator.proof.bylines import SignatureOptions, State
from generator.render.theme import load_theme
from tests.conftest import DEMO_NOW
from tests.sites import INVESTIGATING, run, write_site
from tests.support.signing import Repo, authors_toml, fingerprint, public

NOW = "2026-11-20T15:00:00Z"
pytestmark = pytest.mark.usefixtures("isolated_git")

INCIDENT = INVESTIGATING
SECOND_UPDATE = """
## 2026-03-14 11:02 UTC · resolved · {author}

Error rates are back to normal.
"""
POSTMORTEM = """
## Postmortem · alice

### What happened

A pool ran out of connections.
"""


def verify(repo: Repo, **options: object):
    return check(repo.site, build_now(NOW), SignatureOptions(**options))  # type: ignore[arg-type]


def bylines(repo: Repo, **options: object) -> dict[int, object]:
    """Heading line -> Byline for the one incident file."""
    checked = verify(repo, **options)
    assert checked.state is not None, [p.format() for p in checked.problems]
    return {line: byline for (_, line), byline in checked.state.bylines.items()}


def line_of(path: Path, text: str) -> int:
    return path.read_text().splitlines().index(text) + 1


INCIDENT_PATH = "incidents/2026-03-14-api-errors.md"
FIRST = "## 2026-03-14 09:20 UTC · investigating · alice"


def test_heading_committed_signed_by_its_author_is_verified(repo: Repo) -> None:
    repo.base()
    commit = repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert byline.state is State.VERIFIED
    assert byline.signer == "alice"
    assert byline.commit == commit
    assert byline.fingerprint == fingerprint(repo.keys, "alice")


def test_signed_by_another_registered_author_names_them(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "bob", {INCIDENT_PATH: INCIDENT})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert (byline.state, byline.signer) == (State.OTHER, "bob")
    assert byline.fingerprint == fingerprint(repo.keys, "bob")


def test_signed_by_an_unknown_key_is_not_verified(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "eve", {INCIDENT_PATH: INCIDENT})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert (byline.state, byline.signer) == (State.UNKNOWN, None)
    assert byline.fingerprint == fingerprint(repo.keys, "eve")


def test_unsigned_commit(repo: Repo) -> None:
    repo.base()
    commit = repo.commit("Incident", None, {INCIDENT_PATH: INCIDENT})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert (byline.state, byline.commit, byline.fingerprint) == (State.UNSIGNED, commit, "")


def test_key_added_in_the_same_commit_as_the_update_does_not_verify_it(repo: Repo) -> None:
    repo.base()
    keys = {"alice": [public(repo.keys, "alice"), public(repo.keys, "alice-new")], "bob": [public(repo.keys, "bob")]}
    repo.commit("New key and incident", "alice-new", {"authors.toml": authors_toml(keys), INCIDENT_PATH: INCIDENT})
    line = line_of(repo.site / INCIDENT_PATH, FIRST)
    # Even when the trust ref is the very commit that added the key.
    for options in ({}, {"trust_ref": "HEAD"}):
        assert bylines(repo, **options)[line].state is State.UNKNOWN


def test_key_added_earlier_in_the_same_branch_is_not_trusted_until_merged(repo: Repo) -> None:
    main = repo.base({"alice": [], "bob": [public(repo.keys, "bob")]})
    repo.git("update-ref", "refs/remotes/origin/main", main)
    repo.commit("Alice's key", None, {"authors.toml": authors_toml({"alice": [public(repo.keys, "alice")]})})
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    line = line_of(repo.site / INCIDENT_PATH, FIRST)
    checked = verify(repo)
    assert checked.state.bylines[(str(checked.state.incidents[0].incident.source), line)].state is State.UNKNOWN
    assert "the merge-base of HEAD and refs/remotes/origin/main" in checked.state.bylines.trust_root
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")  # the change is merged
    assert bylines(repo)[line].state is State.VERIFIED


def test_typo_fix_signed_by_another_author_leaves_the_byline_verified_and_names_them(repo: Repo) -> None:
    repo.base()
    written = repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    repo.commit("Typo", "bob", {INCIDENT_PATH: INCIDENT.replace("elevated 5xx", "elevated HTTP 5xx")})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert (byline.state, byline.commit, byline.editors) == (State.VERIFIED, written, ("bob",))


@pytest.mark.parametrize("keeps_id", [False, True])
def test_a_renamed_file_is_a_new_incident_unless_it_keeps_its_id(repo: Repo, keeps_id: bool) -> None:
    """The slug is the incident's identity: a rename without `id` makes every update new, introduced by the
    rename; `id: <old slug>` in the same commit keeps the identity, and the proofs."""
    repo.base()
    written = repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    renamed = "incidents/2026-03-14-api-outage.md"
    repo.git("mv", f"content/{INCIDENT_PATH}", f"content/{renamed}")
    if keeps_id:
        repo.write({renamed: INCIDENT.replace("---\n", "---\nid: 2026-03-14-api-errors\n", 1)})
    repo.commit("Rename", None)
    byline = bylines(repo)[line_of(repo.site / renamed, FIRST)]
    assert (byline.state, byline.commit) == ((State.VERIFIED, written) if keeps_id else
                                             (State.UNSIGNED, repo.git("rev-parse", "HEAD").strip()))


def test_rewritten_heading_is_vouched_for_by_whoever_rewrote_it(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    repo.commit("Time", "bob", {INCIDENT_PATH: INCIDENT.replace("09:20 UTC", "09:21 UTC")})
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST.replace("09:20", "09:21"))]
    assert (byline.state, byline.signer) == (State.OTHER, "bob")


def test_uncommitted_update_and_postmortem(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    repo.write({INCIDENT_PATH: INCIDENT + SECOND_UPDATE.format(author="alice") + POSTMORTEM,
                "incidents/2026-04-01-new.md": INCIDENT.replace("2026-03-14", "2026-04-01")})
    states = {(Path(source).name, line): byline.state for (source, line), byline in verify(repo).state.bylines.items()}
    path = repo.site / INCIDENT_PATH
    assert states == {
        (path.name, line_of(path, FIRST)): State.VERIFIED,
        (path.name, line_of(path, "## 2026-03-14 11:02 UTC · resolved · alice")): State.UNCOMMITTED,
        (path.name, line_of(path, "## Postmortem · alice")): State.UNCOMMITTED,
        ("2026-04-01-new.md", line_of(path, FIRST)): State.UNCOMMITTED,
    }


def test_altered_signed_commit_has_a_bad_signature(repo: Repo) -> None:
    repo.base()
    signed = repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    raw = repo.git("cat-file", "commit", signed).replace("Incident", "Incident, edited")
    forged = subprocess.run(["git", "hash-object", "-t", "commit", "-w", "--stdin"], cwd=repo.path, input=raw,
                            capture_output=True, text=True, check=True).stdout.strip()
    repo.git("update-ref", "HEAD", forged)
    byline = bylines(repo)[line_of(repo.site / INCIDENT_PATH, FIRST)]
    assert (byline.state, byline.commit) == (State.BAD, forged)


def test_trusted_signers_file_replaces_authors_toml(repo: Repo, tmp_path: Path) -> None:
    repo.base({})
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    signers = tmp_path / "allowed_signers"
    signers.write_text(f'# trusted\nalice namespaces="git" {public(repo.keys, "alice")}\n')
    line = line_of(repo.site / INCIDENT_PATH, FIRST)
    assert bylines(repo)[line].state is State.UNKNOWN
    assert bylines(repo, trusted_signers=signers)[line].state is State.VERIFIED


def test_trusted_signers_file_with_an_unknown_principal_warns(repo: Repo, tmp_path: Path) -> None:
    repo.base({})
    signers = tmp_path / "allowed_signers"
    signers.write_text(f"alicia {public(repo.keys, 'alice')}\nnot a key line\n")
    problems = [p.format() for p in verify(repo, trusted_signers=signers).problems]
    assert f"{signers}:1: warning: 'alicia' is not an author id in authors.toml\n    hint: did you mean 'alice'?" in problems
    assert any(p.startswith(f"{signers}:2: error: not an allowed-signers line") for p in problems)


def test_require_signatures_lists_every_byline_not_verified(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    repo.commit("Resolved", None, {INCIDENT_PATH: INCIDENT + SECOND_UPDATE.format(author="bob")})
    repo.write({INCIDENT_PATH: INCIDENT + SECOND_UPDATE.format(author="bob") + POSTMORTEM})
    result = run("build", str(repo.site), "--out", str(repo.path.parent / "out"), "--now", NOW,
                 "--require-signatures")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    path = repo.site / INCIDENT_PATH
    resolved, postmortem = line_of(path, "## 2026-03-14 11:02 UTC · resolved · bob"), line_of(path, "## Postmortem · alice")
    assert len(errors) == 2
    assert errors[0].endswith(f"{INCIDENT_PATH}:{resolved}: error: byline 'bob' is not verified: commit "
                              f"{repo.git('rev-parse', 'HEAD')[:12]} is not signed")
    assert errors[1].endswith(f"{INCIDENT_PATH}:{postmortem}: error: byline 'alice' is not verified: not committed yet")
    assert "build failed: 2 problems" in result.stderr
    assert not (repo.path.parent / "out").exists()


def test_require_signatures_passes_when_all_are_verified(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT + SECOND_UPDATE.format(author="alice")})
    result = run("check", str(repo.site), "--now", NOW, "--require-signatures")
    assert result.exit_code == 0, result.stderr
    assert "signatures: 2 verified (trust root: authors.toml at " in result.stdout
    assert "; headers: 1 verified\n" in result.stdout


def test_shallow_clone_is_refused_with_the_fix(repo: Repo, tmp_path: Path) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(tmp_path / "shallow")],
                   check=True)
    result = run("check", str(tmp_path / "shallow" / "content"), "--now", NOW, "--verify-signatures")
    assert result.exit_code == 1
    assert "error: the repository is a shallow clone" in result.stderr
    assert "fetch-depth: 0" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("--trust-ref", "no-such-branch"), "--trust-ref 'no-such-branch' is not a commit in this repository"),
    (("--trust-ref", "HEAD", "--trusted-signers", "x"), "give --trust-ref or --trusted-signers, not both"),
])
def test_bad_trust_root_is_a_clear_error(repo: Repo, args: tuple[str, ...], message: str) -> None:
    repo.base()
    result = run("check", str(repo.site), "--now", NOW, *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_site_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    result = run("build", str(site), "--out", str(tmp_path / "out"), "--now", NOW, "--verify-signatures")
    assert result.exit_code == 1
    assert "error: not inside a git repository" in result.stderr


def test_a_signature_error_run_from_inside_the_site_names_it_by_its_path(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_site(tmp_path / "site")
    monkeypatch.chdir(site)
    result = run("build", ".", "--out", str(tmp_path / "out"), "--now", NOW, "--verify-signatures")
    assert result.exit_code == 1
    assert f"{site.resolve()}: error: not inside a git repository" in result.stderr
    assert not result.stderr.startswith(".: ")


def test_unreadable_signing_key_is_an_error_at_its_author(repo: Repo) -> None:
    repo.base({"alice": ["ssh-ed25519 bm90IGEga2V5"], "bob": ["AAAAC3NzaC1lZDI1NTE5AAAAIA"]})
    problems = [p.format() for p in verify(repo).errors]
    assert problems[0].startswith("content/authors.toml:1: error: author 'alice' signing_keys[0] has key data "
                                  "that is not a 'ssh-ed25519' key") or problems[0].endswith(
        "authors.toml:1: error: author 'alice' signing_keys[0] has key data that is not a 'ssh-ed25519' key\n"
        "    hint: paste the whole line of the public key file, e.g. the output of 'cat ~/.ssh/id_ed25519.pub'")
    assert "error: author 'bob' signing_keys[0] is not an SSH public key line" in problems[1]


def test_pages_show_the_proof_and_the_keys(repo: Repo) -> None:
    repo.base()
    commit = repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT + POSTMORTEM})
    repo.commit("Resolved", "bob", {INCIDENT_PATH: INCIDENT + SECOND_UPDATE.format(author="alice") + POSTMORTEM})
    out = repo.path.parent / "out"
    result = run("build", str(repo.site), "--out", str(out), "--now", NOW, "--verify-signatures")
    assert result.exit_code == 0, result.stderr
    page = html.parse(str(out / "incidents/2026-03-14-api-errors/index.html"))
    proofs = [" ".join(span.text_content().split()) for span in page.iterfind(".//span[@class]")
              if "signature" in span.get("class").split()]
    alice, bob = fingerprint(repo.keys, "alice"), fingerprint(repo.keys, "bob")
    assert f"✓ Verified signature (commit {commit[:12]}, key {alice})" in proofs
    assert any(p.startswith("⚠ Signed by someone else: Bob Okafor (commit") and p.endswith(f"key {bob})")
               for p in proofs)
    assert len(proofs) == 4  # the header, two updates and the postmortem
    assert f"✓ Verified signature: Alice Nguyen (commit {commit[:12]}, key {alice})" in proofs
    author = html.parse(str(out / "authors/alice/index.html"))
    assert [code.text for code in author.iterfind(".//code[@class='fingerprint']")] == [alice]

    incident = json.loads((out / "api/v2/incidents.json").read_text())["incidents"][0]
    first = incident["incident_updates"][-1]["statusblog"]["signature"]
    assert first == {"state": "verified", "signer": "alice", "commit": commit, "path": f"content/{INCIDENT_PATH}",
                     "key": alice, "proof": None,
                     "description": f"signed by alice's key {alice} in commit {commit[:12]}", "edits": []}
    assert incident["incident_updates"][0]["statusblog"]["signature"]["state"] == "other"
    assert incident["statusblog"]["postmortem"]["signature"]["state"] == "verified"
    atom = feedparser.parse((out / "feed.atom").read_bytes())
    assert sorted(tag.term for entry in atom.entries for tag in entry.tags) == [
        "signature-other", "signature-verified", "signature-verified"]
    assert sorted(tag.label for entry in atom.entries for tag in entry.tags) == [  # the page's words
        "Signed by someone else", "Verified signature", "Verified signature"]
    items = json.loads((out / "feed.json").read_text())["items"]
    assert sorted(item["_statusblog"]["signature"]["state"] for item in items) == ["other", "verified", "verified"]


def test_without_verification_pages_show_no_proof(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    state = check(repo.site, build_now(NOW)).state
    theme = load_theme(repo.site, state.site.config)
    wanted = next(data for path, data in render(state, repo.site, theme) if path == "incidents/2026-03-14-api-errors/index.html")
    page = theme.render(wanted)
    assert b"Signed by" in page
    assert b'class="signature' not in page


@pytest.mark.parametrize("kind", ["ed25519", "rsa", "ecdsa"])
def test_fingerprints_match_ssh_keygen(tmp_path: Path, kind: str) -> None:
    path = tmp_path / kind
    size = ["-b", "1024"] if kind == "rsa" else []  # fast to make; the fingerprint is computed the same way
    subprocess.run(["ssh-keygen", "-q", "-t", kind, *size, "-N", "", "-f", str(path)], check=True)
    printed = subprocess.run(["ssh-keygen", "-lf", f"{path}.pub"], capture_output=True, text=True, check=True)
    assert parse_key(Path(f"{path}.pub").read_text()).fingerprint == printed.stdout.split()[1]


def setup_commands() -> str:
    """The shell block of step 2 of the set-up in docs/signatures.md, as a reader would paste it."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "signatures.md").read_text(encoding="utf-8")
    step = docs.split("2. Sign commits with it", 1)[1]
    return step.split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_documented_setup_lets_git_show_signatures(repo: Repo, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    for suffix in ("", ".pub"):
        (home / ".ssh" / f"id_ed25519{suffix}").write_bytes(Path(f"{repo.keys['alice']}{suffix}").read_bytes())
    (home / ".ssh" / "id_ed25519").chmod(0o600)
    env = {**os.environ, "HOME": str(home)}
    subprocess.run(["git", "config", "--global", "user.email", "alice@example.com"], env=env, check=True)
    subprocess.run(["bash", "-e", "-c", setup_commands()], env=env, check=True, cwd=home)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", "Signed by the set-up"], cwd=repo.path, env=env,
                   check=True)
    shown = subprocess.run(["git", "log", "-1", "--show-signature"], cwd=repo.path, env=env, capture_output=True,
                           text=True, check=True)
    assert "allowedSignersFile needs to be configured" not in shown.stdout + shown.stderr
    assert 'Good "git" signature for alice@example.com' in shown.stdout + shown.stderr


@pytest.mark.slow
def test_the_demo_committed_signed_shows_each_incident_header_verified(repo: Repo, demo_root: Path) -> None:
    """The demo site, its authors.toml giving maya a key merged first, then every incident committed signed
    with it: each incident page says whose signature proves its details and summary."""
    shutil.copytree(demo_root, repo.site, ignore=shutil.ignore_patterns("incidents", "maintenance"))
    authors = (repo.site / "authors.toml").read_text(encoding="utf-8")
    (repo.site / "authors.toml").write_text(
        authors.replace("[maya]\n", f'[maya]\nsigning_keys = ["{public(repo.keys, "alice")}"]\n', 1), encoding="utf-8")
    base = repo.commit("The demo's registries")
    repo.git("update-ref", "refs/remotes/origin/main", base)
    repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    for folder in ("incidents", "maintenance"):
        shutil.copytree(demo_root / folder, repo.site / folder)
    commit = repo.commit("The demo's history", "alice")
    out = repo.path.parent / "out"
    result = run("build", str(repo.site), "--out", str(out), "--now", DEMO_NOW, "--verify-signatures")
    assert result.exit_code == 0, result.stderr
    pages = sorted((out / "incidents").glob("*/index.html"))
    assert len(pages) == len(list((demo_root / "incidents").glob("*.md")))
    for page in pages:
        header = " ".join(html.parse(str(page)).xpath("string(//p[@class='byline header-proof'])").split())
        assert header.startswith(f"Details and summary ✓ Verified signature: Maya Okafor (commit {commit[:12]}"), page


def verify_commands(heading: str) -> list[str]:
    """The shell blocks of step 4 of the set-up in docs/signatures.md, from `heading` on, one command a line."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "signatures.md").read_text(encoding="utf-8")
    step = docs.split("4. Verify when checking or building", 1)[1].split("## Options", 1)[0].split(heading, 1)[1]
    block = step.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_documented_check_works_as_written_in_a_fresh_local_repository(repo: Repo) -> None:
    """A trial with `git init` has no remote: the plain command stops and names the fix, the documented
    local one (which names its trust ref) verifies a byline signed with a key committed before it."""
    repo.commit("Site", files={"site.toml": "title = \"T\"\nbase_url = \"https://status.example.com/\"\n"
                                            "timezone = \"UTC\"\n", "components.toml": "[api]\nname = \"API\"\n",
                               "authors.toml": authors_toml({"alice": [public(repo.keys, "alice")]})})
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT})
    (plain, _) = verify_commands("found by themselves:")
    (local,) = verify_commands("Name the trust ref yourself:")
    cwd = os.getcwd()
    os.chdir(repo.site)
    try:
        refused = run(*plain.split()[1:], "--now", NOW)
        trial = run(*local.split()[1:], "--now", NOW)
    finally:
        os.chdir(cwd)
    assert refused.exit_code == 1 and "error: no trust root: no symbolic origin/HEAD names the default branch" in refused.stderr
    assert trial.exit_code == 0, trial.output
    assert "signatures: 1 verified (trust root: authors.toml at " in trial.stdout
    assert ", --trust-ref HEAD)" in trial.stdout
