"""The theme's catalogs: every string of every template is translated, and what ships is what was written.

The strings are extracted from the templates the way `pybabel extract` does
(with the theme's babel.cfg), so a template string added without a
translation fails here rather than showing up in English on an Indonesian
site. The compiled .mo files are what the build reads; they must say what
the .po files say, or a fixed translation never reaches a reader.
"""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from generator.render.theme import theme_dir

THEME = theme_dir("default")
CATALOGS = THEME / "translations"
LANGUAGES = ("en", "id")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%")


def template_msgids() -> set[str | tuple[str, str]]:
    with (THEME / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(THEME), method_map, options_map):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalog(language: str) -> Catalog:
    with (CATALOGS / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


def test_the_templates_have_strings_to_translate() -> None:
    msgids = template_msgids()
    assert "Signed by" in msgids and ("Open incident", "Open incidents") in msgids
    assert len(msgids) > 100


def test_every_template_string_is_in_the_template_catalog() -> None:
    with (CATALOGS / "messages.pot").open("rb") as pot:
        known = {message.id if isinstance(message.id, str) else tuple(message.id) for message in read_po(pot)}
    missing = sorted(map(str, template_msgids() - known))
    assert not missing, "run pybabel extract and update (docs/theme.md); not in messages.pot:\n" + "\n".join(missing)


def test_every_template_string_is_translated_in_indonesian() -> None:
    indonesian = catalog("id")
    untranslated = []
    for msgid in sorted(template_msgids(), key=str):
        message = indonesian.get(msgid if isinstance(msgid, str) else msgid[0])
        strings = () if message is None else (message.string if isinstance(message.string, tuple) else (message.string,))
        if message is None or message.fuzzy or not all(strings):
            untranslated.append(str(msgid))
    assert not untranslated, "not translated in id/LC_MESSAGES/messages.po:\n" + "\n".join(untranslated)


def table(compiled: Catalog) -> dict:
    def frozen(value: str | list[str] | tuple[str, ...]) -> str | tuple[str, ...]:
        return value if isinstance(value, str) else tuple(value)

    return {frozen(m.id): frozen(m.string) for m in compiled if m.id}


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    """A placeholder lost or misspelt in a translation fails the page or drops a name, a time, a number."""
    wrong = []
    for message in catalog(language):
        if not message.id or not message.string:
            continue
        if isinstance(message.id, str):
            if placeholders(message.string) != placeholders(message.id):
                wrong.append(f"{message.id!r} -> {message.string!r}")
            continue
        # A plural form may leave the number out ("One incident"), but may not bring one of its own.
        allowed = placeholders(message.id[0]) | placeholders(message.id[1])
        wrong += [f"{message.id[0]!r} -> {text!r}" for text in message.string if not placeholders(text) <= allowed]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogs_match_their_sources(language: str) -> None:
    """The .mo committed is the .po compiled: `pybabel compile` was run after the last edit of the .po."""
    compiled_now = BytesIO()
    write_mo(compiled_now, catalog(language))
    compiled_now.seek(0)
    with (CATALOGS / language / "LC_MESSAGES" / "messages.mo").open("rb") as shipped:
        committed = read_mo(shipped)
    expected = read_mo(compiled_now)
    assert table(committed) == table(expected), (
        "run: pybabel compile -d themes/default/translations"
    )
