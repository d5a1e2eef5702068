"""The `statusblog` console script: `--version` answered before the command line is loaded.

A script or a CI step that asks which statusblog is installed should not wait for the command-line
library and every command's code to load; anything else goes to the click group in `main`.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:
        from ..authoring.installed import version_line

        print(version_line())
        return
    from .main import main

    main()
