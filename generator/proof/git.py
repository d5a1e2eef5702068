"""Asking git, and only git: blame with git's own lines, and SSH signature checks of commits.

The one place that runs git. Every answer comes from git's porcelain output,
split at line feeds as git writes it, so statusblog never counts a line
differently from the tool that proves it.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..source.frontmatter import split_lines

COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")


WORKERS = os.cpu_count() or 2


SHALLOW_HINT = ("fetch the whole history: 'git fetch --unshallow'; in GitHub Actions set 'fetch-depth: 0' "
                "on actions/checkout")


@dataclass(frozen=True, slots=True)
class Signature:
    status: str
    """git's %G?: G good and trusted, U good but untrusted key, B bad, N none, E/X/Y/R cannot be trusted."""
    fingerprint: str


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
