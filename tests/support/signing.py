"""Real repositories for signed-byline tests: ssh-keygen keys, `git commit -S`, git's own verification.

Loaded as a plugin from tests/conftest.py, so every test file about signatures shares one set of keys per
session and one way of making commits. Why `isolated_git` is not autouse: as a plugin it would reach the
whole suite; signature test modules ask for it with `pytestmark = pytest.mark.usefixtures("isolated_git")`.
The machine's git settings never matter: GIT_CONFIG_GLOBAL points at an empty file and the system file is off.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.sites import COMPONENTS_TOML, SITE_TOML, write_site

NAMES = ("alice", "bob", "eve", "alice-new")


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Private key files; the public key is beside each, with .pub."""
    folder = tmp_path_factory.mktemp("keys")
    for name in NAMES:
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@laptop", "-f",
                        str(folder / name)], check=True)
    return {name: folder / name for name in NAMES}


@pytest.fixture
def isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Someone")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "someone@example.com")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


def public(keys: dict[str, Path], name: str) -> str:
    return (keys[name].parent / f"{name}.pub").read_text().strip()


def fingerprint(keys: dict[str, Path], name: str) -> str:
    """The fingerprint as ssh-keygen prints it, to compare with ours."""
    out = subprocess.run(["ssh-keygen", "-lf", str(keys[name].parent / f"{name}.pub")], capture_output=True,
                         text=True, check=True).stdout
    return out.split()[1]


def authors_toml(signing: dict[str, list[str]]) -> str:
    text = ""
    for author, name in (("alice", "Alice Nguyen"), ("bob", "Bob Okafor")):
        text += f'[{author}]\nname = "{name}"\nrole = "Engineer"\nemail = "{author}@example.com"\n'
        keys = ", ".join(f'"{key}"' for key in signing.get(author, []))
        text += f"signing_keys = [{keys}]\n\n"
    return text


class Repo:
    """A repository holding a site in content/, and commits made the way authors make them."""

    def __init__(self, path: Path, keys: dict[str, Path]) -> None:
        self.path = path
        self.keys = keys
        self.site = path / "content"
        path.mkdir(exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True, check=True).stdout

    def write(self, files: dict[str, str]) -> None:
        write_site(self.site, files, defaults=False)

    def commit(self, message: str, signer: str | None = None, files: dict[str, str] | None = None) -> str:
        if files:
            self.write(files)
        self.git("add", "-A")
        signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={self.keys[signer]}"] if signer else []
        self.git(*signing, "commit", "-q", *(["-S"] if signer else []), "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def base(self, signing: dict[str, list[str]] | None = None) -> str:
        """The site without incidents, with alice's and bob's keys registered, merged: origin/main points at
        it and the symbolic origin/HEAD names it the default branch, as after a clone and a fetch."""
        registered = signing if signing is not None else {"alice": [public(self.keys, "alice")],
                                                          "bob": [public(self.keys, "bob")]}
        commit = self.commit("Site", files={"site.toml": SITE_TOML, "components.toml": COMPONENTS_TOML,
                                            "authors.toml": authors_toml(registered)})
        self.git("update-ref", "refs/remotes/origin/main", commit)
        self.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
        return commit


@pytest.fixture
def repo(tmp_path: Path, keys: dict[str, Path]) -> Repo:
    return Repo(tmp_path / "repo", keys)
