"""Signed bylines: is each update's heading committed under its author's key?

A byline names a person; this module proves it or says why it cannot. The
commit that last wrote a heading line (git blame) is the one that vouches
for it, so a later typo fix in the body by someone else leaves the byline
as it was, while a rewritten heading is vouched for by whoever rewrote it.

This is the only module that runs git. The result is a fact about the
source, like the model: it does not depend on "now". It is computed in a
fixed number of git processes (one blame per file, run in parallel, one
`git log` for every commit's signature, one `git cat-file` for old versions
of authors.toml), which keeps a thousand-incident site under a few seconds.

Trust: keys count only as listed in authors.toml at a trusted ref (or in an
external allowed-signers file), and, for the in-repository trust root, only
if the key was already listed for the author before the commit that wrote
the heading. A key that arrives with the post it signs proves nothing.
See docs/signatures.md for the threat model.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .config import load_authors
from .keys import KEY_HINT, KEY_TYPES, KeyFormatError, PublicKey, parse_key, readable_keys
from .model import Postmortem, Site, Update
from .problems import Problems, did_you_mean

REMOTE_BRANCHES = "refs/remotes/origin/"
REMOTE_DEFAULT = "refs/remotes/origin/HEAD"
DEFAULT_BRANCHES = ("refs/remotes/origin/main", "refs/remotes/origin/master")
NO_TRUST_ROOT_HINT = ("fetch the reviewed branch (git fetch origin main) or name it: --trust-ref "
                      "refs/remotes/origin/<branch>; on the default branch itself after a merge, --trust-ref HEAD")
COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
SHORT = 12
WORKERS = os.cpu_count() or 2
SHALLOW_HINT = ("fetch the whole history: 'git fetch --unshallow'; in GitHub Actions set 'fetch-depth: 0' "
                "on actions/checkout")


class State(StrEnum):
    VERIFIED = "verified"
    OTHER = "other"
    """Signed by a trusted key of another author."""
    UNKNOWN = "unknown"
    """Signed by a key that is not trusted for anyone (or not yet, when the update was written)."""
    BAD = "bad"
    """The signature does not match the commit: it was altered after signing."""
    UNSIGNED = "unsigned"
    UNCOMMITTED = "uncommitted"


@dataclass(frozen=True, slots=True)
class Byline:
    state: State
    signer: str | None
    """The author id whose trusted key signed the commit, if any."""
    commit: str
    """The full hash of the commit that wrote the heading; empty when not committed yet."""
    fingerprint: str
    """The signing key's fingerprint (SHA256:... for SSH, a key id for OpenPGP); empty when unsigned."""

    @property
    def short_commit(self) -> str:
        return self.commit[:SHORT]

    @property
    def verified(self) -> bool:
        return self.state is State.VERIFIED


@dataclass(frozen=True)
class Bylines(Mapping[tuple[str, int], Byline]):
    """(source path, heading line) -> Byline, plus the trust root it was judged against."""

    entries: Mapping[tuple[str, int], Byline]
    trust_root: str
    places: Mapping[Update | Postmortem, tuple[str, int] | None] = field(default_factory=dict)
    """Each signed heading's (source, line), None where two files hold the very same update."""

    def of(self, signed: Update | Postmortem | None) -> Byline | None:
        """The byline of an update or postmortem as a template holds it, which does not know its file."""
        place = self.places.get(signed) if signed is not None else None
        return self.entries.get(place) if place else None

    def __getitem__(self, key: tuple[str, int]) -> Byline:
        return self.entries[key]

    def __iter__(self) -> Iterator[tuple[str, int]]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


@dataclass(frozen=True, slots=True)
class SignatureOptions:
    require: bool = False
    trust_ref: str | None = None
    trusted_signers: Path | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    source: str
    line: int
    author: str
    signed: Update | Postmortem


