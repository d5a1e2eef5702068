"""The text statusblog writes into a site's sources: headings, front matter, update blocks, templates.

Pure functions of their arguments, so what `new`, `update`, `resolve`,
`postmortem`, `init` and `import` write can be read and tested without a
site on disk; `edit` checks the result against the whole site before
anything is written. A message is one update's text: a line Markdown would
read as a heading of another update is refused, never written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from ..core.model import Author, Incident, IncidentTemplate, Maintenance, Site
from ..core.problems import did_you_mean
from ..core.times import TimeError, iso_utc, parse_eta
from ..source.frontmatter import normalise, split_lines
from ..source.markdown import MARKDOWN
from ..source.parse import LOOKS_LIKE_UPDATE, POSTMORTEM, slugify
from ..source.postmortem import PLACEHOLDER_ACTION, POSTMORTEM_QUESTIONS
from .errors import AuthoringError

SCISSORS = "# ------------------------ >8 ------------------------"


DURATION = re.compile(r"^(?:(\d{1,6})\s*h)?\s*(?:(\d{1,6})\s*m(?:in)?)?$", re.IGNORECASE | re.ASCII)
"""Up to 999,999 hours (about 114 years): enough for any promise, and never past the years a time may take."""


ACTION_ITEM_DAYS = 14


def update_time(now: datetime, previous: datetime | None) -> datetime:
    """The time for a new update heading: the minute, as people write it, unless that is not
    later than the previous update; then to the second; a clock behind the file is refused."""
    minute = now.astimezone(UTC).replace(second=0, microsecond=0)
    if previous is None or minute > previous:
        return minute
    exact = now.astimezone(UTC).replace(microsecond=0)
    if exact > previous:
        return exact
    raise AuthoringError(f"the latest update is at {written_time(previous)}, not before now ({written_time(exact)})")


def article(word: str) -> str:
    """'a' or 'an' before a word of the status vocabulary, as it is said: an incident, a resolved update."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def written_time(at: datetime) -> str:
    """Headings are in UTC, e.g. '2026-03-14 09:20 UTC', the form the DESIGN's examples use."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC" if at.second else "%Y-%m-%d %H:%M UTC")


def next_update_at(value: str, now: datetime, tz: tzinfo) -> datetime:
    """'30m', '1h', '1h30m' from now, or a time ('10:00 UTC', '2026-03-14 10:00')."""
    match = DURATION.match(value.strip())
    if match and any(match.groups()):
        return now + timedelta(hours=int(match.group(1) or 0), minutes=int(match.group(2) or 0))
    try:
        due = parse_eta(value, now, tz)
    except TimeError as exc:
        raise AuthoringError(f"--next-update: {exc}; write 30m, 1h, 90m, or a time such as '10:00 UTC'") from exc
    if due <= now:
        raise AuthoringError(f"--next-update {value} is not after now ({written_time(now)})")
    return due


def next_update_sentence(due: datetime, at: datetime) -> str:
    due = due.astimezone(UTC)
    if due.date() == at.astimezone(UTC).date():
        return f"Next update by {due:%H:%M} UTC."
    return f"Next update by {due:%Y-%m-%d %H:%M} UTC."


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON's escaping is valid YAML and never guessed at."""
    return json.dumps(value, ensure_ascii=False)


def toml_string(value: str) -> str:
    """A TOML basic string, with every control character escaped as TOML requires."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in escaped) + '"'


def component_settings_line(settings: Iterable[str]) -> str:
    """An update's 'Components:' line from its `id=status` pairs, the one spelling the parser reads."""
    return "Components: " + ", ".join(settings)


def update_block(at: datetime, status: str, author: str, message: str) -> str:
    return f"## {written_time(at)} · {status} · {author}\n\n{message.strip()}\n"


def with_next_update(message: str, due: datetime | None, at: datetime) -> str:
    if due is None:
        return message.strip()
    return f"{message.strip()}\n\n{next_update_sentence(due, at)}"


