"""The theme's templates run on a tuned Jinja (generator/render/templating.py): same bytes as stock Jinja, and overridable."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from generator.build.full_build import build_units
from generator.core.times import build_now
from generator.pipeline.evaluate import check
from generator.render.templating import escape_output, escape_text, fast_escape_text
from generator.render.theme import Theme, load_theme
from tests.conftest import DEMO, DEMO_NOW, REPO
from tests.sites import INCIDENT, THEME_TEMPLATES, own_templates, run, write_site


def stock(theme: Theme) -> Theme:
    """The same theme on Jinja as it comes: `_()` called at render time, Markup escaping, ChainMap globals."""
    env = theme.env
    plain = jinja2.Environment(loader=env.loader, autoescape=True, undefined=jinja2.StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"],
                               keep_trailing_newline=True, auto_reload=False)
    plain.globals.update(env.globals)
    plain.filters.update(env.filters)
    plain.tests.update(env.tests)
    plain.policies.update(env.policies)
    return dataclasses.replace(theme, env=plain)


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_output_is_byte_identical_under_stock_jinja(tmp_path: Path, language: str) -> None:
    source = tmp_path / "content"
    shutil.copytree(DEMO, source)
    config = source / "site.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('language = "en"', f'language = "{language}"'),
                      encoding="utf-8")
    state = check(source, build_now(DEMO_NOW)).state
    assert state is not None
    tuned = load_theme(source, state.site.config)
    assert made(state, stock(tuned)) == made(state, tuned)


def made(state, theme) -> dict[str, bytes]:
    """Every output as the build makes it with this theme."""
    return {path: data for unit in build_units(state, theme) for _family, path, data, _made_from in unit()}


@pytest.mark.parametrize("template", [
    '{{ _("Status") }} {{ _("History") | upper }} {{ [_("Uptime")] | join(",") }}',
    '{{ _("%(name)s signed", name=who) }} {{ _("100%% sure") }} {{ _("Target: %(sla)s%% uptime", sla=5) }}',
    '{{ who }}{{ 5 }}{{ none }}{{ 1.5 }}{{ who | safe }}{{ who | e }}{{ [who] }}{{ {"a": who} }}',
    '{% set b %}<{{ who }}>{% endset %}{{ b }}{% filter upper %}<{{ who }}>{% endfilter %}',
    '{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}{{ m(who) }}{{ m(x=who) }}',
    '{% macro c() %}<i>{{ caller() }}</i>{% endmacro %}{% call c() %}{{ who }}{% endcall %}',
    '{% macro m(x, y=who) %}{{ x }}|{{ y }}{% endmacro %}{{ m(1) }}{{ m(1, 2) }}{{ m(1, y=3) }}{{ m(y=4, x=5) }}',
    '{% macro v(x) %}{{ x }}{{ varargs }}{% endmacro %}{{ v(1) }}{{ v(1, 2, who) }}',
    '{% macro k(x) %}{{ x }}{{ kwargs }}{% endmacro %}{{ k(1) }}{{ k(1, a=who) }}',
    '{% macro c(x) %}{{ x }}{{ caller() if caller is defined else "-" }}{% endmacro %}{{ c(who) }}'
    '{% call c(who) %}in{% endcall %}',
    '{% macro e(caller=1) %}{{ caller }}{% endmacro %}{{ e(who) }}{{ e() }}',
    '{% macro m(x) %}<{{ x }}>{% endmacro %}{% autoescape false %}{{ m(who) }}{% endautoescape %}{{ m(who) }}',
    '{% macro m(x) %}{{ x }}{% endmacro %}{% for i in [who, 1] %}{{ m(i) }}{{ m(loop.index) }}{% endfor %}',
    '{{ shout(who) }}{{ in_context("<") }}{{ by_environment("<") }}{{ marked.plain(who) }}{{ marked.seen("<") }}',
    '{% for i in ["<", 2] %}{{ in_context(i) }}{{ shout(loop.index) }}{{ marked.seen(i) }}{% endfor %}',
    '{% autoescape false %}{{ who }}{{ _("Status") }}{% endautoescape %}{% autoescape flag %}{{ who }}{% endautoescape %}',
    '{% for _ in [who] %}{{ _ }}{% endfor %}{{ _("Status") }}',
    '{% set _ = upper %}{{ _("status") }}',
    '{% macro _(x) %}[{{ x }}]{% endmacro %}{{ _("Status") }}',
    '{% from "macros.html" import status_words as _ %}{{ _("operational") }}',
    '{% set d = {} %}{{ d.get("x", who) }}{% set l = [] %}{{ l.append(who) or l }}{{ who.replace("<", "[") }}',
    # An attribute the object lacks is its item of that name, read from the object evaluated once.
    '{% set d = {"k": who} %}{{ d.k }}{{ d.items() | list }}{{ tick().n }}{{ tick().n }}{{ tick().seen.count }}',
    '{{ who.nosuch is defined }}{{ who.nosuch | default("none") }}{{ d is defined }}{{ who.upper().lower() }}',
])
def test_a_template_renders_as_under_stock_jinja(template: str) -> None:
    tuned = load_theme(DEMO, check(DEMO, build_now(DEMO_NOW)).state.site.config)
    tuned.env.globals.update(upper=str.upper, shout=lambda text: f"{text}!", marked=Marked(),
                             in_context=jinja2.pass_context(lambda context, text: f"{context['who']}{text}"),
                             by_environment=jinja2.pass_environment(lambda env, text: f"{env.autoescape}{text}"))
    plain = stock(tuned).env
    assert tuned.env.from_string(template).render(values()) == plain.from_string(template).render(values())


def values() -> dict[str, object]:
    """What the templates above are given; a fresh count of calls for each render."""
    return {"who": "<Zoë & \"Bob\" 'O'>", "flag": True, "tick": Ticks()}


class Ticks:
    """Counts its calls: a template that evaluated an expression twice would show another count."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> dict[str, object]:
        self.count += 1
        return {"n": self.count, "seen": self}


