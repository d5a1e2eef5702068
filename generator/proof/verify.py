"""Signed bylines: was each unit of meaning introduced by a commit its author signed?

A unit (an update, a postmortem section or action item, an incident's or
maintenance's header: see `units`) is proven by the signed commit that
introduced it in its current meaning (see `history`): a commit that has it
where none of its parents had it. So no change of layout can carry a
signature over to a new meaning: a deleted fence line, a renamed file, a
copy, a changed timezone each make new units, introduced by whoever made
them. Where several commits introduced a unit, the weakest proof counts.

An update's unit is verified only if its introducing commit is signed by a
key that the trust root registers for the update's author (and that was
listed before that commit: a key that arrives with the post it signs proves
nothing); a header, which has no author, by any registered author's. A
unit signed by another registered author is "edited by" them when its
previous form was verified. And published history changes only under a
signature: every unit the baseline (what was published before) has and HEAD
lacks must have been removed or changed by a registered author's signed
commit, or the build says so.

Git itself is run by `git`, the trust root is read by `trust`, and a
proof's states and words are `bylines`; this module puts them together. The
result is a fact about the source, like the model: it does not depend on
"now". See docs/signatures.md for what a proof means and what it does not.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.keys import KEY_HINT, KeyFormatError, parse_key
from ..core.model import Incident, Maintenance, Postmortem, Site, Update
from ..core.problems import Problems, display_path
from .bylines import (
    HINTS,
    LABELS,
    NO_BYLINES,
    NO_EVIDENCE,
    SHORT,
    Byline,
    Bylines,
    SignatureOptions,
    State,
    describe,
    weakest,
)
from .evidence import MAX_BYTES, MAX_FILES, gather
from .git import Git, GitError, Signature
from .history import History, Reader, walk
from .kept_signatures import checked_commits
from .trust import TrustRoot, external_trust, keys_before, repository_trust
from .units import Unit, UnitsOf, units_of

NOT_COMMITTED = Byline(State.UNCOMMITTED, None, "", "")

Keys = Mapping[str, frozenset[str]] | None
"""Each author's key fingerprints before a commit; None where no such rule applies (an external file)."""


def judge(author: str, commit: str, signature: Signature | None, trust: TrustRoot, earlier: Keys) -> Byline:
    """One byline's state; `earlier` is the author's keys before the commit (None: no such rule)."""
    if signature is None or signature.status == "N":
        return Byline(State.UNSIGNED, None, commit, "")
    fingerprint = signature.fingerprint
    if signature.status == "B":
        return Byline(State.BAD, None, commit, fingerprint)
    owners = trust.keys.get(fingerprint, ()) if signature.good else ()
    if author in owners and (earlier is None or fingerprint in earlier.get(author, ())):
        return Byline(State.VERIFIED, author, commit, fingerprint)
    if owners and author not in owners:
        return Byline(State.OTHER, owners[0], commit, fingerprint)
    return Byline(State.UNKNOWN, None, commit, fingerprint)


def judge_any(commit: str, signature: Signature | None, trust: TrustRoot, earlier: Keys) -> Byline:
    """A commit that needs no particular author (a header, an edit, a removal) proves itself when any
    registered author's trusted key signed it; then `signer` names that author."""
    owners = trust.keys.get(signature.fingerprint, ()) if signature and signature.good else ()
    for owner in owners:
        proof = judge(owner, commit, signature, trust, earlier)
        if proof.verified:
            return proof
    proof = judge("", commit, signature, trust, earlier)
    return replace(proof, state=State.UNKNOWN, signer=None) if proof.state is State.OTHER else proof


