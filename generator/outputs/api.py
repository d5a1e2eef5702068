"""api/v2/: static JSON with the field names and shapes of Statuspage's public API v2.

Existing integrations (chat bots, dashboards, monitoring that polls
`summary.json`) work unchanged by pointing them at this site. Ids have
Statuspage's shape and are hashes of the same keys the feeds use, so they stay
the same when a title is edited or a file renamed. Everything Statuspage does
not have (who signed an update, the build's next change) lives under one key,
`statusblog`, so a strict client can ignore it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from ..core.model import (
    ACTIVE_MAINTENANCE,
    ComponentStatus,
    Incident,
    Maintenance,
    Postmortem,
    SiteConfig,
    Update,
    running_statuses,
)
from ..core.problems import Blame
from ..core.times import iso_utc
from ..derive.state import ComponentGroup, ComponentState, IncidentState, MaintenanceState, SiteState
from ..derive.timeline import ComponentChange
from ..proof.bylines import byline_fields
from ..render.theme import Theme
from .common import Wording, absolute, author_fields, json_bytes, promise_fields, proof_urls, short_id, update_key
from .feeds import section_html
from .origins import File, every_component, most_text, site_settings

Output = Iterator[File]
JSON = dict[str, Any]

EXTENSION = "statusblog"
LIST_LIMIT = 50
"""Statuspage's incidents.json and scheduled-maintenances.json give the 50 most recent."""
MAINTENANCE_STATUS = {"cancelled": "completed"}
"""Statuspage has no cancelled maintenance; the real status is under `statusblog.status`."""


def _iso(value: datetime | None) -> str | None:
    return iso_utc(value) if value is not None else None


def page_id(config: SiteConfig) -> str:
    return short_id(config.base_url)


def component_id(component_key: str) -> str:
    return short_id(f"components/{component_key}")


def group_id(name: str) -> str:
    """Groups are components in Statuspage; theirs is named by the group's name, the only key it has."""
    return short_id(f"groups/{name}")


class Context:
    """What every object of one build needs: the state, the theme's words, the page id, and component times."""

    def __init__(self, state: SiteState, words: Wording) -> None:
        self.state = state
        self.words = words
        self.config = state.site.config
        self.page_id = page_id(self.config)
        self.epoch = self._epoch()
        self.components = components(self)
        self.by_key = {item[EXTENSION]["key"]: item for item in self.components if not item["group"]}

    def _moments(self, incidents: Iterable[IncidentState], maintenances: Iterable[MaintenanceState]) -> list[datetime]:
        """Every moment at or before "now" at which the published content changed."""
        now = self.state.now
        moments = [update.at for state in incidents for update in state.incident.updates]
        for mstate in maintenances:
            maintenance = mstate.maintenance
            moments += [update.at for update in maintenance.updates]
            moments += [at for at in (maintenance.scheduled_start, maintenance.scheduled_end) if at <= now]
        return moments

    def _epoch(self) -> datetime:
        """The first moment of the site's content, so a component without start_date has a created_at."""
        moments = [state.incident.started for state in self.state.incidents]
        moments += self._moments((), self.state.maintenances)
        return min(moments, default=self.state.now)

    def signature(self, signed: Update | Postmortem | Incident | Maintenance) -> dict[str, object] | None:
        """The signature object of an update, postmortem or header, linking its published proof."""
        byline = self.state.bylines.of(signed)
        return byline_fields(byline, proof_urls(self.config, self.state.bylines, byline))

    @property
    def updated_at(self) -> datetime:
        return max(self._moments(self.state.incidents, self.state.maintenances), default=self.epoch)

    def component_times(self, state: ComponentState) -> tuple[datetime, datetime]:
        start = state.component.start_date
        created = datetime(start.year, start.month, start.day, tzinfo=UTC) if start else self.epoch
        updated = max(self._moments(state.incidents, state.maintenances), default=created)
        return created, max(created, updated)


def page(context: Context) -> JSON:
    config = context.config
    return {
        "id": context.page_id,
        "name": config.title,
        "url": config.base_url,
        "time_zone": config.timezone,
        "updated_at": iso_utc(context.updated_at),
    }


def status(context: Context) -> JSON:
    """Statuspage's indicator key, described in the site's language."""
    overall = context.state.overall
    return {"indicator": overall.indicator, "description": context.words.indicator_description(overall)}


def component_object(context: Context, state: ComponentState, position: int, group: str | None) -> JSON:
    component = state.component
    created, updated = context.component_times(state)
    return {
        "id": component_id(component.id),
        "name": component.name,
        "status": state.status.key,
        "created_at": iso_utc(created),
        "updated_at": iso_utc(updated),
        "position": position,
        "description": component.description or None,
        "showcase": True,
        "start_date": component.start_date.isoformat() if component.start_date else None,
        "group_id": group,
        "page_id": context.page_id,
        "group": False,
        "only_show_if_degraded": False,
        EXTENSION: {"key": component.id, "url": absolute(context.config, component.address.url),
                    "sla": component.sla},
    }


