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

A notice of a maintenance window's schedule (a reminder, "started",
"completed") is sent as Statuspage sends its automatic transitions: the
maintenance as of the notice's time, with the notice as its newest update
(no author, `statusblog.notice` naming it), and one component body per
component the window takes or gives back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..core.times import iso_utc
from ..derive.state import IncidentState, MaintenanceState, Notice, derive, notices_made
from ..outputs.api import EXTENSION, Context, component_id, incident_object, maintenance_object
from ..outputs.common import absolute, short_id, update_key
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


def _webhook_fields(item: IncidentState | MaintenanceState, at: datetime) -> JSON:
    """What Statuspage's webhook incident carries beyond the public API's: postmortem and scheduling fields.

    A maintenance is reminded of a day before it opens (its reminder, once the schedule has made it by `at`).
    """
    scheduled = isinstance(item, MaintenanceState)
    postmortem = None if scheduled else item.incident.postmortem
    published = None
    if postmortem is not None and isinstance(item, IncidentState):
        published = iso_utc(postmortem.at or item.latest.at)
    reminded = None
    if isinstance(item, MaintenanceState):
        made = notices_made(item.maintenance, at)
        reminded = next((iso_utc(notice.at) for notice in made if notice.kind == "reminder"), None)
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
        "scheduled_remind_prior": scheduled,
        "scheduled_reminded_at": reminded,
        **({} if scheduled else {"scheduled_for": None, "scheduled_until": None}),
    }


HELD = {"started": ("operational", "under_maintenance"), "completed": ("under_maintenance", "operational")}
"""What a window's opening and closing do to its components, as a written update's transitions say it."""


def _notice_update(context: Context, state: MaintenanceState, message: Message, notice: Notice) -> JSON:
    """A schedule's notice as one of the maintenance's incident_updates: the shape of a written one, with no
    author, no signature, and the notice's own text."""
    maintenance = state.maintenance
    words = context.words
    at = iso_utc(notice.at)
    held = HELD.get(notice.kind)
    names = {key: component.component.name for key, component in context.state.components.items()}
    changed = [{"code": component_id(key), "name": names.get(key, key), "old_status": held[0], "new_status": held[1]}
               for key in maintenance.components] if held else None
    text = words.notice_text(notice, maintenance.scheduled_start, maintenance.scheduled_end)
    return {
        "id": short_id(update_key("maintenance", maintenance.id, notice)),
        "status": notice.status,
        "body": f"{text}\n\n{words.unsigned()}",
        "incident_id": short_id(update_key("maintenance", maintenance.id)),
        "created_at": at,
        "updated_at": at,
        "display_at": at,
        "affected_components": changed or None,
        "deliver_notifications": True,
        "custom_tweet": None,
        "tweet_id": None,
        "wants_twitter_update": False,
        "twitter_updated_at": None,
        EXTENSION: {"status": notice.status, "notice": notice.kind, "author": None, "url": message.entry.url,
                    "body_html": message.entry.html, "next_update": None, "signature": None},
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
    item.update(_webhook_fields(state, at))
    item = _signed(item, signatures)
    notice = message.entry.notice
    if notice is not None and isinstance(state, MaintenanceState):
        update = _notice_update(then, state, message, notice)
        item["incident_updates"].insert(0, update)
    else:
        update = next((u for u in item["incident_updates"] if u[EXTENSION]["url"] == message.entry.url), None)
    bodies = [{"meta": meta, "page": page, "incident": item}]
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
