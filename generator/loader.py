"""A site directory -> the Site model, with every problem found on the way.

This is the only step that touches the source tree: it finds the files,
refuses ones that escape the site (a symlink to /etc/passwd is not content),
reads them, and hands the text to the pure parsers in `content`.
"""

from __future__ import annotations

import os
from datetime import tzinfo
from pathlib import Path
from typing import Any

from .config import load_authors, load_components, load_site_config
from .content import Unfinished, newest_first, parse_incident, parse_maintenance, parse_page, slugify
from .model import Incident, Maintenance, Page, Site
from .parallel import Parser, parse_entries
from .problems import Problems
from .source import SourceError, read_text
from .times import zone


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working directory if inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def content_files(root: Path, folder: str, problems: Problems) -> list[tuple[Path, str, str]]:
    """The *.md files of a content folder, as (path, shown name, slug)."""
    directory = root / folder
    if not directory.is_dir():
        return []
    real_root = root.resolve()
    found = (content_file(real_root, path, problems) for path in sorted(directory.iterdir()))
    return [entry for entry in found if entry is not None]


def content_file(real_root: Path, path: Path, problems: Problems) -> tuple[Path, str, str] | None:
    """One file of a content folder as (path, shown name, slug); None if it is not content.

    Separate from the folder scan so the dev server can re-read one file without listing the folder.
    """
    if path.suffix != ".md" or path.name.startswith((".", "#", "~")) or not path.is_file():
        return None
    shown = display_path(path)
    if not path.resolve().is_relative_to(real_root):
        problems.error(shown, None, "file is a link to outside the site; refused",
                       "copy the file into the site instead of linking to it")
        return None
    slug = slugify(path.stem)
    if not slug:
        problems.error(shown, None, f"cannot make a URL slug from the file name '{path.name}'",
                       "rename the file using letters and digits, e.g. 2026-03-14-api-errors.md")
        return None
    return path, shown, slug


def _parse_all(root: Path, tz: tzinfo, problems: Problems) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """Incidents, maintenances, pages and unfinished incidents; known files come from the parse cache, the rest
    use every core."""
    folders = (("incidents", parse_incident), ("maintenance", parse_maintenance), ("pages", parse_page))
    entries = [(path, shown, slug, parser) for folder, parser in folders
               for path, shown, slug in content_files(root, folder, problems)]
    items = parse_entries(root, entries, tz, problems)
    return ([item for item in items if isinstance(item, Incident)],
            [item for item in items if isinstance(item, Maintenance)],
            [item for item in items if isinstance(item, Page)],
            [item.incident for item in items if isinstance(item, Unfinished)])


def parse_file(path: Path, shown: str, slug: str, parser: Parser, tz: tzinfo, problems: Problems) -> Any:
    """Read and parse one content file; None (and problems) when it cannot be modelled."""
    try:
        text = read_text(path)
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message, exc.hint)
        return None
    parsed = parser(text, slug, shown, tz)
    problems.extend(parsed.problems)
    return parsed.item


def load_site(root: Path, problems: Problems) -> Site | None:
    """Load everything that can be loaded; None when the site cannot be modelled."""
    registry = {name: display_path(root / f"{name}.toml") for name in ("site", "authors", "components")}
    config = load_site_config(root / "site.toml", registry["site"], problems)
    authors = load_authors(root / "authors.toml", registry["authors"], problems)
    components = load_components(root / "components.toml", registry["components"], problems)
    if config is None:
        return None
    tz = zone(config.timezone)
    incidents, maintenances, pages, unfinished = _parse_all(root, tz, problems)
    return Site(
        root=str(root),
        config=config,
        authors=authors,
        components=components,
        incidents=tuple(sorted(incidents, key=lambda i: newest_first(i.started, i.slug))),
        maintenances=tuple(sorted(maintenances, key=lambda m: newest_first(m.scheduled_start, m.slug))),
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        source_files=registry,
        unfinished=tuple(unfinished),
    )
