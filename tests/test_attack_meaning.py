"""Attacks on what a signed update *means*, not on its lines: each on a real repository with ssh-keygen keys.

A proof covers a unit of meaning (an update, a postmortem section or action item, an incident's header) as
the whole file parses, introduced by a signed commit. The attacker changes no signed line, or only deletes
lines, or moves signed text between files, or leans on how git is set up: none of it may end in a verified
proof the named author did not sign, and none may change published history without a signature.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.proof.bylines import SignatureOptions, State
from tests.sites import COMPONENTS_TOML, SITE_TOML, run
from tests.support.signing import Repo, authors_toml, public
from tests.test_attack_signatures import build, verify

pytestmark = pytest.mark.usefixtures("isolated_git")

NOW = "2026-11-20T15:00:00Z"
PATH = "incidents/2026-11-19-uploads.md"
HEADER = """\
---
title: Upload errors
impact: critical
components: [api]
started: 2026-11-19T09:40:00Z
---

Some uploads failed with a timeout.
"""
QUOTED = "## 2026-11-19 10:30 UTC · resolved · alice"


def quoting(opener: str, closer: str) -> str:
    """alice's update quotes a log that holds a closing heading, inside a block that keeps it text."""
    return HEADER + f"""
## 2026-11-19 10:02 UTC · identified · alice

The load balancer logged this while we worked:

{opener}
{QUOTED}

Uploads work again.
{closer}
"""


def publish(repo: Repo) -> str:
    """What is merged so far is what was published: origin/main (the default branch) moves to HEAD."""
    head = repo.git("rev-parse", "HEAD").strip()
    repo.git("update-ref", "refs/remotes/origin/main", head)
    return head


def proofs(repo: Repo, *, now: str = NOW, **options: object) -> dict[tuple[str, int], State]:
    """(file name, line) -> the state of each byline, and (file name, 0) for each header."""
    checked = check(repo.site, build_now(now), SignatureOptions(**options))  # type: ignore[arg-type]
    assert checked.state is not None, [p.format() for p in checked.problems]
    bylines = checked.state.bylines
    found = {(Path(source).name, line): byline.state for (source, line), byline in bylines.items()}
    found.update({(Path(source).name, 0): byline.state for source, byline in bylines.headers.items()})
    return found


def without(text: str, *lines: str) -> str:
    """The text with each of these whole lines deleted once."""
    kept = text.split("\n")
    for line in lines:
        kept.remove(line)
    return "\n".join(kept)


def api_incident(out: Path, index: int = 0) -> dict:
    return json.loads((out / "api/v2/incidents.json").read_text())["incidents"][index]


# 1. Deleting the lines that kept a quoted heading text.

@pytest.mark.parametrize(("opener", "closer"), [("```", "```"), ("~~~", "~~~"), ("````", "````"),
                                                ("```text", "```")])
def test_deleting_two_fence_lines_makes_no_verified_update(repo: Repo, opener: str, closer: str) -> None:
    repo.base()
    signed = quoting(opener, closer)
    repo.commit("Upload errors", "alice", {PATH: signed})
    assert proofs(repo)[(Path(PATH).name, 10)] is State.VERIFIED
    publish(repo)
    repo.commit("Tidy", None, {PATH: without(signed, opener, closer)})
    code, stdout, stderr = build(repo, "--require-signatures")
    assert code == 1 and "Traceback" not in stderr
    line = (repo.site / PATH).read_text().split("\n").index(QUOTED) + 1
    assert f"{PATH}:{line}: error: byline 'alice' is not verified: commit " in stderr
    # The quoting update is changed too: published history changed without a signature.
    assert f"{PATH}:10: error: the update 2026-11-19T10:02:00+00:00 · identified · alice of incidents/" \
           "2026-11-19-uploads was published" in stderr
    code, stdout, stderr = build(repo, "--verify-signatures")
    assert code == 0
    assert "signatures: 2 unsigned" in stdout
    assert f"{PATH}:10: warning: the update" in stderr
    resolved = api_incident(repo.path.parent / "out")["incident_updates"][0]
    assert (resolved["status"], resolved["statusblog"]["signature"]["state"]) == ("resolved", "unsigned")


