"""The installed themes, shipped inside the package as ``generator.themes``.

The folder sits at the top of the repository, beside ``generator/``, so a
theme author finds it where the design lays out a site's parts; the
packaging maps it into the package, so an installed wheel and an editable
checkout find it the same way: through this module's location.
"""

import functools
from pathlib import Path

#: The folder that holds one sub-folder per installed theme; the only place that says where themes live.
ROOT = Path(__file__).parent


@functools.cache
def languages(theme: str) -> tuple[str, ...]:
    """The languages an installed theme has a compiled catalog for (empty: it is not translated at all)."""
    catalogs = ROOT / theme / "translations"
    if theme not in installed_themes() or not catalogs.is_dir():
        return ()
    return tuple(sorted(path.name for path in catalogs.iterdir() if (path / "LC_MESSAGES" / "messages.mo").is_file()))


@functools.cache
def installed_themes() -> frozenset[str]:
    """The names `theme` in site.toml may take: the folders here that hold templates."""
    return frozenset(entry.name for entry in ROOT.iterdir()
                     if not entry.name.startswith((".", "_")) and (entry / "templates").is_dir())
