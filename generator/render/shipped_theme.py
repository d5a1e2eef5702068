"""An installed theme's templates ship compiled with it, so that a first build does not compile them.

Compiling the default theme costs about 0.4 s of a core on every build that has no compiled theme kept
(render.compiled_theme): every CI runner's first build, and every build without a cache folder. What Jinja
makes of a template is Python source that depends only on the template's name and text, the catalog whose
text is put into it (render.templating), Jinja's version and this package's code generator: not on where
the package is installed, nor on Python's version. So that source ships beside the templates, one module
per template and language (`compiled/<language>/<template>.py`, listed with the checksum of the text each
was made from in `compiled/<language>.json`). Being Python modules of the installed package, they are
compiled to bytecode as the rest of it is, when it is installed (pip does; uv with --compile-bytecode)
or, where that was not done, the first time they are read: loading a template's code is then reading its
bytecode, about 1 ms for the whole theme against 80 ms to compile the source.

A template gets its shipped code only for exactly the text it was made from (the checksum Jinja itself
keys compiled code by), the same name, catalog and Jinja; anything else (a site's own template, a theme
edited since, another Jinja) is compiled as before. The files are read from the installed theme only, never
from a site, so a pull request cannot bring its own. tests/test_shipped_theme.py fails when a file is not
what the templates, catalog and code generator make now, and rewrites them with UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from types import CodeType

import jinja2

SHIPPED_FOLDER = "compiled"
"""The folder of an installed theme that holds its compiled templates: a folder and an index per language."""

ShippedCode = Callable[[str], CodeType | None]
"""A shipped template's code, given the file name its frames are to carry (a template's own path, which
error reports and Jinja's tracebacks look for); None if the module cannot be read."""
Shipped = Mapping[tuple[str, str], ShippedCode]
"""(template name, checksum of its text, as Jinja takes it) -> the code Jinja makes of it."""


LANGUAGE_FILE = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*")
"""A language code as a file name (`en`, `pt_BR`): a code that is anything else ships nothing, whatever a
site's settings say, so no setting can point the build at code outside the theme's own folder."""
MODULE_FILE = re.compile(r"[A-Za-z0-9_]+\.py")
"""A shipped module's file name as the index may give it: a name in the language's folder, never a path."""


def shipped_path(theme: Path, language: str) -> Path:
    """The index of what a theme ships compiled with the catalog of `language`; its modules are in the
    folder of the same name."""
    return theme / SHIPPED_FOLDER / f"{language.replace('-', '_')}.json"


def module_file(name: str) -> str:
    """The file a template's module ships in, from its name (`incident.html`: `incident_html.py`)."""
    return re.sub(r"[^A-Za-z0-9]", "_", name) + ".py"


def _with_filename(code: CodeType, filename: str) -> CodeType:
    consts = tuple(_with_filename(const, filename) if isinstance(const, CodeType) else const
                   for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _module_code(path: Path, filename: str) -> CodeType | None:
    """The module's code as Python's import system gives it (its bytecode, if that is current), carrying
    `filename`, as Jinja's own compile of the template would."""
    loader = SourceFileLoader("statusblog_shipped_template", os.fspath(path))
    try:
        code = loader.get_code(loader.name)
    except (OSError, ImportError, SyntaxError, ValueError, EOFError):
        return None
    return _with_filename(code, filename) if code is not None else None


@functools.cache
def shipped_templates(theme: Path, language: str, catalog: str) -> Shipped:
    """What `theme` ships compiled in `language`, if it was made with this catalog and this Jinja; nothing
    otherwise, or when the index is missing or damaged (the templates are then compiled, as without it)."""
    if not LANGUAGE_FILE.fullmatch(language.replace("-", "_")):
        return {}
    index = shipped_path(theme, language)
    try:
        made = json.loads(index.read_bytes())
        if made["jinja"] != jinja2.__version__ or made["catalog"] != catalog:
            return {}
        modules = {(str(name), str(template["checksum"])): str(template["module"])
                   for name, template in made["templates"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    folder = index.with_suffix("")
    return {key: functools.partial(_module_code, folder / module) for key, module in modules.items()
            if MODULE_FILE.fullmatch(module)}


def shippable(env: jinja2.Environment, catalog: str, language: str, names: Iterable[str]) -> dict[str, str]:
    """The files that ship `names` in `language`, as `env` (a Theme's environment over the theme's own
    templates, with the catalog whose digest is `catalog`) compiles them: the same source a build would
    compile. Each file's path is relative to the theme's SHIPPED_FOLDER."""
    assert env.bytecode_cache is not None
    folder = language.replace("-", "_")
    templates, files = {}, {}
    for name in sorted(names):
        text, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        module = module_file(name)
        if f"{folder}/{module}" in files:
            raise ValueError(f"two templates ship as {module}: rename one")
        templates[name] = {"checksum": env.bytecode_cache.get_source_checksum(text), "module": module}
        files[f"{folder}/{module}"] = env.compile(text, name, filename, raw=True)
    files[f"{folder}.json"] = json.dumps({"jinja": jinja2.__version__, "catalog": catalog,
                                          "templates": templates}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return files
