"""Reading a site's content files the fast way: from the parse cache, and over every core.

A parse is a pure function of one file's text (see `parse`), so files the
parse cache does not know are parsed by a pool of forked processes, which
send back the pickled result (the cache keeps those bytes). This is the
build's `parse` for `loader.load_site`: the same items and problems, in the
same order, as the loader's own serial reading.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
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
CHUNKS_PER_WORKER = 16
"""Parse work is cut this many chunks per process, so the last chunk to finish leaves the other cores idle
for a moment only (at 5,000 incidents a chunk is about 0.2 s of work)."""


def _parse_chunk(parser: Parser, tz: tzinfo, chunk: list[tuple[str, str, str]]) -> list[bytes]:
    return [pickle.dumps(parser(text, slug, shown, tz), protocol=pickle.HIGHEST_PROTOCOL)
            for text, slug, shown in chunk]


def _parse_misses(misses: list[tuple[int, str, Entry]], tz: tzinfo, workers: int,
                  meanwhile: Callable[[], None] | None) -> Iterator[tuple[int, bytes]]:
    """(position, pickled ParsedFile) for every file not in the cache; `meanwhile`, if given, is called once:
    while the pool parses, if there is one."""
    if workers <= 1 or len(misses) < PARALLEL_PARSE_MIN or not can_fork():
        for position, text, (_path, shown, slug, parser) in misses:
            yield position, pickle.dumps(parser(text, slug, shown, tz), protocol=pickle.HIGHEST_PROTOCOL)
        if meanwhile:
            meanwhile()
        return
    by_parser: dict[Parser, list[tuple[int, str, Entry]]] = {}
    for miss in misses:
        by_parser.setdefault(miss[2][3], []).append(miss)
    size = max(1, len(misses) // (workers * CHUNKS_PER_WORKER))
    # Workers collect garbage as usual, whatever the reading process's collector is doing (core.heap).
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=gc.enable) as pool:
        jobs_done = []
        for parser, group in by_parser.items():
            for start in range(0, len(group), size):
                chunk = group[start:start + size]
                work = [(text, entry[2], entry[1]) for _, text, entry in chunk]
                jobs_done.append(([position for position, _, _ in chunk], pool.submit(_parse_chunk, parser, tz, work)))
        if meanwhile:
            meanwhile()
        for positions, future in jobs_done:
            yield from zip(positions, future.result(), strict=True)


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
        key = ParseCache.key(text, parser, slug, shown, tz)
        blob = store.get(key)
        blobs.append(blob)
        keys.append(key)
        if blob is None:
            misses.append((position, text, entry))
    parsed_files: list[ParsedFile | None] = [None] * len(entries)
    for position, blob in _parse_misses(misses, tz, jobs(), meanwhile):
        # Unpickled as each result arrives, while the pool parses the rest, rather than all after it.
        parsed_files[position] = pickle.loads(blob)
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