def line_ending(text: str) -> str:
    """The file's own line ending, as its first line ends: CRLF or LF."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def append_block(text: str, block: str) -> str:
    """The block after the text, one blank line between, in the file's own line endings.

    No byte already written changes (only a missing final line ending is added), so every earlier update
    keeps its meaning, and the bylines above keep their proof.
    """
    newline = line_ending(text)
    if text and not text.endswith("\n"):
        text += newline
    ends_blank = not text or text[:-1].rstrip("\r").endswith("\n")
    return text + ("" if ends_blank else newline) + block.replace("\n", newline)


def headings_in(message: str) -> list[tuple[int, str]]:
    """(line, text) of every heading markdown-it sees in a message, at any level, ATX or setext."""
    tokens = MARKDOWN.parse(message)
    return [(token.map[0] + 1 if token.map else 1, tokens[index + 1].content)
            for index, token in enumerate(tokens) if token.type == "heading_open"]


def refuse_structure(message: str, shown: str) -> None:
    """A message is the text of one update: a line of it that reads as an update or postmortem heading
    would become one (a forged update, by anyone, at any time) or be shown as one."""
    for line, title in headings_in(message):
        if LOOKS_LIKE_UPDATE.search(title) or POSTMORTEM.match(title):
            raise AuthoringError(f"refusing to write {shown}: line {line} of the message reads as an update or "
                                 "postmortem heading "
                                 f"({title!r}); a message is the text of one update. Write it without the "
                                 "heading marks ('#', or a '---'/'===' line under it), or put it in a code block; "
                                 "add another update with another 'statusblog update'")


def components_yaml(components: Iterable[str] | Mapping[str, str]) -> str:
    """`[api, dashboard]`, or `{api: major_outage}` where each component's status is given."""
    if isinstance(components, Mapping):
        return "{" + ", ".join(f"{key}: {status}" for key, status in components.items()) + "}"
    return f"[{', '.join(components)}]"


def stable_id_line(stable_id: str | None) -> str:
    return f"id: {yaml_string(stable_id)}\n" if stable_id else ""


def alerts_yaml(states: Mapping[str, str]) -> str:
    """The `alerts:` value: each fingerprint (letters, digits, '.', '-', '_') and its state, on one line."""
    return "{" + ", ".join(f"{yaml_string(fingerprint)}: {state}" for fingerprint, state in states.items()) + "}"


def incident_text(title: str, impact: str, components: Iterable[str] | Mapping[str, str], started: datetime,
                  first_update: str, stable_id: str | None = None, alerts: Mapping[str, str] | None = None,
                  alert_group: str = "") -> str:
    recorded = (f"alerts: {alerts_yaml(alerts)}\nalert_group: {yaml_string(alert_group)}\n" if alerts else "")
    return (f"---\ntitle: {yaml_string(title)}\n{stable_id_line(stable_id)}impact: {impact}\n"
            f"components: {components_yaml(components)}\nstarted: {iso_utc(started)}\n{recorded}---\n\n"
            f"{first_update}")


ALERTS_LINE = re.compile(r"^alerts:[^\r\n]*$", re.MULTILINE)


def with_alert_states(text: str, states: Mapping[str, str]) -> str:
    """The file with its front matter's one-line `alerts:` replaced; no other byte changes, so every
    update keeps its proof."""
    end = text.find("\n---", 3)
    match = ALERTS_LINE.search(text, 0, end if end > 0 else 0)
    if match is None:
        raise AuthoringError("its front matter has no one-line 'alerts: {...}' to record the alert in; write it "
                             "back on one line as 'statusblog alert' wrote it")
    return text[:match.start()] + f"alerts: {alerts_yaml(states)}" + text[match.end():]


MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def plain(value: str, limit: int = 500) -> str:
    """A value from outside (an alert's label or annotation) as one line of text Markdown shows as it is:
    no line can become a heading, a link, a tag or a `<<placeholder>>`."""
    words = " ".join(value.split())[:limit]
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", words)


def maintenance_text(title: str, start: datetime, end: datetime, components: Iterable[str], first_update: str,
                     stable_id: str | None = None) -> str:
    return (f"---\ntitle: {yaml_string(title)}\n{stable_id_line(stable_id)}scheduled_start: {iso_utc(start)}\n"
            f"scheduled_end: {iso_utc(end)}\ncomponents: {components_yaml(components)}\n---\n\n{first_update}")


def postmortem_heading(author: str, at: datetime | None = None) -> str:
    """Dated when it can be, so a build at an earlier "now" does not publish it
    (generator/derive/state.postmortem_published); undated, it is published with the resolution."""
    return f"## Postmortem · {written_time(at)} · {author}" if at is not None else f"## Postmortem · {author}"


def postmortem_block(at: datetime, author: str, due: date) -> str:
    questions = "".join(f"### {question}\n\n" for question in POSTMORTEM_QUESTIONS)
    return (f"{postmortem_heading(author, at)}\n\n{questions}"
            f"- [ ] {PLACEHOLDER_ACTION} (owner: {author}, due: {due.isoformat()})\n")


