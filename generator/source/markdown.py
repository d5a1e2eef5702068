"""The one configured Markdown renderer, and the split of engineer-only detail.

Raw HTML is off and only safe link schemes become links: a status page is
written in a hurry by many people, and nobody's text may run script in a
reader's browser. Images may only come from the site itself, because a
remote image is a third-party request that fails when everything else does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, mdTrim
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors.index import slugify
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


ANCHORED_LEVELS = (3, 4)
"""The heading levels that get an id to link to: a postmortem's questions and what is under them."""


def unique_anchor(slug: str, taken: set[str], tried: dict[str, int]) -> str:
    """The anchors plugin's id for a heading of this slug (the slug, else the first of `slug-1`, `slug-2`, ...
    not taken by a heading before it), in linear time.

    The plugin tries every number again for each repeat of a heading, so a text of n alike headings costs
    n² steps (8 s for 8,000 at 48 KB). An id once taken stays taken, so the numbers an earlier repeat tried
    (`tried`, by slug) need not be tried again: the same ids, each number tried once.
    """
    if slug not in taken:
        taken.add(slug)
        return slug
    number = tried.get(slug, 1)
    while f"{slug}-{number}" in taken:
        number += 1
    tried[slug] = number + 1
    taken.add(f"{slug}-{number}")
    return f"{slug}-{number}"


def _anchor_headings(state: StateCore) -> None:
    """Each heading of ANCHORED_LEVELS gets the id the anchors plugin gives it: the plugin's slug of its text
    (its text and code spans' content), unique in the document as unique_anchor makes it."""
    taken: set[str] = set()
    tried: dict[str, int] = {}
    for index, token in enumerate(state.tokens):
        if token.type == "heading_open" and int(token.tag[1]) in ANCHORED_LEVELS:
            children = state.tokens[index + 1].children or []
            title = "".join(child.content for child in children if child.type in ("text", "code_inline"))
            token.attrSet("id", unique_anchor(slugify(title), taken, tried))


def _make() -> MarkdownIt:
    md = (
        MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "typographer": False})
        .enable(["table", "strikethrough"])
        # With raw HTML off these rules match nothing, yet each is tried at every line and tag-like
        # character; taking them out changes no output and saves a tenth of the parse.
        .disable(["html_block", "html_inline"])
        .use(footnote_plugin)
        .use(tasklists_plugin, enabled=False, label=True)
    )
    md.core.ruler.push("anchor", _anchor_headings)  # the anchors plugin's ids, in linear time
    md.validateLink = is_safe_url  # type: ignore[method-assign]
    md.add_render_rule("image", _image)
    md.add_render_rule("th_open", _aligned_cell)
    md.add_render_rule("td_open", _aligned_cell)
    if set(md.inline.ruler.get_active_rules()) <= {"text", *INLINE_RULE_STARTS}:
        starts = "".join(dict.fromkeys("".join(INLINE_RULE_STARTS.values())))
        md.inline.terminator_re = re.compile(f"[{re.escape(starts)}]")
    return md


MARKDOWN = _make()


_PARAGRAPH_LINE = re.compile(r"(?!\d++[.)])(?:[^\W_]|[(\"'!&]|[*_]++[^\W_]|`{1,2}+(?!`))")
"""How a line may start and still be nothing but a paragraph's text, whatever follows on it: no block rule
starts at a letter, a digit that is not a list number, a bracket, a quote, `!` or `&`, at emphasis marks
followed by a letter or digit (neither a list marker nor a thematic break) or at fewer than three backticks (no
fence); a line that starts with a space, `[`, `|`, `-`, `=`, `:` or `~` may be a block's (or a setext
heading's underline, a table's delimiter row, a definition)."""
_ITEM_LINE = re.compile(r"- (?:\[[ xX]\] )?" + _PARAGRAPH_LINE.pattern)
"""A bullet list item of one line whose content is a paragraph's text (see _PARAGRAPH_LINE), a task's box
before it or not: not empty, not indented, and not itself a list, a heading, a quote or a thematic break."""
_TASK = re.compile(r"\[([ xX])\] ")
_TASK_BOX = {" ": '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">',
             "x": '<input class="task-list-item-checkbox" checked="checked" disabled="disabled" type="checkbox">'}