@dataclass(frozen=True, slots=True)
class Signature:
    status: str
    """git's %G?: G good and trusted, U good but untrusted key, B bad, N none, E/X/Y/R cannot be trusted."""
    fingerprint: str


@dataclass(frozen=True, slots=True)
class TrustRoot:
    keys: Mapping[str, tuple[str, ...]]
    """Trusted key fingerprint -> the author ids it may sign for."""
    allowed_signers: str
    description: str
    authors_path: str | None
    """authors.toml relative to the repository top when keys must predate each commit; None for an external file."""


class GitError(Exception):
    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.hint = hint


class Git:
    """git in one repository, isolated from settings that would change what a signature or a blame means."""

    def __init__(self, site_root: Path, scratch: Path) -> None:
        gnupg = scratch / "gnupg"
        gnupg.mkdir(mode=0o700)
        # No replace refs (they can swap a commit for another), and an empty OpenPGP keyring, so the
        # machine's keys never decide a byline.
        self.env = {**os.environ, "GIT_NO_REPLACE_OBJECTS": "1", "GNUPGHOME": str(gnupg), "LC_ALL": "C",
                    "GIT_TERMINAL_PROMPT": "0"}
        self.shown = str(site_root)
        found = self.run("rev-parse", "--show-toplevel", "--is-shallow-repository", cwd=site_root, check=False)
        if found.returncode != 0:
            raise GitError(self.shown, "not inside a git repository: signatures need the site's history",
                           "build from a clone of the repository, not from an export")
        top, shallow = found.stdout.decode().splitlines()[:2]
        self.top = Path(top)
        if shallow == "true":
            raise GitError(self.shown, "the repository is a shallow clone: the commits that wrote older updates "
                                       "are missing, so their signatures cannot be checked", SHALLOW_HINT)
        if self.run("rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
            raise GitError(self.shown, "the repository has no commits yet",
                           "commit the site first, signed: git commit -S")

    def run(self, *args: str, stdin: bytes | None = None, cwd: Path | None = None,
            check: bool = True) -> subprocess.CompletedProcess[bytes]:
        command = ["git", "-c", "log.showSignature=false", "-c", "blame.ignoreRevsFile=", *args]
        try:
            done = subprocess.run(command, input=stdin, capture_output=True, cwd=cwd or self.top, env=self.env,
                                  check=False)
        except FileNotFoundError as exc:
            raise GitError(self.shown, "git is not installed", "install git to verify signatures") from exc
        if check and done.returncode != 0:
            raise GitError(self.shown, f"git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
        return done

    def relative(self, path: str | Path) -> str | None:
        """A path as git names it (relative to the top, '/' separated); None if outside the repository."""
        real = Path(os.path.realpath(path))
        top = Path(os.path.realpath(self.top))
        return real.relative_to(top).as_posix() if real.is_relative_to(top) else None

    def commit(self, ref: str) -> str | None:
        done = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}", check=False)
        return done.stdout.decode().strip() if done.returncode == 0 else None

    def ref_commit(self, ref: str) -> str | None:
        """The commit of a fully qualified ref (or HEAD), read exactly: for a missing ref, git would go on to
        guess (`refs/remotes/<name>`...), and a ref the change under test pushed could answer."""
        if ref != "HEAD":
            named = self.run("rev-parse", "--verify", "--quiet", "--symbolic-full-name", "--end-of-options", ref,
                             check=False)
            if named.stdout.decode(errors="replace").strip() != ref:
                return None
        return self.commit(ref)

    def blobs(self, names: Iterable[str]) -> dict[str, bytes | None]:
        """`<rev>:<path>` -> file contents (None when missing), all in one process."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        out = self.run("cat-file", "--batch", stdin="".join(name + "\n" for name in wanted).encode()).stdout
        result: dict[str, bytes | None] = {}
        position = 0
        for name in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].decode().split()
            position = end + 1
            if len(header) != 3 or header[1] != "blob":
                result[name] = None
                continue
            size = int(header[2])
            result[name] = out[position:position + size]
            position += size + 1
        return result


def parse_blame(porcelain: str) -> dict[int, str]:
    """Final line number -> commit, from `git blame --porcelain`.

    Each group starts with '<commit> <orig> <final> [<count>]'; commit details follow
    (only the first time a commit appears), and the line's content ends the group with a TAB.
    """
    result: dict[int, str] = {}
    expect_header = True
    for line in porcelain.split("\n"):
        if expect_header:
            parts = line.split(" ")
            if len(parts) >= 3 and COMMIT.match(parts[0]):
                result[int(parts[2])] = parts[0]
                expect_header = False
        elif line.startswith("\t"):
            expect_header = True
    return result


def _blame(git: Git, path: str, lines: list[int]) -> dict[int, str]:
    ranges = [arg for line in sorted(set(lines)) for arg in ("-L", f"{line},{line}")]
    return parse_blame(git.run("blame", "--porcelain", *ranges, "--", path).stdout.decode(errors="replace"))


def blame_headings(git: Git, files: Mapping[str, list[int]]) -> dict[tuple[str, int], str]:
    """(repository path, line) -> the commit that wrote that line; one blame per file, in parallel.

    Blame walks history once per file and spends most of its time asking each commit whether it changed
    the file. git's commit-graph with changed-path Bloom filters answers that without opening trees (five
    times faster here), so it is written first, as `git maintenance` would; where the repository is
    read-only that fails quietly and blame is only slower.
    """
    if files:
        git.run("commit-graph", "write", "--reachable", "--changed-paths", check=False)
    paths = sorted(files)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = pool.map(lambda path: _blame(git, path, files[path]), paths)
        return {(path, line): commit for path, blamed in zip(paths, results, strict=True)
                for line, commit in blamed.items()}


def _signatures(git: Git, commits: list[str], allowed_signers: Path) -> dict[str, Signature]:
    out = git.run("-c", f"gpg.ssh.allowedSignersFile={allowed_signers}", "log", "--no-walk=unsorted", "--stdin",
                  "--format=%H%x00%G?%x00%GF%x00%GK%x00", stdin="".join(c + "\n" for c in commits).encode()).stdout
    fields = out.decode(errors="replace").split("\x00")
    result = {}
    for start in range(0, len(fields) - 3, 4):
        commit, status, fingerprint, key = (field.strip() for field in fields[start:start + 4])
        result[commit] = Signature(status, fingerprint or key)
    return result


def check_commits(git: Git, commits: Iterable[str], allowed_signers: Path) -> dict[str, Signature]:
    """Every commit's signature, checked once, against the trusted signers.

    One `git log` checks a whole list; git starts ssh-keygen for each signature one after the other, so
    the list is split in one share per CPU, checked side by side.
    """
    wanted = sorted(set(commits))
    shares = [wanted[index::WORKERS] for index in range(WORKERS) if wanted[index::WORKERS]]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = pool.map(lambda share: _signatures(git, share, allowed_signers), shares)
        return {commit: signature for found in results for commit, signature in found.items()}


def authors_keys(text: bytes, scratch: Path, shown: str) -> dict[str, tuple[PublicKey, ...]]:
    """Author id -> readable signing keys of one version of authors.toml, read by the site's own loader."""
    path = scratch / "authors.toml"
    path.write_bytes(text)
    return {author.id: tuple(key for _, key in readable_keys(author.signing_keys) if key)
            for author in load_authors(path, shown, Problems()).values()}


