"""A build done in full: the pipeline's outputs written into a new tree, swapped in whole, or nothing at all.

Reached from build.builder once it knows the build would change something. The pages and files are made
over every core (build.processes) into a staging tree (build.output_dir) that replaces the output only
when every file is written and the tree fits the host's limits.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from functools import partial
from pathlib import Path

import jinja2

from ..core.heap import collector_paused
from ..core.problems import Blame, Problem, SiteError, display_path
from ..derive.state import SiteState
from ..outputs.families import OUTPUTS, Family, OutputClash, held_to_contract
from ..outputs.origins import most_text
from ..outputs.sitemap import render_sitemap
from ..pipeline.evaluate import check
from ..proof.bylines import SignatureOptions
from ..render.compiled_theme import compile_ahead, load_compiled, save_compiled
from ..render.theme import Page, Theme, load_theme, template_problem
from .build_record import BuildResult, remember_build
from .output_dir import TooLarge, check_output_dir, staged, write_files
from .processes import PAGES_PER_UNIT, Unit, write_units


def build_units(state: SiteState, theme: Theme) -> list[Unit]:
    """The build cut into units of work, listed once for every process: each family's files (the costliest
    first, so one process takes each while the others start on the pages), then the pages a few at a time."""
    units: list[Unit] = [partial(_made, family, state, theme) for family in reversed(OUTPUTS) if family.files]
    pages = [(family.name, page) for family in OUTPUTS if family.pages for page in family.pages(state)]
    for start in range(0, len(pages), PAGES_PER_UNIT):
        units.append(partial(_rendered, theme, pages[start:start + PAGES_PER_UNIT]))
    return units


def _made(family: Family, state: SiteState, theme: Theme) -> Iterator[tuple[str, str, bytes, Blame]]:
    assert family.files is not None
    return ((family.name, path, data, made_from) for path, data, made_from in family.files(state, theme))


def _rendered(theme: Theme, pages: list[tuple[str, Page]]) -> Iterator[tuple[str, str, bytes, Blame]]:
    return ((family, page.path, theme.render(page), page.made_from) for family, page in pages)


def full_build(root: Path, out: Path, now: datetime, strict: bool, signatures: SignatureOptions | None,
               stamp: bytes | None, started: float) -> BuildResult:
    """Build the site into `out` (whose lock the caller holds), or raise SiteError and leave `out` untouched;
    `stamp` is the fingerprint of the inputs to note the build under, if it is to be noted."""
    kept_templates = load_compiled(root)
    checked = check(root, now, signatures, meanwhile=partial(compile_ahead, root))
    failing = checked.problems if strict else checked.errors
    if checked.state is None or failing:
        raise SiteError(failing or checked.errors)
    check_output_dir(out, root)
    state = checked.state
    try:
        with collector_paused():  # rendering makes next to no cyclic garbage (core.heap)
            theme = load_theme(root, state.site.config)
            theme.compile()  # a syntax error shows with its file and line before anything is written
            save_compiled(root, theme, kept_templates)
            with staged(out) as staging:
                pages = len(state.incidents) + len(state.maintenances)
                claims = write_units(staging, build_units(state, theme), pages)
                written = held_to_contract(claims, {page.slug for page in state.site.pages})
                count = len(written) + write_files(staging, render_sitemap(state, written))
        if stamp:
            remember_build(root, out, now, stamp, count, checked.warnings, state.next_change)
    except TooLarge as exc:
        raise SiteError([too_large(state, exc)]) from exc
    except OutputClash as exc:
        raise SiteError([Problem(display_path(out / exc.path), None, str(exc), exc.hint)]) from exc
    except jinja2.TemplateError as exc:
        raise SiteError([template_problem(exc, root)]) from exc
    return BuildResult(count, time.perf_counter() - started, checked.warnings, state.next_change, state.bylines)


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def too_large(state: SiteState, exc: TooLarge) -> Problem:
    """The limit an output broke, blamed on the source the output was made from, as its family recorded it
    (outputs/origins.py; see docs/hosting.md)."""
    site = state.site
    if exc.what == "files":
        return Problem(site.source_files["site"], None,
                       f"the site would publish {exc.measured:,} files, over the {exc.limit:,} a Cloudflare Pages "
                       "deployment takes; nothing was published",
                       "raise history_page_size, or split the site in two")
    largest = most_text(site, site.incidents, site.maintenances)
    if exc.what == "bytes in all":
        origin = largest()
        return Problem(origin.path, origin.line, f"the site would publish {_mib(exc.measured)}, over the "
                       f"{_mib(exc.limit)} GitHub Pages publishes; nothing was published; this file is the largest "
                       "part of it", "move long logs and data out of incident files, and link to them instead")
    origin = (exc.made_from or largest)()
    return origin.problem(f"{exc.path} would be {_mib(exc.measured)} ({exc.measured:,} bytes), over the "
                          f"{_mib(exc.limit)} a file may be on Cloudflare Pages; nothing was published")
