"""A site directory -> the Site model, with every problem found on the way.

This is the only step that touches the source tree: it finds the files,
refuses the ones `layout` says may not be read (a symlink to /etc/passwd is
not content), reads them, and hands the text to the pure parsers in
`parse`. It also vets the theme overrides in `templates/` and `static/`,
which the render step reads, so `check` refuses what `build` would.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Any

from ..core.model import Incident, IncidentTemplate, Maintenance, Page, Site, SiteConfig
from ..core.problems import Problems, display_path
from ..core.times import zone
from .frontmatter import SourceError, read_text
from .layout import (
    INCIDENT_TEMPLATES,
    INCIDENTS,
    MAINTENANCE,
    PAGES,
    REGISTRIES,
    THEME_FOLDERS,
    Refusal,
    files_below,
    refusal,
)
from .parse import (
    ParsedFile,
    Unfinished,
    newest_first,
    parse_incident,
    parse_maintenance,
    parse_page,
    parse_template,
    slugify,
)
from .registries import load_authors, load_components, load_site_config

Parser = Callable[[str, str, str, tzinfo], ParsedFile]
Entry = tuple[Path, str, str, Parser]
"""A content file to parse: its path, the path shown in messages, its slug, and its parser."""


@dataclass(frozen=True, slots=True)
class ContentKind:
    """One folder of content files: how each file is parsed, and where and in what order the site keeps them."""

    folder: str
    parse: Parser
    field: str
    """The Site's field that holds them."""
    order: Callable[[Any], Any]
    """The site's order: incidents and maintenance newest first (then by slug), pages and templates by slug."""


CONTENT_KINDS = (
    ContentKind(INCIDENTS, parse_incident, "incidents", lambda incident: newest_first(incident.started, incident.slug)),
    ContentKind(MAINTENANCE, parse_maintenance, "maintenances",
                lambda maintenance: newest_first(maintenance.scheduled_start, maintenance.slug)),
    ContentKind(PAGES, parse_page, "pages", lambda page: page.slug),
    ContentKind(INCIDENT_TEMPLATES, parse_template, "templates", lambda template: template.slug),
)
KIND_OF_FOLDER = {kind.folder: kind for kind in CONTENT_KINDS}
ParseAll = Callable[[Path, list[Entry], tzinfo, Problems], list[Any]]
"""How a site's content files become items: `parse_serially`, or the build's cache and pool
(`cached_parse.parse_entries`), which give the same items and problems in the same order."""


def content_files(root: Path, folder: str, problems: Problems) -> list[tuple[Path, str, str]]:
    """The *.md files of a content folder, as (path, shown name, slug).

    A folder of thousands of files is listed once, with each entry's type as the listing gives it. Where
    the folder is itself inside the site with no link along its path, a file of it that is not a link is
    inside the site as it stands, so `refusal` (which resolves every step of a path) is asked only about
    the links; the answers are the same, at a fraction of the system calls.
    """
    directory = root / folder
    if not directory.is_dir():
        return []
    real_root = root.resolve()
    plain_folder = Path(os.path.realpath(directory)) == real_root / folder
    shown_folder = display_path(directory)
    with os.scandir(directory) as listing:
        names = sorted((entry for entry in listing if is_content_name(entry.name)), key=lambda entry: entry.name)
    found = []
    for entry in names:
        path = directory / entry.name
        if plain_folder and not entry.is_symlink():
            if entry.is_file(follow_symlinks=False):
                found.append(_content_entry(path, os.path.normpath(os.path.join(shown_folder, entry.name)), problems))
        else:
            found.append(content_file(real_root, path, problems))
    return [entry for entry in found if entry is not None]


def is_content_name(name: str) -> bool:
    """Whether a file of a content folder is content: Markdown, not hidden, not an editor's backup."""
    return name.endswith(".md") and not name.startswith((".", "#", "~"))


def content_file(real_root: Path, path: Path, problems: Problems) -> tuple[Path, str, str] | None:
    """One file of a content folder as (path, shown name, slug); None if it is not content.

    Separate from the folder scan so the dev server can re-read one file without listing the folder.
    """
    if not is_content_name(path.name):
        return None
    refused = refusal(real_root, path)
    if refused is not None:
        report(refused, problems)
        return None
    if not path.is_file():
        return None
    return _content_entry(path, display_path(path), problems)


def _content_entry(path: Path, shown: str, problems: Problems) -> tuple[Path, str, str] | None:
    """A readable content file as (path, shown name, slug); None, with the problem, if its name cannot name a
    page: bytes that are not UTF-8 (git commits any), or nothing a URL slug can be made of."""
    if not path.name.isascii() and not _is_utf8(path.name):
        problems.error(shown, None, "the file name is not UTF-8, so no page, feed or message can name it",
                       "rename the file using UTF-8 (letters and digits), e.g. 2026-03-14-api-errors.md")
        return None
    slug = slugify(path.stem)
    if not slug:
        problems.error(shown, None, f"cannot make a URL slug from the file name '{path.name}'",
                       "rename the file using letters and digits, e.g. 2026-03-14-api-errors.md")
        return None
    return path, shown, slug


