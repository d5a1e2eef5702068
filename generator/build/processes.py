"""Spreading a build's output over the machine's cores.

Python runs one thread of Python at a time, so a build uses a second core
only through a second process. Every output page is a function of the
derived state (parsing, the other costly step, is spread by `source.cached_parse`).

Output is written by forked processes that share the derived state
without copying or pickling it. The build's output is cut into units (a few
theme pages, or the rest of a family that is not pages, like the feeds),
listed once before the processes are forked, so each inherits the same
list; each does the units it claims from one shared counter, writing them
straight into the staging tree. A process that drew quick units claims
more, so all finish together whatever each unit costs.

Forking is used only where it is safe and pays: on platforms that have it,
in a process with no other threads, and for sites big enough that a
process's start-up is small beside its share. Anything else builds serially,
with byte-identical output; STATUSBLOG_JOBS=1 forces that.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..core.problems import Blame
from ..core.workers import can_fork, jobs
from .output_dir import write_files

PARALLEL_RENDER_MIN = 200
"""Fewer theme pages than this (known from the site's size) are rendered in this process."""


Unit = Callable[[], Iterable[tuple[str, str, bytes, Blame]]]
"""One unit of a build's output: a few theme pages, or one family's files, each file as (family, path, bytes,
what it was made from). Called only by the process that claims it, so its work costs the others nothing."""
Claim = tuple[str, str]
"""(family, path): which family wrote which file, so the builder can hold every file to its family."""

PAGES_PER_UNIT = 8
"""Theme pages a process claims at a time: a few milliseconds of work, so the processes finish together."""


def _shard(staging: Path, units: Sequence[Unit], claim: Callable[[], int]) -> list[Claim]:
    """Write the units this process claims; what it wrote, and for which family.

    Units are claimed from one counter shared by every process, by their
    place in the list every process inherited, so each unit is done exactly
    once, and a process that drew quick units goes on to claim more.
    """

    def mine() -> Iterator[tuple[str, bytes, Blame]]:
        wanted = claim()
        for number, unit in enumerate(units):
            if number != wanted:
                continue
            for family, path, data, made_from in unit():
                written.append((family, path))
                yield path, data, made_from
            wanted = claim()

    written: list[Claim] = []
    write_files(staging, mine())
    return written


def _counter(context: Any) -> Callable[[], int]:
    shared = context.Value("q", 0)

    def claim() -> int:
        with shared.get_lock():
            number = shared.value
            shared.value = number + 1
        return int(number)

    return claim


def _child(staging: Path, units: Sequence[Unit], claim: Callable[[], int], sender: Any) -> None:
    try:
        sender.send(_shard(staging, units, claim))
    except BaseException:  # the parent writes everything again and reports the error itself
        raise SystemExit(1) from None
    finally:
        sender.close()


def _serially(staging: Path, units: Sequence[Unit]) -> list[Claim]:
    written: list[Claim] = []

    def noted() -> Iterator[tuple[str, bytes, Blame]]:
        for unit in units:
            for family, path, data, made_from in unit():
                written.append((family, path))
                yield path, data, made_from

    write_files(staging, noted())
    return written


def write_units(staging: Path, units: Sequence[Unit], pages: int) -> list[Claim]:
    """Write every unit's files into `staging`; each (family, path) written, in no particular order.

    A unit may be called again (a failed child's share is written again here); `pages` is roughly how
    many theme pages there are, to decide whether forking pays. The derived state is read by every
    process and changed by none: the build keeps it out of collections (core.heap), so a child's
    collections do not touch, and so copy, its pages.
    """
    workers = jobs()
    if workers <= 1 or pages < PARALLEL_RENDER_MIN or not can_fork():
        return _serially(staging, units)
    context = multiprocessing.get_context("fork")
    claim = _counter(context)
    children = []
    try:
        for _ in range(1, workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(staging, units, claim, sender), daemon=True)
            process.start()
            sender.close()
            children.append((process, receiver))
        written = _shard(staging, units, claim)
    except BaseException:
        for process, _ in children:
            process.kill()
            process.join()
        raise
    shares: list[list[Claim] | None] = []
    for process, receiver in children:
        try:
            shares.append(receiver.recv())
        except EOFError:
            shares.append(None)
        process.join()
    if any(share is None for share in shares) or any(process.exitcode for process, _ in children):
        # A child failed (a template error, or killed): write everything here, where an error is raised
        # with its whole story, and where a build that can succeed does.
        return _serially(staging, units)
    return written + [path for share in shares if share for path in share]