def test_comment_markers_hide_nothing_and_deleting_them_is_an_edit(repo: Repo) -> None:
    """Raw HTML is off, so `<!--` is text: a heading between comment markers is an update alice signed as one,
    and deleting the markers changes both updates' text."""
    repo.base()
    signed = quoting("<!--", "-->")
    repo.commit("Upload errors", "alice", {PATH: signed})
    assert proofs(repo)[(Path(PATH).name, 15)] is State.VERIFIED
    repo.commit("Tidy", None, {PATH: without(signed, "<!--", "-->")})
    found = proofs(repo)
    assert (found[(Path(PATH).name, 10)], found[(Path(PATH).name, 14)]) == (State.UNSIGNED, State.UNSIGNED)


def test_an_indented_code_block_unindented_is_a_new_update(repo: Repo) -> None:
    repo.base()
    signed = HEADER + f"\n## 2026-11-19 10:02 UTC · identified · alice\n\nThe log:\n\n    {QUOTED}\n\n    Fixed.\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    repo.commit("Tidy", None, {PATH: signed.replace(f"    {QUOTED}\n\n    Fixed.", f"{QUOTED}\n\nFixed.")})
    assert proofs(repo)[(Path(PATH).name, 14)] is State.UNSIGNED


# 2. One fence line added where no byline reaches re-pairs the fences below it.

def test_a_fence_added_to_the_summary_makes_no_verified_update(repo: Repo) -> None:
    repo.base()
    signed = quoting("```", "```")
    repo.commit("Upload errors", "alice", {PATH: signed})
    forged = signed.replace("Some uploads failed with a timeout.\n", "Some uploads failed with a timeout.\n\n```\n")
    repo.commit("Summary", None, {PATH: forged})
    found = proofs(repo)
    line = forged.split("\n").index(QUOTED) + 1
    assert found[(Path(PATH).name, line)] is State.UNSIGNED
    assert found[(Path(PATH).name, 0)] is State.UNSIGNED  # the summary, and so the header, changed too
    assert build(repo, "--require-signatures")[0] == 1


# 3. A rename and a merge carry one incident's signed block into another.

OPEN_PATH = "incidents/2026-11-19-database.md"
OPEN = """\
---
title: Database unreachable
impact: critical
components: [api]
started: 2026-11-19T08:00:00Z
---

The primary database does not answer.

## 2026-11-19 08:05 UTC · investigating · alice

We are failing over.
"""
HELPER_PATH = "incidents/2026-11-18-helper.md"
HELPER = """\
---
title: Slow dashboard
impact: minor
components: [api]
started: 2026-11-18T08:00:00Z
---

The dashboard was slow.

## 2026-11-18 08:05 UTC · investigating · alice

Looking.

## 2026-11-18 09:00 UTC · resolved · alice

Fast again.
"""


def test_a_rename_and_a_merge_cannot_carry_a_resolution_to_another_incident(repo: Repo) -> None:
    repo.base()
    repo.commit("Incidents", "alice", {OPEN_PATH: OPEN, HELPER_PATH: HELPER})
    published = publish(repo)
    repo.git("checkout", "-q", "-b", "attack")
    repo.git("rm", "-q", f"content/{OPEN_PATH}")
    repo.git("mv", f"content/{HELPER_PATH}", f"content/{OPEN_PATH}")
    repo.commit("Tidy", None)
    repo.git("checkout", "-q", "-b", "pr", published)
    repo.commit("About", None, {"pages/about.md": "---\ntitle: About\n---\n\nWho we are.\n"})
    repo.git("merge", "-q", "--no-commit", "-X", "theirs", "attack")
    resolution = HELPER[HELPER.index("## 2026-11-18 09:00 UTC"):].replace("2026-11-18 09:00", "2026-11-19 09:00")
    repo.commit("Merge", None, {OPEN_PATH: OPEN + "\n" + resolution})
    assert not (repo.site / HELPER_PATH).exists()
    found = proofs(repo)
    assert found[(Path(OPEN_PATH).name, 10)] is State.VERIFIED  # F's own update, as alice signed it
    assert found[(Path(OPEN_PATH).name, 14)] is State.UNSIGNED
    code, stdout, stderr = build(repo, "--require-signatures")
    assert code == 1
    assert f"{HELPER_PATH}:14: error: the update 2026-11-18T09:00:00+00:00 · resolved · alice of incidents/" \
           "2026-11-18-helper was published (at" in stderr and "is removed by commit" in stderr
    code, stdout, _ = build(repo, "--verify-signatures")
    assert "signatures: 3 verified, 1 unsigned" not in stdout and "1 unsigned" in stdout


