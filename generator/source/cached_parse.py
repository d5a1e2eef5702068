"""Reading a site's content files the fast way: from the parse cache, and over every core.

A parse is a pure function of one file's text (see `parse`), so files the
parse cache does not know are parsed over every core: by this process and
forked ones, which send back the pickled result. A cache that keeps parses
(a cache folder, or the process's memory of recent ones) gets the pickle of
every parse; this process pickles its own only then. This is the build's
`parse` for `loader.load_site`: the same items and problems, in the same
order, as the loader's own serial reading.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import tzinfo
from pathlib import Path
from typing import Any

from ..core.problems import Problems
from ..core.workers import can_fork, jobs
from .cache import ParseCache, cache_dir, cache_problems
from .frontmatter import SourceError, read_text
from .loader import Entry, Parser, kept
from .parse import ParsedFile

PARALLEL_PARSE_MIN = 64
"""Fewer unknown files than this are parsed in this process: a pool costs more than it saves."""
THREAD_SWITCH_SECONDS = 0.0002
"""While this process parses beside the pool, how soon a thread that asks gets the interpreter. At Python's
5 ms the pool's threads waited behind the parsing, and a worker sat idle for about half its time."""
CHUNKS_PER_WORKER = 16
"""Parse work is cut this many chunks per process, so the last chunk to finish leaves the other cores idle
for a moment only (at 5,000 incidents a chunk is about 0.2 s of work)."""


Parsed = tuple[int, ParsedFile | None, bytes | None]
"""(position, the ParsedFile if this process parsed it, its pickle): a parse this process made is used as it
is, so only what another process parsed is unpickled, and it is pickled only if the cache keeps it."""


def _parse_chunk(parser: Parser, tz: tzinfo, chunk: list[tuple[str, str, str]]) -> list[bytes]:
    return [pickle.dumps(parser(text, slug, shown, tz), protocol=pickle.HIGHEST_PROTOCOL)
            for text, slug, shown in chunk]


def _parsed_here(chunk: list[tuple[int, str, Entry]], tz: tzinfo, kept: bool) -> Iterator[Parsed]:
    for position, text, (_path, shown, slug, parser) in chunk:
        parsed = parser(text, slug, shown, tz)
        yield position, parsed, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL) if kept else None


def _parse_misses(misses: list[tuple[int, str, Entry]], tz: tzinfo, workers: int,
                  meanwhile: Callable[[], None] | None, kept: bool) -> Iterator[Parsed]:
    """Every file not in the cache, parsed; `meanwhile`, if given, is called once: while the others parse,
    if there are others. This process's own parses come with their pickle only if they are `kept`.

    With several cores, `workers - 1` forked processes take the chunks from the front of the list, and
    this process, once it has done `meanwhile`, takes them from the back (cancelling each before a worker
    starts it) until the two meet, taking in the workers' results as they are done. Parsing here, rather
    than only waiting for a pool as large as the machine, saves a process, sending its share's texts out,
    and unpickling its share's parses (which are pickled only for a cache that keeps them).
    """
    if workers <= 1 or len(misses) < PARALLEL_PARSE_MIN or not can_fork():
        yield from _parsed_here(misses, tz, kept)
        if meanwhile:
            meanwhile()
        return
    by_parser: dict[Parser, list[tuple[int, str, Entry]]] = {}
    for miss in misses:
        by_parser.setdefault(miss[2][3], []).append(miss)
    size = max(1, len(misses) // (workers * CHUNKS_PER_WORKER))
    chunks = [group[start:start + size] for group in by_parser.values() for start in range(0, len(group), size)]
    # Workers collect garbage as usual, whatever the reading process's collector is doing (core.heap).
    with (ProcessPoolExecutor(max_workers=workers - 1, mp_context=multiprocessing.get_context("fork"),
                              initializer=gc.enable) as pool, _threads_served_quickly()):
        futures = [pool.submit(_parse_chunk, chunk[0][2][3], tz, [(text, entry[2], entry[1])
                                                                  for _, text, entry in chunk])
                   for chunk in chunks]
        if meanwhile:
            meanwhile()
        taken, collected = len(chunks), 0
        while taken > collected and futures[taken - 1].cancel():
            taken -= 1
            yield from _parsed_here(chunks[taken], tz, kept)
            while collected < taken and futures[collected].done():  # unpickled now, not all at the end
                yield from _received(chunks[collected], futures[collected])
                collected += 1
        for chunk, future in zip(chunks[collected:taken], futures[collected:taken], strict=True):
            yield from _received(chunk, future)


def _received(chunk: list[tuple[int, str, Entry]], future: Future[list[bytes]]) -> Iterator[Parsed]:
    return ((position, None, blob) for (position, _, _), blob in zip(chunk, future.result(), strict=True))


@contextmanager
def _threads_served_quickly() -> Iterator[None]:
    """The pool's threads in this process (which hand the workers their next chunk and take in what they
    sent) get the interpreter within THREAD_SWITCH_SECONDS of asking, while this process parses."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(THREAD_SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def parse_entries(root: Path, entries: list[Entry], tz: tzinfo, problems: Problems,
                  meanwhile: Callable[[], None] | None = None) -> list[Any]:
    """Read and parse content files, from the cache where it knows them; the items, in entry order.

    Problems are reported in entry order too, whichever process parsed the file. `meanwhile` is work of the
    caller's that this process does while the pool parses, where it would otherwise only wait; it is done
    once in any case, and must not raise.
    """
    problems.extend(cache_problems(root))
    store = ParseCache(cache_dir(root))
    blobs: list[bytes | None] = []
    keys: list[bytes] = []
    misses: list[tuple[int, str, Entry]] = []
    for position, entry in enumerate(entries):
        path, shown, slug, parser = entry
        try:
            text = read_text(path)
        except SourceError as exc:
            problems.error(shown, exc.line, exc.message, exc.hint)
            blobs.append(None)
            keys.append(b"")
            continue
        key = store.key(text, parser, slug, shown, tz)
        blob = store.get(key)
        blobs.append(blob)
        keys.append(key)
        if blob is None:
            misses.append((position, text, entry))
    parsed_files: list[ParsedFile | None] = [None] * len(entries)
    for position, parsed, blob in _parse_misses(misses, tz, jobs(), meanwhile, store.keeps):
        # Another process's parse is unpickled as it arrives, while the rest are parsed, not all after.
        parsed_files[position] = parsed if parsed is not None else pickle.loads(blob)  # type: ignore[arg-type]
        if blob is not None:
            store.put(keys[position], blob)
    items = []
    for parsed, blob in zip(parsed_files, blobs, strict=True):
        if parsed is None:
            if blob is None:  # it could not be read, as reported above
                continue
            parsed = pickle.loads(blob)
        problems.extend(parsed.problems)
        if (item := kept(parsed)) is not None:
            items.append(item)
    store.save()
    return items
