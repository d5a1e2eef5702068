"""Measure `statusblog build` on synthetic sites of 1,000, 5,000 and 20,000 incidents, and Pelican beside it.

For each size this builds the site of benchmarks/make_site.py (fixed seed,
fixed "now") in a fresh process each time and reports the median of --runs:

- cold: what a fresh CI runner does first: a new output folder, no cache
  (STATUSBLOG_CACHE_DIR off, so nothing is read or written outside --out), no
  signature verification, the whole process from interpreter start to exit;
  wall time and CPU time (user + system, every process of the build);
- cold, one process: the same with STATUSBLOG_JOBS=1, so the CPU the work
  itself takes, without what running it on several cores at once adds;
- warm full: no output, parse cache kept (a CI that keeps its STATUSBLOG_CACHE_DIR);
- no-op: the same build again, nothing changed;
- edit, CLI: `statusblog build` again after one incident was edited, cache kept;
- edit, serve: the dev server's own incremental rebuild (preview.Preview.rebuild,
  what its file watcher calls) after one incident was saved, until the edited
  page has been rendered; the watcher's 30 ms quiet period is not included;
- peak memory, in one cold and one warm build of their own (sampling slows
  the build it watches, so timed builds are not sampled), sampled every
  20 ms over the build's processes: the sum of
  their resident set sizes (which counts a page that forked processes share
  once per process), the sum of their proportional set sizes (PSS: a shared
  page split between its sharers, so the sum is the memory the build really
  holds), and the largest single process;
- files per second and incidents per second of the cold build;
- `statusblog --version`, start to exit, median of 15: the console script of this
  checkout built as a wheel and installed into a virtual environment of its
  own, as the README installs it.

The checkout's bytecode is compiled before anything is timed, as an install
compiles Pelican's.

Pelican builds the same incidents as plain Markdown articles, at the versions
pinned in benchmarks/pelican-requirements.txt and with the configuration
PELICAN_CONF below (its caches off, so it is cold too). Its runs are
interleaved with statusblog's cold runs (on every core, and in one process),
the three taking turns to go first, so all see the same machine and none
always runs just after another; the ratios of wall and CPU time are reported.
The table is printed, and written into docs/performance.md between the
BENCHMARK markers when --write is given.

    python benchmarks/bench.py [--sizes 1000,5000,20000] [--runs 3] [--no-pelican] [--write]
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from make_site import NOW_TEXT, make_site  # noqa: E402 - beside this file

DOC = REPO / "docs" / "performance.md"
PELICAN_REQUIREMENTS = REPO / "benchmarks" / "pelican-requirements.txt"
START, END = "<!-- BENCHMARK:START -->", "<!-- BENCHMARK:END -->"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# Running a process and watching its memory.

def _pss(pid: int) -> int:
    """Proportional set size in bytes: resident pages, each shared one divided among its sharers."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
        for line in handle:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _tree_memory(root_pid: int) -> tuple[int, int, int]:
    """(RSS sum, PSS sum, largest RSS) in bytes over a process and all its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    family, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    sizes, shares = [], []
    for pid in family:
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                sizes.append(int(handle.read().split()[1]) * PAGE_SIZE)
            shares.append(_pss(pid))
        except (OSError, IndexError, ValueError):
            continue
    return sum(sizes), sum(shares), max(sizes, default=0)


@dataclass
class Run:
    seconds: float
    peak_rss: int
    peak_pss: int
    largest_rss: int
    cpu: float
    output: str


def run(args: list[str], env: dict[str, str] | None = None, watch_memory: bool = False) -> Run:
    """Run a command; its wall time, CPU time (user + system, all processes) and, if watched, peak memory.

    Watching reads every process's memory maps 50 times a second, which on two cores takes time
    from the build it watches; so timed runs are not watched, and memory has runs of its own.
    """
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    peaks = [0, 0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peaks[:] = [max(peak, now) for peak, now in zip(peaks, _tree_memory(process.pid), strict=True)]

    sampler = threading.Thread(target=sample, daemon=True)
    if watch_memory:
        sampler.start()
    output = process.stdout.read().decode() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if watch_memory:
        sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output}")
    largest = max(peaks[2], usage.ru_maxrss * 1024)
    return Run(seconds, max(peaks[0], largest), peaks[1], largest, usage.ru_utime + usage.ru_stime, output)


CACHE = Path(tempfile.gettempdir()) / "statusblog-bench-cache"
"""The opt-in parse cache that the warm and no-op rows measure."""


OUTPUTS_ON_TMPFS = Path("/dev/shm")
"""Both tools' outputs go to a tmpfs where there is one. On a disk, creating a few thousand files and folders
costs what that filesystem makes it cost: ext4 without a journal, for one, scans past every inode freed in the
last minutes, so a build's system time there grows with what the run before it deleted (2 to 3 s of it at
1,000 incidents, against 0.3 s on tmpfs). That is the machine's, not the generator's; pass --outputs to a disk
folder to count it."""


def compile_checkout(tree: Path = REPO) -> None:
    """Write a checkout's bytecode first, as installing does for Pelican's (pip compiles what it installs):
    where PYTHONDONTWRITEBYTECODE is set, every timed run would otherwise compile each module it imports,
    the theme's shipped templates (themes/*/compiled) among them."""
    for folder in ("generator", "themes"):
        compileall.compile_dir(tree / folder, quiet=1)


