"""The Jinja environment over a theme, with a site's own overrides.

A site's `templates/` and `static/` shadow the theme's files of the same
name, as in Hugo and Pelican. The theme itself is one of the installed themes,
named, never a path: a theme's templates are code, and a path would let a
content change that adds a folder of templates make the build run them.
Every link a template writes is relative
(`root` is the way back to the site's top), so the output works on any host,
under any path, and from file://.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time, format_timedelta
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from markupsafe import Markup

from .. import themes
from ..core.addresses import history_address
from ..core.model import SiteConfig
from ..core.problems import Blame, Problem, display_path
from ..core.times import iso_utc, zone
from ..source.layout import files_below
from ..themes import installed_themes
from .charts import uptime_filters
from .host_rules import META_CONTENT_SECURITY_POLICY, index_html_links
from .shipped_theme import shipped_templates
from .templating import CompiledTemplates, ThemeEnvironment, code_generator, compiled_templates

THEMES = themes.ROOT
"""Where installed themes live: the package generator.themes (the folder themes/)."""


class WordsError(jinja2.UndefinedError):
    """The words.html (or notices.html) in use lacks a name or a key that the outputs which are not pages read."""

    def __init__(self, message: str, filename: str | None) -> None:
        super().__init__(message)
        self.filename = filename
        self.template = os.path.basename(filename) if filename else "words.html"


def template_problem(exc: jinja2.TemplateError, root: Path) -> Problem:
    """A template that cannot be compiled or rendered, as the one problem `build` and `serve` both report."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = display_path(Path(exc.filename)) if exc.filename else exc.name or "template"
        return Problem(where, exc.lineno, f"template error: {exc.message}", "fix the template's syntax")
    if isinstance(exc, WordsError):
        return Problem(display_path(Path(exc.filename)) if exc.filename else exc.template, 1,
                       f"template error: {exc.message}",
                       f"keep every name and key of the theme's {exc.template} in a site's copy (feeds, badges "
                       "and the API read them too)")
    where, line = _rendering_at(exc) or (display_path(root / "templates"), None)
    return Problem(where, line, f"template error: {exc}", "a site template uses a name the theme does not provide")


