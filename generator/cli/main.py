"""The statusblog command line: the one click group, and every command registered on it.

Every failure a user can cause ends in a clear message and a non-zero exit,
never a traceback: the person reading it is on call and in a hurry. The
commands live by concern: `build_commands` (check, build, serve),
`authoring_commands` (init, requirements, new, update, resolve, postmortem, alert),
`notify_command` and `import_command`; what they share, finding the site
and the common options, is `options`, and how they report, `console`.

A command's module is imported only when that command runs (or help lists it): `build` does not pay
for the importers' HTML reader, and `--version` answers before any of them loads.
"""

from __future__ import annotations

import importlib

import click

COMMANDS = {
    "check": "build_commands",
    "build": "build_commands",
    "serve": "build_commands",
    "init": "authoring_commands",
    "requirements": "authoring_commands",
    "new": "authoring_commands",
    "update": "authoring_commands",
    "resolve": "authoring_commands",
    "postmortem": "authoring_commands",
    "alert": "authoring_commands",
    "notify": "notify_command",
    "import": "import_command",
}
"""Each command's name, in the order help lists them, and the module of this package that defines it
(under that name, or `<name>_group` for a group of commands)."""


class Commands(click.Group):
    """The command group, loading each command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        defined = vars(importlib.import_module(f"{__package__}.{module}"))
        command = defined.get(cmd_name) or defined[f"{cmd_name}_group"]
        assert isinstance(command, click.Command)
        return command


def show_version(context: click.Context, _: click.Parameter, value: bool) -> None:
    """--version: the version and where it was installed from, which is what a site's pin will name."""
    if not value or context.resilient_parsing:
        return
    from ..authoring.installed import version_line  # only --version reads the distribution's metadata

    click.echo(version_line())
    context.exit()


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version and where it was installed from, and exit.")
def main() -> None:
    """Build a status blog from incident posts written in Markdown."""
