"""Incident, maintenance and page files -> model objects.

Each file is parsed by a pure function of its text that returns the model
object and the problems found, so files can be parsed in any order, cached by
content, or spread over processes. Cross-file rules (known authors, known
components, unique ids, time order against `started`) live in `checks`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from ..core.model import (
    IMPACTS,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    AffectedComponent,
    ComponentSetting,
    ComponentStatus,
    Incident,
    IncidentTemplate,
    Maintenance,
    Page,
    Placeholder,
    Postmortem,
    Update,
)
from ..core.pickling import by_position
from ..core.problems import Problem, Problems, did_you_mean
from ..core.times import TIME_FORMATS_HINT, TimeError, parse_eta, parse_time
from .frontmatter import Document, SourceError, line_number, split_front_matter
from .markdown import fence_aware_lines, heading_text, section
from .postmortem import parse_postmortem
from .schema import FieldError, FieldSpec, choice, identifier, read_fields, required_text, time

SEPARATOR = re.compile(r"[·|]|(?<=\s)-(?=\s)")
"""What cuts a heading into time, status and author; each part is stripped after. Looking at one character
beside a ' - ' instead of matching the spaces keeps the cut linear on a long run of spaces."""
POSTMORTEM = re.compile(r"^postmortem\b\s*(?:(?:[·|]|\s-\s)\s*(.*))?$", re.IGNORECASE)
LOOKS_LIKE_UPDATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}|[·|]")
NEXT_UPDATE = re.compile(
    r"next update (?:by|at|before)\s*+(?::\s*+)?"
    r"(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:UTC|GMT)|Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}:\d{2}(?:\s?(?:UTC|GMT)|Z)?)",
    re.IGNORECASE,
)
COMPONENTS_LINE = re.compile(r"^Components:(.*)$")
"""An update's component statuses: a line of its own, e.g. 'Components: storage=operational, api=major_outage'."""
COMPONENT_SETTING = re.compile(r"([A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*=[ \t]*([a-z_]+)")
"""One `<id>=<status>` pair, matched whole (fullmatch), so it never spans a line."""
COMPONENTS_HINT = "write 'Components: <id>=<status>, ...', e.g. 'Components: storage=operational'"
PLACEHOLDER = re.compile(r"<<([^<>\s](?:[^<>\n]{0,98}[^<>\s])?)>>")
"""A gap in a template for the facts of this outage, e.g. `<<what customers notice>>`: plain text that
Markdown shows as it is, never a template engine's syntax (content is never a template). A bounded run
of characters that cannot hold the delimiters, so a long line cannot make it backtrack."""
PLACEHOLDER_HINT = ("replace it with what it asks for; placeholders belong in incident-templates/, "
                    "never in a published incident")
INIT_EXAMPLE = "written by `statusblog init` to show the format"
"""A sentence of the example incident `statusblog init` writes; `check --strict` refuses a site that still has it."""


def _components(value: Any, tz: tzinfo) -> tuple[AffectedComponent, ...]:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        return tuple(AffectedComponent(identifier(item, tz), None) for item in value)
    if isinstance(value, dict):
        result = []
        for key, status in value.items():
            if not isinstance(status, str) or status not in ComponentStatus.names():
                raise FieldError(f"status '{status}' of '{key}' is not one of: {', '.join(ComponentStatus.names())}",
                                 did_you_mean(str(status), ComponentStatus.names()))
            result.append(AffectedComponent(identifier(key, tz), ComponentStatus.from_key(status)))
        return tuple(result)
    raise FieldError("must be a list of component ids or a map of id: status",
                     "e.g. [api, dashboard] or {api: major_outage}")


def _component_ids(value: Any, tz: tzinfo) -> tuple[str, ...]:
    affected = _components(value, tz)
    if any(item.status is not None for item in affected):
        raise FieldError("must be a list of component ids", "maintenance always sets under_maintenance")
    return tuple(item.id for item in affected)


def _stable_id(value: Any, tz: tzinfo) -> str:
    result = required_text(value, tz)
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", result):
        raise FieldError(f"'{result}' is not a valid id", "use letters, digits, '.', '-' and '_'")
    return result


ALERT_STATES = ("firing", "cleared")


