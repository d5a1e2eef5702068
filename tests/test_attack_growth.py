"""Size and time: every parser that reads user text does work linear in it.

Each case is an input an attacker can write (a heading followed by a long
run of spaces, an action item with the same word repeated, an Upptime title
of 400,000 characters) built at n and at 8n. The work at 8n must be about 8
times the work at n, never the 64 times of a quadratic step or the hang of
a backtracking regex. Work is measured as the best of a few runs, and only
the ratio is asserted; the timeout only stops a run that would never end.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from time import perf_counter

import pytest

from generator.core.problems import Problems
from generator.core.times import TimeError, parse_time
from generator.importers import upptime
from generator.source.markdown import inline_html, render, simple_blocks
from generator.source.parse import parse_incident
from generator.source.postmortem import parse_postmortem
from tests.sites import INVESTIGATING

SCALE = 8
LINEAR_ENOUGH = 32
"""A linear step grows about 8 times from n to 8n (a little more when the text outgrows the caches), a quadratic one 64 times: 32 tells them apart."""
HANG = 60.0
"""Seconds after which a run counts as hung (today's backtracking regexes would take hours or years)."""


def _best(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = perf_counter()
        function(text)
        best = min(best, perf_counter() - started)
    return best


def _measure(function: Callable[[str], object], make: Callable[[int], str], n: int, send) -> None:
    function(make(n))  # warm up imports and caches
    send.send((_best(function, make(n)), _best(function, make(SCALE * n))))


def growth(function: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """How many times more work `function` does on make(8n) than on make(n); fails if it does not finish."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_measure, args=(function, make, n, send), daemon=True)
    process.start()
    if not receive.poll(HANG):
        process.kill()
        process.join()
        pytest.fail(f"still running after {HANG:g} s on {len(make(SCALE * n)):,} characters: not linear")
    small, large = receive.recv()
    process.join()
    return large / max(small, 1e-9)


def assert_linear(function: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    ratios = []
    for _ in range(3):  # a busy machine can slow one run; a step that is not linear is slow every time
        ratios.append(growth(function, make, n))
        if ratios[-1] < LINEAR_ENOUGH:
            return
    pytest.fail(f"work grew {min(ratios):.0f} times from n to {SCALE}n (linear would be about {SCALE})")


def incident(body: str) -> str:
    return INVESTIGATING + body


def parse(text: str) -> object:
    return parse_incident(text, "x", "incidents/x.md", UTC)


def postmortem(text: str) -> object:
    return parse_postmortem("alice", None, text, 1, "incidents/x.md", "x", Problems())


def time_of(text: str) -> object:
    try:
        return parse_time(text, UTC)
    except TimeError:
        return None


def upptime_title(tmp: Path) -> Callable[[str], object]:
    def read(title: str) -> object:
        export = tmp / "issues.json"
        export.write_text(json.dumps([{"number": 1, "title": title, "labels": [{"name": "status"}, {"name": "api"}],
                                       "body": "", "createdAt": "2026-01-01T00:00:00Z"}]))
        return upptime.read(export)
    return read


def upptime_body(tmp: Path) -> Callable[[str], object]:
    def read(body: str) -> object:
        export = tmp / "issues.json"
        export.write_text(json.dumps([{"number": 1, "title": "API is down", "body": body,
                                       "labels": [{"name": "maintenance"}], "createdAt": "2026-01-01T00:00:00Z"}]))
        return upptime.read(export)
    return read


CASES = {
    "an action item repeating 'due:'": (postmortem, lambda n: "- [ ] x (owner: due: " + "due: " * n + "soon\n", 2000),
    "a level-2 heading then a run of spaces": (parse, lambda n: incident("\n## Notes" + " " * n + "x\n"), 5000),
    "a level-3 heading then a run of spaces": (postmortem, lambda n: "### Notes" + " " * n + "x\n", 5000),
    "a task line then a run of spaces": (postmortem, lambda n: "- [ ] a" + " " * n + "x\n", 5000),
    "an update heading with a run of spaces": (
        parse, lambda n: incident("\n## 2026-03-14 10:00" + " " * n + "x · update · alice\n\nText.\n"), 5000),
    "'next update by' then a run of spaces": (
        parse, lambda n: incident("\n## 2026-03-14 10:00 UTC · update · alice\n\nNext update by" + " " * n + "x\n"),
        5000),
    "a technical details heading then spaces": (
        parse, lambda n: incident("\n### technical details" + " " * n + "x\n"), 5000),
    "a time with a run of spaces before a word": (time_of, lambda n: "2026-03-14" + " " * n + "x UTC1", 5000),
    "a prose line of many words that ends in a space": (render, lambda n: "a" + " b," * n + " ", 20000),
    "a prose line of digits that ends as a list number": (render, lambda n: "1" * n + ". x", 20000),
    "a prose paragraph of many lines": (render, lambda n: "One line of prose (50% done).\n" * n, 2000),
    "a line of emphasis marks before a letter": (simple_blocks, lambda n: "a\n" + "*_" * n + "a", 20000),
    "a paragraph line of digits that ends as a list number": (simple_blocks, lambda n: "1" * n + ". x", 20000),
    "a blank line of many spaces and tabs": (simple_blocks, lambda n: "a\n" + " \t" * n + "\nb", 20000),
    "a paragraph of many lines of inline markup": (render, lambda n: "`code` and **bold**\n" * n, 2000),
    "a list of many items of inline markup": (render, lambda n: "- `code` and **bold**\n" * n, 2000),
    "many one-item lists and paragraphs in turn": (simple_blocks, lambda n: "- a\n\nb\n\n" * n, 5000),
    "a task list of many items": (render, lambda n: "- [x] done `x`\n- [ ] **open**\n" * n, 2000),
    "a heading of many words that ends in a hash": (simple_blocks, lambda n: "### " + "a " * n + "#", 20000),
    "many headings and paragraphs in turn": (render, lambda n: "".join(f"### Part {i}\ntext\n" for i in range(n)),
                                             2000),
    "many headings of one title": (render, lambda n: "### a\n" * n, 2000),
    "many headings of one title, and a link": (render, lambda n: "### a\n" * n + "[x](https://example.com)\n", 2000),
    "headings of one title and of its repeats' ids": (
        render, lambda n: "".join(f"### a\n### a-{i}\n" for i in range(n)), 2000),
    "code spans that never close": (inline_html, lambda n: "`a " * n, 20000),
    "a code span that ends in a space": (inline_html, lambda n: "`" + "a" * n + " `", 20000),
    "strong runs that open and close": (inline_html, lambda n: "**a** `b` " * n + "*", 20000),
    "a 'Components:' line of many pairs": (
        parse, lambda n: incident("Components: " + ", ".join(f"c{i}=operational" for i in range(n)) + "\n"), 4000),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_each_parser_reads_adversarial_text_in_linear_time(case: str) -> None:
    function, make, n = CASES[case]
    assert_linear(function, make, n)


@pytest.mark.slow
def test_an_upptime_title_of_any_length_is_read_in_linear_time(tmp_path: Path) -> None:
    assert_linear(upptime_title(tmp_path), lambda n: "a" + " " * n + "b is" + " x" * n, 50000)


@pytest.mark.slow
def test_an_upptime_body_full_of_unclosed_comments_is_read_in_linear_time(tmp_path: Path) -> None:
    assert_linear(upptime_body(tmp_path), lambda n: "<!-- start: 2026-01-02T00:00:00Z -->" + "<!--" * n, 20000)


def test_an_action_item_that_looks_like_its_owner_and_due_date_still_reads_them() -> None:
    problems = Problems()
    pm = parse_postmortem("alice", None, "- [ ] Alert on pool saturation (owner: bob, due: 2026-04-01)  \n"
                          "- [x] Raise pool size (Owner: carol,)\n- [ ] Read (the docs)\n", 1, "x.md", "x", problems)
    items = [(item.text, item.owner, str(item.due)) for item in pm.action_items]
    assert items == [("Alert on pool saturation", "bob", "2026-04-01"), ("Raise pool size", "carol", "None"),
                     ("Read (the docs)", None, "None")]
    assert not problems.items


def test_a_line_that_sets_thousands_of_unknown_components_is_one_error(tmp_path: Path) -> None:
    from tests.sites import run, write_site

    line = "Components: " + ", ".join(f"c{i}=operational" for i in range(3000))
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident(line + "\n")})
    result = run("check", str(root), "--now", "2026-03-14T09:30Z")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1
    assert errors[0].endswith("api-errors.md:13: error: unknown components 'c0', 'c1', 'c2', 'c3', 'c4' and 2,995 more")
