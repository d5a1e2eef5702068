"""Signed bylines: is each update's heading committed under its author's key, and its text proven too?

A byline names a person; this module proves it or says why it cannot. The
commit that last wrote a heading line (git blame) is the one that vouches
for it, so a rewritten heading is vouched for by whoever rewrote it. Every
other commit that last wrote a line of the text under it is an edit, which
must carry its own proof (any registered author's trusted key), or the
byline is EDITED and never shown as verified. Lines are git's lines
(generator/source/frontmatter.py), so the line blame is asked about is the line the
parser read.

Git itself is run by `git`, the trust root is read by `trust`, and a
proof's states and words are `bylines`; this module puts them together. The
result is a fact about the source, like the model: it does not depend on
"now". It is computed in a fixed number of git processes (one blame per file, run in parallel, one
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

import sys
import tempfile
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..core.keys import KEY_HINT, KeyFormatError, parse_key
from ..core.model import Postmortem, Site, Update
from ..core.problems import Problems
from .bylines import HINTS, NO_BYLINES, Byline, Bylines, SignatureOptions, State, describe
from .git import Git, GitError, Signature, blame_lines, check_commits
from .trust import TrustRoot, external_trust, keys_before, repository_trust


@dataclass(frozen=True, slots=True)
class Heading:
    source: str
    line: int
    author: str
    signed: Update | Postmortem


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


def require_verified(site: Site, bylines: Mapping[tuple[str, int], Byline], problems: Problems) -> None:
    for heading in headings(site):
        byline = bylines.get((heading.source, heading.line))
        if byline is not None and not byline.verified:
            problems.error(heading.source, heading.line,
                           f"byline '{heading.author}' is not verified: {describe(byline)}", HINTS[byline.state])


