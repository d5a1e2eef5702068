"""What each file an import writes says: the tables missing from the registries, and each item's Markdown.

Every text comes from the serialisers `statusblog new` uses
(`authoring.compose.incident_text`, `update_block`, `toml_string`, ...), so an imported
file is one a person could have written. An item's text is then parsed back
as the site will read it and must hold exactly the imported updates: the proof
that no imported value became structure (a heading, a byline, a front matter
key).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..authoring.compose import (
    component_settings_line,
    incident_text,
    maintenance_text,
    postmortem_heading,
    toml_string,
    update_block,
)
from ..authoring.errors import AuthoringError
from ..core.model import IMPACT_STATUS, Incident, Maintenance, Update
from ..core.problems import display_path
from ..source.frontmatter import MAX_SOURCE_BYTES, SourceError, load_toml, read_text
from ..source.parse import ParsedFile, parse_incident, parse_maintenance, slugify
from .imported import History, ImportedIncident, ImportedMaintenance, ImportedUpdate, Unmapped

REFERENCE = re.compile(r"[^A-Za-z0-9._-]")
PLACEHOLDER_URL = "https://status.example.com/"


@dataclass(frozen=True, slots=True)
class Planned:
    """A file the import writes (or, with --dry-run, would write)."""

    relative: str
    text: str
    change: str
    """'create', 'update' (a file this import wrote before, unchanged since) or 'append' (a registry)."""


def author_id(history: History) -> str:
    return f"imported-{history.key}"


# The registries: only what is missing is added; a table a person wrote is never changed.

def registry_files(root: Path, history: History, unmapped: list[Unmapped]) -> list[Planned]:
    """The registries the import creates or appends to; none where the site already has all it needs."""
    return [planned for planned in (_site_toml(root, history, unmapped), _authors_toml(root, history),
                                    _components_toml(root, history)) if planned is not None]


def _site_toml(root: Path, history: History, unmapped: list[Unmapped]) -> Planned | None:
    if (root / "site.toml").exists():
        return None
    url = history.base_url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(char.isspace() for char in url):
        unmapped.append(Unmapped("site.toml", "base_url", url, f"no usable page address; {PLACEHOLDER_URL} written: "
                                 "set base_url to where the site will be published"))
        url = PLACEHOLDER_URL
    title = history.name or f"Status, imported from {history.service}"
    text = (f"title = {toml_string(title)}\nbase_url = {toml_string(url)}\n"
            f"timezone = {toml_string(history.timezone)}\n")
    return Planned("site.toml", text, "create")


def _registry(root: Path, name: str) -> tuple[str | None, dict[str, Any]]:
    """A registry's text (None if there is none) and its tables."""
    path = root / name
    if not path.exists():
        return None, {}
    try:
        text = read_text(path)
        return text, load_toml(text)
    except SourceError as exc:
        raise AuthoringError(f"{display_path(path)}:{exc.line or 1}: {exc.message}; fix it first, then import "
                             "again") from exc


def _appended(name: str, existing: str | None, tables: list[str]) -> Planned | None:
    if not tables:
        return None
    head = existing.rstrip("\n") + "\n\n" if existing and existing.strip() else ""
    return Planned(name, head + "\n".join(tables), "create" if existing is None else "append")


def _authors_toml(root: Path, history: History) -> Planned | None:
    """The one author who signs imported updates, named for what it is: never a person, never verified."""
    existing, data = _registry(root, "authors.toml")
    if author_id(history) in data:
        return None
    title = _registry(root, "site.toml")[1].get("title")
    team = history.name or (title if isinstance(title, str) and title.strip() else "Status")
    url = history.url.strip()
    reach = (f"url = {toml_string(url)}\n" if urlsplit(url).scheme in ("http", "https")
             and not any(char.isspace() for char in url) else "")
    table = (f"[{author_id(history)}]\nname = {toml_string(f'{team} team, imported from {history.service}')}\n"
             f"role = {toml_string(f'Imported history from {history.service}, not signed by a person')}\n"
             f"{reach}")
    return _appended("authors.toml", existing, [table])


def _components_toml(root: Path, history: History) -> Planned | None:
    existing, data = _registry(root, "components.toml")
    tables = []
    for component in history.components:
        if component.id in data:
            continue
        reference = REFERENCE.sub("", component.reference)[:64]
        lines = [f"[{component.id}]" + (f"  # {history.service} component {reference}" if reference else ""),
                 f"name = {toml_string(component.name)}"]
        if component.group:
            lines.append(f"group = {toml_string(component.group)}")
        if component.description:
            lines.append(f"description = {toml_string(component.description)}")
        if component.start_date:
            lines.append(f"start_date = {component.start_date.isoformat()}")
        tables.append("\n".join(lines) + "\n")
    return _appended("components.toml", existing, tables)


# Items: their text, and the text read back to prove it says what was imported.

def item_text(item: ImportedIncident | ImportedMaintenance, author: str, unmapped: list[Unmapped]) -> str | None:
    """The item's file, signed by `author`; None (and why, in `unmapped`) if it would be too large to read."""
    body = "\n".join(update_block(update.at, update.status, author, _with_components(update))
                     for update in item.updates)
    if isinstance(item, ImportedIncident):
        if item.summary:
            body = f"{item.summary}\n\n{body}"
        if item.postmortem:
            body += f"\n{postmortem_heading(author)}\n\n{item.postmortem}\n"
        components: dict[str, str] | list[str] = list(item.components)
        if any(status is not None for status in item.components.values()):
            components = {key: status or IMPACT_STATUS[item.impact].key for key, status in item.components.items()}
        text = incident_text(item.title, item.impact, components, item.started, body, stable_id=item.id)
    else:
        text = maintenance_text(item.title, item.start, item.end, item.components, body, stable_id=item.id)
    size = len(text.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:
        unmapped.append(Unmapped(item.source, item.id, item.title, f"its file would be {size:,} bytes, over the "
                                 f"{MAX_SOURCE_BYTES // 2**20} MB a source file may have; not imported"))
        return None
    return text


def _with_components(update: ImportedUpdate) -> str:
    """The update's text, then its 'Components:' line: the statuses the source attached at this update."""
    if not update.components:
        return update.body
    line = component_settings_line(f"{key}={status}" for key, status in update.components)
    return f"{update.body.strip()}\n\n{line}" if update.body.strip() else line


def _said(update: ImportedUpdate | Update) -> tuple[object, ...]:
    """What an update says, imported or read back: time, status, text and the components it sets."""
    if isinstance(update, ImportedUpdate):
        return update.at, update.status, update.body.strip(), update.components
    return (update.at, update.status, update.body.text.strip(),
            tuple((setting.id, setting.status.key) for setting in update.components))


def read_back(root: Path, planned: Planned, item: ImportedIncident | ImportedMaintenance) -> ParsedFile | None:
    """The planned file parsed as the site will read it, if it holds exactly the imported updates and nothing
    more: the proof that no imported value became structure. None if it does not."""
    path = root / planned.relative
    incident = isinstance(item, ImportedIncident)
    parse = parse_incident if incident else parse_maintenance
    parsed = parse(planned.text, slugify(path.stem), display_path(path), UTC)
    found = parsed.item
    if not isinstance(found, Incident | Maintenance) or found.id != item.id or found.title != item.title:
        return None
    if isinstance(found, Incident) and isinstance(item, ImportedIncident) and (
            bool(found.postmortem) != bool(item.postmortem) or found.summary.text.strip() != item.summary.strip()):
        return None
    if [_said(update) for update in item.updates] != [_said(update) for update in found.updates]:
        return None
    return parsed
