"""Writing the output tree atomically.

The whole new site is written into a staging directory beside the output,
then swapped in with one atomic rename (Linux's RENAME_EXCHANGE where
available). A build that fails or is killed at any point leaves the
previously published tree exactly as it was, and readers of the output
never see half a site.

One build owns an output at a time: it holds a lock on the folder the
output sits in from before its staging tree exists until after the swap,
so a second build into the same output waits, and a staging tree found
beside the output while holding the lock was left by a build that is gone.
An output that is a symbolic link is published through: the folder it
points to is the one replaced, and the link stays as it was.

What is written must also fit the hosts docs/hosting.md supports; each
file is measured before it is written, the whole tree before it is swapped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..core.problems import Blame
from ..source.layout import source_folder_holding

MARKER = ".statusblog-output"
MARKER_TEXT = b"This directory is written by 'statusblog build' and replaced whole on every build.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

MAX_FILE_BYTES = 25 * 1024 * 1024
"""Cloudflare Pages serves no file over 25 MiB, the smallest such limit of the hosts we support."""
MAX_FILES = 20_000
"""Cloudflare Pages takes at most 20,000 files per deployment on its free plan."""
MAX_TOTAL_BYTES = 1_000_000_000
"""GitHub Pages publishes no site over 1 GB."""


class OutputError(Exception):
    """The output cannot be written; the message says why and what to do."""


class TooLarge(Exception):
    """What a build would write does not fit on the hosts it is for; nothing was published.

    `path` is the output file that is too large, or "" when the whole tree is; `what` is what
    `measured` and `limit` count: "bytes in one file", "files" or "bytes in all"; `made_from` is what
    the file that is too large was made from, as its output family said.
    """

    def __init__(self, path: str, measured: int, limit: int, what: str, made_from: Blame | None = None) -> None:
        super().__init__(f"{path or 'the output'}: {measured:,} {what}, over {limit:,}")
        self.path, self.measured, self.limit, self.what = path, measured, limit, what
        self.made_from = made_from


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output directory."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path or "\x00" in path:
        raise OutputError(f"refusing to write unsafe output path '{path}'")
    return pure.as_posix()


def _lock(descriptor: int, out: Path, waiting: Callable[[], None] | None) -> None:
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
    except OSError as exc:  # NFS cannot lock a folder opened for reading
        raise OutputError(f"cannot lock the folder that holds {out} ({exc.strerror or exc}), so another build "
                          "could write into it at the same time; build on a local disk and copy the output") from exc


def published_path(out: Path) -> Path:
    """The folder a build into `out` replaces: `out`, or where it leads if it is a symbolic link.

    A link to a web server's root is what a user points --out at so that the server's folder is
    updated; replacing the link with a folder of its own would leave the server serving the old site.
    """
    try:
        return Path(os.path.realpath(out, strict=True))
    except (FileNotFoundError, NotADirectoryError):
        return Path(os.path.realpath(out))  # not there yet (or a link to a folder not made yet): made by the build
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(f"--out {out} is a symbolic link that leads round in a loop; "
                              "point it at a folder, or remove it") from exc
        raise OutputError(f"cannot use {out}: {exc.strerror or exc}") from exc


def check_output_dir(out: Path, source: Path) -> None:
    """Refuse to replace a directory that is not ours, or to write where the site's sources are read."""
    target, source_resolved = published_path(out), source.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise OutputError(f"refusing to use {out} as the output directory")
    if source_resolved.is_relative_to(target):
        raise OutputError(f"output directory {out} contains the site source {source}; choose another --out")
    folder = source_folder_holding(source, target)
    if folder is not None:
        raise OutputError(f"output directory {out} is inside the site's {folder}, which every build reads: "
                          f"published pages would become the next build's sources; choose an --out outside "
                          f"{folder}, e.g. public")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(f"{out} is not empty and was not written by statusblog; refusing to replace it "
                          "(choose an empty or new --out directory)")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out} exists and is not a directory")


_held: set[Path] = set()
"""Outputs whose lock this process holds, so that a nested owned() of the same output does not wait on itself."""


@contextmanager
def owned(out: Path, waiting: Callable[[], None] | None = None) -> Iterator[Path]:
    """Hold the lock of `out` for the block; yields the folder that is published (see published_path).

    The lock is an flock on the folder that holds the output: the kernel drops it when its owner
    ends, however it ends, so a killed build never leaves a stale lock. Another build into the same
    output waits (after `waiting` is called to say so) until this one has swapped its tree in.
    """
    target = published_path(out)
    if target in _held:
        yield target
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError(f"cannot use {out}: {exc.filename} is not a directory") from exc
    except OSError as exc:
        raise OutputError(f"cannot use {out}: {target.parent} cannot be opened: {exc.strerror or exc}") from exc
    try:
        _lock(descriptor, out, waiting)
        _held.add(target)
        try:
            yield target
        finally:
            _held.discard(target)
    finally:
        os.close(descriptor)  # releases the lock


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two directories; False where the platform cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not hasattr(os, "O_PATH"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh staging tree beside `out`, swapped in if the block ends well and fits, removed if not.

    The block may fill the tree from several processes; only this one swaps, holding the output's lock.
    """
    with owned(out) as target:
        staging = _fresh_staging(out, target)
        try:
            staging.chmod(0o755)
            (staging / MARKER).write_bytes(MARKER_TEXT)
            yield staging
            check_tree_fits(staging)
            _swap(staging, target)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise OutputError(f"cannot write the output under {out}: {exc.strerror or exc}; "
                              "the previous output is unchanged") from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _fresh_staging(out: Path, target: Path) -> Path:
    """A new empty staging folder beside `target`; the caller holds the lock, so any other is stale."""
    try:
        for stale in target.parent.glob(f".{target.name}.*.new"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".new", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot create a staging directory beside {out}: {exc.strerror or exc}") from exc


def check_tree_fits(staging: Path) -> None:
    """Refuse a tree with more files, or more bytes, than a host takes in one deployment."""
    files = total = 0
    stack = [os.fspath(staging)]  # paths as text: a folder per incident, and Path costs per folder
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.name != MARKER:
                    files += 1
                    total += entry.stat(follow_symlinks=False).st_size
    if files > MAX_FILES:
        raise TooLarge("", files, MAX_FILES, "files")
    if total > MAX_TOTAL_BYTES:
        raise TooLarge("", total, MAX_TOTAL_BYTES, "bytes in all")


def write_files(staging: Path, files: Iterable[tuple[str, bytes, Blame]]) -> int:
    """Write files (each its path, its bytes and what it was made from) into a staging tree; returns how many."""
    count = 0
    made: set[Path] = {staging}
    for path, data, made_from in files:
        if len(data) > MAX_FILE_BYTES:
            raise TooLarge(path, len(data), MAX_FILE_BYTES, "bytes in one file", made_from)
        target = staging / safe_relative(path)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        _write(target, data)
        count += 1
    return count


def _write(target: Path, data: bytes) -> None:
    """Path.write_bytes without a buffered file object around the descriptor: the bytes are written whole in
    one call (a loop, should the kernel take fewer), at half the cost per file, thousands of files a build."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def _swap(staging: Path, out: Path) -> None:
    if out.exists():
        if _exchange(staging, out):
            shutil.rmtree(staging, ignore_errors=True)
            return
        old = staging.with_suffix(".old")
        os.rename(out, old)
        os.rename(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, out)