"""The box the task list plugin (as _make sets it up: boxes disabled, each item's text in a label) puts
before an item's text, by what its brackets hold."""

_HEADING_LINE = re.compile(r"(#{1,6}+) ([^#\s](?:[^#\n]*+(?<!\s))?)")
"""A heading whose content holds no `#` (so no closing sequence to read) and neither starts nor ends with a
space: stricter than heading_text, which reads any heading the model is cut at, because this one must be
rendered exactly as markdown-it would."""

_BLANK = " \t"
"""What a line markdown-it counts as blank is made of: spaces and tabs (not every character Python calls a
space)."""


def simple_blocks(text: str) -> list[tuple[str, str | list[str]]] | None:
    """The text as headings, paragraphs and tight bullet lists, each block's inline content as markdown-it would
    give it: (tag, content), or ("ul", [each item's content]). None when some line may start another kind of
    block (see _HEADING_LINE, _PARAGRAPH_LINE and _ITEM_LINE), a list's item is separated from the next by a
    blank line (a loose list), a list and a paragraph touch without a blank line between them (a paragraph's
    lazy continuation), or the text has a carriage return (markdown-it reads it as a line break), a NUL (which
    it replaces) or an inline footnote (which adds a block after the text).

    Such a text is its blocks' inline Markdown, so markdown-it's block rules, a dozen of them tried at every
    line, can be skipped: see render.
    """
    if "\r" in text or "\x00" in text or "^[" in text:
        return None
    blocks: list[tuple[str, str | list[str]]] = []
    chunk: list[str] = []
    for line in [*text.split("\n"), ""]:
        heading = _HEADING_LINE.fullmatch(line) if line.startswith("#") else None
        if heading is None and line.strip(_BLANK):
            chunk.append(line)
            continue
        if chunk:
            if all(_ITEM_LINE.match(item) for item in chunk):
                if blocks and blocks[-1][0] == "ul":  # only blank lines between two items: one loose list
                    return None
                blocks.append(("ul", [mdTrim(item[2:]) for item in chunk]))
            elif all(_PARAGRAPH_LINE.match(part) for part in chunk):
                blocks.append(("p", mdTrim("\n".join(chunk))))
            else:
                return None
            chunk = []
        if heading is not None:  # a heading ends a paragraph or a list, blank line or not
            blocks.append((f"h{len(heading.group(1))}", heading.group(2)))
    return blocks


_CODE_SPAN = re.compile(r"`([^`\s\x00]|[^`\s\x00][^`\n\r\x00]*+(?<![\s`]))`")
"""A code span of one backtick each side whose content has no line break and neither starts nor ends with
a space, so markdown-it takes that content as it stands (it strips one space from each end, and turns line
breaks into spaces)."""
_INLINE_TEXT = re.compile(r"[\w \n,.;:'\"?()/%+=@$!#>`*-]*+")
"""Text around code spans (each shown as one backtick) made of letters, digits, spaces, line breaks,
punctuation at which no enabled inline rule starts, and asterisks; and `_`, which inline_html refuses on
its own: one class, matched a character at a time by the regex engine's quickest loop, where a class of
word characters without `_` needs an alternation tried at every character (six times slower)."""
_ASTERISKS = re.compile(r"\*++")
_STRONG = re.compile(r"\*\*")
_SHOWN_SPAN = re.compile("`")
_SPACE = ("", " ", "\n")
"""The start or end of the text, or what Markdown calls whitespace among the characters _INLINE_TEXT allows:
beside a strong run, each of the others is a letter or digit (alphanumeric) or punctuation."""


