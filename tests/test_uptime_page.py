"""The uptime page of the demo site: valid, accessible, and saying what api/uptime.json says."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from tests.sites import run, write_site
from tests.support.axe import ColorScheme, axe_check, format_violations
from tests.support.http import serve_directory
from tests.support.vnu import format_vnu_messages, run_vnu


@pytest.fixture(scope="module")
def published(demo_build: Path) -> tuple[lxml.html.HtmlElement, dict]:
    page = lxml.html.parse(str(demo_build / "uptime" / "index.html")).getroot()
    data = json.loads((demo_build / "api" / "uptime.json").read_text(encoding="utf-8"))
    return page, data


def lookup(data: dict, path: str):
    value = data
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def test_every_figure_on_the_page_agrees_with_the_json(published):
    page, data = published
    figures = page.xpath("//*[@data-json][not(self::tr)]")
    assert len(figures) > 300
    for element in figures:
        path = element.get("data-json")
        expected = lookup(data, path)
        if element.get("data-null") is not None:
            assert expected is None, path
        elif element.tag == "time":
            assert element.get("datetime") == f"PT{expected}S", path
        else:
            assert float(element.get("value")) == expected, path
            if path.endswith("_percent") and not path.endswith("coverage_percent"):
                assert element.text_content() == f"{expected:,.3f}\u00a0%", path


def test_each_month_row_flags_the_same_breaches_as_the_json(published):
    page, data = published
    rows = page.xpath("//tr[@data-json]")
    # Every month once; a year shown collapsed repeats its months that are also among the last 12.
    assert len({row.get("data-json") for row in rows}) == sum(len(c["months"]) for c in data["components"].values())
    for row in rows:
        month = lookup(data, row.get("data-json"))
        text = row.text_content()
        assert row.get("data-breached") == str(month["breached"]).lower()
        assert ("Target missed" in text and "✖" in text) == month["breached"], text
    missed = {key: [m["month"] for m in c["months"] if m["breached"]] for key, c in data["components"].items()}
    # The demo's year: the DNS outages of December and October, the API's pool exhaustions, the CHI1 power failure.
    assert missed["dns"] == ["2024-02", "2025-12", "2026-10"]
    assert missed["api"] == ["2026-01", "2026-03"]
    assert missed["vms"] == ["2026-05"]
    assert missed["kubernetes"] == []


def test_the_whole_history_is_published_with_older_years_collapsed(published):
    page, data = published
    dns = data["components"]["dns"]
    # DNS's history begins with its first incident, February 2024: 58 minutes of major outage, 15:04 to 16:02
    # UTC. February 2024 has 41,760 minutes; 99.99 % allows 4.2 of them: missed, 99.861 %.
    assert dns["months"][0]["month"] == "2024-02"
    assert (dns["months"][0]["downtime_minutes"], dns["months"][0]["uptime_percent"]) == (58.0, 99.861)
    # 2024 from February 1 (CST): 335 days = 482,400 minutes, 58 of them down: 99.987 %.
    first_year = dns["years"][0]
    assert (first_year["year"], first_year["minutes"], first_year["uptime_percent"],
            first_year["months_breached"]) == (2024, 482_400, 99.987, 1)
    # A component without an older incident keeps the last 12 months.
    assert len(data["components"]["cdn"]["months"]) == 12
    older = page.xpath('//section[@id="component-dns"]//details[@class="year"]')
    assert [d.xpath("string(summary)").split(":")[0] for d in older] == ["2025", "2024"]
    assert "1 month below target" in older[1].xpath("string(summary)")
    assert older[1].get("open") is None
    # Quarters without incidents (2024-Q2 to 2025-Q3) are no rows; each year and all time have a summary.
    assert [y["quarter"] for y in data["years"]] == ["2024", "2025", "2026"]
    assert data["all_time"]["incidents"] == sum(q["incidents"] for q in data["quarters"])


def test_the_demo_figures_are_the_ones_worked_out(published):
    _, data = published
    api = data["components"]["api"]
    # 365 days from 2025-11-21 00:00 CST: 524,700 minutes; 64.8 minutes of weighted downtime.
    assert api["windows"]["365"]["minutes"] == 524_700
    assert api["windows"]["365"]["downtime_minutes"] == 64.8
    assert api["windows"]["365"]["uptime_percent"] == 99.987
    kubernetes = data["components"]["kubernetes"]
    assert kubernetes["start_date"] == "2026-06-01"
    assert [m["minutes"] for m in kubernetes["months"][:6]] == [0] * 6
    assert [q["quarter"] for q in data["quarters"]] == ["2024-Q1", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3",
                                                         "2026-Q4"]
    assert [c["cause"] for c in data["recurring_causes"]] == ["certificate-expiry", "connection-pool-exhaustion"]
    assert len(data["components"]["cdn"]["days"]) == 90


def test_charts_are_inline_svg_with_a_name_and_a_table(published):
    page, data = published
    charts = page.xpath("//svg")
    # Per component: the 90-day row and the months; then the time to resolve.
    assert len(charts) == 2 * len(data["components"]) + 1
    for chart in charts:
        assert chart.get("role") == "img"
        title = chart.find("title")
        assert title is not None and title.get("id") == chart.get("aria-labelledby") and title.text
    # Per component: its windows and its recent months, and one more per older year; then the incident handling
    # summary, by year and by quarter, and the promised updates.
    older_years = sum(len({m["month"][:4] for m in c["months"][:-12]}) for c in data["components"].values())
    assert len(page.xpath("//table")) == 2 * len(data["components"]) + older_years + 4
    assert not page.xpath("//script")


def test_the_component_page_shows_its_uptime(demo_build: Path):
    page = lxml.html.parse(str(demo_build / "components" / "dns" / "index.html")).getroot()
    data = json.loads((demo_build / "api" / "uptime.json").read_text(encoding="utf-8"))
    figures = page.xpath("//*[@data-json][not(self::tr)]")
    assert figures
    for element in figures:
        if element.get("value") is not None:
            assert float(element.get("value")) == lookup(data, element.get("data-json"))
    assert "Target missed" in page.text_content()
    assert page.xpath("//a[@href='../../uptime/']")


def test_names_from_the_source_are_escaped_in_page_and_json(tmp_path: Path):
    components = '[api]\nname = "<script>alert(1)</script> & API"\nsla = 99.9\n'
    incident = """\
        ---
        title: "<img src=x onerror=alert(1)>"
        impact: critical
        components: [api]
        started: 2026-03-10T10:00:00Z
        cause: pool
        ---

        Down.

        ## 2026-03-10 10:05 UTC · investigating · alice

        Looking. Next update by 11:00 UTC.

        ## 2026-03-10 11:00 UTC · resolved · alice

        Fixed.
        """
    write_site(tmp_path, {"components.toml": components, "incidents/a.md": incident,
                          "incidents/b.md": incident.replace("03-10", "03-11")})
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"), "--now", "2026-03-20T12:00:00Z")
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "out" / "uptime" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; API" in html
    raw = (tmp_path / "out" / "api" / "uptime.json").read_text(encoding="utf-8")
    assert "<" not in raw
    assert json.loads(raw)["recurring_causes"][0]["incidents"][0]["title"] == "<img src=x onerror=alert(1)>"


def test_the_uptime_page_is_valid_html(demo_build: Path, vnu):
    pages = [demo_build / "uptime" / "index.html", demo_build / "components" / "kubernetes" / "index.html"]
    messages = run_vnu(pages, java=vnu[0], jar=vnu[1])
    assert messages == [], format_vnu_messages(messages)


@pytest.fixture(scope="module")
def site_url(demo_build: Path) -> Iterator[str]:
    with serve_directory(demo_build) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["uptime/", "components/dns/"])
def test_the_uptime_page_passes_axe(axe_page, site_url: str, scheme: ColorScheme, path: str):
    violations = axe_check(axe_page, site_url + path, color_scheme=scheme)
    assert violations == [], format_violations(violations)
