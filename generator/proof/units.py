"""What a signature proves: units of meaning, each in one canonical form.

A signed byline vouches for what an update *means*, not for the lines that
spell it: the file is parsed whole, and each update, each postmortem section
and action item, and each incident's or maintenance's header (front matter
and summary) becomes one `Unit`. Two versions of a file say the same thing
where they give the same units, so re-wrapping a paragraph or a CRLF is no
edit, while a deleted fence line, a changed link target or a moved update is.
Pure: the same parsed item always gives the same units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..core.model import Incident, Maintenance, Postmortem, Section, Update
from ..source.layout import INCIDENTS, MAINTENANCE

KINDS = {Incident: INCIDENTS, Maintenance: MAINTENANCE}
"""Each item's kind, as `outputs/common.update_key` names it."""

_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.DOTALL)
_SPACE = re.compile(r"\s+")


def canonical_html(html: str) -> str:
    """HTML with whitespace that does not render collapsed: one space, none at the ends; `<pre>` kept."""
    parts = _PRE.split(html)
    return "".join(part if index % 2 else _SPACE.sub(" ", part) for index, part in enumerate(parts)).strip()


def _instant(when: datetime | None) -> str:
    """A time as the instant it names, in UTC: the same instant written in another zone means the same."""
    return when.astimezone(UTC).isoformat() if when else ""


def _section(section: Section) -> tuple[str, str]:
    return canonical_html(section.html), canonical_html(section.technical_html)


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of meaning. `slot` says which unit it is (the same update before and after an edit);
    `meaning` is everything else it says. Equal units mean the same."""

    kind: str
    """"update", "postmortem", "action" or "header"."""
    item: str
    """The item's identity: its kind and its `id` if set, else its slug ("incidents/api-errors")."""
    slot: tuple[str, ...]
    author: str
    """The author the unit names; "" for a header, which any registered author may vouch for."""
    meaning: tuple[object, ...]
    line: int = field(default=1, compare=False)
    """Where it starts in the file it was read from: for messages only, never part of what it means."""

    def describe(self) -> str:
        """The unit in words, for messages: "the update 2026-11-19T10:30:00Z · resolved · alice of incidents/x"."""
        what = {"header": "the header (front matter and summary)", "update": "the update", "postmortem":
                "the postmortem section", "action": "the postmortem action item"}[self.kind]
        slot = " · ".join(part for part in self.slot if part)
        return f"{what}{' ' + slot if slot else ''} of {self.item}"


def _update(item: str, update: Update) -> Unit:
    at = _instant(update.at)
    components = tuple((setting.id, str(setting.status)) for setting in update.components)
    return Unit("update", item, (at, update.status, update.author), update.author,
                (at, update.status, components, _instant(update.next_update), *_section(update.body)), update.line)


def _postmortem(item: str, postmortem: Postmortem) -> list[Unit]:
    author = postmortem.author
    found = [Unit("postmortem", item, (part.title or "(opening)", author), author,
                  (part.has_actions, canonical_html(part.html), canonical_html(part.after_html)), postmortem.line)
             for part in postmortem.parts]
    found += [Unit("action", item, (str(index), author), author,
                   (action.text, action.done, action.owner or "", action.due.isoformat() if action.due else ""),
                   action.line)
              for index, action in enumerate(postmortem.action_items, start=1)]
    return found


def _header(item: str, found: Incident | Maintenance) -> Unit:
    if isinstance(found, Incident):
        facts: tuple[object, ...] = (
            found.title, found.impact, _instant(found.started),
            tuple((component.id, str(component.status)) for component in found.components), found.cause,
            _instant(found.next_update))
    else:
        facts = (found.title, _instant(found.scheduled_start), _instant(found.scheduled_end), found.components)
    return Unit("header", item, (), "", (*facts, *_section(found.summary)))


def identity(found: Incident | Maintenance) -> str:
    return f"{KINDS[type(found)]}/{found.id}"


def units_of(found: Incident | Maintenance) -> UnitsOf:
    """Every unit of one incident or maintenance: its header, then each update and postmortem unit."""
    item = identity(found)
    updates = tuple(_update(item, update) for update in found.updates)
    postmortem = getattr(found, "postmortem", None)
    return UnitsOf(_header(item, found), updates, tuple(_postmortem(item, postmortem)) if postmortem else ())


@dataclass(frozen=True, slots=True)
class UnitsOf:
    """One item's units, in the order it was written."""

    header: Unit
    updates: tuple[Unit, ...]
    postmortem: tuple[Unit, ...]

    def all(self) -> tuple[Unit, ...]:
        return (self.header, *self.updates, *self.postmortem)