@dataclass
class Prover:
    """Each unit's proof from its introductions, remembered: a unit's previous forms are proven alike."""

    history: History
    signatures: Mapping[str, Signature]
    trust: TrustRoot
    keys_at: Callable[[str], Keys]
    proven: dict[Unit, Byline | None]

    def commit(self, commit: str) -> Byline:
        """A commit as anyone's proof."""
        return judge_any(commit, self.signatures.get(commit), self.trust, self.keys_at(commit))

    def unit(self, unit: Unit) -> Byline:
        """The weakest proof of the commits that introduced the unit; not committed when none did."""
        if unit in self.proven:
            return self.proven[unit] or NOT_COMMITTED  # a form that comes back while being proven proves nothing
        self.proven[unit] = None
        introductions = self.history.introduced.get(unit, ())
        found = weakest(self._introduction(unit, intro.commit, intro.path) for intro in introductions)
        self.proven[unit] = found or NOT_COMMITTED
        return self.proven[unit] or NOT_COMMITTED

    def _introduction(self, unit: Unit, commit: str, path: str) -> Byline:
        if unit.kind == "header":
            return replace(self.commit(commit), path=path)
        proof = replace(judge(unit.author, commit, self.signatures.get(commit), self.trust, self.keys_at(commit)),
                        path=path)
        if proof.state is not State.OTHER:
            return proof
        edit = replace(self.commit(commit), path=path)
        before = [self.unit(old) for old in self.history.previous.get((commit, unit), ())]
        if edit.verified and before and all(old.verified for old in before):
            return replace(before[0], edits=(*before[0].edits, edit))
        return proof


def _items(site: Site) -> tuple[Incident | Maintenance, ...]:
    return (*site.incidents, *site.maintenances)


def _postmortem_proof(proofs: list[Byline]) -> Byline | None:
    """A postmortem's byline: the weakest of its sections' and action items' proofs, with every verified edit."""
    found = weakest(proofs)
    if found is None or not found.verified:
        return found
    edits = tuple(dict.fromkeys(edit for proof in proofs for edit in proof.edits))
    return replace(found, edits=edits)


def _bylines(git: Git, site: Site, trust: TrustRoot, scratch: Path, options: SignatureOptions,
             problems: Problems) -> Bylines:
    if git.relative(site.root) is None:
        raise GitError(site.root, "the site is outside the git repository", "keep the whole site in the repository")
    site_units = [(item, units_of(item)) for item in _items(site)]
    history, reader = walk(git, site, scratch, site_units)
    baseline = _baseline(git, history, trust)
    changed = git.between("HEAD", baseline) if baseline else set(history.graph)
    removers = {commit for commits in history.removed.values() for commit in commits if commit in changed}
    introducers = {intro.commit for intros in history.introduced.values() for intro in intros}
    signers = scratch / "allowed_signers"
    signers.write_text(trust.allowed_signers, encoding="utf-8")
    signatures = checked_commits(git, introducers | removers, signers, Path(site.root))
    earlier = keys_before(git, trust, signatures, scratch, site.source_files.get("authors", "authors.toml"))
    prover = Prover(history, signatures, trust, lambda commit: None if earlier is None else earlier.get(commit, {}),
                    {})
    entries: dict[tuple[str, int], Byline] = {}
    headers: dict[str, Byline] = {}
    in_order: list[Byline] = []
    head = history.head
    committed = reader.count(head, head.files)[0] if head else {}
    for item, units in site_units:
        # What the work tree says that HEAD does not (an edit not committed yet, bytes a checkout filter
        # made) is proven by nothing, however it reads.
        proofs = {unit: prover.unit(unit) if unit in committed else NOT_COMMITTED for unit in units.all()}
        headers[item.source] = proofs[units.header]
        entries.update(_entries(item, units, proofs))
        in_order += proofs.values()
    if baseline:
        _check_published(git, history, reader, baseline, changed, prover, options.require, problems)
    evidence = gather(git, history.graph, trust.key_lines, in_order) if site.config.publish_proofs else NO_EVIDENCE
    if evidence.left_out:
        problems.warning(site.source_files.get("site", "site.toml"), None,
                         f"the proofs of {evidence.left_out} signed commits are not published: the proofs' budget "
                         f"({MAX_FILES:,} files, {MAX_BYTES // 2**20:,} MiB, for the hosts' limits) is spent on "
                         "the newest items' proofs, or a proof holds an object larger than a host serves",
                         "their bylines are still verified; the API gives them no proof link (docs/signatures.md)")
    return Bylines(entries, trust.description, _places(site), headers, trust.authors, evidence)


