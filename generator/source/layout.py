"""What of a site's folder a build may read, and where its output may not go.

A build reads the site's registries and the files below its source folders,
and nothing else: a link that leads out of the site (to `~/.ssh`, to
`/etc`) is refused, not followed, whichever folder it sits in, and so is a
link into the site's hidden top-level entries (`.git/config` holds the token
a CI checkout leaves there, `.env` a developer's secrets), and a link that
leads nowhere or round in a loop. Every step that reads the site asks here,
so there is one answer to "may this be read?" (a content folder's listing
asks about its links only: a file that is not a link, in a folder with no
link on its path, is inside the site as it stands).
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

INCIDENTS, MAINTENANCE, PAGES = "incidents", "maintenance", "pages"
INCIDENT_TEMPLATES = "incident-templates"
"""The first text of common incidents: read under the same rules as incidents, never published."""
CONTENT_FOLDERS = (INCIDENTS, MAINTENANCE, PAGES, INCIDENT_TEMPLATES)
"""Folders of Markdown files, one item per file (how each is parsed and ordered: loader.CONTENT_KINDS)."""
THEME_FOLDERS = ("templates", "static")
"""Folders that override the installed theme's files of the same name."""
SOURCE_FOLDERS = CONTENT_FOLDERS + THEME_FOLDERS
REGISTRIES = ("site", "authors", "components")
"""The site's TOML files, `<name>.toml` at its top."""


@dataclass(frozen=True, slots=True)
class Refusal:
    """A path below the site that a build does not read, and why."""

    path: Path
    message: str
    hint: str


def refusal(real_root: Path, path: Path, whole: str = "site") -> Refusal | None:
    """Why `path` may not be read as part of the site whose real path is `real_root`; None if it may.

    `whole` names what `real_root` is in messages: the same rule holds an import's export to itself.

    The whole path is resolved, so a link anywhere along it counts (an `incidents` folder that is
    itself a link, say). A path that does not exist is not refused here: reading it will say so.
    """
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Refusal(path, "is a symbolic link that leads round in a loop; refused",
                           f"point the link at a file inside the {whole}, or delete it")
        if path.is_symlink():
            return Refusal(path, "is a symbolic link to nothing; refused",
                           f"point the link at a file inside the {whole}, or delete it")
        return None
    kind = "folder" if real.is_dir() else "file"
    if not real.is_relative_to(real_root):
        return Refusal(path, f"{kind} is a link to outside the {whole}; refused",
                       f"copy the {kind} into the {whole} instead of linking to it")
    hidden = real.relative_to(real_root).parts[:1]
    if hidden and hidden[0].startswith("."):
        return Refusal(path, f"{kind} is a link into the {whole}'s hidden '{hidden[0]}'; refused",
                       "hidden entries (.git, .env) hold what is never published; copy the file instead")
    if kind == "folder" and Path(os.path.realpath(path.parent)).is_relative_to(real):
        return Refusal(path, "is a link to a folder that contains it, a loop; refused",
                       "point the link elsewhere, or delete it")
    return None


def files_below(real_root: Path, folder: Path) -> tuple[list[Path], list[Refusal]]:
    """Every file below `folder` that may be read, in path order, and every entry that may not.

    Links that stay inside the site are followed, files and folders alike; a
    folder met again below itself (a link to an ancestor) is a loop, refused.
    """
    files: list[Path] = []
    refused: list[Refusal] = []

    def visit(directory: Path, ancestors: frozenset[Path]) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            refused.append(Refusal(directory, f"cannot be listed: {exc.strerror or exc}",
                                   "make the folder readable, or remove it"))
            return
        for entry in entries:
            path = Path(entry.path)
            problem = refusal(real_root, path) if entry.is_symlink() else None
            if problem is not None:
                refused.append(problem)
            elif entry.is_dir():
                real = Path(os.path.realpath(path))
                if real in ancestors:
                    refused.append(Refusal(path, "is a symbolic link to a folder that contains it, a loop; "
                                                 "refused", "point the link elsewhere, or delete it"))
                else:
                    visit(path, ancestors | {real})
            elif entry.is_file():
                files.append(path)

    problem = refusal(real_root, folder)
    if problem is not None:
        return [], [problem]
    if folder.is_dir():
        visit(folder, frozenset({Path(os.path.realpath(folder))}))
    return sorted(files), refused


def source_folder_holding(site_root: Path, path: Path) -> str | None:
    """The site's source folder (or registry) that `path` is, or lies inside; None if neither.

    Both are compared by their real paths, so a link cannot hide where `path` really is.
    """
    real_root, real = site_root.resolve(), path.resolve()
    for name in SOURCE_FOLDERS:
        if real.is_relative_to(real_root / name):
            return f"{name}/"
    for name in REGISTRIES:
        if real == real_root / f"{name}.toml":
            return f"{name}.toml"
    return None
