"""The imported model: what a source said, cleaned, before it becomes files.

Imported text was written by another tool and, as far as this project is
concerned, by an attacker. Every title, name and body passes through
`Notes.line` or `Notes.body` here, so that no value can become structure in
the file written from it (an update heading, front matter, a TOML key), nor
carry a character that no output can; every change made to a value, and every
value that could not be mapped, is noted with its file and field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdownify import markdownify

from ..core.nesting import DEPTH_HINT, TooDeep, bounded
from ..core.problems import Problem, Problems, shown
from ..source.frontmatter import UNPUBLISHABLE
from ..source.markdown import fence_aware_lines
from ..source.parse import _stable_id, slugify
from ..source.schema import BIDI_CONTROLS, FieldError

LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
"""Every spelling of a line break that some reader of the file would count as one."""
UPDATE_HEADING = re.compile(r"^( {0,3})(##\s)")
"""A level-2 heading: in a body it would start an update or a postmortem of its own."""
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
COMPONENTS_TEXT = re.compile(r"^Components:")
"""A body line the incident parser would read as the update's 'Components:' line: data planted in prose."""
RAW_HTML = MarkdownIt("commonmark")
"""CommonMark with raw HTML recognised: what it calls HTML is exactly what the site's renderer shows as text."""
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.IGNORECASE | re.DOTALL)
BREAK_RUN = re.compile(r"\\\n(?:[ \t]*\\\n)+")
TRAILING_BREAK = re.compile(r"[ \t]*\\(?=\n\n|\n?$)")
MAX_EXPORT_BYTES = 256 * 1024 * 1024
"""A larger export is refused rather than read into memory: split it (Statuspage pages its API anyway)."""
LONGEST_LINE = 300
"""Titles and names longer than this are cut: they are headings and bylines, not bodies."""
ENDED = {"incident": ("resolved",), "maintenance": ("completed", "cancelled")}


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A source value the import could not carry over as it was, and what it did instead."""

    file: str
    field: str
    value: str
    outcome: str

    def format(self) -> str:
        value = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return f"{shown(self.file)}: {shown(self.field)}: {shown(value)!r}: {shown(self.outcome)}"


@dataclass(frozen=True, slots=True)
class ImportedUpdate:
    at: datetime
    status: str
    body: str
    components: tuple[tuple[str, str], ...] = ()
    """(component id, status) for each component this update sets, as the source attached it: its
    'Components:' line."""


@dataclass(frozen=True, slots=True)
class ImportedComponent:
    id: str
    name: str
    group: str = ""
    description: str = ""
    reference: str = ""
    """The source's own id for it (Statuspage's component code), kept beside its table for reference."""
    start_date: date | None = None


@dataclass(frozen=True, slots=True)
class ImportedIncident:
    id: str
    """The source's id, so feed ids and a second import find the same incident."""
    source: str
    title: str
    impact: str
    started: datetime
    components: Mapping[str, str | None]
    """Component id -> its status during the incident (None: the impact decides)."""
    updates: tuple[ImportedUpdate, ...]
    postmortem: str = ""
    summary: str = ""


@dataclass(frozen=True, slots=True)
class ImportedMaintenance:
    id: str
    source: str
    title: str
    start: datetime
    end: datetime
    components: tuple[str, ...]
    updates: tuple[ImportedUpdate, ...]


@dataclass(frozen=True, slots=True)
class History:
    """Everything one import read, ready to be written."""

    service: str
    """The service's name as people know it: 'Statuspage', 'cState', 'Upptime'."""
    name: str
    """The status page's own name, for the imported author's name."""
    url: str
    """Where the history was published: the imported author's way to reach them."""
    base_url: str
    """Where the old status page was served, which a new site.toml takes as its base_url."""
    timezone: str
    components: tuple[ImportedComponent, ...]
    incidents: tuple[ImportedIncident, ...]
    maintenances: tuple[ImportedMaintenance, ...]
    unmapped: tuple[Unmapped, ...]
    problems: tuple[Problem, ...]

    @property
    def key(self) -> str:
        return slugify(self.service)

    @property
    def updates(self) -> int:
        return sum(len(item.updates) for item in (*self.incidents, *self.maintenances))


