"""What subscribers have already seen: the entries of a published `feed.json`, by id.

Diffing by id rather than by time is what makes a re-run send nothing: an
entry that is in the previous feed was announced when that feed went out.
A previous site that cannot be read is an error, never "everything is new":
the one failure that would flood every channel with the site's history.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from ..core.nesting import TooDeep, bounded

MAX_FEED_BYTES = 20 * 1024 * 1024
"""A feed of `feed_limit` = 100,000 entries is far below this; a bigger answer is not our feed."""
FETCH_TIMEOUT = 20.0
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
    """GET with a timeout and a size limit: a hung or huge answer must not hold the publish job."""
    request = urllib.request.Request(url, headers={"User-Agent": f"statusblog/{__version__} notify"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(MAX_FEED_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise NotifyError(f"cannot read {url}: HTTP {exc.code}",
                          "for the very first publish, when no site is live yet, pass --previous none") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise NotifyError(f"cannot read {url}: {reason}",
                          "nothing was sent; re-run when the live site answers") from exc
    if len(data) > MAX_FEED_BYTES:
        raise NotifyError(f"cannot read {url}: larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    return data


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
