"""Launch Debian's Chromium through Playwright, and watch a page for problems.

Why Debian's Chromium and not ``playwright install``: this workplace reaches
only PyPI, Debian and npm, so Playwright's own browser download cannot work.
The PyPI ``playwright`` package drives any Chromium of a close version through
``executable_path``; ``/usr/bin/chromium`` comes from ``apt-get install
chromium``. Override the path with ``STATUSBLOG_CHROMIUM`` if needed.

Why the launch flags: each one removes a source of flakiness or of traffic to
the outside world (which this machine cannot reach and must not try):
background networking, component updates, sync, QUIC, first-run UI; and
``--no-sandbox`` because we run as root in a container.

:func:`collect_page_problems` turns "the page loaded fine" into something a
test can assert: console errors, CSP violations, failed requests and HTTP
error responses are recorded as they happen.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.support.tools import skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

__all__ = [
    "CHROMIUM_ARGS",
    "PageProblems",
    "chromium_or_skip",
    "chromium_path",
    "collect_page_problems",
]

#: Flags for every launch; see the module docstring for why each is there.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> Path:
    """Return the Chromium binary to use (``STATUSBLOG_CHROMIUM`` or Debian's)."""
    return Path(os.environ.get("STATUSBLOG_CHROMIUM", "/usr/bin/chromium"))


@contextmanager
def chromium_or_skip() -> Iterator[Browser]:
    """Yield a headless Chromium ``Browser``; skip (fail under CI) if impossible.

    Why a context manager rather than a bare fixture: the session fixture in
    ``tests/support/fixtures.py`` wraps it, and a test or script that needs a
    browser outside pytest's fixture system can use it directly. Playwright is
    stopped and the browser closed on exit, so no Chromium process outlives
    the tests.
    """
    executable = chromium_path()
    if not executable.is_file() or not os.access(executable, os.X_OK):
        skip_or_fail(f"Chromium not found at {executable} (apt-get install chromium)")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        skip_or_fail(f"Python package playwright is not installed ({exc})")

    manager = sync_playwright().start()
    try:
        try:
            browser = manager.chromium.launch(
                executable_path=str(executable),
                args=list(CHROMIUM_ARGS),
                headless=True,
            )
        except PlaywrightError as exc:
            skip_or_fail(f"Chromium at {executable} did not start: {exc.message}")
        try:
            yield browser
        finally:
            browser.close()
    finally:
        manager.stop()


#: Fires for CSP violations that produce no console message (e.g. reports
#: from frames) and gives the violated directive in a structured form. Page
#: CSP cannot block it: init scripts and bindings are injected via DevTools.
_CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  window.__statusblogCspViolation(
    `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}` +
    ` in ${e.sourceFile || e.documentURI}:${e.lineNumber}`
  );
}, true);
"""


@dataclass
class PageProblems:
    """What went wrong while a page was loaded, recorded as it happened.

    Why one object with separate lists: an assertion message should say which
    kind of problem occurred, and some tests expect one kind (a 404 test
    expects ``bad_responses``) while forbidding the others.
    """

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        """Every problem, each prefixed with its kind."""
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"page error: {m}" for m in self.page_errors),
            *(f"CSP violation: {m}" for m in self.csp_violations),
            *(f"failed request: {m}" for m in self.failed_requests),
            *(f"HTTP error: {m}" for m in self.bad_responses),
        ]

    def __bool__(self) -> bool:
        return bool(self.all())

    def format(self) -> str:
        """A readable multi-line report for an assertion message."""
        problems = self.all()
        if not problems:
            return "no problems"
        return "\n".join([f"{len(problems)} page problem(s):", *problems])

    def assert_clean(self) -> None:
        """Fail the test with the full report unless nothing went wrong."""
        assert not self.all(), self.format()


def collect_page_problems(page: Page) -> PageProblems:
    """Start recording the problems of ``page``; call before ``page.goto``.

    Records console messages of type ``error`` (those mentioning Content
    Security Policy are filed as CSP violations instead), uncaught script
    errors, ``securitypolicyviolation`` events, ``requestfailed`` events
    (including requests blocked by CSP), and responses with status >= 400.
    The returned object fills in as the page runs: after ``page.goto(...)``
    (which waits for the ``load`` event) it holds everything up to then.

    Loading a URL that answers 404 (say, to test the 404 page) records that
    response and Chromium's "Failed to load resource" console error; such a
    test asserts on those entries instead of calling ``assert_clean()``.

    Why before goto: listeners only see what happens after they are attached,
    and the init script must be registered before the document is created.
    """
    problems = PageProblems()

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        location = message.location or {}
        where = location.get("url", "")
        text = f"{message.text} ({where})" if where else message.text
        if "content security policy" in message.text.lower():
            problems.csp_violations.append(text)
        else:
            problems.console_errors.append(text)

    def on_page_error(error: Any) -> None:
        problems.page_errors.append(str(error))

    def on_request_failed(request: Request) -> None:
        problems.failed_requests.append(f"{request.method} {request.url}: {request.failure or 'failed'}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            problems.bad_responses.append(f"{response.status} {response.request.method} {response.url}")

    def on_csp_event(description: str) -> None:
        # A plain function: Playwright cannot expose a builtin such as
        # list.append (it tries to set an attribute on it).
        problems.csp_violations.append(f"securitypolicyviolation: {description}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    page.expose_function("__statusblogCspViolation", on_csp_event)
    page.add_init_script(_CSP_LISTENER)
    return problems
