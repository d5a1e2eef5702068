"""The statusblog command line: the one click group, and every command registered on it.

Every failure a user can cause ends in a clear message and a non-zero exit,
never a traceback: the person reading it is on call and in a hurry. The
commands live by concern: `build_commands` (check, build, serve),
`authoring_commands` (init, requirements, new, update, resolve, postmortem, alert),
`notify_command` and `import_command`; what they share, finding the site
and the common options, is `options`, and how they report, `console`.
"""

from __future__ import annotations

import click

from .. import __version__
from ..authoring.installed import installed_origin
from .authoring_commands import alert, init, new, postmortem, requirements, resolve, update
from .build_commands import build, check, serve
from .import_command import import_group
from .notify_command import notify


def show_version(context: click.Context, _: click.Parameter, value: bool) -> None:
    """--version: the version and where it was installed from, which is what a site's pin will name."""
    if not value or context.resilient_parsing:
        return
    click.echo(f"statusblog, version {__version__}, installed from {installed_origin().where}")
    context.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version and where it was installed from, and exit.")
def main() -> None:
    """Build a status blog from incident posts written in Markdown."""


for command in (check, build, serve, init, requirements, new, update, resolve, postmortem, alert, notify,
                import_group):
    main.add_command(command)
