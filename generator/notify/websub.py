"""WebSub: tell the hub which feeds changed, so readers that subscribed there hear at once.

A feed names its hub (`<link rel="hub">`) and itself (`rel="self"`) when
`websub_hub` is set (generator/outputs/feeds.py). A publisher's ping is a
form POST of `hub.mode=publish` and `hub.url=<feed>`; the hub then fetches the
feed and pushes it to its subscribers. One ping per feed: every hub accepts
that, not every hub accepts several URLs in one request.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from ..derive.state import SiteState
from ..outputs.common import Wording, absolute
from ..outputs.feeds import site_feeds
from .channels import post

PUSHED = (".xml", ".atom")
"""The formats that carry the hub link; JSON Feed's own hubs field is not used by readers."""


def changed_feeds(state: SiteState, words: Wording, new_ids: Iterable[str]) -> list[str]:
    """The address of every RSS and Atom feed that holds a new entry, in the build's order of feeds."""
    new = set(new_ids)
    urls = []
    for feed, extensions in site_feeds(state, words):
        if any(entry.id in new for entry in feed.entries):
            urls += [absolute(state.site.config, feed.path + extension) for extension in extensions
                     if extension in PUSHED]
    return urls


def ping(hub: str, feed_url: str, timeout: float) -> None:
    post(hub, urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode("ascii"),
         "application/x-www-form-urlencoded", timeout)