def _alert_states(value: Any, tz: tzinfo) -> dict[str, str]:
    """`alerts: {fingerprint: firing|cleared}`: what `statusblog alert` recorded, so an alert is acted on once."""
    if not isinstance(value, dict):
        raise FieldError("must be a map of alert fingerprint: firing or cleared", "e.g. {c6eadffa33fcdf37: firing}")
    result = {}
    for key, state in value.items():
        fingerprint = _stable_id(key, tz)
        if state not in ALERT_STATES:
            raise FieldError(f"state '{state}' of alert '{fingerprint}' is not firing or cleared",
                             did_you_mean(str(state), ALERT_STATES))
        result[fingerprint] = state
    return result


INCIDENT_SCHEMA = {
    "title": FieldSpec(required_text, required=True),
    "impact": FieldSpec(choice(*IMPACTS), required=True),
    "components": FieldSpec(_components),
    "started": FieldSpec(time, required=True),
    "cause": FieldSpec(identifier),
    "id": FieldSpec(_stable_id),
    "next_update": FieldSpec(time),
    "alerts": FieldSpec(_alert_states),
    "alert_group": FieldSpec(required_text),
}
MAINTENANCE_SCHEMA = {
    "title": FieldSpec(required_text, required=True),
    "scheduled_start": FieldSpec(time, required=True),
    "scheduled_end": FieldSpec(time, required=True),
    "components": FieldSpec(_component_ids),
    "id": FieldSpec(_stable_id),
}
PAGE_SCHEMA = {"title": FieldSpec(required_text, required=True)}
TEMPLATE_SCHEMA = {
    "title": FieldSpec(required_text, required=True),
    "impact": FieldSpec(choice(*IMPACTS), required=True),
    "components": FieldSpec(_components),
}
"""An incident template's front matter: what an incident takes, less what only declaring it can say."""


