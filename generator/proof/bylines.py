"""What a byline's proof says: its state, its words, and how outputs publish it.

The derived state carries one Byline per update, postmortem and incident or
maintenance header; pages, feeds, the API and the command line only read it.
How a proof is made is `verify`; what it is called is here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..core.addresses import Address, proof_address
from ..core.model import Author, Incident, Maintenance, Postmortem, Update

SHORT = 12


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
    """The work tree's bytes are not the committed ones (or not committed at all): nothing proves them."""


WEAKEST_FIRST = (State.UNCOMMITTED, State.BAD, State.UNSIGNED, State.UNKNOWN, State.OTHER, State.VERIFIED)
"""Where several proofs stand for one thing (copies of a unit, a postmortem's sections), the weakest counts."""


@dataclass(frozen=True, slots=True)
class Byline:
    state: State
    signer: str | None
    """The author id whose trusted key signed the commit, if any."""
    commit: str
    """The full hash of the commit that introduced the unit in this meaning; empty when not committed yet."""
    fingerprint: str
    """The signing key's fingerprint (SHA256:... for SSH, a key id for OpenPGP); empty when unsigned."""
    edits: tuple[Byline, ...] = ()
    """Verified edits by other registered authors since this proof, oldest first: "edited by Bob"."""
    path: str = ""
    """The file's path, from the repository's top, in `commit`: with it, the git objects that prove the unit
    (the commit, the trees down to the file, the blob) can be named without walking history again."""

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


def weakest(bylines: Iterable[Byline]) -> Byline | None:
    """The weakest of several proofs (the first of equals); None for none."""
    return min(bylines, key=lambda byline: WEAKEST_FIRST.index(byline.state), default=None)


@dataclass(frozen=True, slots=True)
class GitObject:
    id: str
    kind: str
    """"commit", "tree" or "blob": what `git hash-object -t` must be told."""
    size: int

    @property
    def name(self) -> str:
        """Its published file name, `<id>.<type>`."""
        return f"{self.id}.{self.kind}"


@dataclass(frozen=True, slots=True)
class FileVersion:
    """One proven file, as the signed commit and each of its parents hold it."""

    path: str
    """From the repository's top; attacker-chosen bytes, escaped wherever they are published."""
    blobs: tuple[str | None, ...]
    """Its blob id in the commit, then in each parent (None where that parent has no such file)."""


@dataclass(frozen=True, slots=True)
class Proof:
    commit: str
    parents: tuple[str, ...]
    files: tuple[FileVersion, ...]
    objects: tuple[GitObject, ...]
    """Every object a reader hashes, each once: the commit and its trees and blobs, then each parent's."""
    signers: tuple[tuple[str, str], ...]
    """(principal, key line) of each author whose trusted key signed it: the allowed-signers file's lines."""

    @property
    def address(self) -> Address:
        return proof_address(self.commit)

    @property
    def allowed_signers(self) -> str:
        return "".join(f'{principal} namespaces="git" {key}\n' for principal, key in self.signers)


@dataclass(frozen=True)
class Evidence:
    proofs: Mapping[str, Proof] = field(default_factory=dict)
    """Commit id -> its proof: one per signed commit, covering every unit it introduced in every file."""
    contents: Mapping[str, bytes] = field(default_factory=dict)
    """Object id -> its raw contents, as `git cat-file <type> <id>` prints them."""
    left_out: int = 0
    """Signed commits whose proof is not published: they did not fit the budget (the last in the site's
    order)."""


NO_EVIDENCE = Evidence()


_HEADED = (Incident, Maintenance)
"""What has a header of its own to prove (front matter and summary), beside its updates."""


