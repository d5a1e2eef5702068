"""What every machine-readable output shares: absolute URLs, stable ids, safe JSON.

Feeds, the API and the calendar name the same things (an incident, one of its
updates), so they derive their ids from one key per thing. The key is built
from the incident's `id` (front matter, else the slug) and the update's UTC
time, never from a title or a file name: editing a title or renaming a file
must not make every reader see the update again as new.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from ..core.addresses import PROOF_MANIFEST
from ..core.json_text import dumps_indented
from ..core.model import Author, SiteConfig, Update
from ..core.times import iso_utc
from ..derive.state import Notice, Overall
from ..derive.timeline import Promise
from ..proof.bylines import Byline, Bylines
from ..render.theme import Theme, WordsError
from ..source.frontmatter import UNPUBLISHABLE

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The `updated` time of a feed with no entries: the clock is never read, and nothing is newer."""


def absolute(config: SiteConfig, path: str = "") -> str:
    """The public URL of an output path; `index.html` is left to the host."""
    return config.base_url + path.removesuffix("index.html")


def proof_urls(config: SiteConfig, bylines: Bylines, byline: Byline | None) -> dict[str, str]:
    """Commit -> the address of its published proof, for a byline and each of its verified edits: what its
    signature object links."""
    found = (bylines.proof_of(proven) for proven in ((byline, *byline.edits) if byline else ()))
    return {proof.commit: absolute(config, proof.address.beside(PROOF_MANIFEST)) for proof in found if proof}


def update_key(kind: str, item_id: str, update: Update | Notice | None = None) -> str:
    """The one name of an incident, maintenance or update, shared by every output.

    `kind` is "incidents" or "maintenance"; without an update the key names
    the item itself, with one it names the update by its UTC time
    (`u-<time>`), and a schedule's notice by its kind and time
    (`reminder-<time>`, `started-<time>`, `completed-<time>`), so the two
    never share a name.
    """
    key = f"{kind}/{item_id}"
    return f"{key}/{update.anchor}" if update is not None else key


def tag_uri(config: SiteConfig, day: datetime, key: str) -> str:
    """An RFC 4151 tag URI: a permanent id that never resolves, so it never breaks.

    The authority is the site's host; the date is the day the thing was first
    published, which is part of the thing itself and so never moves.
    """
    host, prefix = _host_and_prefix(config.base_url)
    specific = f"{prefix}/{key}" if prefix else key
    return f"tag:{host},{day.astimezone(UTC):%Y-%m-%d}:{specific}"


def calendar_uid(config: SiteConfig, key: str) -> str:
    """An iCalendar UID: the key at the site's host, free of any date that could move."""
    host, prefix = _host_and_prefix(config.base_url)
    return f"{prefix}/{key}@{host}" if prefix else f"{key}@{host}"


@functools.cache
def _host_and_prefix(base_url: str) -> tuple[str | None, str]:
    """Asked once per id of every output: a site has one base URL, so it is split once."""
    parts = urlsplit(base_url)
    return parts.hostname, parts.path.strip("/")


def short_id(key: str) -> str:
    """A 12-character id in Statuspage's shape ([a-z2-7]), stable for the same key."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return base64.b32encode(digest[:10]).decode("ascii")[:12].lower()  # 10 bytes encode to 16 characters


def author_fields(author: Author | None, author_id: str, config: SiteConfig) -> dict[str, Any]:
    """The signer of an update as machines see them: who, their role, how to reach them."""
    if author is None:
        return {"id": author_id, "name": author_id, "role": None, "email": None, "url": None}
    return {
        "id": author.id,
        "name": author.name,
        "role": author.role,
        "email": author.email or None,
        "url": absolute(config, author.address.url),
    }


def promise_fields(promise: Promise) -> dict[str, Any]:
    """A 'next update by' and what became of it: the same fields in api/v2 and api/uptime.json."""
    return {
        "made_at": iso_utc(promise.made_at),
        "due_at": iso_utc(promise.due),
        "next_update_at": iso_utc(promise.answered_at) if promise.answered_at else None,
        "on_time": promise.on_time if promise.fell_due else None,
        "late_seconds": None if promise.late_by is None else round(promise.late_by.total_seconds()),
    }


def json_bytes(data: Any) -> bytes:
    """Deterministic JSON that stays inert even if a browser sniffs it as HTML.

    `<`, `>` and `&` are written as \\u escapes: the value a parser reads back
    is unchanged, but no text in the file can open a tag or an entity.
    """
    text = dumps_indented(data)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


def xml_text(text: str) -> str:
    """Text without the control characters XML 1.0 cannot carry at all, even escaped."""
    return UNPUBLISHABLE.sub("", text)


def _plain(value: Any) -> str:
    """The text a page shows for a value of the theme: Markup is HTML and is unescaped, anything else is text."""
    return escape(value).unescape()


class _Words(dict[str, str]):
    """One dictionary of words.html as plain text; a key a site's copy left out is a template error, as on a page."""

    def __init__(self, words: jinja2.Template, name: str) -> None:
        super().__init__((key, _plain(text)) for key, text in _defined(words, name).items())
        self.name = name
        self.template = words.name
        self.filename = words.filename

    def __missing__(self, key: str) -> str:
        raise WordsError(f"{self.template}: {self.name} has no '{key}'", self.filename)


