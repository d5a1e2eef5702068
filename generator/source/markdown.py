"""The one configured Markdown renderer, and the split of engineer-only detail.

Raw HTML is off and only safe link schemes become links: a status page is
written in a hurry by many people, and nobody's text may run script in a
reader's browser. Images may only come from the site itself, because a
remote image is a third-party request that fails when everything else does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, mdTrim
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..core.model import Section
from .frontmatter import split_lines

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
TECHNICAL_HEADING = re.compile(r"technical details", re.IGNORECASE)
"""The text (as `heading_text` gives it) of the level-3 heading that opens engineers' details."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
_ATX = {level: re.compile(rf" {{0,3}}#{{{level}}}\s++(.*+)") for level in (2, 3)}


def heading_text(line: str, level: int) -> str | None:
    """The text of a heading of exactly `level` '#'s, without its closing '#'s; None if the line is not one.

    One possessive match and then plain trimming, so a heading followed by a long run of spaces is read
    in linear time (a lazy `(.*?)\\s*#*\\s*$` tries every split of that run against every other).
    """
    match = _ATX[level].match(line)
    return None if match is None else match.group(1).rstrip().rstrip("#").rstrip()


def is_safe_url(url: str) -> bool:
    """Relative URLs, fragments and a short list of schemes; nothing that runs."""
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES or (scheme == "" and not cleaned.startswith("//"))


def _image(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if urlsplit(src).scheme or src.startswith("//"):
        alt = self.renderInlineAsText(token.children or [], options, env) or src
        return f'<a href="{escapeHtml(src)}">{escapeHtml(alt)}</a>'
    return self.image(tokens, idx, options, env)


def _aligned_cell(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """A table column's alignment as a class: the site's Content-Security-Policy blocks style attributes."""
    token = tokens[idx]
    style = str(token.attrs.pop("style", ""))
    if style.startswith("text-align:"):
        token.attrJoin("class", "align-" + style.removeprefix("text-align:"))
    return self.renderToken(tokens, idx, options, env)


INLINE_RULE_STARTS = {
    "newline": "\n", "escape": "\\", "backticks": "`", "strikethrough": "~", "emphasis": "*_",
    "link": "[]", "image": "!", "footnote_inline": "^", "footnote_ref": "[", "autolink": "<", "entity": "&",
}
"""The characters each inline rule this renderer enables can start at (and `]`, where a link's label ends).

markdown-it's text rule reads on to the next of a fixed list of characters, and at each of them tries every
inline rule in turn. That list also holds characters kept for rules this renderer does not enable
(`-`, `:`, `#`, `%`, `+`, `=`, `>`, `@`, `$`, `{`, `}`), which are common in status updates ("on-call",
"14:05 UTC", "p99 > 2 s"): stopping only where an enabled rule can start gives the same tokens, with fewer
turns of the loop. A renderer with any other inline rule enabled keeps markdown-it's own list."""


def _make() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "typographer": False})
        .enable(["table", "strikethrough"])
        # With raw HTML off these rules match nothing, yet each is tried at every line and tag-like
        # character; taking them out changes no output and saves a tenth of the parse.
        .disable(["html_block", "html_inline"])
        .use(footnote_plugin)
        .use(tasklists_plugin, enabled=False, label=True)
        .use(anchors_plugin, min_level=3, max_level=4)
    )
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.add_render_rule("image", _image)
    md.add_render_rule("th_open", _aligned_cell)
    md.add_render_rule("td_open", _aligned_cell)
    if set(md.inline.ruler.get_active_rules()) <= {"text", *INLINE_RULE_STARTS}:
        starts = "".join(dict.fromkeys("".join(INLINE_RULE_STARTS.values())))
        md.inline.terminator_re = re.compile(f"[{re.escape(starts)}]")
    return md


MARKDOWN = _make()


_MARKUP = re.compile(r"[*_`\[\]!<>&#|~\\^{}]")
"""Characters at which some Markdown rule may start, in any line."""
_PROSE_LINE = re.compile(r"(?!\d++[.)])(?:[^\W_]|[(\"'])(?:[^\W_]|[ ,.;:'\"?()/%+=@$-])*+(?<! )")
"""A line that markdown-it reads as nothing but text: letters, digits and punctuation no Markdown rule
starts at, opening with a letter, a digit (not a list number), a bracket or a quote, and no trailing space."""


def plain_prose(text: str) -> str | None:
    """The HTML markdown-it gives text made only of prose lines (see _PROSE_LINE) and blank lines; None for
    anything else.

    Most updates are a few sentences of plain prose, and markdown-it tries a dozen block and inline rules
    at every line and word of it: writing the paragraphs directly is several times quicker, and the
    property test in tests/test_markdown_prose.py holds it to markdown-it's own output.
    """
    if _MARKUP.search(text):  # one scan in C turns away most Markdown before any line is looked at
        return None
    paragraphs = _paragraphs(text, _PROSE_LINE.fullmatch)
    if paragraphs is None:
        return None
    return "".join(f"<p>{escapeHtml(paragraph)}</p>\n" for paragraph in paragraphs)


