"""Text made only of headings, paragraphs and tight bullet or task lists skips markdown-it's block rules
(source.markdown.simple_blocks), content made only of text, code spans and strong runs skips its inline rules
too (source.markdown.inline_html), and markdown-it's text rule stops only where an enabled rule can start
(source.markdown.INLINE_RULE_STARTS); each must give exactly what markdown-it makes of the same text, or a page
would change with how its text happens to be worded."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from mdit_py_plugins.anchors import anchors_plugin

from generator.source.markdown import (
    ANCHORED_LEVELS,
    INLINE_RULE_STARTS,
    MARKDOWN,
    _make,
    inline_html,
    render,
    simple_blocks,
)
from tests.conftest import REPO
from tests.sites import benchmark_sites

PROSE = "abzAZ09é½٣Σ ,.;:'\"?()/%+=@$-"
"""What a prose line may hold, and a little more (a non-ASCII digit, a vulgar fraction)."""
MARKUP = "*_`[]!<>&#|~\\^{}\t\r=-+.)1 \u00a0\u2028\v\f\x1c\x00\ufeff\u200b\u202e\uff11\uff0e"
"""What starts Markdown syntax somewhere: emphasis, code, links, images, raw HTML, entities, headings, tables,
strikethrough, escapes, footnotes, setext underlines, list markers, thematic breaks, indentation; and what
tools disagree on: odd spaces and line separators, NUL, a BOM, zero-width and bidi characters, fullwidth
digits and stops."""

word = st.text(alphabet="aZé7½٣Σ", min_size=1, max_size=4)
code_span = st.builds(lambda inner: f"`{inner}`", st.text(alphabet="a. _*\\<&`\t\u00a0\x1c-", min_size=0, max_size=5))
strong_mark = st.sampled_from(["**", "**", "*", "***", "__"])
gap = st.sampled_from([" ", " ", "\n", "", ". ", ".", ", ", ")", "(", "\"", "'", "!", "? ", "  \n", " > ", "#", "\u00a0"])
inline_part = st.one_of(word, word, code_span, strong_mark, gap)
loose_content = st.lists(inline_part, min_size=1, max_size=14).map("".join)
plain_code_span = st.builds(lambda inner: f"`{inner}`", st.text(alphabet="a._*<&\\-", min_size=1, max_size=5))
phrase = st.lists(st.one_of(word, word, word, plain_code_span), min_size=1, max_size=4).map(" ".join)
strong_phrase = st.builds(lambda before, inner, after: f"{before}**{inner}**{after}",
                          st.sampled_from(["", " ", "(", "\n", "a", ".", "`x`", "\"", "-", "> "]), phrase,
                          st.sampled_from(["", ".", " ", ")", "a", "!", ",", "`x`", ".)", "\"", "(", "\n", "/", "-",
                                           "#"]))
inline_content = st.one_of(loose_content, st.lists(st.one_of(phrase, strong_phrase, strong_phrase, gap), min_size=1,
                                                     max_size=5).map(" ".join))
"""Words, code spans and asterisks side by side with spaces, line breaks and punctuation, and strong phrases
between the characters that may stand around them: the places where a strong run opens, closes or does
neither, and where a backtick starts a code span or does not."""


@settings(max_examples=3000)
@given(inline_content)
@example("**Restart a capacity alert shard `packet.on-call`**.")
@example("We moved `api.example.com` to the **new pool**, and **it held**.")
@example("**a `b** c` d**")
@example("`a``b`")
@example("` a`")
@example("`a `")
@example("` a `")
@example("**a**b")
@example("a**b**")
@example("**a****b**")
@example("***a***")
@example("**(a)**")
@example("(**a**)")
@example("**\"a\"**!")
@example("**a**\n**b**")
@example("**a\nb**")
@example("a  \nb")
@example("**Done.** All good")
@example("**\nb**")
@example("a **\nb**")
@example("**a\n**")
@example("**a **b**")
@example("**-a-** **/b/**(c) **#1**>")
@example("p99 > 2 s, 100% + #3 = $4 @ 14:05!")
def test_inline_content_written_directly_is_what_markdown_it_makes_of_it(content: str) -> None:
    html = inline_html(content)
    if html is not None:
        assert html == MARKDOWN.renderInline(content, {"docId": "d"})


NEIGHBOURS = ["**", "**", "**", "`a`", "`a`", "`", "*", "_", "a", "Z9", "a", " ", " ", "\n", ".", "(", ")", "\"",
              "-", "\u00a0", "\u2000", "\u3000", "\u00bd", "\u0663", "e\u0301", "\u200b", "\ufeff", "\u2028", "\t"]
"""The marks the direct way writes, beside what Markdown calls whitespace or punctuation and what it does not:
odd spaces, a combining accent, zero-width and line-separator characters, digits of other scripts."""


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(NEIGHBOURS), max_size=16).map("".join))
def test_marks_beside_odd_characters_render_as_markdown_it_renders_them(text: str) -> None:
    html = inline_html(text)
    if html is not None:
        assert html == MARKDOWN.renderInline(text, {"docId": "d"})
    assert render(text, "d1") == (MARKDOWN.render(text, {"docId": "d1"}) if text.strip() else "")


@pytest.mark.parametrize("text", ["*a*", "_a_", "__a__", "a_b", "***a***", "**a**b", "a**b**", "** a**", "**a **",
                                  "**a", "a**", "`a``b`", "``a``", "` a`", "`a `", "`a", "`a\nb`", "[a](b)", "a\\b",
                                  "a &amp; b", "a <b>", "~~a~~", "a^b", "a  \nb", "a\u00a0b", "a\tb", "a|b", "{a}"])
def test_content_with_other_markdown_in_it_goes_to_markdown_it(text: str) -> None:
    assert inline_html(text) is None


letter = st.sampled_from("aZé(\"'7")
prose_line = st.builds(lambda first, middle, last: first + middle + last, letter,
                       st.text(alphabet=PROSE, max_size=30), st.sampled_from("a.z)?\"'"))
any_line = st.text(alphabet=PROSE + MARKUP, max_size=12)
paragraph_start = st.sampled_from(["a", "Z", "7", "é", "(", "\"", "'", "!", "&", "*a", "**b", "_c", "__d", "***e",
                                   "`", "``", "`a`", "1-", "٣"])
paragraph_line = st.builds(lambda first, rest: first + rest, paragraph_start,
                           st.text(alphabet=PROSE + MARKUP, max_size=30))
item_line = st.builds(lambda marker, rest: marker + rest,
                      st.sampled_from(["- ", "- ", "-  ", "* ", "+ ", "1. ", "- [ ] ", "- [x] ", "- - ", "- # ",
                                       "- > ", "-\t", "  - ", "- ---", "-"]),
                      st.one_of(prose_line, paragraph_line, inline_content.map(lambda text: text.replace("\n", " "))))
mixed_lines = st.lists(st.one_of(paragraph_line, paragraph_line, prose_line, item_line, item_line,
                                 inline_content, st.sampled_from(["", "", " ", "\t "]), any_line),
                       min_size=1, max_size=8)
one_line = inline_content.map(lambda text: text.replace("\n", " ").strip() or "a")
simple_list = st.lists(st.builds(lambda marker, text: marker + text,
                                 st.sampled_from(["- ", "- ", "- ", "- [ ] ", "- [x] ", "- [X] ", "- [y] ", "- [ ]"]),
                                 one_line), min_size=1, max_size=4)
simple_paragraph = st.lists(one_line, min_size=1, max_size=3)
heading = st.builds(lambda marks, text: [marks + text], st.sampled_from(["### ", "### ", "#### ", "# ", "###### ",
                                                                       "####### ", "###  ", " ### ", "###", "#"]),
                    st.one_of(one_line, one_line, st.sampled_from(["", "a #", "a ###", "What happened", "a  ", "½ 2"])))
block_lines = st.lists(st.one_of(simple_list, simple_paragraph, simple_paragraph, heading, heading,
                                 st.lists(item_line, max_size=2),
                                 st.sampled_from([[""], [""], [" "], ["\t"], ["---"], ["  b"], ["==="]])),
                       min_size=1, max_size=6).map(lambda blocks: [line for block in blocks for line in block])
"""Headings, lists and paragraphs of inline Markdown, mostly apart by blank lines, sometimes touching, sometimes
with a line between them that makes them something else; headings of every level, some of them twice."""


@settings(max_examples=2000)
@given(st.one_of(mixed_lines, block_lines))
@example(["1. a list"])
@example(["10) a list"])
@example(["a paragraph", "==="])
@example(["a paragraph", "---"])
@example(["a", "***"])
@example(["a", "* b"])
@example(["a", "- b"])
@example(["- a", "b"])
@example(["- a", "", "- b"])
@example(["- a", "- b", "", "c"])
@example(["a", "", "- b", "- c", "", "d", "", "- e"])
@example(["- a", "  b"])
@example(["- a  ", "- **b** `c`"])
@example(["- [ ] a task", "- [x] done", "- [X] **done** `x`", "- not a task"])
@example(["- [x]  two spaces", "- [ ] [x] a", "- [ ] a](b)"])
@example(["### What we are doing", "", "- [x] a (owner: b)", "- [ ] c (owner: d, due: 2026-12-20)"])
@example(["- - a"])
@example(["- a", "---"])
@example(["### What happened", "", "a", "", "### What happened", "#### Sub **x** `y`", "### What happened-1"])
@example(["a", "### b", "c", "- d", "### e", "- f"])
@example(["a", "# b"])
@example(["### a", "==="])
@example(["### a `b**c` **d**"])
@example(["### -", "### ½ ٣ é", "### [a](b)", "### a &amp; b"])
@example(["### **aΣ**`x`", "### **x**`Σ`", "### `aΣ*b` **ΣΑ** `Σ`"])
@example(["- a", "==="])
@example(["**a**", "==="])
@example(["a", "```", "code"])
@example(["`` a ` b ``"])
@example(["a [x] b", "", "[x]: /url"])
@example(["a", "[^1]: a note"])
@example(["see [^1]"])
@example(["- see [^1]", "", "[^1]: a note"])
@example(["a ^[an inline note]"])
@example(["![an image](/x.png) and ![a remote one](https://example.com/x.png)"])
@example(["&amp; &copy; &#35; &nosuch;"])
@example(["_a_ __b__ *c* **d** ~~e~~"])
@example(["*a", "*"])
@example(["a", "\u00a0b"])
@example(["a  ", "b  "])
@example(["a\\", "b"])
@example(["a", "\t", "b"])
@example(["a | b", "c | d"])
@example(["`a", "b`"])
@example(["a\x00b"])
@example(["<https://example.com> and <javascript:alert(1)>"])
@example(["[a link](https://example.com) and [a bad one](javascript:alert(1))"])
@example(["see https://example.com/x and www.example.com or mail me@example.com"])
@example(["    indented code"])
@example(["\"quoted\" and 'quoted' and 100% + 2 = $3"])
def test_paragraphs_and_lists_render_as_markdown_it_renders_them(text_lines: list[str]) -> None:
    text = "\n".join(text_lines)
    # A text Python calls blank (a lone U+001C, say) renders as nothing, whichever way it is read.
    assert render(text, "d1") == (MARKDOWN.render(text, {"docId": "d1"}) if text.strip() else "")


@pytest.mark.parametrize("text", ["a\n* b", "a\n- b", "- a\nb", "- a\n\n- b", "- a\n  b", "* a", "+ a", "-  a",
                                  "- [ ]", "- [ ]a", "- [y] a", "- [x]\ta", "- - a", "- # a", "- > a", "- 1. a", "- ---", "-\ta", "a\n1. b",
                                  "a\n===", "a\n---", "a\n***", "a\n___", "a\n```", "a\n~~~", "a\n> b",
                                  "a\n    b", "a\n | b", "a\n|-|-|", "###  a", " ### a", "### a #", "### a ###", "### a ",
                                  "#a", "####### a", "###", "### a\n===", "[x]: /url", "a\n[^1]: b", "a ^[b]", "a\rb",
                                  "a\x00b", "a\n: b", "a\n\u00a0b", "``` a"])
def test_text_that_may_hold_another_block_goes_to_markdown_it_whole(text: str) -> None:
    assert simple_blocks(text) is None


def sections(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        texts += [part.strip("\n") for part in re.split(r"^## .*$", body, flags=re.M) if part.strip()]
    return texts


def quick_share(texts: list[str]) -> tuple[int, int]:
    """How many of the texts skip markdown-it's block rules, and how many of those skip its inline rules too."""
    blocks = [simple_blocks(text) for text in texts]
    direct = [all(inline_html(piece) is not None for _, content in found
                  for piece in (content if isinstance(content, list) else [content]))
              for found in blocks if found is not None]
    return len(direct), sum(direct)


