"""A build: the site's outputs written into a new tree and swapped in whole, or nothing at all, or nothing
done because nothing would change.

The whole build holds the output's lock, from deciding that nothing changed to noting the tree it swapped
in, so what it reports is that tree. A build that would change nothing stops before the code that reads,
derives and renders a site is loaded (build.full_build): loading it would otherwise be about a third of
such a build's time at 1,000 incidents.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..proof.bylines import SignatureOptions
from ..source.cache import cache_dir
from .build_record import BuildResult, fingerprint, unchanged_build
from .output_dir import owned


def build(root: Path, out: Path, now: datetime, strict: bool = False,
          signatures: SignatureOptions | None = None, waiting: Callable[[], None] | None = None) -> BuildResult:
    """Build the site into `out`, or raise SiteError and leave `out` untouched; `waiting` is called if
    another build holds the output's lock first."""
    with owned(out, waiting):
        started = time.perf_counter()
        # Signatures read git history, which the fingerprint does not cover: such builds are always done.
        stamp = fingerprint(root, out, now) if signatures is None and cache_dir(root) else None
        record = unchanged_build(root, out, stamp) if stamp else None
        if record is not None and not (strict and record.warnings):
            return BuildResult(record.files, time.perf_counter() - started, list(record.warnings),
                               record.next_change)
        from .full_build import full_build  # the reading, deriving and rendering, loaded for a build that is done

        return full_build(root, out, now, strict, signatures, stamp, started)
