"""Published proofs (`publish_proofs = true`): the git objects of each verified byline, checked exactly as
docs/signatures.md tells a customer to, with git and ssh-keygen alone, on real signed repositories."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import threading
from pathlib import Path

import pytest

from generator.core.media import media_type
from generator.proof import evidence
from tests.conftest import DEMO_NOW, REPO
from tests.sites import INVESTIGATING, SITE_TOML, run
from tests.support.signing import Repo, public

NOW = "2026-11-20T15:00:00Z"
BASE_URL = "https://status.example.com/"
PUBLISHING = SITE_TOML + "publish_proofs = true\n"
INCIDENT_PATH = "incidents/2026-03-14-api-errors.md"
RESOLVED = """
## 2026-03-14 11:02 UTC · resolved · alice

Error rates are back to normal.
"""
pytestmark = pytest.mark.usefixtures("isolated_git")


def documented(heading: str) -> str:
    """A shell block of docs/signatures.md, as a reader would paste it: the first after `heading`."""
    docs = (REPO / "docs" / "signatures.md").read_text(encoding="utf-8")
    return docs.split(heading, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def build(repo: Repo, *extra: str) -> tuple[Path, object]:
    out = repo.path.parent / "out"
    result = run("build", str(repo.site), "--out", str(out), "--now", NOW, "--verify-signatures", *extra)
    assert result.exit_code == 0, result.output + result.stderr
    return out, result


def signatures(out: Path) -> list[dict]:
    """Every signature object of the API's incidents, headers first, oldest update first."""
    found = []
    for incident in json.loads((out / "api/v2/incidents.json").read_text())["incidents"]:
        found.append(incident["statusblog"]["signature"])
        found += [update["statusblog"]["signature"] for update in reversed(incident["incident_updates"])]
    return found


def published(out: Path, url: str) -> Path:
    """The built file a proof's absolute URL names (every site here publishes at a host's root)."""
    base, _, path = url.partition("/proofs/")
    assert base.count("/") == 2, url
    return out / "proofs" / path


def download(out: Path, signature: dict, into: Path) -> Path:
    """What the documented download gets: the manifest, the allowed-signers file, every object it lists."""
    manifest_path = published(out, signature["proof"])
    manifest = json.loads(manifest_path.read_text())
    into.mkdir()
    shutil.copy(manifest_path, into / "proof.json")
    shutil.copy(published(out, manifest["allowed_signers"]), into / "allowed_signers")
    for obj in manifest["objects"]:
        shutil.copy(published(out, obj["url"]), into / f"{obj['id']}.{obj['type']}")
    return into


def check(folder: Path, signature: dict) -> subprocess.CompletedProcess[str]:
    """The documented check, run as written, with the commit and path of the signature object."""
    env = {**os.environ, "COMMIT": signature["commit"], "FILE": signature["path"]}
    return subprocess.run(["bash", "-e", "-c", documented("Then, in that folder")], cwd=folder, env=env,
                          capture_output=True, text=True)


def signed_site(repo: Repo) -> tuple[str, str]:
    """An incident written by alice, then resolved by her in a second signed commit."""
    repo.base()
    first = repo.commit("Incident", "alice", {"site.toml": PUBLISHING, INCIDENT_PATH: INCIDENT_TEXT})
    second = repo.commit("Resolved", "alice", {INCIDENT_PATH: INCIDENT_TEXT + RESOLVED})
    return first, second


INCIDENT_TEXT = INVESTIGATING


def test_a_published_proof_checks_with_git_and_ssh_keygen_alone(repo: Repo, tmp_path: Path) -> None:
    first, second = signed_site(repo)
    out, _ = build(repo)
    header, investigating, resolved = signatures(out)
    assert [s["state"] for s in (header, investigating, resolved)] == ["verified"] * 3
    assert header["proof"] == investigating["proof"] == f"{BASE_URL}proofs/{first}/proof.json"
    assert resolved["proof"] == f"{BASE_URL}proofs/{second}/proof.json"
    for number, signature in enumerate((investigating, resolved)):
        done = check(download(out, signature, tmp_path / f"proof-{number}"), signature)
        assert done.returncode == 0, done.stdout + done.stderr
        assert 'Good "git" signature for alice' in done.stderr
        blob = repo.git("rev-parse", f"{signature['commit']}:content/{INCIDENT_PATH}").strip()
        assert f"blob {blob}\tcontent/{INCIDENT_PATH}" in done.stdout
    # The resolved update's parent held the file without it: the diff the reader sees adds it.
    assert "+## 2026-03-14 11:02 UTC · resolved · alice" in check(tmp_path / "proof-1", resolved).stdout
    feed = json.loads((out / "feed.json").read_text())["items"]
    assert sorted(item["_statusblog"]["signature"]["proof"] for item in feed) == sorted(
        [investigating["proof"], resolved["proof"]])