def owners_by_fingerprint(keys: Mapping[str, Iterable[PublicKey]]) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for author in sorted(keys):
        for key in keys[author]:
            owners.setdefault(key.fingerprint, []).append(author)
    return {fingerprint: tuple(authors) for fingerprint, authors in owners.items()}


def _default_branch(git: Git) -> str | None:
    """The remote's default branch, fully qualified, or None.

    origin/HEAD counts only as the symbolic ref that `git clone` and `git remote set-head` make: a branch
    pushed under the name `HEAD` is fetched (as actions/checkout fetches) into the very same place as a
    plain ref, and would make the change under test its own trust root.
    """
    symbolic = git.run("symbolic-ref", "--quiet", REMOTE_DEFAULT, check=False)
    target = symbolic.stdout.decode(errors="replace").strip()
    if symbolic.returncode == 0 and target.startswith(REMOTE_BRANCHES) and target != REMOTE_DEFAULT \
            and git.ref_commit(target):
        return target
    return next((branch for branch in DEFAULT_BRANCHES if git.ref_commit(branch)), None)


def _default_trust_ref(git: Git) -> tuple[str, str]:
    """The merge-base with the remote's default branch: what was reviewed and merged before this change."""
    branch = _default_branch(git)
    if branch is None:
        raise GitError(git.shown, "no trust root: origin's default branch is not here (no symbolic origin/HEAD, "
                                  "no origin/main, no origin/master), and HEAD, the change itself, cannot vouch "
                                  "for itself", NO_TRUST_ROOT_HINT)
    base = git.run("merge-base", "HEAD", branch, check=False)
    if base.returncode != 0:
        raise GitError(git.shown, f"no trust root: HEAD shares no history with {branch}", NO_TRUST_ROOT_HINT)
    return base.stdout.decode().strip(), f"the merge-base of HEAD and {branch}"