def test_the_demo_and_the_benchmark_site_render_the_same_either_way(tmp_path: Path) -> None:
    """Every section of the demo and of a generated site gives markdown-it's HTML; most take the quick way."""
    benchmark_sites().make_site(tmp_path, 60)
    texts = sections(REPO / "content" / "incidents") + sections(tmp_path / "incidents")
    assert [render(text) for text in texts] == [MARKDOWN.render(text) for text in texts]
    blockless, direct = quick_share(texts)
    assert len(texts) * 3 // 4 < blockless < len(texts)
    assert blockless * 3 // 4 < direct < blockless


def real_update_texts() -> list[str]:
    """Update text people wrote on real status pages, as stored with the importers' tests (each folder's
    SOURCE.md says where it came from): GitHub's Statuspage incidents, cState's example site, Upptime's issues."""
    fixtures = REPO / "tests" / "fixtures" / "import"
    texts = [update["body"] for path in sorted((fixtures / "statuspage" / "real").glob("*/*.json"))
             for update in json.loads(path.read_text(encoding="utf-8"))["incident"]["incident_updates"]]
    texts += [path.read_text(encoding="utf-8").split("---", 2)[2]
              for path in sorted((fixtures / "cstate" / "real").rglob("content/issues/*.md"))]
    texts += [item["body"] for name in ("issue-items.json", "issue-comment-items.json")
              for item in json.loads((fixtures / "upptime" / "real" / name).read_text(encoding="utf-8"))]
    return [text for text in texts if text and text.strip()]


