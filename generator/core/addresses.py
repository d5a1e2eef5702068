"""Where things are published: each family's top-level names, and each page's address.

Declared once, here, below every stage: the output families are held to it
(tests/test_build.py checks every path a build writes), and `check` reads it
to refuse a free page (`pages/<slug>.md`, published at `<slug>/`) whose name
an output already takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

PUBLISHED = MappingProxyType({
    "html": frozenset({"index.html", "incidents", "maintenance", "history", "components", "authors", "404.html"}),
    "static": frozenset({"static"}),
    "hosting": frozenset({"_headers", "_redirects"}),
    "subscribe": frozenset({"subscribe"}),
    "uptime": frozenset({"uptime", "api"}),
    "feeds": frozenset({"feed.xml", "feed.atom", "feed.json", "components", "incidents"}),
    "calendar": frozenset({"maintenance.ics"}),
    "api": frozenset({"api"}),
    "badges": frozenset({"badge.svg", "badge.json", "components"}),
    "embed": frozenset({"embed", "components"}),
    "sitemap": frozenset({"sitemap.xml", "robots.txt"}),
    "proofs": frozenset({"proofs"}),
})
"""Family name -> the top-level files and folders it writes. The html family also publishes each free page
under its own slug, which is why no slug may be one of these names."""

RESERVED_NAMES = frozenset().union(*PUBLISHED.values())
"""What a free page may not be called: a name some output publishes under."""

FRAMED = frozenset({"embed"})
"""The top-level folder of the only pages other sites may frame (the status cards; each component's card
is in its own folder, see component_embed_address): render/host_rules forbids framing everywhere else."""


@dataclass(frozen=True, slots=True)
class Address:
    """Where one page is published, relative to the site's root, and the files published beside it.

    Decided here, once, and carried on every item that has a page (as MkDocs' File knows its URL): outputs and
    templates read `item.address` and never put a path together themselves, so a page's place can change in
    one line and every link, feed, sitemap entry and API URL follows.
    """

    url: str
    """The folder a link names, e.g. 'incidents/api-down/'; every link is relative to the site's root."""

    @property
    def page(self) -> str:
        """The file that holds the page: what the build writes and the sitemap lists."""
        return f"{self.url}index.html"

    def beside(self, name: str) -> str:
        """A file published in the page's folder, e.g. its feed or its badge."""
        return f"{self.url}{name}"


def incident_address(slug: str) -> Address:
    return Address(f"incidents/{slug}/")


def maintenance_address(slug: str) -> Address:
    return Address(f"maintenance/{slug}/")


def component_address(component_id: str) -> Address:
    return Address(f"components/{component_id}/")


def embed_address() -> Address:
    """The site's status card, meant for another site's iframe."""
    return Address("embed/")


def component_embed_address(component_id: str) -> Address:
    """A component's status card, beside its page."""
    return Address(component_address(component_id).beside("embed/"))


def author_address(author_id: str) -> Address:
    return Address(f"authors/{author_id}/")


def free_page_address(slug: str) -> Address:
    """A page of `pages/`, at the top: why no slug may be a name in PUBLISHED."""
    return Address(f"{slug}/")


def uptime_report_address(month: date) -> Address:
    """A month's SLA report, under the uptime page: uptime/2026/03/."""
    return Address(f"uptime/{month:%Y}/{month:%m}/")


def history_address(number: int) -> Address:
    return Address("history/" if number == 1 else f"history/page/{number}/")


PROOF_MANIFEST = "proof.json"
"""The file of a proof's folder that a signature object links: what to hash, in order, and where the file is."""
PROOF_SIGNERS = "allowed_signers"


def proof_address(commit: str) -> Address:
    """A signed commit's proof: its manifest and allowed-signers file, beside the shared objects."""
    return Address(f"proofs/{commit}/")


def proof_object_path(name: str) -> str:
    """One git object of the proofs, stored once however many proofs need it: `<id>.<type>`."""
    return f"proofs/objects/{name}"
