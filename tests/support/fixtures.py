"""Pytest fixtures for browser, accessibility and HTML-validity tests.

Load them from ``tests/conftest.py`` with::

    pytest_plugins = ["tests.support.fixtures"]

Why a plugin module instead of fixtures in conftest.py: the lead owns
conftest.py, and one line there brings in all of these without copying.

Why these scopes: starting Chromium costs about a second, so one ``browser``
serves the whole session; each test gets a fresh *context* (cookies, cache,
emulated media and CSP mode are per context), so tests cannot leak state into
each other and can run in any order.

The fixture names ``browser`` and ``page`` are the same as pytest-playwright's;
do not install that plugin alongside (it would download its own browser).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.axe import axe_source
from tests.support.browser import PageProblems, chromium_or_skip, collect_page_problems
from tests.support.vnu import vnu_or_skip

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

#: Options for every test context. Why fixed locale/timezone/viewport: the
#: site is static, but screenshots and any date shown by the browser must not
#: depend on the machine that runs the tests.
CONTEXT_OPTIONS: dict[str, Any] = {
    "locale": "en-US",
    "timezone_id": "UTC",
    "viewport": {"width": 1280, "height": 800},
    "service_workers": "block",
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the session (skip, or fail under CI=true)."""
    with chromium_or_skip() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh context with the site's CSP enforced, as a visitor sees it."""
    context = browser.new_context(**CONTEXT_OPTIONS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page_problems(page: Page) -> PageProblems:
    """Problems of the ``page`` fixture, recorded from before its first navigation.

    Use as ``page.goto(url); page_problems.assert_clean()``.
    """
    return collect_page_problems(page)


@pytest.fixture
def axe_page(browser: Browser) -> Iterator[Page]:
    """A page whose context bypasses CSP, so axe-core can be injected.

    Skips (fails under CI) up front when axe-core is not installed, rather
    than after the page has been loaded.
    """
    axe_source()
    context = browser.new_context(bypass_csp=True, **CONTEXT_OPTIONS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def vnu() -> tuple[Path, Path]:
    """``(java, vnu_jar)`` for :func:`tests.support.vnu.run_vnu` (skip/fail if absent)."""
    return vnu_or_skip()
