"""A new site: the files `statusblog init` writes, and the versions its CI installs.

A new site must build clean at once and publish from its own repository in
one step, on a machine that has only Python. So it gets a workflow, a
`netlify.toml` and a `requirements.txt` that pins statusblog and every library
under it to the exact versions this statusblog runs on: Babel's CLDR data and
Jinja shape the published bytes, and a site whose CI took whatever the index
served that day would publish different pages from the same source.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from importlib import metadata
from pathlib import Path
from string import Template

from .. import __version__
from ..core.problems import Problem
from ..core.times import TimeError, iso_utc, zone
from ..pipeline.workspace import evaluate, load_workspace
from ..source.layout import INCIDENTS
from ..source.parse import slugify
from ..source.schema import IDENTIFIER
from .compose import toml_string, written_time
from .errors import AuthoringError
from .installed import DISTRIBUTION, FULL_COMMIT, installed_action, site_pin

SCAFFOLD = Path(__file__).parents[1] / "scaffold"
GITIGNORE = ".gitignore"
SCAFFOLD_FILES = (
    ("site.toml", "site.toml"),
    ("authors.toml", "authors.toml"),
    ("components.toml", "components.toml"),
    ("netlify.toml", "netlify.toml"),
    ("gitignore", GITIGNORE),
    ("template-api-errors.md", "incident-templates/api-errors.md"),
    ("template-website-down.md", "incident-templates/website-down.md"),
)
WORKFLOW = ".github/workflows/statusblog.yml"
DECLARE_WORKFLOW = ".github/workflows/statusblog-declare.yml"
"""Declaring an incident by hand or from an alert, as a draft pull request: copied as it is (scaffold/declare.yml)."""
REQUIREMENTS = "requirements.txt"

#: `OWNER/REPO@COMMIT` or `OWNER/REPO/PATH@COMMIT`, as GitHub spells a step's `uses:`, at a full commit
#: id: a branch moves and a tag can be moved, so either would run code nobody reviewed for this site.
#: Nothing that could end the YAML scalar or start an expression, and no `..`.
ACTION = re.compile(r"(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?@"
                    rf"(?:{FULL_COMMIT.pattern})")

_REQUIREMENT_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA_MARKER = re.compile(r"\bextra\s*==")


@dataclass(frozen=True, slots=True)
class Pin:
    """One line of a site's requirements.txt: a distribution, its version, and when it applies."""

    name: str
    version: str
    marker: str = ""

    def __str__(self) -> str:
        return f"{self.name}=={self.version}" + (f" ; {self.marker}" if self.marker else "")


def canonical_name(name: str) -> str:
    """A distribution's name as indexes compare them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_pins(distribution: str = "statusblog") -> tuple[Pin, ...]:
    """Every distribution that `distribution` needs to run, at the version installed here, sorted by name.

    What a test extra needs is left out. A requirement limited by a marker to other machines
    (colorama on Windows) is not installed here, so it is not pinned: pip resolves it there.
    """
    pins: dict[str, Pin] = {}
    pending: list[tuple[str, str]] = [(distribution, "")]
    while pending:
        name, marker = pending.pop()
        key = canonical_name(name)
        if key in pins and (not pins[key].marker or marker):
            continue
        try:
            found = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        pins[key] = Pin(key, found.version, marker)
        for requirement in found.requires or ():
            spec, _, condition = requirement.partition(";")
            match = _REQUIREMENT_NAME.match(spec)
            if match and not _EXTRA_MARKER.search(condition):
                pending.append((match.group(1), condition.strip() or marker))
    return tuple(sorted(pins.values(), key=lambda pin: pin.name))


def requirements_text(pin: str | None = None) -> str:
    """The `requirements.txt` a site's CI installs: statusblog as it was installed here (or as `pin`
    names it), and every library under it at the version installed here."""
    lines = [
        "# statusblog, and the exact version of every library it runs on: the versions this",
        f"# statusblog {__version__} was installed with. The workflow and netlify.toml install this file;",
        "# `statusblog requirements > requirements.txt` writes it again after an upgrade.",
        site_pin(pin),
    ]
    libraries = (str(found) for found in runtime_pins() if found.name != DISTRIBUTION)
    return "\n".join([*lines, *libraries]) + "\n"


def workflow_text(action: str | None) -> str:
    """The site's CI workflow: install from `requirements.txt` and run statusblog, or run the Action."""
    route = "action" if action else "install"

    def steps(kind: str) -> str:
        text = (SCAFFOLD / f"{kind}-{route}-steps.yml").read_text(encoding="utf-8")
        return Template(text).substitute(action=action or "").rstrip("\n")

    return Template((SCAFFOLD / "workflow.yml").read_text(encoding="utf-8")).substitute(
        build_steps=steps("build"), notify_steps=steps("notify"))


def author_id_for(name: str, email: str) -> str:
    """A short id for authors.toml: the first name, else the email's local part."""
    for candidate in (slugify(name.split()[0]) if name.split() else "", slugify(email.partition("@")[0])):
        candidate = candidate.replace("_", "-")
        if candidate and IDENTIFIER.match(candidate):
            return candidate
    return "editor"


