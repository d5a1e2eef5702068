"""A build that would change nothing: the record of the last build into an output, and when to trust it.

A build whose every input (the site's files, the generator's own code, the libraries and zone database it
runs on, "now", the working directory) is the same as the last build into the same output, and whose output
is still exactly what that build wrote, is not done again. The record is a sealed file in the site's cache
folder (source.cache).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import zoneinfo
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.problems import Problem
from ..proof.bylines import NO_BYLINES, Bylines
from ..source.cache import cache_dir, cache_home, own_code, read_sealed, write_sealed

BUILDS_FOLDER = "builds"


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build reports: the files it wrote (or the last one wrote, when nothing changed), its warnings,
    when the site next changes by itself, and the bylines it proved."""

    files: int
    seconds: float
    warnings: list[Problem]
    next_change: datetime | None
    bylines: Bylines = NO_BYLINES


@dataclass(frozen=True, slots=True)
class BuildRecord:
    """What the last build into an output reported, and what it was made from."""

    fingerprint: bytes
    published: bytes
    """The digest of the output tree's listing just after the build (see _tree_digest): every build swaps
    in a new tree, and a file edited, added or removed by hand afterwards changes it too."""
    files: int
    warnings: tuple[Problem, ...]
    next_change: datetime | None


def _tree_listing(root: Path, skip: Collection[Path] = (), skip_prefix: str = "\0") -> Iterable[bytes]:
    """Every entry below `root` as path, link target, size, times and inode, without following links.

    Everything in the site's folder counts as input, not only the files read
    today, so an input a later version reads can never be forgotten here;
    dot-entries too (`static/.well-known/` is published). Left out: `.git`
    (signature builds, which read it, are never skipped), the folders in
    `skip` (the output, a cache kept in the site) and folders whose name starts
    with `skip_prefix` (a build's staging trees). A link is listed, never
    followed: its target is listed where it lies, and a loop costs nothing.
    """
    stack = [os.fspath(root)]  # paths as text: an output has a folder per incident, and Path costs per folder
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name == ".git":
                continue
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(status.st_mode):
                if not entry.name.startswith(skip_prefix) and not (skip and Path(os.path.realpath(entry.path)) in skip):
                    stack.append(entry.path)
                continue
            link = os.readlink(entry.path) if stat.S_ISLNK(status.st_mode) else ""
            yield (f"{entry.path}\0{link}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\0"
                   f"{status.st_ino}\n").encode("utf-8", "surrogateescape")


def _runtime() -> bytes:
    """What a build runs on besides its own code and Python (source.cache.own_code): each distribution
    installed where this process imports from, by name and version (`babel-2.19.0.dist-info`), and the version
    line of each zone database `zoneinfo` may read.

    A new markdown-it-py or Jinja (other pages), a new Babel (other CLDR words and date formats), feedgen, lxml
    or icalendar, or new zone rules, can change what a build writes while not a byte of the site changes. Names
    only: listing a few folders costs a millisecond, where importing the libraries to ask their versions costs
    0.08 to 0.1 s, a third of a build that would change nothing at 1,000 incidents.
    """
    parts = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or os.curdir)
        except OSError:  # a zip file, or a folder that is gone
            continue
        parts += sorted(name for name in names if name.endswith((".dist-info", ".egg-info")))
    for directory in zoneinfo.TZPATH:
        try:
            with open(os.path.join(directory, "tzdata.zi"), "rb") as database:
                parts.append(database.readline(100).decode("ascii", "replace"))
        except OSError:
            continue
    return "\0".join(parts).encode("utf-8", "surrogateescape")


def fingerprint(root: Path, out: Path, now: datetime) -> bytes:
    """Everything a build's output depends on, in 32 bytes."""
    digest = hashlib.sha256(own_code() + _runtime())
    digest.update(f"{now.isoformat()}\0{Path.cwd()}\0{root.absolute()}\0{out.absolute()}\0".encode())
    published = Path(os.path.realpath(out))
    home = cache_home()
    skip = {published} | ({Path(os.path.realpath(home))} if home is not None else set())
    digest.update(b"".join(_tree_listing(root, skip, f".{published.name}.")))
    return digest.digest()


def _tree_digest(out: Path) -> bytes | None:
    """The output tree's listing in 32 bytes; None when there is no output to list."""
    if not out.is_dir():
        return None
    return hashlib.sha256(b"".join(_tree_listing(out))).digest()


def _record_path(root: Path, out: Path) -> Path | None:
    directory = cache_dir(root)
    if directory is None:
        return None
    name = hashlib.sha256(os.fsencode(os.path.realpath(out))).hexdigest()[:32]
    return directory / BUILDS_FOLDER / f"{name}.pickle"


def unchanged_build(root: Path, out: Path, stamp: bytes) -> BuildRecord | None:
    """The last build's record if building again (from inputs with `fingerprint` stamp) would write the same,
    and the output is still exactly what that build wrote."""
    path = _record_path(root, out)
    if path is None:
        return None
    try:
        record = pickle.loads(read_sealed(path))
    except Exception:
        return None
    if not isinstance(record, BuildRecord) or record.fingerprint != stamp or record.published != _tree_digest(out):
        return None
    return record


def remember_build(root: Path, out: Path, now: datetime, stamp: bytes, files: int, warnings: Iterable[Problem],
                   next_change: datetime | None) -> None:
    """Note a finished build; `stamp` is the fingerprint taken before it read anything.

    A file saved while the build ran changes the fingerprint, and then nothing
    is noted, so the next build does the work again.
    """
    path = _record_path(root, out)
    published = _tree_digest(out)
    if path is None or published is None or fingerprint(root, out, now) != stamp:
        return
    record = BuildRecord(stamp, published, files, tuple(warnings), next_change)
    with contextlib.suppress(OSError):
        write_sealed(path, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