def inline_html(content: str) -> str | None:
    """The HTML markdown-it's inline rules give a paragraph's content made only of plain text, code spans
    (see _CODE_SPAN) and `**strong**`; None for anything else.

    Markdown's flanking rules decide whether a run of two asterisks may open or close: after a space (or
    the start) and before anything else it can only open; before a space, the end or punctuation, and after
    anything but a space, it can close (and, between two punctuation marks, open too, which makes no
    difference to a run that has something to close). So when the runs open and close by turns, each closes
    the one before it, and nothing nests; anything else goes to markdown-it. The usual marks in status
    updates (a host name in backticks, a bold "Resolved") need no more, and writing them directly is several
    times quicker; tests/test_markdown_prose.py holds it to markdown-it's own output.
    """
    pieces = _CODE_SPAN.split(content)
    texts, codes = pieces[0::2], pieces[1::2]
    if "" in texts[1:-1] or any("`" in text for text in texts):  # touching spans, or a backtick left over
        return None
    shown = "`".join(texts)
    if "_" in shown or not _INLINE_TEXT.fullmatch(shown) or " \n" in shown or "\n " in shown:
        return None  # spaces before a line break may make a hard one, and after it they are dropped
    opened = False
    for run in _ASTERISKS.finditer(shown):
        start, end = run.span()
        before, after = shown[start - 1:start], shown[end:end + 1]
        if end - start != 2:
            return None
        if not opened and before in _SPACE and after not in _SPACE:
            opened = True
        elif opened and before not in _SPACE and not after.isalnum():
            opened = False
        else:
            return None
    if opened:
        return None
    html = escapeHtml(shown)
    if "**" in html:  # before the code goes in, whose content may hold asterisks
        tags = iter(("<strong>", "</strong>") * (html.count("**") // 2))
        html = _STRONG.sub(lambda _: next(tags), html)
    if codes:
        spans = iter(codes)
        html = _SHOWN_SPAN.sub(lambda _: f"<code>{escapeHtml(next(spans))}</code>", html)
    return html


def render(text: str, doc_id: str = "") -> str:
    """Markdown to HTML; doc_id keeps footnote ids unique on a page of many sections.

    Text made only of headings, paragraphs and tight bullet or task lists (most updates and postmortems)
    skips markdown-it's block rules, and content made only of text, code spans and strong runs skips its
    inline rules too; tests/test_markdown_prose.py holds both to markdown-it's own output.
    """
    if not text.strip():
        return ""
    env = {"docId": doc_id} if doc_id else {}
    blocks = simple_blocks(text)
    if blocks is None:
        return MARKDOWN.render(text, env)
    html = []
    taken: set[str] = set()
    tried: dict[str, int] = {}
    for tag, content in blocks:
        if isinstance(content, list):
            items = []
            for item in content:
                if (item_html := _item(item, env)) is None:  # a task whose text needs markdown-it's tokens
                    return MARKDOWN.render(text, env)
                items.append(item_html)
            tasks = any(_TASK.match(item) for item in content)
            html.append(('<ul class="contains-task-list">\n' if tasks else "<ul>\n") + "".join(items) + "</ul>\n")
        elif tag == "p":
            html.append(f"<p>{_inline(content, env)}</p>\n")
        elif (heading := inline_html(content)) is None:  # its anchor would need markdown-it's tokens
            return MARKDOWN.render(text, env)
        elif int(tag[1]) in ANCHORED_LEVELS:
            anchor = unique_anchor(slugify(_anchor_text(content)), taken, tried)
            html.append(f'<{tag} id="{escapeHtml(anchor)}">{heading}</{tag}>\n')
        else:
            html.append(f"<{tag}>{heading}</{tag}>\n")
    return "".join(html)


def _anchor_text(content: str) -> str:
    """The text _anchor_headings slugs for a heading inline_html writes: its text without strong marks, and its
    code spans' content as it stands. The marks go before the slug is made, not with the rest of the
    punctuation it drops: a Greek capital sigma lowers to one letter inside a word and to another at its
    end, so "**a\u03a3**`x`" must be slugged as "a\u03a3x", as markdown-it's tokens give it."""
    pieces = _CODE_SPAN.split(content)
    return "".join(piece if index % 2 else piece.replace("**", "") for index, piece in enumerate(pieces))


def _item(content: str, env: EnvType) -> str | None:
    """A list item; a task's box and text (which inline_html must write) go in a label."""
    task = _TASK.match(content)
    if task is None:
        return f"<li>{_inline(content, env)}</li>\n"
    text = inline_html(content[task.end():])
    if text is None:
        return None
    return f'<li class="task-list-item"><label>{_TASK_BOX[task.group(1).lower()]} {text}</label></li>\n'


def _inline(content: str, env: EnvType) -> str:
    html = inline_html(content)
    return MARKDOWN.renderInline(content, env) if html is None else html


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
