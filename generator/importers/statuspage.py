"""Statuspage's JSON -> the imported model.

Two kinds of file are read, in any mix: the public API v2 bodies every page
serves (`summary.json`, `components.json`, `incidents.json`,
`scheduled-maintenances.json`: objects with a `page` and lists), and the
management API's answers (`GET /pages/{id}/incidents`, `/components`,
`/component-groups`: plain JSON arrays, one file per page of results). Each
file is recognised by its shape, not its name, and an incident seen in two
files is imported once, from the copy with the most updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ..core.model import IMPACTS, ComponentStatus
from ..core.problems import display_path
from ..core.times import TimeError, zone
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

SERVICE = "Statuspage"
INCIDENT_STATUSES = {"investigating": "investigating", "identified": "identified", "monitoring": "monitoring",
                     "resolved": "resolved", "postmortem": "update"}
"""Statuspage's update statuses -> statusblog's; 'postmortem' marks the update that published one."""
MAINTENANCE_STATUSES = {"scheduled": "scheduled", "in_progress": "in_progress", "verifying": "verifying",
                        "completed": "completed"}
WINDOW_WITHOUT_END = timedelta(hours=1)


@dataclass(slots=True)
class _Found:
    """Everything read so far, by the source's ids, with the file each came from."""

    page: dict[str, Any] = field(default_factory=dict)
    page_file: str = ""
    components: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    groups: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    incidents: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)


def read(paths: Sequence[Path]) -> History:
    notes, found = Notes(), _Found()
    for path in paths:
        shown_path = display_path(path)
        data = read_json(path, shown_path, notes)
        if data is not None:
            _take(data, shown_path, found, notes)
    tz = _page_zone(found.page, found.page_file, notes)
    components, ids = _components(found, notes)
    taken: set[str] = set()
    incidents, maintenances = [], []
    for raw, file in found.incidents.values():
        if raw.get("scheduled_for"):
            maintenance = _maintenance(raw, file, ids, tz, taken, notes)
            if maintenance is not None:
                maintenances.append(maintenance)
        else:
            incident = _incident(raw, file, ids, tz, taken, notes)
            if incident is not None:
                incidents.append(incident)
    unmapped, problems = notes.result()
    name = notes.line(found.page_file, "page.name", found.page.get("name"))
    url = found.page.get("url") if isinstance(found.page.get("url"), str) else ""
    return History(SERVICE, name, url, url, getattr(tz, "key", "UTC"), components, tuple(incidents),
                   tuple(maintenances), unmapped, problems)


def _take(data: Any, file: str, found: _Found, notes: Notes) -> None:
    """Sort one file's objects by what they are: a body of the public API, or a page of the management API."""
    if isinstance(data, list):
        for index, entry in enumerate(data):
            _entry(entry, file, f"[{index}]", found, notes)
        return
    if not isinstance(data, dict):
        notes.error(file, None, "not a Statuspage export: expected a JSON object or array",
                    "pass the files the API returned, e.g. incidents.json")
        return
    if isinstance(data.get("page"), dict):
        found.page, found.page_file = {**found.page, **data["page"]}, file
    lists = [key for key in ("components", "incidents", "scheduled_maintenances") if isinstance(data.get(key), list)]
    ones = [key for key in ("incident", "scheduled_maintenance") if isinstance(data.get(key), dict)]
    if not lists and not ones and "incident_updates" in data:
        _entry(data, file, "", found, notes)
        return
    if not lists and not ones and not isinstance(data.get("page"), dict):
        notes.error(file, None, "not a Statuspage export: no page, components, incidents or scheduled_maintenances",
                    "pass the files the API returned, e.g. incidents.json")
    for key in ones:  # one incident's own body: api/v2/incidents/<id>.json
        _entry(data[key], file, key, found, notes)
    for key in lists:
        for index, entry in enumerate(data[key]):
            _entry(entry, file, f"{key}[{index}]", found, notes)


