"""The code's own rules, checked on every run of the suite and so in CI: lint, and the layers of the pipeline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def tool(name: str) -> str:
    """The tool installed beside this Python (the test environment's), not one the machine happens to have."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed in the test environment: install requirements.lock"
    return found


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([tool("ruff"), "check", "generator", "tests", "benchmarks", "themes"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_stage_imports_a_stage_above_it() -> None:
    """.importlinter lists the stages, read -> derive -> outputs -> build -> commands (docs/architecture.md)."""
    result = subprocess.run([tool("lint-imports"), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert "1 kept, 0 broken" in result.stdout
