"""A cState (Hugo) site -> the imported model.

cState keeps its systems in `config.yml` (`params.systems`: name,
description, category) and one Markdown file per issue in `content/issues/`,
with front matter (`title`, `date`, `severity`, `affected`, `resolved`,
`resolvedWhen`, `informational`) and a body whose `*Status* - text
{{< track "time" >}}` lines are the updates. Keys are matched without regard
to case, as cState's own layouts do. Front matter is read by the project's
own strict reader (PyYAML's BaseLoader, with its node budget), so no value
is guessed and no alias bomb is expanded.

cState never checks that its dates agree, and its example site shows why
that matters: an issue `date` a month before its first tracked update, a
`resolvedWhen` before the last update. Each such case is imported with a
warning that names the file and line, never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..core.problems import display_path
from ..core.times import TimeError, zone
from ..source.frontmatter import MAX_SOURCE_BYTES, SourceError, Value, load_toml, parse_yaml_mapping, split_front_matter
from ..source.layout import refusal
from .imported import (
    LINE_BREAKS,
    History,
    ImportedComponent,
    ImportedIncident,
    ImportedMaintenance,
    ImportedUpdate,
    Notes,
    component_id,
    instant,
    read_export,
    stable_id,
    started_by,
    timeline,
)

SERVICE = "cState"
CONFIGS = ("config.yml", "config.yaml", "hugo.yml", "hugo.yaml", "config.toml", "hugo.toml")
SEVERITY_IMPACT = {"down": "critical", "disrupted": "major", "notice": "minor"}
"""cState's severities, shown as a major outage, a disruption and a notice -> statusblog's impacts."""
INCIDENT_STATUSES = {"investigating": "investigating", "identified": "identified", "monitoring": "monitoring",
                     "resolved": "resolved", "fixed": "resolved", "update": "update", "updated": "update"}
MAINTENANCE_STATUSES = {"soon": "scheduled", "planned": "scheduled", "scheduled": "scheduled",
                        "upcoming": "scheduled", "in progress": "in_progress", "started": "in_progress",
                        "ongoing": "in_progress", "verifying": "verifying", "monitoring": "verifying",
                        "completed": "completed", "complete": "completed", "done": "completed",
                        "resolved": "completed", "cancelled": "cancelled", "canceled": "cancelled"}
KNOWN_KEYS = {"title", "date", "severity", "affected", "resolved", "resolvedwhen", "informational", "section",
              "draft", "tags", "categories"}
STATUS_LINE = re.compile(r"^\s*\*{1,2}([^*\n]{1,40})\*{1,2}\s*[-\u2013\u2014:]\s?(.*)$")
POSTMORTEM_LINE = re.compile(r"^\s*\*{1,2}\s*post[- ]?mortem\s*\*{1,2}\s*(?:[-\u2013\u2014:]\s?)?(.*)$", re.IGNORECASE)
"""`*Post-mortem*` on a line of its own (or with text after a dash): the issue's postmortem starts here."""
SEPARATORS = re.compile(r"^(?:\s*(?:-{3,}|\*{3,}|_{3,})\s*(?:\n|$))+|(?:\n\s*(?:-{3,}|\*{3,}|_{3,})\s*)+$")
"""`---` lines at the start or end of an entry: cState's writers separate entries with them."""
RANK = {"investigating": 0, "identified": 1, "monitoring": 2, "resolved": 3,
        "scheduled": 0, "in_progress": 1, "verifying": 2, "completed": 3, "cancelled": 3}
"""Where a status comes in an item's course: which way a file without tracked times runs."""
TRACK = re.compile(r"\{\{[<%]\s*track\s+\"([^\"\n]*)\"\s*[>%]\}\}")
PLANNED = re.compile(r"\bmaintenance\b", re.IGNORECASE)
DATE_SLACK = timedelta(days=1)
"""A `date` this much earlier than the first tracked update is taken as a typo, and warned about."""
WINDOW_WITHOUT_END = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class _Block:
    """One `*Status* - text` entry of an issue's body, with its tracked time if it has one."""

    status: str
    at: datetime | None
    text: str
    number: int
    """Its place in the file, counted from the top: how the report names it."""


@dataclass(frozen=True, slots=True)
class _Issue:
    file: str
    stem: str
    fields: dict[str, Value]
    body: str


