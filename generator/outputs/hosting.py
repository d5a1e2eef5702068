"""`_headers` and `_redirects`: the host's instructions, read by Netlify and Cloudflare Pages."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ..derive.state import SiteState
from ..render.host_rules import header_rules, headers_file, redirects, redirects_file
from ..render.theme import Theme
from .origins import File, site_settings


def render_hosting(state: SiteState, _theme: Theme) -> Iterator[File]:
    free_pages = (page.slug for page in state.site.pages)
    made_from = site_settings(state.site, "", "publish fewer free pages")
    yield "_headers", headers_file(header_rules(free_pages)).encode("utf-8"), made_from
    base_path = urlsplit(state.site.config.base_url).path
    yield "_redirects", redirects_file(redirects(base_path)).encode("utf-8"), site_settings(
        state.site, "", "shorten base_url", "base_url")