def trust_ref_candidates(name: str) -> tuple[str, ...]:
    """Every ref a name could mean, in git's own order of guessing (gitrevisions(7)), plus HEAD itself."""
    if name.startswith("refs/"):
        return (name,)
    guesses = (f"refs/{name}", f"refs/tags/{name}", f"refs/heads/{name}", f"refs/remotes/{name}")
    return ("HEAD", *guesses) if name == "HEAD" else guesses


def resolve_trust_ref(git: Git, name: str) -> tuple[str, str]:
    """(commit, what it is) for --trust-ref: one full commit id or exactly one ref, never git's first guess.

    git would take a tag `origin/main` before the remote branch `origin/main`, and a branch `HEAD` can sit
    beside the checkout's HEAD: a name that two refs answer to is refused, so that a ref the change under
    test can push never decides which keys are trusted.
    """
    found = {ref: commit for ref in trust_ref_candidates(name) if (commit := git.ref_commit(ref))}
    if COMMIT.match(name) and (commit := git.commit(name)):
        found.setdefault(commit, commit)
    if len(found) > 1:
        raise GitError(git.shown, f"--trust-ref '{name}' is ambiguous: it names {' and '.join(sorted(found))}",
                       f"give the full name of the one you mean, e.g. --trust-ref {max(found, key=len)}")
    if not found:
        raise GitError(git.shown, f"--trust-ref '{name}' is not a commit in this repository",
                       "name a branch, tag or full commit id, e.g. --trust-ref refs/remotes/origin/main")
    ref, commit = next(iter(found.items()))
    return commit, f"--trust-ref {ref}"


def repository_trust(git: Git, site: Site, ref: str | None, scratch: Path, problems: Problems) -> TrustRoot:
    """The keys of authors.toml as it is at the trust ref: what a change under review cannot alter."""
    commit, how = _default_trust_ref(git) if ref is None else resolve_trust_ref(git, ref)
    shown = site.source_files.get("authors", "authors.toml")
    path = git.relative(Path(site.root) / "authors.toml")
    if path is None:
        raise GitError(shown, "authors.toml is outside the git repository", "keep the whole site in the repository")
    name = f"{commit}:{path}"
    text = git.blobs([name])[name]
    if text is None:
        problems.warning(shown, None, f"authors.toml does not exist at the trust ref ({commit[:SHORT]}), "
                                      "so no signing key is trusted yet",
                         "merge authors.toml with signing_keys first; keys count for changes after that")
    keys = authors_keys(text or b"", scratch, shown)
    lines = [f'{author} namespaces="git" {key.line}\n' for author in sorted(keys) for key in keys[author]]
    return TrustRoot(owners_by_fingerprint(keys), "".join(lines), f"authors.toml at {commit[:SHORT]}, {how}", path)