_PARAGRAPH_LINE = re.compile(r"(?!\d++[.)])(?:[^\W_]|[(\"'!&]|[*_]++[^\W_]|`{1,2}+(?!`))")
"""How a line may start and still be nothing but a paragraph's text, whatever follows on it: no block rule
starts at a letter, a digit that is not a list number, a bracket, a quote, `!` or `&`, at emphasis marks
followed by a letter or digit (neither a list marker nor a thematic break) or at fewer than three backticks (no
fence); a line that starts with a space, `[`, `|`, `-`, `=`, `:` or `~` may be a block's (or a setext
heading's underline, a table's delimiter row, a definition)."""

_BLANK = re.compile(r"[ \t]*+")
"""A line markdown-it counts as blank: only spaces and tabs (not every character Python calls a space)."""


def paragraphs_only(text: str) -> list[str] | None:
    """The content markdown-it would give each paragraph, when every block of the text is a paragraph; None
    when some line may start another kind of block (see _PARAGRAPH_LINE), or the text has a carriage return
    (markdown-it reads it as a line break) or an inline footnote (which adds a block after the text).

    Such a text is its paragraphs' inline Markdown, so markdown-it's block rules, a dozen of them tried at
    every line, can be skipped while its inline rules still read every character: see render.
    """
    if "\r" in text or "^[" in text:
        return None
    return _paragraphs(text, _PARAGRAPH_LINE.match)


def _paragraphs(text: str, fits: Callable[[str], object]) -> list[str] | None:
    """Each paragraph's content as markdown-it's paragraph rule gives it (its lines joined, then trimmed),
    when every line that is not blank fits; None when one does not."""
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if _BLANK.fullmatch(line):
            if lines:
                paragraphs.append(mdTrim("\n".join(lines)))
                lines = []
        elif fits(line):
            lines.append(line)
        else:
            return None
    if lines:
        paragraphs.append(mdTrim("\n".join(lines)))
    return paragraphs


def render(text: str, doc_id: str = "") -> str:
    """Markdown to HTML; doc_id keeps footnote ids unique on a page of many sections.

    Text made only of paragraphs (most updates) skips markdown-it's block rules, and plain prose skips its
    inline rules too; tests/test_markdown_prose.py holds both to markdown-it's own output.
    """
    if not text.strip():
        return ""
    prose = plain_prose(text)
    if prose is not None:
        return prose
    env = {"docId": doc_id} if doc_id else {}
    paragraphs = paragraphs_only(text)
    if paragraphs is not None:
        return "".join(f"<p>{MARKDOWN.renderInline(paragraph, env)}</p>\n" for paragraph in paragraphs)
    return MARKDOWN.render(text, env)


def split_technical(text: str) -> tuple[str, str]:
    """Separate '### Technical details' (to the next heading of level <= 3).

    Engineers' detail is rendered collapsed so the plain-language text stays
    first for everyone else.
    """
    if "###" not in text:  # no heading of level 3, so none that starts technical details
        return text.strip("\n"), ""
    plain: list[str] = []
    technical: list[str] = []
    target = plain
    for _, line, outside in fence_aware_lines(text):
        heading = _HEADING.match(line) if outside else None
        if heading and TECHNICAL_HEADING.fullmatch(heading_text(line.strip(), 3) or ""):
            target = technical
            continue
        if heading and len(heading.group(1)) <= 3:
            target = plain
        target.append(line)
    return "\n".join(plain).strip("\n"), "\n".join(technical).strip("\n")


def section(text: str, doc_id: str = "") -> Section:
    plain, technical = split_technical(text)
    return Section(
        text=text.strip("\n"),
        html=render(plain, doc_id),
        technical_html=render(technical, doc_id + "-tech" if doc_id else "tech"),
    )


def fence_aware_lines(text: str) -> list[tuple[int, str, bool]]:
    """Each line with its index and whether it is outside a code fence."""
    if "```" not in text and "~~~" not in text:  # no fence can open: the common case, and a quick one
        return [(index, line, True) for index, line in enumerate(split_lines(text))]
    result = []
    fence = ""
    for index, line in enumerate(split_lines(text)):
        fence_match = _FENCE.match(line)
        if fence:
            result.append((index, line, False))
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = ""
            continue
        if fence_match:
            fence = fence_match.group(1)
            result.append((index, line, False))
            continue
        result.append((index, line, True))
    return result
