"""Signed bylines: is each update's heading committed under its author's key, and its text proven too?

A byline names a person; this module proves it or says why it cannot. The
commit that last wrote a heading line (git blame) is the one that vouches
for it, so a rewritten heading is vouched for by whoever rewrote it. Every
other commit that last wrote a line of the text under it is an edit, which
must carry its own proof (any registered author's trusted key), or the
byline is EDITED and never shown as verified. Lines are git's lines
(generator/frontmatter.py), so the line blame is asked about is the line the
parser read.

This is the only module that runs git. The result is a fact about the
source, like the model: it does not depend on "now". It is computed in a
fixed number of git processes (one blame per file, run in parallel, one
`git log` for every commit's signature, one `git cat-file` for old versions
of authors.toml), which keeps a thousand-incident site under a few seconds.

Trust: keys count only as listed in authors.toml at a trusted ref (or in an
external allowed-signers file), and, for the in-repository trust root, only
if the key was already listed for the author before the commit that wrote
the heading. A key that arrives with the post it signs proves nothing. The
trust ref is read as one fully qualified ref, never by git's guessing, so
no branch or tag the change under test pushes can become it.
See docs/signatures.md for the threat model.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from .config import load_authors
from .frontmatter import SourceError, read_text, split_lines
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
    EDITED = "edited"
    """The heading is verified, but a line of the text under it was last written by a commit that proves nothing."""


@dataclass(frozen=True, slots=True)
class Byline:
    state: State
    signer: str | None
    """The author id whose trusted key signed the commit, if any."""
    commit: str
    """The full hash of the commit that wrote the heading; empty when not committed yet."""
    fingerprint: str
    """The signing key's fingerprint (SHA256:... for SSH, a key id for OpenPGP); empty when unsigned."""
    edits: tuple[Byline, ...] = ()
    """The other commits that last wrote a line of the text under the heading, each judged as anyone's proof
    (its `signer` is whichever author's trusted key signed it), in the order their lines first appear."""

    @property
    def short_commit(self) -> str:
        return self.commit[:SHORT]

    @property
    def verified(self) -> bool:
        return self.state is State.VERIFIED

    @property
    def editors(self) -> tuple[str, ...]:
        """Author ids of the proven edits, each once: "edited by Bob, verified"."""
        return tuple(dict.fromkeys(edit.signer for edit in self.edits if edit.verified and edit.signer))

    @property
    def unproven_edit(self) -> Byline | None:
        """The first edit that proves nothing, which makes a verified heading's byline EDITED."""
        return next((edit for edit in self.edits if not edit.verified), None)


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
        top, shallow = split_lines(found.stdout.decode(errors="surrogateescape"))[:2]
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
    """Final line number -> commit, from `git blame --porcelain`, for lines that hold more than whitespace.

    Each group starts with '<commit> <orig> <final> [<count>]'; commit details follow
    (only the first time a commit appears), and the line's content ends the group with a TAB.
    A blank line carries no words, and each new update writes one above its heading: it proves nothing
    and needs no proof.
    """
    result: dict[int, str] = {}
    header: tuple[int, str] | None = None
    for line in porcelain.split("\n"):
        if header is None:
            parts = line.split(" ")
            if len(parts) >= 3 and COMMIT.match(parts[0]):
                header = (int(parts[2]), parts[0])
        elif line.startswith("\t"):
            if line[1:].strip():
                result[header[0]] = header[1]
            header = None
    return result


def _blame(git: Git, path: str, first: int) -> dict[int, str]:
    return parse_blame(git.run("blame", "--porcelain", "-L", f"{first},", "--", path).stdout.decode(errors="replace"))


def blame_lines(git: Git, files: Mapping[str, int]) -> dict[str, dict[int, str]]:
    """Path -> {line: the commit that last wrote it}, from a first line to the end; one blame per file, in parallel.

    Blame walks history once per file and spends most of its time asking each commit whether it changed
    the file. git's commit-graph with changed-path Bloom filters answers that without opening trees (five
    times faster here), so it is written first, as `git maintenance` would; where the repository is
    read-only that fails quietly and blame is only slower.
    """
    if files:
        git.run("commit-graph", "write", "--reachable", "--changed-paths", check=False)
    paths = sorted(files)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(zip(paths, pool.map(lambda path: _blame(git, path, files[path]), paths), strict=True))


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
        text = read_text(path)
    except SourceError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise GitError(shown, f"cannot read the trusted signers file: {where}{exc.message}", exc.hint) from exc
    keys: dict[str, list[PublicKey]] = {}
    for number, raw in enumerate(split_lines(text), start=1):
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


