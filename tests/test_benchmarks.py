"""benchmarks/make_site.py: the synthetic site is deterministic, valid, and builds.

The benchmarks themselves are too slow for the suite; this keeps their input
from rotting as the content format grows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import output_dir
from generator.proof import evidence
from tests.conftest import REPO
from tests.sites import benchmark_script, benchmark_sites, run

make_site = benchmark_sites()


def test_the_same_seed_makes_the_same_site_and_another_seed_another() -> None:
    first, again = make_site.site_files(40, seed=7), make_site.site_files(40, seed=7)
    assert first == again
    assert first != make_site.site_files(40, seed=8)
    assert len([name for name in first if name.startswith("incidents/")]) == 40
    assert len([name for name in first if name.startswith("maintenance/")]) == 1


def test_a_smaller_site_is_the_newest_part_of_a_bigger_one() -> None:
    small, big = make_site.site_files(10), make_site.site_files(30)
    assert all(big[name] == text for name, text in small.items() if name.startswith("incidents/"))


def test_the_synthetic_site_checks_clean_and_builds(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    make_site.make_site(site, 20)
    checked = run("check", str(site), "--now", make_site.NOW_TEXT)
    assert checked.exit_code == 0, checked.output
    assert "0 errors, 0 warnings" in checked.output
    built = run("build", str(site), "--out", str(out), "--now", make_site.NOW_TEXT)
    assert built.exit_code == 0, built.output
    pages = sorted(out.glob("incidents/*/index.html"))
    assert len(pages) == 20
    assert "Postmortem" in (out / "incidents" / sorted((site / "incidents").glob("*-00004.md"))[0].stem
                            / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_site_of_5000_incidents_with_a_full_proofs_budget_fits_the_hosts(tmp_path: Path) -> None:
    """The proofs' budget is what a site of 5,000 incidents leaves of the limits every build enforces: the
    site built without proofs, plus every file and byte the proofs may take, is still publishable."""
    assert evidence.MAX_OBJECT_BYTES <= output_dir.MAX_FILE_BYTES
    site, out = tmp_path / "site", tmp_path / "out"
    make_site.make_site(site, 5000)
    built = run("build", str(site), "--out", str(out), "--now", make_site.NOW_TEXT)
    assert built.exit_code == 0, built.output
    files = [path for path in out.rglob("*") if path.is_file()]
    assert len(files) + evidence.MAX_FILES <= output_dir.MAX_FILES
    assert sum(path.stat().st_size for path in files) + evidence.MAX_BYTES <= output_dir.MAX_TOTAL_BYTES


def test_pelican_is_measured_at_pinned_versions_of_every_package() -> None:
    lines = [line for line in (REPO / "benchmarks" / "pelican-requirements.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    names = [line.split("==")[0] for line in lines]
    assert all(line.count("==") == 1 and " " not in line for line in lines)
    assert {"pelican", "markdown"} <= set(names) and len(names) == len(set(names))


def test_the_bench_times_one_process_and_every_core_whatever_the_callers_setting(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The usual cold row uses every core even when STATUSBLOG_JOBS is exported, and the one-process row one."""
    bench = benchmark_script("bench")
    for exported in ("1", "4", None):
        if exported is None:
            monkeypatch.delenv("STATUSBLOG_JOBS", raising=False)
        else:
            monkeypatch.setenv("STATUSBLOG_JOBS", exported)
        assert "STATUSBLOG_JOBS" not in bench.statusblog_env(cache=False)
        assert bench.statusblog_env(cache=False, one_process=True)["STATUSBLOG_JOBS"] == "1"
        assert bench.statusblog_env(cache=False)["STATUSBLOG_CACHE_DIR"] == "off"
