"""Where the external test tools live, and what to do when one is missing.

Why this module exists: the browser, axe-core and vnu checks need programs
that pip alone does not install (Debian's Chromium, a Java runtime, and two npm
packages unpacked into the git-ignored ``.tools/`` directory by ``.ci/run``).
A developer who has not run the installer should still get a useful test run,
so a missing tool *skips* the test; in CI (``CI=true``) a missing tool means
the installer is broken and a skip would hide that, so it *fails* instead.
Keeping that rule in one function guarantees every helper applies it alike.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

#: The repository root (``tests/support/tools.py`` -> two levels up).
REPO_ROOT: Path = Path(__file__).resolve().parents[2]

#: Project-local directory for npm-installed test tools (git-ignored).
#: ``.ci/run`` fills it with ``npm install --prefix .tools ...``; the
#: ``STATUSBLOG_TOOLS_DIR`` variable points elsewhere if a developer keeps
#: one shared copy outside the work tree.
TOOLS_DIR: Path = Path(os.environ.get("STATUSBLOG_TOOLS_DIR", REPO_ROOT / ".tools"))

#: Shown in skip/fail messages so the reader knows how to get the tool.
INSTALL_HINT = "run the install steps of .ci/run (see tests/support/tools.py)"


def in_ci() -> bool:
    """Tell whether we run under CI, where missing tools are errors.

    Why only the exact value ``true``: that is what the CI runner exports;
    anything looser (e.g. ``CI=0`` set by some shells' rc files) would turn
    local skips into failures by accident.
    """
    return os.environ.get("CI", "").strip().lower() == "true"


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the current test, or fail it under CI, because a tool is missing.

    Why: locally a missing browser or validator is an environment gap, not a
    product bug, so the run should stay green and say what was skipped. In CI
    the same gap means a broken install step; a skip would let a submission
    "pass" without ever running the checks, so it must be loud.
    """
    message = f"{reason} ({INSTALL_HINT})"
    if in_ci():
        pytest.fail(f"required test tool missing under CI=true: {message}", pytrace=False)
    pytest.skip(message)


def npm_tool_file(package: str, *parts: str) -> Path:
    """Return the path of a file inside an npm package installed in ``TOOLS_DIR``.

    Why a helper: both axe-core and vnu-jar are located the same way, and a
    single place makes it easy to move ``.tools/`` later.
    """
    return TOOLS_DIR.joinpath("node_modules", package, *parts)
