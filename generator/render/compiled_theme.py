"""The compiled theme kept in the site's cache folder, so a build after the first, or the dev server's first
build, does not compile it again.

Compiling the default theme costs about 0.4 s of a core (render.templating); making it from the code that
ships with it (render.shipped_theme) still about 0.08 s, and a site's own templates ship with nothing. Between
two builds the templates rarely change, and code kept here loads in a few milliseconds. A build with a cache
folder (source.cache) starts from the templates the last one compiled and saves them again when it compiled
any other. Each is keyed as the process keys its own: its file, the catalog put into it and the checksum of
its text, so a template edited since, or another language, compiles afresh. The whole file is keyed by
source.cache.code_version (this code, Python's version and Jinja's), and is sealed like every cache file:
compiled code runs, so only code this user's own builds compiled is ever loaded.
"""

from __future__ import annotations

import contextlib
import marshal
from collections.abc import Set
from pathlib import Path

from ..source.cache import cache_dir, code_version, read_sealed, write_sealed
from ..source.loader import config_for_theme
from .templating import keep_compiled
from .theme import Theme, load_theme

TEMPLATES_FILE = "templates.marshal"


def _path(root: Path) -> Path | None:
    directory = cache_dir(root)
    return directory / TEMPLATES_FILE if directory is not None else None


def load_compiled(root: Path) -> Set[tuple[str, str]]:
    """Keep the templates the last build of this site compiled; their keys (none without a cache folder,
    or when the file is missing, foreign or from other code)."""
    path = _path(root)
    if path is None:
        return frozenset()
    try:
        version, compiled = marshal.loads(read_sealed(path))
        if version != code_version() or not isinstance(compiled, dict):
            return frozenset()
        keep_compiled(compiled)
    except Exception:  # a missing, truncated or foreign file is an empty one
        return frozenset()
    return compiled.keys()


def save_compiled(root: Path, theme: Theme, kept: Set[tuple[str, str]]) -> Set[tuple[str, str]]:
    """Keep the templates `theme` used for the next build, unless they are those `kept` already; their keys."""
    path = _path(root)
    compiled = theme.compiled()
    if path is not None and compiled.keys() != kept:
        with contextlib.suppress(OSError):  # a cache that cannot be written is an empty one
            write_sealed(path, marshal.dumps((code_version(), compiled)))
    return compiled.keys()


def compile_ahead(root: Path) -> None:
    """Compile the site's theme from site.toml alone, before the rest of the site is read, so that the Theme
    the build makes afterwards finds its templates compiled (render.templating keeps them per process).

    A build calls this while other processes parse the site and this one would only wait for them. It
    reads nothing the build would refuse (source.loader.config_for_theme), and a template that does not
    compile is left for the build to compile again and report, with the site's own problems first.
    """
    config = config_for_theme(root)
    if config is None:
        return
    # Whatever fails here fails again when the build compiles the theme itself, and is reported there.
    with contextlib.suppress(Exception):
        load_theme(root, config).compile()
