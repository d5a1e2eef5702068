"""uptime/index.html, api/uptime.json, uptime/uptime.csv and a report page per month: what we delivered
against what we promised.

All come from state.uptime, and every figure is rounded by the same rules
(percentages by Uptime.percent, minutes to one decimal, durations to whole
seconds), so a reader who checks a page or the CSV against the JSON finds the
same digits. api/uptime.json is our own extension: Statuspage has no uptime
API, so its shape is documented in docs/uptime.md, as are the CSV's columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from ..core.addresses import Address, uptime_report_address
from ..core.times import iso_utc
from ..derive.handling import QuarterMetrics
from ..derive.state import SiteState
from ..derive.uptime import WINDOWS, ComponentUptime, MonthUptime, Uptime, UptimeReport, YearUptime
from ..render.theme import Page, Theme, page
from .common import absolute, json_bytes, promise_fields
from .origins import File, every_component, history

Output = Iterator[File]
JSON = dict[str, Any]


def minutes(value: float) -> float:
    """Minutes as published: one decimal is finer than any timeline staff write."""
    return round(value, 1)


def seconds(value: timedelta | None) -> int | None:
    return None if value is None else round(value.total_seconds())


def _figures(figures: Uptime) -> JSON:
    return {
        "start": iso_utc(figures.start),
        "end": iso_utc(figures.end),
        "minutes": minutes(figures.minutes),
        "affected_minutes": minutes(figures.affected_minutes),
        "downtime_minutes": minutes(figures.downtime_minutes),
        "uptime_percent": figures.percent,
    }


def _month(month: MonthUptime) -> JSON:
    allowed = month.allowed_downtime_minutes
    return {
        "month": f"{month.month:%Y-%m}",
        "complete": month.complete,
        **_figures(month.figures),
        "allowed_downtime_minutes": None if allowed is None else minutes(allowed),
        "breached": month.breached,
    }


def _year(year: YearUptime) -> JSON:
    return {
        "year": year.year,
        "complete": year.complete,
        **_figures(year.figures),
        "months_breached": len(year.breaches),
    }


def _component(state: SiteState, uptime: ComponentUptime) -> JSON:
    component = uptime.component
    return {
        "name": component.name,
        "group": component.group or None,
        "url": absolute(state.site.config, component.address.url),
        "sla_percent": component.sla,
        "start_date": component.start_date.isoformat() if component.start_date else None,
        "windows": {str(days): _figures(figures) for days, figures in uptime.windows},
        "months": [_month(month) for month in uptime.months],
        "years": [_year(year) for year in uptime.years],
        "days": [{"date": cell.day.isoformat(), "status": cell.status.key, "minutes": cell.minutes,
                  "downtime_minutes": minutes(cell.downtime_minutes)} for cell in uptime.days],
    }


def _quarter(quarter: QuarterMetrics) -> JSON:
    coverage = quarter.postmortem_coverage
    return {
        "quarter": quarter.label,
        "start": quarter.start.isoformat(),
        "end": quarter.end.isoformat(),
        "incidents": quarter.incidents,
        "open": quarter.open,
        "by_impact": dict(quarter.by_impact),
        "mean_time_to_resolve_seconds": seconds(quarter.mean_time_to_resolve),
        "median_time_to_resolve_seconds": seconds(quarter.median_time_to_resolve),
        "median_time_to_first_update_seconds": seconds(quarter.median_first_update),
        "p90_time_to_first_update_seconds": seconds(quarter.p90_first_update),
        "major_and_critical": quarter.serious,
        "with_postmortem": quarter.with_postmortem,
        "postmortem_coverage_percent": None if coverage is None else round(coverage, 1),
        "promises_due": quarter.promises_due,
        "promises_on_time": quarter.promises_on_time,
        "median_promise_lateness_seconds": seconds(quarter.median_lateness),
    }


def uptime_json(state: SiteState) -> JSON:
    report: UptimeReport = state.uptime
    config = state.site.config

    return {
        "generated_at": iso_utc(state.now),
        "timezone": config.timezone,
        "weights": asdict(report.weights),
        "postmortem_deadline_days": config.postmortem_deadline_days,
        "components": {key: _component(state, uptime) for key, uptime in sorted(
            report.components.items(), key=lambda item: item[1].component.position)},
        "quarters": [_quarter(quarter) for quarter in report.quarters],
        "years": [_quarter(year) for year in report.years],
        "all_time": None if report.all_time is None else _quarter(report.all_time),
        "overdue_postmortems": [
            {"incident": item.slug, "title": item.title, "impact": item.impact,
             "url": absolute(config, item.address.url),
             "resolved_at": iso_utc(item.resolved_at), "due_at": iso_utc(item.due)}
            for item in report.overdue_postmortems],
        "overdue_action_items": [
            {"incident": action.slug, "title": action.title,
             "url": absolute(config, action.address.url) + "#postmortem",
             "text": action.item.text, "owner": action.item.owner,
             "due": action.item.due.isoformat() if action.item.due else None}
            for action in report.overdue_actions],
        "late_updates": [
            {"incident": item.slug, "title": item.title, "url": absolute(config, item.address.url),
             **promise_fields(item.promise)} for item in report.late_updates],
        "recurring_causes": [
            {"cause": cause.cause, "incidents": [
                {"incident": incident.slug, "title": incident.title, "url": absolute(config, incident.address.url),
                 "started": iso_utc(incident.started)} for incident in cause.incidents]}
            for cause in report.recurring_causes],
    }


CSV_PATH = "uptime/uptime.csv"
CSV_COLUMNS = ("component_id", "component_name", "month", "target_percent", "uptime_percent", "downtime_minutes",
               "allowed_downtime_minutes", "target_met", "month_running")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list): such a text is written after a `'`."""


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One component's month in a month's report, and where the same figures are in api/uptime.json."""

    uptime: ComponentUptime
    index: int
    """The month's place in the component's months: its JSON path is components.<id>.months.<index>."""

    @property
    def month(self) -> MonthUptime:
        return self.uptime.months[self.index]


@dataclass(frozen=True, slots=True)
class MonthReport:
    month: date
    rows: tuple[ReportRow, ...]

    @property
    def address(self) -> Address:
        return uptime_report_address(self.month)

    @property
    def complete(self) -> bool:
        return all(row.month.complete for row in self.rows)


def ordered(state: SiteState) -> list[ComponentUptime]:
    return sorted(state.uptime.components.values(), key=lambda uptime: uptime.component.position)


def month_reports(state: SiteState) -> list[MonthReport]:
    """Every month of any component's history, oldest first, with the components whose history has it."""
    rows: dict[date, list[ReportRow]] = {}
    for uptime in ordered(state):
        for index, month in enumerate(uptime.months):
            rows.setdefault(month.month, []).append(ReportRow(uptime, index))
    return [MonthReport(month, tuple(rows[month])) for month in sorted(rows)]