@dataclass(frozen=True, slots=True)
class Blamed:
    """Who wrote each line of a file, from blame, in line order."""

    lines: tuple[int, ...]
    commits: tuple[str, ...]

    def commits_in(self, lines: range) -> list[str]:
        start, stop = bisect_left(self.lines, lines.start), bisect_left(self.lines, lines.stop)
        return list(self.commits[start:stop])


Written = str | Blamed
"""Who wrote a file's lines: one commit for all of them, or each line's commit."""


def lines_written(git: Git, site: Site, wanted: Mapping[str, int]) -> dict[str, Written]:
    """Repository path -> who wrote its lines from the given first line on, for the files in HEAD
    (the others are not committed)."""
    folder = git.relative(site.root) or "."
    in_head = _paths(git, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", folder)
    changed = _paths(git, "diff", "--name-only", "--no-renames", "-z", "HEAD", "--", folder)
    whole = created_whole(git)
    written: dict[str, Written] = {path: whole[path] for path in wanted if path in whole and path not in changed}
    blamed = blame_lines(git, {path: first for path, first in wanted.items()
                               if path in in_head and path not in written})
    written.update({path: Blamed(tuple(sorted(found)), tuple(found[line] for line in sorted(found)))
                    for path, found in blamed.items()})
    return written


def spans(wanted: list[Heading]) -> dict[tuple[str, int], range]:
    """(source, heading line) -> the lines its proof covers: the heading and all the text under it, up to the
    next signed heading of the file (an update or the postmortem), or to the end of the file."""
    starts: dict[str, list[int]] = {}
    for heading in wanted:
        starts.setdefault(heading.source, []).append(heading.line)
    result = {}
    for source, lines in starts.items():
        ordered = sorted(set(lines))
        ends = [*ordered[1:], None]
        for start, end in zip(ordered, ends, strict=True):
            result[(source, start)] = range(start, end if end is not None else sys.maxsize)
    return result


def commits_of(written: Written | None, lines: range) -> tuple[str, list[str]]:
    """The commit that wrote the first of `lines` (the heading), and those that wrote the rest, in line order;
    "" for what is not in HEAD."""
    if written is None:
        return "", []
    if isinstance(written, str):
        return written, []
    heading = written.commits_in(range(lines.start, lines.start + 1)) or [""]
    return heading[0], written.commits_in(range(lines.start + 1, lines.stop))


def judge_edit(commit: str, signature: Signature | None, trust: TrustRoot,
               earlier: Mapping[str, frozenset[str]] | None) -> Byline:
    """An edit under a heading proves itself when any author's trusted key signed it (listed before it, as a
    heading's key must be); then `signer` names that author."""
    owners = trust.keys.get(signature.fingerprint, ()) if signature and signature.status == "G" else ()
    for owner in owners:
        proof = judge(owner, commit, signature, trust, earlier)
        if proof.verified:
            return proof
    proof = judge("", commit, signature, trust, earlier)
    return replace(proof, state=State.UNKNOWN, signer=None) if proof.state is State.OTHER else proof


def with_edits(heading: Byline, edits: tuple[Byline, ...]) -> Byline:
    """The byline of a heading and the text under it: text that only an unproven commit vouches for turns a
    verified heading into EDITED, so it is never shown as verified."""
    byline = replace(heading, edits=edits)
    if byline.verified and byline.unproven_edit is not None:
        return replace(byline, state=State.EDITED)
    return byline


def _bylines(git: Git, site: Site, trust: TrustRoot, scratch: Path) -> dict[tuple[str, int], Byline]:
    wanted = headings(site)
    paths = {heading.source: git.relative(heading.source) for heading in wanted}
    for source, path in sorted(paths.items()):
        if path is None:
            raise GitError(source, "file is outside the git repository", "keep the whole site in the repository")
    first: dict[str, int] = {}
    for heading in wanted:
        path = paths[heading.source] or ""
        first[path] = min(first.get(path, heading.line), heading.line)
    written = lines_written(git, site, first)
    covered = spans(wanted)
    commits = {place: commits_of(written.get(paths[place[0]] or ""), lines) for place, lines in covered.items()}
    signers = scratch / "allowed_signers"
    signers.write_text(trust.allowed_signers, encoding="utf-8")
    signatures = check_commits(git, (c for heading, rest in commits.values() for c in (heading, *rest) if c.strip("0")),
                               signers)
    earlier = keys_before(git, trust, signatures, scratch, site.source_files.get("authors", "authors.toml"))

    def keys_at(commit: str) -> Mapping[str, frozenset[str]] | None:
        return None if earlier is None else earlier.get(commit, {})

    result = {}
    for heading in wanted:
        place = (heading.source, heading.line)
        commit, rest = commits[place]
        edits = tuple(judge_edit(other, signatures.get(other), trust, keys_at(other))
                      for other in dict.fromkeys(rest) if other != commit)
        result[place] = with_edits(judge(heading.author, commit, signatures.get(commit), trust, keys_at(commit)),
                                   edits)
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
    State.EDITED: "edited after signing, without proof",
}
HINTS = {
    State.OTHER: "the named author must sign the commit that writes this heading, or the byline must name the signer",
    State.UNKNOWN: "list the key in the author's signing_keys in an earlier change, merged before this one "
                   "(see docs/signatures.md)",
    State.BAD: "the commit was altered after it was signed; restore it or sign it again",
    State.UNSIGNED: "sign the commit that writes this heading (git -c gpg.format=ssh commit -S); "
                    "'git commit --amend -S' signs the last one",
    State.UNCOMMITTED: "commit it, signed: git commit -S",
    State.EDITED: "the text under a heading is proven line by line: sign the commit that changed it with a "
                  "registered author's key (git commit --amend -S for the last one), or undo the change",
}
EDIT_FACTS = {
    State.VERIFIED: "signed by {signer}'s key {key}",
    State.UNKNOWN: "signed by {key}, which is not a trusted key",
    State.BAD: "altered after it was signed",
    State.UNSIGNED: "not signed",
}