def test_an_attribute_that_is_neither_there_nor_an_item_fails_as_under_stock_jinja() -> None:
    tuned = load_theme(DEMO, check(DEMO, build_now(DEMO_NOW)).state.site.config)
    errors = []
    for env in (tuned.env, stock(tuned).env):
        with pytest.raises(jinja2.UndefinedError) as failed:
            env.from_string("{{ tick().nosuch }}").render(values())
        errors.append(str(failed.value))
    assert errors[0] == errors[1] == "'dict object' has no attribute 'nosuch'"


class Marked:
    """An object whose methods a template calls, one of them marked to be given the context."""

    def plain(self, text: str) -> str:
        return f"<{text}>"

    @jinja2.pass_context
    def seen(self, context: jinja2.runtime.Context, text: str) -> str:
        return f"{context['who']}{text}"


def test_a_translation_that_cannot_be_formatted_fails_when_rendered_not_when_compiled() -> None:
    tuned = load_theme(DEMO, check(DEMO, build_now(DEMO_NOW)).state.site.config)
    template = tuned.env.from_string('{% if fail %}{{ _("%(missing)s") }}{% endif %}')
    assert template.render(fail=False) == ""
    with pytest.raises(KeyError):
        template.render(fail=True)


@given(st.text())
def test_escaping_text_is_markupsafes(text: str) -> None:
    assert escape_text(text) == fast_escape_text(text) == escape_output(text) == str(escape(text))


@pytest.mark.parametrize("value", [Markup("<b>&amp;</b>"), 5, None, 2.5, ["<"], Markup("<i>").__class__("x")])
def test_escaping_any_value_is_markupsafes(value: object) -> None:
    assert escape_output(value) == str(escape(value))


def test_escaping_an_object_with_html_uses_it() -> None:
    class Safe:
        def __html__(self) -> str:
            return "<b>safe</b>"

    assert escape_output(Safe()) == "<b>safe</b>"


def test_a_sites_signature_macro_shows_in_every_byline(tmp_path: Path) -> None:
    override = ('{% macro signature(signed, author_id, author, root, state) -%}\n'
                ' <span class="mine">{{ author.name }} at {{ signed.anchor }}</span>\n'
                '{%- endmacro %}\n')
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": INCIDENT,
                                          "templates/byline_signature.html": override})
    out = tmp_path / "out"
    result = run("build", str(root), "--out", str(out), "--now", "2026-03-15T00:00:00Z")
    assert result.exit_code == 0, result.stderr
    page = (out / "incidents/2026-03-14-api-errors/index.html").read_text(encoding="utf-8")
    bylines = page.count('<p class="byline">')
    assert bylines >= 2
    assert page.count('<span class="mine">') == bylines
    assert '<span class="mine">Alice Nguyen at u-20260314T092000Z</span></p>' in page


def test_a_macros_html_from_an_older_theme_is_a_template_error_not_a_traceback(tmp_path: Path) -> None:
    theme = (REPO / "themes/default/templates/macros.html").read_text(encoding="utf-8")
    older = theme.replace("{% macro day_row(component_id, name, state) -%}", "{% macro day_row(component_id, name) -%}")
    assert older != theme
    root = write_site(tmp_path / "site", {"templates/macros.html": older})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", "2026-03-15T00:00:00Z")
    assert result.exit_code == 1
    assert "error: template error: macro 'day_row' takes not more than 2 argument(s)" in result.stderr
    assert "Traceback" not in result.stderr


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from here on."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object):
        compiled.append(str(name))
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_a_second_theme_in_one_process_reuses_every_compiled_template(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(DEMO, site)
    own_templates(site)  # none ships compiled
    config = check(site, build_now(DEMO_NOW)).state.site.config
    compiled = _compiles(monkeypatch)
    load_theme(site, config).compile()
    assert len(compiled) == len(THEME_TEMPLATES)
    load_theme(site, config).compile()
    assert len(compiled) == len(THEME_TEMPLATES)


def test_reuse_follows_the_template_s_text_and_the_catalog_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A saved template is compiled again, and a site that changed its language gets its catalog's text."""
    site = write_site(tmp_path / "site")
    (site / "templates").mkdir()
    footer = site / "templates" / "404.html"
    footer.write_text("{{ _('History') }} one\n", encoding="utf-8")
    config = check(site, build_now(DEMO_NOW)).state.site.config
    load_theme(site, config).compile()
    compiled = _compiles(monkeypatch)

    footer.write_text("{{ _('History') }} two\n", encoding="utf-8")
    english = load_theme(site, config)
    english.compile()
    assert compiled == ["404.html"]
    assert english.env.get_template("404.html").render().strip() == "History two"

    indonesian = load_theme(site, dataclasses.replace(config, language="id"))
    indonesian.compile()
    assert indonesian.env.get_template("404.html").render().strip() == "Riwayat two"