def read(directory: Path) -> History:
    notes = Notes()
    config, config_file = _config(directory, notes)
    params = _dict(config.get("params"))
    tz = _zone(config, config_file, notes)
    components, names = _components(params, config_file, notes)
    incidents, maintenances = [], []
    taken: set[str] = set()
    issues = directory / "content" / "issues"
    if not issues.is_dir():
        notes.error(display_path(issues), None, "no content/issues folder: this is not a cState site",
                    "pass the cState site's directory, the one with config.yml")
    real = directory.resolve()
    for path in sorted(issues.glob("*.md")) if issues.is_dir() else []:
        issue = _issue(path, notes) if _inside(real, path, notes) else None
        if issue is None:
            continue
        if _flag(issue, "draft"):
            notes.not_mapped(issue.file, "draft", "true", "a draft cState does not publish; not imported")
            continue
        if _is_planned(issue):
            maintenance = _maintenance(issue, names, tz, taken, notes)
            if maintenance is not None:
                maintenances.append(maintenance)
        else:
            incident = _incident(issue, names, tz, taken, notes)
            if incident is not None:
                incidents.append(incident)
    unmapped, problems = notes.result()
    base_url = config.get("baseurl") if isinstance(config.get("baseurl"), str) else ""
    return History(SERVICE, notes.line(config_file, "title", config.get("title")), base_url, base_url,
                   getattr(tz, "key", "UTC"), components, tuple(incidents), tuple(maintenances), unmapped, problems)


def _inside(real_root: Path, path: Path, notes: Notes) -> bool:
    """Whether `path` may be read as part of the export: a link out of it is refused as a link out of a site is."""
    refused = refusal(real_root, path, "export")
    if refused is not None:
        notes.error(display_path(path), None, refused.message, refused.hint)
    return refused is None


def _dict(value: Any) -> dict[str, Any]:
    """A mapping with its keys lowercased: cState's layouts read `resolvedWhen` and `resolvedwhen` alike."""
    return {str(key).lower(): item for key, item in value.items()} if isinstance(value, dict) else {}


def _config(directory: Path, notes: Notes) -> tuple[dict[str, Any], str]:
    for name in CONFIGS:
        path = directory / name
        if not path.is_file():
            continue
        if not _inside(directory.resolve(), path, notes):
            return {}, display_path(path)
        shown_path = display_path(path)
        text = read_export(path, shown_path, notes, MAX_SOURCE_BYTES)
        if text is None:
            return {}, shown_path
        try:
            if name.endswith(".toml"):
                return _dict(load_toml(text)), shown_path
            return _dict({key: value.data for key, value in parse_yaml_mapping(text, 1).items()}), shown_path
        except SourceError as exc:
            notes.error(shown_path, exc.line, exc.message, exc.hint)
            return {}, shown_path
    shown_path = display_path(directory / CONFIGS[0])
    notes.error(shown_path, None, "no config.yml: this is not a cState site",
                "pass the cState site's directory, the one with config.yml")
    return {}, shown_path


def _zone(config: dict[str, Any], file: str, notes: Notes) -> tzinfo:
    name = config.get("timezone")
    if isinstance(name, str) and name:
        try:
            return zone(name)
        except TimeError:
            notes.not_mapped(file, "timeZone", name, "not an IANA zone name; times read as UTC")
            return UTC
    notes.not_mapped(file, "timeZone", "", "not set: times written without a zone are read as UTC, as Hugo does")
    return UTC


def _components(params: dict[str, Any], file: str, notes: Notes) -> tuple[tuple[ImportedComponent, ...],
                                                                         dict[str, str]]:
    """Systems become components, their category the group; and every way an issue names one -> its id."""
    taken: set[str] = set()
    result, names = [], {}
    for index, raw in enumerate(params.get("systems") if isinstance(params.get("systems"), list) else []):
        system = _dict(raw)
        where = f"params.systems[{index}]"
        name = notes.line(file, f"{where}.name", system.get("name"))
        if not name:
            notes.not_mapped(file, f"{where}.name", system.get("name"), "a system without a name; left out")
            continue
        key = component_id(name, taken)
        names.setdefault(name.casefold(), key)
        names.setdefault(key, key)
        result.append(ImportedComponent(key, name, notes.line(file, f"{where}.category", system.get("category")),
                                        notes.line(file, f"{where}.description", system.get("description"))))
    return tuple(result), names


def _issue(path: Path, notes: Notes) -> _Issue | None:
    shown_path = display_path(path)
    text = read_export(path, shown_path, notes, MAX_SOURCE_BYTES)
    if text is None:
        return None
    try:
        document = split_front_matter(LINE_BREAKS.sub("\n", text))
    except SourceError as exc:
        notes.error(shown_path, exc.line, exc.message, exc.hint)
        return None
    fields = {key.lower(): value for key, value in document.fields.items()}
    for key, value in fields.items():
        if key not in KNOWN_KEYS:
            notes.not_mapped(shown_path, key, value.data, "not a cState key statusblog knows; left out")
    return _Issue(shown_path, path.stem, fields, document.body)


