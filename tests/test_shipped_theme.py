"""The installed theme ships compiled (generator/render/shipped_theme.py): a first build compiles none of its
templates, writes the same bytes as a build that compiles them all, and a template whose text is not the
shipped one is compiled."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import jinja2
import pytest

from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.render.shipped_theme import shippable, shipped_path, shipped_sources
from generator.render.theme import catalog_digest, load_theme, theme_dir, translations
from generator.themes import installed_themes, languages
from tests.conftest import DEMO, DEMO_NOW
from tests.sites import THEME, THEME_TEMPLATES, own_templates, theme_templates, write_site
from tests.test_build import GOLDEN, tree
from tests.test_cache import compiles

SHIPPED = [(theme, language) for theme in sorted(installed_themes()) for language in languages(theme)]


@pytest.mark.parametrize(("theme", "language"), SHIPPED)
def test_each_shipped_file_is_what_the_theme_compiles_to_now(tmp_path: Path, theme: str, language: str) -> None:
    """Regenerate after a template, catalog, code generator or Jinja change with:
    UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py"""
    site = write_site(tmp_path / "site")  # no templates of its own: only the theme's are found
    config = dataclasses.replace(check(site, build_now(DEMO_NOW)).state.site.config, theme=theme, language=language)
    digest = catalog_digest(translations(theme_dir(theme), language))
    made = shippable(load_theme(site, config).env, digest, theme_templates(theme))
    path = shipped_path(theme_dir(theme), language)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(made, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py"
    assert path.read_text(encoding="utf-8") == made, "stale: run UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py"
    assert set(json.loads(made)["templates"]) == set(theme_templates(theme))


def test_a_first_build_compiles_no_shipped_template_and_writes_the_same_bytes(tmp_path: Path) -> None:
    assert compiles(DEMO, tmp_path / "shipped", "off") == 0
    assert tree(tmp_path / "shipped") == tree(GOLDEN)
    site = tmp_path / "site"
    shutil.copytree(DEMO, site)
    own_templates(site)
    assert compiles(site, tmp_path / "compiled", "off") == len(THEME_TEMPLATES)
    assert tree(tmp_path / "compiled") == tree(GOLDEN)


def test_a_template_of_the_site_s_own_is_compiled_and_is_what_its_pages_show(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(DEMO, site)
    (site / "templates").mkdir()
    own = (THEME / "maintenance.html").read_text(encoding="utf-8")
    own = own.replace("{% block main %}", "{% block main %}<!-- the site's own -->", 1)
    (site / "templates" / "maintenance.html").write_text(own, encoding="utf-8")
    assert compiles(site, tmp_path / "out", "off") == 1
    pages = list((tmp_path / "out" / "maintenance").glob("*/index.html"))
    assert pages and all("<!-- the site's own -->" in page.read_text(encoding="utf-8") for page in pages)


def test_another_jinja_compiles_every_template(tmp_path: Path) -> None:
    """Jinja's generated code calls Jinja's runtime: code made by one version is not run by another."""
    before = "import jinja2; jinja2.__version__ = '3.1.99'\n"
    assert compiles(DEMO, tmp_path / "out", "off", before) == len(THEME_TEMPLATES)
    assert tree(tmp_path / "out") == tree(GOLDEN)


@pytest.mark.parametrize("damage", [None, "", "{", "[]", '{"jinja": 1}',
                                    '{"jinja": "VERSION", "catalog": "digest", "templates": {"base.html": "code"}}'])
def test_a_missing_or_damaged_file_ships_nothing(tmp_path: Path, damage: str | None) -> None:
    theme = tmp_path / "theme"
    if damage is not None:
        path = shipped_path(theme, "en")
        path.parent.mkdir(parents=True)
        path.write_text(damage.replace("VERSION", jinja2.__version__), encoding="utf-8")
    assert shipped_sources(theme, "en", "digest") == {}


def test_a_file_made_with_another_catalog_is_not_used(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    path = shipped_path(theme, "en")
    path.parent.mkdir(parents=True)
    made = {"jinja": jinja2.__version__, "catalog": "one", "templates": {"a.html": {"checksum": "c", "code": "x"}}}
    path.write_text(json.dumps(made), encoding="utf-8")
    assert shipped_sources(theme, "en", "one") == {("a.html", "c"): "x"}
    assert shipped_sources(theme, "en", "another") == {}


@pytest.mark.parametrize("language", ["../en", "en/../en", "/tmp/en", "en.", "", "en\0"])
def test_a_language_that_is_not_a_plain_code_ships_nothing(tmp_path: Path, language: str) -> None:
    """Code is run from what ships: a language setting never names a file, even one the theme holds."""
    theme = tmp_path / "theme"
    made = {"jinja": jinja2.__version__, "catalog": "one", "templates": {"a.html": {"checksum": "c", "code": "x"}}}
    for where in (shipped_path(theme, "en"), tmp_path / "en.json", theme / "en.json"):
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(json.dumps(made), encoding="utf-8")
    assert shipped_sources(theme, "en", "one")
    assert shipped_sources(theme, language, "one") == {}
