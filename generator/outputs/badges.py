"""badge.svg and components/<id>/badge.svg: the status, small enough for a README; badge.json beside each.

badge.json is the same badge in shields.io's endpoint schema (schemaVersion 1,
label, message, color), so a README that already uses shields' styles can
show it: https://img.shields.io/endpoint?url=<the badge.json's public URL>.
Both files come from one Badge, so their words and colours cannot differ.

The badge says the status in words as well as colour (status is never told by
colour alone) and carries a <title>, so a screen reader announces it whether
it is embedded with <img> or inline. Text widths are estimated from a fixed
table rather than measured with a font, so the bytes depend only on the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import escape

from ..core.problems import Blame
from ..derive.state import INDICATOR_BY_STATUS, SiteState
from ..render.theme import Theme
from .common import Wording, json_bytes, xml_text
from .origins import File, component, site_settings

Output = Iterator[File]

LABEL_COLOUR = "#555"
"""Every colour below carries white 11 px text at a contrast of at least 4.5:1 (WCAG AA)."""
COLOURS = {
    "operational": "#1e7e34",
    "under_maintenance": "#0b5cad",
    "degraded_performance": "#8a5300",
    "partial_outage": "#b03a00",
    "major_outage": "#b71c1c",
}
STATUS_BY_INDICATOR = {indicator: status for status, indicator in INDICATOR_BY_STATUS.items()}
"""The site's badge follows the overall indicator, which counts an open incident even if no component is down."""
_NARROW = frozenset("fijlrtI.,:;!'|()[] ")
_WIDE = frozenset("mwMW@%")
PADDING = 6


def text_width(text: str) -> int:
    """An estimate of the width of 11 px DejaVu Sans/Verdana text, in pixels."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 3.8
        elif char in _WIDE:
            width += 10.0
        elif char.isupper() or char.isdigit():
            width += 7.6
        else:
            width += 6.8
    return round(width)


@dataclass(frozen=True, slots=True)
class Badge:
    label: str
    status: str
    """A component status key; decides the colour."""
    message: str
    """The status in the site's language, as its pages word it (lower case, as badges are)."""
    title: str

    def svg(self) -> bytes:
        # markupsafe's escape, as the pages': all five of XML's special characters, so the same call serves
        # text and a double-quoted attribute (xml.sax.saxutils would import urllib.request, HTTP and TLS).
        label, message, title = xml_text(self.label), xml_text(self.message), xml_text(self.title)
        left = text_width(label) + 2 * PADDING
        right = text_width(message) + 2 * PADDING
        width = left + right
        lines = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" '
            f'aria-label="{escape(title)}">',
            f"<title>{escape(title)}</title>",
            f'<rect width="{left}" height="20" fill="{LABEL_COLOUR}"/>',
            f'<rect x="{left}" width="{right}" height="20" fill="{COLOURS[self.status]}"/>',
            '<g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11" '
            'text-anchor="middle">',
            f'<text x="{left / 2:g}" y="14">{escape(label)}</text>',
            f'<text x="{left + right / 2:g}" y="14">{escape(message)}</text>',
            "</g>",
            "</svg>",
        ]
        return ("\n".join(lines) + "\n").encode("utf-8")

    def endpoint(self) -> bytes:
        """shields.io's endpoint JSON: the same words and colours as the SVG, drawn by shields in its styles."""
        return json_bytes({"schemaVersion": 1, "label": self.label, "message": self.message,
                           "color": COLOURS[self.status], "labelColor": LABEL_COLOUR})


def message(words: Wording, status: str) -> str:
    """A status as the theme words it on the pages, in the badge's lower case."""
    return words.component_statuses[status].lower()


def badges(state: SiteState, words: Wording) -> Iterator[tuple[str, Badge, Blame]]:
    """Each badge's path, the badge, and what it is made from (the site's title, or a component's name)."""
    site = state.site
    config = site.config
    overall = STATUS_BY_INDICATOR[state.overall.indicator].key
    title = site_settings(site, "", "shorten the site's title", "title")
    yield "badge.svg", Badge(words.translate("Status").lower(), overall, message(words, overall),
                             f"{config.title}: {words.overall(state.overall)}"), title
    for component_state in state.components.values():
        entry = component_state.component
        status = component_state.status.key
        text = message(words, status)
        yield (entry.address.beside("badge.svg"),
               Badge(entry.name, status, text, f"{entry.name} ({config.title}): {text}"), component(site, entry))


def render_badges(state: SiteState, theme: Theme) -> Output:
    for path, badge, made_from in badges(state, Wording(theme)):
        yield path, badge.svg(), made_from
        yield path.removesuffix("svg") + "json", badge.endpoint(), made_from