def statusblog_env(cache: bool = True, one_process: bool = False) -> dict[str, str]:
    """This checkout's package, whatever is installed, with the parse cache on or off, on every usable core
    or in one process."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "STATUSBLOG_CACHE_DIR": str(CACHE) if cache else "off"}
    env.pop("STATUSBLOG_JOBS", None)
    return {**env, "STATUSBLOG_JOBS": "1"} if one_process else env


def build(site: Path, out: Path, watch_memory: bool = False, cache: bool = True, one_process: bool = False) -> Run:
    return run([sys.executable, "-m", "generator", "build", str(site), "--out", str(out), "--now", NOW_TEXT],
               statusblog_env(cache, one_process), watch_memory)


def cold(site: Path, out: Path, watch_memory: bool = False, one_process: bool = False) -> Run:
    """A cold build: a new output folder, no cache, no signatures verified, the whole process."""
    shutil.rmtree(out, ignore_errors=True)
    return build(site, out, watch_memory, cache=False, one_process=one_process)


def installed_script(work: Path) -> Path | None:
    """This checkout built as a wheel and installed into a virtual environment of its own, as the README's first
    line installs it (not editable; the installer compiles the bytecode): its `statusblog` console script. None
    where no wheel can be built here; `--version` is then timed from the checkout, which reads where it was
    installed from through importlib.metadata, the slow way."""
    venv, wheels = work / "statusblog-venv", work / "statusblog-wheel"
    try:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(REPO)],
                       check=True, stdout=subprocess.DEVNULL)
        (wheel,) = wheels.glob("statusblog-*.whl")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        # --version reads only the standard library and the package itself, so nothing else is installed.
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                        str(wheel)], check=True, stdout=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, ValueError) as exc:
        print(f"no wheel could be installed ({exc}); timing --version from the checkout", file=sys.stderr)
        return None
    return venv / "bin" / "statusblog"


def version_seconds(script: Path | None, runs: int = 15) -> float:
    """`statusblog --version` from interpreter start to exit, the median of `runs`: the installed console
    script, or this checkout's `python -m generator` without one."""
    if script is None:
        return statistics.median(run([sys.executable, "-m", "generator", "--version"], statusblog_env()).seconds
                                 for _ in range(runs))
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    return statistics.median(run([str(script), "--version"], env).seconds for _ in range(runs))


def edit(path: Path, number: int) -> str:
    """Append a sentence to an incident's last update; returns the sentence."""
    sentence = f"Benchmark edit number {number} is now visible."
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    return sentence


SERVE_PROBE = r"""
import sys, time, statistics
from pathlib import Path
from generator.preview.live import Changes, Preview
from generator.core.times import build_now
root, target, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
preview = Preview(root, build_now(sys.argv[4]), lambda line: None)
preview.rebuild(Changes())
page = f"incidents/{target.stem}/index.html"
times = []
for number in range(runs):
    sentence = f"Serve edit number {number} is now visible."
    started = time.perf_counter()
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    preview.rebuild(Changes(content={target.absolute()}, first_seen=started))
    body = preview.served.snapshot.get(page)
    times.append(time.perf_counter() - started)
    assert sentence.encode() in body, "the edited page does not show the edit"
print(statistics.median(times))
"""


def serve_edit(site: Path, target: Path, runs: int) -> float:
    result = run([sys.executable, "-c", SERVE_PROBE, str(site.absolute()), str(target.absolute()), str(runs),
                  NOW_TEXT], statusblog_env())
    return float(result.output.strip().splitlines()[-1])


