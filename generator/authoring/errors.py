"""The one error an authoring command raises when it refuses to write.

It lives apart from the text it guards so that reading where statusblog was installed from
(`--version`, `init`'s pin) does not load the Markdown and model code that composing needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type only: `--version` need not load the problem reporting
    from ..core.problems import Problem


class AuthoringError(Exception):
    """A command refused to write; the message says why and what to do instead."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)
