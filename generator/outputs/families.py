"""Output families: each a pure function of the derived state (and the theme, for the files it makes).

The contract is explicit: a family lists the theme pages it wants (cheap: what to render, not rendered)
and makes its files (the costly part: feeds, the API), each page and file with what it is made from
(`origins`, which the build names when one is too large for a host), and it publishes under the top-level
names that `core.addresses.PUBLISHED` gives it. OUTPUTS is the table of every family: the build and the dev
server decide when to render and make what, and adding an output is adding a module here and a line to the
table.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from ..core.addresses import PUBLISHED
from ..derive.state import SiteState
from ..render.theme import Page, Theme
from .api import render_api
from .badges import render_badges
from .calendar import render_calendar
from .embed import embed_pages
from .feeds import render_feeds
from .hosting import render_hosting
from .html import html_pages
from .origins import File, static_file
from .proofs import render_proofs
from .subscribe import subscribe_pages
from .uptime_pages import uptime_files, uptime_pages

Pages = Callable[[SiteState], Iterator[Page]]
Files = Callable[[SiteState, Theme], Iterator[File]]


class OutputClash(Exception):
    """Two families wrote one file, or a family wrote outside the names it declares: a bug in a family."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.hint = "give each output family its own names in core/addresses.PUBLISHED, and write only under them"


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    """Its key in core.addresses.PUBLISHED, which says where in the output tree it may write."""
    pages: Pages | None = None
    files: Files | None = None

    @property
    def publishes(self) -> frozenset[str]:
        return PUBLISHED[self.name]


def static_files(_state: SiteState, theme: Theme) -> Iterator[File]:
    for path, data, source in theme.static_files():
        yield path, data, static_file(source)


OUTPUTS: tuple[Family, ...] = (
    Family("html", pages=html_pages),
    Family("static", files=static_files),
    Family("hosting", files=render_hosting),
    Family("subscribe", pages=subscribe_pages),
    Family("embed", pages=embed_pages),
    Family("uptime", pages=uptime_pages, files=uptime_files),
    Family("feeds", files=render_feeds),
    Family("calendar", files=render_calendar),
    Family("api", files=render_api),
    Family("badges", files=render_badges),
    Family("proofs", files=render_proofs),
)
"""Every output family but the sitemap, which lists what they wrote; small files first, costly ones last."""




def held_to_contract(claims: Iterable[tuple[str, str]], free_pages: Collection[str]) -> list[str]:
    """The paths the families wrote, once each, or OutputClash: no two families write one file (in a
    parallel build the last writer would win by timing), and each writes only under its declared names
    (the html family also under each free page's slug, which `check` keeps off every declared name)."""
    owner: dict[str, str] = {}
    for family, path in claims:
        top = path.partition("/")[0]
        if top not in PUBLISHED[family] and not (family == "html" and top in free_pages):
            raise OutputClash(path, f"the '{family}' output family wrote {path}, outside the names it declares; "
                                    "nothing was published")
        if path in owner:
            first, second = sorted((owner[path], family))
            raise OutputClash(path, f"two output families write {path}: '{first}' and '{second}'; nothing was "
                                    "published")
        owner[path] = family
    return list(owner)
