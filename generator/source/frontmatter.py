"""Reading source files: text, front matter and TOML, with line numbers.

A line is git's line: the text up to a line feed. Signed bylines prove the text git stores, so
statusblog, markdown-it, YAML and git must all agree on what line N is. `split_lines` and
`line_number` below are the one definition every reader uses; `read_text` and
`split_front_matter` refuse the characters that one of those tools would count as a line break and
git would not (a lone CR anywhere; NEL, U+2028 and U+2029 in YAML), instead of guessing which of
them is right (docs/signatures.md).

YAML front matter is composed with PyYAML's BaseLoader, which resolves no
implicit types: `NO`, `1.10` and `2026-03-14` all stay the text that was
written, and the schema alone decides what a value is. Every value keeps the
line it came from so errors can point at it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.nesting import DEPTH_HINT, MAX_DEPTH, TooDeep, bounded

MAX_SOURCE_BYTES = 5 * 1024 * 1024
MAX_YAML_NODES = 10_000
FAST_YAML_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
UNPUBLISHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters outside XML 1.0's Char: no feed, sitemap or SVG can carry them, even escaped,
and UTF-8 cannot encode a lone surrogate (which a YAML "\\ud800" escape can produce)."""


LONE_CR = re.compile("\r(?!\n)")
"""A line break to markdown-it (and YAML), not to git. A CR before a line feed is harmless: every tool counts the
same lines, and it is dropped on reading."""
YAML_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
"""Line breaks to YAML (and Python's str.splitlines), not to git or markdown-it: refused in YAML front matter,
plain text in a Markdown body."""


def split_lines(text: str) -> list[str]:
    """The lines of text as git counts them: split at line feeds and nowhere else."""
    return text.split("\n")


def line_number(text: str, offset: int) -> int:
    """The 1-based git line of the character at `offset`."""
    return text.count("\n", 0, offset) + 1


def character_name(char: str) -> str:
    return "a NUL character" if char == "\x00" else f"the character U+{ord(char):04X}"


