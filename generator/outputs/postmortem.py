"""The postmortem as a reader meets it: each question apart, the actions as data.

The model keeps a postmortem as one Markdown section, the way staff write it.
A reader scans for the three questions, so the page sets each one apart with
its own anchor; and the action items, which the model has already read with
owner and due date, are shown from the model (done or open, owner, due)
rather than as Markdown checkboxes, so the list cannot drift from what the
uptime page and the overdue checks count.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mdit_py_plugins.anchors.index import slugify

from ..content import _H3, TASK
from ..markdown import fence_aware_lines, render, split_technical
from ..model import Postmortem


@dataclass(frozen=True, slots=True)
class Part:
    """One question of a postmortem (or the text before the first one, with an empty title)."""

    title: str
    anchor: str
    html: str
    has_actions: bool
    """Whether the action items were written in this part, so the page shows them here."""


@functools.lru_cache(maxsize=8192)
def postmortem_parts(postmortem: Postmortem, doc_id: str) -> tuple[Part, ...]:
    """Pure, so remembered: the dev server's lazy pages and a parallel build's processes walk every incident."""
    plain, _technical = split_technical(postmortem.body.text)
    chunks: list[tuple[str, list[str], bool]] = [("", [], False)]
    for _, line, outside in fence_aware_lines(plain):
        heading = _H3.match(line) if outside else None
        if heading:
            chunks.append((heading.group(1), [], False))
        elif outside and TASK.match(line):
            title, lines, _ = chunks[-1]
            chunks[-1] = (title, lines, True)
        else:
            chunks[-1][1].append(line)
    parts = []
    seen: set[str] = set()
    for number, (title, lines, has_actions) in enumerate(chunks):
        text = "\n".join(lines).strip("\n")
        if not (title or text or has_actions):
            continue
        anchor = "pm-" + (slugify(title) or str(number))
        while anchor in seen:
            anchor += "-" + str(number)
        seen.add(anchor)
        parts.append(Part(title, anchor, render(text, f"{doc_id}-pm{number}"), has_actions))
    if postmortem.action_items and not any(part.has_actions for part in parts):
        parts.append(Part("", "pm-actions", "", True))
    return tuple(parts)
