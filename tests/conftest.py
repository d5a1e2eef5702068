"""Fixtures shared by the whole suite: the demo site, built once at a fixed now."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.builder import build

pytest_plugins = ["tests.support.fixtures", "tests.support.signing"]

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "content"
DEMO_NOW = "2026-11-20T15:00:00Z"


@pytest.fixture(scope="session")
def demo_root() -> Path:
    return DEMO


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built once per session at DEMO_NOW; tests must not modify it."""
    from generator.core.times import build_now

    out = tmp_path_factory.mktemp("demo") / "public"
    build(DEMO, out, build_now(DEMO_NOW))
    return out