class SourceError(ValueError):
    """A file that cannot be read at all; carries the line at fault."""

    def __init__(self, line: int | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Value:
    """One front-matter or registry value and the line it was written on."""

    data: Any
    line: int | None


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its front matter and its body."""

    fields: dict[str, Value]
    body: str
    body_line: int
    """The file line number of the body's first line."""


def read_text(path: Path) -> str:
    """Read UTF-8 text, dropping a BOM and CRs that end lines, and refusing any other line break than git's."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise SourceError(None, f"file is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB",
                              "split it, or move large data out of the site's source")
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(None, f"cannot read file: {exc.strerror or exc}") from exc
    return decode_text(raw)


def decode_text(raw: bytes) -> str:
    """A file's bytes as text, as `read_text` takes them: signature checks read old versions from git alike."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(line, "file is not valid UTF-8", "save it as UTF-8") from exc
    bad = UNPUBLISHABLE.search(text)
    if bad:
        raise SourceError(line_number(text, bad.start()), f"file contains {character_name(bad.group())}",
                          "remove it; this is not a text file")
    return normalise(text)


def normalise(text: str) -> str:
    """Text as the readers take it: no BOM, no CR before a line feed, and no other CR (refused)."""
    _refuse_lone_cr(text)
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _refuse_lone_cr(text: str) -> None:
    """Markdown would start a line where git does not, and statusblog and git would count differently."""
    bad = LONE_CR.search(text)
    if bad:
        raise SourceError(line_number(text, bad.start()), "file contains a carriage return (CR) that does not end "
                                                          "a line: Markdown would start a new line there and git "
                                                          "would not",
                          "remove it, or save the file with LF (or CRLF) line endings")


def _refuse_yaml_line_breaks(header: str, first_line: int) -> None:
    bad = YAML_LINE_BREAKS.search(header)
    if bad:
        code = ord(bad.group())
        raise SourceError(first_line - 1 + line_number(header, bad.start()),
                          f"front matter contains the line separator U+{code:04X}: YAML would start a new line "
                          "there and git would not",
                          f'remove it, or write it as an escape in a quoted value, e.g. "\\u{code:04x}"')


def split_front_matter(text: str) -> Document:
    """Split `---` YAML or `+++` TOML front matter from the body."""
    lines = split_lines(text)
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        raise SourceError(1, "file does not start with front matter",
                          "begin the file with a '---' line, then 'title: ...', then a closing '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == fence:
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            if fence == "---":
                _refuse_yaml_line_breaks(header, 2)
            fields = parse_yaml_mapping(header, 2) if fence == "---" else parse_toml_mapping(header, 2)
            return Document(fields, body, index + 2)
    raise SourceError(1, f"front matter opened with '{fence}' is never closed",
                      f"add a line with just '{fence}' after the front matter")


def _compose(text: str) -> yaml.Node | None:
    """libyaml's parser where PyYAML has it (the same nodes, many times faster); PyYAML's own for
    anything libyaml refuses, so that what is accepted, and every message, stays PyYAML's."""
    if FAST_YAML_LOADER is not yaml.BaseLoader:
        try:
            return yaml.compose(text, Loader=FAST_YAML_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.BaseLoader)


def parse_yaml_mapping(text: str, first_line: int) -> dict[str, Value]:
    try:
        node = _compose(text)
    except RecursionError:
        raise SourceError(first_line, f"the YAML is {TooDeep()}", DEPTH_HINT) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        raise SourceError(line, f"front matter is not valid YAML: {exc.problem or exc}",
                          "check indentation and quoting; quote titles that contain ': '") from exc
    except yaml.YAMLError as exc:
        raise SourceError(first_line, f"front matter is not valid YAML: {exc}") from exc
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise SourceError(first_line, "front matter must be 'key: value' lines")
    budget = [MAX_YAML_NODES]
    return _mapping(node, first_line, budget, 1)


def _mapping(node: yaml.MappingNode, first_line: int, budget: list[int], level: int) -> dict[str, Value]:
    result: dict[str, Value] = {}
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            raise SourceError(line, "a key must be plain text")
        if key_node.value in result:
            raise SourceError(line, f"key '{key_node.value}' appears twice", "keep one of them")
        result[key_node.value] = Value(_plain(value_node, first_line, budget, level + 1), line)
    return result


def _plain(node: yaml.Node, first_line: int, budget: list[int], level: int) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise SourceError(first_line, "front matter is too large or nests aliases too deeply")
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if level > MAX_DEPTH:
        raise SourceError(first_line + node.start_mark.line, f"the YAML is {TooDeep()}", DEPTH_HINT)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, first_line, budget, level + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {key: value.data for key, value in _mapping(node, first_line, budget, level).items()}
    raise SourceError(first_line + node.start_mark.line, "unsupported YAML value")


_TOML_LINE = re.compile(r"at line (\d+)")
_TOML_PART = r"""(?:[A-Za-z0-9_\-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_TOML_PATH = rf"{_TOML_PART}(?:\s*\.\s*{_TOML_PART})*"
_TOML_KEY = re.compile(rf"^\s*({_TOML_PATH})\s*=")
_TOML_TABLE = re.compile(rf"^\s*\[\[?\s*({_TOML_PATH})\s*\]")


_TOML_LONG_INTEGER = re.compile(r"[0-9_]{4301,}", re.ASCII)


def load_toml(text: str, first_line: int = 1) -> dict[str, Any]:
    try:
        return bounded(tomllib.loads, text)
    except TooDeep as exc:
        raise SourceError(first_line, f"the TOML is {exc}", DEPTH_HINT) from None
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = first_line - 1 + int(match.group(1)) if match else first_line
        message = _TOML_LINE.sub("", str(exc)).replace("(, column", "(column").strip()
        raise SourceError(line, f"not valid TOML: {message}",
                          "check quoting of text values and '[table]' headers") from exc
    except ValueError as exc:  # int() refuses over 4,300 digits, and tomllib lets that through as it is
        long = _TOML_LONG_INTEGER.search(text)
        line = first_line + text[: long.start()].count("\n") if long else first_line
        raise SourceError(line, "a number has more than 4,300 digits", "no setting needs one; shorten it") from exc


def toml_lines(text: str, first_line: int = 1) -> dict[tuple[str, str], int]:
    """Line numbers of `[table]` headers and `key =` lines, since tomllib keeps none.

    Keys are (table, key) for the first two levels of a key's full dotted path,
    however it is spelled (`[a.b]`, `a.b = 1`, `"a" = 1`, `[[a]]`); a top-level
    key is ("", key) and a table's first line is also (table, "").
    """
    found: dict[tuple[str, str], int] = {}
    table: tuple[str, ...] = ()
    for offset, line in enumerate(split_lines(text)):
        number = first_line + offset
        header = _TOML_TABLE.match(line)
        key = None if header else _TOML_KEY.match(line)
        if header:
            table = _key_path(header.group(1))
            path = table
        elif key:
            path = table + _key_path(key.group(1))
        else:
            continue
        if path:
            found.setdefault(("", path[0]), number)
            found.setdefault((path[0], ""), number)
        if len(path) > 1:
            found.setdefault((path[0], path[1]), number)
    return found


def _key_path(written: str) -> tuple[str, ...]:
    """A TOML key as written (`a."b c".d`) -> its parts, read by tomllib itself so quoting cannot fool it."""
    try:
        data: Any = tomllib.loads(f"{written} = 0")
    except tomllib.TOMLDecodeError:
        return ()
    path: list[str] = []
    while isinstance(data, dict) and len(data) == 1:
        key, data = next(iter(data.items()))
        path.append(key)
    return tuple(path)


def parse_toml_mapping(text: str, first_line: int) -> dict[str, Value]:
    data = load_toml(text, first_line)
    lines = toml_lines(text, first_line)
    return {key: Value(value, lines.get(("", key), first_line)) for key, value in data.items()}