def init_site(directory: Path, *, name: str | None, email: str | None, title: str | None, timezone: str,
              now: datetime, action: str | None = None, pin: str | None = None
              ) -> tuple[list[tuple[str, Path]], tuple[Problem, ...]]:
    """Write a new site that builds clean at once, into a new folder or beside what a repository has.

    A repository made with a README, a LICENSE and a .gitignore keeps all three: the site's files are
    added, and the lines its .gitignore lacks are appended. Only a file init would write is refused,
    before anything is written. Returns what was "created" or "updated", and the site's problems.
    """
    if directory.exists() and not directory.is_dir():
        raise AuthoringError(f"{directory} is not a directory; choose a new directory or an existing repository")
    if not name or not email:
        missing = "user.name" if not name else "user.email"
        if shutil.which("git") is None:
            raise AuthoringError("git is not installed, so the first author's name and email cannot be read from "
                                 "git config; pass --name and --email (and install git: the site lives in a "
                                 "repository)")
        raise AuthoringError(f"git config {missing} is not set: the first author is you; run "
                             f"'git config --global {missing} ...' or pass --name and --email")
    action = checked_action(action)
    try:
        tz = zone(timezone)
    except TimeError as exc:
        raise AuthoringError(f"--timezone: {exc}; use an IANA name such as 'UTC' or 'Europe/Berlin'") from exc
    texts = site_texts(directory, name=name, email=email, title=title, timezone=timezone, tz=tz, now=now)
    texts[WORKFLOW] = workflow_text(action)
    texts[DECLARE_WORKFLOW] = (SCAFFOLD / "declare.yml").read_text(encoding="utf-8")
    texts[REQUIREMENTS] = requirements_text(pin)
    taken = sorted(target for target in texts if target != GITIGNORE and (directory / target).exists())
    if taken:
        raise AuthoringError(f"{directory} already has {', '.join(taken)}; init adds a site beside what a "
                             "repository holds and never overwrites a file: move these away, or run "
                             "`statusblog requirements` to refresh the pins alone")
    written = write_texts(directory, texts)
    checked = evaluate(load_workspace(directory), now)
    return written, tuple(checked.problems)


def checked_action(action: str | None) -> str | None:
    """`--action` as the workflow will name it: "" is the repository and commit statusblog was installed from."""
    if action == "":
        action = installed_action()
    if action is not None and not ACTION.fullmatch(action):
        raise AuthoringError(f"--action {action!r} is not OWNER/REPO@COMMIT with a full commit id; a branch moves "
                             "and a tag can be moved, so name the commit of statusblog's repository to run, e.g. "
                             "example/statusblog@" + "0" * 40 + " (git rev-parse v0.1.0^{commit} prints it)")
    return action


def write_texts(directory: Path, texts: dict[str, str]) -> list[tuple[str, Path]]:
    """Write each file, the .gitignore merged into one that exists; what was "created" or "updated"."""
    written = []
    for target, text in texts.items():
        path = directory / target
        existed = path.exists()
        if existed:  # only the .gitignore: every other file that exists was refused
            text = gitignore_text(path.read_text(encoding="utf-8"), text)
            if text == path.read_text(encoding="utf-8"):
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(("updated" if existed else "created", path))
    return written


def site_texts(directory: Path, *, name: str, email: str, title: str | None, timezone: str, tz: tzinfo,
               now: datetime) -> dict[str, str]:
    """The scaffold's files for this site, by path: settings, the first author, an example incident."""
    author = author_id_for(name, email)
    site_title = title or directory.absolute().name.replace("-", " ").replace("_", " ").strip().title() + " Status"
    started = now.astimezone(UTC).replace(second=0, microsecond=0) - timedelta(hours=3)
    values = {
        "title": toml_string(site_title), "timezone": toml_string(timezone), "author_id": author,
        "author_name": toml_string(name), "author_email": toml_string(email), "started": iso_utc(started),
        "investigating": written_time(started + timedelta(minutes=10)),
        "identified": written_time(started + timedelta(minutes=40)),
        "resolved": written_time(started + timedelta(minutes=120)),
        "next_update": f"{started + timedelta(minutes=40):%H:%M}",
        "next_update2": f"{started + timedelta(minutes=100):%H:%M}",
    }
    example = f"{INCIDENTS}/{started.astimezone(tz).date().isoformat()}-example-incident.md"
    return {target: Template((SCAFFOLD / source).read_text(encoding="utf-8")).substitute(values)
            for source, target in (*SCAFFOLD_FILES, ("incident.md", example))}


def gitignore_text(text: str, wanted: str) -> str:
    """A repository's .gitignore `text` with the lines of `wanted` it lacks appended, under a comment.

    Lines are compared as written (blank lines and comments aside): a pattern that only means the same,
    such as `public/` for `/public/`, is added anyway; one more ignore line costs nothing.
    """
    have = {line.strip() for line in text.splitlines()}
    missing = [line for line in wanted.splitlines() if line.strip() and line.strip() not in have]
    if not missing:
        return text
    return text + ("" if not text or text.endswith("\n") else "\n") + "\n".join(["# statusblog", *missing]) + "\n"
