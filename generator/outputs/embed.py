"""embed/ and components/<id>/embed/: a status card small enough for another site's iframe.

The cards are the only pages another site may frame (render/host_rules gives every other path
`frame-ancestors 'none'`), so they carry nothing a frame could abuse: no script, no form, and every link
opens the full page in a new tab rather than inside the host page's frame.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.addresses import component_embed_address, embed_address
from ..derive.state import SiteState
from ..render.theme import Page, page
from .origins import component, every_component


def embed_pages(state: SiteState) -> Iterator[Page]:
    yield page("embed.html", embed_address().page, every_component(state.site, "the card lists every component"),
               state=state, item=None)
    for held in state.components.values():
        yield page("embed.html", component_embed_address(held.component.id).page,
                   component(state.site, held.component), state=state, item=held)
