"""Geometry of the uptime charts, drawn as inline SVG at build time.

Why geometry here and markup in the templates: the numbers (scales, bar
heights) are easy to get wrong and to test in Python, while the markup stays
in the theme, where Jinja escapes every label and a site can restyle it.
Every chart is paired with a table of the same figures on the page, so the
drawing can round freely; the table carries the exact values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel import Locale
from babel.numbers import format_decimal

from ..derive.uptime import ComponentUptime, QuarterMetrics

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 84, 8, 12, 32
"""Margins for the value labels on the left and the period labels below."""
_STEPS = (0.001, 0.002, 0.005)
TICKS = 4


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label_x: float
    period: date | str
    value: float | None
    """None: nothing to draw (not in service, or no incident resolved)."""
    flagged: bool = False
    """Drawn with a mark, not only a colour: a missed target."""


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, float], ...]
    """(y, value) of each grid line, bottom up."""
    target: tuple[float, float] | None = None
    """(y, value) of the target line, if any."""

    @property
    def plot_left(self) -> int:
        return LEFT

    @property
    def plot_right(self) -> int:
        return self.width - RIGHT

    @property
    def baseline(self) -> float:
        return self.height - BOTTOM


def nice_step(span: float) -> float:
    """The smallest 1-2-5 step that covers `span` in TICKS steps."""
    exponent = 0
    while True:
        for step in _STEPS:
            candidate = step * 10**exponent
            if candidate * TICKS >= span - 1e-12:
                return candidate
        exponent += 1


def _bars(values: Sequence[float | None], periods: Sequence[date | str], flags: Sequence[bool], low: float,
          high: float) -> tuple[Bar, ...]:
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(values), 1)
    bars = []
    for index, (value, period, flagged) in enumerate(zip(values, periods, flags, strict=True)):
        height = 0.0 if value is None else max(value - low, 0) / (high - low) * plot_height
        x = LEFT + index * slot + slot * 0.15
        bars.append(Bar(round(x, 2), round(HEIGHT - BOTTOM - height, 2), round(slot * 0.7, 2), round(height, 2),
                        round(x + slot * 0.35, 2), period, value, flagged))
    return tuple(bars)


def _y(value: float, low: float, high: float) -> float:
    return round(HEIGHT - BOTTOM - (value - low) / (high - low) * (HEIGHT - TOP - BOTTOM), 2)


def month_chart(uptime: ComponentUptime) -> BarChart:
    """The recent months' uptime bars on a scale from just below the worst month (or the SLA) to 100 %."""
    months = uptime.recent_months
    values = [month.figures.percent for month in months]
    known = [value for value in values if value is not None]
    lowest = min([*known, *([uptime.sla] if uptime.sla is not None else [])], default=100.0)
    step = nice_step(max(100.0 - lowest, 0.001) * 1.2)
    low = max(100.0 - step * TICKS, 0.0)
    ticks = tuple((_y(low + step * n, low, 100.0), round(low + step * n, 3)) for n in range(TICKS + 1))
    target = (_y(uptime.sla, low, 100.0), uptime.sla) if uptime.sla is not None else None
    bars = _bars(values, [m.month for m in months], [m.breached for m in months], low, 100.0)
    return BarChart(WIDTH, HEIGHT, bars, ticks, target)


def resolve_chart(quarters: Sequence[QuarterMetrics]) -> BarChart:
    """Mean time to resolve per quarter, in hours, from zero."""
    values = [None if q.mean_time_to_resolve is None else q.mean_time_to_resolve.total_seconds() / 3600
              for q in quarters]
    highest = max((value for value in values if value is not None), default=0.0)
    step = nice_step(max(highest, 0.1))
    high = step * TICKS
    ticks = tuple((_y(step * n, 0.0, high), round(step * n, 3)) for n in range(TICKS + 1))
    bars = _bars(values, [q.label for q in quarters], [False] * len(quarters), 0.0, high)
    return BarChart(WIDTH, HEIGHT, bars, ticks)


def uptime_filters(locale: Locale) -> dict[str, Callable[..., Any]]:
    """The Jinja filters of the uptime page and its component partial.

    `percent` writes an already published figure (Uptime.percent) with
    exactly three decimals in the site's language, so "99.950 %" and "100.000 %"
    line up in a column and match api/uptime.json digit for digit; `figure`
    writes counts and minutes with the language's separators.
    """
    def percent(value: float) -> str:
        return format_decimal(value, format="#,##0.000", locale=locale) + "\u00a0%"

    def figure(value: float) -> str:
        return format_decimal(value, format="#,##0.###", locale=locale)

    return {"percent": percent, "figure": figure, "month_chart": month_chart, "resolve_chart": resolve_chart}
