"""Asking git, and only git: the commit graph, trees and files as each commit holds them, and SSH signature
checks of commits.

The one place that runs git. Files are read as each commit's trees hold them
(never through the work tree, its filters or its links), and every answer
comes from git's own output.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..source.frontmatter import split_lines

COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")


WORKERS = os.cpu_count() or 2


SHALLOW_HINT = ("fetch the whole history: 'git fetch --unshallow'; in GitHub Actions set 'fetch-depth: 0' "
                "on actions/checkout")


GOOD = "G"
"""git's %G? for a good signature by a key the allowed signers list."""


@dataclass(frozen=True, slots=True)
class Signature:
    status: str
    """git's %G?: G good and trusted, U good but untrusted key, B bad, N none, E/X/Y/R cannot be trusted."""
    fingerprint: str

    @property
    def good(self) -> bool:
        """Good, by a key the allowed signers list: the only answer that can verify a byline."""
        return self.status == GOOD


class GitError(Exception):
    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.hint = hint


class Git:
    """git in one repository, isolated from settings that would change what a signature or a commit means."""

    def __init__(self, site_root: Path, scratch: Path) -> None:
        gnupg = scratch / "gnupg"
        gnupg.mkdir(mode=0o700)
        # No replace refs (they can swap a commit for another), and an empty OpenPGP keyring, so the
        # machine's keys never decide a byline.
        self.env = {**os.environ, "GIT_NO_REPLACE_OBJECTS": "1", "GNUPGHOME": str(gnupg), "LC_ALL": "C",
                    "GIT_TERMINAL_PROMPT": "0"}
        # The site run from inside it is '.', which names nothing in a CI log: then its full path.
        self.shown = str(site_root.resolve()) if os.path.relpath(site_root) == "." else str(site_root)
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
        command = ["git", "-c", "log.showSignature=false", *args]
        try:
            done = subprocess.run(command, input=stdin, capture_output=True, cwd=cwd or self.top, env=self.env,
                                  check=False)
        except FileNotFoundError as exc:
            raise GitError(self.shown, "git is not installed", "install git to verify signatures") from exc
        if check and done.returncode != 0:
            raise GitError(self.shown, f"git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
        return done

    def signature_setup(self) -> bytes:
        """Everything but a commit's bytes and the allowed signers that decides what git answers for its
        signature, as bytes: git's version, its `gpg.*` settings (a program, a revocation list), and the
        bytes of every file those settings name, of git and ssh-keygen (or the program set instead), and of
        the libraries those two load (libcrypto does the checking; LD_PRELOAD shows here too). A good answer
        kept from an earlier build counts only under the same setup (proof.kept_signatures)."""
        listed = self.run("config", "--null", "--get-regexp", r"^gpg\.", check=False).stdout
        parts = [self.run("--version").stdout, listed]
        settings = [entry.partition(b"\n")[::2] for entry in listed.split(b"\0") if entry]
        program = os.fsdecode(dict(settings).get(b"gpg.ssh.program", b"ssh-keygen"))  # the last one set wins
        programs = [found for name in ("git", program) if (found := shutil.which(name, path=self.env.get("PATH")))]
        named = [*programs, program, *(os.fsdecode(value) for _, value in settings), *self._libraries(programs)]
        for name in named:
            path = self.top / os.path.expanduser(name)
            if path.is_file():
                parts.append(os.fsencode(os.path.realpath(path)) + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        return b"\0\0".join(parts)

    def _libraries(self, programs: list[str]) -> list[str]:
        """The shared libraries the dynamic loader gives `programs` in this environment, as ldd lists them;
        none where there is no ldd or a program is not dynamically linked."""
        ldd = shutil.which("ldd", path=self.env.get("PATH"))
        if not ldd or not programs:
            return []
        try:
            listed = subprocess.run([ldd, *programs], capture_output=True, env=self.env, check=False).stdout
        except OSError:
            return []
        return [os.fsdecode(found) for found in re.findall(rb"(?:=>\s*|^\s+)(/\S+) \(0x", listed, re.MULTILINE)]

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

    def objects(self, names: Iterable[str]) -> dict[str, tuple[str, bytes] | None]:
        """Object name (`<rev>:<path>`, an id) -> (type, contents), None when missing; all in one process."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        out = self.run("cat-file", "--batch", stdin="".join(name + "\n" for name in wanted).encode()).stdout
        result: dict[str, tuple[str, bytes] | None] = {}
        position = 0
        for name in wanted:
            end = out.index(b"\n", position)
            header = out[position:end].decode().split()
            position = end + 1
            if len(header) != 3 or header[1] not in ("blob", "tree", "commit", "tag"):
                result[name] = None
                continue
            size = int(header[2])
            result[name] = (header[1], out[position:position + size])
            position += size + 1
        return result

    def blobs(self, names: Iterable[str]) -> dict[str, bytes | None]:
        """`<rev>:<path>` -> file contents (None when missing or not a file), all in one process."""
        return {name: found[1] if found and found[0] == "blob" else None
                for name, found in self.objects(names).items()}

    def ids(self, names: Iterable[str]) -> dict[str, tuple[str, str, int] | None]:
        """Object name -> (id, type, size in bytes), None when missing; one process, and no contents read."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        out = self.run("cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)",
                       stdin="".join(name + "\n" for name in wanted).encode()).stdout
        answers = out.decode(errors="surrogateescape").split("\n")
        result: dict[str, tuple[str, str, int] | None] = {}
        for name, answer in zip(wanted, answers, strict=False):
            parts = answer.split(" ")
            found = len(parts) == 3 and COMMIT.match(parts[0]) and parts[2].isdigit()
            result[name] = (parts[0], parts[1], int(parts[2])) if found else None
        return result

    def graph(self) -> dict[str, tuple[str, ...]]:
        """Every commit reachable from HEAD -> its parents: the whole history, every parent of every merge,
        no simplification (rev-list without paths simplifies nothing)."""
        out = self.run("rev-list", "--parents", "HEAD").stdout.decode()
        return {parts[0]: tuple(parts[1:]) for line in out.split("\n") if (parts := line.split())}

    def changes(self, pairs: list[tuple[str, str | None]], paths: Iterable[str]
                ) -> list[list[tuple[str, str, str, str, str]]]:
        """For each (commit, parent) (None: a root commit, against nothing), what changed under `paths`:
        (old mode, new mode, old id, new id, path) per file, in one process, no rename detection."""
        if not pairs:
            return []
        lines = "".join(f"{commit} {parent}\n" if parent else f"{commit}\n" for commit, parent in pairs)
        out = self.run("diff-tree", "--stdin", "--always", "-r", "--root", "--no-renames", "--raw", "-z",
                       "--no-abbrev", "--", *paths, stdin=lines.encode()).stdout
        result: list[list[tuple[str, str, str, str, str]]] = []
        meta: list[str] | None = None
        for token in out.decode(errors="surrogateescape").split("\0"):
            if meta is not None:
                result[-1].append((meta[0].lstrip(":"), meta[1], meta[2], meta[3], token))
                meta = None
            elif token.startswith(":"):
                meta = token.split(" ")
            elif COMMIT.match(token):
                result.append([])
        return result

    def between(self, head: str, base: str) -> set[str]:
        """The commits reachable from `head` and not from `base`: what a change brought."""
        return set(self.run("rev-list", head, "--not", base, "--").stdout.decode().split())


def tree_entries(contents: bytes, id_bytes: int) -> list[tuple[str, str, str]]:
    """(mode, name, id) of each entry of a raw tree object: '<mode> <name>NUL<binary id>' over and over;
    `id_bytes` is 20 for SHA-1 repositories, 32 for SHA-256."""
    entries = []
    position = 0
    while position < len(contents):
        space = contents.index(b" ", position)
        nul = contents.index(b"\0", space)
        entries.append((contents[position:space].decode(), contents[space + 1:nul].decode(errors="surrogateescape"),
                        contents[nul + 1:nul + 1 + id_bytes].hex()))
        position = nul + 1 + id_bytes
    return entries


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
