"""`notify`: tell subscribers, from CI after a publish, about every entry they have not heard of yet.

The plan, the messages and the sending are `notify`'s; this turns them into
lines and an exit code, and on a failed channel names the options that re-send
only what it missed.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import click

from ..core.problems import SiteError
from .console import plural, report, resolve_now
from .options import NOW_OPTION, SITE_ARGUMENT, SITE_OPTION, locate


@click.command()
@SITE_ARGUMENT
@SITE_OPTION
@click.option("--new", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The output just built and deployed.")
@click.option("--previous", required=True, metavar="DIR|URL|none",
              help="What subscribers saw before: a copy of the live feed.json (or its folder), the live "
                   "site's base URL, or 'none' for the very first publish.")
@click.option("--dry-run", is_flag=True, help="Print every message it would send, and send nothing.")
@click.option("--send-first", is_flag=True, help="With --previous none, send every entry of --new.")
@click.option("--channel", "only", multiple=True, metavar="NAME",
              help="Send only to this channel (repeat for several), e.g. to re-send what a run missed.")
@click.option("--entry", "entries", multiple=True, metavar="ID", help="Send only this entry (repeat for several).")
@NOW_OPTION
def notify(site_argument: Path | None, site: Path | None, out: Path, previous: str, dry_run: bool, send_first: bool,
           only: tuple[str, ...], entries: tuple[str, ...], now: str | None) -> None:
    """Send every feed entry of --new that --previous lacks to the [[notify]] channels, once."""
    from ..notify import run

    try:
        options = run.Options(previous, resolve_now(now), send_first, only, entries)
        plan = run.plan(locate(site_argument, site).root, out, options)
    except SiteError as exc:
        report(exc.problems)
        raise click.ClickException("the site has errors; nothing was sent") from exc
    except run.NotifyError as exc:
        raise click.ClickException(f"{exc.message}; nothing was sent" + (f"\n    hint: {exc.hint}" if exc.hint
                                                                            else "")) from exc
    click.echo(run.summary(plan))
    if dry_run:
        for line in run.preview(plan, os.environ):
            click.echo(line)
        return
    outcomes = run.deliver(plan, os.environ)
    for outcome in outcomes:
        click.echo(run.said(outcome), err=bool(outcome.error))
    failed = [outcome for outcome in outcomes if outcome.error]
    if failed:
        names = " ".join(f"--channel {shlex.quote(outcome.channel)}" for outcome in failed)
        click.echo(f"notify: {plural(len(failed), 'channel')} failed; re-send only what they missed with {names} "
                   "and --entry for each missed id", err=True)
        sys.exit(1)
