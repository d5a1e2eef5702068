"""The pipeline: load -> check -> derive at "now" -> render -> write atomically.

Each step only reads what the step before produced. Output families are
listed once in OUTPUTS; each is a pure function of the derived state and
the theme, so adding one is adding a line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import jinja2

from .bylines import NO_BYLINES, Bylines, SignatureOptions
from .cache import cache_dir, fingerprint, remember_build, unchanged_build
from .checks import check_at_now, check_model
from .derive import SiteState, derive
from .loader import load_site
from .model import Incident, Maintenance, Site
from .outputs import Family
from .outputs.api import render_api
from .outputs.badges import render_badges
from .outputs.calendar import render_calendar
from .outputs.feeds import render_feeds
from .outputs.hosting import render_hosting
from .outputs.html import html_pages
from .outputs.sitemap import render_sitemap
from .outputs.subscribe import subscribe_pages
from .outputs.uptime_pages import uptime_files, uptime_pages
from .parallel import PAGES_PER_UNIT, Unit, write_units
from .parse_pool import parse_entries
from .problems import Problem, Problems, SiteError
from .signatures import verify_bylines
from .theme import Page, Theme, load_theme, template_problem
from .writer import TooLarge, check_output_dir, owned, staged, write_files


def static_files(_state: SiteState, theme: Theme) -> Iterator[tuple[str, bytes]]:
    yield from theme.static_files()


OUTPUTS: tuple[Family, ...] = (
    Family("html", pages=html_pages),
    Family("static", files=static_files),
    Family("hosting", files=render_hosting),
    Family("subscribe", pages=subscribe_pages),
    Family("uptime", pages=uptime_pages, files=uptime_files),
    Family("feeds", files=render_feeds),
    Family("calendar", files=render_calendar),
    Family("api", files=render_api),
    Family("badges", files=render_badges),
)
"""Every output family but the sitemap, which lists what they wrote; small files first, costly ones last."""


def outputs(state: SiteState, theme: Theme) -> Iterator[tuple[str, Page | bytes]]:
    """Every page (to be rendered by whoever needs it), then every family's files: the dev server makes
    outputs in this order until a browser's page appears, so a page is served before the feeds and the API
    are made."""
    for family in OUTPUTS:
        if family.pages:
            yield from ((page.path, page) for page in family.pages(state))
    for family in OUTPUTS:
        if family.files:
            yield from family.files(state, theme)


def build_units(state: SiteState, theme: Theme) -> list[Unit]:
    """The build cut into units of work, the same in every process: each family's files (the costliest
    first, so one process takes each while the others start on the pages), then the pages a few at a time."""
    units: list[Unit] = [partial(family.files, state, theme) for family in reversed(OUTPUTS) if family.files]
    pages = [page for family in OUTPUTS if family.pages for page in family.pages(state)]
    for start in range(0, len(pages), PAGES_PER_UNIT):
        units.append(partial(_rendered, theme, pages[start:start + PAGES_PER_UNIT]))
    return units


def _rendered(theme: Theme, pages: list[Page]) -> Iterator[tuple[str, bytes]]:
    return ((page.path, theme.render(page)) for page in pages)


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


@dataclass(frozen=True, slots=True)
class BuildResult:
    files: int
    seconds: float
    warnings: list[Problem]
    next_change: datetime | None
    bylines: Bylines = NO_BYLINES


def check(root: Path, now: datetime, signatures: SignatureOptions | None = None) -> Checked:
    """The site read from disk, as `check` and `build` see it."""
    problems = Problems()
    site = load_site(root, problems, parse_entries)
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
    bylines = verify_bylines(site, signatures, problems) if signatures else NO_BYLINES
    state = derive(site, now, bylines)
    check_at_now(state, problems)
    return Checked(state if not problems.errors else None, problems.sorted())


def render(state: SiteState, root: Path, theme: Theme | None = None) -> Iterator[tuple[str, Page | bytes]]:
    """Every output, the sitemap last, pages not yet rendered: the dev server renders a page when it is asked for."""
    written: list[str] = []
    for path, data in outputs(state, theme or load_theme(root, state.site.config)):
        written.append(path)
        yield path, data
    yield from render_sitemap(state, written)


def build(root: Path, out: Path, now: datetime, strict: bool = False,
          signatures: SignatureOptions | None = None, waiting: Callable[[], None] | None = None) -> BuildResult:
    """Build the site into `out`, or raise SiteError and leave `out` untouched.

    The whole build holds the output's lock, from deciding that nothing changed to noting the tree it
    swapped in, so what it reports is that tree; `waiting` is called if another build holds it first.
    """
    with owned(out, waiting):
        return _build_owned(root, out, now, strict, signatures)


def _build_owned(root: Path, out: Path, now: datetime, strict: bool,
                 signatures: SignatureOptions | None) -> BuildResult:
    started = time.perf_counter()
    # Signatures read git history, which the fingerprint does not cover: such builds are always done.
    stamp = fingerprint(root, out, now) if signatures is None and cache_dir(root) else None
    record = unchanged_build(root, out, stamp) if stamp else None
    if record is not None and not (strict and record.warnings):
        return BuildResult(record.files, time.perf_counter() - started, list(record.warnings), record.next_change)
    checked = check(root, now, signatures)
    failing = checked.problems if strict else checked.errors
    if checked.state is None or failing:
        raise SiteError(failing or checked.errors)
    check_output_dir(out, root)
    state = checked.state
    try:
        theme = load_theme(root, state.site.config)
        theme.compile()  # a syntax error shows with its file and line before anything is written
        with staged(out) as staging:
            pages = len(state.incidents) + len(state.maintenances)
            written = write_units(staging, lambda: build_units(state, theme), pages)
            count = len(written) + write_files(staging, render_sitemap(state, written))
        if stamp:
            remember_build(root, out, now, stamp, count, checked.warnings, state.next_change)
    except TooLarge as exc:
        raise SiteError([too_large(state, exc)]) from exc
    except jinja2.TemplateError as exc:
        raise SiteError([template_problem(exc, root)]) from exc
    return BuildResult(count, time.perf_counter() - started, checked.warnings, state.next_change, state.bylines)


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def too_large(state: SiteState, exc: TooLarge) -> Problem:
    """The limit an output broke, blamed on the source file that made it (see docs/hosting.md)."""
    if exc.what == "files":
        return Problem(state.site.source_files["site"], None,
                       f"the site would publish {exc.measured:,} files, over the {exc.limit:,} a Cloudflare Pages "
                       "deployment takes; nothing was published",
                       "raise history_page_size, or split the site in two")
    source, line = _source_of(state, exc.path)
    if exc.what == "bytes in all":
        return Problem(source, line, f"the site would publish {_mib(exc.measured)}, over the {_mib(exc.limit)} "
                       "GitHub Pages publishes; nothing was published; this file is the largest part of it",
                       "move long logs and data out of incident files, and link to them instead")
    return Problem(source, line, f"{exc.path} would be {_mib(exc.measured)} ({exc.measured:,} bytes), over the "
                   f"{_mib(exc.limit)} a file may be on Cloudflare Pages; nothing was published",
                   "split the incident into several files, or move long logs and data out of it and link to them")


def _source_of(state: SiteState, path: str) -> tuple[str, int | None]:
    """The file (and its title's line) that made output `path`: its own incident, maintenance or page, or,
    for a file made of many (the feeds, the API), the incident or maintenance that brings the most text."""
    site = state.site
    folder, _, rest = path.partition("/")
    slug = rest.partition("/")[0]
    items: list[Incident | Maintenance] = [*site.incidents, *site.maintenances]
    own = next((item for item in items
                if (folder, slug) == ("incidents" if isinstance(item, Incident) else "maintenance", item.slug)), None)
    page = next((page for page in site.pages if rest and page.slug == folder), None)
    if own is None and page is not None:
        return page.source, 1
    largest = own or max(items, key=_text_size, default=None)
    if largest is None:
        return site.source_files["site"], None
    return largest.source, largest.lines.get("title", 1)


def _text_size(item: Incident | Maintenance) -> int:
    return len(item.summary.html) + sum(len(update.body.html) for update in item.updates)