@dataclass(frozen=True)
class Bylines(Mapping[tuple[str, int], Byline]):
    """(source path, heading line) -> Byline, plus the trust root it was judged against."""

    entries: Mapping[tuple[str, int], Byline]
    trust_root: str
    places: Mapping[Update | Postmortem, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    """Each signed heading's (source, line): more than one where files hold equal updates."""
    headers: Mapping[str, Byline] = field(default_factory=dict)
    """Source path -> the proof of its incident's or maintenance's header (front matter and summary)."""
    authors: Mapping[str, Author] = field(default_factory=dict)
    """The authors as the trust root lists them: a proof shows these names and roles, which the change under
    test cannot rename; empty for an external signers file."""
    evidence: Evidence = NO_EVIDENCE
    """The git objects of the proofs the site publishes (`publish_proofs`); none otherwise."""

    def proof_of(self, byline: Byline | None) -> Proof | None:
        """The published proof of a verified byline; None when it has none (not verified, or not published)."""
        return self.evidence.proofs.get(byline.commit) if byline is not None and byline.verified else None

    def of(self, signed: Update | Postmortem | Incident | Maintenance | None) -> Byline | None:
        """The proof of an update, postmortem or header as a template holds it, which does not know its file;
        where equal updates sit in several files, the weakest of their proofs."""
        if isinstance(signed, _HEADED):
            return self.headers.get(signed.source)
        if signed is None or not self.places:  # a build that proves nothing asks for every update's proof
            return None
        return weakest(self.entries[place] for place in self.places.get(signed, ()) if place in self.entries)

    def author(self, author_id: str, byline: Byline | None) -> Author | None:
        """Who a verified proof names, as the trust root lists them; None when the proof shows no one."""
        return self.authors.get(author_id) if byline is not None and byline.verified else None

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
    State.OTHER: "the named author must sign the commit that gives the update this meaning, or the byline must "
                 "name the signer",
    State.UNKNOWN: "list the key in the author's signing_keys in an earlier change, merged before this one "
                   "(see docs/signatures.md)",
    State.BAD: "the commit was altered after it was signed; restore it or sign it again",
    State.UNSIGNED: "sign the commit that gives it this meaning (git -c gpg.format=ssh commit -S); "
                    "'git commit --amend -S' signs the last one, or undo the change (see docs/signatures.md)",
    State.UNCOMMITTED: "commit it, signed: git commit -S",
}



def describe(byline: Byline) -> str:
    """The state in one plain sentence, for messages, feeds and the API."""
    commit, key = byline.short_commit, byline.fingerprint
    if byline.verified and byline.edits:
        edits = "; ".join(describe_edit(edit) for edit in byline.edits)
        return f"signed by {byline.signer}'s key {key} in commit {commit}; edited {edits}"
    return {
        State.VERIFIED: f"signed by {byline.signer}'s key {key} in commit {commit}",
        State.OTHER: f"commit {commit} is signed by {byline.signer}'s key {key}, not by the named author",
        State.UNKNOWN: f"commit {commit} is signed by {key}, which is not a trusted key of the named author",
        State.BAD: f"the signature of commit {commit} does not match the commit",
        State.UNSIGNED: f"commit {commit} is not signed",
        State.UNCOMMITTED: "not committed yet",
    }[byline.state]


def describe_edit(edit: Byline) -> str:
    """Where and by whom one verified edit was signed."""
    return f"in commit {edit.short_commit}, signed by {edit.signer}'s key {edit.fingerprint}"


def summary(bylines: Bylines) -> str:
    """One line for the command line: how many bylines, then headers, are in each state."""
    return (f"signatures: {_counts(bylines.values(), 'no bylines')} (trust root: {bylines.trust_root}); "
            f"headers: {_counts(bylines.headers.values(), 'none')}")


def _counts(proofs: Iterable[Byline], none: str) -> str:
    counts = {state: 0 for state in State}
    for byline in proofs:
        counts[byline.state] += 1
    return ", ".join(f"{count} {LABELS[state]}" for state, count in counts.items() if count) or none


def byline_fields(byline: Byline | None, proofs: Mapping[str, str] | None = None) -> dict[str, object] | None:
    """A byline's proof as machines read it (API, JSON Feed), linking the published proof of it and of each
    verified edit (`proofs`: commit -> address, see `Bylines.proof_of`); None when the build did not verify
    signatures."""
    if byline is None:
        return None
    links = proofs or {}
    return {"state": byline.state.value, "signer": byline.signer, "commit": byline.commit or None,
            "path": byline.path or None, "key": byline.fingerprint or None, "proof": links.get(byline.commit),
            "description": describe(byline),
            "edits": [{"state": edit.state.value, "signer": edit.signer, "commit": edit.commit or None,
                       "path": edit.path or None, "key": edit.fingerprint or None, "proof": links.get(edit.commit)}
                      for edit in byline.edits]}
