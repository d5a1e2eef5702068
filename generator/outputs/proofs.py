"""proofs/: the git objects that prove each verified byline, for readers who check it without trusting us.

Published only when site.toml says `publish_proofs = true`. Each signed
commit that proves a unit gets `proofs/<commit>/proof.json` (what to hash,
in order, and where the file is) and `proofs/<commit>/allowed_signers` (the
signer's key, as `git -c gpg.ssh.allowedSignersFile=...` reads it); the
objects themselves are stored once, as `proofs/objects/<id>.<type>`,
however many proofs need them. docs/signatures.md says how a reader checks
one. The objects were read by the proof stage; this only writes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..core.addresses import PROOF_MANIFEST, PROOF_SIGNERS, proof_object_path
from ..derive.state import SiteState
from ..proof.bylines import Proof
from ..render.theme import Theme
from .common import absolute, json_bytes
from .origins import File, site_settings


def manifest(state: SiteState, proof: Proof) -> dict[str, Any]:
    """What a reader needs to check one signed commit; every address absolute, as in the API that links it."""
    config = state.site.config
    return {
        "commit": proof.commit,
        "parents": list(proof.parents),
        "allowed_signers": absolute(config, proof.address.beside(PROOF_SIGNERS)),
        "signers": [principal for principal, _ in proof.signers],
        "objects": [{"id": obj.id, "type": obj.kind, "url": absolute(config, proof_object_path(obj.name))}
                    for obj in proof.objects],
        "files": [{"path": version.path, "blob": version.blobs[0],
                   "in_parents": dict(zip(proof.parents, version.blobs[1:], strict=True))}
                  for version in proof.files],
    }


def render_proofs(state: SiteState, _theme: Theme) -> Iterator[File]:
    """Each proof's manifest and allowed-signers file, and each object once: nothing without proofs.

    Every one is made from the repository's history because site.toml says `publish_proofs`; the proof
    stage keeps each object, and all of them, within budgets that fit the hosts (proof/evidence.py)."""
    evidence = state.bylines.evidence
    made_from = site_settings(state.site, "", "set publish_proofs = false", "publish_proofs")
    written: set[str] = set()
    for proof in evidence.proofs.values():
        yield proof.address.beside(PROOF_MANIFEST), json_bytes(manifest(state, proof)), made_from
        yield proof.address.beside(PROOF_SIGNERS), proof.allowed_signers.encode("utf-8"), made_from
        for obj in proof.objects:
            if obj.id not in written:
                written.add(obj.id)
                yield proof_object_path(obj.name), evidence.contents[obj.id], made_from