def file_slug(day: date, title: str) -> str:
    """'<date>-<title>', short enough that the loader keeps it whole as the URL slug."""
    words = slugify(title)[:109].rstrip("-_")
    if not words:
        raise AuthoringError(f"cannot make a file name from the title {title!r}; use some letters or digits")
    return f"{day.isoformat()}-{words}"


def editor_template(prefill: str, about: Iterable[str]) -> str:
    """Like git's commit template: write above the scissors line, everything below is ignored."""
    notes = ["Do not modify or remove the line above.",
             "Everything below it is ignored; an empty message aborts.", "", *about]
    return f"{prefill}\n\n{SCISSORS}\n" + "".join(f"# {line}".rstrip() + "\n" for line in notes)


def message_from_editor(text: str) -> str:
    """The message above the scissors line. Lines starting with '#' stay: they are Markdown headings."""
    lines = split_lines(normalise(text))
    if SCISSORS in lines:
        lines = lines[: lines.index(SCISSORS)]
    return "\n".join(lines).strip()


def choose_author(authors: Mapping[str, Author], given: str | None, email: str | None,
                  github: str | None = None, unset: str = "git config user.email is not set") -> str:
    """--author, else the registered author whose `github` login started the run (a workflow passes
    `--github "$GITHUB_ACTOR"`), else the one whose email is git's user.email, else a clear refusal.

    A login no author has is refused rather than passed over: a workflow run must name a person, never
    fall back to whoever the machine's git says. `unset` says why there is no email (git itself may be
    missing, which no `git config` would fix)."""
    registered = ", ".join(sorted(authors)) or "none yet"
    if given:
        if given in authors:
            return given
        close = did_you_mean(given, authors)
        hint = f"{close} " if close.startswith("did you mean") else ""
        raise AuthoringError(f"unknown author '{given}'; {hint}registered authors: {registered} (see authors.toml)")
    if github:
        for author in sorted(authors.values(), key=lambda a: a.id):
            if author.github.casefold() == github.casefold():
                return author.id
        raise AuthoringError(f"no registered author has the GitHub login '{github}'; add github = \"{github}\" "
                             f"to their table in authors.toml (registered authors: {registered})")
    if email:
        for author in sorted(authors.values(), key=lambda a: a.id):
            if author.email.casefold() == email.casefold():
                return author.id
        reason = f"no registered author has the email {email} (git config user.email)"
    else:
        reason = f"no --author given and {unset}"
    raise AuthoringError(f"{reason}; pass --author with one of the registered authors: {registered} "
                         "(or add yourself to authors.toml with that email)")


def find_item(site: Site, reference: str) -> Incident | Maintenance:
    """An incident or maintenance by slug, file path, or a part of the slug only it has."""
    wanted = slugify(Path(reference).stem) if reference.endswith(".md") else reference.strip().strip("/")
    items: list[Incident | Maintenance] = [*site.incidents, *site.maintenances]
    exact = [item for item in items if item.slug == wanted]
    if exact:
        return exact[0]
    partial = [item for item in items if wanted and wanted in item.slug]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AuthoringError(f"'{reference}' matches more than one file: "
                             + ", ".join(sorted(item.slug for item in partial)) + "; give more of the slug")
    slugs = [item.slug for item in items]
    close = did_you_mean(wanted, slugs)
    hint = close if close.startswith("did you mean") else "list them with: ls incidents maintenance"
    raise AuthoringError(f"no incident or maintenance '{reference}'; {hint}")


def find_template(site: Site, name: str) -> IncidentTemplate:
    """A template of `incident-templates/` by its name (the file name without `.md`)."""
    wanted = slugify(Path(name).stem)
    for template in site.templates:
        if template.slug == wanted:
            return template
    names = [template.slug for template in site.templates]
    close = did_you_mean(wanted, names)
    hint = f"{close} " if close.startswith("did you mean") else ""
    raise AuthoringError(f"no incident template '{name}'; {hint}templates: {', '.join(names) or 'none yet'} "
                         "(incident-templates/<name>.md, see docs/content.md)")


def template_components(template: IncidentTemplate) -> list[str] | dict[str, str]:
    """The template's components as `incident_text` writes them: with their statuses where it gives them."""
    if any(item.status is not None for item in template.components):
        return {item.id: item.status.key for item in template.components if item.status is not None}
    return [item.id for item in template.components]


def kind_of(item: Incident | Maintenance) -> str:
    return "incident" if isinstance(item, Incident) else "maintenance"
