"""Interval arithmetic for uptime: merging overlapping statuses, and measuring a merged timeline.

Why apart from uptime.py: this is the part a reader checks by hand (docs/uptime.md
walks through it), so it stands alone: plain sweeps and bisection over POSIX
seconds (floats, for speed), knowing nothing of incidents, components or calendars.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.model import ComponentStatus, UptimeWeights

Interval = tuple[float, float, ComponentStatus]
"""A stretch of one status: start and end in POSIX seconds."""
_STATUSES = len(ComponentStatus)

Segment = Interval
"""A stretch of a merged timeline: no two overlap."""


def merge(intervals: Iterable[Interval]) -> list[Segment]:
    """Non-overlapping, sorted segments where the worst status of the overlapping intervals wins.

    A sweep over start/end events with a count per status: O(n log n), so
    20,000 incidents on one component cost milliseconds.
    """
    events: list[tuple[float, int, int]] = []
    for start, end, status in intervals:
        if end > start and status is not ComponentStatus.OPERATIONAL:
            events.append((start, 1, int(status)))
            events.append((end, -1, int(status)))
    events.sort()
    counts = [0] * _STATUSES
    segments: list[Segment] = []
    previous: float | None = None
    for moment, change, status in events:
        if previous is not None and moment > previous:
            worst = next((s for s in range(_STATUSES - 1, 0, -1) if counts[s]), 0)
            if worst:
                if segments and segments[-1][1] == previous and segments[-1][2] == worst:
                    segments[-1] = (segments[-1][0], moment, segments[-1][2])
                else:
                    segments.append((previous, moment, ComponentStatus(worst)))
        counts[status] += change
        previous = moment
    return segments


@dataclass(frozen=True, slots=True)
class Timeline:
    """A component's merged segments, with their ends indexed for range queries."""

    component_id: str
    """Whose timeline it is: what a period's figures are about."""
    segments: Sequence[Segment]
    ends: Sequence[float]

    @classmethod
    def of(cls, component_id: str, segments: Sequence[Segment]) -> Timeline:
        return cls(component_id, segments, [segment[1] for segment in segments])

    def measure(self, start: float, end: float, weights: UptimeWeights
                ) -> tuple[float, float, ComponentStatus]:
        """(affected seconds, weighted downtime seconds, worst status) within [start, end)."""
        affected = downtime = 0.0
        worst = ComponentStatus.OPERATIONAL
        weight = _by_status(weights)
        index = bisect_right(self.ends, start)
        while index < len(self.segments) and self.segments[index][0] < end:
            seg_start, seg_end, status = self.segments[index]
            overlap = min(seg_end, end) - max(seg_start, start)
            if overlap > 0:
                affected += overlap
                downtime += overlap * weight[status]
                worst = max(worst, status)
            index += 1
        return affected, downtime, worst


@functools.cache
def _by_status(weights: UptimeWeights) -> tuple[float, ...]:
    """Each status's weight at the index of its value: the measuring loop looks weights up by index."""
    return tuple(weights.weight(status) for status in ComponentStatus)