def _entry(entry: Any, file: str, where: str, found: _Found, notes: Notes) -> None:
    if isinstance(entry, list):
        for index, inner in enumerate(entry):
            _entry(inner, file, f"{where}[{index}]", found, notes)
        return
    key = entry.get("id") if isinstance(entry, dict) else None
    if not isinstance(key, str) or not key:
        notes.not_mapped(file, where or "(top)", str(entry)[:80], "not an object with an id; left out")
        return
    assert isinstance(entry, dict)
    if "incident_updates" in entry or "scheduled_for" in entry:
        for component in _list(entry.get("components")):
            if isinstance(component, dict) and isinstance(component.get("id"), str) and "name" in component:
                found.components.setdefault(component["id"], (component, file))
        kept = found.incidents.get(key)
        if kept is None or len(_list(entry.get("incident_updates"))) > len(_list(kept[0].get("incident_updates"))):
            found.incidents[key] = (entry, file)
    elif entry.get("group") is True or ("components" in entry and "status" not in entry):
        found.groups[key] = (entry, file)
    elif "name" in entry:
        found.components[key] = (entry, file)
    else:
        notes.not_mapped(file, where, key, "neither an incident, a component nor a group; left out")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _page_zone(page: dict[str, Any], file: str, notes: Notes) -> tzinfo:
    name = page.get("time_zone")
    if isinstance(name, str) and name:
        try:
            return zone(name)
        except TimeError:
            notes.not_mapped(file, "page.time_zone", name, "not an IANA zone name; UTC used")
    return UTC


def _components(found: _Found, notes: Notes) -> tuple[tuple[ImportedComponent, ...], dict[str, str]]:
    """Components in Statuspage's order, each with its group's name; and the source id -> new id."""
    group_of: dict[str, str] = {}
    for raw, file in found.groups.values():
        name = notes.line(file, f"groups[{raw['id']}].name", raw.get("name"))
        for member in _list(raw.get("components")):
            if isinstance(member, str):
                group_of[member] = name
    taken: set[str] = set()
    result, ids = [], {}
    for raw, file in sorted(found.components.values(), key=_position):
        source = raw["id"]
        where = f"components[{source}]"
        name = notes.line(file, f"{where}.name", raw.get("name"), default=source)
        group_id = raw.get("group_id")
        group = group_of.get(source, "")
        if not group and isinstance(group_id, str) and group_id in found.groups:
            group_raw, group_file = found.groups[group_id]
            group = notes.line(group_file, f"groups[{group_id}].name", group_raw.get("name"))
        status = raw.get("status")
        if isinstance(status, str) and status != "operational":
            notes.not_mapped(file, f"{where}.status", status,
                             "a component's status now is not stored: statusblog derives it from incidents")
        ids[source] = component_id(name, taken)
        result.append(ImportedComponent(ids[source], name, group, notes.line(file, f"{where}.description",
                                                                           raw.get("description")),
                                        source, _day(raw.get("start_date"), file, f"{where}.start_date", notes)))
    return tuple(result), ids


def _position(item: tuple[dict[str, Any], str]) -> int:
    position = item[0].get("position")
    return position if isinstance(position, int) and not isinstance(position, bool) else 0


def _day(value: Any, file: str, where: str, notes: Notes) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        notes.not_mapped(file, where, value, "not a date; left out")
        return None


