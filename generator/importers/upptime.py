"""An Upptime repository's issues -> the imported model.

Upptime opens a GitHub issue labelled `status` (and with the site's slug)
when a site goes down or slows down, titled "🛑 <site> is down" or
"⚠️ <site> has degraded performance", comments on it, and closes it when the
site is back. Planned work is an issue labelled `maintenance` whose body
carries an HTML comment with `start:`, `end:` and `expectedDown: <slug>,
...` lines. The export is the issues with their comments as
JSON: `gh issue list --json ...` (camelCase) or the REST API's objects with
each issue's comments added under `comments` (snake_case); both are read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..core.problems import display_path
from .imported import (
    History,
    ImportedComponent,
    ImportedIncident,
    ImportedMaintenance,
    ImportedUpdate,
    Notes,
    component_id,
    instant,
    read_json,
    stable_id,
    started_by,
    timeline,
)

SERVICE = "Upptime"
TITLE = re.compile(r"\W*+(?P<name>.*?\S)\s++(?:is|has|was)\s++(?P<what>.+)")
"""An issue title of one line, "<name> is|has|was <what>". The name ends at a non-space, so the verb is
tried only where a run of spaces starts, and the possessive runs never give back: linear in the title."""
IMPACTS = (("down", "critical"), ("degraded", "minor"))
"""What Upptime says in a title -> the impact: down is a major outage, slow is degraded performance."""
WINDOW = re.compile(r"^[^\S\n]*+(start|end|expectedDown)[^\S\n]*+:[^\S\n]*+(.*+)", re.IGNORECASE | re.MULTILINE)
"""A `start: <time>` line of a maintenance comment; the value's trailing spaces are stripped after."""
RESOLVED = re.compile(r"\bresolved\b|\bback up\b", re.IGNORECASE)
OWN_LABELS = {"status", "maintenance"}
WINDOW_WITHOUT_END = timedelta(hours=1)


def read(path: Path) -> History:
    notes = Notes()
    file = display_path(path)
    data = read_json(path, file, notes)
    issues = data.get("issues") if isinstance(data, dict) else data
    if data is not None and not isinstance(issues, list):
        notes.error(file, None, "not an export of GitHub issues: expected a JSON array of issues",
                    "export with: gh issue list --label status --state all --json number,title,body,state,"
                    "labels,createdAt,closedAt,url,comments")
    entries = [issue for issue in issues if isinstance(issue, dict)] if isinstance(issues, list) else []
    kept = [issue for issue in entries if OWN_LABELS & set(_labels(issue))]
    components, ids = _components(kept, file, notes)
    taken: set[str] = set()
    incidents, maintenances = [], []
    for index, issue in enumerate(entries):
        labels = _labels(issue)
        where = f"[{index}] (#{issue.get('number')})"
        if "maintenance" in labels:
            maintenance = _maintenance(issue, file, where, ids, taken, notes)
            if maintenance is not None:
                maintenances.append(maintenance)
        elif "status" in labels:
            incident = _incident(issue, file, where, ids, taken, notes)
            if incident is not None:
                incidents.append(incident)
        else:
            notes.not_mapped(file, f"{where}.labels", ", ".join(labels), "neither 'status' nor 'maintenance'; left out")
    unmapped, problems = notes.result()
    repository = _repository(entries)
    owner = repository.split("/")[-2] if repository else ""
    return History(SERVICE, notes.line(file, "repository owner", owner), repository, "", "UTC", components,
                   tuple(incidents), tuple(maintenances), unmapped, problems)


def _get(issue: dict[str, Any], *keys: str) -> Any:
    """The first of the REST API's and the gh CLI's spelling of a field that the object has."""
    return next((issue[key] for key in keys if key in issue), None)


def _labels(issue: dict[str, Any]) -> list[str]:
    labels = issue.get("labels")
    names = [label.get("name") if isinstance(label, dict) else label for label in labels or []] \
        if isinstance(labels, list) else []
    return [name for name in names if isinstance(name, str)]


def _repository(entries: list[dict[str, Any]]) -> str:
    """https://github.com/<owner>/<repo>, from the first issue's address; the owner names the team."""
    for issue in entries:
        url = _get(issue, "html_url", "url")
        if isinstance(url, str):
            parts = urlsplit(url)
            path = parts.path.split("/issues/")[0]
            if parts.scheme == "https" and parts.netloc and path.count("/") == 2:
                return f"https://{parts.netloc}{path}"
    return ""


def _components(entries: list[dict[str, Any]], file: str, notes: Notes) -> tuple[tuple[ImportedComponent, ...],
                                                                                  dict[str, str]]:
    """Each site label is a component, named as the issue titles name it."""
    names: dict[str, str] = {}
    for issue in entries:
        title = issue.get("title")
        match = _title(title) if isinstance(title, str) else None
        for label in _labels(issue):
            if label not in OWN_LABELS and label not in names:
                names[label] = match.group("name") if match and len(_site_labels(issue)) == 1 else label
    taken: set[str] = set()
    result, ids = [], {}
    for label, name in names.items():
        cleaned = notes.line(file, f"labels '{label}'", name, default=label)
        ids[label] = component_id(label, taken)
        result.append(ImportedComponent(ids[label], cleaned, reference=label))
    return tuple(result), ids


def _site_labels(issue: dict[str, Any]) -> list[str]:
    return [label for label in _labels(issue) if label not in OWN_LABELS]


