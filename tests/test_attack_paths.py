"""Nothing outside the site's folder (and the installed themes) is read, linked or published.

The attacker is a contributor whose pull request CI checks and builds: they
can add any file or symbolic link to the site and change site.toml, but not
the machine. Each case is refused by `check` as well as `build`, with the
path of what was refused, and nothing of what lies outside reaches the output.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.core.problems import Problems
from generator.source.loader import content_file, content_files
from tests.sites import SITE_TOML, run, write_site

NOW = "2026-03-15T00:00:00Z"
SECRET = "hunter2-the-deploy-key"
RUNS_CODE = "{{ lipsum.__globals__.os.makedirs(config.title ~ '-ran') }}<html>{{ config.title }}</html>\n"


def check_and_build(root: Path, out: Path) -> tuple[str, str]:
    """Run `check`, then `build`; both must fail, without a traceback. Their stderr."""
    checked = run("check", str(root), "--now", NOW)
    built = run("build", str(root), "--out", str(out), "--now", NOW)
    assert checked.exit_code == 1, checked.output
    assert built.exit_code == 1, built.output
    assert "Traceback" not in checked.stderr + built.stderr
    assert not out.exists(), "a refused site published something"
    return checked.stderr, built.stderr


def published_text(out: Path) -> str:
    return "".join(path.read_text(errors="replace") for path in out.rglob("*") if path.is_file())


@pytest.mark.parametrize("theme", ["/proc/self/cwd/incidents/assets", "incidents/assets", "../site/incidents/assets",
                                   "default/../../../site/incidents/assets", "assets"])
def test_theme_names_an_installed_theme_never_a_path(tmp_path: Path, theme: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A content-only change adds templates where the loader ignores them (not .md), and points theme at them."""
    root = write_site(tmp_path / "site", {
        "site.toml": SITE_TOML.replace('title = "Example Status"', f'title = "{tmp_path / "pwned"}"')
        + f'theme = "{theme}"\n',
        "incidents/assets/templates/index.html": RUNS_CODE,
        "incidents/assets/templates/base.html": RUNS_CODE,
    })
    monkeypatch.chdir(root)
    checked, built = check_and_build(root, tmp_path / "out")
    for stderr in (checked, built):
        assert f"site.toml:5: error: 'theme' is '{theme}', which is not an installed theme" in stderr
        assert "valid: default" in stderr or "did you mean 'default'" in stderr
    assert not (tmp_path / "pwned-ran").exists(), "the site's own templates ran as the theme"


