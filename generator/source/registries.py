"""site.toml, authors.toml and components.toml -> frozen configuration.

Registries are read as strictly as front matter: unknown keys are errors with
a did-you-mean hint, and every setting has a documented default.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from ..core.model import (
    IMPACTS,
    NOTIFY_FORMATS,
    AlertRule,
    Author,
    Component,
    ComponentStatus,
    Contact,
    NotifyChannel,
    SiteConfig,
    UptimeWeights,
)
from ..core.problems import Problems, did_you_mean
from ..core.times import TimeError, zone
from ..themes import installed_themes
from .frontmatter import SourceError, Value, load_toml, read_text, toml_lines
from .schema import (
    IDENTIFIER,
    FieldError,
    FieldSpec,
    choice,
    day,
    duration,
    flag,
    identifier,
    integer,
    number,
    read_fields,
    required_text,
    text,
    text_list,
)


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
    """The site's public address, which every feed id, sitemap entry and host file is built on.

    Pages and feeds append paths to it, so a query or fragment would end up in the middle of every
    URL, and a user name or password would be published in all of them.
    """
    example = 'e.g. base_url = "https://status.example.com/"'
    url = _no_spaces(required_text(value, tz))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FieldError(f"'{url}' is not an absolute http(s) URL", example)
    if parts.query or parts.fragment or "?" in url or "#" in url:
        raise FieldError(f"'{url}' has a query or a fragment ('?' or '#')",
                         f"give the folder the site is published at, {example}")
    if "@" in parts.netloc:
        raise FieldError(f"'{url}' carries a user name or password", f"publish the site without them, {example}")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when it is asked for
    except ValueError as exc:
        raise FieldError(f"'{url}' has a port that is not a number from 0 to 65535", example) from exc
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


EMAIL = re.compile(r"""
    (?=.{3,254}$)
    [A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]+)*                        # local part: dot-separated words
    @(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+              # domain labels
    [A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?                        # a top-level domain
    """, re.ASCII | re.VERBOSE)
"""What the addresses of people and support desks look like. Stricter than RFC 5322 on purpose: an
address becomes a mailto: link, where '?', '&', '%', ':' or a second '@' could add a header (cc, body)
or turn it into another kind of link; no work address needs them."""


def _email(value: Any, tz: tzinfo) -> str:
    address = text(value, tz)
    if address and not EMAIL.fullmatch(address):
        raise FieldError(f"'{address}' is not an email address statusblog accepts",
                         "write name@example.com: letters, digits, '.', '_', '+' and '-' before one '@', then a "
                         "domain (an international one in its xn-- form)")
    return address


def _web_url(value: Any, tz: tzinfo) -> str:
    url = _no_spaces(text(value, tz))
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise FieldError(f"'{url}' is not an http(s) URL")
    return url


ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _secret_url(value: Any, _tz: tzinfo) -> str:
    """`env:NAME`, never the URL: the URL carries the channel's secret, and the repository is not secret.

    The message never repeats what was written, so a pasted secret does not
    reach a CI log as well.
    """
    if not isinstance(value, str):
        raise FieldError("must be text such as \"env:STATUS_SLACK_URL\"", "put the value in quotes")
    name = value.strip().removeprefix("env:")
    if not value.strip().startswith("env:") or not ENV_NAME.match(name):
        raise FieldError("must name the environment variable that holds the channel's URL, as \"env:NAME\"; "
                         "a URL written here would publish its secret with the repository",
                         "store the URL as a CI secret (docs/notify.md), write url = \"env:NAME\", and revoke "
                         "the URL that was written here")
    return name


def _timeout(value: Any, tz: tzinfo) -> float:
    return number(1, 120)(value, tz)


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
GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
"""GitHub's own rule for a login: letters, digits and single hyphens, at most 39 characters."""


def _github(value: Any, tz: tzinfo) -> str:
    login = required_text(value, tz)
    if not GITHUB_LOGIN.match(login) or "--" in login or login.endswith("-"):
        raise FieldError(f"'{login}' is not a GitHub login", 'write the login alone, e.g. github = "alice-n"')
    return login


def _text_map(value: Any, tz: tzinfo) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value:
        raise FieldError("must be a table of label = value", 'e.g. match = { alertname = "APIErrors" }')
    return tuple((required_text(key, tz), text(item, tz)) for key, item in value.items())


def _statuses(value: Any, tz: tzinfo) -> tuple[tuple[str, str], ...]:
    pairs = _text_map(value, tz)
    for key, status in pairs:
        if not IDENTIFIER.match(key):
            raise FieldError(f"'{key}' is not a component id", "use the ids of components.toml")
        if status not in ComponentStatus.names():
            raise FieldError(f"status '{status}' of '{key}' is not one of: {', '.join(ComponentStatus.names())}",
                             did_you_mean(status, ComponentStatus.names()))
    return pairs

SITE_SCHEMA = {
    "title": FieldSpec(required_text, required=True),
    "base_url": FieldSpec(_base_url, required=True),
    "timezone": FieldSpec(_timezone, required=True),
    "language": FieldSpec(_language),
    "description": FieldSpec(text),
    "theme": FieldSpec(_theme),
    "postmortem_deadline_days": FieldSpec(integer(0, 3650)),
    "history_page_size": FieldSpec(integer(1, 1000)),
    "maintenance_alarm": FieldSpec(duration(timedelta(0), timedelta(days=7))),
    "feed_limit": FieldSpec(integer(1, 100_000)),
    "contact": FieldSpec(_table),
    "uptime": FieldSpec(_table),
    "link_index_html": FieldSpec(flag),
    "websub_hub": FieldSpec(_web_url),
    "notify": FieldSpec(lambda value, _tz: value),
    "publish_proofs": FieldSpec(flag),
    "alert": FieldSpec(lambda value, _tz: value),
}
ALERT_SCHEMA = {
    "match": FieldSpec(_text_map, required=True),
    "author": FieldSpec(identifier, required=True),
    "components": FieldSpec(_statuses),
    "impact": FieldSpec(choice(*IMPACTS)),
    "template": FieldSpec(identifier),
}
NOTIFY_SCHEMA = {
    "name": FieldSpec(required_text, required=True),
    "url": FieldSpec(_secret_url, required=True),
    "format": FieldSpec(choice(*NOTIFY_FORMATS)),
    "components": FieldSpec(text_list),
    "min_impact": FieldSpec(choice(*IMPACTS)),
    "maintenance": FieldSpec(flag),
    "subscribe": FieldSpec(text),
    "timeout": FieldSpec(_timeout),
}
CONTACT_SCHEMA = {"email": FieldSpec(_email), "phone": FieldSpec(text), "url": FieldSpec(_web_url)}
UPTIME_SCHEMA = {key: WEIGHT for key in ("major_outage", "partial_outage", "degraded_performance", "under_maintenance")}
AUTHOR_SCHEMA = {
    "name": FieldSpec(required_text, required=True),
    "role": FieldSpec(required_text, required=True),
    "email": FieldSpec(_email),
    "url": FieldSpec(_web_url),
    "signing_keys": FieldSpec(text_list),
    "github": FieldSpec(_github),
}
COMPONENT_SCHEMA = {
    "name": FieldSpec(required_text, required=True),
    "group": FieldSpec(text),
    "description": FieldSpec(text),
    "sla": FieldSpec(number(0, 100)),
    "start_date": FieldSpec(day),
}


def _read_registry(path: Path, shown: str, problems: Problems) -> tuple[dict[str, Any], dict[tuple[str, str], int]]:
    data, lines, _body = _read_toml(path, shown, problems)
    return data, lines


def _read_toml(path: Path, shown: str,
               problems: Problems) -> tuple[dict[str, Any], dict[tuple[str, str], int], str]:
    try:
        body = read_text(path)
        return load_toml(body), toml_lines(body), body
    except SourceError as exc:
        problems.error(shown, exc.line, exc.message, exc.hint)
        return {}, {}, ""


def _values(data: dict[str, Any], lines: dict[tuple[str, str], int], table: str) -> dict[str, Value]:
    return {key: Value(value, lines.get((table, key), lines.get((table, "")))) for key, value in data.items()}


def _array_lines(body: str, name: str) -> list[dict[tuple[str, str], int]]:
    """The lines of each `[[name]]` table: toml_lines keeps only the first of an array's tables."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    text_lines = body.split("\n")
    starts = [index for index, line in enumerate(text_lines) if header.match(line)]
    blocks = []
    for start, end in zip(starts, [*starts[1:], len(text_lines)][:len(starts)], strict=True):
        block = text_lines[start:end]
        after = next((n for n, line in enumerate(block[1:], 1) if line.lstrip().startswith("[")), len(block))
        blocks.append(toml_lines("\n".join(block[:after]), first_line=start + 1))
    return blocks


def _channels(value: Any, body: str, shown: str, problems: Problems) -> tuple[NotifyChannel, ...] | None:
    """Each `[[notify]]` table, typed; names are unique, since errors and --channel name a channel by it."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.error(shown, None, "'notify' must be [[notify]] tables, one per channel",
                       "write '[[notify]]' on its own line, then name and url (docs/notify.md)")
        return None
    blocks = _array_lines(body, "notify")
    channels: list[NotifyChannel] = []
    ok = True
    for position, table in enumerate(value):
        lines = blocks[position] if position < len(blocks) else {}
        line = lines.get(("notify", ""))
        fields = read_fields(_values(table, lines, "notify"), NOTIFY_SCHEMA, UTC, problems, shown, line,
                             "[[notify]]")
        if fields is None:
            ok = False
            continue
        if any(channel.name == fields["name"] for channel in channels):
            problems.error(shown, line, f"two [[notify]] channels are named '{fields['name']}'",
                           "give each channel its own name: errors and --channel name a channel by it")
            ok = False
            continue
        channels.append(NotifyChannel(url_env=fields.pop("url"), line=line or 0, **fields))
    return tuple(channels) if ok else None


def _alert_rules(value: Any, body: str, shown: str, problems: Problems) -> tuple[AlertRule, ...] | None:
    """Each `[[alert]]` table, typed, in the order written (the first that matches an alert wins)."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.error(shown, None, "'alert' must be [[alert]] tables, one per kind of alert",
                       "write '[[alert]]' on its own line, then match, author and components (docs/alerts.md)")
        return None
    blocks = _array_lines(body, "alert")
    rules: list[AlertRule] = []
    ok = True
    for position, table in enumerate(value):
        lines = blocks[position] if position < len(blocks) else {}
        line = lines.get(("alert", ""))
        fields = read_fields(_values(table, lines, "alert"), ALERT_SCHEMA, UTC, problems, shown, line, "[[alert]]")
        if fields is None:
            ok = False
            continue
        if not fields.get("impact") and not fields.get("template"):
            problems.error(shown, line, "[[alert]] gives neither impact nor template",
                           'add impact = "major" (or a template = "name" whose impact it takes)')
            ok = False
            continue
        rules.append(AlertRule(line=line or 0, **fields))
    return tuple(rules) if ok else None


def load_site_config(path: Path, shown: str, problems: Problems) -> SiteConfig | None:
    if not path.is_file():
        problems.error(shown, None, "site.toml is missing", "create it with title, base_url and timezone")
        return None
    data, lines, body = _read_toml(path, shown, problems)
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
    channels = _channels(fields.pop("notify", []), body, shown, problems)
    alerts = _alert_rules(fields.pop("alert", []), body, shown, problems)
    if contact is None or uptime is None or channels is None or alerts is None:
        return None
    return SiteConfig(**fields, contact=Contact(**contact), uptime=UptimeWeights(**uptime), notify=channels,
                      alerts=alerts,
                      lines={key: line for (table, key), line in lines.items() if table == "" and key})


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