def test_real_status_updates_render_as_markdown_it_renders_them() -> None:
    """Most real updates take the quick way all through; every one gives markdown-it's HTML."""
    texts = real_update_texts()
    assert len(texts) > 100
    assert [render(text) for text in texts] == [MARKDOWN.render(text) for text in texts]
    _, direct = quick_share(texts)
    assert direct > len(texts) * 3 // 4


def with_markdown_its_own_stops() -> MarkdownIt:
    """The site's renderer, its text rule stopping at every character markdown-it's own list holds."""
    md = _make()
    md.inline.terminator_re = ParserInline().terminator_re
    return md


STOCK = with_markdown_its_own_stops()
INLINE = string.punctuation + "ab1 \n\t\u00a0é"
"""Every ASCII punctuation character, whichever rule starts at it, between words, spaces and line breaks."""


def test_the_text_rule_stops_only_where_an_enabled_rule_may_start() -> None:
    """The narrower list is in effect, and every enabled inline rule has its characters in it: a rule enabled
    later without them would leave markdown-it's own list in place (see _make)."""
    assert set(MARKDOWN.inline.ruler.get_active_rules()) - {"text"} <= set(INLINE_RULE_STARTS)
    assert not MARKDOWN.inline.terminator_re.search("on-call at 14:05 UTC: p99 > 2 s, 100% + #3 = $4 @ {a}")
    assert all(MARKDOWN.inline.terminator_re.match(ch) for ch in "\n\\`~*_[]!^<&")


