"""How many processes a build may use, and whether it may fork them.

Both the parse pool and the render scheduler spread work over processes; they
ask here, so STATUSBLOG_JOBS and the rules for forking are the same for both.
"""

from __future__ import annotations

import multiprocessing
import os
import threading


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
