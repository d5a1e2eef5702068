"""The SLA record for customers and auditors: uptime/uptime.csv and a printable report page per month."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import lxml.html
import pytest

from tests.built import build_at
from tests.sites import write_site
from tests.support.http import serve_directory

COLUMNS = ["component_id", "component_name", "month", "target_percent", "uptime_percent", "downtime_minutes",
           "allowed_downtime_minutes", "target_met", "month_running"]


def read_csv(out: Path) -> list[dict[str, str]]:
    raw = (out / "uptime" / "uptime.csv").read_bytes()
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert again.getvalue() == text, "RFC 4180: CRLF after every record, fields quoted only where needed"
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]


def number(cell: str) -> float | None:
    return None if cell == "" else float(cell)


def test_the_csv_has_a_row_per_component_and_month_that_agrees_with_the_json(demo_build):
    rows = read_csv(demo_build)
    data = json.loads((demo_build / "api" / "uptime.json").read_text(encoding="utf-8"))
    expected = [(key, month) for key, component in data["components"].items() for month in component["months"]]
    assert [(row["component_id"], row["month"]) for row in rows] == [(key, m["month"]) for key, m in expected]
    for row, (key, month) in zip(rows, expected, strict=True):
        component = data["components"][key]
        assert row["component_name"] == component["name"]
        assert number(row["target_percent"]) == component["sla_percent"]
        assert number(row["uptime_percent"]) == month["uptime_percent"]
        assert number(row["allowed_downtime_minutes"]) == month["allowed_downtime_minutes"]
        in_service = month["minutes"] > 0
        assert number(row["downtime_minutes"]) == (month["downtime_minutes"] if in_service else None)
        assert row["target_met"] == ("" if month["allowed_downtime_minutes"] is None or not in_service
                                     else "no" if month["breached"] else "yes")
        assert row["month_running"] == ("no" if month["complete"] else "yes")
    missed = {(row["component_id"], row["month"]) for row in rows if row["target_met"] == "no"}
    assert ("api", "2026-03") in missed
    assert [row["month_running"] for row in rows if row["component_id"] == "api"][-1] == "yes"


def test_a_component_without_a_target_has_empty_target_cells(tmp_path):
    components = '[api]\nname = "Public API"\n'
    out = build_at(write_site(tmp_path / "site", {"components.toml": components}), "2026-03-20T00:00:00Z")
    march = next(row for row in read_csv(out) if row["month"] == "2026-03")
    assert march["target_percent"] == march["allowed_downtime_minutes"] == march["target_met"] == ""
    assert float(march["uptime_percent"]) < 100 and float(march["downtime_minutes"]) > 0


@pytest.mark.parametrize("name", ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                                  "Name, with \"quotes\"\nand a line"])
def test_a_cell_a_spreadsheet_would_run_is_escaped(tmp_path, name):
    components = f'[api]\nname = {json.dumps(name)}\nsla = 99.9\n'
    out = build_at(write_site(tmp_path / "site", {"components.toml": components}), "2026-03-20T00:00:00Z")
    cells = {row["component_name"] for row in read_csv(out)}
    assert cells == {("'" + name) if name[0] in "=+-@" else name}


@pytest.fixture(scope="module")
def march(demo_build: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(demo_build / "uptime" / "2026" / "03" / "index.html")).getroot()


def test_a_report_page_per_month_says_what_the_json_says(demo_build, march):
    data = json.loads((demo_build / "api" / "uptime.json").read_text(encoding="utf-8"))
    months = sorted({m["month"] for c in data["components"].values() for m in c["months"]})
    reports = sorted(p.parent.relative_to(demo_build / "uptime").as_posix()
                     for p in (demo_build / "uptime").glob("*/*/index.html"))
    assert reports == [month.replace("-", "/") for month in months]
    rows = march.xpath("//tr[@data-json]")
    assert len(rows) == len(data["components"])
    for row in rows:
        month = data["components"][row.get("data-json").split(".")[1]]["months"][int(row.get("data-json").split(".")[3])]
        assert month["month"] == "2026-03"
        assert row.get("data-breached") == str(month["breached"]).lower()
        for figure in row.xpath(".//data[@data-json]"):
            assert float(figure.get("value")) == month[figure.get("data-json").rsplit(".", 1)[1]]
    assert "Target missed" in march.xpath("string(//tr[@data-json='components.api.months.3'])")


def test_the_report_states_the_accounting_rules_with_the_sites_weights(tmp_path):
    settings = ('title = "Example Status"\nbase_url = "https://status.example.com/"\ntimezone = "UTC"\n'
                '[uptime]\npartial_outage = 0.5\nunder_maintenance = 0.25\n')
    out = build_at(write_site(tmp_path / "site", {"site.toml": settings}), "2026-03-20T00:00:00Z")
    report = lxml.html.parse(str(out / "uptime" / "2026" / "03" / "index.html")).getroot()
    rules = report.xpath("string(//ul[@class='rules'])")
    assert "partial outage counts as 50 %" in rules and "planned maintenance as 25 %" in rules
    assert "cancelled before it started counts nothing" in rules
    assert "This month is still running." in report.text_content()


def test_the_uptime_page_links_the_csv_and_every_report(demo_build):
    page = lxml.html.parse(str(demo_build / "uptime" / "index.html")).getroot()
    links = page.xpath("//p[@id='reports']//a/@href | //ul[@class='report-months']//a/@href")
    reports = {p.parent.relative_to(demo_build).as_posix() + "/" for p in (demo_build / "uptime").glob("*/*/index.html")}
    assert "../uptime/uptime.csv" in links or "uptime.csv" in [link.rsplit("/", 1)[-1] for link in links]
    assert {(demo_build / "uptime" / link).resolve() for link in links if link.endswith("/")} == \
        {(demo_build / report).resolve() for report in reports}


@pytest.mark.browser
def test_the_report_prints_as_an_a4_report_without_the_sites_navigation(demo_build, page):
    with serve_directory(demo_build, headers_file=True) as url:
        page.goto(url + "uptime/2026/03/")
        assert page.locator("header.site nav").is_visible()
        page.emulate_media(media="print")
        assert not page.locator("header.site nav").is_visible()
        assert not page.locator("nav.months").is_visible()
        assert page.locator("table.report").is_visible() and page.locator("ul.rules").is_visible()
        pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF-")
    boxes = [[float(n) for n in line.split(b"]")[0].split()] for line in pdf.split(b"/MediaBox [")[1:]]
    assert len(boxes) == 1, "the demo's nine components and the rules fit on one page"
    assert boxes[0][2] == pytest.approx(595.28, abs=1) and boxes[0][3] == pytest.approx(841.89, abs=1), "A4"