def group_object(context: Context, group: ComponentGroup, members: list[JSON], position: int) -> JSON:
    return {
        "id": group_id(group.name),
        "name": group.name,
        "status": group.status.key,
        "created_at": min(member["created_at"] for member in members),
        "updated_at": max(member["updated_at"] for member in members),
        "position": position,
        "description": None,
        "showcase": False,
        "start_date": None,
        "group_id": None,
        "page_id": context.page_id,
        "group": True,
        "only_show_if_degraded": False,
        "components": [member["id"] for member in members],
    }


def components(context: Context) -> list[JSON]:
    """Each group as a component followed by its members, in the registry's order."""
    result: list[JSON] = []
    for group in context.state.groups:
        if not group.name:
            result += [component_object(context, state, len(result) + 1, None) for state in group.members]
            continue
        position = len(result) + 1
        members = [component_object(context, state, position + index + 1, group_id(group.name))
                   for index, state in enumerate(group.members)]
        result += [group_object(context, group, members, position), *members]
    return result


def _transitions(updates: list[Update], affected: dict[str, ComponentStatus],
                 effect: Callable[[str], bool], names: dict[str, str]) -> list[list[JSON] | None]:
    """For each update, the components whose status it changed (Statuspage's affected_components).

    `effect(status)` says whether the item holds its components down after
    an update of that status; a change is reported on the update that makes it.
    """
    current = dict.fromkeys(affected, ComponentStatus.OPERATIONAL)
    result: list[list[JSON] | None] = []
    for update in updates:
        changed = []
        for key, status in affected.items():
            new = status if effect(update.status) else ComponentStatus.OPERATIONAL
            if new is not current[key]:
                changed.append({"code": component_id(key), "name": names.get(key, key),
                                "old_status": current[key].key, "new_status": new.key})
                current[key] = new
        result.append(changed or None)
    return result


def _change_objects(changes: tuple[ComponentChange, ...], names: dict[str, str]) -> list[JSON] | None:
    """One update's component changes in Statuspage's shape (None when it changed none, as Statuspage sends)."""
    return [{"code": component_id(change.id), "name": names.get(change.id, change.id),
             "old_status": change.old.key, "new_status": change.new.key} for change in changes] or None


def update_objects(context: Context, kind: str, item_id: str, page_path: str, updates: list[Update],
                   transitions: list[list[JSON] | None], statuses: list[str]) -> list[JSON]:
    """Statuspage's incident_updates, newest first, each with its signer."""
    config = context.config
    objects = []
    for update, changed, shown in zip(updates, transitions, statuses, strict=True):
        at = iso_utc(update.at)
        objects.append({
            "id": short_id(update_key(kind, item_id, update)),
            "status": shown,
            "body": update.body.text,
            "incident_id": short_id(update_key(kind, item_id)),
            "created_at": at,
            "updated_at": at,
            "display_at": at,
            "affected_components": changed,
            "deliver_notifications": True,
            "custom_tweet": None,
            "tweet_id": None,
            EXTENSION: {
                "status": update.status,
                "author": author_fields(context.state.authors.get(update.author), update.author, config),
                "url": f"{absolute(config, page_path)}#{update.anchor}",
                "body_html": section_html(update.body.html, update.body.technical_html, context.words),
                "next_update": _iso(update.next_update),
                "signature": context.signature(update),
            },
        })
    return objects[::-1]


def _component_list(context: Context, keys: Iterable[str]) -> list[JSON]:
    return [context.by_key[key] for key in keys if key in context.by_key]


def _names(context: Context) -> dict[str, str]:
    return {key: state.component.name for key, state in context.state.components.items()}


def incident_object(context: Context, state: IncidentState) -> JSON:
    incident = state.incident
    updates = list(incident.updates)
    page_path = incident.address.url
    affected = dict(state.affected)
    monitoring = [update.at for update in updates if update.status == "monitoring"]
    names = _names(context)
    transitions = [_change_objects(changes, names) for changes in state.course.changes]
    postmortem = incident.postmortem
    return {
        "id": short_id(update_key("incidents", incident.id)),
        "name": incident.title,
        "status": state.status,
        "created_at": iso_utc(updates[0].at),
        "updated_at": iso_utc(state.latest.at),
        "monitoring_at": _iso(monitoring[-1] if monitoring else None),
        "resolved_at": _iso(state.resolved_at),
        "impact": incident.impact,
        "shortlink": absolute(context.config, page_path),
        "started_at": iso_utc(incident.started),
        "page_id": context.page_id,
        "incident_updates": update_objects(context, "incidents", incident.id, page_path, updates, transitions,
                                           running_statuses(update.status for update in updates)),
        "components": _component_list(context, affected),
        EXTENSION: {
            "key": incident.id,
            "url": absolute(context.config, page_path),
            "next_update": _iso(state.eta),
            "cause": incident.cause or None,
            "signature": context.signature(incident),
            "promises": [promise_fields(promise) for promise in state.promises],
            "postmortem": None if postmortem is None else {
                "url": absolute(context.config, page_path) + "#postmortem",
                "author": author_fields(context.state.authors.get(postmortem.author), postmortem.author,
                                        context.config),
                "body_html": section_html(postmortem.body.html, postmortem.body.technical_html, context.words),
                "signature": context.signature(postmortem),
            },
        },
    }