def _text(issue: _Issue, key: str) -> str:
    value = issue.fields.get(key)
    return value.data.strip() if value is not None and isinstance(value.data, str) else ""


def _line(issue: _Issue, key: str) -> int | None:
    value = issue.fields.get(key)
    return value.line if value is not None else None


def _flag(issue: _Issue, key: str) -> bool:
    return _text(issue, key).lower() in ("true", "yes", "on", "1")


def _is_planned(issue: _Issue) -> bool:
    """Planned work: cState has no type for it, so a title or tag that says 'maintenance' is taken as one."""
    tags = [issue.fields[key].data for key in ("tags", "categories") if key in issue.fields]
    words = [tag for value in tags for tag in (value if isinstance(value, list) else [value]) if isinstance(tag, str)]
    return bool(PLANNED.search(_text(issue, "title"))) or any(PLANNED.search(word) for word in words)


def _time(issue: _Issue, key: str, tz: tzinfo, notes: Notes) -> datetime | None:
    written = _text(issue, key)
    if not written:
        return None
    at = instant(written, tz)
    if at is None:
        notes.not_mapped(issue.file, key, written, "not a time cState writes (2026-03-14 09:20:00); left out")
    return at


def _blocks(issue: _Issue, tz: tzinfo, notes: Notes) -> tuple[str, list[_Block], str]:
    """The text before the first status line, each `*Status* - text {{< track "time" >}}` entry in the
    file's order, and the text of a `*Post-mortem*` section.

    Text before the first status line that carries a `track` shortcode is an entry too, without a status
    word (cState shows it as one); the `---` lines cState's writers put between entries are separators,
    not text.
    """
    lead: list[str] = []
    postmortem: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    current = lead
    for line in issue.body.split("\n"):
        match = STATUS_LINE.match(line)
        if POSTMORTEM_LINE.match(line):
            current = postmortem
            current.append(POSTMORTEM_LINE.sub(r"\1", line))
        elif match:
            blocks.append((match.group(1).strip(), [match.group(2)]))
            current = blocks[-1][1]
        else:
            current.append(line)
    if TRACK.search("\n".join(lead)):
        blocks.insert(0, ("", lead))
        lead = []
    result = []
    for number, (status, lines) in enumerate(blocks, start=1):
        text = "\n".join(lines)
        tracked = TRACK.findall(text)
        at = instant(tracked[0], tz) if tracked else None
        if tracked and at is None:
            notes.not_mapped(issue.file, "track", tracked[0], "not a time; the entry is placed by the issue's date")
        result.append(_Block(status, at, _entry_text(TRACK.sub("", text)), number))
    return _entry_text("\n".join(lead)), result, _entry_text("\n".join(postmortem))


def _entry_text(text: str) -> str:
    """An entry's text without the `---` lines that separate it from the next one."""
    return SEPARATORS.sub("", text.strip()).strip()


def _chronological(blocks: list[_Block], statuses: dict[str, str]) -> list[_Block]:
    """The entries oldest first, whatever the file's order.

    cState's writers add each entry on top, but not every file does. The tracked times decide where they
    say which way the file runs; else the status words do (investigating before resolved); else cState's
    convention holds: newest first.
    """
    for ranks in ([block.at.timestamp() for block in blocks if block.at is not None],
                  [RANK[statuses[block.status.lower()]] for block in blocks
                   if statuses.get(block.status.lower()) in RANK]):
        rising = any(later > earlier for earlier, later in pairwise(ranks))
        falling = any(later < earlier for earlier, later in pairwise(ranks))
        if rising != falling:
            return blocks if rising else blocks[::-1]
    return blocks[::-1]


def _updates(issue: _Issue, blocks: list[_Block], statuses: dict[str, str], default: str, first: datetime,
             notes: Notes) -> list[ImportedUpdate]:
    """Each entry, oldest first; one without a tracked time is placed at the entry before it (or the date)."""
    updates = []
    for block in blocks:
        status = statuses.get(block.status.lower())
        if status is None:
            if block.status:
                notes.not_mapped(issue.file, f"update {block.number} status", block.status,
                                 f"not a status statusblog has; written as '{default}'")
            status = default
        at = block.at
        if at is None:
            at = updates[-1].at if updates else first
            notes.not_mapped(issue.file, f"update {block.number} track", block.status or block.text[:40],
                             f"no tracked time; placed at {at.isoformat()}, after the entry before it in time")
        updates.append(ImportedUpdate(at, status, notes.body(issue.file, f"update {block.number}", block.text)))
    return updates