def _defined(words: jinja2.Template, name: str) -> Any:
    """A name of words.html (or notices.html); a site's copy made from an older theme reports the one it lacks,
    not a traceback."""
    if not hasattr(words.module, name):
        raise WordsError(f"{words.name} does not define '{name}'", words.filename)
    return getattr(words.module, name)


class Wording:
    """What outputs that are not pages (feeds, badges, the API, notifications) say to people, as plain text.

    Status words and phrases are the theme's `words.html`, which the pages read too, so a translation or a
    site's re-wording reaches every output at once. Any other word ("Technical details") is the theme's
    catalog through the same Jinja gettext, so nothing needs a second catalog. The words of a maintenance
    schedule's own notices are the theme's `notices.html`, read only when there is one. Each output escapes
    the text for its own format.
    """

    def __init__(self, theme: Theme) -> None:
        words = theme.words()
        self.component_statuses = _Words(words, "component_statuses")
        self.update_statuses = _Words(words, "update_statuses")
        self.indicator_descriptions = _Words(words, "indicator_descriptions")
        self.signature_states = _Words(words, "signature_states")
        self._overall_sentence = _defined(words, "overall_sentence")
        self._phrases = {name: _defined(words, name)
                         for name in ("feed_description", "calendar_name", "calendar_description", "affects")}
        self._gettext = theme.env.from_string("{{ _(text) }}")
        self._translated: dict[str, str] = {}
        self._env = theme.env
        self._notice_labels: _Words | None = None

    @functools.cached_property
    def _notice_words(self) -> jinja2.Template:
        """The theme's `notices.html`, read only by a build that has a notice to word."""
        return self._env.get_template("notices.html")

    def notice_label(self, kind: str) -> str:
        """A schedule notice's word in a title ("Reminder"), as plain text."""
        if self._notice_labels is None:
            self._notice_labels = _Words(self._notice_words, "labels")
        return self._notice_labels[kind]

    def notice_text(self, notice: Notice, start: datetime, end: datetime) -> str:
        """What a schedule notice of the window from `start` to `end` says, as plain text."""
        return _plain(_defined(self._notice_words, "text")(notice.kind, start, end))

    def unsigned(self) -> str:
        """The sentence every schedule notice carries: no one wrote or signed it."""
        return _plain(_defined(self._notice_words, "unsigned")())

    def indicator_description(self, overall: Overall) -> str:
        """Statuspage's description of the page's state ("Partially Degraded Service"), in the site's language."""
        return self.indicator_descriptions[overall.described]

    def overall(self, overall: Overall) -> str:
        """The overall state in one sentence: "Partial outage of Object storage; Degraded performance of CDN edge"."""
        return _plain(self._overall_sentence(overall))

    def phrase(self, name: str, *args: Any, **kwargs: Any) -> str:
        """One of words.html's phrases that feeds and the calendar say about themselves, as plain text."""
        return _plain(self._phrases[name](*args, **kwargs))

    def translate(self, text: str) -> str:
        """A word of the catalog; the few that label every entry are rendered once each."""
        if text not in self._translated:
            self._translated[text] = Markup(self._gettext.render(text=text)).unescape()
        return self._translated[text]
