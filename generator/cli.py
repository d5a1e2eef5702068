"""The statusblog command line.

Every failure a user can cause ends in a clear message and a non-zero exit,
never a traceback: the person reading it is on call and in a hurry.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from . import __version__, authoring, newsite
from .authoring import Written
from .bylines import SignatureOptions
from .bylines import summary as signature_summary
from .console import clock, plural, report, resolve_now
from .importers.command import import_group
from .model import IMPACTS
from .problems import SiteError, display_path
from .site import build as build_site
from .site import check as check_site
from .times import iso_utc
from .writer import OutputError
from .writing import AuthoringError


@dataclass(frozen=True, slots=True)
class Located:
    """The site a command works on, and the folder it would be run from (where `public/` goes by default)."""

    root: Path
    home: Path


def site_in(folder: Path) -> Path | None:
    """The site a folder holds: its own site.toml, else the conventional `content/` below it."""
    if (folder / "site.toml").is_file():
        return folder
    if (folder / "content" / "site.toml").is_file():
        return folder / "content"
    return None


def find_site(start: Path) -> Located | None:
    """The site here, else the nearest one in a parent folder, as git finds its repository from any sub-folder.

    Parents are searched for their own site.toml only: a `content/` beside a parent is another project's.
    """
    here = site_in(start)
    if here is not None:
        return Located(here, start)
    for folder in start.absolute().parents:
        if (folder / "site.toml").is_file():
            home = folder.parent if folder.name == "content" and site_in(folder.parent) == folder else folder
            return Located(Path(os.path.relpath(folder)), Path(os.path.relpath(home)))
    return None


def locate(positional: Path | None, option: Path | None) -> Located:
    """The site named by --site (or the positional SITE), else the one found from the working directory."""
    if positional is not None and option is not None and positional != option:
        raise click.UsageError(f"two sites given: {positional} and --site {option}; give one")
    named = option if option is not None else positional
    if named is not None:
        if not (named / "site.toml").is_file():
            raise click.ClickException(f"{named}: no site.toml here; pass the site's directory (the one with "
                                       "site.toml)")
        return Located(named, Path("."))
    found = find_site(Path("."))
    if found is None:
        raise click.ClickException("no site.toml here, in content/ below, or in any parent folder; run this inside "
                                   "a site, or pass --site DIR")
    if found.home != Path("."):
        click.echo(f"using the site in {display_path(found.root)}, the nearest parent folder with a site.toml",
                   err=True)
    return found


def resolve_site(site: Path | None) -> Path:
    return locate(None, site).root


SITE_ARGUMENT = click.argument("site_argument", metavar="[SITE]", required=False,
                               type=click.Path(file_okay=False, path_type=Path))
SITE_OPTION = click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path),
                           help="The site's directory (default: here, content/ below it, or the nearest parent "
                           "folder with a site.toml).")
NOW_OPTION = click.option("--now", metavar="TIME",
                          help="The build's 'now' (ISO 8601); default SOURCE_DATE_EPOCH, else the clock.")
SIGNATURE_OPTIONS = (
    click.option("--verify-signatures", is_flag=True,
                 help="Prove each byline: were the commits that wrote its heading and text signed by the author's "
                      "key (or, for later edits, a registered author's)?"),
    click.option("--require-signatures", is_flag=True,
                 help="Fail and list every byline that is not verified (implies --verify-signatures)."),
    click.option("--trust-ref", metavar="REF",
                 help="Trust the keys in authors.toml at this ref (read by its full name; an ambiguous name is "
                 "refused); default the merge-base of HEAD and the remote's default branch "
                 "(refs/remotes/origin/HEAD as git clone sets it, else origin/main or origin/master), never HEAD "
                 "itself (docs/signatures.md)."),
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
@SITE_OPTION
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@signature_options
def check(site_argument: Path | None, site: Path | None, now: str | None, strict: bool, **signing: Any) -> None:
    """Check a site and print every problem as path:line: message."""
    root = locate(site_argument, site).root
    signatures = resolve_signatures(**signing)
    checked = check_site(root, resolve_now(now), signatures)
    report(checked.problems)
    if signatures is not None and checked.state is not None:
        click.echo(signature_summary(checked.state.bylines))
    errors, warnings = len(checked.errors), len(checked.warnings)
    shown = root.resolve().name if str(root) == "." else root  # the site's folder, 'content', never '.'
    click.echo(f"{shown}: {plural(errors, 'error')}, {plural(warnings, 'warning')}")
    if errors or (strict and warnings):
        sys.exit(1)


@main.command()
@SITE_ARGUMENT
@SITE_OPTION
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Output directory; replaced whole, atomically.  [default: public, beside content/ or in the "
              "site's folder]")
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@signature_options
def build(site_argument: Path | None, site: Path | None, out: Path | None, now: str | None, strict: bool,
          **signing: Any) -> None:
    """Build the static site into --out."""
    located = locate(site_argument, site)
    root = located.root
    out = out if out is not None else located.home / "public"
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

CLOCK_OPTION = click.option("--now", metavar="TIME",
                             help="Write as if it were this time (ISO 8601); default the clock.")
AUTHOR_OPTION = click.option("--author", metavar="ID", help="Who signs it; default: the author whose email is "
                             "git config user.email.")
MESSAGE_OPTION = click.option("--message", "-m", metavar="TEXT", help="The update's Markdown; without it, $EDITOR "
                              "opens, as git does.")
COMPONENT_OPTION = click.option("--component", "-c", "components", multiple=True, metavar="ID",
                                help="An affected component (repeat for several).")
SET_COMPONENT_OPTION = click.option("--component", "-c", "components", multiple=True, metavar="ID=STATUS",
                                    help="A component's status from this update on, e.g. api=operational "
                                    "(repeat for several).")
NEXT_UPDATE_OPTION = click.option("--next-update", metavar="30m|1h|TIME",
                                  help="Promise the next update: in 30m, 1h, 90m, or by a time.")


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
@click.option("--action", metavar="OWNER/REPO@REF",
              help="Write a workflow that runs statusblog's GitHub Action from this repository and ref, instead "
                   "of installing statusblog from requirements.txt.")
@CLOCK_OPTION
def init(directory: Path, name: str | None, email: str | None, title: str | None, timezone: str,
         action: str | None, now: str | None) -> None:
    """Write a new site into DIRECTORY that builds clean at once."""
    with refusals():
        files, problems = newsite.init_site(
            directory, name=name or authoring.git_config(Path("."), "user.name"),
            email=email or authoring.git_config(Path("."), "user.email"), title=title, timezone=timezone,
            now=clock(now), action=action)
    report(problems)
    for path in files:
        click.echo(f"created {display_path(path)}")
    click.echo(f"next: cd {display_path(directory)} && statusblog serve  (delete the example incident before "
               "publishing)")


@main.command()
def requirements() -> None:
    """Print a site's requirements.txt: this statusblog and the exact versions of what it runs on."""
    click.echo(newsite.requirements_text(), nl=False)


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
@SET_COMPONENT_OPTION
@SITE_OPTION
@CLOCK_OPTION
def update(slug: str, status: str | None, author: str | None, next_update: str | None, message: str | None,
           components: tuple[str, ...], site: Path | None, now: str | None) -> None:
    """Append an update, signed and timed now, to an incident or maintenance."""
    with refusals():
        said(authoring.add_update(resolve_site(site), slug, status, author=author, message=message,
                                  next_update=next_update, now=clock(now), edit=edit_in_editor, components=components))


@main.command()
@click.argument("slug")
@AUTHOR_OPTION
@MESSAGE_OPTION
@SET_COMPONENT_OPTION
@SITE_OPTION
@CLOCK_OPTION
def resolve(slug: str, author: str | None, message: str | None, components: tuple[str, ...], site: Path | None,
            now: str | None) -> None:
    """Append the 'resolved' update to an incident ('completed' to a maintenance)."""
    with refusals():
        said(authoring.resolve(resolve_site(site), slug, author=author, message=message, now=clock(now),
                               edit=edit_in_editor, components=components))


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
@SITE_OPTION
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--now", metavar="TIME", help="Preview at this fixed 'now'; default the clock at each rebuild.")
def serve(site_argument: Path | None, site: Path | None, port: int, now: str | None) -> None:
    """Preview the site on 127.0.0.1 only, rebuilt and reloaded in the browser on every save."""
    from .serve import serve as run_server

    root = locate(site_argument, site).root
    try:
        run_server(root, port, resolve_now(now) if now else None)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc


@main.command()
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
    from .notify import run

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

main.add_command(import_group)