def slugify(stem: str) -> str:
    """A file name made safe for a URL path segment: ASCII, lowercase, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-_")[:120]


@dataclass(frozen=True, slots=True)
class _Block:
    """A stretch of the body under one level-2 heading (or before the first)."""

    kind: str  # "summary", "update" or "postmortem"
    line: int
    heading: tuple[str, ...]
    text: str


@by_position
@dataclass(frozen=True, slots=True)
class ParsedFile:
    item: Incident | Maintenance | Page | IncidentTemplate | None
    problems: tuple[Problem, ...]
    unfinished: Incident | None = None
    """For an incident file with errors: the incident as far as it parses, never published, but checked
    against the registries, so that one run reports every problem of the file instead of half of them."""


@by_position
@dataclass(frozen=True, slots=True)
class Unfinished:
    """ParsedFile.unfinished as the loader passes it on: kept apart from what is published."""

    incident: Incident


def _blocks(doc: Document, path: str, problems: Problems) -> list[_Block]:
    """Cut the body at update and postmortem headings, outside code fences."""
    blocks: list[_Block] = []
    kind, line, heading, lines = "summary", doc.body_line, (), []
    for index, raw, outside in fence_aware_lines(doc.body):
        title = heading_text(raw, 2) if outside else None
        number = doc.body_line + index
        if title is not None and POSTMORTEM.match(title):
            rest = (POSTMORTEM.match(title).group(1) or "").strip()  # type: ignore[union-attr]
            parts = tuple(part.strip() for part in SEPARATOR.split(rest))
            if not parts[-1]:
                problems.error(path, number, "postmortem heading names no author",
                               "write '## Postmortem · <time> · <author id>'")
            new: tuple[str, tuple[str, ...]] | None = ("postmortem", parts)
        elif title is not None and LOOKS_LIKE_UPDATE.search(title):
            new = ("update", tuple(part.strip() for part in SEPARATOR.split(title)))
        else:
            new = None
        if new is None:
            lines.append(raw)
            continue
        blocks.append(_Block(kind, line, heading, "\n".join(lines)))
        kind, heading = new
        line, lines = number, []
    blocks.append(_Block(kind, line, heading, "\n".join(lines)))
    return blocks


def _settings(written: str, path: str, line: int, problems: Problems) -> tuple[ComponentSetting, ...]:
    """The `id=status` pairs of one 'Components:' line; every bad pair is reported, none is guessed."""
    settings: list[ComponentSetting] = []
    seen: set[str] = set()
    pairs = [pair.strip() for pair in written.split(",")]
    if not any(pairs):
        problems.error(path, line, "'Components:' names no component", COMPONENTS_HINT)
        return ()
    for pair in pairs:
        match = COMPONENT_SETTING.fullmatch(pair)
        if not match:
            problems.error(path, line, f"'{pair}' in 'Components:' is not <id>=<status>", COMPONENTS_HINT)
            continue
        component_id, status = match.groups()
        if status not in ComponentStatus.names():
            problems.error(path, line, f"'{status}' is not a component status; "
                           f"use one of: {', '.join(ComponentStatus.names())}",
                           did_you_mean(status, ComponentStatus.names()))
        elif component_id in seen:
            problems.error(path, line, f"component '{component_id}' is set twice on one line",
                           "keep the one status it has from this update on")
        else:
            seen.add(component_id)
            settings.append(ComponentSetting(component_id, ComponentStatus.from_key(status), line))
    return tuple(settings)


def _component_lines(block: _Block, path: str, problems: Problems) -> tuple[str, tuple[ComponentSetting, ...]]:
    """The update's text without its 'Components:' line, and the statuses that line sets.

    The line is data, not prose: the page words it from the model ("Object storage: operational
    again"), so it leaves the text. Inside a code fence it is only text.
    """
    if "Components:" not in block.text:  # no line can be one: most updates set no component
        return block.text, ()
    kept: list[str] = []
    settings: tuple[ComponentSetting, ...] = ()
    found = 0
    for index, raw, outside in fence_aware_lines(block.text):
        match = COMPONENTS_LINE.match(raw) if outside else None
        if not match:
            kept.append(raw)
            continue
        number = block.line + 1 + index
        if found:
            problems.error(path, number, f"a second 'Components:' line in one update (the first is line {found})",
                           "put every component this update changes on the first one")
            continue
        found = number
        settings = _settings(match.group(1), path, number, problems)
    return ("\n".join(kept) if found else block.text), settings


def _update(block: _Block, statuses: tuple[str, ...], tz: tzinfo, path: str, doc_id: str,
            problems: Problems, sets_components: bool) -> Update | None:
    parts = block.heading
    if len(parts) in (2, 3) and all(parts[:2]) and not "".join(parts[2:]):
        problems.error(path, block.line, f"update heading names no author: '## {' · '.join(filter(None, parts))}'",
                       f"add the author id after the status, e.g. '## {parts[0]} · {parts[1]} · alice'")
        return None
    if len(parts) != 3 or not all(parts):
        problems.error(path, block.line, "heading looks like an update but does not parse: "
                       f"'## {' · '.join(parts)}'",
                       "write '## <time> · <status> · <author>', "
                       "e.g. '## 2026-03-14 09:20 UTC · investigating · alice'")
        return None
    written_time, status, author = parts
    ok = True
    try:
        at = parse_time(written_time, tz)
    except TimeError as exc:
        problems.error(path, block.line, f"update time: {exc}", TIME_FORMATS_HINT)
        ok = False
    if status not in statuses:
        problems.error(path, block.line, f"update status '{status}' is not one of: {', '.join(statuses)}",
                       did_you_mean(status, statuses))
        ok = False
    text, settings = _component_lines(block, path, problems) if sets_components else (block.text, ())
    if not ok:
        return None
    next_update = None
    match = NEXT_UPDATE.search(block.text)
    if match:
        try:
            next_update = parse_eta(match.group(1), at, tz)
        except TimeError as exc:
            offset = line_number(block.text, match.start())
            problems.error(path, block.line + offset, f"'next update by' time: {exc}", TIME_FORMATS_HINT)
    anchor_id = f"{doc_id}-{at:%Y%m%dT%H%M%S}"
    return Update(at=at, status=status, author=author, body=section(text, anchor_id),
                  line=block.line, next_update=next_update, components=settings)


def _document(text: str, path: str, problems: Problems) -> Document | None:
    try:
        return split_front_matter(text)
    except SourceError as exc:
        problems.error(path, exc.line, exc.message, exc.hint)
        return None


def _postmortem(block: _Block, tz: tzinfo, path: str, doc_id: str, problems: Problems) -> Postmortem | None:
    """`## Postmortem · <time> · <author>`, or `## Postmortem · <author>` (published with the resolution)."""
    *written, author = block.heading
    at = None
    if len(written) > 1:
        problems.error(path, block.line,
                       f"postmortem heading does not parse: '## Postmortem · {' · '.join(block.heading)}'",
                       "write '## Postmortem · <time> · <author>', e.g. '## Postmortem · 2026-03-16 15:00 UTC · bob'")
        return None
    if written:
        try:
            at = parse_time(written[0], tz)
        except TimeError as exc:
            problems.error(path, block.line, f"postmortem time: {exc}", TIME_FORMATS_HINT)
            return None
    return parse_postmortem(author, at, block.text, block.line, path, doc_id, problems)


def _timeline(
    blocks: list[_Block], statuses: tuple[str, ...], tz: tzinfo, path: str, doc_id: str, problems: Problems,
    sets_components: bool = False,
) -> tuple[tuple[Update, ...], Postmortem | None]:
    updates: list[Update] = []
    postmortem: Postmortem | None = None
    for block in blocks[1:]:
        if block.kind == "postmortem":
            if postmortem is not None:
                problems.error(path, block.line, "a second postmortem", "merge it into the first one")
            elif block.heading[-1]:
                postmortem = _postmortem(block, tz, path, doc_id, problems)
            continue
        if postmortem is not None:
            problems.error(path, block.line, "update after the postmortem",
                           "move the postmortem to the end of the file")
        update = _update(block, statuses, tz, path, doc_id, problems, sets_components)
        if update:
            updates.append(update)
    return tuple(updates), postmortem


def placeholders(doc: Document) -> tuple[Placeholder, ...]:
    """Every `<<...>>` of a file, at its line: in a front matter text, or in the body outside code blocks
    (where a shell heredoc or a C++ shift is only code)."""
    found = [Placeholder(match.group(1), value.line or 1) for value in doc.fields.values()
             if isinstance(value.data, str) for match in PLACEHOLDER.finditer(value.data)]
    if "<<" in doc.body:  # a file without one (most files) needs no line looked at
        found += [Placeholder(match.group(1), doc.body_line + index)
                  for index, raw, outside in fence_aware_lines(doc.body) if outside
                  for match in PLACEHOLDER.finditer(raw)]
    return tuple(found)


def parse_incident(text: str, slug: str, path: str, tz: tzinfo) -> ParsedFile:
    problems = Problems()
    doc = _document(text, path, problems)
    if doc is None:
        return ParsedFile(None, tuple(problems.items))
    for gap in placeholders(doc):
        problems.error(path, gap.line, f"unfilled placeholder <<{gap.name}>>", PLACEHOLDER_HINT)
    fields = read_fields(doc.fields, INCIDENT_SCHEMA, tz, problems, path, 1)
    blocks = _blocks(doc, path, problems)
    doc_id = (fields or {}).get("id", slug)
    updates, postmortem = _timeline(blocks, INCIDENT_STATUSES, tz, path, doc_id, problems, sets_components=True)
    if postmortem is None and not updates and fields is not None and len(blocks) == 1:
        problems.error(path, doc.body_line, "incident has no updates",
                       "add '## <time> · investigating · <author>' and what you know so far")
    lines = {key: value.line or 1 for key, value in doc.fields.items()}
    if fields is None or problems.errors:
        return ParsedFile(None, tuple(problems.items),
                          _unfinished(_readable(doc, INCIDENT_SCHEMA, tz), slug, path, updates, postmortem, lines))
    incident = Incident(
        slug=slug,
        id=fields.get("id", slug),
        source=path,
        title=fields["title"],
        impact=fields["impact"],
        started=fields["started"],
        components=fields.get("components", ()),
        summary=section(blocks[0].text, doc_id + "-summary"),
        updates=updates,
        postmortem=postmortem,
        cause=fields.get("cause", ""),
        next_update=fields.get("next_update"),
        lines=lines,
        alerts=fields.get("alerts", {}),
        alert_group=fields.get("alert_group", ""),
    )
    return ParsedFile(incident, tuple(problems.items))


def _readable(doc: Document, schema: dict[str, FieldSpec], tz: tzinfo) -> dict[str, Any]:
    """The front matter values that convert, when others do not (their errors are already reported)."""
    result = {}
    for key, value in doc.fields.items():
        if key in schema:
            try:
                result[key] = schema[key].convert(value.data, tz)
            except FieldError:
                continue
    return result


def _unfinished(fields: dict[str, Any], slug: str, path: str, updates: tuple[Update, ...],
                postmortem: Postmortem | None, lines: dict[str, int]) -> Incident | None:
    """What the cross-file checks need of a file with errors; None when it gives no time to place it at."""
    started = fields.get("started") or (updates[0].at if updates else None)
    if started is None:
        return None
    return Incident(slug=slug, id=fields.get("id", slug), source=path, title=fields.get("title", slug),
                    impact=fields.get("impact", "none"), started=started, components=fields.get("components", ()),
                    summary=section(""), updates=updates, postmortem=postmortem, lines=lines)


def parse_maintenance(text: str, slug: str, path: str, tz: tzinfo) -> ParsedFile:
    problems = Problems()
    doc = _document(text, path, problems)
    if doc is None:
        return ParsedFile(None, tuple(problems.items))
    fields = read_fields(doc.fields, MAINTENANCE_SCHEMA, tz, problems, path, 1)
    blocks = _blocks(doc, path, problems)
    doc_id = (fields or {}).get("id", slug)
    updates, postmortem = _timeline(blocks, MAINTENANCE_STATUSES, tz, path, doc_id, problems)
    if postmortem is not None:
        problems.error(path, postmortem.line, "maintenance has no postmortem",
                       "if the work caused an incident, write an incident file and put the postmortem there")
    if fields is None or problems.errors:
        return ParsedFile(None, tuple(problems.items))
    maintenance = Maintenance(
        slug=slug,
        id=fields.get("id", slug),
        source=path,
        title=fields["title"],
        scheduled_start=fields["scheduled_start"],
        scheduled_end=fields["scheduled_end"],
        components=fields.get("components", ()),
        summary=section(blocks[0].text, doc_id + "-summary"),
        updates=updates,
        lines={key: value.line or 1 for key, value in doc.fields.items()},
    )
    return ParsedFile(maintenance, tuple(problems.items))


def parse_page(text: str, slug: str, path: str, tz: tzinfo) -> ParsedFile:
    problems = Problems()
    doc = _document(text, path, problems)
    if doc is None:
        return ParsedFile(None, tuple(problems.items))
    fields = read_fields(doc.fields, PAGE_SCHEMA, tz, problems, path, 1)
    if fields is None:
        return ParsedFile(None, tuple(problems.items))
    return ParsedFile(Page(slug=slug, source=path, title=fields["title"], body=section(doc.body, slug)),
                      tuple(problems.items))


def parse_template(text: str, slug: str, path: str, tz: tzinfo) -> ParsedFile:
    """An incident template: an incident's front matter without `started`, and the first update's text
    without its heading (the time and the author are the declaring person's, when they declare)."""
    problems = Problems()
    doc = _document(text, path, problems)
    if doc is None:
        return ParsedFile(None, tuple(problems.items))
    declared = {key: value for key, value in doc.fields.items()
                if key in INCIDENT_SCHEMA and key not in TEMPLATE_SCHEMA}
    for key, value in declared.items():
        problems.error(path, value.line, f"'{key}' is not set in a template: it is said when an incident is "
                       "declared", f"remove the '{key}' line")
    written = {key: value for key, value in doc.fields.items() if key not in declared}
    fields = read_fields(written, TEMPLATE_SCHEMA, tz, problems, path, 1)
    for block in _blocks(doc, path, problems)[1:]:
        problems.error(path, block.line, "a template has no update or postmortem heading: its text is the first "
                       "update's", "remove the heading line; the time and author are written when it is used")
    if not doc.body.strip():
        problems.error(path, doc.body_line, "the template has no text for the first update",
                       "write what customers notice and what you are doing, with <<placeholders>> for the facts")
    if fields is None or problems.errors:
        return ParsedFile(None, tuple(problems.items))
    template = IncidentTemplate(slug=slug, source=path, title=fields["title"], impact=fields["impact"],
                                components=fields.get("components", ()), body=doc.body, body_line=doc.body_line,
                                placeholders=placeholders(doc),
                                lines={key: value.line or 1 for key, value in doc.fields.items()})
    return ParsedFile(template, tuple(problems.items))


def newest_first(started: datetime, slug: str) -> tuple[float, str]:
    return (-started.timestamp(), slug)
