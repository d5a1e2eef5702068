"""The demo site built in Indonesian, for the tests of the theme's translations.

Why a module and not conftest.py: only the theme's tests need it; they import
the fixture, and pytest builds it once per session.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build.builder import build
from generator.core.times import build_now
from tests.conftest import DEMO, DEMO_NOW


@pytest.fixture(scope="session")
def indonesian_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with `language = "id"`, built at the demo's fixed now; tests must not modify it."""
    base = tmp_path_factory.mktemp("demo-id")
    source = base / "content"
    shutil.copytree(DEMO, source)
    config = source / "site.toml"
    text = config.read_text(encoding="utf-8")
    assert 'language = "en"' in text
    config.write_text(text.replace('language = "en"', 'language = "id"'), encoding="utf-8")
    out = base / "public"
    build(source, out, build_now(DEMO_NOW))
    return out
