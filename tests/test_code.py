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
    """.importlinter holds the packages in their order, and every package's modules in theirs
    (docs/architecture.md); every contract is kept, and none is missing."""
    packages = sorted(init.parent.name for init in (REPO / "generator").glob("*/__init__.py"))
    result = subprocess.run([tool("lint-imports"), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    config = (REPO / ".importlinter").read_text(encoding="utf-8")
    layered = [package for package in packages if f"containers =\n    generator.{package}\n" in config]
    with_order = [package for package in packages if package not in ("themes",)
                  and len(list((REPO / "generator" / package).glob("*.py"))) > 2]
    assert set(with_order) <= set(layered), "a package of several modules has no contract for their order"
    assert f"{len(layered) + 1} kept, 0 broken" in result.stdout
    assert ":" not in "".join(line for line in config.splitlines() if line.startswith("    ") and "=" not in line)