def maintenance_object(context: Context, state: MaintenanceState) -> JSON:
    maintenance = state.maintenance
    updates = maintenance.updates
    page_path = maintenance.address.url
    affected = dict.fromkeys(maintenance.components, ComponentStatus.UNDER_MAINTENANCE)
    transitions = _transitions(updates, affected, lambda status: status in ACTIVE_MAINTENANCE,
                               _names(context))
    resolved = state.ended_at
    created = updates[0].at if updates else maintenance.scheduled_start
    return {
        "id": short_id(update_key("maintenance", maintenance.id)),
        "name": maintenance.title,
        "status": MAINTENANCE_STATUS.get(state.status, state.status),
        "created_at": iso_utc(created),
        "updated_at": iso_utc(updates[-1].at if updates else created),
        "monitoring_at": None,
        "resolved_at": _iso(resolved),
        "impact": "maintenance",
        "shortlink": absolute(context.config, page_path),
        "started_at": iso_utc(maintenance.scheduled_start),
        "page_id": context.page_id,
        "incident_updates": update_objects(context, "maintenance", maintenance.id, page_path, updates,
                                           transitions, [MAINTENANCE_STATUS.get(u.status, u.status) for u in updates]),
        "components": _component_list(context, maintenance.components),
        "scheduled_for": iso_utc(maintenance.scheduled_start),
        "scheduled_until": iso_utc(maintenance.scheduled_end),
        EXTENSION: {"key": maintenance.id, "status": state.status,
                    "url": absolute(context.config, page_path),
                    "signature": context.signature(maintenance)},
    }


def api_files(state: SiteState, words: Wording) -> dict[str, tuple[JSON, Blame]]:
    """Each file of api/v2/, and what it is made from: the incidents and maintenance it holds, or the
    components."""
    context = Context(state, words)
    site = state.site
    the_page = page(context)
    the_status = status(context)
    incidents = [incident_object(context, s) for s in state.incidents[:LIST_LIMIT]]
    unresolved = [incident_object(context, s) for s in state.open_incidents]
    by_start = sorted(state.maintenances, key=lambda m: (m.maintenance.scheduled_start, m.maintenance.id),
                      reverse=True)
    maintenances = [maintenance_object(context, m) for m in by_start[:LIST_LIMIT]]
    upcoming = [maintenance_object(context, m) for m in state.upcoming_maintenances]
    active = [maintenance_object(context, m) for m in state.active_maintenances]
    open_items = [s.incident for s in state.open_incidents]
    upcoming_items = [m.maintenance for m in state.upcoming_maintenances]
    active_items = [m.maintenance for m in state.active_maintenances]
    components = every_component(site, "it lists every component")
    return {
        "summary.json": ({"page": the_page, "components": context.components, "incidents": unresolved,
                          "scheduled_maintenances": active + upcoming, "status": the_status},
                         most_text(site, open_items, active_items, upcoming_items)),
        "status.json": ({"page": the_page, "status": the_status,
                         EXTENSION: {"next_change": _iso(state.next_change),
                                     "description": words.overall(state.overall)}},
                        site_settings(site, "", "shorten the site's title")),
        "components.json": ({"page": the_page, "components": context.components}, components),
        "incidents.json": ({"page": the_page, "incidents": incidents},
                           most_text(site, [s.incident for s in state.incidents[:LIST_LIMIT]])),
        "incidents/unresolved.json": ({"page": the_page, "incidents": unresolved}, most_text(site, open_items)),
        "scheduled-maintenances.json": ({"page": the_page, "scheduled_maintenances": maintenances},
                                        most_text(site, [m.maintenance for m in by_start[:LIST_LIMIT]])),
        "scheduled-maintenances/upcoming.json": ({"page": the_page, "scheduled_maintenances": upcoming},
                                                 most_text(site, upcoming_items)),
        "scheduled-maintenances/active.json": ({"page": the_page, "scheduled_maintenances": active},
                                               most_text(site, active_items)),
    }


def render_api(state: SiteState, theme: Theme) -> Output:
    for name, (data, made_from) in api_files(state, Wording(theme)).items():
        yield f"api/v2/{name}", json_bytes(data), made_from
