"""site.toml, authors.toml and components.toml -> frozen configuration.

Registries are read as strictly as front matter: unknown keys are errors with
a did-you-mean hint, and every setting has a documented default.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from .model import Author, Component, Contact, SiteConfig, UptimeWeights
from .problems import Problems, did_you_mean
from .render import installed_themes
from .schema import (
    IDENTIFIER,
    FieldError,
    FieldSpec,
    day,
    flag,
    integer,
    number,
    read_fields,
    required_text,
    text,
    text_list,
)
from .source import SourceError, Value, load_toml, read_text, toml_lines
from .times import TimeError, zone


def _table(value: Any, _tz: tzinfo) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FieldError("must be a table", "write it as a [section] of 'key = value' lines")
    return value


def _no_spaces(url: str) -> str:
    """A URL is written into feeds, calendars and host files, where a line break would start a new line."""
    if any(char.isspace() for char in url):
        raise FieldError(f"{url!r} contains a space or a line break", "write a space as %20")
    return url


def _base_url(value: Any, tz: tzinfo) -> str:
    url = _no_spaces(required_text(value, tz))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FieldError(f"'{url}' is not an absolute http(s) URL", "e.g. base_url = \"https://status.example.com/\"")
    return url if url.endswith("/") else url + "/"


def _timezone(value: Any, tz: tzinfo) -> str:
    name = required_text(value, tz)
    try:
        zone(name)
    except TimeError as exc:
        raise FieldError(str(exc), "use an IANA name such as 'UTC', 'Europe/Berlin' or 'America/Chicago'") from exc
    return name


def _language(value: Any, tz: tzinfo) -> str:
    code = required_text(value, tz)
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise FieldError(f"'{code}' is not a known language code", "use a code such as 'en' or 'id'") from exc
    return code


def _email(value: Any, tz: tzinfo) -> str:
    address = text(value, tz)
    if address and ("@" not in address or any(c in address for c in " <>\"'\n")):
        raise FieldError(f"'{address}' is not an email address")
    return address


def _web_url(value: Any, tz: tzinfo) -> str:
    url = _no_spaces(text(value, tz))
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise FieldError(f"'{url}' is not an http(s) URL")
    return url


def _theme(value: Any, tz: tzinfo) -> str:
    """An installed theme's name. A path is refused: templates are code, and `theme = "incidents/x"` (or
    `"/proc/self/cwd/..."`) would make a content-only change run whatever templates it added."""
    name = required_text(value, tz)
    themes = installed_themes()
    if name not in themes:
        hint = did_you_mean(name, themes) if IDENTIFIER.match(name) else "valid: " + ", ".join(sorted(themes))
        raise FieldError(f"is '{name}', which is not an installed theme: it names one, never a path",
                         f"{hint}; to change how pages look, put templates in the site's templates/ and static/")
    return name


WEIGHT = FieldSpec(number(0, 1))

SITE_SCHEMA = {
    "title": FieldSpec(required_text, required=True),
    "base_url": FieldSpec(_base_url, required=True),
    "timezone": FieldSpec(_timezone, required=True),
    "language": FieldSpec(_language),
    "description": FieldSpec(text),
    "theme": FieldSpec(_theme),
    "postmortem_deadline_days": FieldSpec(integer(0, 3650)),
    "history_page_size": FieldSpec(integer(1, 1000)),
    "feed_limit": FieldSpec(integer(1, 100_000)),
    "contact": FieldSpec(_table),
    "uptime": FieldSpec(_table),
    "link_index_html": FieldSpec(flag),
}
CONTACT_SCHEMA = {"email": FieldSpec(_email), "phone": FieldSpec(text), "url": FieldSpec(_web_url)}
UPTIME_SCHEMA = {key: WEIGHT for key in ("major_outage", "partial_outage", "degraded_performance", "under_maintenance")}
AUTHOR_SCHEMA = {
    "name": FieldSpec(required_text, required=True),
    "role": FieldSpec(required_text, required=True),
    "email": FieldSpec(_email),
    "url": FieldSpec(_web_url),
    "signing_keys": FieldSpec(text_list),
}
COMPONENT_SCHEMA = {
    "name": FieldSpec(required_text, required=True),
    "group": FieldSpec(text),
    "description": FieldSpec(text),
    "sla": FieldSpec(number(0, 100)),
    "start_date": FieldSpec(day),
}


def _read_registry(path: Path, shown: str, problems: Problems) -> tuple[dict[str, Any], dict[tuple[str, str], int]]:
    try:
        body = read_text(path)
        return load_toml(body), toml_lines(body)
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message, exc.hint)
        return {}, {}


def _values(data: dict[str, Any], lines: dict[tuple[str, str], int], table: str) -> dict[str, Value]:
    return {key: Value(value, lines.get((table, key), lines.get((table, "")))) for key, value in data.items()}


def load_site_config(path: Path, shown: str, problems: Problems) -> SiteConfig | None:
    if not path.is_file():
        problems.error(shown, None, "site.toml is missing", "create it with title, base_url and timezone")
        return None
    data, lines = _read_registry(path, shown, problems)
    if not data and not lines:
        if not any(p.path == shown for p in problems.items):
            problems.error(shown, 1, "site.toml is empty", "set title, base_url and timezone")
        return None
    fields = read_fields(_values(data, lines, ""), SITE_SCHEMA, UTC, problems, shown, 1, "site.toml")
    if fields is None:
        return None
    contact = read_fields(_values(fields.pop("contact", {}), lines, "contact"), CONTACT_SCHEMA, UTC,
                          problems, shown, lines.get(("contact", "")), "[contact]")
    uptime = read_fields(_values(fields.pop("uptime", {}), lines, "uptime"), UPTIME_SCHEMA, UTC,
                         problems, shown, lines.get(("uptime", "")), "[uptime]")
    if contact is None or uptime is None:
        return None
    return SiteConfig(**fields, contact=Contact(**contact), uptime=UptimeWeights(**uptime))


def _entries(path: Path, shown: str, problems: Problems, kind: str) -> list[tuple[str, dict[str, Value], int | None]]:
    """Each `[id]` table of a registry with its values and header line."""
    if not path.is_file():
        return []
    data, lines = _read_registry(path, shown, problems)
    entries = []
    for key, table in data.items():
        line = lines.get((key, ""), lines.get(("", key)))
        if not isinstance(table, dict):
            problems.error(shown, line, f"'{key}' must be a [{key}] table of {kind} settings",
                           f"write '[{key}]' on its own line, then 'name = \"...\"'")
            continue
        if not IDENTIFIER.match(key):
            problems.error(shown, line, f"'{key}' is not a valid {kind} id",
                           "use lowercase letters, digits, '-' and '_'")
            continue
        entries.append((key, _values(table, lines, key), line))
    return entries


def load_authors(path: Path, shown: str, problems: Problems) -> dict[str, Author]:
    authors: dict[str, Author] = {}
    if not path.is_file():
        problems.error(shown, None, "authors.toml is missing",
                       "every update is signed by a person: add [id] tables with name and role")
    for key, values, line in _entries(path, shown, problems, "author"):
        fields = read_fields(values, AUTHOR_SCHEMA, UTC, problems, shown, line, f"author '{key}'")
        if fields is None:
            continue
        author = Author(id=key, line=line or 0, **fields)
        if not author.email and not author.url:
            problems.warning(shown, line, f"author '{key}' gives no way to reach them",
                             "add email or url: customers are told who to contact")
        authors[key] = author
    return authors


def load_components(path: Path, shown: str, problems: Problems) -> dict[str, Component]:
    components: dict[str, Component] = {}
    for position, (key, values, line) in enumerate(_entries(path, shown, problems, "component")):
        fields = read_fields(values, COMPONENT_SCHEMA, UTC, problems, shown, line, f"component '{key}'")
        if fields is not None:
            components[key] = Component(id=key, position=position, line=line or 0, **fields)
    return components
