"""Writing the output tree atomically.

The whole new site is written into a staging directory beside the output,
then swapped in with one atomic rename (Linux's RENAME_EXCHANGE where
available). A build that fails or is killed at any point leaves the
previously published tree exactly as it was, and readers of the output
never see half a site.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

MARKER = ".statusblog-output"
MARKER_TEXT = b"This directory is written by 'statusblog build' and replaced whole on every build.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputError(Exception):
    """The output cannot be written; the message says why and what to do."""


def safe_relative(path: str) -> str:
    """Refuse any output path that could land outside the output directory."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path or "\x00" in path:
        raise OutputError(f"refusing to write unsafe output path '{path}'")
    return pure.as_posix()


def check_output_dir(out: Path, source: Path) -> None:
    """Refuse to replace a directory that is not ours, or that holds the source."""
    resolved, source_resolved = out.resolve(), source.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        raise OutputError(f"refusing to use {out} as the output directory")
    if source_resolved.is_relative_to(resolved):
        raise OutputError(f"output directory {out} contains the site source {source}; choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(f"{out} is not empty and was not written by statusblog; refusing to replace it "
                          "(choose an empty or new --out directory)")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")


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
    """A fresh staging tree beside `out`, swapped in if the block ends well, removed if not.

    The block may fill the tree from several processes; only this one swaps.
    """
    out = out.absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for stale in out.parent.glob(f".{out.name}.*.new"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".new", dir=out.parent))
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError(f"cannot use {out}: {exc.filename} is not a directory") from exc
    except OSError as exc:
        raise OutputError(f"cannot create a staging directory beside {out}: {exc.strerror or exc}") from exc
    try:
        staging.chmod(0o755)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        yield staging
        _swap(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the output under {out}: {exc.strerror or exc}; "
                          "the previous output is unchanged") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_files(staging: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write files into a staging tree; returns how many."""
    count = 0
    made: set[Path] = {staging}
    for path, data in files:
        target = staging / safe_relative(path)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(data)
        count += 1
    return count


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