def target_met(month: MonthUptime) -> str:
    """yes or no against the target (so far, for the running month); empty with no target or no service."""
    if month.allowed_downtime_minutes is None or month.figures.minutes <= 0:
        return ""
    return "no" if month.breached else "yes"


def safe_cell(value: object) -> str:
    """A cell's text that no spreadsheet runs as a formula; numbers are written as api/uptime.json has them."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def uptime_csv(state: SiteState) -> bytes:
    """uptime/uptime.csv: RFC 4180 (CRLF, quoted where needed), UTF-8, one row per component and month."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for uptime in ordered(state):
        component = uptime.component
        for month in uptime.months:
            figures, allowed = month.figures, month.allowed_downtime_minutes
            writer.writerow(safe_cell(value) for value in (
                component.id, component.name, f"{month.month:%Y-%m}", component.sla, figures.percent,
                minutes(figures.downtime_minutes) if figures.minutes > 0 else None,
                None if allowed is None else minutes(allowed), target_met(month),
                "no" if month.complete else "yes"))
    return buffer.getvalue().encode("utf-8")


def uptime_pages(state: SiteState) -> Iterator[Page]:
    components = ordered(state)
    reports = month_reports(state)
    yield page("uptime.html", "uptime/index.html", history(state, components), state=state, report=state.uptime,
               components=components, windows=WINDOWS, month_reports=reports[::-1], csv_path=CSV_PATH)
    for number, month in enumerate(reports):
        rows = every_component(state.site, f"the report has a row for each of its {len(month.rows):,} components")
        yield page("uptime_report.html", month.address.page, rows, state=state, report=state.uptime, month=month,
                   previous=reports[number - 1] if number else None,
                   next=reports[number + 1] if number + 1 < len(reports) else None, csv_path=CSV_PATH)


def uptime_files(state: SiteState, _theme: Theme) -> Output:
    made_from = history(state, ordered(state))
    yield "api/uptime.json", json_bytes(uptime_json(state)), made_from
    yield CSV_PATH, uptime_csv(state), made_from
