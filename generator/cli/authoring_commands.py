"""`init`, `requirements`, `new`, `update`, `resolve`, `postmortem` and `alert`: the commands that write a site's
sources.

Staff on call run them under stress, so each either writes a file that checks
or refuses with a message (and the problems behind it), never a traceback. The
text and the checks are `authoring.edit`'s and `authoring.newsite`'s; these only turn options
into their arguments and their results into lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..alerts.drafts import apply_alerts
from ..alerts.payloads import MAX_BYTES, PayloadError, read_payload
from ..authoring import edit, newsite
from ..authoring.edit import Written
from ..authoring.errors import AuthoringError
from ..core.model import IMPACTS
from ..core.problems import display_path
from .console import clock, report
from .options import SITE_OPTION, resolve_site

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
PIN_OPTION = click.option("--pin", metavar="REQUIREMENT",
                          help="statusblog's line in requirements.txt, e.g. statusblog==0.1.0 or 'statusblog @ "
                               "git+https://github.com/OWNER/REPO@COMMIT'; default: as this statusblog was "
                               "installed.")
NEXT_UPDATE_OPTION = click.option("--next-update", metavar="30m|1h|TIME",
                                  help="Promise the next update: in 30m, 1h, 90m, or by a time.")


def edit_in_editor(text: str) -> str | None:
    """The message written in $VISUAL or $EDITOR, as git asks for a commit message; refused where none can open."""
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
    """What was written; with `path_only` the path alone on stdout, so `$(statusblog new ...)` is the file."""
    report(written.problems)
    if path_only:
        click.echo(written.summary, err=True)
        click.echo(display_path(written.path))
    else:
        click.echo(written.summary)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The first author's name; default git config user.name.")
@click.option("--email", help="The first author's email; default git config user.email.")
@click.option("--title", help="The site's title; default from the directory's name.")
@click.option("--timezone", default="UTC", show_default=True, help="IANA name for times written without a zone.")
@click.option("--action", metavar="OWNER/REPO@COMMIT", is_flag=False, flag_value="",
              help="Write a workflow that runs statusblog's GitHub Action from this repository at this full "
                   "commit, instead of installing statusblog from requirements.txt; alone, the GitHub "
                   "repository and commit this statusblog was installed from.")
@PIN_OPTION
@CLOCK_OPTION
def init(directory: Path, name: str | None, email: str | None, title: str | None, timezone: str,
         action: str | None, pin: str | None, now: str | None) -> None:
    """Write a new site into DIRECTORY (new, empty, or a repository) that builds clean at once."""
    with refusals():
        files, problems = newsite.init_site(
            directory, name=name or edit.git_config(Path("."), "user.name"),
            email=email or edit.git_config(Path("."), "user.email"), title=title, timezone=timezone,
            now=clock(now), action=action, pin=pin)
    report(problems)
    for verb, path in files:
        click.echo(f"{verb} {display_path(path)}")
    where = display_path(directory)
    enter = "" if Path(where) == Path(".") else f"cd {where} && "
    click.echo(f"next: {enter}statusblog serve  (delete the example incident before publishing)")


@click.command()
@PIN_OPTION
def requirements(pin: str | None) -> None:
    """Print a site's requirements.txt: this statusblog and the exact versions of what it runs on."""
    with refusals():
        text = newsite.requirements_text(pin)
    click.echo(text, nl=False)


@click.group()
def new() -> None:
    """Write a new incident or maintenance file."""


@new.command("incident")
@click.argument("title", required=False)
@click.option("--template", "-t", metavar="NAME", help="Start from incident-templates/NAME.md: its title, impact, "
              "components and text, unless given.")
@click.option("--impact", type=click.Choice(IMPACTS), help="How bad it is for customers (required without "
              "--template).")
@click.option("--component", "-c", "components", multiple=True, metavar="ID[=STATUS]",
              help="An affected component, with its status if not the impact's (repeat for several).")
@AUTHOR_OPTION
@MESSAGE_OPTION
@NEXT_UPDATE_OPTION
@click.option("--started", metavar="TIME", help="When customers were first affected; default now.")
@click.option("--github", metavar="LOGIN", help="Sign as the author whose github login in authors.toml this is "
              "(a workflow passes the login that started it).")
@SITE_OPTION
@CLOCK_OPTION
def new_incident(title: str | None, template: str | None, impact: str | None, components: tuple[str, ...],
                 author: str | None, message: str | None, next_update: str | None, started: str | None,
                 github: str | None, site: Path | None, now: str | None) -> None:
    """Write incidents/<date>-<title>.md with a first 'investigating' update, and print its path."""
    with refusals():
        said(edit.new_incident(resolve_site(site), title, impact, components, author=author, message=message,
                                    next_update=next_update, started=started, now=clock(now),
                                    edit=edit_in_editor, template=template, github=github), path_only=True)


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
        said(edit.new_maintenance(resolve_site(site), title, start, end, components, author=author,
                                       message=message, now=clock(now), edit=edit_in_editor), path_only=True)


@click.command()
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
        said(edit.add_update(resolve_site(site), slug, status, author=author, message=message,
                                  next_update=next_update, now=clock(now), edit=edit_in_editor, components=components))


@click.command()
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
        said(edit.resolve(resolve_site(site), slug, author=author, message=message, now=clock(now),
                               edit=edit_in_editor, components=components))


@click.command()
@click.argument("slug")
@AUTHOR_OPTION
@SITE_OPTION
@CLOCK_OPTION
def postmortem(slug: str, author: str | None, site: Path | None, now: str | None) -> None:
    """Append the postmortem template (three questions, an action item) to a resolved incident."""
    with refusals():
        said(edit.add_postmortem(resolve_site(site), slug, author=author, now=clock(now)))


@click.command()
@click.argument("payload", metavar="FILE|-", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--branch-name", is_flag=True, help="Print the git branch for this alert's group and write "
              "nothing (the declare workflow drafts each group on its own branch).")
@SITE_OPTION
@CLOCK_OPTION
def alert(payload: str, branch_name: bool, site: Path | None, now: str | None) -> None:
    """Open or update draft incidents from an alert webhook body (Alertmanager, Grafana, Uptime Kuma).

    The site.toml [[alert]] tables say which alerts become which incidents; docs/alerts.md.
    """
    shown = "standard input" if payload == "-" else display_path(Path(payload))
    try:
        if payload == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(payload, "rb") as file:
                data = file.read(MAX_BYTES + 1)
        notification = read_payload(data)
    except OSError as exc:
        raise click.ClickException(f"{shown}: cannot be read: {exc.strerror or exc}") from exc
    except PayloadError as exc:
        raise click.ClickException(f"{shown}:{exc.line or 1}: {exc.message}; send the webhook body as the tool "
                                   "posts it (docs/alerts.md)") from exc
    if branch_name:
        click.echo(notification.branch)
        return
    with refusals():
        outcome = apply_alerts(resolve_site(site), notification, clock(now))
    for line in outcome.said:
        click.echo(line)
    if outcome.unmatched and not outcome.written:
        raise click.ClickException(f"no [[alert]] table of site.toml takes {outcome.unmatched} of the alerts; "
                                   "nothing was written (add a table whose match is their labels: docs/alerts.md)")
