"""Fixtures shared by the whole suite: the demo site, built once at a fixed now."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from generator.build.builder import build

pytest_plugins = ["tests.support.fixtures", "tests.support.signing"]

# Property tests draw as many examples as the profile says: "ci" (the default, what the README's test line
# and CI run) keeps the suite quick; "deep" is for a run by hand before a release or after a parser change:
# HYPOTHESIS_PROFILE=deep python -m pytest tests/test_fuzz.py
settings.register_profile("ci", max_examples=30, deadline=None)
settings.register_profile("deep", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The suite starts hundreds of Python processes (its workers, builds, the CLI, git hooks of the signing
# tests); where the environment forbids bytecode files, each would compile statusblog's modules, and each
# worker the rewritten test modules, from source again. Python writes them atomically, so processes that
# run at once share them safely; they land in __pycache__ folders, which git and the generator's own
# fingerprint ignore.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

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


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    """The dev server freezes the site it keeps (preview.live.settle_heap) for as long as its process lives;
    a test that runs one in this process would leave the next test a frozen heap, and tests of the collector
    (tests/test_build.py) would see it. Each test starts with nothing frozen and leaves nothing frozen."""
    yield
    gc.unfreeze()
