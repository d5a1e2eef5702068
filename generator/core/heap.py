"""Keeping Python's cyclic garbage collector off the model and its derived state.

The collector walks every object it tracks each time the heap has grown by a
quarter since its last full pass. Reading a site and deriving it at "now" make
hundreds of thousands of objects that live until the process ends, and no
cyclic garbage (frozen dataclasses built bottom-up): at 5,000 incidents the
build's main process spent 0.8 s in such walks, half of it between reading
and writing, where nothing else runs. Writing the outputs makes next to no
cyclic garbage either (about a thousand objects in all at 1,000 incidents,
against millions of short-lived strings freed as they go). So a build reads,
derives and writes with the collector paused; the processes it forks to write
inherit the pause, so none of them walks, and so copies, the memory it shares
with its parent. The pause is undone on the way out, so a process that goes
on (a program that builds several sites, the tests) collects as before; what
a pause made waits in the oldest generation, for the next full collection,
instead of being walked once more to no purpose.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside: for work that builds long-lived data and leaves no cycles behind.

    What was made inside leaves in the oldest generation. Left in the youngest, it would all be walked at
    the first allocation after the collector is back (0.1 s at 5,000 incidents, with one core idle) only
    to be found alive. Freezing and unfreezing moves it there without a walk; it is skipped when the
    caller has frozen objects of its own, which unfreezing would release.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
