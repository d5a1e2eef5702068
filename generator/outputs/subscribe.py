"""subscribe/: one page that explains every channel a customer can follow.

The slug is reserved for it (a `pages/subscribe.md` is refused by `check`),
so the nav link on every page always leads here.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from ..core.addresses import component_embed_address, embed_address
from ..derive.state import SiteState
from ..render.theme import Page, page
from .origins import every_component


def webcal(url: str) -> str:
    """The same address in the scheme that makes a calendar app offer to subscribe."""
    return urlunsplit(("webcal", *urlsplit(url)[1:]))


def subscribe_pages(state: SiteState) -> Iterator[Page]:
    yield page("subscribe.html", "subscribe/index.html",
               every_component(state.site, "the page lists every component's feeds and card"), state=state,
               webcal=webcal(state.site.config.base_url + "maintenance.ics"), card=embed_address(),
               cards={key: component_embed_address(key) for key in state.components})
