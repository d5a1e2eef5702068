"""The pipeline after reading: check -> prove -> derive at "now" -> the outputs, in memory.

Each step only reads what the step before produced. `check`, `build`, the
authoring commands, notify and the dev server all come through `evaluate`;
writing files, processes and the output folder are the build's
(generator/build), so nothing that previews or edits a site imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from ..core.heap import collector_paused
from ..core.model import Site
from ..core.problems import Problem, Problems
from ..derive.checks import check_at_now, check_model
from ..derive.state import SiteState, derive
from ..outputs.families import OUTPUTS
from ..outputs.sitemap import render_sitemap
from ..proof.bylines import NO_BYLINES, SignatureOptions
from ..render.theme import Page, Theme, load_theme
from ..source.cached_parse import parse_entries
from ..source.loader import load_site


def outputs(state: SiteState, theme: Theme) -> Iterator[tuple[str, Page | bytes]]:
    """Every page (to be rendered by whoever needs it), then every family's files: the dev server makes
    outputs in this order until a browser's page appears, so a page is served before the feeds and the API
    are made."""
    for family in OUTPUTS:
        if family.pages:
            yield from ((page.path, page) for page in family.pages(state))
    for family in OUTPUTS:
        if family.files:
            yield from ((path, data) for path, data, _made_from in family.files(state, theme))


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome of loading and checking a site at one "now"."""

    state: SiteState | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "warning"]


def check(root: Path, now: datetime, signatures: SignatureOptions | None = None,
          meanwhile: Callable[[], None] | None = None) -> Checked:
    """The site read from disk, as `check` and `build` see it; the garbage collector waits (core.heap).

    `meanwhile` is done while other processes parse the site (cached_parse.parse_entries), and must not raise.
    """
    problems = Problems()
    with collector_paused():
        site = load_site(root, problems, partial(parse_entries, meanwhile=meanwhile))
        return evaluate(site, problems.items, now, signatures)


def evaluate(site: Site | None, read_problems: Iterable[Problem], now: datetime,
             signatures: SignatureOptions | None = None) -> Checked:
    """The one pipeline after reading: check the site, prove its bylines, derive it at `now`, check it there.

    `check`, `build`, the authoring commands and the dev server all come through here, whether the site was
    read whole or one saved file at a time; the dev server runs it inside a memo.Reuse of its earlier
    rebuilds, which changes how much is done again, never the result.
    """
    problems = Problems()
    problems.extend(read_problems)
    if site is None:
        return Checked(None, problems.sorted())
    check_model(site, problems)
    bylines = NO_BYLINES
    if signatures:
        # Proving reads git history; its code is loaded only by the builds that prove (about 7 ms at start-up).
        from ..proof.verify import verify_bylines

        bylines = verify_bylines(site, signatures, problems)
    state = derive(site, now, bylines)
    check_at_now(state, problems)
    return Checked(state if not problems.errors else None, problems.sorted())


def render(state: SiteState, root: Path, theme: Theme | None = None) -> Iterator[tuple[str, Page | bytes]]:
    """Every output, the sitemap last, pages not yet rendered: the dev server renders a page when it is asked for."""
    written: list[str] = []
    for path, data in outputs(state, theme or load_theme(root, state.site.config)):
        written.append(path)
        yield path, data
    yield from ((path, data) for path, data, _made_from in render_sitemap(state, written))
