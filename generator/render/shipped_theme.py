"""An installed theme's templates ship compiled with it, so that a first build does not compile them.

Compiling the default theme costs about 0.4 s of a core on every build that has no compiled theme kept
(render.compiled_theme): every CI runner's first build, and every build without a cache folder. What Jinja
makes of a template is Python source that depends only on the template's name and text, the catalog whose
text is put into it (render.templating), Jinja's version and this package's code generator: not on where
the package is installed, nor on Python's version. So that source ships beside the templates, one file per
language (`compiled/<language>.json`), and a Theme turns a template's source into code with Python's own
`compile()`: 0.08 s for the whole theme, a fifth of the work.

A template gets its shipped source only for exactly the text it was made from (the checksum Jinja itself
keys compiled code by), the same name, catalog and Jinja; anything else (a site's own template, a theme
edited since, another Jinja) is compiled as before. The files are read from the installed theme only, never
from a site, so a pull request cannot bring its own. tests/test_shipped_theme.py fails when a file is not
what the templates, catalog and code generator make now, and rewrites it with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import jinja2

SHIPPED_FOLDER = "compiled"
"""The folder of an installed theme that holds its compiled templates, one JSON file per language."""

Shipped = Mapping[tuple[str, str], str]
"""(template name, checksum of its text, as Jinja takes it) -> the Python source Jinja makes of it."""


LANGUAGE_FILE = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*")
"""A language code as a file name (`en`, `pt_BR`): a code that is anything else ships nothing, whatever a
site's settings say, so no setting can point the build at code outside the theme's own folder."""


def shipped_path(theme: Path, language: str) -> Path:
    """Where a theme's templates compiled with the catalog of `language` ship."""
    return theme / SHIPPED_FOLDER / f"{language.replace('-', '_')}.json"


@functools.cache
def shipped_sources(theme: Path, language: str, catalog: str) -> Shipped:
    """The sources shipped for `theme` in `language`, if they were made with this catalog and this Jinja; none
    otherwise, or when the file is missing or damaged (the templates are then compiled, as without it)."""
    if not LANGUAGE_FILE.fullmatch(language.replace("-", "_")):
        return {}
    try:
        made = json.loads(shipped_path(theme, language).read_bytes())
        if made["jinja"] != jinja2.__version__ or made["catalog"] != catalog:
            return {}
        return {(str(name), str(template["checksum"])): str(template["code"])
                for name, template in made["templates"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def shippable(env: jinja2.Environment, catalog: str, names: Iterable[str]) -> str:
    """The file that ships `names`, as `env` (a Theme's environment over the theme's own templates, with the
    catalog whose digest is `catalog`) compiles them: the same source a build would compile."""
    assert env.bytecode_cache is not None
    templates = {}
    for name in sorted(names):
        text, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        templates[name] = {"checksum": env.bytecode_cache.get_source_checksum(text),
                           "code": env.compile(text, name, filename, raw=True)}
    return json.dumps({"jinja": jinja2.__version__, "catalog": catalog, "templates": templates},
                      indent=1, sort_keys=True, ensure_ascii=False) + "\n"