def external_trust(path: Path, site: Site, problems: Problems) -> TrustRoot:
    """An allowed-signers file kept outside the repository (ssh-keygen(1) format, principals = author ids)."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GitError(shown, f"cannot read the trusted signers file: {exc}") from exc
    keys: dict[str, list[PublicKey]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            tokens = shlex.split(line)
        except ValueError:
            tokens = []
        at = next((index for index, token in enumerate(tokens) if index and token in KEY_TYPES), len(tokens))
        if at + 1 >= len(tokens):
            problems.error(shown, number, "not an allowed-signers line",
                           "write '<author id> <key type> <base64 key>', see ALLOWED SIGNERS in ssh-keygen(1)")
            continue
        if any(token.startswith("cert-authority") for token in tokens[1:at]):
            problems.error(shown, number, "certificate authorities are not supported",
                           "list each author's own public key")
            continue
        try:
            key = parse_key(" ".join(tokens[at:at + 2]))
        except KeyFormatError as exc:
            problems.error(shown, number, f"the key {exc}", KEY_HINT)
            continue
        for principal in tokens[0].split(","):
            if principal not in site.authors:
                problems.warning(shown, number, f"'{principal}' is not an author id in authors.toml",
                                 did_you_mean(principal, site.authors) or "principals must be author ids")
            keys.setdefault(principal, []).append(key)
    return TrustRoot(owners_by_fingerprint(keys), text, f"the trusted signers file {shown}", None)


def keys_before(git: Git, trust: TrustRoot, signatures: Mapping[str, Signature], scratch: Path,
                shown: str) -> dict[str, Mapping[str, frozenset[str]]] | None:
    """Commit -> each author's key fingerprints in authors.toml just before it (first parent).

    None when the trust root is outside the repository: then no change can add a key.
    """
    if trust.authors_path is None:
        return None
    names = {commit: f"{commit}^:{trust.authors_path}"
             for commit, signature in sorted(signatures.items()) if signature.status == "G"}
    texts = git.blobs(names.values())
    parsed: dict[bytes, Mapping[str, frozenset[str]]] = {}
    result = {}
    for commit, name in names.items():
        text = texts[name] or b""
        if text not in parsed:
            keys = authors_keys(text, scratch, shown)
            parsed[text] = {author: frozenset(key.fingerprint for key in found) for author, found in keys.items()}
        result[commit] = parsed[text]
    return result


def judge(author: str, commit: str, signature: Signature | None, trust: TrustRoot,
          earlier: Mapping[str, frozenset[str]] | None) -> Byline:
    """One byline's state; `earlier` is the author's keys before the commit (None: no such rule)."""
    if not commit.strip("0"):
        return Byline(State.UNCOMMITTED, None, "", "")
    if signature is None or signature.status == "N":
        return Byline(State.UNSIGNED, None, commit, "")
    fingerprint = signature.fingerprint
    if signature.status == "B":
        return Byline(State.BAD, None, commit, fingerprint)
    owners = trust.keys.get(fingerprint, ()) if signature.status == "G" else ()
    if author in owners and (earlier is None or fingerprint in earlier.get(author, ())):
        return Byline(State.VERIFIED, author, commit, fingerprint)
    if owners and author not in owners:
        return Byline(State.OTHER, owners[0], commit, fingerprint)
    return Byline(State.UNKNOWN, None, commit, fingerprint)


def headings(site: Site) -> list[Heading]:
    """Every signed heading of the site: updates of incidents and maintenance, and postmortems."""
    found = []
    for incident in site.incidents:
        found += [Heading(incident.source, update.line, update.author, update) for update in incident.updates]
        if pm := incident.postmortem:
            found.append(Heading(incident.source, pm.line, pm.author, pm))
    for maintenance in site.maintenances:
        found += [Heading(maintenance.source, update.line, update.author, update) for update in maintenance.updates]
    return found


def _paths(git: Git, *args: str) -> set[str]:
    return set(filter(None, git.run(*args).stdout.decode(errors="surrogateescape").split("\x00")))


def created_whole(git: Git) -> dict[str, str]:
    """Path -> the commit that created it, for files that no other commit touched.

    Such a file, unchanged in the work tree, was written whole by that commit: blame would say so line by
    line, at a far higher price. Blame follows a file across a rename, so a commit that also deletes a file
    (maybe the same file under its old name) does not count. Merges are compared with each parent (-m).
    """
    out = git.run("log", "-m", "--root", "--no-renames", "--name-status", "-z", "--format=%x00commit %H").stdout
    touches: dict[str, list[tuple[str, str]]] = {}
    deleting: set[str] = set()
    commit, status = "", None
    for token in out.decode(errors="surrogateescape").split("\x00"):
        if status is not None:
            touches.setdefault(token, []).append((commit, status))
            if status == "D":
                deleting.add(commit)
            status = None
        elif token.startswith("commit "):
            commit = token.removeprefix("commit ")
        elif token.strip():
            status = token.strip()
    return {path: found[0][0] for path, found in touches.items()
            if len(found) == 1 and found[0][1] == "A" and found[0][0] not in deleting}


def lines_written(git: Git, site: Site, wanted: Mapping[str, list[int]]) -> dict[tuple[str, int], str]:
    """(repository path, line) -> the commit that wrote it, for the files in HEAD (the others are not committed)."""
    folder = git.relative(site.root) or "."
    in_head = _paths(git, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", folder)
    changed = _paths(git, "diff", "--name-only", "--no-renames", "-z", "HEAD", "--", folder)
    whole = created_whole(git)
    written: dict[tuple[str, int], str] = {}
    to_blame: dict[str, list[int]] = {}
    for path, lines in wanted.items():
        if path in whole and path not in changed:
            written.update({(path, line): whole[path] for line in lines})
        elif path in in_head:
            to_blame[path] = lines
    written.update(blame_headings(git, to_blame))
    return written


def _bylines(git: Git, site: Site, trust: TrustRoot, scratch: Path) -> dict[tuple[str, int], Byline]:
    wanted = headings(site)
    paths = {heading.source: git.relative(heading.source) for heading in wanted}
    for source, path in sorted(paths.items()):
        if path is None:
            raise GitError(source, "file is outside the git repository", "keep the whole site in the repository")
    files: dict[str, list[int]] = {}
    for heading in wanted:
        files.setdefault(paths[heading.source] or "", []).append(heading.line)
    written = lines_written(git, site, files)
    signers = scratch / "allowed_signers"
    signers.write_text(trust.allowed_signers, encoding="utf-8")
    signatures = check_commits(git, (c for c in written.values() if c.strip("0")), signers)
    earlier = keys_before(git, trust, signatures, scratch, site.source_files.get("authors", "authors.toml"))
    result = {}
    for heading in wanted:
        commit = written.get((paths[heading.source] or "", heading.line), "")
        result[(heading.source, heading.line)] = judge(
            heading.author, commit, signatures.get(commit), trust,
            None if earlier is None else earlier.get(commit, {}))
    return result


def _places(site: Site) -> dict[Update | Postmortem, tuple[str, int] | None]:
    places: dict[Update | Postmortem, tuple[str, int] | None] = {}
    for heading in headings(site):
        place = (heading.source, heading.line)
        places[heading.signed] = place if places.get(heading.signed, place) == place else None
    return places


def check_site_keys(site: Site, problems: Problems) -> None:
    """Every signing key in the site's authors.toml must be readable: an unreadable one verifies nothing."""
    shown = site.source_files.get("authors", "authors.toml")
    for author in site.authors.values():
        for index, text in enumerate(author.signing_keys):
            try:
                parse_key(text)
            except KeyFormatError as exc:
                problems.error(shown, author.line or None, f"author '{author.id}' signing_keys[{index}] {exc}",
                               KEY_HINT)


