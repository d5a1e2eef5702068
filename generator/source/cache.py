"""The site's cache folder: sealed files a build may keep from the last one, and the parsed files kept there.

Parsing Markdown is most of the cost of reading a site, and between two
builds almost every file is the same. A parse is a pure function of the
file's text, its slug and shown path, the site's timezone and this code, so
its result is kept under the SHA-256 of exactly those, and a file whose key
is known is not parsed again. The same sealed folder keeps the record of the
last build (build.build_record), so a build that would change nothing is not
done again at all, and the compiled theme (render.compiled_theme).

The cache is opt-in: a plain `statusblog build` writes nothing outside its
output, so it lives only where $STATUSBLOG_CACHE_DIR points (one folder per
site below it), e.g. a directory a CI keeps between runs. It is safe to
delete at any time, never trusted across code
versions (the code's own bytes are part of every key), and a cache that
cannot be read or written is treated as empty: it can make a build faster,
never different, and never make it fail.

A cache folder may be shared (a CI cache restored from another job), so
nothing in it is trusted that this user's own builds did not write: files
are sealed with a key only this user can read or write, and no symbolic
link below $STATUSBLOG_CACHE_DIR is followed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import importlib
import os
import pickle
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from .. import __version__, themes
from ..core.problems import Problem, Severity
from ..core.recent import Recent

PARSE_FILE = "parse.pickle"
#: The generator's own files: its code and scaffold, and the installed themes.
_CODE_ROOTS = (("generator", Path(__file__).parents[1]), ("themes", themes.ROOT))


def cache_home() -> Path | None:
    """$STATUSBLOG_CACHE_DIR, the folder all sites' caches live in; None when caching is turned off."""
    configured = os.environ.get("STATUSBLOG_CACHE_DIR", "")
    if not configured or configured.lower() in ("off", "0", "no", "false"):
        return None
    return Path(configured)


def cache_dir(site_root: Path) -> Path | None:
    """Where this site's cache lives; None when caching is turned off."""
    home = cache_home()
    if home is None:
        return None
    return home / hashlib.sha256(os.fsencode(site_root.resolve())).hexdigest()[:16]


def _unlinked(path: Path) -> bool:
    """Whether `path`, and every folder on the way to it below $STATUSBLOG_CACHE_DIR, is not a symbolic link.

    A link planted in a shared cache would have this build read a file it did not write, or write its
    files where the link leads; the folder the user names may itself be a link.
    """
    home = cache_home()
    current = path
    while current != home and current != current.parent:
        if current.is_symlink():
            return False
        current = current.parent
    return True


KEPT_LIBRARIES = ("markdown_it", "mdit_py_plugins", "yaml", "jinja2")
"""The libraries whose work the cache keeps: parses (markdown-it-py, its plugins, PyYAML) and compiled
templates (Jinja2). A new version of any of them may make other results, so its version is in every key."""


@cache
def own_code() -> bytes:
    """The generator's own bytes (code, templates, static files) and Python's version, in 32 bytes.

    Hashing the files, not trusting a version number, means an edited
    checkout or a reinstall can never be served results of other code.
    Nothing is imported: a build that would change nothing asks this first.
    """
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for name, root in _CODE_ROOTS:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = f"{name}/{path.relative_to(root).as_posix()}"
                digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@cache
def code_version() -> bytes:
    """own_code and the versions of KEPT_LIBRARIES: what every cache file is keyed by."""
    libraries = "\0".join(f"{name} {importlib.import_module(name).__version__}" for name in KEPT_LIBRARIES)
    return hashlib.sha256(own_code() + libraries.encode()).digest()


@dataclass(frozen=True, slots=True)
class SealingKey:
    """The key that seals this user's cache files, or why there is none to trust."""

    path: Path
    key: bytes | None
    refusal: str = ""
    """Why a key file that is there is not used; empty when it is, or when none could be made."""


def _key_path() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "statusblog" / "cache-key"


@cache
def _sealing_key() -> SealingKey:
    """The key that seals this user's cache files; no key (no cache) where it cannot be kept or trusted.

    A cache file is a pickle, and unpickling runs code: a cache directory
    shared with others (a CI cache, a folder committed to a site's repository)
    could run another person's code. The key lives outside every site, readable by this
    user alone, so only files that this user's own builds wrote are unpickled. A key file that
    another user owns, or could read or write, is not that: whoever planted it (with a restored or
    shared cache home) could seal a pickle of their own.
    """
    path = _key_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb") as handle:
            status = os.fstat(handle.fileno())
            key = handle.read(33) if stat.S_ISREG(status.st_mode) else b""
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return SealingKey(path, None, "is a symbolic link")
        return SealingKey(path, None)
    if not stat.S_ISREG(status.st_mode):
        return SealingKey(path, None, "is not a regular file")
    if status.st_uid != os.geteuid():
        return SealingKey(path, None, "belongs to another user")
    if status.st_mode & 0o077:
        return SealingKey(path, None, f"can be read or written by other users (mode {status.st_mode & 0o777:o})")
    if len(key) != 32:
        return SealingKey(path, None, "is not a key that statusblog wrote")
    return SealingKey(path, key)


