"""Spreading a build over the machine's cores.

Python runs one thread of Python at a time, so a build uses a second core
only through a second process. Both costly steps are pure per item: parsing
is a function of one file's text (see `content`), and every output page is a
function of the derived state. So:

- Files the parse cache does not know are parsed by a pool of forked
  processes, which send back the pickled result (the cache keeps those bytes).
- Output is written by forked processes that share the derived state
  without copying or pickling it. Every process walks the same output
  families in the same order, cut into the same units (a few theme pages,
  or the rest of a family that is not pages, like the feeds), and does the
  units it claims from one shared counter, writing them straight into the
  staging tree. A process that drew quick units claims more, so all finish
  together whatever each unit costs.

Forking is used only where it is safe and pays: on platforms that have it,
in a process with no other threads, and for sites big enough that a
process's start-up is small beside its share. Anything else builds serially,
with byte-identical output; STATUSBLOG_JOBS=1 forces that.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import tzinfo
from pathlib import Path
from typing import Any

from .cache import ParseCache, cache_dir
from .content import ParsedFile, Unfinished
from .problems import Problems
from .render import DeferredPage, DeferringTheme, Theme
from .source import SourceError, read_text
from .writer import write_files

Parser = Callable[[str, str, str, tzinfo], ParsedFile]
Entry = tuple[Path, str, str, Parser]
"""A content file to parse: its path, the path shown in messages, its slug, and its parser."""
Families = Iterator[Iterable[tuple[str, Any]]]

PARALLEL_PARSE_MIN = 64
"""Fewer unknown files than this are parsed in this process: a pool costs more than it saves."""
PARALLEL_RENDER_MIN = 200
"""Fewer theme pages than this (known from the site's size) are rendered in this process."""
CHUNKS_PER_WORKER = 16
"""Parse work is cut this many chunks per process, so the last chunk to finish leaves the other cores idle
for a moment only (at 5,000 incidents a chunk is about 0.2 s of work)."""


def jobs() -> int:
    """How many processes a build may use: STATUSBLOG_JOBS, else the cores this process may run on."""
    configured = os.environ.get("STATUSBLOG_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Fork copies only the calling thread, so it is used only when there is no other."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


# Parsing.

def _parse_chunk(parser: Parser, tz: tzinfo, chunk: list[tuple[str, str, str]]) -> list[bytes]:
    return [pickle.dumps(parser(text, slug, shown, tz), protocol=pickle.HIGHEST_PROTOCOL)
            for text, slug, shown in chunk]


def _parse_misses(misses: list[tuple[int, str, Entry]], tz: tzinfo, workers: int) -> Iterator[tuple[int, bytes]]:
    """(position, pickled ParsedFile) for every file not in the cache."""
    if workers <= 1 or len(misses) < PARALLEL_PARSE_MIN or not can_fork():
        for position, text, (_path, shown, slug, parser) in misses:
            yield position, pickle.dumps(parser(text, slug, shown, tz), protocol=pickle.HIGHEST_PROTOCOL)
        return
    by_parser: dict[Parser, list[tuple[int, str, Entry]]] = {}
    for miss in misses:
        by_parser.setdefault(miss[2][3], []).append(miss)
    size = max(1, len(misses) // (workers * CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        jobs_done = []
        for parser, group in by_parser.items():
            for start in range(0, len(group), size):
                chunk = group[start:start + size]
                work = [(text, entry[2], entry[1]) for _, text, entry in chunk]
                jobs_done.append(([position for position, _, _ in chunk], pool.submit(_parse_chunk, parser, tz, work)))
        for positions, future in jobs_done:
            yield from zip(positions, future.result(), strict=True)


def parse_entries(root: Path, entries: list[Entry], tz: tzinfo, problems: Problems) -> list[Any]:
    """Read and parse content files, from the cache where it knows them; the items, in entry order.

    Problems are reported in entry order too, whichever process parsed the file.
    """
    store = ParseCache(cache_dir(root))
    texts: list[str | None] = []
    blobs: list[bytes | None] = []
    keys: list[bytes] = []
    misses: list[tuple[int, str, Entry]] = []
    for position, entry in enumerate(entries):
        path, shown, slug, parser = entry
        try:
            text = read_text(path)
        except SourceError as exc:
            problems.error(shown, exc.line, exc.message, exc.hint)
            texts.append(None)
            blobs.append(None)
            keys.append(b"")
            continue
        key = ParseCache.key(text, parser, slug, shown, tz)
        blob = store.get(key)
        texts.append(text)
        blobs.append(blob)
        keys.append(key)
        if blob is None:
            misses.append((position, text, entry))
    for position, blob in _parse_misses(misses, tz, jobs()):
        blobs[position] = blob
        store.put(keys[position], blob)
    items = []
    for blob in blobs:
        if blob is None:
            continue
        parsed: ParsedFile = pickle.loads(blob)
        problems.extend(parsed.problems)
        if parsed.item is not None:
            items.append(parsed.item)
        elif parsed.unfinished is not None:
            items.append(Unfinished(parsed.unfinished))
    store.save()
    return items


# Rendering.

PAGES_PER_UNIT = 8
"""Theme pages a process claims at a time: a few milliseconds of work, so the processes finish together."""


def _units(families: Families) -> Iterator[Iterator[tuple[str, Any]]]:
    """The build cut into units of work, the same way in every process.

    A unit is a run of at most PAGES_PER_UNIT theme pages, or what is left
    of a family from its first file that is not a page (feeds, say), which
    only the process that claims it computes. A skipped unit is never
    iterated, so its files cost that process nothing.
    """
    for family in families:
        files = iter(family)
        pages: list[tuple[str, Any]] = []
        for path, data in files:
            if not isinstance(data, DeferredPage):
                if pages:
                    yield iter(pages)
                yield itertools.chain([(path, data)], files)
                pages = []
                break
            pages.append((path, data))
            if len(pages) == PAGES_PER_UNIT:
                yield iter(pages)
                pages = []
        if pages:
            yield iter(pages)


def _shard(staging: Path, families: Families, theme: Theme, claim: Callable[[], int]) -> list[str]:
    """Write the units this process claims; the paths it wrote.

    Units are claimed from one counter shared by every process, in the order
    every process walks them, so each unit is done exactly once, and a
    process that drew quick units goes on to claim more.
    """

    def mine() -> Iterator[tuple[str, bytes]]:
        wanted = claim()
        for number, unit in enumerate(_units(families)):
            if number != wanted:
                continue
            for path, data in unit:
                written.append(path)
                yield path, data.render(theme) if isinstance(data, DeferredPage) else data
            wanted = claim()

    written: list[str] = []
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


def _child(staging: Path, families: Callable[[Theme], Families], theme: Theme, claim: Callable[[], int],
           sender: Any) -> None:
    try:
        sender.send(_shard(staging, families(DeferringTheme.of(theme)), theme, claim))
    except BaseException:  # the parent renders everything again and reports the error itself
        raise SystemExit(1) from None
    finally:
        sender.close()


def _serially(staging: Path, families: Families) -> list[str]:
    written: list[str] = []

    def noted() -> Iterator[tuple[str, bytes]]:
        for family in families:
            for path, data in family:
                written.append(path)
                yield path, data

    write_files(staging, noted())
    return written


def write_rendered(staging: Path, families: Callable[[Theme], Families], theme: Theme, pages: int) -> list[str]:
    """Render every output file into `staging`; the paths written, in no particular order.

    `families(theme)` yields each output family's files in order; `pages`
    is roughly how many theme pages there are, to decide whether forking pays.
    """
    workers = jobs()
    if workers <= 1 or pages < PARALLEL_RENDER_MIN or not can_fork():
        return _serially(staging, families(theme))
    theme.compile()
    context = multiprocessing.get_context("fork")
    claim = _counter(context)
    # The derived state is read by every process and changed by none; freezing it out of the
    # collector's sight keeps a child's collections from touching, and so copying, its pages.
    gc.freeze()
    children = []
    try:
        for _ in range(1, workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(staging, families, theme, claim, sender), daemon=True)
            process.start()
            sender.close()
            children.append((process, receiver))
        written = _shard(staging, families(DeferringTheme.of(theme)), theme, claim)
    except BaseException:
        for process, _ in children:
            process.kill()
            process.join()
        raise
    finally:
        gc.unfreeze()
    shares: list[list[str] | None] = []
    for process, receiver in children:
        try:
            shares.append(receiver.recv())
        except EOFError:
            shares.append(None)
        process.join()
    if any(share is None for share in shares) or any(process.exitcode for process, _ in children):
        # A child failed (a template error, or killed): render everything here, where an error is raised
        # with its whole story, and where a build that can succeed does.
        return _serially(staging, families(theme))
    return written + [path for share in shares if share for path in share]
