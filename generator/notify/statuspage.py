"""`format = "statuspage"`: the bodies Statuspage POSTs to its webhook subscribers.

Integrations that already parse Statuspage's webhooks (Zulip's, the
statuspage-to-chat bridges) then work unchanged. Statuspage sends one body
per incident update, `{"meta", "page", "incident"}` with the incident and its
updates newest first, and one per component whose status changed,
`{"meta", "page", "component_update", "component"}`. The incident and
component objects are the API's own (generator/outputs/api.py), so the
webhook and `api/v2/` never disagree.

Each body is as of its own update: the site is derived again at the time
the update was published, so when one publish carries two updates, the
first body says what the first update said (its status, its text as
`incident_updates[0]`, the page's indicator then) and the second what the
second said. A chat integration that posts `incident_updates[0].body` then
posts each update once, in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..core.times import iso_utc
from ..derive.state import IncidentState, MaintenanceState, derive
from ..outputs.api import EXTENSION, Context, incident_object, maintenance_object
from ..outputs.common import absolute, short_id
from .messages import Message

JSON = dict[str, Any]
COMPONENT_FIELDS = ("status", "name", "created_at", "updated_at", "position", "description", "showcase", "id",
                    "page_id", "group_id")
"""The component as Statuspage's webhooks carry it: the API's object without the group-only fields."""


def _signed(item: JSON, signatures: Mapping[str, JSON | None]) -> JSON:
    """Each update's proof as the build published it in feed.json (notify does not verify signatures again),
    and the fields Statuspage's webhook updates carry beyond the API's."""
    for update in item["incident_updates"]:
        update[EXTENSION]["signature"] = signatures.get(update[EXTENSION]["url"])
        update.update(wants_twitter_update=False, twitter_updated_at=None)
    return item


def as_of(context: Context, at: datetime) -> Context:
    """The same site derived at the moment an entry was published: what a webhook sent then would have said."""
    state = context.state
    return Context(derive(state.site, at, state.bylines), context.words)


def _item_then(context: Context, message: Message) -> IncidentState | MaintenanceState:
    """The message's incident or maintenance in a context derived at the entry's time."""
    if isinstance(message.item, IncidentState):
        key = message.item.incident.source
        return next(s for s in context.state.incidents if s.incident.source == key)
    key = message.item.maintenance.source
    return next(s for s in context.state.maintenances if s.maintenance.source == key)


def _webhook_fields(item: IncidentState | MaintenanceState) -> JSON:
    """What Statuspage's webhook incident carries beyond the public API's: postmortem and scheduling fields."""
    scheduled = isinstance(item, MaintenanceState)
    postmortem = None if scheduled else item.incident.postmortem
    published = None
    if postmortem is not None and isinstance(item, IncidentState):
        published = iso_utc(postmortem.at or item.latest.at)
    return {
        "backfilled": False,
        "impact_override": None,
        "postmortem_body": postmortem.body.text if postmortem is not None else None,
        "postmortem_body_last_updated_at": published,
        "postmortem_ignored": False,
        "postmortem_notified_subscribers": postmortem is not None,
        "postmortem_notified_twitter": False,
        "postmortem_published_at": published,
        "scheduled_auto_completed": scheduled,
        "scheduled_auto_in_progress": scheduled,
        "scheduled_remind_prior": False,
        "scheduled_reminded_at": None,
        **({} if scheduled else {"scheduled_for": None, "scheduled_until": None}),
    }


def payloads(context: Context, message: Message, signatures: Mapping[str, JSON | None]) -> list[JSON]:
    """The incident body, then one component body per status the update changed, all as of the entry's time."""
    at = message.entry.published
    then = as_of(context, at)
    subscribe = absolute(then.config, "subscribe/")
    meta = {"unsubscribe": subscribe, "documentation": subscribe, "generated_at": iso_utc(at)}
    overall = then.state.overall
    page = {"id": then.page_id, "status_indicator": overall.indicator,
            "status_description": then.words.indicator_description(overall)}
    state = _item_then(then, message)
    item = incident_object(then, state) if isinstance(state, IncidentState) else maintenance_object(then, state)
    item.update(_webhook_fields(state))
    bodies = [{"meta": meta, "page": page, "incident": _signed(item, signatures)}]
    update = next((u for u in item["incident_updates"] if u[EXTENSION]["url"] == message.entry.url), None)
    for change in (update or {}).get("affected_components") or []:
        key = next((key for key, component in then.by_key.items() if component["id"] == change["code"]), None)
        if key is None:
            continue
        component = then.by_key[key]
        bodies.append({
            "meta": meta,
            "page": page,
            "component_update": {
                "created_at": update["created_at"],
                "new_status": change["new_status"],
                "old_status": change["old_status"],
                "component_type": "Component",
                "id": short_id(f"{update['id']}/{key}"),
                "component_id": change["code"],
            },
            "component": {field: component[field] for field in COMPONENT_FIELDS},
        })
    return bodies
