"""The kinds of channel notify sends to, one entry each: the bodies a message becomes, how they are sent,
and what `--dry-run` shows of them.

Adding a format is adding its name to core.model.NOTIFY_FORMATS (what site.toml may say, checked with every
other setting) and one Format here; plan, deliver and the dry run only look it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..outputs.api import Context
from ..outputs.common import json_bytes
from . import statuspage
from .channels import AppriseChannel, post_json, with_retries
from .messages import Message

Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One new entry as one channel gets it."""

    entry_id: str
    title: str
    html: str
    severity: str
    payloads: tuple[dict[str, Any], ...] = ()
    """The JSON bodies, for a format that POSTs them."""


Payloads = Callable[[Context, Message, Mapping[str, Any]], list[dict[str, Any]]]
Sender = Callable[[Outgoing, Sleep], None]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    payloads: Payloads | None
    """The JSON bodies a message becomes, or None: the message goes as a title and HTML, through Apprise."""
    connect: Callable[[str, float], Sender]
    """Opened once per run with the channel's URL and timeout (a URL it cannot use raises SendError)."""
    shown: Callable[[Outgoing], Iterator[str]]


def _apprise(url: str, timeout: float) -> Sender:
    service = AppriseChannel(url, timeout)

    def send(item: Outgoing, sleep: Sleep) -> None:
        with_retries(lambda: service.send(item.title, item.html, item.severity), sleep)

    return send


def _json(url: str, timeout: float) -> Sender:
    def send(item: Outgoing, sleep: Sleep) -> None:
        for payload in item.payloads:
            with_retries(lambda payload=payload: post_json(url, payload, timeout), sleep)

    return send


def _as_message(item: Outgoing) -> Iterator[str]:
    yield f"-- {item.title}\n{item.html.rstrip()}"


def _as_json(item: Outgoing) -> Iterator[str]:
    yield from (json_bytes(payload).decode("utf-8").rstrip("\n") for payload in item.payloads)


FORMATS: Mapping[str, Format] = MappingProxyType({
    "apprise": Format("apprise", None, _apprise, _as_message),
    "statuspage": Format("statuspage", statuspage.payloads, _json, _as_json),
})
"""Keyed by every name in NOTIFY_FORMATS (tests/test_notify.py holds the two to each other)."""
