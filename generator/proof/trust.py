"""The trust root: which keys may vouch for a byline, read where the change under test cannot move them.

The remote's default branch as the symbolic `origin/HEAD` names it, or a ref
the build is given explicitly (never a branch name guessed: where `master`
is the default, anyone who can push a branch can push `main`), whose
authors.toml lists the keys; or an allowed-signers file the build is given;
and which of those keys were listed before a commit.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.keys import KEY_HINT, KEY_TYPES, KeyFormatError, PublicKey, parse_key, readable_keys
from ..core.model import Author, Site
from ..core.problems import Problems, did_you_mean
from ..source.frontmatter import SourceError, read_text, split_lines
from ..source.registries import load_authors
from .bylines import SHORT
from .git import COMMIT, Git, GitError, Signature

REMOTE_BRANCHES = "refs/remotes/origin/"


REMOTE_DEFAULT = "refs/remotes/origin/HEAD"


NO_TRUST_ROOT_HINT = ("name the repository's default branch and fetch it: git fetch origin <branch>, then "
                      "--trust-ref refs/remotes/origin/<branch> (in GitHub Actions: refs/remotes/origin/"
                      "${{ github.event.repository.default_branch }}), or 'git remote set-head origin --auto'; "
                      "on the default branch itself after a merge, --trust-ref HEAD")


@dataclass(frozen=True, slots=True)
class TrustRoot:
    keys: Mapping[str, tuple[str, ...]]
    """Trusted key fingerprint -> the author ids it may sign for."""
    allowed_signers: str
    description: str
    authors_path: str | None
    """authors.toml relative to the repository top when keys must predate each commit; None for an external file."""
    commit: str | None = None
    """The trust root's commit: what was published before the change under test; None for an external file."""
    authors: Mapping[str, Author] = field(default_factory=dict)
    """The authors as the trust root lists them (names and roles shown beside a proof)."""
    key_lines: Mapping[str, str] = field(default_factory=dict)
    """Trusted key fingerprint -> the key as an allowed-signers line writes it ('ssh-ed25519 AAAA...'): what a
    published proof hands its reader."""


def trusted_authors(text: bytes, scratch: Path, shown: str) -> dict[str, Author]:
    """One version of authors.toml, read by the site's own loader."""
    path = scratch / "authors.toml"
    path.write_bytes(text)
    return dict(load_authors(path, shown, Problems()))


def keys_of(authors: Mapping[str, Author]) -> dict[str, tuple[PublicKey, ...]]:
    """Author id -> readable signing keys."""
    return {author.id: tuple(key for _, key in readable_keys(author.signing_keys) if key)
            for author in authors.values()}


def authors_keys(text: bytes, scratch: Path, shown: str) -> dict[str, tuple[PublicKey, ...]]:
    """Author id -> readable signing keys of one version of authors.toml."""
    return keys_of(trusted_authors(text, scratch, shown))


def owners_by_fingerprint(keys: Mapping[str, Iterable[PublicKey]]) -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for author in sorted(keys):
        for key in keys[author]:
            owners.setdefault(key.fingerprint, []).append(author)
    return {fingerprint: tuple(authors) for fingerprint, authors in owners.items()}


def lines_by_fingerprint(keys: Mapping[str, Iterable[PublicKey]]) -> dict[str, str]:
    return {key.fingerprint: key.line for found in keys.values() for key in found}


def _default_branch(git: Git) -> str | None:
    """The remote's default branch, fully qualified, or None: never guessed from a name.

    origin/HEAD counts only as the symbolic ref that `git clone` and `git remote set-head` make: a branch
    pushed under the name `HEAD` is fetched (as actions/checkout fetches) into the very same place as a
    plain ref, and would make the change under test its own trust root. actions/checkout makes no
    origin/HEAD at all, and a `main` beside a default `master` is whatever its last pusher wanted: the
    workflows pass --trust-ref.
    """
    symbolic = git.run("symbolic-ref", "--quiet", REMOTE_DEFAULT, check=False)
    target = symbolic.stdout.decode(errors="replace").strip()
    if symbolic.returncode == 0 and target.startswith(REMOTE_BRANCHES) and target != REMOTE_DEFAULT \
            and git.ref_commit(target):
        return target
    return None


def _default_trust_ref(git: Git) -> tuple[str, str]:
    """The merge-base with the remote's default branch: what was reviewed and merged before this change."""
    branch = _default_branch(git)
    if branch is None:
        raise GitError(git.shown, "no trust root: no symbolic origin/HEAD names the default branch, and no "
                                  "--trust-ref was given (a branch is never guessed by its name, and HEAD, the "
                                  "change itself, cannot vouch for itself)", NO_TRUST_ROOT_HINT)
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
    authors = trusted_authors(text or b"", scratch, shown)
    keys = keys_of(authors)
    lines = [f'{author} namespaces="git" {key.line}\n' for author in sorted(keys) for key in keys[author]]
    return TrustRoot(owners_by_fingerprint(keys), "".join(lines), f"authors.toml at {commit[:SHORT]}, {how}", path,
                     commit, authors, lines_by_fingerprint(keys))


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
    return TrustRoot(owners_by_fingerprint(keys), text, f"the trusted signers file {shown}", None,
                     key_lines=lines_by_fingerprint(keys))


def keys_before(git: Git, trust: TrustRoot, signatures: Mapping[str, Signature], scratch: Path,
                shown: str) -> dict[str, Mapping[str, frozenset[str]]] | None:
    """Commit -> each author's key fingerprints in authors.toml just before it (first parent).

    None when the trust root is outside the repository: then no change can add a key.
    """
    if trust.authors_path is None:
        return None
    names = {commit: f"{commit}^:{trust.authors_path}"
             for commit, signature in sorted(signatures.items()) if signature.good}
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