def test_the_installed_theme_can_be_named(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"site.toml": SITE_TOML + 'theme = "default"\n'})
    assert run("build", str(root), "--out", str(tmp_path / "out"), "--now", NOW).exit_code == 0
    assert (tmp_path / "out" / "index.html").is_file()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A private file beside the site, as a key in ~/.ssh is beside a checkout."""
    path = tmp_path / "id_ed25519"
    path.write_text(f"-----BEGIN OPENSSH PRIVATE KEY-----\n{SECRET}\n")
    return path


@pytest.mark.parametrize("link", ["static/leak.txt", "static/.well-known/leak.txt", "static/deep/er/leak.txt",
                                  "templates/leak.html", "templates/partials/leak.html"])
def test_a_theme_file_that_links_outside_the_site_is_refused(tmp_path: Path, secret: Path, link: str) -> None:
    root = write_site(tmp_path / "site")
    (root / link).parent.mkdir(parents=True)
    (root / link).symlink_to(secret)
    checked, built = check_and_build(root, tmp_path / "out")
    for stderr in (checked, built):
        assert f"{link}: error: file is a link to outside the site; refused" in stderr, stderr


@pytest.mark.parametrize("folder", ["static", "templates"])
def test_a_theme_folder_that_links_outside_the_site_is_refused(tmp_path: Path, secret: Path, folder: str) -> None:
    root = write_site(tmp_path / "site")
    (root / folder).mkdir()
    (root / folder / "keys").symlink_to(secret.parent)
    checked, built = check_and_build(root, tmp_path / "out")
    assert f"{folder}/keys: error: folder is a link to outside the site; refused" in checked
    whole = tmp_path / "whole"
    whole.mkdir()
    (whole / "style.css").write_text("body{}\n")
    (root / folder / "keys").unlink()
    (root / folder).rmdir()
    (root / folder).symlink_to(whole)
    checked, built = check_and_build(root, tmp_path / "out")
    assert f"{folder}: error: folder is a link to outside the site; refused" in built


@pytest.mark.parametrize("registry", ["site.toml", "authors.toml", "components.toml"])
def test_a_registry_that_links_outside_the_site_is_refused(tmp_path: Path, registry: str) -> None:
    root = write_site(tmp_path / "site")
    outside = tmp_path / f"elsewhere-{registry}"
    (root / registry).rename(outside)
    (root / registry).symlink_to(outside)
    checked, built = check_and_build(root, tmp_path / "out")
    assert f"{registry}: error: file is a link to outside the site; refused" in checked
    assert f"{registry}: error: file is a link to outside the site; refused" in built


def test_a_link_into_the_sites_hidden_folders_is_refused(tmp_path: Path) -> None:
    """actions/checkout leaves the job's token in .git/config: a link to it must not be published."""
    root = write_site(tmp_path / "site", {".git/config": f'[http]\n\textraheader = "AUTHORIZATION: basic {SECRET}"\n',
                                          ".env": f"DEPLOY_TOKEN={SECRET}\n"})
    (root / "static").mkdir()
    (root / "static" / "config.txt").symlink_to(root / ".git" / "config")
    (root / "static" / "env.txt").symlink_to("../.env")
    (root / "static" / "git").symlink_to("../.git")
    checked, built = check_and_build(root, tmp_path / "out")
    assert "static/config.txt: error: file is a link into the site's hidden '.git'; refused" in checked
    assert "static/env.txt: error: file is a link into the site's hidden '.env'; refused" in checked
    assert "static/git: error: folder is a link into the site's hidden '.git'; refused" in built


@pytest.mark.parametrize("links", [
    {"incidents/loop.md": "loop.md"},
    {"incidents/a.md": "b.md", "incidents/b.md": "a.md"},
    {"static/a": "b", "static/b": "a"},
    {"static/here": "."},
    {"static/up": ".."},
    {"templates/site": ".."},
    {"static/to-templates": "../templates", "templates/to-static": "../static"},
    {"authors.toml": "authors.toml"},
])
@pytest.mark.parametrize("cache", ["off", "on"])
def test_a_symlink_loop_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: dict[str, str],
                                         cache: str) -> None:
    monkeypatch.setenv("STATUSBLOG_CACHE_DIR", str(tmp_path / "cache") if cache == "on" else "off")
    root = write_site(tmp_path / "site")
    if "authors.toml" in links:
        (root / "authors.toml").unlink()
    for link, target in links.items():
        (root / link).parent.mkdir(exist_ok=True)
        (root / link).symlink_to(target)
    checked, built = check_and_build(root, tmp_path / "out")
    for stderr in (checked, built):
        assert "loop; refused" in stderr, stderr
        assert any(f"{link}: error:" in stderr or f"{link}/" in stderr for link in links), stderr


def test_links_that_stay_inside_the_site_are_followed(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"assets/logo.svg": "<svg/>\n", "assets/fonts/a.txt": "a\n",
                                          "assets/partial.html": "<p>{{ config.title }}</p>\n",
                                          "static/.well-known/security.txt": "Contact: mailto:sec@example.com\n"})
    (root / "static" / "logo.svg").symlink_to("../assets/logo.svg")
    (root / "static" / "fonts").symlink_to("../assets/fonts")
    (root / "templates").mkdir()
    (root / "templates" / "404.html").symlink_to("../assets/partial.html")
    out = tmp_path / "out"
    result = run("build", str(root), "--out", str(out), "--now", NOW)
    assert result.exit_code == 0, result.output
    assert (out / "static" / "logo.svg").read_text() == "<svg/>\n"
    assert (out / "static" / "fonts" / "a.txt").read_text() == "a\n"
    assert (out / "static" / ".well-known" / "security.txt").is_file()
    assert (out / "404.html").read_text() == "<p>Example Status</p>\n"


