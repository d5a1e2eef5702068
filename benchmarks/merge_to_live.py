"""From a merge to a live site: the publish job's own steps, timed, on sites of 100, 1,000 and 5,000 incidents.

The job a merge starts does four things of its own before the host's deploy
(which this does not time): install statusblog at the pinned versions from a
warm cache, `statusblog check --strict`, `statusblog build --verify-signatures`
after one new signed update, and `statusblog notify --dry-run` against the
previous output. This replays them as the job runs them:

- install: a fresh virtual environment (setup-python's interpreter), then the
  site's `requirements.txt` from a warm local cache: `uv pip install` where uv
  is installed, else pip from a folder of wheels (`--no-index`), the closest
  pip has to a warm cache;
- the site is a git repository with one author's key registered; the previous
  run's build filled the build cache (sealed, as the workflow's
  STATUSBLOG_CACHE_KEY does); then `statusblog update` appends one update to
  the open incident, committed with that author's SSH signature, and the
  job's steps run in order.

Targets on 2 cores at 1,000 incidents: install 3 s or less; the job's own
steps (check, build, notify) 10 s or less.

    python benchmarks/merge_to_live.py [--sizes 100 1000 5000] [--work DIR] [--wheelhouse DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from make_site import NOW_TEXT, make_site  # noqa: E402

sys.path.insert(0, str(REPO))
from generator import __version__  # noqa: E402 - this checkout's

UPDATE_NOW = "2026-11-20T15:05:00Z"


@dataclass(frozen=True)
class Row:
    incidents: int
    check: float
    build: float
    notify: float

    @property
    def job(self) -> float:
        return self.check + self.build + self.notify


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return elapsed


def git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def install(work: Path, wheelhouse: Path) -> tuple[Path, float, str]:
    """A fresh environment with the site's pins installed from a warm cache; its bin folder and the time."""
    wheels, source, venv = work / "wheels", work / "source", work / "venv"
    for folder in (wheels, source, venv):
        shutil.rmtree(folder, ignore_errors=True)
    # Environments, tools and build output are left out at the top only: generator/build/ is a package.
    shutil.copytree(REPO, source, ignore=lambda folder, names: {".git", ".venv", ".tools", "build", "dist"}
                    & set(names) if Path(folder) == REPO else set())
    offline = {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(wheels), str(source)], check=True,
                   env=offline, capture_output=True)
    requirements = work / "requirements.txt"
    # The wheel just built is what the job installs: pinned by its version, found beside the locked wheels.
    requirements.write_text(subprocess.run([sys.executable, "-m", "generator", "requirements", "--pin",
                                            f"statusblog=={__version__}"], check=True, cwd=REPO,
                                           capture_output=True, text=True).stdout, encoding="utf-8")
    env = dict(os.environ)
    # uv on PATH, or beside this Python (the suite's own environment installs it from the lock)
    uv = shutil.which("uv") or shutil.which("uv", path=str(Path(sys.executable).parent))

    def command(python: Path) -> list[str]:
        if uv:
            return [uv, "pip", "install", "--python", str(python), "--offline", "--find-links", str(wheels),
                    "--find-links", str(wheelhouse), "-r", str(requirements)]
        return [str(python), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheels),
                "--find-links", str(wheelhouse), "-r", str(requirements)]

    how = "uv pip install, warm cache" if uv else "pip install --no-index from local wheels (no uv on this machine)"
    if uv:  # warm uv's cache as the previous run of the job left it: an install of the same pins, not timed
        warm = work / "venv-warm"
        shutil.rmtree(warm, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(warm)], check=True)
        subprocess.run(command(warm / "bin" / "python"), check=True, cwd=work, capture_output=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    return venv / "bin", timed(command(venv / "bin" / "python"), work, env), how


def prepare(site: Path, size: int, home: Path, env: dict[str, str]) -> str:
    """The site as the repository the job checks out, its previous build done; the open incident's slug."""
    make_site(site, size)
    key = home / "alice_key"
    if not key.exists():
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", str(key)], check=True)
    authors = (site / "authors.toml").read_text(encoding="utf-8")
    first = authors.split("[", 2)[1].split("]", 1)[0]
    public_key = (home / "alice_key.pub").read_text(encoding="utf-8").strip()
    authors = authors.replace(f"[{first}]\n", f'[{first}]\nsigning_keys = ["{public_key}"]\n', 1)
    (site / "authors.toml").write_text(authors, encoding="utf-8")
    git(site, env, "init", "-q", "-b", "main")
    git(site, env, "add", "-A")
    git(site, env, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "site")
    git(site, env, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(site, env, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    return first


def measure(size: int, work: Path, bin_dir: Path) -> Row:
    home = work / "home"
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
           "STATUSBLOG_CACHE_DIR": str(work / "cache"), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("SOURCE_DATE_EPOCH", None)
    site = work / f"site-{size}"
    author = prepare(site, size, home, env)
    statusblog = str(bin_dir / "statusblog")
    # The previous run: what is live now, and the build cache it left (restored by actions/cache).
    timed([statusblog, "build", "--out", str(work / f"live-{size}"), "--verify-signatures", "--now", NOW_TEXT],
          site, env)
    newest = sorted((site / "incidents").glob("*.md"))[-1].stem
    timed([statusblog, "update", newest, "--author", author, "--status", "monitoring", "--next-update", "30m",
           "-m", "A fix is deployed; error rates are back to normal. We are watching.", "--now", UPDATE_NOW],
          site, env)
    git(site, env, "-c", f"user.name={author}", "-c", "user.email=bench@example.com", "-c", "gpg.format=ssh",
        "-c", f"user.signingkey={home / 'alice_key'}", "commit", "-q", "-S", "-a", "-m", "An update")
    git(site, env, "update-ref", "refs/remotes/origin/main", "HEAD")
    out = work / f"public-{size}"
    return Row(size,
               timed([statusblog, "check", "--strict", "--now", UPDATE_NOW], site, env),
               timed([statusblog, "build", "--out", str(out), "--verify-signatures", "--now", UPDATE_NOW], site, env),
               timed([statusblog, "notify", "--new", str(out), "--previous", str(work / f"live-{size}"),
                      "--dry-run", "--now", UPDATE_NOW], site, env))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--work", type=Path, help="keep the sites and environments here (default: a temporary folder)")
    parser.add_argument("--wheelhouse", type=Path, default=REPO / ".tools" / "wheelhouse",
                        help="wheels of every pinned library, for pip without an index")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="merge-to-live-"))
    work.mkdir(parents=True, exist_ok=True)
    bin_dir, install_seconds, how = install(work, args.wheelhouse)
    print(f"install ({how}): {install_seconds:.1f} s")
    print("| incidents | check --strict | build --verify-signatures | notify --dry-run | the job's own steps |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        row = measure(size, work, bin_dir)
        print(f"| {row.incidents:,} | {row.check:.1f} s | {row.build:.1f} s | {row.notify:.1f} s | {row.job:.1f} s |",
              flush=True)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
