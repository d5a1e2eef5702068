"""`statusblog import`: read an export, write the site, say what happened.

No logic lives here beyond turning the importers' results into messages and
an exit code: what was mapped, every value that was not (file and field),
what was written or would be, what was skipped and why.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import click

from ..authoring.errors import AuthoringError
from ..core.problems import Severity, display_path
from ..importers import apply
from ..importers.imported import History
from ..importers.sources import SOURCES, Source
from .console import clock, plural, report

T = TypeVar("T")
VERBS = {"create": ("created", "would create"), "update": ("updated", "would update"),
         "append": ("added to", "would add to")}

INTO_OPTION = click.option("--into", "into", required=True, type=click.Path(file_okay=False, path_type=Path),
                           help="The site to write into; a new directory gets a site.toml made from the export.")
DRY_RUN_OPTION = click.option("--dry-run", is_flag=True, help="Check and report everything; write nothing.")
NOW_OPTION = click.option("--now", metavar="TIME",
                          help="Check the imported site as of this time (ISO 8601); default the clock.")


@click.group("import")
def import_group() -> None:
    """Import a team's history from Statuspage, cState or Upptime."""


ARGUMENTS = {
    "files": click.argument("files", nargs=-1, required=True,
                            type=click.Path(exists=True, dir_okay=False, path_type=Path)),
    "file": click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
    "directory": click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path)),
}
"""What a source's reader takes, as the command's argument."""


def _command(source: Source) -> click.Command:
    def command(into: Path, dry_run: bool, now: str | None, **given: Path | tuple[Path, ...]) -> None:
        run(source.read(given[source.takes]), into, dry_run, now)

    for option in (NOW_OPTION, DRY_RUN_OPTION, INTO_OPTION, ARGUMENTS[source.takes]):
        command = option(command)
    return import_group.command(source.name, help=source.summary)(command)


for _source in SOURCES:
    _command(_source)


def run(history: History, into: Path, dry_run: bool, now: str | None) -> None:
    report(history.problems)
    if any(problem.severity is Severity.ERROR for problem in history.problems):
        raise click.ClickException("nothing was imported: the export has errors (above)")
    try:
        outcome = apply.write(history, into, clock(now), dry_run=dry_run, progress=progress_bar)
    except AuthoringError as exc:
        report(exc.problems)
        raise click.ClickException(exc.message) from exc
    mapped = ", ".join(plural(count, word) for word, count in apply.counts(history))
    click.echo(f"read from {history.service}: {mapped}")
    unmapped = [*history.unmapped, *outcome.unmapped]
    if unmapped:
        click.echo(f"not mapped as written ({len(unmapped)}):")
        for item in unmapped:
            click.echo(f"  {item.format()}")
    for planned in outcome.planned:
        click.echo(f"{VERBS[planned.change][dry_run]} {display_path(into / planned.relative)}")
    for skipped in outcome.skipped:
        click.echo(f"skipped {display_path(into / skipped.relative)}: {skipped.reason}")
    report(outcome.problems)
    files = plural(len(outcome.planned), "file")
    click.echo(f"{'would write' if dry_run else 'wrote'} {files}, {len(outcome.unchanged)} unchanged, "
               f"{len(outcome.skipped)} skipped" + ("; nothing was written (--dry-run)" if dry_run else ""))


def progress_bar(items: Sequence[T]) -> Iterable[T]:
    """A progress bar on a terminal, for histories of thousands of incidents; nothing in a pipe or a CI log."""
    return _with_bar(items) if sys.stderr.isatty() else items


def _with_bar(items: Sequence[T]) -> Iterator[T]:
    with click.progressbar(items, label="Importing", file=sys.stderr) as bar:
        yield from bar