def _comments(issue: dict[str, Any], file: str, where: str, notes: Notes) -> list[tuple[datetime, str]]:
    comments = issue.get("comments")
    if not isinstance(comments, list):
        if comments:
            notes.not_mapped(file, f"{where}.comments", comments, "the export has no comments' text; only the "
                             "issue's own text imported")
        return []
    result = []
    for index, comment in enumerate(comments):
        at = instant(_get(comment, "created_at", "createdAt"), UTC) if isinstance(comment, dict) else None
        if at is None or not isinstance(comment, dict):
            notes.not_mapped(file, f"{where}.comments[{index}]", str(comment)[:80], "no readable time; left out")
            continue
        result.append((at, notes.body(file, f"{where}.comments[{index}].body", comment.get("body"))))
    return result


def _incident(issue: dict[str, Any], file: str, where: str, ids: dict[str, str], taken: set[str],
              notes: Notes) -> ImportedIncident | None:
    opened = instant(_get(issue, "created_at", "createdAt"), UTC)
    if opened is None:
        notes.not_mapped(file, f"{where}.created_at", _get(issue, "created_at", "createdAt"),
                         "no readable time; not imported")
        return None
    updates = [ImportedUpdate(opened, "investigating", notes.body(file, f"{where}.body", issue.get("body")))]
    comments = _comments(issue, file, where, notes)
    updates += [ImportedUpdate(at, "update", body) for at, body in comments]
    closed = instant(_get(issue, "closed_at", "closedAt"), UTC)
    if closed is not None:
        updates = _closed(updates, closed, file, where, notes)
    ordered = timeline(updates, "incident", notes, file, where)
    title = notes.line(file, f"{where}.title", issue.get("title"), default="Untitled incident")
    match = _title(title)
    what = match.group("what").lower() if match else ""
    impact = next((impact for word, impact in IMPACTS if word in what), None)
    if impact is None:
        notes.not_mapped(file, f"{where}.title", title, "says neither down nor degraded; written as impact 'minor'")
        impact = "minor"
    return ImportedIncident(
        id=stable_id(issue.get("number"), taken, notes, file, f"{where}.number"), source=file, title=title,
        impact=impact, started=started_by(opened, ordered, notes, file, where),
        components=dict.fromkeys(ids[label] for label in _site_labels(issue) if label in ids), updates=ordered)


def _closed(updates: list[ImportedUpdate], closed: datetime, file: str, where: str,
            notes: Notes) -> list[ImportedUpdate]:
    """The closing comment (Upptime's "Resolved: ... is back up") resolves it; else the closing does, without text."""
    last = updates[-1]
    if len(updates) > 1 and RESOLVED.search(last.body):
        return [*updates[:-1], ImportedUpdate(last.at, "resolved", last.body)]
    notes.not_mapped(file, f"{where}.closed_at", closed.isoformat(), "closed without a resolving comment; a "
                     "'resolved' update without text added at that time")
    return [*updates, ImportedUpdate(closed, "resolved", "")]


def _title(title: str) -> re.Match[str] | None:
    return TITLE.match(title) if "\n" not in title else None


def _html_comments(text: str) -> list[tuple[int, int, str]]:
    """Each `<!-- ... -->` as (start, end, what it holds), found with str.find: a regex's lazy `<!--(.*?)-->`
    reads to the end of the text from every unclosed `<!--`, which is quadratic in a body full of them."""
    found = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        found.append((start, end + 3, text[start + 4:end]))
        start = text.find("<!--", end + 3)
    return found


def _maintenance(issue: dict[str, Any], file: str, where: str, ids: dict[str, str], taken: set[str],
                 notes: Notes) -> ImportedMaintenance | None:
    raw_body = issue.get("body") if isinstance(issue.get("body"), str) else ""
    windows = [(start, end, inside) for start, end, inside in _html_comments(raw_body) if WINDOW.search(inside)]
    window = {key.lower(): value.strip() for _, _, inside in windows for key, value in WINDOW.findall(inside)}
    opened = instant(_get(issue, "created_at", "createdAt"), UTC)
    start = instant(window.get("start"), UTC) or opened
    if start is None:
        notes.not_mapped(file, f"{where}.body", window.get("start"), "no start comment and no time; not imported")
        return None
    end = instant(window.get("end"), UTC)
    if end is None or end <= start:
        end = start + WINDOW_WITHOUT_END
        notes.not_mapped(file, f"{where}.body", window.get("end", ""),
                         f"no end comment after the start; the window is taken to end at {end.isoformat()}")
    kept_from = [0, *(end for _, end, _ in windows)]
    kept_to = [*(start for start, _, _ in windows), len(raw_body)]
    text = "".join(raw_body[start:end] for start, end in zip(kept_from, kept_to, strict=True))
    body = notes.body(file, f"{where}.body", text)
    updates = [ImportedUpdate(opened or start, "scheduled", body)]
    updates += [ImportedUpdate(at, "scheduled" if at < start else "in_progress", text)
                for at, text in _comments(issue, file, where, notes)]
    closed = instant(_get(issue, "closed_at", "closedAt"), UTC)
    if closed is not None:
        updates.append(ImportedUpdate(max(closed, updates[-1].at + timedelta(seconds=1)), "completed", ""))
    expected = [name.strip() for name in window.get("expecteddown", "").split(",") if name.strip()]
    unknown = [name for name in expected if name not in ids]
    if unknown:
        notes.not_mapped(file, f"{where}.body expectedDown", ", ".join(unknown), "not a site label; left out")
    components = tuple(dict.fromkeys(ids[name] for name in [*expected, *_site_labels(issue)] if name in ids))
    return ImportedMaintenance(
        id=stable_id(issue.get("number"), taken, notes, file, f"{where}.number"), source=file,
        title=notes.line(file, f"{where}.title", issue.get("title"), default="Untitled maintenance"), start=start,
        end=end, components=components, updates=timeline(updates, "maintenance", notes, file, where))