def _affected(issue: _Issue, names: dict[str, str], notes: Notes) -> tuple[str, ...]:
    value = issue.fields.get("affected")
    written = value.data if value is not None else []
    result = []
    for name in written if isinstance(written, list) else [written]:
        key = names.get(str(name).strip().casefold()) if isinstance(name, str) else None
        if key is None:
            notes.not_mapped(issue.file, "affected", name, "not one of config.yml's systems; left out")
        elif key not in result:
            result.append(key)
    return tuple(result)


def _placed(issue: _Issue, date: datetime | None, end: datetime | None, updates: list[ImportedUpdate],
            notes: Notes) -> list[ImportedUpdate]:
    """The entries inside the issue's own dates, when their tracked times disagree with them by over a day.

    cState counts an issue from its `date` to its `resolvedWhen` and never checks the tracked times against
    them; its example site has entries five months before their issue's date. statusblog counts downtime
    from the updates, so an issue whose entries lie more than a day outside its dates runs from `date` to
    `resolvedWhen`, as cState counts it, with a warning naming the file: entries before the date are placed
    at it, entries after the resolution at it; when none lies inside, all are placed at the date in their
    order and the resolving one at `resolvedWhen`. Each moved entry is in the report with its tracked time.
    """
    if date is None or not updates:
        return updates
    end = end if end is not None and end >= date else None
    times = [update.at for update in updates]
    if date - DATE_SLACK <= min(times) <= date + DATE_SLACK and (end is None or max(times) <= end + DATE_SLACK):
        return updates
    window = f"{date:%Y-%m-%d %H:%M}" + (f" to resolvedWhen {end:%Y-%m-%d %H:%M}" if end else " on")
    notes.warn(issue.file, _line(issue, "date"), f"the tracked updates ({min(times):%Y-%m-%d %H:%M} to "
               f"{max(times):%Y-%m-%d %H:%M}) disagree with the issue's dates by more than a day; the incident is "
               f"taken to run from its date {window}, as cState counts it",
               "check the dates in cState: they decide how long the incident counts as downtime")
    inside = any(date <= at <= (end or at) for at in times)
    result = []
    for update in updates:
        if inside:
            at = min(max(update.at, date), end or update.at)
        else:
            at = end if end is not None and update.status == "resolved" else date
        if at != update.at:
            notes.not_mapped(issue.file, "track", update.at.isoformat(), f"outside the issue's dates; the "
                             f"'{update.status}' update is placed at {at.isoformat()}")
        result.append(replace(update, at=at))
    return result


def _resolution(issue: _Issue, updates: list[ImportedUpdate], when: datetime | None,
                notes: Notes) -> list[ImportedUpdate]:
    """`resolved: true` with its `resolvedWhen`, as the resolving update when no tracked update says it."""
    if not _flag(issue, "resolved"):
        if any(update.status == "resolved" for update in updates):
            notes.warn(issue.file, _line(issue, "resolved"), "resolved is not true, but a tracked update says "
                       "'Resolved'; the incident is imported as resolved", "cState shows this issue as still open")
        if when is not None:
            notes.not_mapped(issue.file, "resolvedWhen", _text(issue, "resolvedwhen"),
                             "ignored: the issue is not resolved")
        return updates
    last = max(update.at for update in updates)
    tracked = any(update.status == "resolved" for update in updates)
    if when is not None and when < last:
        kept = "the tracked 'Resolved' update is kept" if tracked else "the resolution is written after that update"
        notes.warn(issue.file, _line(issue, "resolvedwhen"), f"resolvedWhen {when:%Y-%m-%d %H:%M} is before the last "
                   f"update ({last:%Y-%m-%d %H:%M}); {kept}",
                   "check resolvedWhen in cState: it decides when the incident stopped counting as downtime")
        when = None
    if tracked:
        return updates
    at = when or last + timedelta(seconds=1)
    notes.not_mapped(issue.file, "resolved", "true", f"no tracked update says so; a 'resolved' update without text "
                     f"added at {at.isoformat()}")
    return [*updates, ImportedUpdate(at, "resolved", "")]