def _updates(raw: dict[str, Any], file: str, where: str, statuses: dict[str, str], default: str, tz: tzinfo,
             notes: Notes) -> list[tuple[ImportedUpdate, list[Any]]]:
    """Each update with its time (display_at, as Statuspage shows it), mapped status, body and component changes."""
    result = []
    for index, update in enumerate(_list(raw.get("incident_updates"))):
        at_where = f"{where}.incident_updates[{index}]"
        if not isinstance(update, dict):
            notes.not_mapped(file, at_where, str(update)[:80], "not an update object; left out")
            continue
        at = instant(update.get("display_at"), tz) or instant(update.get("created_at"), tz)
        if at is None:
            notes.not_mapped(file, f"{at_where}.created_at", update.get("created_at"), "no readable time; left out")
            continue
        written = update.get("status")
        status = statuses.get(written) if isinstance(written, str) else None
        if status is None:
            status = default
            notes.not_mapped(file, f"{at_where}.status", written, f"not a status here; written as '{status}'")
        elif status != written:
            notes.not_mapped(file, f"{at_where}.status", written, f"written as '{status}'")
        body = notes.body(file, f"{at_where}.body", update.get("body"), html=True)
        _not_kept(update, file, at_where, notes)
        result.append((ImportedUpdate(at, status, body), _list(update.get("affected_components"))))
    return result


NOT_KEPT = {"custom_tweet": "a tweet", "tweet_id": "a tweet", "metadata": "metadata",
            "postmortem_notify_twitter": "a tweet", "scheduled_remind_prior": "a reminder setting"}
"""Fields that carry something a statusblog site has no place for, when the source set them."""


def _not_kept(raw: dict[str, Any], file: str, where: str, notes: Notes) -> None:
    """Every field that holds a value a statusblog site cannot keep, named in the report."""
    for key, what in NOT_KEPT.items():
        if raw.get(key):
            notes.not_mapped(file, f"{where}.{key}", raw[key], f"{what} is not part of a statusblog site; left out")


def _settings(found: list[tuple[ImportedUpdate, list[Any]]], ids: dict[str, str], file: str, where: str,
              notes: Notes) -> list[ImportedUpdate]:
    """Each update, oldest first, with the component statuses it changed, as the source attached them.

    Statuspage repeats every affected component's status on each later update; an update's 'Components:'
    line names only the components it attaches or moves, so a component recovers, or joins, at the update
    where the source says it did.
    """
    held: dict[str, str] = {}
    result = []
    for update, changes in sorted(found, key=lambda pair: pair[0].at):
        settings: dict[str, str] = {}
        for change in changes:
            code = change.get("code") if isinstance(change, dict) else None
            status = change.get("new_status") if isinstance(change, dict) else None
            if code not in ids:
                notes.not_mapped(file, f"{where}.affected_components", code, "not a known component; left out")
            elif status not in ComponentStatus.names():
                notes.not_mapped(file, f"{where}.affected_components", status, "not a component status; left out")
            elif held.get(ids[code]) != status:
                settings[ids[code]] = held[ids[code]] = status
        result.append(replace(update, components=tuple(settings.items())))
    return result


def _listed(raw: dict[str, Any], ids: dict[str, str], attached: set[str], file: str, where: str, notes: Notes,
            statuses: bool = True) -> dict[str, str | None]:
    """The item's components that no update attaches. An incident's are at the status the listing gives while
    it is open (what the source shows now), else at the impact's status, which the report says; a
    maintenance's (`statuses` False) are under maintenance while it runs."""
    result: dict[str, str | None] = {}
    open_now = raw.get("status") not in ("resolved", "postmortem")
    for component in _list(raw.get("components")):
        code = component.get("id") if isinstance(component, dict) else component
        if not isinstance(code, str) or code not in ids:
            notes.not_mapped(file, f"{where}.components", code, "not a known component; left out")
            continue
        if ids[code] in attached or ids[code] in result:
            continue
        status = component.get("status") if isinstance(component, dict) else None
        if not statuses or (open_now and status in ComponentStatus.names()):
            result[ids[code]] = status if statuses else None
        else:
            result[ids[code]] = None
            notes.not_mapped(file, f"{where}.components[{code}]", status or "",
                             "no update gives its status during the incident; the impact's status is used")
    return result