@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("jq")), reason="the documented download uses curl and jq")
def test_the_documented_download_fetches_a_proof_over_http_that_checks(repo: Repo, tmp_path: Path) -> None:
    """The site served on 127.0.0.1 at its base_url; the download block of the docs, given the proof's URL,
    fetches what the check needs, and the check passes."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(repo.path.parent / "out"))
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        repo.base()
        repo.commit("Incident", "alice", {"site.toml": PUBLISHING.replace(BASE_URL, base), INCIDENT_PATH: INCIDENT_TEXT})
        out, _ = build(repo)
        header = signatures(out)[0]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            steps = documented("### Check a proof yourself").split("\n", 1)[1]  # the first line names an example
            fetched = subprocess.run(["bash", "-e", "-c", steps], cwd=tmp_path, capture_output=True, text=True,
                                     env={**os.environ, "PROOF": header["proof"]})
        finally:
            server.shutdown()
    assert fetched.returncode == 0, fetched.stderr
    done = check(tmp_path / "proof", header)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Good "git" signature for alice' in done.stderr


def test_a_proof_from_a_sha256_repository_checks_too(tmp_path: Path, keys: dict[str, Path]) -> None:
    """Its commit carries `gpgsig-sha256`, its trees 32-byte ids; the documented check hashes them alike."""
    (tmp_path / "repo").mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", "--object-format=sha256"], cwd=tmp_path / "repo", check=True)
    repo = Repo(tmp_path / "repo", keys)
    signed_site(repo)
    out, _ = build(repo)
    resolved = signatures(out)[2]
    assert resolved["state"] == "verified" and len(resolved["commit"]) == 64
    assert b"\ngpgsig-sha256 " in published(out, resolved["proof"]).parent.parent.joinpath(
        "objects", f"{resolved['commit']}.commit").read_bytes()
    done = check(download(out, resolved, tmp_path / "proof"), resolved)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Good "git" signature for alice' in done.stderr


def test_an_edited_update_links_the_proof_of_its_edit_too(repo: Repo, tmp_path: Path) -> None:
    """Alice's update with bob's signed typo fix: the text shown is bob's commit's, so its proof is linked
    beside alice's, and it checks with bob's key."""
    repo.base()
    written = repo.commit("Incident", "alice", {"site.toml": PUBLISHING, INCIDENT_PATH: INCIDENT_TEXT})
    fixed = repo.commit("Typo", "bob", {INCIDENT_PATH: INCIDENT_TEXT.replace("elevated 5xx", "elevated HTTP 5xx")})
    out, _ = build(repo)
    update = signatures(out)[1]
    assert update["proof"] == f"{BASE_URL}proofs/{written}/proof.json"
    assert [(edit["commit"], edit["proof"]) for edit in update["edits"]] == [
        (fixed, f"{BASE_URL}proofs/{fixed}/proof.json")]
    edit = update["edits"][0]
    done = check(download(out, edit, tmp_path / "edit"), edit)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Good "git" signature for bob' in done.stderr
    assert "+We see elevated HTTP 5xx rates." in done.stdout


@pytest.mark.parametrize("tamper", ["blob", "commit", "allowed_signers"])
def test_a_tampered_proof_fails_the_documented_check(repo: Repo, tmp_path: Path, tamper: str) -> None:
    _, second = signed_site(repo)
    out, _ = build(repo)
    resolved = signatures(out)[2]
    folder = download(out, resolved, tmp_path / "proof")
    if tamper == "allowed_signers":  # another key under alice's name: not the key that signed
        (folder / "allowed_signers").write_text(f'alice namespaces="git" {public(repo.keys, "eve")}\n')
    else:  # the signed text, or the commit's message, changed by one character
        blob = repo.git("rev-parse", f"{second}:content/{INCIDENT_PATH}").strip()
        name = folder / (f"{blob}.blob" if tamper == "blob" else f"{second}.commit")
        changed = name.read_bytes().replace(b"back to normal", b"back to NORMAL").replace(b"Resolved", b"Resolve!")
        assert changed != name.read_bytes()
        name.write_bytes(changed)
    done = check(folder, resolved)
    assert done.returncode != 0
    if tamper != "allowed_signers":
        assert "does not hash to its name" in done.stdout + done.stderr
    assert 'Good "git" signature for alice' not in done.stderr


def test_a_proof_publishes_no_other_file_and_escapes_file_names(repo: Repo) -> None:
    """A secret beside the site and another incident beside the proven one: their names are in the trees a
    reader needs, their contents are not published; an odd file name reaches JSON escaped."""
    repo.base()
    odd = 'incidents/2026-03-14-<img src=x onerror=alert(1)> "q".md'
    (repo.path / "secret.txt").write_text("TOKEN=hunter2\n")
    repo.commit("Secret", None, {"incidents/2026-01-01-other.md": INCIDENT_TEXT.replace("api", "dashboard")
                                 .replace("09:20 UTC · investigating · alice", "09:20 UTC · investigating · bob")})
    commit = repo.commit("Incident", "alice", {"site.toml": PUBLISHING, odd: INCIDENT_TEXT})
    out, _ = build(repo)
    proofs = [s for s in signatures(out) if s["proof"]]
    assert {s["commit"] for s in proofs} == {commit}
    assert proofs[0]["path"] == f"content/{odd}"
    objects = sorted((out / "proofs/objects").iterdir())
    blobs = {path.read_bytes() for path in objects if path.suffix == ".blob"}
    assert blobs == {(repo.site / odd).read_bytes()}
    assert not any(b"hunter2" in path.read_bytes() for path in out.rglob("*") if path.is_file())
    manifest = (out / f"proofs/{commit}/proof.json").read_bytes()
    assert b"<img" not in manifest and json.loads(manifest)["files"][0]["path"] == f"content/{odd}"
    for kind in ("commit", "tree", "blob"):  # never a page, script or image a browser would run or show
        assert not media_type(f"proofs/objects/{objects[0].stem}.{kind}").startswith(
            ("text/", "image/", "application/xhtml", "application/xml", "application/javascript"))


def test_without_publish_proofs_nothing_is_published_and_no_proof_is_linked(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {INCIDENT_PATH: INCIDENT_TEXT})
    out, _ = build(repo)
    assert not (out / "proofs").exists()
    assert [s["proof"] for s in signatures(out)] == [None, None]
    assert [s["state"] for s in signatures(out)] == ["verified", "verified"]


def test_an_unverified_byline_links_no_proof(repo: Repo) -> None:
    repo.base()
    repo.commit("Incident", "alice", {"site.toml": PUBLISHING, INCIDENT_PATH: INCIDENT_TEXT})
    repo.commit("Resolved, unsigned", None, {INCIDENT_PATH: INCIDENT_TEXT + RESOLVED})
    out, _ = build(repo)
    _, investigating, resolved = signatures(out)
    assert resolved["state"] == "unsigned" and resolved["proof"] is None
    assert investigating["proof"] and (published(out, investigating["proof"])).is_file()
    assert len(list((out / "proofs").glob("*/proof.json"))) == 1


def test_over_the_budget_the_newest_proofs_are_published_and_the_rest_say_so(
        repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each incident in its own signed commit; the budget, lowered, holds the newest incident's proof only."""
    repo.base()
    repo.commit("Settings", "alice", {"site.toml": PUBLISHING})
    older = repo.commit("Older", "alice", {"incidents/2026-03-01-old.md": INCIDENT_TEXT.replace("03-14", "03-01")})
    newer = repo.commit("Newer", "alice", {INCIDENT_PATH: INCIDENT_TEXT})
    out, _ = build(repo)
    everything = list((out / "proofs").rglob("*.*"))
    monkeypatch.setattr(evidence, "MAX_FILES", len(everything) - 1)
    shutil.rmtree(out)
    out, result = build(repo)
    assert "the proofs of 1 signed commits are not published: the proofs' budget" in result.output + result.stderr
    linked = {s["commit"]: s["proof"] for s in signatures(out)}
    assert linked[older] is None
    assert published(out, linked[newer]).is_file()
    assert not (out / "proofs" / older).exists()
    assert len(list((out / "proofs").rglob("*.*"))) <= len(everything) - 1


