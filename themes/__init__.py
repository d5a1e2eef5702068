"""The installed themes, shipped inside the package as ``generator.themes``.

The folder sits at the top of the repository, beside ``generator/``, so a
theme author finds it where the design lays out a site's parts; the
packaging maps it into the package, so an installed wheel and an editable
checkout find it the same way: through this module's location.
"""

from pathlib import Path

#: The folder that holds one sub-folder per installed theme.
ROOT = Path(__file__).parent
