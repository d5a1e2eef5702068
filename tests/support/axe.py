"""Run axe-core (WCAG 2.1 A/AA rules) in a Playwright page and report violations.

Why axe-core from npm: it is the reference engine for automated accessibility
checks, and the design promises WCAG 2.1 AA. It must come from a registry
package, not a CDN at run time; ``.ci/run`` installs it with
``npm install --prefix .tools axe-core@4`` and this module reads
``.tools/node_modules/axe-core/axe.min.js`` (or the file named by
``AXE_CORE_JS``). Of the PyPI options, ``axe-playwright-python`` bundles a copy
too, but tying the axe version to a wrapper's release cadence buys nothing.

Why ``bypass_csp=True``: the site under test ships a Content-Security-Policy
with no script allowance, so injecting axe as a ``<script>`` would be blocked.
Use a browser context created with ``bypass_csp=True`` for axe (the
``axe_page`` fixture does); keep CSP enforced in the contexts that test CSP.
Bypassing CSP changes nothing axe looks at.

Why both colour schemes: dark mode has its own colours, and contrast failures
in one scheme are invisible in the other; :func:`axe_check` takes
``color_scheme`` and emulates it before loading the page.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tests.support.tools import npm_tool_file, skip_or_fail

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = [
    "WCAG21_AA_TAGS",
    "ColorScheme",
    "axe_check",
    "axe_source",
    "format_violations",
    "run_axe",
]

ColorScheme = Literal["light", "dark"]

#: The rule tags of WCAG 2.0 and 2.1, levels A and AA (what the design promises).
WCAG21_AA_TAGS: tuple[str, ...] = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def axe_js_path() -> Path:
    """Where axe.min.js is expected (``AXE_CORE_JS`` or the ``.tools`` install)."""
    override = os.environ.get("AXE_CORE_JS")
    return Path(override) if override else npm_tool_file("axe-core", "axe.min.js")


@cache
def _read_axe(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def axe_source() -> str:
    """Return the text of axe.min.js; skip (fail under CI) if it is not installed.

    Cached: the file is 650 kB, and a suite runs axe on many pages.
    """
    path = axe_js_path()
    if not path.is_file():
        skip_or_fail(f"axe-core not found at {path} (npm install --prefix .tools axe-core@4, or set AXE_CORE_JS)")
    return _read_axe(path)


def run_axe(
    page: Page,
    *,
    tags: tuple[str, ...] = WCAG21_AA_TAGS,
    context: str | dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Run axe on the document already loaded in ``page``; return its violations.

    ``context`` is axe's context argument (a selector, or ``{"exclude": ...}``),
    default the whole document. ``options`` is merged over the default
    ``runOnly`` tag set. Each violation is axe's own dict (``id``, ``impact``,
    ``help``, ``helpUrl``, ``nodes`` with ``target`` and ``html``...), so
    nothing axe reports is lost. ``incomplete`` results (e.g. contrast over a
    background image, which axe cannot decide) are not returned.

    Raises RuntimeError when axe could not be injected, which almost always
    means the page's context was not created with ``bypass_csp=True``.
    """
    from playwright.sync_api import Error as PlaywrightError

    if not page.evaluate("() => typeof window.axe === 'object'"):
        try:
            page.add_script_tag(content=axe_source())
        except PlaywrightError as exc:
            raise RuntimeError(
                "axe-core could not be injected; create the browser context "
                f"with bypass_csp=True (the page's CSP blocks it): {exc.message}"
            ) from exc
        if not page.evaluate("() => typeof window.axe === 'object'"):
            raise RuntimeError(
                "axe-core did not load into the page; create the browser "
                "context with bypass_csp=True (the page's CSP blocks it)"
            )
    run_options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": list(tags)},
        "resultTypes": ["violations"],
        **(options or {}),
    }
    result = page.evaluate(
        "async ([context, options]) => {"
        "  const r = await window.axe.run(context ?? document, options);"
        "  return r.violations;"
        "}",
        [context, run_options],
    )
    return list(result)


def axe_check(
    page: Page,
    url: str,
    color_scheme: ColorScheme = "light",
    **kwargs: Any,
) -> list[dict[str, Any]]:
    """Load ``url`` in ``page`` with ``color_scheme`` emulated and run axe.

    Why emulate before loading: ``prefers-color-scheme`` styles apply on first
    paint this way, and there is no flash of the other scheme for axe to
    catch mid-transition. Keyword arguments go to :func:`run_axe`.
    """
    page.emulate_media(color_scheme=color_scheme)
    page.goto(url)  # any status: a 404 page must be accessible too
    return run_axe(page, **kwargs)


def format_violations(
    violations: list[dict[str, Any]],
    *,
    max_nodes: int = 3,
    max_html: int = 200,
) -> str:
    """Render violations for an assertion message, one block per rule.

    Why this shape: a failing accessibility test should say *what* rule
    (``id``, ``impact``, ``help`` and the link to the rule's explanation) and
    *where* (the first few CSS selectors and HTML snippets), without dumping
    axe's whole JSON.
    """
    if not violations:
        return "no accessibility violations"
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- {violation.get('id')} [{violation.get('impact') or 'n/a'}]: "
            f"{violation.get('help')} ({len(nodes)} node(s)) "
            f"{violation.get('helpUrl', '')}".rstrip()
        )
        for node in nodes[:max_nodes]:
            target = ", ".join(" ".join(map(str, t)) if isinstance(t, list) else str(t) for t in node.get("target", []))
            html = " ".join(str(node.get("html", "")).split())
            if len(html) > max_html:
                html = html[: max_html - 1] + "…"
            lines.append(f"    at {target}: {html}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + " ".join(summary.split()))
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)