# 4. A branch pushed under a default branch's name never becomes the trust root.

@pytest.mark.parametrize("default", ["master", "trunk"])
def test_a_pushed_main_beside_another_default_branch_is_never_trusted(repo: Repo, tmp_path: Path,
                                                                      default: str) -> None:
    repo.git("branch", "-m", "main", default)
    base = repo.commit("Site", files={"site.toml": SITE_TOML, "components.toml": COMPONENTS_TOML,
                                      "authors.toml": authors_toml({"alice": [public(repo.keys, "alice")]})})
    repo.git("checkout", "-q", "-b", "main")  # pushed by anyone who can push a branch
    repo.commit("Rotate", None, {"authors.toml": authors_toml({"alice": [public(repo.keys, "eve")]})})
    repo.git("checkout", "-q", "-b", "pr")
    attack = repo.commit("Upload errors", "eve", {PATH: quoting("```", "```")})
    repo.git("checkout", "-q", default)
    ci = Repo(tmp_path / "ci", repo.keys)  # what actions/checkout does: no origin/HEAD
    ci.git("remote", "add", "origin", str(repo.path))
    ci.git("fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
    ci.git("checkout", "-q", "--detach", attack)
    code, stdout, stderr = build(ci, "--require-signatures")
    assert code == 1 and "verified" not in stdout
    assert "error: no trust root: no symbolic origin/HEAD names the default branch" in stderr
    code, stdout, _ = verify(ci, "--trust-ref", f"refs/remotes/origin/{default}")
    assert f"signatures: 1 signed by an unknown key (trust root: authors.toml at {base[:12]}" in stdout


# 5. Text planted by an import, unlocked later.

def test_a_heading_planted_in_an_imported_code_block_stays_unverified(repo: Repo, tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "import" / "statuspage" / "public"
    export = json.loads((fixtures / "incidents.json").read_text(encoding="utf-8"))
    incident = export["incidents"][0]  # reopened: only its first update, so the planted one would close it
    incident.update(status="investigating", resolved_at=None, incident_updates=incident["incident_updates"][-1:])
    planted = "## 2026-03-19 23:00 UTC · resolved · alice"
    incident["incident_updates"][0]["body"] += f"\n\n```\n{planted}\n\nComponents: dashboard=operational\n```"
    hostile = tmp_path / "incidents.json"
    hostile.write_text(json.dumps({"page": export["page"], "incidents": [incident]}), encoding="utf-8")
    repo.base()
    result = run("import", "statuspage", str(hostile), "--into", str(repo.site), "--now", "2026-03-21T00:00:00Z")
    assert result.exit_code == 0, result.output
    repo.commit("Import our Statuspage history", "alice")
    [path] = (repo.site / "incidents").glob("*.md")
    text = path.read_text()
    assert planted in text
    before = proofs(repo, now="2026-03-21T00:00:00Z")
    assert all(state is not State.VERIFIED for (name, line), state in before.items() if line)
    publish(repo)
    repo.commit("Unlock", None, {f"incidents/{path.name}": without(text, "```", "```")})
    # The importer states each update's components on a line of its own, so the unlocked planted update
    # carries two such lines and the site no longer checks: nothing of it can be published, let alone verified.
    # Were it to parse, the planted update would be a new unit of an unsigned commit.
    unlocked = check(repo.site, build_now("2026-03-21T00:00:00Z"), SignatureOptions())
    line = path.read_text().split("\n").index(planted) + 1
    assert unlocked.state is None or proofs(repo, now="2026-03-21T00:00:00Z")[(path.name, line)] is State.UNSIGNED
    result = run("check", str(repo.site), "--now", "2026-03-21T00:00:00Z", "--require-signatures")
    assert result.exit_code == 1


# 6. Deleting lines under a verified heading: a disclosure removed.

def test_deleting_lines_under_a_verified_heading_is_an_edit(repo: Repo) -> None:
    repo.base()
    signed = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full.\n\nSome files were lost.\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    publish(repo)
    repo.commit("Quieter", None, {PATH: without(signed, "Some files were lost.")})
    assert proofs(repo)[(Path(PATH).name, 10)] is State.UNSIGNED
    code, _, stderr = build(repo, "--require-signatures")
    assert code == 1
    assert "the update 2026-11-19T10:02:00+00:00 · identified · alice of incidents/2026-11-19-uploads was " \
           "published" in stderr and "is changed by commit" in stderr


def test_a_removed_published_update_needs_a_signature(repo: Repo) -> None:
    repo.base()
    signed = quoting("```", "```").replace("```", "") + "\n## 2026-11-19 11:00 UTC · resolved · alice\n\nDone.\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    publish(repo)
    removed = signed[:signed.index("\n## 2026-11-19 11:00")] + "\n"
    repo.commit("Reopen", None, {PATH: removed})
    code, _, stderr = verify(repo)
    assert code == 0
    assert f"{PATH}:20: warning: the update 2026-11-19T11:00:00+00:00 · resolved · alice of incidents/" \
           "2026-11-19-uploads was published" in stderr and "is removed by commit" in stderr
    assert build(repo, "--require-signatures")[0] == 1
    repo.git("reset", "-q", "--hard", "HEAD~1")
    repo.commit("Reopen: the resolution was wrong", "bob", {PATH: removed})
    code, _, stderr = build(repo, "--require-signatures")
    assert code == 0, stderr


def test_rewrapping_a_paragraph_or_crlf_is_no_edit_but_a_link_target_is(repo: Repo) -> None:
    repo.base()
    signed = HEADER + ("\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full; see [the notes]"
                       "(https://example.com/notes) for what we do next.\n")
    repo.commit("Upload errors", "alice", {PATH: signed})
    rewrapped = signed.replace("see [the notes]", "see\n[the notes]").replace("\n", "\r\n")
    (repo.site / PATH).write_bytes(rewrapped.encode())
    repo.commit("Wrap", None)
    assert proofs(repo)[(Path(PATH).name, 10)] is State.VERIFIED
    repo.commit("Link", None, {PATH: signed.replace("https://example.com/notes", "https://example.net/notes")})
    assert proofs(repo)[(Path(PATH).name, 10)] is State.UNSIGNED


def test_an_unsigned_timezone_change_makes_updates_without_a_zone_new(repo: Repo) -> None:
    """Each commit is parsed with its own site.toml: a time written without a zone moves, one with a zone not."""
    repo.base()
    signed = (HEADER.replace("09:40:00Z", "09:40:00") + "\n## 2026-11-19 10:02 · identified · alice\n\nA disk.\n"
              "\n## 2026-11-19 18:30 UTC · resolved · alice\n\nFixed.\n")
    repo.commit("Upload errors", "alice", {PATH: signed})
    assert proofs(repo)[(Path(PATH).name, 10)] is State.VERIFIED
    repo.commit("Zone", None, {"site.toml": SITE_TOML.replace("America/Chicago", "Asia/Tokyo")})
    found = proofs(repo)
    assert [found[(Path(PATH).name, line)] for line in (0, 10, 14)] == [State.UNSIGNED, State.UNSIGNED,
                                                                         State.VERIFIED]


# 7. The same unsigned update in two files.

def test_two_identical_unsigned_updates_each_show_their_state(repo: Repo) -> None:
    repo.base()
    text = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full.\n"
    repo.commit("Twins", None, {PATH: text, PATH.replace("uploads", "uploads-2"): text})
    out = repo.path.parent / "out"
    assert build(repo, "--verify-signatures")[0] == 0
    incidents = json.loads((out / "api/v2/incidents.json").read_text())["incidents"]
    assert len(incidents) == 2
    for incident in incidents:
        page = html.parse(str(out / "incidents" / incident["statusblog"]["key"] / "index.html"))
        shown = page.xpath("string(//p[@class='byline']/span[contains(@class, 'signature')])")
        assert "Not signed" in shown
        assert incident["incident_updates"][0]["statusblog"]["signature"]["state"] == "unsigned"


# 8. The builder's own git settings.

def test_a_global_blame_ignore_revs_file_hides_nothing(repo: Repo, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    repo.base()
    signed = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full.\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    edit = repo.commit("Quieter", None, {PATH: signed.replace("A disk is full.", "All is well.")})
    (repo.path / ".git-blame-ignore-revs").write_text(edit + "\n")
    repo.commit("Ignore formatting commits", None)
    config = tmp_path / "gitconfig"
    config.write_text("[blame]\n\tignoreRevsFile = .git-blame-ignore-revs\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    assert proofs(repo)[(Path(PATH).name, 10)] is State.UNSIGNED


# 9. Names beside a proof.

def test_a_verified_byline_shows_the_name_the_trust_root_lists(repo: Repo) -> None:
    repo.base()
    repo.commit("Upload errors", "alice", {PATH: HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA.\n"})
    keys = {"alice": [public(repo.keys, "alice")], "bob": [public(repo.keys, "bob")]}
    repo.commit("Rename", None, {"authors.toml": authors_toml(keys).replace("Alice Nguyen", "Mallory Root")})
    out = repo.path.parent / "out"
    assert build(repo, "--verify-signatures")[0] == 0
    page = html.parse(str(out / "incidents/2026-11-19-uploads/index.html"))
    byline = page.xpath("string(//p[@class='byline'])")
    assert "Alice Nguyen" in byline and "Mallory Root" not in byline and "Verified signature" in byline


# 10. The header: what the incident is.

@pytest.mark.parametrize(("field", "forged"), [("impact: critical", "impact: minor"),
                                               ("components: [api]", "components: [api, dashboard]"),
                                               ("title: Upload errors", "title: Upload errors (resolved)")])
def test_an_unsigned_header_change_is_not_verified(repo: Repo, field: str, forged: str) -> None:
    repo.base()
    signed = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full.\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    assert proofs(repo)[(Path(PATH).name, 0)] is State.VERIFIED
    publish(repo)
    repo.commit("Downgrade", None, {PATH: signed.replace(field, forged)})
    found = proofs(repo)
    assert (found[(Path(PATH).name, 0)], found[(Path(PATH).name, 10)]) == (State.UNSIGNED, State.VERIFIED)
    code, _, stderr = build(repo, "--require-signatures")
    assert code == 1
    assert f"{PATH}:1: error: the header (front matter and summary) is not verified: commit " in stderr
    assert f"{PATH}:1: error: the header (front matter and summary) of incidents/2026-11-19-uploads was " \
           "published" in stderr


def test_a_header_signed_by_any_registered_author_is_verified_and_says_whose(repo: Repo) -> None:
    repo.base()
    commit = repo.commit("Upload errors", "bob",
                         {PATH: HEADER + "\n## 2026-11-19 10:02 UTC · identified · bob\n\nA disk is full.\n"})
    out = repo.path.parent / "out"
    assert build(repo, "--require-signatures")[0] == 0
    page = html.parse(str(out / "incidents/2026-11-19-uploads/index.html"))
    header = " ".join(page.xpath("string(//p[@class='byline header-proof'])").split())
    assert header.startswith(f"Details and summary ✓ Verified signature: Bob Okafor (commit {commit[:12]}")
    signature = api_incident(out)["statusblog"]["signature"]
    assert (signature["state"], signature["signer"], signature["commit"], signature["path"]) == (
        "verified", "bob", commit, f"content/{PATH}")


# The work tree is not the commit.

def test_bytes_a_checkout_attribute_writes_are_not_committed(repo: Repo) -> None:
    """`ident` (pushable in .gitattributes) expands `$Id$` on checkout: the page would show text no commit has."""
    repo.base()
    signed = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full. $Id$\n"
    repo.commit("Upload errors", "alice", {PATH: signed})
    assert proofs(repo)[(Path(PATH).name, 10)] is State.VERIFIED
    (repo.path / ".gitattributes").write_text("*.md ident\n")
    repo.commit("Attributes", None)
    (repo.site / PATH).unlink()
    repo.git("checkout", "--", f"content/{PATH}")
    assert "$Id: " in (repo.site / PATH).read_text()
    assert proofs(repo)[(Path(PATH).name, 10)] is State.UNCOMMITTED


def test_an_incident_that_is_a_link_is_never_verified(repo: Repo) -> None:
    """git stores a link as its target's name: no commit holds the text the build reads through it."""
    repo.base()
    signed = HEADER + "\n## 2026-11-19 10:02 UTC · identified · alice\n\nA disk is full.\n"
    repo.commit("Draft", "alice", {"drafts/uploads.md": signed})
    (repo.site / "incidents").mkdir()
    (repo.site / PATH).symlink_to("../drafts/uploads.md")
    repo.commit("Publish the draft", "alice")
    found = proofs(repo)
    assert (found[(Path(PATH).name, 10)], found[(Path(PATH).name, 0)]) == (State.UNCOMMITTED, State.UNCOMMITTED)