def verify_bylines(site: Site, options: SignatureOptions, problems: Problems) -> Bylines:
    """Every byline's state; with `require`, an error for each one not verified.

    When nothing can be verified (no git, a shallow clone, a bad trust ref) the reason is an error and
    the result is empty, so a build never goes on as if the bylines had been checked.
    """
    check_site_keys(site, problems)
    try:
        with tempfile.TemporaryDirectory(prefix="statusblog-signatures-") as directory:
            scratch = Path(directory)
            git = Git(Path(site.root), scratch)
            if options.trusted_signers is not None:
                trust = external_trust(options.trusted_signers, site, problems)
            else:
                trust = repository_trust(git, site, options.trust_ref, scratch, problems)
            bylines = Bylines(_bylines(git, site, trust, scratch), trust.description, _places(site))
    except GitError as exc:
        problems.error(exc.path, None, exc.message, exc.hint)
        return NO_BYLINES
    if options.require:
        require_verified(site, bylines, problems)
    return bylines


NO_BYLINES = Bylines({}, "")
"""What a build that does not verify signatures knows: nothing."""

LABELS = {
    State.VERIFIED: "verified",
    State.OTHER: "signed by someone else",
    State.UNKNOWN: "signed by an unknown key",
    State.BAD: "with a bad signature",
    State.UNSIGNED: "unsigned",
    State.UNCOMMITTED: "not committed yet",
}
HINTS = {
    State.OTHER: "the named author must sign the commit that writes this heading, or the byline must name the signer",
    State.UNKNOWN: "list the key in the author's signing_keys in an earlier change, merged before this one "
                   "(see docs/signatures.md)",
    State.BAD: "the commit was altered after it was signed; restore it or sign it again",
    State.UNSIGNED: "sign the commit that writes this heading (git -c gpg.format=ssh commit -S); "
                    "'git commit --amend -S' signs the last one",
    State.UNCOMMITTED: "commit it, signed: git commit -S",
}


