"""The statusblog command line.

Every failure a user can cause ends in a clear message and a non-zero exit,
never a traceback: the person reading it is on call and in a hurry.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from . import __version__, authoring
from .authoring import AuthoringError, Written
from .loader import display_path
from .model import IMPACTS
from .problems import Problem, SiteError
from .signatures import SignatureOptions
from .signatures import summary as signature_summary
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
SIGNATURE_OPTIONS = (
    click.option("--verify-signatures", is_flag=True,
                 help="Prove each byline: was the commit that wrote its heading signed by the author's key?"),
    click.option("--require-signatures", is_flag=True,
                 help="Fail and list every byline that is not verified (implies --verify-signatures)."),
    click.option("--trust-ref", metavar="REF", help="Trust the keys in authors.toml at this commit; default the "
                 "merge-base of HEAD and origin/HEAD, origin/main or origin/master (docs/signatures.md)."),
    click.option("--trusted-signers", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path),
                 help="Trust the keys of this allowed-signers file (principals are author ids) instead."),
)


def signature_options(command: Any) -> Any:
    for option in reversed(SIGNATURE_OPTIONS):
        command = option(command)
    return command


def resolve_signatures(verify_signatures: bool, require_signatures: bool, trust_ref: str | None,
                       trusted_signers: Path | None) -> SignatureOptions | None:
    if trust_ref is not None and trusted_signers is not None:
        raise click.UsageError("give --trust-ref or --trusted-signers, not both: each is a whole trust root")
    if not (verify_signatures or require_signatures or trust_ref is not None or trusted_signers is not None):
        return None
    return SignatureOptions(require_signatures, trust_ref, trusted_signers)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="statusblog")
def main() -> None:
    """Build a status blog from incident posts written in Markdown."""


@main.command()
@SITE_ARGUMENT
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@signature_options
def check(site: Path | None, now: str | None, strict: bool, **signing: Any) -> None:
    """Check a site and print every problem as path:line: message."""
    root = resolve_site(site)
    signatures = resolve_signatures(**signing)
    checked = check_site(root, resolve_now(now), signatures)
    report(checked.problems)
    if signatures is not None and checked.state is not None:
        click.echo(signature_summary(checked.state.bylines))
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
@signature_options
def build(site: Path | None, out: Path, now: str | None, strict: bool, **signing: Any) -> None:
    """Build the static site into --out."""
    root = resolve_site(site)
    signatures = resolve_signatures(**signing)
    try:
        result = build_site(root, out, resolve_now(now), strict=strict, signatures=signatures,
                            waiting=lambda: click.echo(f"waiting for another build into {out} to finish", err=True))
    except SiteError as exc:
        report(exc.problems)
        click.echo(f"build failed: {plural(len(exc.problems), 'problem')}; {out} is unchanged", err=True)
        sys.exit(1)
    except OutputError as exc:
        raise click.ClickException(str(exc)) from exc
    report(result.warnings)
    if signatures is not None:
        click.echo(signature_summary(result.bylines))
    summary = f"built {plural(result.files, 'file')} into {out} in {result.seconds:.2f} s"
    if result.warnings:
        summary += f", {plural(len(result.warnings), 'warning')}"
    if result.next_change:
        summary += f"; next changes by itself at {iso_utc(result.next_change)}"
    click.echo(summary)


# Authoring: commands that write correct files for staff on call, and the live preview.

SITE_OPTION = click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path),
                           help="The site's directory (default: here, or content/ below it).")
CLOCK_OPTION = click.option("--now", metavar="TIME",
                             help="Write as if it were this time (ISO 8601); default the clock.")
AUTHOR_OPTION = click.option("--author", metavar="ID", help="Who signs it; default: the author whose email is "
                             "git config user.email.")
MESSAGE_OPTION = click.option("--message", "-m", metavar="TEXT", help="The update's Markdown; without it, $EDITOR "
                              "opens, as git does.")
COMPONENT_OPTION = click.option("--component", "-c", "components", multiple=True, metavar="ID",
                                help="An affected component (repeat for several).")
NEXT_UPDATE_OPTION = click.option("--next-update", metavar="30m|1h|TIME",
                                  help="Promise the next update: in 30m, 1h, 90m, or by a time.")


def clock(now: str | None) -> datetime:
    """--now for tests and backfills; otherwise the wall clock, never SOURCE_DATE_EPOCH."""
    return resolve_now(now) if now else datetime.now(UTC).replace(microsecond=0)


def edit_in_editor(text: str) -> str | None:
    if not (os.environ.get("VISUAL") or os.environ.get("EDITOR")) and not sys.stdin.isatty():
        raise click.UsageError("no -m TEXT given, and no terminal or $EDITOR to write the message in")
    return click.edit(text, extension=".md", require_save=False)


@contextmanager
def refusals() -> Iterator[None]:
    """An authoring refusal is a message (and the problems behind it), never a traceback."""
    try:
        yield
    except AuthoringError as exc:
        report(exc.problems)
        raise click.ClickException(exc.message) from exc


def said(written: Written, path_only: bool = False) -> None:
    report(written.problems)
    if path_only:
        click.echo(written.summary, err=True)
        click.echo(display_path(written.path))
    else:
        click.echo(written.summary)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The first author's name; default git config user.name.")
@click.option("--email", help="The first author's email; default git config user.email.")
@click.option("--title", help="The site's title; default from the directory's name.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA name for times written without a zone.")
@CLOCK_OPTION
def init(directory: Path, name: str | None, email: str | None, title: str | None, timezone: str,
         now: str | None) -> None:
    """Write a new site into DIRECTORY that builds clean at once."""
    with refusals():
        files, problems = authoring.init_site(
            directory, name=name or authoring.git_config(Path("."), "user.name"),
            email=email or authoring.git_config(Path("."), "user.email"), title=title, timezone=timezone,
            now=clock(now))
    report(problems)
    for path in files:
        click.echo(f"created {display_path(path)}")
    click.echo(f"next: cd {display_path(directory)} && statusblog serve  (delete the example incident before "
               "publishing)")


@main.group()
def new() -> None:
    """Write a new incident or maintenance file."""


@new.command("incident")
@click.argument("title")
@click.option("--impact", required=True, type=click.Choice(IMPACTS), help="How bad it is for customers.")
@COMPONENT_OPTION
@AUTHOR_OPTION
@MESSAGE_OPTION
@NEXT_UPDATE_OPTION
@click.option("--started", metavar="TIME", help="When customers were first affected; default now.")
@SITE_OPTION
@CLOCK_OPTION
def new_incident(title: str, impact: str, components: tuple[str, ...], author: str | None, message: str | None,
                 next_update: str | None, started: str | None, site: Path | None, now: str | None) -> None:
    """Write incidents/<date>-<title>.md with a first 'investigating' update, and print its path."""
    with refusals():
        said(authoring.new_incident(resolve_site(site), title, impact, components, author=author, message=message,
                                    next_update=next_update, started=started, now=clock(now),
                                    edit=edit_in_editor), path_only=True)


@new.command("maintenance")
@click.argument("title")
@click.option("--start", required=True, metavar="TIME", help="When the window opens.")
@click.option("--end", required=True, metavar="TIME", help="When the window closes.")
@COMPONENT_OPTION
@AUTHOR_OPTION
@MESSAGE_OPTION
@SITE_OPTION
@CLOCK_OPTION
def new_maintenance(title: str, start: str, end: str, components: tuple[str, ...], author: str | None,
                    message: str | None, site: Path | None, now: str | None) -> None:
    """Write maintenance/<date>-<title>.md with a first 'scheduled' update, and print its path."""
    with refusals():
        said(authoring.new_maintenance(resolve_site(site), title, start, end, components, author=author,
                                       message=message, now=clock(now), edit=edit_in_editor), path_only=True)


@main.command()
@click.argument("slug")
@click.option("--status", help="investigating, identified, monitoring, resolved or update (the default); "
              "for maintenance: scheduled, in_progress, verifying, completed, cancelled.")
@AUTHOR_OPTION
@NEXT_UPDATE_OPTION
@MESSAGE_OPTION
@SITE_OPTION
@CLOCK_OPTION
def update(slug: str, status: str | None, author: str | None, next_update: str | None, message: str | None,
           site: Path | None, now: str | None) -> None:
    """Append an update, signed and timed now, to an incident or maintenance."""
    with refusals():
        said(authoring.add_update(resolve_site(site), slug, status, author=author, message=message,
                                  next_update=next_update, now=clock(now), edit=edit_in_editor))


@main.command()
@click.argument("slug")
@AUTHOR_OPTION
@MESSAGE_OPTION
@SITE_OPTION
@CLOCK_OPTION
def resolve(slug: str, author: str | None, message: str | None, site: Path | None, now: str | None) -> None:
    """Append the 'resolved' update to an incident ('completed' to a maintenance)."""
    with refusals():
        said(authoring.resolve(resolve_site(site), slug, author=author, message=message, now=clock(now),
                               edit=edit_in_editor))


@main.command()
@click.argument("slug")
@AUTHOR_OPTION
@SITE_OPTION
@CLOCK_OPTION
def postmortem(slug: str, author: str | None, site: Path | None, now: str | None) -> None:
    """Append the postmortem template (three questions, an action item) to a resolved incident."""
    with refusals():
        said(authoring.add_postmortem(resolve_site(site), slug, author=author, now=clock(now)))


@main.command()
@SITE_ARGUMENT
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--now", metavar="TIME", help="Preview at this fixed 'now'; default the clock at each rebuild.")
def serve(site: Path | None, port: int, now: str | None) -> None:
    """Preview the site on 127.0.0.1, rebuilt and reloaded in the browser on every save."""
    from .serve import serve as run_server

    root = resolve_site(site)
    try:
        run_server(root, port, resolve_now(now) if now else None)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
