"""Where this statusblog was installed from, read from its own distribution's metadata (PEP 610).

A new site's CI must install the statusblog its author ran, and it can only if the pin names a place
another machine can reach: a package index (`statusblog==X`) or a git repository at one commit
(`statusblog @ git+URL@COMMIT`). A local folder, an editable install or a wheel file on this disk
names nothing CI can fetch, so it gets no pin: `--pin` names one instead. The same facts name the
repository and commit that `init --action` runs statusblog's Action from, and what `--version` says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import __version__
from .errors import AuthoringError

DISTRIBUTION = "statusblog"
#: A full commit id, SHA-1 or SHA-256: the only ref that names one tree for good (a tag can be moved,
#: and offline a tag cannot be told from a branch).
FULL_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
#: statusblog at one version, or at one URL: one line of requirements.txt, so the URL is printable ASCII
#: with no space (which would start a comment or an option) and no `;` (a marker); no second requirement,
#: and no line break or bidirectional control that would show one thing and install another.
PIN = re.compile(r"statusblog(?:==[A-Za-z0-9.+!_-]+| @ (?:git\+(?:https|ssh|file)|https)://[!-:<-~]+)")
_GITHUB = re.compile(r"/(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9_.-]+?)(?:\.git)?/?")
HOW_TO_PIN = ("install statusblog from a package index (pip install statusblog==VERSION) or from git at a "
              "commit (pip install 'git+https://github.com/OWNER/REPO@COMMIT'), or pass --pin REQUIREMENT")


@dataclass(frozen=True, slots=True)
class Origin:
    """What the installed distribution says about its source.

    `pin` is the requirement another machine installs the same statusblog with, or None when the
    source is on this disk only; `repository` and `commit` are set for an install from git.
    """

    version: str
    where: str
    pin: str | None
    url: str | None = None
    commit: str | None = None
    subdirectory: str | None = None


def version_line() -> str:
    """What `statusblog --version` says: the version and where it was installed from, which a site's pin names."""
    return f"statusblog, version {__version__}, installed from {installed_origin().where}"


def installed_origin() -> Origin:
    """This statusblog's origin: its direct_url.json if an installer wrote one, else an index.

    An installer writes direct_url.json for every install that did not come from an index; metadata
    without it in a `.dist-info` came from one. Old `setup.py develop` metadata (`.egg-info`, no
    METADATA file) is a source folder, whatever it lacks.
    """
    beside = _dist_info_beside_package()
    if beside is not None:
        return _origin(__version__, lambda name: _text_of(beside / name), beside.parent)
    from importlib import metadata  # the general way, and a slow one: it loads the email package

    found = metadata.distribution(DISTRIBUTION)
    return _origin(found.version, found.read_text, found.locate_file(""))


def _dist_info_beside_package() -> Path | None:
    """The `.dist-info` a wheel's installer puts beside the `generator` package, named for this very version;
    None for any other layout (an editable install, an egg), which importlib.metadata reads instead."""
    folder = Path(__file__).resolve().parents[2] / f"{DISTRIBUTION}-{__version__}.dist-info"
    return folder if (folder / "METADATA").is_file() else None


def _text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def _origin(version: str, read_text: Callable[[str], str | None], location: object) -> Origin:
    """What the distribution's metadata files (read by `read_text`) say about where it came from."""
    text = read_text("direct_url.json")
    if text is None:
        if read_text("METADATA") is None:
            return Origin(version, f"the source folder {location}", None)
        return Origin(version, "a package index", f"{DISTRIBUTION}=={version}")
    try:
        direct = json.loads(text)
        url = str(direct["url"])
    except (ValueError, KeyError, TypeError):
        return Origin(version, "an unknown place (its direct_url.json is unreadable)", None)
    subdirectory = direct.get("subdirectory") or None
    vcs = direct.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and FULL_COMMIT.fullmatch(str(vcs.get("commit_id", ""))):
        commit = str(vcs["commit_id"])
        fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
        return Origin(version, f"git+{_shown(url)} at {commit}",
                      _reachable(f"{DISTRIBUTION} @ git+{url}@{commit}{fragment}"),
                      url, commit, subdirectory)
    if isinstance(direct.get("dir_info"), dict):
        kind = "editable install of" if direct["dir_info"].get("editable") else "folder"
        return Origin(version, f"the {kind} {_local_path(url)}", None)
    return Origin(version, _shown(url), _reachable(f"{DISTRIBUTION} @ {url}"), url)


def _shown(url: str) -> str:
    """The URL as messages print it: a password in it (a CI token) is never echoed into a log."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)).geturl()


def _local_path(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path) if parts.scheme == "file" else url


def _reachable(requirement: str) -> str | None:
    """The requirement if it names a place to fetch from, not a file or folder as it is on this disk
    (a git repository at a commit is one, wherever it is), and carries no credentials."""
    target = requirement.partition(" @ ")[2]
    url = urlsplit(target.removeprefix("git+"))
    if (url.scheme == "file" and not target.startswith("git+")) or url.password or url.username not in (None, "git"):
        return None
    return requirement if PIN.fullmatch(requirement) else None


def site_pin(pin: str | None) -> str:
    """statusblog's line in a site's requirements.txt: `pin` checked, else the installed origin's."""
    if pin is not None:
        if not PIN.fullmatch(pin):
            raise AuthoringError(f"--pin: {pin!r} is not a requirement for statusblog; write "
                                 "statusblog==VERSION or 'statusblog @ git+https://HOST/OWNER/REPO@COMMIT'")
        return pin
    origin = installed_origin()
    if origin.pin is None:
        raise AuthoringError(f"statusblog {origin.version} was installed from {origin.where}, which no other "
                             f"machine can install from, so no pin can be written for it; {HOW_TO_PIN}")
    return origin.pin


def installed_action() -> str:
    """`OWNER/REPO@COMMIT` of the GitHub repository and commit this statusblog was installed from."""
    origin = installed_origin()
    parts = urlsplit(origin.url or "")
    match = _GITHUB.fullmatch(parts.path)
    if origin.commit is None or parts.hostname != "github.com" or match is None:
        raise AuthoringError(f"--action: statusblog {origin.version} was installed from {origin.where}, not from "
                             "a GitHub repository at a commit, so it names no Action to run; write "
                             "--action OWNER/REPO@COMMIT with the full commit id")
    path = f"/{origin.subdirectory.strip('/')}" if origin.subdirectory else ""
    return f"{match['owner']}/{match['repo']}{path}@{origin.commit}"