def _rendering_at(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line a render error came from: Jinja names a template's frames after its file."""
    found = None
    frame = exc.__traceback__
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")) and os.path.isfile(filename):
            found = (display_path(Path(filename)), frame.tb_lineno)
        frame = frame.tb_next
    return found


def theme_dir(name: str) -> Path:
    """An installed theme's folder; a name that is not one (a path, say) is a bug upstream."""
    if name not in installed_themes():
        raise ValueError(f"{name!r} is not an installed theme")
    return THEMES / name


def relative_root(path: str) -> str:
    """The prefix that leads from the page at `path` back to the site's top."""
    return "../" * path.count("/")


@dataclass(frozen=True, slots=True)
class Page:
    """A theme page an output family asks for: what to render, not yet rendered.

    Listing pages is cheap and rendering them is most of a build, so the one who needs a page renders it:
    the build process that claims it, or the dev server when a browser first asks for it.
    """

    template: str
    path: str
    root: str | None
    """Given only where relative links cannot work (the 404 page, served at any depth)."""
    context: Mapping[str, Any]
    made_from: Blame = field(compare=False)
    """The source the page is made from, named if the page is too large for a host (outputs/origins.py)."""


def page(template: str, path: str, made_from: Blame, root: str | None = None, **context: Any) -> Page:
    """The page `template` makes at `path` from the sources `made_from` names, with `context`."""
    return Page(template, path, root, context, made_from)


@dataclass(frozen=True, slots=True)
class Theme:
    env: jinja2.Environment
    static_dirs: tuple[Path, ...]
    """Site's static/ first, then the theme's: the first file of a name wins."""
    link_index_html: bool = False

    def render(self, page: Page) -> bytes:
        """One page's bytes; its links lead back to the site's top from where it is, unless it says otherwise."""
        root = relative_root(page.path) if page.root is None else page.root
        html = self.env.get_template(page.template).render(path=page.path, root=root, home=root or "./",
                                                           **page.context)
        if self.link_index_html:
            html = index_html_links(html)
        return html.encode("utf-8")

    def words(self) -> jinja2.Template:
        """The theme's `words.html`: its status words (dictionaries by key) and the macros that compose phrases.

        Every status word lives in that one template, so the catalog translates it and a site re-words it
        by overriding one file; outputs that are not pages read the same words here as the pages do.
        """
        return self.env.get_template("words.html")

    def compile(self) -> None:
        """Compile every template now: a syntax error shows with its file and line before anything is
        written, and processes forked afterwards share the compiled code instead of each compiling it."""
        for name in self.env.list_templates(filter_func=lambda name: not name.startswith(".")):
            self.env.get_template(name)

    def compiled(self) -> dict[tuple[str, str], bytes]:
        """The compiled code of every template this Theme has loaded, keyed as render.templating keys it, as
        data a later process of this code can keep (keep_compiled)."""
        store = self.env.bytecode_cache
        return compiled_templates(store.used) if isinstance(store, CompiledTemplates) else {}

    def static_files(self) -> Iterator[tuple[str, bytes, Path]]:
        """Each folder's files as `source.layout` allows them (the loader has reported what it refuses): the
        path each is published at, its bytes, and the file they were read from."""
        seen: set[str] = set()
        for directory in self.static_dirs:
            for file in files_below(Path(os.path.realpath(directory.parent)), directory)[0]:
                relative = file.relative_to(directory).as_posix()
                if relative not in seen:
                    seen.add(relative)
                    yield f"static/{relative}", file.read_bytes(), file


def translations(theme: Path, language: str) -> NullTranslations:
    catalogs = theme / "translations"
    if catalogs.is_dir():
        return Translations.load(str(catalogs), [language.replace("-", "_")], domain="messages")
    return NullTranslations()


def catalog_digest(catalog: NullTranslations) -> str:
    """What a catalog says, as a digest: templates compiled with its text in them are told apart by it."""
    messages = getattr(catalog, "_catalog", {})
    return hashlib.sha256(repr(sorted(messages.items(), key=repr)).encode()).hexdigest()


def memoized_gettext(translate: Callable[[str], str]) -> Callable[..., str]:
    """Jinja's newstyle `_()` (translate, mark safe under autoescape, then %-format), remembered per string.

    Templates call `_()` hundreds of times a page, mostly with no variables,
    and Jinja's own path costs two context calls and a Markup format each time.
    """
    remembered: dict[tuple[str, bool], str] = {}

    @jinja2.pass_eval_context
    def gettext(eval_context: jinja2.nodes.EvalContext, string: str, **variables: Any) -> str:
        key = (string, eval_context.autoescape)
        if variables or key not in remembered:
            translated = translate(string)
            result = (Markup(translated) if eval_context.autoescape else translated) % variables
            if variables:
                return result
            remembered[key] = result
        return remembered[key]

    return gettext


def load_theme(site_root: Path, config: SiteConfig) -> Theme:
    base = theme_dir(config.theme)
    catalog = translations(base, config.language)
    digest = catalog_digest(catalog)
    env = ThemeEnvironment(
        loader=jinja2.FileSystemLoader([str(site_root / "templates"), str(base / "templates")]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
        auto_reload=False,  # a Theme lives for one build; the dev server makes a new one when templates change
        bytecode_cache=CompiledTemplates(digest, shipped_templates(base, config.language, digest)),
    )
    env.install_gettext_translations(catalog, newstyle=True)  # type: ignore[attr-defined]
    env.globals["_"] = memoized_gettext(catalog.gettext)
    env.globals["history"] = history_address(1)  # the history's first page: what the navigation links to
    env.code_generator_class = code_generator(catalog.gettext)
    locale = Locale.parse(config.language.replace("-", "_"))
    tz = zone(config.timezone)

    def local_datetime(value: datetime, format: str = "medium") -> str:
        return format_datetime(value, format=format, tzinfo=tz, locale=locale)

    def local_date(value: datetime, format: str = "long") -> str:
        return format_date(value.astimezone(tz).date() if isinstance(value, datetime) else value,
                           format=format, locale=locale)

    def utc_datetime(value: datetime) -> str:
        """The same in every language (as Babel's 'yyyy-MM-dd HH:mm' writes it), so it needs no locale."""
        utc = value.astimezone(UTC)
        return f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d} {utc.hour:02d}:{utc.minute:02d} UTC"

    def duration(value: timedelta) -> str:
        minutes = int(value.total_seconds() // 60)
        if minutes < 60:
            return format_timedelta(timedelta(minutes=minutes), threshold=1, locale=locale)
        hours, rest = divmod(minutes, 60)
        parts = [format_timedelta(timedelta(hours=hours), threshold=1e9, granularity="hour", locale=locale)]
        if rest:
            parts.append(format_timedelta(timedelta(minutes=rest), threshold=1e9, granularity="minute", locale=locale))
        return " ".join(parts)

    def local_time(value: datetime) -> str:
        """Date, time of day and zone as a reader's clock shows them, in the locale's own order.

        Every update has its own moment, but only a few hundred days, 1,440 minutes and a zone's few
        names: each part is formatted by Babel once per build, not once per moment.
        """
        local = value.astimezone(tz)
        clock = clock_of(local.hour, local.minute) if clock_is_wall_time else clock_at(value)
        return f"{locale.datetime_formats['medium'].format(clock, day_of(local.date()))} {zone_name(local)}"

    @functools.cache
    def clock_of(hour: int, minute: int) -> str:
        return format_time(time(hour, minute), "short", locale=locale)

    def clock_at(value: datetime) -> str:
        return format_time(value, "short", tzinfo=tz, locale=locale)

    # A locale whose short time of day shows a zone has its clock formatted moment by moment.
    clock_is_wall_time = not set(locale.time_formats["short"].pattern) & set("zZvVOxX")

    @functools.cache
    def day_of(day: date) -> str:
        return format_date(day, "medium", locale=locale)

    zone_names: dict[tuple[timedelta | None, timedelta | None, str | None], str] = {}

    def zone_name(local: datetime) -> str:
        key = (local.utcoffset(), local.dst(), local.tzname())
        if key not in zone_names:
            zone_names[key] = format_time(local, "z", tzinfo=tz, locale=locale)
        return zone_names[key]

    def skeleton(value: datetime | date, pattern: str = "MMMd") -> str:
        """A date in a CLDR skeleton ('MMMd', 'yMMMM'): the locale decides the order and punctuation."""
        day = value.astimezone(tz).date() if isinstance(value, datetime) else value
        return format_skeleton(pattern, day, locale=locale)

    # Pages show the same moments again and again (an update on its incident, its author's page, the
    # history, the feeds' pages): each is formatted once per build.
    local_datetime, local_date, utc_datetime, duration, local_time, skeleton, iso = (
        functools.lru_cache(maxsize=None)(function)
        for function in (local_datetime, local_date, utc_datetime, duration, local_time, skeleton, iso_utc))
    env.filters.update(local_datetime=local_datetime, local_date=local_date, utc=utc_datetime,
                       iso=iso, duration=duration, local_time=local_time, skeleton=skeleton,
                       names=lambda items: format_list(list(items), locale=locale),
                       number=lambda value: format_decimal(value, locale=locale))
    env.filters.update(uptime_filters(locale))
    env.globals.update(config=config, timezone_name=config.timezone,
                       content_security_policy=META_CONTENT_SECURITY_POLICY)
    return Theme(env=env, static_dirs=(site_root / "static", base / "static"),
                 link_index_html=config.link_index_html)