def _incident(raw: dict[str, Any], file: str, ids: dict[str, str], tz: tzinfo, taken: set[str],
              notes: Notes) -> ImportedIncident | None:
    where = f"incidents[{raw['id']}]"
    found = _updates(raw, file, where, INCIDENT_STATUSES, "update", tz, notes)
    if not found:
        notes.not_mapped(file, f"{where}.incident_updates", raw["id"], "an incident without updates; not imported")
        return None
    attached = _settings(found, ids, file, where, notes)
    updates = timeline(_resolved(raw, attached, file, where, tz, notes), "incident", notes, file, where)
    impact = raw.get("impact_override") or raw.get("impact")
    if impact not in IMPACTS:
        notes.not_mapped(file, f"{where}.impact", impact, "not an incident impact; written as 'none'")
        impact = "none"
    started = instant(raw.get("started_at"), tz) or instant(raw.get("created_at"), tz)
    postmortem = ""
    if raw.get("postmortem_body") and raw.get("postmortem_published_at", True):
        postmortem = notes.body(file, f"{where}.postmortem_body", raw.get("postmortem_body"), html=True)
    elif raw.get("postmortem_body"):
        notes.not_mapped(file, f"{where}.postmortem_body", raw["postmortem_body"], "a draft Statuspage never "
                         "published; left out")
    _not_kept(raw, file, where, notes)
    return ImportedIncident(
        id=stable_id(raw["id"], taken, notes, file, f"{where}.id"), source=file,
        title=notes.line(file, f"{where}.name", raw.get("name"), default="Untitled incident"), impact=impact,
        started=started_by(started, updates, notes, file, where),
        components=_listed(raw, ids, {key for update in attached for key, _ in update.components}, file, where,
                           notes),
        updates=updates, postmortem=postmortem)


def _resolved(raw: dict[str, Any], updates: list[ImportedUpdate], file: str, where: str, tz: tzinfo,
              notes: Notes) -> list[ImportedUpdate]:
    """An incident Statuspage calls resolved ends resolved here too, even when no update said so."""
    if raw.get("status") not in ("resolved", "postmortem") or any(update.status == "resolved" for update in updates):
        return updates
    last = max(update.at for update in updates)
    at = max(instant(raw.get("resolved_at"), tz) or last, last + timedelta(seconds=1))
    notes.not_mapped(file, f"{where}.status", raw.get("status"), f"no update says so; a 'resolved' update without "
                     f"text added at {at.isoformat()}")
    return [*updates, ImportedUpdate(at, "resolved", "")]


def _maintenance(raw: dict[str, Any], file: str, ids: dict[str, str], tz: tzinfo, taken: set[str],
                 notes: Notes) -> ImportedMaintenance | None:
    where = f"scheduled_maintenances[{raw['id']}]"
    start = instant(raw.get("scheduled_for"), tz)
    if start is None:
        notes.not_mapped(file, f"{where}.scheduled_for", raw.get("scheduled_for"), "no readable time; not imported")
        return None
    end = instant(raw.get("scheduled_until"), tz)
    if end is None or end <= start:
        end = start + WINDOW_WITHOUT_END
        notes.not_mapped(file, f"{where}.scheduled_until", raw.get("scheduled_until"),
                         f"no end after the start; the window is taken to end at {end.isoformat()}")
    found = _updates(raw, file, where, MAINTENANCE_STATUSES, "in_progress", tz, notes)
    if not found:
        notes.not_mapped(file, f"{where}.incident_updates", raw["id"], "a maintenance without updates; not imported")
        return None
    components = tuple(_listed(raw, ids, set(), file, where, notes, statuses=False))
    return ImportedMaintenance(
        id=stable_id(raw["id"], taken, notes, file, f"{where}.id"), source=file,
        title=notes.line(file, f"{where}.name", raw.get("name"), default="Untitled maintenance"),
        start=start, end=end, components=components,
        updates=timeline((update for update, _ in found), "maintenance", notes, file, where))
