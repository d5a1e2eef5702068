"""What subscribers have already seen: the entries of a published `feed.json`, by id.

Diffing by id rather than by time is what makes a re-run send nothing: an
entry that is in the previous feed was announced when that feed went out.
A previous site that cannot be read is an error, never "everything is new":
the one failure that would flood every channel with the site's history.
"""

from __future__ import annotations

import json
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from .. import __version__
from ..core.nesting import TooDeep, bounded

MAX_FEED_BYTES = 20 * 1024 * 1024
"""A feed of `feed_limit` = 100,000 entries is far below this; a bigger answer is not our feed."""
FETCH_TIMEOUT = 20.0
"""Seconds for the whole answer, redirects included, however slowly it arrives."""
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
NO_PREVIOUS = "none"
"""`--previous none`: the first publish, when there is no site yet to compare with."""


class NotifyError(Exception):
    """A reason `notify` cannot decide what is new; one line, and a hint."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class FeedItem:
    id: str
    url: str
    published: datetime
    signature: dict[str, Any] | None
    """`_statusblog.signature`: the byline's proof as the build published it, or None."""


@dataclass(frozen=True, slots=True)
class PublishedFeed:
    where: str
    home_page_url: str
    items: tuple[FeedItem, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(item.id for item in self.items)

    @property
    def signatures(self) -> dict[str, dict[str, Any] | None]:
        """Each entry's published proof of its byline, by the entry's link."""
        return {item.url: item.signature for item in self.items}


def parse_feed(data: bytes, where: str) -> PublishedFeed:
    """A JSON Feed as statusblog writes it; anything else is refused, not read as empty."""
    hint = "give the output directory or base URL of a statusblog site"
    try:
        feed = bounded(json.loads, data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotifyError(f"{where} is not JSON ({exc})", hint) from exc
    except TooDeep as exc:
        raise NotifyError(f"{where} is not a feed statusblog wrote: it is {exc}", hint) from None
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        raise NotifyError(f"{where} is not a JSON Feed: it has no list of items", hint)
    items = []
    for item in feed["items"]:
        try:
            extension = item.get("_statusblog") or {}
            items.append(FeedItem(str(item["id"]), str(item.get("url", "")),
                                  datetime.fromisoformat(item["date_published"]),
                                  extension.get("signature")))
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise NotifyError(f"{where} has an item without a valid id and date_published", hint) from exc
    return PublishedFeed(where, str(feed.get("home_page_url", "")), tuple(items))


def read_output(out: Path) -> PublishedFeed:
    path = out / "feed.json"
    try:
        return parse_feed(path.read_bytes(), str(path))
    except OSError as exc:
        raise NotifyError(f"cannot read {path}: {exc.strerror or exc}",
                          "give --new the directory that `statusblog build --out` wrote") from exc


def fetch(url: str) -> bytes:
    """GET with one deadline for the whole answer and a size limit: a hung, trickling or huge answer must not
    hold the publish job. A redirect is followed only on the same host: what another host serves is not the
    feed subscribers saw."""
    seconds = FETCH_TIMEOUT
    deadline = time.monotonic() + seconds
    for _ in range(MAX_REDIRECTS + 1):
        status, location, data = _get(url, deadline, seconds)
        if status in REDIRECTS and location:
            target = urljoin(url, location)
            if urlsplit(target).scheme not in ("http", "https") or \
                    urlsplit(target).hostname != urlsplit(url).hostname:
                raise NotifyError(f"cannot read {url}: it redirects to another host ({urlsplit(target).hostname})",
                                  "give --previous the address the live site answers at itself")
            url = target
            continue
        if not 200 <= status < 300:
            hint = ("for the very first publish, when no site is live yet, pass --previous none"
                    if status in (404, 410) else "nothing was sent; re-run when the live site answers")
            raise NotifyError(f"cannot read {url}: HTTP {status}", hint)
        if len(data) > MAX_FEED_BYTES:
            raise NotifyError(f"cannot read {url}: larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
        return data
    raise NotifyError(f"cannot read {url}: more than {MAX_REDIRECTS} redirects")


def _get(url: str, deadline: float, seconds: float) -> tuple[int, str, bytes]:
    """One request, given until the deadline: a peer that sends a byte now and then is left behind then.

    A socket's timeout holds for each read, never for the whole answer, so the request runs in a thread of
    its own that is waited for until the deadline, and abandoned (it ends with the process) if it is late.
    """
    answers: list[tuple[int, str, bytes] | NotifyError] = []
    worker = threading.Thread(target=lambda: answers.append(_request(url, seconds)), daemon=True)
    worker.start()
    worker.join(max(deadline - time.monotonic(), 0.0))
    if not answers:
        raise NotifyError(f"cannot read {url}: no complete answer within {seconds:g} s",
                          "nothing was sent; re-run when the live site answers")
    answer = answers[0]
    if isinstance(answer, NotifyError):
        raise answer
    return answer


def _request(url: str, seconds: float) -> tuple[int, str, bytes] | NotifyError:
    """The status, Location and body of a GET, or the error that says why there are none."""
    parts = urlsplit(url)
    try:
        connection = (HTTPSConnection(parts.hostname or "", parts.port, timeout=seconds,
                                      context=ssl.create_default_context())
                      if parts.scheme == "https" else HTTPConnection(parts.hostname or "", parts.port, timeout=seconds))
    except ValueError as exc:  # a port that is not a number
        return NotifyError(f"cannot read {url}: {exc}", "give --previous the live site's base URL")
    try:
        connection.request("GET", urlunsplit(("", "", parts.path or "/", parts.query, "")),
                           headers={"User-Agent": f"statusblog/{__version__} notify"})
        response = connection.getresponse()
        return response.status, response.getheader("Location", ""), response.read(MAX_FEED_BYTES + 1)
    except (OSError, HTTPException) as exc:
        reason = f"no answer within {seconds:g} s" if isinstance(exc, TimeoutError) \
            else str(getattr(exc, "strerror", None) or exc or type(exc).__name__)
        return NotifyError(f"cannot read {url}: {reason}", "nothing was sent; re-run when the live site answers")
    finally:
        connection.close()


def read_previous(previous: str) -> PublishedFeed | None:
    """An output directory, the live site's base URL (its feed.json is fetched), or `none`."""
    if previous == NO_PREVIOUS:
        return None
    if urlsplit(previous).scheme in ("http", "https"):
        url = previous if previous.endswith("feed.json") else previous.rstrip("/") + "/feed.json"
        return parse_feed(fetch(url), url)
    path = Path(previous)
    if path.is_dir():
        path = path / "feed.json"
    try:
        return parse_feed(path.read_bytes(), str(path))
    except OSError as exc:
        raise NotifyError(f"cannot read {path}: {exc.strerror or exc}",
                          "give --previous the snapshot of the live site's feed.json, its base URL, or "
                          "'none' for the very first publish") from exc


def new_entries(out: PublishedFeed, previous: PublishedFeed, limit: int) -> tuple[list[str], list[str]]:
    """Ids in `out` that `previous` lacks, oldest first; and those left out because they fell off its end.

    A feed holds the newest `limit` entries. When the previous feed was full,
    an entry older than its oldest may simply have been cut off, not be new:
    deleting one incident would otherwise announce the one behind it again.
    """
    if out.home_page_url != previous.home_page_url:
        raise NotifyError(f"{previous.where} is another site ({previous.home_page_url or 'no home_page_url'}, "
                          f"not {out.home_page_url}); every entry would look new",
                          "if base_url changed on purpose, pass --previous none once")
    known = previous.ids
    oldest = min((item.published for item in previous.items), default=None)
    full = len(previous.items) >= limit
    new, cut = [], []
    for item in reversed(out.items):  # the feed's own total order, newest first
        if item.id in known:
            continue
        (cut if full and oldest is not None and item.published < oldest else new).append(item.id)
    return new, cut
