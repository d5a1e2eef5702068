"""Output families: each a pure function of the derived state (and the theme, for the files it makes).

The contract is explicit: a family lists the theme pages it wants (cheap: what to render, not rendered)
and makes its files (the costly part: feeds, the API), and it publishes under the top-level names that
`layout.PUBLISHED` gives it. The build and the dev server decide when to render and make what; the
free pages' reserved names come from the same declaration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..derive import SiteState
from ..layout import PUBLISHED
from ..theme import Page, Theme

Pages = Callable[[SiteState], Iterator[Page]]
Files = Callable[[SiteState, Theme], Iterator[tuple[str, bytes]]]


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    """Its key in layout.PUBLISHED, which says where in the output tree it may write."""
    pages: Pages | None = None
    files: Files | None = None

    @property
    def publishes(self) -> frozenset[str]:
        return PUBLISHED[self.name]