@settings(max_examples=2000)
@given(st.text(alphabet=INLINE, max_size=40))
@example("[a-b](c-d) and ![a:b](/c) and [a]-[b]")
@example("[^a-b] and ^[a-b] and a^[b]")
@example("<https://a-b.example/c:d> <a-b@c.example> <a:b> <-a>")
@example("&a-b; &#35; &#x2d; &amp;")
@example("`a-b` ``a`-`b`` ~~a-b~~ *a-b* _a-b_ **-a-** __:b:__")
@example("a\\-b \\: \\# a  \nb-c")
@example("[a\n-b](c)\n[d]: /e")
@example("[a](<b c> \"t-i:t\") [b](c 'x') [c](d (y))")
def test_stopping_at_fewer_characters_renders_the_same(text: str) -> None:
    assert MARKDOWN.render(text) == STOCK.render(text)
    assert MARKDOWN.renderInline(text, {"docId": "d"}) == STOCK.renderInline(text, {"docId": "d"})


def test_real_status_updates_render_the_same_with_fewer_stops() -> None:
    texts = real_update_texts()
    assert [MARKDOWN.render(text) for text in texts] == [STOCK.render(text) for text in texts]


def with_the_anchors_plugin() -> MarkdownIt:
    """The site's renderer, its headings' ids given by mdit-py-plugins' anchors plugin itself."""
    md = _make()
    plugin = MarkdownIt().use(anchors_plugin, min_level=ANCHORED_LEVELS[0], max_level=ANCHORED_LEVELS[-1])
    md.core.ruler.at("anchor", plugin.core.ruler.getRules("")[-1])
    return md


PLUGIN = with_the_anchors_plugin()
headings_only = st.lists(heading.map(lambda lines: lines[0]) | st.sampled_from(["### a-1", "### a", "#### a-2-1",
                                                                                  "### a-2", "", "text [a](b)"]),
                         min_size=1, max_size=12).map("\n".join)
"""Headings that repeat and headings whose text is what a repeat's number would make, in any order."""


@settings(max_examples=1500)
@given(st.one_of(headings_only, mixed_lines.map("\n".join), block_lines.map("\n".join)))
@example("### a\n### a\n### a-1\n### a\n### a-1\n#### a\n### a-2-1\n### a-2")
@example("### Technical `x` **y**\n### Technical x y\n### technical-x-y-1\n### Technical x y")
def test_headings_get_the_ids_the_anchors_plugin_gives_them(text: str) -> None:
    """The site's own rule for ids (linear where the plugin's is quadratic) gives the plugin's ids, both for
    text markdown-it renders and for text written without it."""
    assert MARKDOWN.render(text, {"docId": "d"}) == PLUGIN.render(text, {"docId": "d"})
    assert render(text, "d") == (PLUGIN.render(text, {"docId": "d"}) if text.strip() else "")
