"""A postmortem's parts: the three questions, each set apart, and the action items with owner and due date.

Parsed once, into the model, so the incident page, the uptime page, the
overdue checks and the API read the same parts and the same action items.
"""

from __future__ import annotations

import re
from datetime import datetime

from mdit_py_plugins.anchors.index import slugify as anchor_slug

from ..core.model import ActionItem, Postmortem, PostmortemPart
from ..core.problems import Problems
from ..core.times import TimeError, parse_date
from .markdown import fence_aware_lines, heading_text, render, section, split_technical

TASK = re.compile(r"\s*+[-*+]\s++\[([ xX])\]\s++(.*+)")
"""A task-list line; its text (group 2) has trailing spaces, which are stripped after (linear, unlike a lazy match)."""
META_KEY = re.compile(r"\s*+(?:owner|due)\s*+:", re.IGNORECASE)
"""How each comma-separated part of an action item's `(owner: ..., due: ...)` starts."""
PLACEHOLDER_ACTION = "Describe one follow-up action"
"""The action item `statusblog postmortem` writes for staff to replace; `check --strict` refuses it as written."""
POSTMORTEM_QUESTIONS = (
    "What happened",
    "What we did to fix it",
    "What we are doing so it does not happen again",
)


def parse_postmortem(author: str, at: datetime | None, text: str, line: int, path: str, doc_id: str,
                     problems: Problems) -> Postmortem:
    """The text under `## Postmortem · <time> · <author>` (its heading on `line`) as the model's Postmortem."""
    headings = [(heading, line + 1 + index)
                for index, raw, outside in fence_aware_lines(text)
                if outside and (heading := heading_text(raw, 3)) is not None]
    action_items = _action_items(text, line, path, problems)
    lines: dict[str, int] = {}
    for title, number in headings:
        lines.setdefault(title, number)
    return Postmortem(author=author, body=section(text, doc_id + "-pm"), line=line,
                      questions=tuple(title for title, _ in headings), action_items=action_items,
                      parts=_postmortem_parts(text, bool(action_items), doc_id, lines), at=at)


def _action_items(text: str, line: int, path: str, problems: Problems) -> tuple[ActionItem, ...]:
    items = []
    for index, raw, outside in fence_aware_lines(text):
        task = TASK.match(raw) if outside else None
        if not task:
            continue
        number = line + 1 + index
        item, owner, due = task.group(2).rstrip(), None, None
        meta = _meta(item)
        if meta:
            item, written = meta
            for pair in filter(None, (part.strip() for part in written.split(","))):
                key, _, value = (piece.strip() for piece in pair.partition(":"))
                if key.lower() == "owner":
                    owner = value
                else:
                    try:
                        due = parse_date(value)
                    except TimeError as exc:
                        problems.error(path, number, f"action item due date: {exc}",
                                       "e.g. (owner: bob, due: 2026-04-01)")
        items.append(ActionItem(text=item, done=task.group(1) != " ", owner=owner, due=due, line=number))
    return tuple(items)


def _meta(item: str) -> tuple[str, str] | None:
    """An action item's text before a closing `(owner: ..., due: ...)`, and what the brackets hold.

    Read by hand, not by one regex: a repeated group of optional parts (`(?:owner|due): [^,()]*,?)+`)
    backtracks through every way of cutting a line such as `(owner: due: due: due: ... soon`, which
    doubles its work with each word. The brackets are the last '(' and the final ')'; each part between
    them, cut at commas (one trailing comma allowed), names an owner or a due date.
    """
    start = item.rfind("(")
    if start < 0 or not item.endswith(")") or ")" in item[start + 1:-1]:
        return None
    written = item[start + 1:-1]
    parts = written.split(",")
    if len(parts) > 1 and not parts[-1]:
        parts.pop()
    if not all(META_KEY.match(part) for part in parts):
        return None
    return item[:start].rstrip(), written


def _postmortem_parts(text: str, has_action_items: bool, doc_id: str,
                      heading_lines: dict[str, int]) -> tuple[PostmortemPart, ...]:
    """The plain-language text cut at its level-3 headings; the task lines leave it for the model's list.

    Text written after a part's action items stays after them (`after_html`), where its author put it.
    """
    plain, _technical = split_technical(text)
    chunks: list[tuple[str, list[str], bool, list[str]]] = [("", [], False, [])]
    for _, line, outside in fence_aware_lines(plain):
        heading = heading_text(line, 3) if outside else None
        title, lines, has_actions, after = chunks[-1]
        if heading is not None:
            chunks.append((heading, [], False, []))
        elif outside and TASK.match(line):
            chunks[-1] = (title, lines, True, after)
        elif has_actions:
            after.append(line)
        else:
            lines.append(line)
    parts = []
    seen: set[str] = set()
    for number, (title, lines, has_actions, after) in enumerate(chunks):
        part_text, after_text = "\n".join(lines).strip("\n"), "\n".join(after).strip("\n")
        if not (title or part_text or has_actions):
            continue
        anchor = "pm-" + (anchor_slug(title) or str(number))
        while anchor in seen:
            anchor += "-" + str(number)
        seen.add(anchor)
        parts.append(PostmortemPart(title, anchor, render(part_text, f"{doc_id}-pm{number}"), has_actions,
                                    render(after_text, f"{doc_id}-pm{number}a") if after_text.strip() else "",
                                    heading_lines.get(title, 0)))
    if has_action_items and not any(part.has_actions for part in parts):
        parts.append(PostmortemPart("", "pm-actions", "", True))
    return tuple(parts)
