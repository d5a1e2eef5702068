"""Alert webhook bodies -> the alerts they carry, whichever tool sent them.

`statusblog alert` takes what a team's monitoring already sends: an
Alertmanager webhook (version 4), a Grafana alerting webhook, or an Uptime
Kuma webhook. Each is told apart by the keys only it has, read strictly (a
body that is none of them, or holds a value of the wrong type, is an error
naming the field), and becomes the same neutral `Notification`, so the
mapping to draft incidents (`drafts`) does not know which tool spoke.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

MAX_BYTES = 4 * 1024 * 1024
"""Far above any real body (Alertmanager truncates to max_alerts); refused above it instead of parsed."""
FINGERPRINT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
"""What a fingerprint may be to be recorded in front matter: Alertmanager's and Grafana's are 16 hex digits."""
_FRACTION = re.compile(r"(\.\d{6})\d+")
NEVER = "0001-01-01T00:00:00Z"
"""Go's zero time: what Alertmanager and Grafana send as `endsAt` of an alert still firing."""


class PayloadError(Exception):
    """The body is not one statusblog reads; the message says which field, and what was expected."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert of a notification, as every tool's body is read."""

    fingerprint: str
    firing: bool
    """True while it fires; False once the tool says it cleared (resolved, or up again)."""
    labels: Mapping[str, str]
    annotations: Mapping[str, str]
    starts_at: datetime | None
    ends_at: datetime | None

    @property
    def name(self) -> str:
        """How a person calls it in a message: its alert name, or its monitor's."""
        return self.labels.get("alertname") or self.labels.get("monitor") or self.fingerprint


@dataclass(frozen=True, slots=True)
class Notification:
    source: str
    """The tool, as people name it: 'Alertmanager', 'Grafana', 'Uptime Kuma'."""
    group: str
    """The alert group (Alertmanager's and Grafana's groupKey; Uptime Kuma's monitor): later alerts of one
    group join the incident its first opened."""
    alerts: tuple[Alert, ...]

    @property
    def branch(self) -> str:
        """The git branch the declare workflow drafts this group's incident on: one per group, so a second
        alert of the group goes to the pull request the first opened. A hash, so no group key (which holds
        quotes, braces and spaces) is ever part of a ref or a command line."""
        return "statusblog/alert-" + hashlib.sha256(self.group.encode()).hexdigest()[:16]


KINDS = {str: "text", list: "a list", int: "a whole number"}