@dataclass(slots=True)
class Notes:
    """What an import could not map, and what it found wrong in its source: reported, never silent."""

    unmapped: list[Unmapped] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    def not_mapped(self, file: str, name: str, value: object, outcome: str) -> None:
        self.unmapped.append(Unmapped(file, name, str(value), outcome))

    def warn(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.problems.warning(file, line, message, hint)

    def error(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.problems.error(file, line, message, hint)

    def line(self, file: str, name: str, value: object, default: str = "") -> str:
        """A title or name: one line of publishable text, without bidi controls, at most LONGEST_LINE long."""
        if not isinstance(value, str):
            if value is not None:
                self.not_mapped(file, name, value, "not text; left out")
            return default
        text = " ".join(BIDI_CONTROLS.sub("", UNPUBLISHABLE.sub("", value)).split())
        if len(text) > LONGEST_LINE:
            text = text[: LONGEST_LINE - 1].rstrip() + "…"
            self.not_mapped(file, name, value, f"longer than {LONGEST_LINE} characters; cut")
        elif text != " ".join(value.split()):
            self.not_mapped(file, name, value, "control or bidirectional characters removed")
        return text or default

    def body(self, file: str, name: str, value: object, html: bool = False) -> str:
        """An update's text as the team wrote it, unable to become structure in the file around it.

        With `html`, a source whose pages render its text as HTML (Statuspage): tags become the Markdown
        that shows the same, so readers see a line break, not `<br />`.
        """
        if not isinstance(value, str):
            if value is not None:
                self.not_mapped(file, name, value, "not text; left out")
            return ""
        if html and has_html(value):
            try:
                converted = markdown_from_html(value)
            except RecursionError:
                self.not_mapped(file, name, value, "HTML nested too deeply to convert; kept as written")
            else:
                self.not_mapped(file, name, value, "HTML written as the Markdown that shows the same")
                value = converted
        text, changes = safe_body(value)
        for change in changes:
            self.not_mapped(file, name, value, change)
        return text

    def result(self) -> tuple[tuple[Unmapped, ...], tuple[Problem, ...]]:
        return tuple(self.unmapped), tuple(self.problems.items)


def read_export(path: Path, shown_path: str, notes: Notes, limit: int = MAX_EXPORT_BYTES) -> str | None:
    """A file of the export as text, or None with an error saying why not."""
    try:
        if path.stat().st_size > limit:
            notes.error(shown_path, None, f"the file is larger than {limit // 2**20} MB",
                        "split it into several files, or leave this one out")
            return None
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        notes.error(shown_path, None, f"cannot read the file: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        notes.error(shown_path, None, f"the file is not UTF-8 text (byte {exc.start})", "save or export it as UTF-8")
    return None


def read_json(path: Path, shown_path: str, notes: Notes) -> Any:
    """A JSON export, or None with an error that says where it is broken."""
    text = read_export(path, shown_path, notes)
    if text is None:
        return None
    try:
        return bounded(json.loads, text)
    except json.JSONDecodeError as exc:
        notes.error(shown_path, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})",
                    "export it again; a cut-off download is the usual cause")
    except TooDeep as exc:
        notes.error(shown_path, None, f"the JSON is {exc}: not an export", DEPTH_HINT)
    return None


def has_html(text: str) -> bool:
    """Whether the text holds raw HTML: a tag or comment that the site's Markdown would show as text.

    Raw HTML starts with '<', so most bodies are answered without parsing them."""
    return "<" in text and any(
        token.type == "html_block" or any(child.type == "html_inline" for child in token.children or ())
        for token in RAW_HTML.parse(text))


def markdown_from_html(text: str) -> str:
    """HTML as its source showed it -> the Markdown that shows the same.

    Statuspage shows an update's text as HTML in which a line break of the text is a line break on the
    page; so each paragraph of the text becomes a <p> and each line break a <br> (except inside <pre>),
    and markdownify writes the whole as Markdown: `<br />` becomes a line break, `<a href>` a link,
    `<strong>` bold, a list a list. Runs of breaks become a paragraph break.
    """
    html = "".join(f"<p>{_with_breaks(chunk)}</p>" for chunk in PARAGRAPH_BREAK.split(LINE_BREAKS.sub("\n", text))
                   if chunk.strip())
    written = markdownify(html, newline_style="backslash", heading_style="atx", bullets="-")
    written = TRAILING_BREAK.sub("", BREAK_RUN.sub("\n\n", written))
    return re.sub(r"\n{3,}", "\n\n", written).strip()


def _with_breaks(chunk: str) -> str:
    return "".join(part if PRE.fullmatch(part) else part.replace("\n", "<br>") for part in PRE.split(chunk))


def safe_body(value: str) -> tuple[str, list[str]]:
    """Markdown that stays inside its update: line breaks of one kind, no level-2 heading, no open fence,
    no line that the incident parser would take for the update's 'Components:' line."""
    changes = []
    text = LINE_BREAKS.sub("\n", value)
    if UNPUBLISHABLE.search(text):
        text = UNPUBLISHABLE.sub("\ufffd", text)
        changes.append("control characters replaced by U+FFFD")
    lines = text.split("\n")
    escaped = data = 0
    for index, line, outside in fence_aware_lines(text):
        if outside and UPDATE_HEADING.match(line):
            lines[index] = UPDATE_HEADING.sub(r"\1\\\2", line)
            escaped += 1
        elif outside and COMPONENTS_TEXT.match(line):
            lines[index] = "Components\\:" + line.removeprefix("Components:")
            data += 1
    if escaped:
        changes.append(f"{escaped} level-2 heading(s) escaped, so they stay text of this update")
    if data:
        changes.append("a line starting 'Components:' escaped, so it stays text, not the update's components")
    text = "\n".join(lines).strip("\n")
    closed = _fences_closed(text)
    if closed != text:
        changes.append("a code fence left open was closed")
    return closed, changes


def _ends_outside(text: str) -> bool:
    return fence_aware_lines(text + "\n")[-1][2]


def _fences_closed(text: str) -> str:
    """The text with a code fence it leaves open closed, so the next heading is read as one."""
    if _ends_outside(text):
        return text
    longest = max(len(match.group(1)) for match in FENCE.finditer(text))
    for closer in ("`" * longest, "~" * longest):
        if _ends_outside(f"{text}\n{closer}"):
            return f"{text}\n{closer}"
    return FENCE.sub(lambda match: "\\" + match.group(0).lstrip(), text)


def stable_id(raw: object, taken: set[str], notes: Notes, file: str, name: str) -> str:
    """The source's id as front matter's `id` accepts it, unique in this import; made safe and noted if not."""
    written = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
    try:
        result = _stable_id(written, UTC)
    except FieldError:
        result = slugify(written)[:100] or "imported"
        notes.not_mapped(file, name, raw, f"not usable as an id; '{result}' used instead")
    unique = unique_name(result, taken)
    if unique != result:
        notes.not_mapped(file, name, raw, f"the id is used twice; '{unique}' used for this one")
    taken.add(unique)
    return unique


def unique_name(base: str, taken: Iterable[str]) -> str:
    used = set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def component_id(name: str, taken: set[str]) -> str:
    """An id for components.toml made from a name: lowercase ASCII, digits, '-', '_', unique."""
    base = slugify(name)[:60].strip("-_") or "component"
    result = unique_name(base, taken)
    taken.add(result)
    return result


def instant(value: object, tz: tzinfo) -> datetime | None:
    """An ISO 8601 time from a source, to the second, in UTC; a time without a zone is in `tz`."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace(" ", "T", 1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    try:
        return parsed.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):
        return None


def _field(where: str, name: str) -> str:
    return f"{where} {name}" if where else name


def timeline(updates: Iterable[ImportedUpdate], kind: str, notes: Notes, file: str,
             where: str) -> tuple[ImportedUpdate, ...]:
    """Updates in time order, each later than the one before, and only the last one ending the item.

    Sources allow what a statusblog file does not (two updates in one second, a comment after the
    resolution); each such fix is noted, so the report says what the import changed.
    """
    ordered = sorted(updates, key=lambda update: update.at)
    result: list[ImportedUpdate] = []
    for update in ordered:
        if result and update.at <= result[-1].at:
            moved = result[-1].at + timedelta(seconds=1)
            notes.not_mapped(file, _field(where, "update time"), update.at.isoformat(),
                             f"not later than the update before it; written as {moved.isoformat()}")
            update = replace(update, at=moved)
        result.append(update)
    ended = ENDED[kind]
    endings = [index for index, update in enumerate(result) if update.status in ended]
    if not endings:
        return tuple(result)
    final = result[endings[-1]].status
    for index in endings[:-1]:
        notes.not_mapped(file, _field(where, "update status"), result[index].status,
                         f"the {kind} went on after it; kept as a plain update")
        result[index] = replace(result[index], status="update" if kind == "incident" else "in_progress")
    if endings[-1] != len(result) - 1:
        notes.not_mapped(file, _field(where, "update status"), final,
                         f"updates follow it; the last update ends the {kind} instead")
        result[endings[-1]] = replace(result[endings[-1]], status="update" if kind == "incident" else "in_progress")
        result[-1] = replace(result[-1], status=final)
    return tuple(result)


def started_by(started: datetime | None, updates: tuple[ImportedUpdate, ...], notes: Notes, file: str,
               where: str) -> datetime:
    """When customers were first affected: never after the first update, which statusblog requires."""
    first = updates[0].at
    if started is None:
        return first
    if started > first:
        notes.not_mapped(file, _field(where, "started"), started.isoformat(),
                         "after the first update; the first update's time used")
        return first
    return started
