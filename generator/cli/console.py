"""How every command speaks: its problems, its counts, and its "now".

The command line and the import commands both report problems as
`path:line:` lines on stderr, count things the same way and read `--now` the
same way; one module keeps them alike, below every command that uses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import click

from ..core.problems import Problem
from ..core.times import TimeError, build_now

NOW_HINT = "write ISO 8601 with a date, e.g. 2026-03-14T09:20:00Z (UTC unless it gives a zone or an offset)"


def resolve_now(value: str | None) -> datetime:
    """The build's "now", or one line naming where the bad value came from.

    Exit code 1 and the same `Error: --option: what is wrong; how to write it` form as every other bad
    time option (--next-update, --start, --end), which authoring refuses the same way.
    """
    try:
        return build_now(value)
    except TimeError as exc:
        if value:
            raise click.ClickException(f"--now: {exc}; {NOW_HINT}") from exc
        raise click.ClickException(str(exc)) from exc


def report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


#: How a run that failed on warnings alone ends, so nobody reads "0 errors" and wonders why it failed.
STRICT_FAILURE = "failing because of --strict"


def strict_failure(warnings: int) -> str:
    """The end of the last line of a run that --strict failed on warnings alone."""
    return f"{plural(warnings, 'warning')}, {STRICT_FAILURE}"


def clock(now: str | None) -> datetime:
    """--now for tests and backfills; otherwise the wall clock, never SOURCE_DATE_EPOCH."""
    return resolve_now(now) if now else datetime.now(UTC).replace(microsecond=0)