def describe(byline: Byline) -> str:
    """The state in one plain sentence, for messages, feeds and the API."""
    commit, key = byline.short_commit, byline.fingerprint
    return {
        State.VERIFIED: f"signed by {byline.signer}'s key {key} in commit {commit}",
        State.OTHER: f"commit {commit} is signed by {byline.signer}'s key {key}, not by the named author",
        State.UNKNOWN: f"commit {commit} is signed by {key}, which is not a trusted key of the named author",
        State.BAD: f"the signature of commit {commit} does not match the commit",
        State.UNSIGNED: f"commit {commit} is not signed",
        State.UNCOMMITTED: "not committed yet",
    }[byline.state]


def require_verified(site: Site, bylines: Mapping[tuple[str, int], Byline], problems: Problems) -> None:
    for heading in headings(site):
        byline = bylines.get((heading.source, heading.line))
        if byline is not None and not byline.verified:
            problems.error(heading.source, heading.line,
                           f"byline '{heading.author}' is not verified: {describe(byline)}", HINTS[byline.state])


def summary(bylines: Bylines) -> str:
    counts = {state: 0 for state in State}
    for byline in bylines.values():
        counts[byline.state] += 1
    parts = [f"{count} {LABELS[state]}" for state, count in counts.items() if count] or ["no bylines"]
    return f"signatures: {', '.join(parts)} (trust root: {bylines.trust_root})"


def byline_fields(byline: Byline | None) -> dict[str, str | None] | None:
    """A byline's proof as machines read it (API, JSON Feed); None when the build did not verify signatures."""
    if byline is None:
        return None
    return {"state": byline.state.value, "signer": byline.signer, "commit": byline.commit or None,
            "key": byline.fingerprint or None, "description": describe(byline)}