def _is_utf8(name: str) -> bool:
    """Whether a name read from the file system was UTF-8: Python keeps other bytes as lone surrogates."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_all(root: Path, tz: tzinfo, problems: Problems, parse: ParseAll
               ) -> tuple[list[Any], list[Any], list[Any], list[Any], list[Any]]:
    """Incidents, maintenances, pages, templates, and the incidents that parsed only in part (checked, never
    published)."""
    entries: list[Entry] = [(path, shown, slug, kind.parse) for kind in CONTENT_KINDS
                            for path, shown, slug in content_files(root, kind.folder, problems)]
    items = parse(root, _each_file_once(entries, problems), tz, problems)
    return ([item for item in items if isinstance(item, Incident)],
            [item for item in items if isinstance(item, Maintenance)],
            [item for item in items if isinstance(item, Page)],
            [item for item in items if isinstance(item, IncidentTemplate)],
            [item.incident for item in items if isinstance(item, Unfinished)])


def _each_file_once(entries: list[Entry], problems: Problems) -> list[Entry]:
    """The entries without a second name for a file: a link in a content folder to another content file
    would publish the same incident twice, under two addresses. The file itself is kept, the link refused."""
    real_folders: dict[Path, str] = {}

    def real_path(path: Path, link: bool) -> str:
        """Where a path leads; a file that is not a link is where its folder leads (resolved once per folder)."""
        if link:
            return os.path.realpath(path)
        if path.parent not in real_folders:
            real_folders[path.parent] = os.path.realpath(path.parent)
        return os.path.join(real_folders[path.parent], path.name)

    links = [entry[0].is_symlink() for entry in entries]
    real = [real_path(entry[0], link) for entry, link in zip(entries, links, strict=True)]
    first: dict[str, str] = {}
    shown_as = [entry[1] for entry in entries]
    for _link, place, shown in sorted(zip(links, real, shown_as, strict=True), key=lambda row: row[0]):
        first.setdefault(place, shown)
    kept = []
    for place, entry in zip(real, entries, strict=True):
        shown = entry[1]
        if first[place] != shown:
            problems.error(shown, None, f"is a link to {first[place]}, which is published already",
                           "delete the link: each file is published once, under its own name")
            continue
        kept.append(entry)
    return kept


def read_parsed(path: Path, shown: str, slug: str, parser: Parser, tz: tzinfo, problems: Problems
                ) -> ParsedFile | None:
    """Read and parse one content file, its problems reported; None when it cannot be read."""
    try:
        text = read_text(path)
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message, exc.hint)
        return None
    parsed = parser(text, slug, shown, tz)
    problems.extend(parsed.problems)
    return parsed


def kept(parsed: ParsedFile) -> Any:
    """What a site keeps of a parsed file: its item, else what of an incident parsed (to be checked), else None."""
    if parsed.item is not None:
        return parsed.item
    return Unfinished(parsed.unfinished) if parsed.unfinished is not None else None


def parse_serially(_root: Path, entries: list[Entry], tz: tzinfo, problems: Problems) -> list[Any]:
    """Each file read and parsed in turn, here: the plain way, and what the dev server does on a save."""
    parsed = (read_parsed(*entry, tz, problems) for entry in entries)
    return [item for result in parsed if result is not None and (item := kept(result)) is not None]


def report(refused: Refusal, problems: Problems) -> None:
    problems.error(display_path(refused.path), None, refused.message, refused.hint)


def check_theme_folders(root: Path, problems: Problems) -> None:
    """Refuse, before anything is rendered, what `templates/` and `static/` may not publish or run."""
    real_root = root.resolve()
    for folder in THEME_FOLDERS:
        for refused in files_below(real_root, root / folder)[1]:
            report(refused, problems)


def config_for_theme(root: Path) -> SiteConfig | None:
    """The site's settings, if the theme can be compiled with them now: site.toml and the site's own
    `templates/` and `static/` as load_site accepts them; None otherwise.

    A build starts on its theme with these before the rest of the site is read
    (render.compiled_theme.compile_ahead), so it reads nothing there that the build would refuse; the
    problems are load_site's to report.
    """
    if refusal(root.resolve(), root / "site.toml") is not None:
        return None
    problems = Problems()
    config = load_site_config(root / "site.toml", display_path(root / "site.toml"), problems)
    check_theme_folders(root, problems)
    return None if problems.errors else config


def load_site(root: Path, problems: Problems, parse: ParseAll = parse_serially) -> Site | None:
    """Load everything that can be loaded; None when the site cannot be modelled.

    `parse` is how content files are read: a build passes its cache and process pool.
    """
    real_root = root.resolve()
    registry = {name: display_path(root / f"{name}.toml") for name in REGISTRIES}
    refused = {name: refusal(real_root, root / f"{name}.toml") for name in REGISTRIES}
    for name in REGISTRIES:
        if refused[name] is not None:
            report(refused[name], problems)
    if refused["site"] is not None:
        return None
    config = load_site_config(root / "site.toml", registry["site"], problems)
    authors = {} if refused["authors"] else load_authors(root / "authors.toml", registry["authors"], problems)
    components = {} if refused["components"] else load_components(root / "components.toml",
                                                                  registry["components"], problems)
    check_theme_folders(root, problems)
    if config is None:
        return None
    tz = zone(config.timezone)
    incidents, maintenances, pages, templates, unfinished = _parse_all(root, tz, problems, parse)
    return Site(
        root=str(root),
        config=config,
        authors=authors,
        components=components,
        incidents=tuple(sorted(incidents, key=KIND_OF_FOLDER[INCIDENTS].order)),
        maintenances=tuple(sorted(maintenances, key=KIND_OF_FOLDER[MAINTENANCE].order)),
        pages=tuple(sorted(pages, key=KIND_OF_FOLDER[PAGES].order)),
        source_files=registry,
        unfinished=tuple(unfinished),
        templates=tuple(sorted(templates, key=KIND_OF_FOLDER[INCIDENT_TEMPLATES].order)),
    )
