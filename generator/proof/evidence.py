"""The git objects that let anyone check a verified proof with git and ssh-keygen, without trusting the build.

A unit is proven by the signed commit that introduced it (see `verify`). Its
evidence is that commit's object (with its `gpgsig` or `gpgsig-sha256`
header), the trees on the path to the file and the file's blob, and the
same for each parent, which shows what the file was before; plus the
signer's allowed-signers line. Nothing else: no other file's blob, and of
the trees only what `git ls-tree` down the path needs. Objects are shared
between proofs and stored once. Read here, in the proof stage, so that the
output that publishes them is a pure function of the derived state.

Proofs are chosen in the site's order (incidents newest first, then
maintenance) until the budget is spent, so that a site of 5,000 incidents
with proofs still fits the hosts' limits that the build enforces (20,000
files, 1 GB).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..source.schema import IDENTIFIER
from .bylines import Byline, Evidence, FileVersion, GitObject, Proof
from .git import Git

MAX_FILES = 8_000
"""Files the proofs may take: a site of 5,000 incidents is about 10,400 files without them, and a
deployment takes at most 20,000 (build/output_dir.MAX_FILES)."""
MAX_BYTES = 250 * 1024 * 1024
"""Bytes the proofs may take, of the 1 GB a site may be (build/output_dir.MAX_TOTAL_BYTES)."""
MAX_OBJECT_BYTES = 25 * 1024 * 1024
"""The largest file a host serves (build/output_dir.MAX_FILE_BYTES): a proof that needs a larger object is
not published, rather than failing the build."""
FILES_PER_PROOF = 2
"""Besides its objects, each proof publishes its manifest and its allowed-signers file."""


def _wanted(proofs: Iterable[Byline], key_lines: Mapping[str, str]) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Commit -> (paths, principal -> key line), in the order first asked for, for every verified proof and
    verified edit. A path that git's batch mode cannot name (a line feed) or that is not text (bytes that are
    not UTF-8, control characters), or a principal that an allowed-signers line cannot carry, has no
    published proof."""
    wanted: dict[str, tuple[list[str], dict[str, str]]] = {}
    for byline in proofs:
        for found in (byline, *byline.edits):
            key = key_lines.get(found.fingerprint)
            if not found.verified or not found.path or not found.path.isprintable() or key is None \
                    or not IDENTIFIER.match(found.signer or ""):
                continue
            paths, signers = wanted.setdefault(found.commit, ([], {}))
            if found.path not in paths:
                paths.append(found.path)
            signers.setdefault(found.signer or "", key)
    return wanted


def _down(revision: str, path: str) -> list[tuple[str, str]]:
    """The names that lead from a commit to a file, each with the type it must have: the commit, its tree,
    each folder, the file. Anything else there (a submodule's commit, a folder where the file was) is not
    published: it is not on the way to the file."""
    parts = path.split("/")
    folders = [(f"{revision}:{'/'.join(parts[:depth])}", "tree") for depth in range(1, len(parts))]
    return [(revision, "commit"), (f"{revision}^{{tree}}", "tree"), *folders, (f"{revision}:{path}", "blob")]


def _proof(commit: str, parents: tuple[str, ...], paths: list[str], signers: dict[str, str],
           found: Mapping[str, tuple[str, str, int] | None]) -> Proof | None:
    """One commit's proof from git's answers; None when the commit does not hold a file it is said to prove."""
    objects: dict[str, GitObject] = {}
    files = []
    for path in paths:
        blobs: list[str | None] = []
        for revision in (commit, *parents):
            blob = None
            for name, kind in _down(revision, path):
                answer = found.get(name)
                if answer is None or answer[1] != kind:
                    break  # a parent without the file: the last tree read shows that it is absent
                objects.setdefault(answer[0], GitObject(*answer))
                blob = answer[0] if kind == "blob" else None
            if revision == commit and blob is None:
                return None
            blobs.append(blob)
        files.append(FileVersion(path, tuple(blobs)))
    return Proof(commit, parents, tuple(files), tuple(objects.values()), tuple(sorted(signers.items())))


def gather(git: Git, graph: Mapping[str, tuple[str, ...]], key_lines: Mapping[str, str],
           proofs: Iterable[Byline]) -> Evidence:
    """The evidence of every verified proof, as many as the budget holds: one `cat-file --batch-check` for
    every object's id, type and size, one `cat-file --batch` for the contents of those published."""
    wanted = _wanted(proofs, key_lines)
    names = [name for commit, (paths, _) in wanted.items() for path in paths
             for revision in (commit, *graph.get(commit, ())) for name, _ in _down(revision, path)]
    found = git.ids(names)
    chosen: dict[str, Proof] = {}
    seen: dict[str, GitObject] = {}
    files = size = 0
    for commit, (paths, signers) in wanted.items():
        proof = _proof(commit, graph.get(commit, ()), paths, signers, found)
        if proof is None or any(obj.size > MAX_OBJECT_BYTES for obj in proof.objects):
            continue
        new = [obj for obj in proof.objects if obj.id not in seen]
        if files + len(new) + FILES_PER_PROOF > MAX_FILES or size + sum(obj.size for obj in new) > MAX_BYTES:
            break
        chosen[commit] = proof
        seen.update((obj.id, obj) for obj in new)
        files += len(new) + FILES_PER_PROOF
        size += sum(obj.size for obj in new)
    read = git.objects(seen)
    contents = {obj.id: answer[1] for obj in seen.values() if (answer := read.get(obj.id)) and answer[0] == obj.kind}
    whole = {commit: proof for commit, proof in chosen.items() if all(obj.id in contents for obj in proof.objects)}
    return Evidence(whole, contents, len(wanted) - len(whole))
