"""Small sites written into a temporary directory, for tests that need exact input.

Why a builder instead of fixture files: each test states the one thing it is
about (a bad heading, an overlapping incident) next to its assertion, and the
rest of the site stays valid by default.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from functools import cache
from pathlib import Path
from types import ModuleType

from click.testing import CliRunner, Result

from generator.cli.main import main
from tests.conftest import REPO


@cache
def benchmark_script(name: str) -> ModuleType:
    """A script of benchmarks/ (not a package) loaded as a module, under its own name as the scripts import
    each other."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def benchmark_sites() -> ModuleType:
    """benchmarks/make_site.py, which writes the benchmark's synthetic sites."""
    return benchmark_script("make_site")


def theme_templates(theme: str = "default") -> list[str]:
    """The names of an installed theme's templates, as a Theme loads them all (render.theme.Theme.compile)."""
    folder = REPO / "themes" / theme / "templates"
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")
                  if path.is_file() and not path.name.startswith("."))


THEME = REPO / "themes" / "default" / "templates"
THEME_TEMPLATES = theme_templates()
"""The default theme's templates, each of which ships compiled (generator/render/shipped_theme.py)."""


def own_templates(site: Path) -> None:
    """Make every template of the theme the site's own, each with text of its own that renders the same: a
    site none of whose templates ships compiled, so that each is compiled by Jinja (or kept compiled)."""
    for name in THEME_TEMPLATES:
        own = site / "templates" / name
        own.parent.mkdir(parents=True, exist_ok=True)
        own.write_text((THEME / name).read_text(encoding="utf-8") + "{# the site's own #}", encoding="utf-8")


SITE_TOML = """\
title = "Example Status"
base_url = "https://status.example.com/"
timezone = "America/Chicago"
language = "en"
"""

AUTHORS_TOML = """\
[alice]
name = "Alice Nguyen"
role = "Site Reliability Engineer"
email = "alice@example.com"

[bob]
name = "Bob Okafor"
role = "Database Engineer"
email = "bob@example.com"
"""

COMPONENTS_TOML = """\
[api]
name = "Public API"
group = "Core"
sla = 99.95

[dashboard]
name = "Dashboard"
group = "Core"
sla = 99.9
"""

INVESTIGATING = """\
---
title: Elevated error rates on the public API
impact: major
components: [api]
started: 2026-03-14T09:12:00Z
---

Some API requests failed.

## 2026-03-14 09:20 UTC · investigating · alice

We see elevated 5xx rates. Next update by 10:00 UTC.
"""
"""An incident with its first update only."""

INCIDENT = INVESTIGATING + """
## 2026-03-14 11:02 UTC · resolved · bob

Error rates are back to normal.
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write_site(root: Path, files: dict[str, str] | None = None, *, defaults: bool = True) -> Path:
    """Write a valid small site, then the given files (relative path -> text) over it."""
    base = {"site.toml": SITE_TOML, "authors.toml": AUTHORS_TOML, "components.toml": COMPONENTS_TOML,
            "incidents/2026-03-14-api-errors.md": INCIDENT} if defaults else {}
    for relative, text in {**base, **(files or {})}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


def run(*args: str) -> Result:
    """Run the CLI in-process, with stderr kept apart from stdout."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)
