"""Sending: Apprise for the chat and mail services, a plain POST for Statuspage's body and WebSub.

Every attempt has a timeout, and a failed one is tried again after a pause
that doubles (ATTEMPTS in all), so a service that hiccups still gets the
update and one that is down costs the publish job seconds, not minutes. A
channel's URL is its secret: it is never printed, and text that comes back
from a library is stripped of it (and of each of its longer parts) first.
"""

from __future__ import annotations

import html
import json
import logging
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .. import __version__

ATTEMPTS = 3
BACKOFF = 1.0
"""Seconds before the second attempt; the pause doubles after each failure."""
_URL_PARTS = re.compile(r"[/?&=:@#.,;+]+")
_TAG_OR_AT = re.compile(r"(<[^<>]*+>)|@")
QUIET = "\u200b"
"""A zero-width space after each '@' of the text: `@everyone`, `@here`, `@channel`, `@room` and `<@id>`
still read the same, but no service (nor Apprise's own mention detection) sees a mention in them."""
ADDRESSES_ONLY = frozenset({"mailto", "mailtos"})
"""Services where '@' is only ever part of an address, which must stay as written; every other can ping."""
PASSED_THROUGH = frozenset({"json", "jsons", "form", "forms", "xml", "xmls"})
"""Generic webhooks: they carry the message in the format it was given (HTML), and the title beside it."""


class SendError(Exception):
    """One attempt failed; the message says why, without the channel's URL."""


def redact(text: str, secret: str) -> str:
    """`text` without the secret URL or any part of it long enough to be a token or a password."""
    if not secret:
        return text
    parts = sorted((part for part in _URL_PARTS.split(secret) if len(part) >= 6), key=len, reverse=True)
    for part in [secret, *parts]:
        text = text.replace(part, "***")
    return text


def with_retries(attempt: Callable[[], None], sleep: Callable[[float], None] = time.sleep) -> int:
    """Run `attempt` until it succeeds or ATTEMPTS have failed; the number of attempts it took."""
    delay = BACKOFF
    for number in range(1, ATTEMPTS + 1):
        try:
            attempt()
            return number
        except SendError:
            if number == ATTEMPTS:
                raise
            sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def post(url: str, body: bytes, content_type: str, timeout: float) -> None:
    """One POST; any answer but 2xx is a failure (a redirect too, as Statuspage's subscribers expect)."""
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": content_type, "User-Agent": f"statusblog/{__version__} notify"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read(65536)
            status = response.status
    except urllib.error.HTTPError as exc:
        raise SendError(f"HTTP {exc.code}") from exc
    except TimeoutError as exc:
        raise SendError(f"no answer within {timeout:g} s") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise SendError(f"no answer within {timeout:g} s") from exc
        raise SendError(redact(str(reason), url)) from exc
    if not 200 <= status < 300:
        raise SendError(f"HTTP {status}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def post_json(url: str, payload: Any, timeout: float) -> None:
    post(url, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json", timeout)


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def _apprise_log() -> Iterator[_Collected]:
    """Apprise's warnings, kept for the error line instead of printed (they may quote a URL)."""
    logger = logging.getLogger("apprise")
    collected = _Collected()
    propagate = logger.propagate
    logger.addHandler(collected)
    logger.propagate = False
    try:
        yield collected
    finally:
        logger.removeHandler(collected)
        logger.propagate = propagate


def quiet_mentions(html_text: str) -> str:
    """The HTML with every '@' of its text made inert (QUIET); tags, and so a mailto link's address, are kept."""
    return _TAG_OR_AT.sub(lambda found: found.group(1) or "@" + QUIET, html_text)


def _names(protocols: set[Any]) -> set[str]:
    """An Apprise plugin's protocol names: each attribute is None, one name, or a tuple of names."""
    names: set[str] = set()
    for protocol in protocols:
        names.update((protocol,) if isinstance(protocol, str) else protocol or ())
    return names


@dataclass(frozen=True, slots=True)
class Markup:
    """How one service reads what Apprise hands it: the title as HTML or as its own text, and whether '@' pings.

    Apprise converts the body from HTML to each service's format, and the title too where the service
    shows it inside the body (Telegram, Mattermost); a generic webhook passes both on as given. There the
    title is HTML like the body, so a title that contains markup is shown, never followed. Elsewhere the
    service places the plain title in a field of its own, escaped by Apprise for that service.
    """

    title_as_html: bool
    mentions: bool

    def prepared(self, title: str, body_html: str) -> tuple[str, str]:
        if self.title_as_html:
            title = html.escape(title, quote=False)
        if self.mentions:
            title, body_html = quiet_mentions(title), quiet_mentions(body_html)
        return title, body_html


class AppriseChannel:
    """One Apprise service, made once so its own rate limit spaces the messages of a run."""

    def __init__(self, url: str, timeout: float) -> None:
        import apprise  # only notify needs it: builds stay as fast to start as before

        self.url = url
        asset = apprise.AppriseAsset(storage_mode=apprise.PersistentStoreMode.MEMORY)
        with _apprise_log() as log:  # Apprise logs a URL it cannot read, secret and all
            plugin = apprise.Apprise.instantiate(url, asset=asset)
        if plugin is None:
            said = f" ({redact(log.lines[-1], url)})" if log.lines else ""
            raise SendError(f"Apprise cannot read the URL{said}: check its scheme and parts against docs/notify.md")
        if len(plugin) > 1:
            raise SendError(f"the URL names {len(plugin)} targets, and a failure at one would send the others "
                            "the same message again: give each target its own [[notify]] channel")
        plugin.socket_connect_timeout = timeout
        plugin.socket_read_timeout = timeout
        protocols = {plugin.protocol, plugin.secure_protocol}
        self.markup = Markup(
            title_as_html=plugin.title_maxlen <= 0 or bool(_names(protocols) & PASSED_THROUGH),
            mentions=not _names(protocols) & ADDRESSES_ONLY)
        self.apprise = apprise.Apprise(asset=asset)
        self.apprise.add(plugin)
        self.html = apprise.NotifyFormat.HTML

    def send(self, title: str, body_html: str, severity: str) -> None:
        """`severity` is Apprise's notify type: "info", "success", "warning" or "failure"."""
        title, body_html = self.markup.prepared(title, body_html)
        with _apprise_log() as log:
            delivered = self.apprise.notify(body=body_html, title=title, body_format=self.html, notify_type=severity)
        if not delivered:
            reason = log.lines[-1] if log.lines else "the service did not accept it"
            raise SendError(redact(reason, self.url))
