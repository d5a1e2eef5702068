"""How long `statusblog serve` takes from saving an incident to telling browsers to reload.

For the demo site and for synthetic sites of 1,000 and 5,000 incidents (target:
150 ms at 5,000), this starts the dev server on 127.0.0.1, listens to its event
stream as a browser does, appends a sentence to one incident again and again,
and reports the time from each save to the reload event, and then to the edited
page being served (pages are rendered when first asked for). The times include
the server's wait for a burst of saves to end (preview.QUIET_SECONDS), which the
CPU column does not: that is the processor time the server spent from the save
to the page, the figure to compare on a machine shared with other work.

    python benchmarks/serve_latency.py [--sizes demo,1000,5000] [--saves 15]
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.core.times import build_now  # noqa: E402 - the repository's package, not an installed one
from generator.preview.server import DevServer  # noqa: E402

NOW = "2026-11-20T15:00:00Z"


def synthetic_site(root: Path, count: int) -> None:
    """benchmarks/make_site.py's site when it is there; else the demo's incidents, copied back in time."""
    maker = Path(__file__).with_name("make_site.py")
    if maker.is_file():
        spec = importlib.util.spec_from_file_location("make_site", maker)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.make_site(root, count)
        return
    shutil.copytree(REPO / "content", root)
    originals = sorted((root / "incidents").glob("*.md"))
    for index in range(count - len(originals)):
        source = originals[index % len(originals)]
        years = index // len(originals) + 1
        text = re.sub(r"(?m)^id: .*\n", "", source.read_text(encoding="utf-8"))
        text = re.sub(r"\b(\d{4})-(\d\d)-(\d\d)",
                      lambda m, back=years: f"{int(m.group(1)) - back}-{m.group(2)}-{m.group(3)}", text)
        (root / "incidents" / f"{years:03d}-{source.name}").write_text(text, encoding="utf-8")


def get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    return connection.getresponse().read()


def measure(root: Path, saves: int) -> tuple[float, list[float], list[float], list[float]]:
    started = time.perf_counter()
    server = DevServer(root, 0, build_now(NOW), say=lambda _line: None)
    server.start()
    startup = time.perf_counter() - started
    port = server.server_address[1]
    target = max((root / "incidents").glob("*.md"), key=lambda path: path.name)
    page = f"/incidents/{target.stem}/"
    to_event, to_page, cpu = [], [], []
    try:
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        stream.request("GET", f"/__statusblog/events?since={server.preview.served.generation}")
        events = stream.getresponse()
        original = target.read_text(encoding="utf-8")
        for number in range(saves):
            marker = f"Benchmark edit {number}."
            saved, used = time.perf_counter(), time.process_time()
            target.write_text(f"{original.rstrip()}\n\n{marker}\n", encoding="utf-8")
            while not events.readline().startswith(b"event: reload"):
                pass
            to_event.append((time.perf_counter() - saved) * 1000)
            body = get(port, page)
            to_page.append((time.perf_counter() - saved) * 1000)
            cpu.append((time.process_time() - used) * 1000)
            assert marker.encode() in body, f"the served page lacks the edit {marker!r}"
            time.sleep(0.2)
        target.write_text(original, encoding="utf-8")
        stream.close()
    finally:
        server.stop()
    return startup, to_event, to_page, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="demo,1000,5000", help="comma-separated: 'demo' and/or incident counts")
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    print(f"{'site':>10}  {'start':>8}  {'save->reload median / max':>27}  {'save->page median / max':>25}  "
          f"{'CPU median':>10}")
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as directory:
            root = Path(directory) / "site"
            if size == "demo":
                shutil.copytree(REPO / "content", root)
            else:
                synthetic_site(root, int(size))
            count = len(list((root / "incidents").glob("*.md")))
            startup, to_event, to_page, cpu = measure(root, args.saves)
        print(f"{count:>6} inc  {startup * 1000:>6.0f}ms  {statistics.median(to_event):>12.0f} ms / "
              f"{max(to_event):>4.0f} ms  {statistics.median(to_page):>10.0f} ms / {max(to_page):>4.0f} ms  "
              f"{statistics.median(cpu):>7.0f} ms")


if __name__ == "__main__":
    main()
