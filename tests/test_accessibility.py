"""axe-core (WCAG 2.1 A and AA) finds nothing on the pages a customer reads, in light and dark.

The pages are served over HTTP, as a host would, and each colour scheme is
emulated before the page loads: dark mode has colours of its own, and a
contrast failure in one scheme is invisible in the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.axe import axe_check, format_violations
from tests.support.http import serve_directory

PAGES = {
    "home": "",
    "open incident": "incidents/2026-11-20-object-storage-upload-errors/",
    "resolved incident with postmortem": "incidents/2026-10-27-dns-outage/",
    "component": "components/object-storage/",
    "history": "history/",
    "author": "authors/tomas/",
}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(demo_build: Path) -> Iterator[str]:
    with serve_directory(demo_build) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(axe_page, site_url: str, name: str, scheme: str) -> None:
    violations = axe_check(axe_page, site_url + PAGES[name], color_scheme=scheme)
    assert not violations, f"{name} ({scheme}): {format_violations(violations)}"


def test_day_cells_are_read_aloud_with_date_status_and_minutes(axe_page, site_url: str) -> None:
    """The day row tells its story in words: the cells' text is in the accessibility tree."""
    axe_page.goto(site_url)
    row = axe_page.get_by_role("list", name="Object storage, daily status from Aug 23, 2026 to Nov 20, 2026")
    cells = row.get_by_role("listitem")
    assert cells.count() == 90
    assert cells.last.inner_text() == "Nov 20: Partial outage, 79 minutes"
    assert cells.first.inner_text() == "Aug 23: Operational"
