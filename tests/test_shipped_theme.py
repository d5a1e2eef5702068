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
from generator.render.shipped_theme import SHIPPED_FOLDER, shippable, shipped_path, shipped_templates
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
    made = shippable(load_theme(site, config).env, digest, language, theme_templates(theme))
    folder = theme_dir(theme) / SHIPPED_FOLDER
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(shipped_path(theme_dir(theme), language).with_suffix(""), ignore_errors=True)
        for relative, text in made.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_text(text, encoding="utf-8")
    index = shipped_path(theme_dir(theme), language)
    assert index.is_file(), f"{index} is missing: run UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py"
    on_disk = {path.relative_to(folder).as_posix() for path in index.with_suffix("").glob("*.py")}
    assert on_disk | {index.name} == set(made), "stale: run UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py"
    for relative, text in made.items():
        assert (folder / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is stale: run UPDATE_GOLDEN=1 pytest tests/test_shipped_theme.py")
    assert set(json.loads(made[index.name])["templates"]) == set(theme_templates(theme))


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
def test_a_missing_or_damaged_index_ships_nothing(tmp_path: Path, damage: str | None) -> None:
    theme = tmp_path / "theme"
    if damage is not None:
        path = shipped_path(theme, "en")
        path.parent.mkdir(parents=True)
        path.write_text(damage.replace("VERSION", jinja2.__version__), encoding="utf-8")
    assert shipped_templates(theme, "en", "digest") == {}


def shipping(theme: Path, catalog: str, modules: dict[str, str], language: str = "en") -> None:
    """A theme that ships `modules` (file name -> source), each as the code of a template of that name."""
    index = shipped_path(theme, language)
    index.with_suffix("").mkdir(parents=True)
    for module, source in modules.items():
        (index.with_suffix("") / module).write_text(source, encoding="utf-8")
    templates = {module: {"checksum": "c", "module": module} for module in modules}
    index.write_text(json.dumps({"jinja": jinja2.__version__, "catalog": catalog, "templates": templates}),
                     encoding="utf-8")


def test_a_file_made_with_another_catalog_is_not_used(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shipping(theme, "one", {"a.py": "name = 'a'\n"})
    assert set(shipped_templates(theme, "en", "one")) == {("a.py", "c")}
    assert shipped_templates(theme, "en", "another") == {}


def test_shipped_code_carries_the_template_s_file_name_in_every_frame(tmp_path: Path) -> None:
    """Error reports and Jinja's tracebacks find a template's line by its file name in the code's frames."""
    theme = tmp_path / "theme"
    shipping(theme, "one", {"a.py": "def root():\n    def inner():\n        return 1\n    return inner\n"})
    code = shipped_templates(theme, "en", "one")[("a.py", "c")]("/site/templates/a.html")
    assert code is not None and code.co_filename == "/site/templates/a.html"
    namespace: dict[str, object] = {}
    exec(code, namespace)
    root = namespace["root"]
    assert callable(root) and root.__code__.co_filename == root().__code__.co_filename == "/site/templates/a.html"


@pytest.mark.parametrize("source", ["def (:\n", None])
def test_a_shipped_module_that_cannot_be_read_leaves_its_template_to_be_compiled(tmp_path: Path,
                                                                                 source: str | None) -> None:
    theme = tmp_path / "theme"
    shipping(theme, "one", {"a.py": source or ""})
    if source is None:
        (shipped_path(theme, "en").with_suffix("") / "a.py").unlink()
    assert shipped_templates(theme, "en", "one")[("a.py", "c")]("a.html") is None


@pytest.mark.parametrize("module", ["../a.py", "/tmp/a.py", "a.py/../../a.py", "a", "a.pyc", "sub/a.py", "a.py\0"])
def test_an_index_that_names_a_path_ships_nothing_from_it(tmp_path: Path, module: str) -> None:
    """Only a file of the language's own folder is ever run, whatever the index says."""
    theme = tmp_path / "theme"
    shipping(theme, "one", {"a.py": "x = 1\n"})
    index = shipped_path(theme, "en")
    made = json.loads(index.read_text(encoding="utf-8"))
    made["templates"]["a.py"]["module"] = module
    index.write_text(json.dumps(made), encoding="utf-8")
    shipped_templates.cache_clear()
    assert shipped_templates(theme, "en", "one") == {}


@pytest.mark.parametrize("language", ["../en", "en/../en", "/tmp/en", "en.", "", "en\0"])
def test_a_language_that_is_not_a_plain_code_ships_nothing(tmp_path: Path, language: str) -> None:
    """Code is run from what ships: a language setting never names a file, even one the theme holds."""
    theme = tmp_path / "theme"
    shipping(theme, "one", {"a.py": "x = 1\n"})
    for where in (tmp_path / "en.json", theme / "en.json"):
        where.write_text(shipped_path(theme, "en").read_text(encoding="utf-8"), encoding="utf-8")
    assert shipped_templates(theme, "en", "one")
    assert shipped_templates(theme, language, "one") == {}
