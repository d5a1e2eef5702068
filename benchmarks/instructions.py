"""Count the machine instructions of a cold build, this checkout against another commit, under valgrind.

Why: on a shared two-core machine the CPU time of one build moves by a fifth from one minute to the next,
so a change worth 2 % cannot be told from the noise by timing, even interleaved and over a dozen runs.
The number of instructions a build executes does not depend on what else the machine runs: counts of the
same build over two processes differ by up to about 1 % (which process renders which pages varies, and each
formats the dates it shows once), in one process by far less. It is
not CPU time (cache misses, page faults, the kernel's work for fork and for writing files are not counted),
so it decides between two ways of doing the same work in Python, and timing still decides the rest
(bench.py).

Both builds run at once, each under valgrind's callgrind (about fifty times slower), cold as bench.py
defines it: a new output folder, no cache, no signatures, the whole process, every process of the build.
A forked process starts with its parent's counts, so each process writes its counts out and starts from
zero just before it forks (`--dump-before=fork`), and the build's count is the sum of every part written.
A process killed by a signal writes nothing, so a build that kills its helpers would look cheaper.
The other commit is checked out into a temporary worktree and its bytecode compiled, as is this one's
(bench.compile_checkout).

    python benchmarks/instructions.py BASE [--incidents 1000] [--jobs 2] [--site DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import compile_checkout
from make_site import NOW_TEXT, make_site

REPO = Path(__file__).resolve().parents[1]
_TOTALS = re.compile(r"^totals:\s+(\d+)$", re.MULTILINE)


def counted_build(tree: Path, site: Path, work: Path, jobs: int) -> list[int]:
    """The instructions each process of one cold build of `site` by the code in `tree` executed, each
    process's count in the parts it wrote (one more for each time it forked)."""
    out, counts = work / "out", work / "counts"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(counts, ignore_errors=True)
    counts.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "STATUSBLOG_CACHE_DIR": "off", "STATUSBLOG_JOBS": str(jobs),
           "PYTHONHASHSEED": "0"}
    result = subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=fork",
                             f"--callgrind-out-file={counts}/%p", sys.executable, "-m", "generator", "build",
                             str(site), "--out", str(out), "--now", NOW_TEXT],
                            env=env, cwd=tree, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build of {tree} failed:\n{result.stderr[-2000:]}")
    per_process: dict[str, int] = {}
    for part in counts.iterdir():
        pid = part.name.partition(".")[0]
        per_process[pid] = per_process.get(pid, 0) + sum(int(total) for total in _TOTALS.findall(part.read_text()))
    return list(per_process.values())


def worktree(base: str, folder: Path) -> Path:
    """`base` checked out into `folder`, its package finding its own themes: a checkout installed editable
    maps generator.themes to its own themes/ folder, which the other commit's code must not read."""
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(folder), base], check=True,
                   capture_output=True)
    (folder / "generator" / "themes").symlink_to(Path("..") / "themes")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the commit to compare this checkout with, e.g. main or HEAD~1")
    parser.add_argument("--incidents", type=int, default=1000, help="size of the generated site (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="STATUSBLOG_JOBS of both builds (default 2)")
    parser.add_argument("--site", type=Path, help="build this site instead of generating one")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="statusblog-instructions-") as scratch:
        work = Path(scratch)
        site = args.site
        if site is None:
            site = work / "site"
            make_site(site, args.incidents)
        trees = {"this checkout": REPO, args.base: worktree(args.base, work / "base")}
        try:
            for tree in trees.values():
                compile_checkout(tree)
            with ThreadPoolExecutor(max_workers=len(trees)) as pool:
                builds = {name: pool.submit(counted_build, tree, site, work / f"build-{number}", args.jobs)
                          for number, (name, tree) in enumerate(trees.items())}
                counts = {name: build.result() for name, build in builds.items()}
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(trees[args.base])],
                           capture_output=True)
    for name, per_process in counts.items():
        print(f"{name}: {sum(per_process) / 1e9:.3f} G instructions in {len(per_process)} processes "
              f"({', '.join(f'{count / 1e9:.2f}' for count in sorted(per_process, reverse=True))})")
    this, base = (sum(per_process) for per_process in counts.values())
    print(f"this checkout / {args.base}: {this / base:.4f} ({(this - base) / 1e9:+.3f} G)")


if __name__ == "__main__":
    main()
