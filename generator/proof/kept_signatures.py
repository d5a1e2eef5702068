"""Good signatures checked once: a commit's signature is a fact of its bytes, kept between builds.

Git starts ssh-keygen for every signed commit it checks: most of a verifying
build's time, and it grows with the history, though only the commits a merge
brings are new. What git answers for a commit depends on nothing but the
commit's bytes (its id names them), the allowed signers it is checked against,
and the setup that checks it (`Git.signature_setup`: git, its `gpg.*`
settings, ssh-keygen, the libraries they load). So a good answer found under
exactly those, and this code, is kept in the site's cache folder
(source.cache), sealed like every cache file, and not asked again. Any other
answer is asked every time: a good one is the only one worth keeping, and an
error that may have been passing is never kept.

One thing more can decide an answer: an allowed signer's `valid-after` or
`valid-before`, checked at the commit's time by a recent git but at the time
of checking by an older one. Nothing is kept for such a list, so a key that
expires is never outlived by a kept answer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..source.cache import cache_dir, own_code, read_sealed, write_sealed
from .git import GOOD, Git, Signature, check_commits

SIGNATURES_FILE = "signatures.json"
TIMED_KEY = re.compile(rb"valid-(?:after|before)", re.IGNORECASE)
"""An allowed-signers option whose answer may depend on when it is checked (see above)."""


def checked_commits(git: Git, commits: Iterable[str], allowed_signers: Path, site_root: Path) -> dict[str, Signature]:
    """Every commit's signature as check_commits gives it; with a cache folder, good ones kept from earlier
    builds under the same signers, setup and code are not checked again."""
    wanted = set(commits)
    directory = cache_dir(site_root)
    signers = allowed_signers.read_bytes()
    if directory is None or TIMED_KEY.search(signers):
        return check_commits(git, wanted, allowed_signers)
    path = directory / SIGNATURES_FILE
    context = _context(git, signers)
    kept = _kept(path, context)
    known = {commit: Signature(GOOD, kept[commit]) for commit in wanted if commit in kept}
    asked = wanted - known.keys()
    found = check_commits(git, asked, allowed_signers) if asked else {}
    good = {commit: signature.fingerprint for commit, signature in found.items() if signature.good}
    if good or kept.keys() - wanted:
        # What this build needs, no more: a commit it no longer asks about (gone from the history, or only on
        # another branch than the one checked out) is forgotten, and checked again if a later build needs it.
        _keep(path, context, {**{commit: kept[commit] for commit in known}, **good})
    return {**known, **found}


def _context(git: Git, signers: bytes) -> str:
    digest = hashlib.sha256(b"statusblog signatures\0" + own_code())
    for part in (signers, git.signature_setup()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _kept(path: Path, context: str) -> dict[str, str]:
    """Commit -> key fingerprint of the good signatures kept under `context`; a missing, foreign, sealed by
    another user or otherwise unreadable file keeps nothing."""
    with contextlib.suppress(Exception):
        data = json.loads(read_sealed(path))
        if data["context"] == context and isinstance(data["good"], dict):
            return {commit: key for commit, key in data["good"].items() if isinstance(key, str)}
    return {}


def _keep(path: Path, context: str, good: Mapping[str, str]) -> None:
    with contextlib.suppress(OSError):  # a cache that cannot be written is an empty one
        write_sealed(path, json.dumps({"context": context, "good": dict(sorted(good.items()))}).encode())
