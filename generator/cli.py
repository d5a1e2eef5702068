"""The statusblog command line.

Every failure a user can cause ends in a clear message and a non-zero exit,
never a traceback: the person reading it is on call and in a hurry.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import click

from . import __version__
from .problems import Problem, SiteError
from .site import build as build_site
from .site import check as check_site
from .times import TimeError, build_now, iso_utc
from .writer import OutputError


def default_site() -> Path:
    """The site in the working directory, or the conventional `content/` below it."""
    if not Path("site.toml").is_file() and Path("content/site.toml").is_file():
        return Path("content")
    return Path(".")


def resolve_site(site: Path | None) -> Path:
    root = site if site is not None else default_site()
    if not (root / "site.toml").is_file():
        raise click.ClickException(f"{root}: no site.toml here; pass the site's directory (the one with site.toml)")
    return root


def resolve_now(value: str | None) -> datetime:
    try:
        return build_now(value)
    except TimeError as exc:
        raise click.BadParameter(f"{exc}; use ISO 8601, e.g. 2026-03-14T09:20:00Z", param_hint="--now") from exc


def report(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


SITE_ARGUMENT = click.argument("site", required=False, type=click.Path(file_okay=False, path_type=Path))
NOW_OPTION = click.option("--now", metavar="TIME",
                          help="The build's 'now' (ISO 8601); default SOURCE_DATE_EPOCH, else the clock.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statusblog")
def main() -> None:
    """Build a status blog from incident posts written in Markdown."""


@main.command()
@SITE_ARGUMENT
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(site: Path | None, now: str | None, strict: bool) -> None:
    """Check a site and print every problem as path:line: message."""
    root = resolve_site(site)
    checked = check_site(root, resolve_now(now))
    report(checked.problems)
    errors, warnings = len(checked.errors), len(checked.warnings)
    click.echo(f"{root}: {plural(errors, 'error')}, {plural(warnings, 'warning')}")
    if errors or (strict and warnings):
        sys.exit(1)


@main.command()
@SITE_ARGUMENT
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("public"), show_default=True,
              help="Output directory; replaced whole, atomically.")
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build(site: Path | None, out: Path, now: str | None, strict: bool) -> None:
    """Build the static site into --out."""
    root = resolve_site(site)
    try:
        result = build_site(root, out, resolve_now(now), strict=strict)
    except SiteError as exc:
        report(exc.problems)
        click.echo(f"build failed: {plural(len(exc.problems), 'problem')}; {out} is unchanged", err=True)
        sys.exit(1)
    except OutputError as exc:
        raise click.ClickException(str(exc)) from exc
    report(result.warnings)
    summary = f"built {plural(result.files, 'file')} into {out} in {result.seconds:.2f} s"
    if result.warnings:
        summary += f", {plural(len(result.warnings), 'warning')}"
    if result.next_change:
        summary += f"; next changes by itself at {iso_utc(result.next_change)}"
    click.echo(summary)
