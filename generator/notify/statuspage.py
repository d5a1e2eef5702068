"""`format = "statuspage"`: the bodies Statuspage POSTs to its webhook subscribers.

Integrations that already parse Statuspage's webhooks (Zulip's, the
statuspage-to-chat bridges) then work unchanged. Statuspage sends one body
per incident update, `{"meta", "page", "incident"}` with the incident and all
its updates newest first, and one per component whose status changed,
`{"meta", "page", "component_update", "component"}`. The incident and
component objects are the API's own (generator/outputs/api.py), so the
webhook and `api/v2/` never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..derive.state import IncidentState
from ..outputs.api import EXTENSION, Context, incident_object, maintenance_object
from ..outputs.common import absolute, short_id
from .messages import Message

JSON = dict[str, Any]


def _signed(item: JSON, signatures: Mapping[str, JSON | None]) -> JSON:
    """Each update's proof as the build published it in feed.json: notify does not verify signatures again."""
    for update in item["incident_updates"]:
        update[EXTENSION]["signature"] = signatures.get(update[EXTENSION]["url"])
    return item


def payloads(context: Context, message: Message, signatures: Mapping[str, JSON | None]) -> list[JSON]:
    """The incident body, then one component body per status the update changed."""
    state = context.state
    config = context.config
    subscribe = absolute(config, "subscribe/")
    meta = {"unsubscribe": subscribe, "documentation": subscribe}
    indicator = state.overall.indicator
    page = {"id": context.page_id, "status_indicator": indicator,
            "status_description": context.words.indicator_descriptions[indicator]}
    item = (incident_object(context, message.item) if isinstance(message.item, IncidentState)
            else maintenance_object(context, message.item))
    bodies = [{"meta": meta, "page": page, "incident": _signed(item, signatures)}]
    update = next((u for u in item["incident_updates"] if u[EXTENSION]["url"] == message.entry.url), None)
    for change in (update or {}).get("affected_components") or []:
        key = next((key for key, component in context.by_key.items() if component["id"] == change["code"]), None)
        if key is None:
            continue
        component = context.by_key[key]
        bodies.append({
            "meta": meta,
            "page": page,
            "component_update": {
                "created_at": update["created_at"],
                "new_status": change["new_status"],
                "old_status": change["old_status"],
                "id": short_id(f"{update['id']}/{key}"),
                "component_id": change["code"],
            },
            "component": {"created_at": component["created_at"], "id": component["id"], "name": component["name"],
                          "status": change["new_status"]},
        })
    return bodies