# Pelican.

def pelican_python(venv: Path) -> Path:
    """A virtual environment with Pelican and Markdown at their pinned versions, installed by pip."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-r", str(PELICAN_REQUIREMENTS)],
                   check=True)
    subprocess.run([str(python), "-m", "pip", "check"], check=True, stdout=subprocess.DEVNULL)
    return python


PELICAN_CONF = """
AUTHOR = "Benchmark"
SITENAME = "Benchmark Cloud Status"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 50
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
"""
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def pelican_site(site: Path, target: Path) -> int:
    """The site's incidents as Pelican articles: the same Markdown, components as tags."""
    content = target / "content"
    content.mkdir(parents=True)
    (target / "conf.py").write_text(PELICAN_CONF, encoding="utf-8")
    count = 0
    for source in sorted((site / "incidents").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        front = _FRONT.match(text)
        assert front
        fields = dict(line.split(": ", 1) for line in front.group(1).splitlines())
        authors = sorted(set(re.findall(r"^## .* · (\S+)$", text, re.MULTILINE)))
        header = (f"Title: {fields['title']}\nDate: {fields['started'].replace('T', ' ').rstrip('Z')}\n"
                  f"Category: {fields['impact']}\nTags: {fields['components'].strip('[]')}\n"
                  f"Authors: {', '.join(authors)}\nSlug: {source.stem}\n\n")
        (content / source.name).write_text(header + text[front.end():], encoding="utf-8")
        count += 1
    return count


def pelican_build(python: Path, target: Path, output: Path) -> Run:
    shutil.rmtree(output, ignore_errors=True)
    return run([str(python), "-m", "pelican", str(target / "content"), "-o", str(output),
                "-s", str(target / "conf.py"), "-q"])


def count_files(directory: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(directory))


# The benchmark.

@dataclass
class Row:
    size: int
    files: int = 0
    cold: list[Run] = field(default_factory=list)
    cold_one: list[Run] = field(default_factory=list)
    """Cold builds in one process (STATUSBLOG_JOBS=1)."""
    warm: list[Run] = field(default_factory=list)
    noop: list[Run] = field(default_factory=list)
    edit_cli: list[Run] = field(default_factory=list)
    edit_serve: float = 0.0
    memory: list[Run] = field(default_factory=list)
    pelican: list[Run] = field(default_factory=list)
    pelican_files: int = 0


def median(runs: list[Run], attribute: str = "seconds") -> float:
    return statistics.median(getattr(run, attribute) for run in runs)


def measure(size: int, work: Path, outputs: Path, runs: int, pelican: Path | None) -> Row:
    site, out, pelican_out = work / f"site-{size}", outputs / f"out-{size}", outputs / f"pelican-out-{size}"
    make_site(site, size)
    row = Row(size)
    pelican_dir = work / f"pelican-{size}"
    if pelican is not None:
        shutil.rmtree(pelican_dir, ignore_errors=True)
        pelican_site(site, pelican_dir)
    turns: list[Callable[[], None]] = [lambda: row.cold.append(cold(site, out)),
                                       lambda: row.cold_one.append(cold(site, out, one_process=True))]
    if pelican is not None:
        turns.append(lambda: row.pelican.append(pelican_build(pelican, pelican_dir, pelican_out)))
    for number in range(runs):  # cold builds and Pelican's, interleaved, taking turns to go first
        for turn in turns[number % len(turns):] + turns[:number % len(turns)]:
            turn()
    row.files = count_files(out)
    if pelican is not None:
        row.pelican_files = count_files(pelican_out)
        shutil.rmtree(pelican_out, ignore_errors=True)
    shutil.rmtree(CACHE, ignore_errors=True)
    build(site, out)  # fills the parse cache
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        row.warm.append(build(site, out))
    row.memory.append(cold(site, out, watch_memory=True))
    shutil.rmtree(out, ignore_errors=True)
    row.memory.append(build(site, out, watch_memory=True))
    for _ in range(runs):
        row.noop.append(build(site, out))
    target = sorted((site / "incidents").glob("*.md"))[size // 2]
    for number in range(runs):
        sentence = edit(target, number)
        row.edit_cli.append(build(site, out))
        assert sentence in (out / "incidents" / target.stem / "index.html").read_text(encoding="utf-8")
    row.edit_serve = serve_edit(site, target, max(runs, 5))
    shutil.rmtree(out, ignore_errors=True)
    return row


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable), {model}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
            f"load average at the end {load}")


