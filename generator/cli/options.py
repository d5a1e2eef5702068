"""Which site a command works on, and the options the site commands share.

`check`, `build`, `serve`, `notify` and the authoring commands all find their
site the same way (--site, a positional SITE, or the nearest folder with a
site.toml, as git finds its repository) and spell --site, --now and the
signature options alike. One module keeps them so, below every command module
that uses them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..core.problems import display_path
from ..proof.bylines import SignatureOptions


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
    """The site of a command with no positional SITE: the authoring commands, whose argument is a title or slug."""
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
    """All four signature options on a command, so `check` and `build` prove bylines alike."""
    for option in reversed(SIGNATURE_OPTIONS):
        command = option(command)
    return command


def resolve_signatures(verify_signatures: bool, require_signatures: bool, trust_ref: str | None,
                       trusted_signers: Path | None) -> SignatureOptions | None:
    """What to prove, or None when no signature option was given (bylines are then not checked at all)."""
    if trust_ref is not None and trusted_signers is not None:
        raise click.UsageError("give --trust-ref or --trusted-signers, not both: each is a whole trust root")
    if not (verify_signatures or require_signatures or trust_ref is not None or trusted_signers is not None):
        return None
    return SignatureOptions(require_signatures, trust_ref, trusted_signers)