def cache_problems(site_root: Path) -> list[Problem]:
    """A warning when the cache is on but its key cannot be trusted, so nothing is cached."""
    sealing = _sealing_key() if cache_dir(site_root) is not None else None
    if sealing is None or not sealing.refusal:
        return []
    return [Problem(str(sealing.path), None, f"the cache key {sealing.refusal}, so the build cache is not used",
                    "delete the file (the next build makes a new one, readable by you alone), and find out "
                    "who put it there", Severity.WARNING)]


def read_sealed(path: Path) -> bytes:
    """A cache file's pickle, if this user's builds wrote it; ValueError otherwise."""
    key = _sealing_key().key
    if key is None or not _unlinked(path):
        raise ValueError(f"{path} was not written by this user's builds")
    blob = path.read_bytes()
    if not hmac.compare_digest(blob[:32], hmac.digest(key, blob[32:], "sha256")):
        raise ValueError(f"{path} was not written by this user's builds")
    return blob[32:]


def write_sealed(path: Path, data: bytes) -> None:
    key = _sealing_key().key
    if key is not None:
        _write_atomically(path, hmac.digest(key, data, "sha256") + data)


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` whole; a concurrent or killed writer leaves the old file or the new one.

    Nothing is written through a symbolic link planted in the cache (OSError, so a cache that cannot be
    written is an empty one).
    """
    if not _unlinked(path.parent):
        raise OSError(errno.ELOOP, "a folder of the cache is a symbolic link", str(path.parent))
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


RECENT_PARSES_BYTES = 64 * 2**20
"""Pickles of parses a process keeps in memory: about 12,000 incidents' worth."""
_RECENT: Recent[bytes, bytes] = Recent(RECENT_PARSES_BYTES, len)
"""The parses this process made last, with or without a cache folder: a process that reads a site again
parses each distinct file once. What is kept is the pickle, so every reader gets objects of its own."""


@contextlib.contextmanager
def read_once() -> Iterator[None]:
    """Inside, parses are not kept in this process's memory: for a command that reads its site once.

    Kept, each parse this process makes itself is pickled for nothing; without a cache folder that is all
    its pickling, about 15 ms of the build process's own share of parsing at 1,000 incidents.
    """
    limit = _RECENT.limit
    _RECENT.limit = 0
    try:
        yield
    finally:
        _RECENT.limit = limit


class ParseCache:
    """Parsed files by key, loaded once per build, saved with only the keys that build used; the process's
    recent parses are asked too."""

    def __init__(self, directory: Path | None) -> None:
        self.path = directory / PARSE_FILE if directory else None
        self.known: dict[bytes, bytes] = {}
        self.used: dict[bytes, bytes] = {}
        # Without a cache folder, keys only name parses inside this process, whose code cannot change:
        # the code is not hashed (a few milliseconds per megabyte of it) for them.
        self.version = code_version() if self.path is not None else b""
        if self.path is not None:
            try:
                loaded = pickle.loads(read_sealed(self.path))
                if isinstance(loaded, tuple) and loaded[0] == self.version:
                    self.known = loaded[1]
            except Exception:  # a missing, truncated or foreign cache is an empty one
                self.known = {}

    def key(self, text: str, parser: Callable[..., Any], slug: str, shown: str, tz: tzinfo) -> bytes:
        head = f"{parser.__module__}.{parser.__qualname__}\0{tz}\0{slug}\0{shown}\0".encode()
        return hashlib.sha256(self.version + head + text.encode("utf-8", "surrogatepass")).digest()

    def get(self, key: bytes) -> bytes | None:
        blob = self.known.get(key)
        if blob is None:
            blob = _RECENT.get(key)
        if blob is not None:
            self.used[key] = blob
        return blob

    @property
    def keeps(self) -> bool:
        """Whether a parse put here is kept anywhere: in a cache folder, or in the process's memory."""
        return self.path is not None or _RECENT.limit > 0

    def put(self, key: bytes, blob: bytes) -> None:
        self.used[key] = blob
        _RECENT.put(key, blob)

    def save(self) -> None:
        """Keep what this build used; stale entries go, so the cache never outgrows the site."""
        if self.path is None or self.used.keys() == self.known.keys():
            return
        with contextlib.suppress(OSError):  # a read-only site still builds, only slower
            write_sealed(self.path, pickle.dumps((self.version, self.used), protocol=pickle.HIGHEST_PROTOCOL))
