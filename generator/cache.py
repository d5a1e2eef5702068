"""What a build may keep from the last one: parsed files, and the fact that nothing changed.

Parsing Markdown is most of the cost of reading a site, and between two
builds almost every file is the same. A parse is a pure function of the
file's text, its slug and shown path, the site's timezone and this code, so
its result is kept under the SHA-256 of exactly those, and a file whose key
is known is not parsed again. A build whose every input (the site's files,
the generator's own code, "now", the working directory) is the same as the
last build into the same output is not done again at all.

The cache is opt-in: a plain `statusblog build` writes nothing outside its
output, so it lives only where $STATUSBLOG_CACHE_DIR points (one folder per
site below it), e.g. a directory a CI keeps between runs. It is safe to
delete at any time, never trusted across code
versions (the code's own bytes are part of every key), and a cache that
cannot be read or written is treated as empty: it can make a build faster,
never different, and never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__, themes
from .problems import Problem

PARSE_FILE = "parse.pickle"
BUILDS_FOLDER = "builds"
#: The generator's own files: its code and scaffold, and the installed themes.
_CODE_ROOTS = (("generator", Path(__file__).parent), ("themes", themes.ROOT))


def cache_dir(site_root: Path) -> Path | None:
    """Where this site's cache lives; None when caching is turned off."""
    configured = os.environ.get("STATUSBLOG_CACHE_DIR", "")
    if not configured or configured.lower() in ("off", "0", "no", "false"):
        return None
    digest = hashlib.sha256(os.fsencode(site_root.resolve())).hexdigest()[:16]
    return Path(configured) / digest


@cache
def code_version() -> bytes:
    """The generator's own bytes (code, templates, static files) and Python's version.

    Hashing the files, not trusting a version number, means an edited
    checkout or a reinstall can never be served results of other code.
    """
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for name, root in _CODE_ROOTS:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = f"{name}/{path.relative_to(root).as_posix()}"
                digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@cache
def _sealing_key() -> bytes | None:
    """The key that seals this user's cache files; None (no cache) where it cannot be kept.

    A cache file is a pickle, and unpickling runs code: a cache directory
    shared with others (a CI cache, a folder committed to a site's repository)
    could run another person's code. The key lives outside every site, readable by this
    user alone, so only files that this user's own builds wrote are unpickled.
    """
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "statusblog"
    path = folder / "cache-key"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def _read_sealed(path: Path) -> bytes:
    """A cache file's pickle, if this user's builds wrote it; ValueError otherwise."""
    key, blob = _sealing_key(), path.read_bytes()
    if key is None or not hmac.compare_digest(blob[:32], hmac.digest(key, blob[32:], "sha256")):
        raise ValueError(f"{path} was not written by this user's builds")
    return blob[32:]


def _write_sealed(path: Path, data: bytes) -> None:
    key = _sealing_key()
    if key is not None:
        _write_atomically(path, hmac.digest(key, data, "sha256") + data)


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` whole; a concurrent or killed writer leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ParseCache:
    """Parsed files by key, loaded once per build, saved with only the keys that build used."""

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / PARSE_FILE if directory else None
        self.known: dict[bytes, bytes] = {}
        self.used: dict[bytes, bytes] = {}
        if self.path is not None:
            try:
                loaded = pickle.loads(_read_sealed(self.path))
                if isinstance(loaded, tuple) and loaded[0] == code_version():
                    self.known = loaded[1]
            except Exception:  # a missing, truncated or foreign cache is an empty one
                self.known = {}

    @staticmethod
    def key(text: str, parser: Callable[..., Any], slug: str, shown: str, tz: tzinfo) -> bytes:
        head = f"{parser.__module__}.{parser.__qualname__}\0{tz}\0{slug}\0{shown}\0".encode()
        return hashlib.sha256(code_version() + head + text.encode("utf-8", "surrogatepass")).digest()

    def get(self, key: bytes) -> bytes | None:
        blob = self.known.get(key)
        if blob is not None:
            self.used[key] = blob
        return blob

    def put(self, key: bytes, blob: bytes) -> None:
        self.used[key] = blob

    def save(self) -> None:
        """Keep what this build used; stale entries go, so the cache never outgrows the site."""
        if self.path is None or self.used.keys() == self.known.keys():
            return
        with contextlib.suppress(OSError):  # a read-only site still builds, only slower
            _write_sealed(self.path, pickle.dumps((code_version(), self.used), protocol=pickle.HIGHEST_PROTOCOL))


# A build that would change nothing.

@dataclass(frozen=True, slots=True)
class BuildRecord:
    """What the last build into an output reported, and what it was made from."""

    fingerprint: bytes
    output: tuple[int, int, int]
    """The output directory's device, inode and mtime: every build swaps in a new tree."""
    files: int
    warnings: tuple[Problem, ...]
    next_change: datetime | None


def _tree_listing(root: Path, skip: Path) -> Iterable[bytes]:
    """Every file below `root` as path, size, mtime and inode, without dot-entries or the output.

    Everything in the site's folder counts as input, not only the files read
    today, so an input a later version reads can never be forgotten here.
    """
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=True):
                if Path(entry.path).resolve() != skip:
                    stack.append(Path(entry.path))
                continue
            try:
                stat = entry.stat(follow_symlinks=True)
            except OSError:
                continue
            yield f"{entry.path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}\0{stat.st_ino}\n".encode()


def fingerprint(root: Path, out: Path, now: datetime) -> bytes:
    """Everything a build's output depends on, in 32 bytes."""
    digest = hashlib.sha256(code_version())
    digest.update(f"{now.isoformat()}\0{Path.cwd()}\0{root.absolute()}\0{out.absolute()}\0".encode())
    for line in _tree_listing(root, out.resolve()):
        digest.update(line)
    return digest.digest()


def _record_path(root: Path, out: Path) -> Path | None:
    directory = cache_dir(root)
    if directory is None:
        return None
    name = hashlib.sha256(os.fsencode(out.resolve())).hexdigest()[:32]
    return directory / BUILDS_FOLDER / f"{name}.pickle"


def _output_identity(out: Path) -> tuple[int, int, int] | None:
    try:
        stat = out.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_mtime_ns


def unchanged_build(root: Path, out: Path, stamp: bytes) -> BuildRecord | None:
    """The last build's record if building again (from inputs with `fingerprint` stamp) would write the same."""
    path = _record_path(root, out)
    identity = _output_identity(out)
    if path is None or identity is None:
        return None
    try:
        record = pickle.loads(_read_sealed(path))
    except Exception:
        return None
    if (not isinstance(record, BuildRecord) or record.output != identity
            or record.fingerprint != stamp):
        return None
    return record


def remember_build(root: Path, out: Path, now: datetime, stamp: bytes, files: int, warnings: Iterable[Problem],
                   next_change: datetime | None) -> None:
    """Note a finished build; `stamp` is the fingerprint taken before it read anything.

    A file saved while the build ran changes the fingerprint, and then nothing
    is noted, so the next build does the work again.
    """
    path = _record_path(root, out)
    identity = _output_identity(out)
    if path is None or identity is None or fingerprint(root, out, now) != stamp:
        return
    record = BuildRecord(stamp, identity, files, tuple(warnings), next_change)
    with contextlib.suppress(OSError):
        _write_sealed(path, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