def _note(issue: _Issue, updates: list[ImportedUpdate], notes: Notes) -> list[ImportedUpdate]:
    """An informational post is a note: impact none, no component, closed as soon as it is published."""
    notes.not_mapped(issue.file, "informational", "true", "a note: impact 'none', no component, resolved when "
                     "published, so it is in the history and never open")
    if "affected" in issue.fields:
        notes.not_mapped(issue.file, "affected", issue.fields["affected"].data, "an informational post affects no "
                         "component; left out")
    if updates[-1].status == "resolved":
        return updates
    return [*updates, ImportedUpdate(updates[-1].at + timedelta(seconds=1), "resolved", "")]


def _incident(issue: _Issue, names: dict[str, str], tz: tzinfo, taken: set[str],
              notes: Notes) -> ImportedIncident | None:
    date = _time(issue, "date", tz, notes)
    when = _time(issue, "resolvedwhen", tz, notes)
    informational = _flag(issue, "informational")
    lead, blocks, postmortem = _blocks(issue, tz, notes)
    first = date or next((block.at for block in blocks if block.at), None)
    if first is None:
        notes.not_mapped(issue.file, "date", _text(issue, "date"), "no date and no tracked update; not imported")
        return None
    updates = _updates(issue, _chronological(blocks, INCIDENT_STATUSES), INCIDENT_STATUSES, "update", first, notes)
    if not updates:
        status = "resolved" if informational else "investigating"
        updates, lead = [ImportedUpdate(first, status, notes.body(issue.file, "body", lead))], ""
    updates = _placed(issue, date, when if _flag(issue, "resolved") else None, updates, notes)
    ordered = timeline(_note(issue, updates, notes) if informational else _resolution(issue, updates, when, notes),
                       "incident", notes, issue.file, "")
    severity = _text(issue, "severity").lower()
    impact = "none" if informational else SEVERITY_IMPACT.get(severity)
    if impact is None:
        notes.not_mapped(issue.file, "severity", severity, "not down, disrupted or notice; written as impact 'none'")
        impact = "none"
    return ImportedIncident(
        id=stable_id(issue.stem, taken, notes, issue.file, "file name"), source=issue.file,
        title=notes.line(issue.file, "title", _text(issue, "title"), default="Untitled incident"), impact=impact,
        started=started_by(date, ordered, notes, issue.file, ""),
        components={} if informational else dict.fromkeys(_affected(issue, names, notes)), updates=ordered,
        summary=notes.body(issue.file, "body", lead), postmortem=notes.body(issue.file, "post-mortem", postmortem))


def _maintenance(issue: _Issue, names: dict[str, str], tz: tzinfo, taken: set[str],
                 notes: Notes) -> ImportedMaintenance | None:
    start = _time(issue, "date", tz, notes)
    lead, blocks, postmortem = _blocks(issue, tz, notes)
    if start is None:
        notes.not_mapped(issue.file, "date", _text(issue, "date"), "a maintenance without a date; not imported")
        return None
    if postmortem:
        notes.not_mapped(issue.file, "post-mortem", postmortem, "a maintenance has no postmortem; left out")
    updates = _updates(issue, _chronological(blocks, MAINTENANCE_STATUSES), MAINTENANCE_STATUSES, "in_progress",
                       start, notes)
    if not updates:
        updates = [ImportedUpdate(start, "scheduled", notes.body(issue.file, "body", lead))]
    elif lead:
        notes.not_mapped(issue.file, "body", lead, "text before the first status line is not kept for a maintenance")
    end = _time(issue, "resolvedwhen", tz, notes) if _flag(issue, "resolved") else None
    if end is None or end <= start:
        if end is not None:
            notes.warn(issue.file, _line(issue, "resolvedwhen"), f"resolvedWhen {end:%Y-%m-%d %H:%M} is not after "
                       f"the date {start:%Y-%m-%d %H:%M}", "the window is taken to last one hour")
        end = start + WINDOW_WITHOUT_END
        notes.not_mapped(issue.file, "resolvedWhen", _text(issue, "resolvedwhen"),
                         f"no end of the window after its start; it is taken to end at {end.isoformat()}")
    if _flag(issue, "resolved") and not any(update.status == "completed" for update in updates):
        at = max(end, max(update.at for update in updates) + timedelta(seconds=1))
        updates.append(ImportedUpdate(at, "completed", ""))
    return ImportedMaintenance(
        id=stable_id(issue.stem, taken, notes, issue.file, "file name"), source=issue.file,
        title=notes.line(issue.file, "title", _text(issue, "title"), default="Untitled maintenance"), start=start,
        end=end, components=_affected(issue, names, notes),
        updates=timeline(updates, "maintenance", notes, issue.file, ""))
