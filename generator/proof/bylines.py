"""What a byline's proof says: its state, its words, and how outputs publish it.

The derived state carries one Byline per update and postmortem; pages, feeds,
the API and the command line only read it. How a proof is made is
`verify`; what it is called is here, once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..core.model import Postmortem, Update

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
