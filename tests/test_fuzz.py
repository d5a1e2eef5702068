"""Property tests: whatever text lands in a source file, `check` and `build` end cleanly.

"Cleanly" means the site builds, or every problem names its file (and, for the
file that was fuzzed, its line), the way `statusblog check` prints them. Any
other exception escaping `check` or `build` is a bug, and Hypothesis shrinks it
to the smallest input that shows it. Text that builds must reach the pages as the
text that was written.

Every example that checks clean is also rendered by every output family, so a
character a format cannot carry is found too. Rendering goes through one theme
per test (compiling the templates is most of a build's time); the tests marked
`build_too` run the whole `build`, writer included.

Each test counts the examples it ran and prints the count (see them with -s);
docs/security.md records the totals.
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build.builder import build
from generator.build.full_build import build_units
from generator.core.model import SiteConfig
from generator.core.problems import SiteError
from generator.core.times import build_now
from generator.derive.state import SiteState
from generator.pipeline.evaluate import Checked, check
from generator.render.theme import Theme, load_theme
from tests.sites import INCIDENT, write_site

NOW = build_now("2026-03-15T00:00:00Z")
INCIDENT_FILE = "incidents/2026-03-14-api-errors.md"
INCIDENT_PAGE = "incidents/2026-03-14-api-errors/index.html"
FUZZ = settings(deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
"""As many examples as the Hypothesis profile (tests/conftest.py): 30 in the suite, 1,000 in a deep run."""
BUILD_FUZZ = settings(FUZZ, max_examples=max(6, FUZZ.max_examples // 5))
"""A whole build compiles every template again (~0.15 s); the others share one theme, so they get more examples."""
MOST, MOST_BUILDS = int(FUZZ.max_examples * 0.8), int(BUILD_FUZZ.max_examples * 0.8)
"""How many examples a property must have run: nearly all the profile asks for (Hypothesis stops early only
when a strategy runs out of new values)."""

any_text = st.text(st.characters(codec="utf-8"), max_size=300)
"""Every encodable code point, controls, separators, bidi and astral planes included."""
field_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"),
                     max_size=300) | any_text
"""Half of the time without the controls that are refused anyway, so that most values reach the outputs."""
TOKENS = ("\n", "\r\n", "\r", "\t", " ", ": ", "- ", "## ", "### ", "---", "+++", "```", "~~~", " · ", " | ", " - ",
          "[", "]", "(", ")", "<", ">", "&", "&#0;", "&amp;", '"', "'", "\\", "\\0", "\\x1b", "\\ud800",
          "\\u202e", "\\U0001F600", "{", "}", "*", "_", "!", "|", "#", "=", ",", "\ufeff", "\u2028", "\u202e",
          "*a", "&a ", "!!binary ", "!!python/object:os.system ", "<<: ", "? ", "%YAML 1.1", "[x]", "[ ]",
          "javascript:", "<script>", "title", "impact", "started", "components", "alice", "investigating",
          "resolved", "2026-03-14", "09:20", "UTC", "Z", "+02:00", "[api]", "name", "= ", "Postmortem",
          "next update by ", "owner: ", "due: ", "9" * 30, "0", ".", "[[", '"\\ud800"', '"\\0"', '"\\x1b"', '"\\u202e"',
          '"\\uffff"', '"\\r\\n"', '"\\u2028"')
markdownish = st.lists(st.sampled_from(TOKENS) | st.characters(codec="utf-8"), max_size=80).map("".join)
"""Weighted towards what Markdown, update headings, YAML and TOML give meaning to, escapes included."""


@functools.lru_cache(maxsize=8)
def shared_theme(root: Path, config: SiteConfig) -> Theme:
    return load_theme(root, config)


def render_everything(root: Path, state: SiteState) -> dict[str, bytes]:
    """What `build` would write, in memory: every output family over the derived state."""
    theme = shared_theme(root, state.site.config)
    return {path: data for unit in build_units(state, theme) for _family, path, data, _made_from in unit()}


def run_examples(files: Callable[..., dict[str, str | bytes]], *strategies: st.SearchStrategy,
                 build_too: bool = False, then: Callable[[dict[str, bytes], tuple], None] | None = None) -> int:
    """Write a small valid site with `files(*drawn)` over it, check it, render or build it; count the examples.

    One site directory per test, rewritten for each example, so the shared theme stays valid.
    """
    count = 0
    with tempfile.TemporaryDirectory() as temporary:
        root, out = Path(temporary) / "site", Path(temporary) / "out"

        @(BUILD_FUZZ if build_too else FUZZ)
        @given(st.tuples(*strategies))
        def example(drawn: tuple[object, ...]) -> None:
            nonlocal count
            count += 1
            shutil.rmtree(root, ignore_errors=True)
            write_site(root)
            written = files(*drawn)
            for relative, content in written.items():
                path = root / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
            checked = assert_clean_check(root, [root / relative for relative in written])
            if checked.state is None:
                return
            if build_too:
                assert_clean_build(root, out)
            rendered = render_everything(root, checked.state)
            if then is not None:
                then(rendered, drawn)

        example()
    print(f"{count} examples")
    return count


def assert_clean_check(root: Path, fuzzed: list[Path]) -> Checked:
    checked = check(root, NOW)
    fuzzed_paths = {path.resolve() for path in fuzzed}
    for problem in checked.problems:
        assert problem.path and problem.message, problem
        if Path(problem.path).resolve() in fuzzed_paths:
            assert problem.line, f"no line: {problem.format()}"
    return checked


def assert_clean_build(root: Path, out: Path) -> None:
    try:
        build(root, out, NOW)
    except SiteError as exc:
        assert exc.problems and all(problem.path for problem in exc.problems), exc
        return
    assert (out / "index.html").is_file()


def incident_with(title: str = "Elevated error rates on the public API", body: str = "", heading: str = "",
                  extra: str = "") -> str:
    text = INCIDENT.replace("title: Elevated error rates on the public API", f"title: {title}")
    text = text.replace("Some API requests failed.", body) if body else text
    text = text.replace("## 2026-03-14 11:02 UTC · resolved · bob", f"## {heading}") if heading else text
    return text.replace("---\n\n", f"{extra}---\n\n", 1) if extra else text


def test_any_title_reaches_the_page_as_written() -> None:
    def shown_as_written(rendered: dict[str, bytes], drawn: tuple) -> None:
        page = lxml.html.document_fromstring(rendered[INCIDENT_PAGE])
        assert " ".join((page.findtext(".//h1") or "").split()) == " ".join(drawn[0].split())

    def files(title: str) -> dict[str, str | bytes]:
        return {INCIDENT_FILE: incident_with(title=json.dumps(title, ensure_ascii=False))}

    assert run_examples(files, field_text, then=shown_as_written) >= MOST


def test_any_raw_front_matter_line() -> None:
    assert run_examples(lambda line: {INCIDENT_FILE: incident_with(extra=line + "\n")}, markdownish) >= MOST


def test_any_title_line_as_written_in_yaml() -> None:
    """Raw, or quoted with JSON's escapes (which YAML also reads: an emoji becomes two lone surrogates)."""
    titles = markdownish | any_text.map(json.dumps)
    assert run_examples(lambda title: {INCIDENT_FILE: incident_with(title=title)}, titles) >= MOST