def describe(byline: Byline) -> str:
    """The state in one plain sentence, for messages, feeds and the API."""
    commit, key = byline.short_commit, byline.fingerprint
    if byline.state is State.EDITED and (edit := byline.unproven_edit) is not None:
        return (f"signed by {byline.signer}'s key {key} in commit {commit}, but the text under it was changed "
                f"{describe_edit(edit)}")
    if byline.verified and byline.edits:
        edits = "; ".join(describe_edit(edit) for edit in byline.edits)
        return f"signed by {byline.signer}'s key {key} in commit {commit}; the text under it was edited {edits}"
    return {
        State.VERIFIED: f"signed by {byline.signer}'s key {key} in commit {commit}",
        State.OTHER: f"commit {commit} is signed by {byline.signer}'s key {key}, not by the named author",
        State.UNKNOWN: f"commit {commit} is signed by {key}, which is not a trusted key of the named author",
        State.BAD: f"the signature of commit {commit} does not match the commit",
        State.UNSIGNED: f"commit {commit} is not signed",
        State.UNCOMMITTED: "not committed yet",
    }[byline.state]


def describe_edit(edit: Byline) -> str:
    """Where and how one edit of the text under a heading is proven, or why it is not."""
    if edit.state is State.UNCOMMITTED:
        return "and the change is not committed yet"
    return f"in commit {edit.short_commit}, " + EDIT_FACTS[edit.state].format(signer=edit.signer,
                                                                              key=edit.fingerprint)


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


def byline_fields(byline: Byline | None) -> dict[str, object] | None:
    """A byline's proof as machines read it (API, JSON Feed); None when the build did not verify signatures."""
    if byline is None:
        return None
    return {"state": byline.state.value, "signer": byline.signer, "commit": byline.commit or None,
            "key": byline.fingerprint or None, "description": describe(byline),
            "edits": [{"state": edit.state.value, "signer": edit.signer, "commit": edit.commit or None,
                       "key": edit.fingerprint or None} for edit in byline.edits]}