def test_a_proof_with_an_object_too_large_for_the_host_is_left_out(repo: Repo,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An object the host would not serve leaves that proof out, not the build broken: the bylines stay
    verified and link no proof."""
    repo.base()
    first = repo.commit("Incident", "alice", {"site.toml": PUBLISHING, INCIDENT_PATH: INCIDENT_TEXT})
    long_text = INCIDENT_TEXT + RESOLVED + "\nWhat we found. " * 500
    second = repo.commit("Resolved", "alice", {INCIDENT_PATH: long_text})
    monkeypatch.setattr(evidence, "MAX_OBJECT_BYTES", len(long_text.encode()) - 1)
    out, result = build(repo)
    assert [(s["state"], s["proof"] is None) for s in signatures(out)] == [("verified", False), ("verified", False),
                                                                         ("verified", True)]
    assert not (out / "proofs" / second).exists() and (out / "proofs" / first).is_dir()
    assert "the proofs of 1 signed commits are not published" in result.output + result.stderr


@pytest.mark.parametrize(("value", "message"), [
    ('"yes"', "'publish_proofs' must be true or false, not text\n    hint: write true or false, without quotes"),
    ("1", "'publish_proofs' must be true or false, not a number"),
])
def test_a_bad_publish_proofs_is_a_clear_error(repo: Repo, value: str, message: str) -> None:
    repo.base()
    (repo.site / "site.toml").write_text(SITE_TOML + f"publish_proofs = {value}\n")
    out = repo.path.parent / "out"
    result = run("build", str(repo.site), "--out", str(out), "--now", NOW)
    assert result.exit_code != 0
    assert f"site.toml:5: error: {message}" in result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not out.exists()


def test_a_free_page_may_not_take_the_proofs_name(repo: Repo) -> None:
    repo.base()
    (repo.site / "pages").mkdir()
    (repo.site / "pages" / "proofs.md").write_text("---\ntitle: Proofs\n---\n\nMine.\n")
    result = run("check", str(repo.site), "--now", NOW)
    assert result.exit_code != 0
    assert "page slug 'proofs' is taken by the site's own pages" in result.output + result.stderr


@pytest.mark.slow
def test_the_demo_publishes_its_proofs(repo: Repo, demo_root: Path, tmp_path: Path) -> None:
    """The demo, its registries merged first, then each incident and maintenance in its own commit signed by
    maya's key: every verified byline links a proof that checks."""
    shutil.copytree(demo_root, repo.site, ignore=shutil.ignore_patterns("incidents", "maintenance"))
    authors = (repo.site / "authors.toml").read_text(encoding="utf-8")
    (repo.site / "authors.toml").write_text(
        authors.replace("[maya]\n", f'[maya]\nsigning_keys = ["{public(repo.keys, "alice")}"]\n', 1), encoding="utf-8")
    settings = repo.site / "site.toml"
    settings.write_text("publish_proofs = true\n" + settings.read_text(encoding="utf-8"), encoding="utf-8")
    base = repo.commit("The demo's registries")
    repo.git("update-ref", "refs/remotes/origin/main", base)
    repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    for folder in ("incidents", "maintenance"):
        (repo.site / folder).mkdir()
        for source in sorted((demo_root / folder).glob("*.md")):
            shutil.copy(source, repo.site / folder / source.name)
            repo.commit(f"{folder}: {source.stem}", "alice")
    out = repo.path.parent / "out"
    result = run("build", str(repo.site), "--out", str(out), "--now", DEMO_NOW, "--verify-signatures")
    assert result.exit_code == 0, result.stderr
    files = [path for path in (out / "proofs").rglob("*") if path.is_file()]
    print(f"demo proofs: {len(files)} files, {sum(path.stat().st_size for path in files):,} bytes")
    headers = [s for s in signatures(out) if s["state"] == "verified"]
    assert headers and all(s["proof"] for s in headers)
    done = check(download(out, headers[0], tmp_path / "proof"), headers[0])
    assert done.returncode == 0, done.stdout + done.stderr