def test_any_whole_front_matter() -> None:
    def files(header: str, fence: str) -> dict[str, str | bytes]:
        return {INCIDENT_FILE: f"{fence}\n{header}\n{fence}\n\nbody\n"}

    assert run_examples(files, markdownish, st.sampled_from(["---", "+++"])) >= MOST


def test_any_update_heading() -> None:
    assert run_examples(lambda heading: {INCIDENT_FILE: incident_with(heading=heading)}, markdownish) >= MOST


def test_any_body_builds() -> None:
    assert run_examples(lambda body: {INCIDENT_FILE: incident_with(body=body)}, markdownish, build_too=True) >= MOST_BUILDS


def test_any_maintenance_and_page() -> None:
    def files(title: str, body: str) -> dict[str, str | bytes]:
        quoted = json.dumps(title, ensure_ascii=False)
        return {"maintenance/window.md": f"---\ntitle: {quoted}\nscheduled_start: 2026-03-20T02:00:00Z\n"
                                         f"scheduled_end: 2026-03-20T04:00:00Z\ncomponents: [api]\n---\n\n{body}\n",
                "pages/about.md": f"---\ntitle: {quoted}\n---\n\n{body}\n"}

    assert run_examples(files, field_text, markdownish, build_too=True) >= MOST_BUILDS


REGISTRIES = ("site.toml", "authors.toml", "components.toml")


def test_any_registry_text() -> None:
    def files(registry: str, text: str) -> dict[str, str | bytes]:
        return {registry: text}

    assert run_examples(files, st.sampled_from(REGISTRIES), markdownish) >= MOST


def test_any_registry_values_build() -> None:
    def files(name: str, role: str, component: str, group: str, site_title: str, path: str) -> dict[str, str | bytes]:
        def q(value: str) -> str:
            return json.dumps(value, ensure_ascii=False)

        return {
            "authors.toml": f"[alice]\nname = {q(name)}\nrole = {q(role)}\nemail = \"alice@example.com\"\n"
                            f"url = {q('https://example.com/' + path)}\n\n"
                            "[bob]\nname = \"Bob\"\nrole = \"DBA\"\nemail = \"bob@example.com\"\n",
            "components.toml": f"[api]\nname = {q(component)}\ngroup = {q(group)}\nsla = 99.95\n",
            "site.toml": f"title = {q(site_title)}\nbase_url = {q('https://status.example.com/' + path)}\n"
                         "timezone = \"UTC\"\n",
        }

    url_path = st.text(st.sampled_from("az09/-._~%?#&=+:@!$'()*,;<>\"\\{}|^` \n\t\r\u2028\u0085"), max_size=20)
    assert run_examples(files, *[field_text] * 5, url_path, build_too=True) >= MOST_BUILDS


def test_any_bytes_in_any_source_file() -> None:
    def files(relative: str, content: bytes) -> dict[str, str | bytes]:
        return {relative: content}

    where = st.sampled_from([*REGISTRIES, INCIDENT_FILE, "maintenance/window.md", "pages/about.md"])
    assert run_examples(files, where, st.binary(max_size=400)) >= MOST