def mb(value: float) -> str:
    return f"{value / 1024 / 1024:.0f} MB"


def table(rows: list[Row], runs: int, version: float, installed: bool, outputs: Path | None) -> str:
    lines = [
        f"Medians of {runs} runs, each build in a fresh process; times in seconds unless marked; outputs written "
        f"to {'a tmpfs' if outputs == OUTPUTS_ON_TMPFS else outputs or 'the system temporary folder'}.",
        "",
        "| incidents | files | cold build | cold CPU (user+sys) | cold, one process: wall / CPU | warm full build | "
        "no-op rebuild | edit, CLI rebuild (share of cold) | edit, serve | peak memory (RSS sum / PSS sum / largest "
        "RSS) | incidents/s (cold) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cold_wall = median(row.cold)
        peak = max(run.peak_rss for run in row.memory)
        shared = max(run.peak_pss for run in row.memory)
        largest = max(run.largest_rss for run in row.memory + row.cold + row.warm)
        edit_cli = median(row.edit_cli)
        lines.append(
            f"| {row.size:,} | {row.files:,} | {cold_wall:.2f} | {median(row.cold, 'cpu'):.2f} | "
            f"{median(row.cold_one):.2f} / {median(row.cold_one, 'cpu'):.2f} | {median(row.warm):.2f} | "
            f"{median(row.noop):.2f} | {edit_cli:.2f} ({edit_cli / cold_wall:.0%}) | "
            f"{row.edit_serve * 1000:.0f} ms | {mb(peak)} / {mb(shared)} / {mb(largest)} | "
            f"{row.size / cold_wall:,.0f} |")
    how = "installed from a wheel, as the README installs it" if installed else "from this checkout"
    lines += ["", f"`statusblog --version` ({how}): {version * 1000:.0f} ms."]
    if any(row.pelican for row in rows):
        lines += ["", "Pelican, the same incidents as plain articles (its own Markdown, theme, feeds, "
                  "category, tag and author pages; the versions in benchmarks/pelican-requirements.txt), "
                  "cold, its runs interleaved with statusblog's cold builds:", "",
                  "| incidents | Pelican files | Pelican wall | Pelican CPU | statusblog wall | statusblog CPU "
                  "| statusblog / Pelican, wall | statusblog / Pelican, CPU | one process / Pelican, CPU |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in rows:
            if not row.pelican:
                continue
            ours, theirs = median(row.cold), median(row.pelican)
            ours_cpu, theirs_cpu = median(row.cold, "cpu"), median(row.pelican, "cpu")
            lines.append(f"| {row.size:,} | {row.pelican_files:,} | {theirs:.2f} | {theirs_cpu:.2f} | "
                         f"{ours:.2f} | {ours_cpu:.2f} | {ours / theirs:.2f} | {ours_cpu / theirs_cpu:.2f} | "
                         f"{median(row.cold_one, 'cpu') / theirs_cpu:.2f} |")
    lines += ["", f"Machine: {machine()}."]
    return "\n".join(lines)


def write_doc(text: str) -> None:
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else f"{START}\n{END}\n"
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--write", action="store_true", help=f"put the table into {DOC.relative_to(REPO)}")
    parser.add_argument("--work", type=Path, help="scratch directory (default: a temporary one)")
    parser.add_argument("--outputs", type=Path, default=OUTPUTS_ON_TMPFS if OUTPUTS_ON_TMPFS.is_dir() else None,
                        help="where both tools write their output (default: /dev/shm, a tmpfs; see OUTPUTS_ON_TMPFS)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    compile_checkout()
    with (tempfile.TemporaryDirectory(prefix="statusblog-bench-") as scratch,
          tempfile.TemporaryDirectory(prefix="statusblog-bench-out-", dir=args.outputs) as outputs):
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        pelican = None
        if not args.no_pelican:
            try:
                pelican = pelican_python(work / "pelican-venv")
            except subprocess.CalledProcessError as exc:
                print(f"Pelican could not be installed ({exc}); measuring statusblog alone", file=sys.stderr)
        rows = []
        for size in sizes:
            rows.append(measure(size, work, Path(outputs), args.runs, pelican))
            print(f"measured {size:,} incidents", file=sys.stderr, flush=True)
        script = installed_script(work)
        version = version_seconds(script)
    text = table(rows, args.runs, version, script is not None, args.outputs)
    print(text)
    if args.write:
        write_doc(text)


if __name__ == "__main__":
    main()