def _entries(item: Incident | Maintenance, units: UnitsOf, proofs: Mapping[Unit, Byline]
             ) -> dict[tuple[str, int], Byline]:
    entries = {(item.source, update.line): proofs[unit] for update, unit in zip(item.updates, units.updates,
                                                                                strict=True)}
    postmortem = getattr(item, "postmortem", None)
    found = _postmortem_proof([proofs[unit] for unit in units.postmortem]) if postmortem else None
    if postmortem and found:
        entries[(item.source, postmortem.line)] = found
    return entries


def _baseline(git: Git, history: History, trust: TrustRoot) -> str | None:
    """What was published before this change: where HEAD meets the trust root, or on the trust root itself
    (the default branch after a merge), its first parent."""
    head = git.commit("HEAD")
    if trust.commit is None or head is None:
        return None
    met = git.run("merge-base", head, trust.commit, check=False).stdout.decode().strip()
    if met != head:
        return met or None
    parents = history.graph.get(head, ())
    return parents[0] if parents else None


def _check_published(git: Git, history: History, reader: Reader, baseline: str, changed: set[str],
                     prover: Prover, require: bool, problems: Problems) -> None:
    """Every unit the baseline has and HEAD lacks (removed, or changed into another) must have been taken
    out by a commit of this change that a registered author signed."""
    published = reader.snapshots([baseline])[baseline]
    reader.fetch(published.files.values())
    before, where = reader.count(published, published.files)
    after, _ = reader.count(history.head, history.head.files) if history.head else (Counter[Unit](), {})
    now_slots = {(unit.kind, unit.item, unit.slot) for unit in after}
    report = problems.error if require else problems.warning
    for unit in sorted(before - after, key=lambda unit: (where[unit], unit.line)):
        removers = [commit for commit in history.removed.get(unit, ()) if commit in changed]
        proofs = [prover.commit(commit) for commit in removers]
        if any(proof.verified for proof in proofs):
            continue
        how = "changed" if (unit.kind, unit.item, unit.slot) in now_slots else "removed"
        by = _unproven(proofs)
        report(display_path(git.top / where[unit]), unit.line,
               f"{unit.describe()} was published (at {baseline[:SHORT]}) and is {how} {by}",
               "published history changes only under a signature: sign the commit that changes it with a "
               "registered author's key (git commit --amend -S for the last one), or restore it")


def _unproven(proofs: Iterable[Byline]) -> str:
    """Who changed a published unit without proof, in words: "by commit 9e1b0c2d3f4a (unsigned)"."""
    found = list(proofs)
    if not found:
        return "by no commit a registered author signed"
    return "by " + ", ".join(f"commit {proof.short_commit} ({LABELS[proof.state]})" for proof in found)


def _places(site: Site) -> dict[Update | Postmortem, tuple[tuple[str, int], ...]]:
    """Each update and postmortem -> every (source, line) that holds one equal to it."""
    places: dict[Update | Postmortem, tuple[tuple[str, int], ...]] = {}
    for item in _items(site):
        signed: list[Update | Postmortem] = list(item.updates)
        if (postmortem := getattr(item, "postmortem", None)) is not None:
            signed.append(postmortem)
        for found in signed:
            places[found] = (*places.get(found, ()), (item.source, found.line))
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
            bylines = _bylines(git, site, trust, scratch, options, problems)
    except GitError as exc:
        problems.error(exc.path, None, exc.message, exc.hint)
        return NO_BYLINES
    if options.require:
        require_verified(site, bylines, problems)
    return bylines


def require_verified(site: Site, bylines: Bylines, problems: Problems) -> None:
    """An error for every header, update and postmortem whose proof is not verified."""
    for item in _items(site):
        header = bylines.headers.get(item.source)
        if header is not None and not header.verified:
            problems.error(item.source, 1, f"the header (front matter and summary) is not verified: "
                                           f"{describe(header)}", HINTS[header.state])
        signed: list[Update | Postmortem] = list(item.updates)
        if (postmortem := getattr(item, "postmortem", None)) is not None:
            signed.append(postmortem)
        for found in signed:
            byline = bylines.get((item.source, found.line))
            if byline is not None and not byline.verified:
                problems.error(item.source, found.line,
                               f"byline '{found.author}' is not verified: {describe(byline)}", HINTS[byline.state])