def test_nothing_refused_reaches_the_output_of_a_build_that_passes(tmp_path: Path, secret: Path) -> None:
    """The neighbour of every case above: a dangling link is an error, not a file silently left out."""
    root = write_site(tmp_path / "site")
    (root / "static").mkdir()
    (root / "static" / "gone.txt").symlink_to(tmp_path / "no-such-file")
    checked, _ = check_and_build(root, tmp_path / "out")
    assert "static/gone.txt: error: is a symbolic link to nothing; refused" in checked
    (root / "static" / "gone.txt").unlink()
    (root / "static" / "ok.txt").write_text("fine\n")
    assert run("build", str(root), "--out", str(tmp_path / "out"), "--now", NOW).exit_code == 0
    assert SECRET not in published_text(tmp_path / "out")
    assert os.listdir(tmp_path / "out" / "static").count("ok.txt") == 1


def _hostile_folder(incidents: Path, root: Path, outside: Path) -> None:
    """A content folder with every kind of entry a listing can hold, beside a plain file."""
    incidents.mkdir(exist_ok=True)
    (incidents / "2026-03-10-plain.md").write_text("plain\n")
    (incidents / "folder.md").mkdir()
    os.mkfifo(incidents / "fifo.md")
    (incidents / "to-plain.md").symlink_to("2026-03-10-plain.md")
    (incidents / "to-secret.md").symlink_to(outside / "secret.md")
    (incidents / "to-git.md").symlink_to(root / ".git" / "config")
    (incidents / "dangling.md").symlink_to("nowhere.md")
    (incidents / "loop.md").symlink_to("loop.md")
    (incidents / "to-folder.md").symlink_to("folder.md")
    (incidents / "---.md").write_text("no slug\n")
    (incidents / ".hidden.md").write_text("hidden\n")
    (incidents / os.fsdecode(b"latin-1-\xe9.md")).write_text("not UTF-8\n")


@pytest.mark.parametrize("folder_link", [None, "inside", "outside"])
def test_listing_a_content_folder_answers_as_asking_about_each_file(tmp_path: Path, folder_link: str | None) -> None:
    """The folder scan skips `refusal` for files that are not links in a folder with no link on its path;
    each entry must still get what the one-file path (the dev server's) gives it, problems included."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECRET)
    root = write_site(tmp_path / "site", {".git/config": "[core]\n"})
    shutil.rmtree(root / "incidents", ignore_errors=True)
    folder = {None: root / "incidents", "inside": root / "archive", "outside": outside / "incidents"}[folder_link]
    _hostile_folder(folder, root, outside)
    if folder_link is not None:
        (root / "incidents").symlink_to(folder)
    listed = Problems()
    scanned = content_files(root, "incidents", listed)
    one_by_one = Problems()
    real_root = root.resolve()
    expected = [entry for path in sorted((root / "incidents").iterdir())
                if (entry := content_file(real_root, path, one_by_one)) is not None]
    assert scanned == expected
    assert listed.items == one_by_one.items
    names = {path.name for path, _shown, _slug in scanned}
    if folder_link == "outside":
        assert not names
        refused = {Path(problem.path).name for problem in listed.items if "link to outside the site" in problem.message}
        assert {"2026-03-10-plain.md", "to-plain.md", "---.md", "folder.md"} <= refused, listed.items
    else:
        assert names == {"2026-03-10-plain.md", "to-plain.md"}
        assert len(listed.items) == 6, listed.items  # outside, hidden .git, dangling, loop, no slug, not UTF-8


@pytest.mark.parametrize("folder", ["incidents", "maintenance", "pages"])
def test_a_content_file_whose_name_is_not_utf8_is_a_clear_error(tmp_path: Path, folder: str) -> None:
    """git commits any bytes as a name; one that is not UTF-8 can name no page, feed or message."""
    root = write_site(tmp_path / "site")
    (root / folder).mkdir(exist_ok=True)
    incident = (root / "incidents" / "2026-03-14-api-errors.md").read_bytes()
    (root / folder / os.fsdecode(b"2026-03-14-caf\xe9.md")).write_bytes(incident)
    checked, built = check_and_build(root, tmp_path / "out")
    for stderr in (checked, built):
        assert f"{folder}/2026-03-14-caf\\udce9.md: error: the file name is not UTF-8" in stderr, stderr
