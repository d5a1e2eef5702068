"""The Nu HTML checker (the W3C validator's engine) finds no error on any page of the demo build.

Why one vnu run for both builds: starting the JVM is most of vnu's cost, so
the English and the Indonesian pages are checked together and the messages
sorted out per build afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.vnu import VnuMessage, format_vnu_messages, run_vnu

pytest_plugins = ["tests.translated_build"]


@pytest.fixture(scope="module")
def checked(demo_build: Path, indonesian_build: Path, vnu: tuple[Path, Path]) -> list[VnuMessage]:
    java, jar = vnu
    pages = sorted(demo_build.rglob("*.html")) + sorted(indonesian_build.rglob("*.html"))
    return run_vnu(pages, java=java, jar=jar)


def errors_under(messages: list[VnuMessage], root: Path) -> list[VnuMessage]:
    return [m for m in messages if m.file.resolve().is_relative_to(root.resolve())]


def test_every_page_of_the_demo_is_valid_html(
    checked: list[VnuMessage], demo_build: Path, indonesian_build: Path
) -> None:
    assert len(list(demo_build.rglob("*.html"))) >= 40
    in_indonesian = errors_under(checked, indonesian_build)
    messages = [m for m in checked if m not in in_indonesian]
    assert not messages, format_vnu_messages(messages)


def test_every_page_in_indonesian_is_valid_html(checked: list[VnuMessage], indonesian_build: Path) -> None:
    messages = errors_under(checked, indonesian_build)
    assert not messages, format_vnu_messages(messages)