def _field(body: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = body.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise PayloadError(f"{where}'{key}' must be {KINDS[kind]}, not {json.dumps(value)[:60]}")
    return value


def _text_map(body: Mapping[str, Any], key: str, where: str) -> dict[str, str]:
    value = body.get(key) or {}
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise PayloadError(f"{where}'{key}' must be an object of text values")
    return dict(value)


def _time(value: Any, where: str) -> datetime | None:
    """An RFC 3339 time as Go writes it (nanoseconds, 'Z'); Go's zero time and '' are no time."""
    if value in (None, "", NEVER):
        return None
    if not isinstance(value, str):
        raise PayloadError(f"{where} must be an RFC 3339 time, not {json.dumps(value)[:60]}")
    try:
        parsed = datetime.fromisoformat(_FRACTION.sub(r"\1", value.replace("Z", "+00:00")))
    except ValueError as exc:
        raise PayloadError(f"{where} {value!r} is not an RFC 3339 time") from exc
    if parsed.year < 1970:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _fingerprint(alert: Mapping[str, Any], labels: Mapping[str, str], where: str) -> str:
    """The tool's own fingerprint; for a body without one, a hash of the labels (as the tools derive theirs)."""
    given = alert.get("fingerprint")
    if given in (None, ""):
        return hashlib.sha256(json.dumps(sorted(labels.items())).encode()).hexdigest()[:16]
    if not isinstance(given, str) or not FINGERPRINT.match(given):
        raise PayloadError(f"{where}'fingerprint' {json.dumps(given)[:60]} is not a fingerprint "
                           "(letters, digits, '.', '-' and '_')")
    return given


def _grouped(body: Mapping[str, Any], source: str) -> Notification:
    """Alertmanager's body, and Grafana's (which is Alertmanager's with a few keys more)."""
    group = _field(body, "groupKey", str, "")
    alerts = []
    for index, alert in enumerate(_field(body, "alerts", list, "")):
        where = f"alerts[{index}]."
        if not isinstance(alert, dict):
            raise PayloadError(f"alerts[{index}] must be an object")
        status = _field(alert, "status", str, where)
        if status not in ("firing", "resolved"):
            raise PayloadError(f"{where}status '{status}' is not firing or resolved")
        labels = _text_map(alert, "labels", where)
        alerts.append(Alert(_fingerprint(alert, labels, where), status == "firing", labels,
                            _text_map(alert, "annotations", where), _time(alert.get("startsAt"), where + "startsAt"),
                            _time(alert.get("endsAt"), where + "endsAt")))
    if not alerts:
        raise PayloadError("'alerts' is empty: the body carries no alert")
    return Notification(source, group, tuple(alerts))


def _alertmanager(body: Mapping[str, Any]) -> Notification:
    version = body.get("version")
    if version != "4":
        raise PayloadError(f"an Alertmanager webhook of version {json.dumps(version)}; statusblog reads version 4 "
                           "(Alertmanager 0.x has sent it since 2016)")
    return _grouped(body, "Alertmanager")


def _grafana(body: Mapping[str, Any]) -> Notification:
    return _grouped(body, "Grafana")


KUMA_STATES = {0: True, 1: False}
"""Uptime Kuma's heartbeat status: 0 down (the alert fires), 1 up (it cleared); 2 pending and 3 maintenance
are not an outage's start or end."""


def _uptime_kuma(body: Mapping[str, Any]) -> Notification:
    heartbeat, monitor = body.get("heartbeat"), body.get("monitor")
    if heartbeat is None or monitor is None:
        raise PayloadError("an Uptime Kuma test notification (no monitor and no heartbeat): nothing to declare")
    if not isinstance(heartbeat, dict) or not isinstance(monitor, dict):
        raise PayloadError("'heartbeat' and 'monitor' must be objects")
    status = heartbeat.get("status")
    if status not in KUMA_STATES or isinstance(status, bool):
        raise PayloadError(f"heartbeat.status {json.dumps(status)} is neither 0 (down) nor 1 (up): "
                           "nothing to declare or clear")
    monitor_id = _field(monitor, "id", int, "monitor.")
    name = _field(monitor, "name", str, "monitor.")
    labels = {"monitor": name, "monitor_id": str(monitor_id)}
    for key in ("url", "hostname", "type"):
        if isinstance(monitor.get(key), str) and monitor[key]:
            labels[key] = monitor[key]
    firing = KUMA_STATES[status]
    annotations = {"summary": f"{name} is {'down' if firing else 'up'}", "message": _field(body, "msg", str, "")}
    if isinstance(heartbeat.get("msg"), str) and heartbeat["msg"]:
        annotations["description"] = heartbeat["msg"]
    at = heartbeat.get("time")
    # Uptime Kuma writes its heartbeat times in UTC, as 'YYYY-MM-DD HH:MM:SS.mmm'.
    when = _time(at.replace(" ", "T") if isinstance(at, str) else at, "heartbeat.time")
    fingerprint = f"uptime-kuma-{monitor_id}"
    alert = Alert(fingerprint, firing, labels, annotations, when if firing else None, None if firing else when)
    return Notification("Uptime Kuma", fingerprint, (alert,))


@dataclass(frozen=True, slots=True)
class Format:
    """One tool's body: how it is told apart from the others, and how it is read."""

    name: str
    recognise: Callable[[Mapping[str, Any]], bool]
    read: Callable[[Mapping[str, Any]], Notification]


FORMATS = (
    Format("Uptime Kuma", lambda body: {"heartbeat", "monitor", "msg"} <= body.keys(), _uptime_kuma),
    Format("Grafana", lambda body: {"orgId", "alerts", "groupKey"} <= body.keys(), _grafana),
    Format("Alertmanager", lambda body: {"version", "alerts", "groupKey"} <= body.keys(), _alertmanager),
)
"""Grafana's body is Alertmanager's with `orgId` and a few keys more, so it is asked first."""


def read_payload(data: bytes) -> Notification:
    """The notification a webhook body carries; PayloadError (with the line, for JSON) when it is none."""
    if len(data) > MAX_BYTES:
        raise PayloadError(f"the body is {len(data):,} bytes; no alert webhook is larger than {MAX_BYTES:,}")
    try:
        body = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PayloadError(f"byte {exc.start} is not UTF-8; a webhook body is JSON in UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise PayloadError(f"not JSON: {exc.msg} (column {exc.colno})", exc.lineno) from exc
    except RecursionError as exc:
        raise PayloadError("JSON nested too deep for an alert webhook") from exc
    if not isinstance(body, dict):
        raise PayloadError("the body must be a JSON object")
    for form in FORMATS:
        if form.recognise(body):
            return form.read(body)
    raise PayloadError("not an Alertmanager (version 4), Grafana or Uptime Kuma webhook body: it has none of "
                       "their keys (groupKey and alerts; heartbeat, monitor and msg)")
