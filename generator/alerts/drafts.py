"""Alerts -> draft incidents, by the site's `[[alert]]` tables.

A firing alert opens an incident (or joins the open incident its alert group
opened); a cleared alert appends a `monitoring` update and never resolves:
a person does. What was done is recorded in the incident's front matter
(`alerts`: each fingerprint and its state; `alert_group`), so the same alert
again changes nothing, an alert that fires after its incident was resolved
opens a new one, and a clear after a person resolved changes nothing.

Every file the run would write is checked against the whole site, as
`statusblog check` would, before any is written: a run writes all of its
drafts or none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..authoring.compose import (
    append_block,
    file_slug,
    find_template,
    incident_text,
    plain,
    template_components,
    update_block,
    update_time,
    with_alert_states,
    written_time,
)
from ..authoring.edit import create_file, replace_file
from ..authoring.errors import AuthoringError
from ..core.model import IMPACT_STATUS, RESOLVED, AlertRule, Incident, IncidentTemplate, Site
from ..core.problems import Severity, display_path
from ..pipeline.workspace import Workspace, evaluate, load_workspace, parse_text, with_file
from ..source.frontmatter import normalise
from ..source.layout import INCIDENTS
from ..source.parse import PLACEHOLDER
from .payloads import Alert, Notification

FIRING, CLEARED = "firing", "cleared"


@dataclass(frozen=True, slots=True)
class Outcome:
    said: tuple[str, ...]
    """What the run did and why, line by line, for the person (or the workflow's log) reading it."""
    written: tuple[Path, ...]
    unmatched: int
    """Alerts no `[[alert]]` table took: reported, nothing written for them."""


@dataclass(slots=True)
class _Change:
    """What one run does to one incident file, gathered before its text is made."""

    incident: Incident | None
    rule: AlertRule
    alerts: list[Alert] = field(default_factory=list)
    joined: list[tuple[Alert, AlertRule]] = field(default_factory=list)
    cleared: list[Alert] = field(default_factory=list)


def _matching(rules: Iterable[AlertRule], alert: Alert) -> list[AlertRule]:
    return [rule for rule in rules if all(alert.labels.get(label) == value for label, value in rule.match)]


def _open(site: Site) -> list[Incident]:
    return [incident for incident in site.incidents if not incident.updates or incident.updates[-1].status != RESOLVED]


def _components(rule: AlertRule, template: IncidentTemplate | None, impact: str) -> dict[str, str]:
    """The rule's components with their statuses, else the template's (a bare id gets the impact's status)."""
    if rule.components:
        return dict(rule.components)
    if template is None:
        return {}
    written = template_components(template)
    if isinstance(written, dict):
        return written
    return dict.fromkeys(written, IMPACT_STATUS[impact].key)


def _values(alerts: Iterable[Alert]) -> dict[str, str]:
    """What a placeholder may be filled with: each alert's labels, then its annotations (the first alert's win)."""
    values: dict[str, str] = {}
    for alert in alerts:
        for key, value in (*alert.labels.items(), *alert.annotations.items()):
            values.setdefault(key, value)
    return values


def _filled(template: IncidentTemplate, values: Mapping[str, str]) -> tuple[str, str]:
    """The template's title and text with each placeholder filled by the label or annotation of its name: the
    title as one line, the text as plain text Markdown shows as it is. A placeholder no value fills is refused."""
    for gap in template.placeholders:
        if gap.name not in values:
            raise AuthoringError(f"{template.source}:{gap.line}: placeholder <<{gap.name}>> is not a label or "
                                 f"annotation of the alert ({', '.join(sorted(values)) or 'it has none'}); name "
                                 "one of them, or declare by hand: statusblog new incident --template "
                                 f"{template.slug}")
    title = PLACEHOLDER.sub(lambda match: " ".join(values[match.group(1)].split())[:200], template.title)
    return title, PLACEHOLDER.sub(lambda match: plain(values[match.group(1)]), template.body.strip())


def _reported(alert: Alert) -> str:
    summary = alert.annotations.get("summary") or alert.annotations.get("description") or ""
    return f"{plain(alert.name)}" + (f": {plain(summary)}" if summary else "")


def _new_incident(site: Site, workspace: Workspace, change: _Change, source: str, group: str,
                  now: datetime) -> tuple[Path, str, str]:
    rule = change.rule
    template = find_template(site, rule.template) if rule.template else None
    impact = rule.impact or (template.impact if template else "")
    components: dict[str, str] = {}
    for joined_rule in (rule, *(other for _, other in change.joined)):
        for component, status in _components(joined_rule, template, impact).items():
            components.setdefault(component, status)
    first = change.alerts[0]
    at = update_time(now, None)
    starts = [alert.starts_at for alert in change.alerts if alert.starts_at is not None]
    started = min([*starts, at]).astimezone(UTC).replace(second=0, microsecond=0)
    if template is not None:
        title, body = _filled(template, _values(change.alerts))
    else:
        title = " ".join((first.annotations.get("summary") or first.name).split())[:200]
        body = (f"Our monitoring ({source}) reports: "
                + "; ".join(_reported(alert) for alert in change.alerts) + ". We are investigating.")
    states = {alert.fingerprint: FIRING for alert in change.alerts}
    text = incident_text(title, impact, components, started, update_block(at, "investigating", rule.author, body),
                         alerts=states, alert_group=group)
    day, slug = started.astimezone(workspace.tz).date(), file_slug(started.astimezone(workspace.tz).date(), title)
    path, number = workspace.root / INCIDENTS / f"{slug}.md", 2
    while path.exists() or any(incident.slug == path.stem for incident in site.incidents):
        path, number = workspace.root / INCIDENTS / f"{file_slug(day, title)}-{number}.md", number + 1
    names = ", ".join(plain(alert.name) for alert in change.alerts)
    return path, text, (f"opened {display_path(path)}: {impact} incident from {source} alert {names}; its first "
                        f"update is by {rule.author}, unsigned until {rule.author} commits it signed")


def _changed_incident(site: Site, change: _Change, now: datetime) -> tuple[Path, str, str]:
    incident = change.incident
    assert incident is not None
    path = Path(incident.source)
    states = dict(incident.alerts)
    settings: dict[str, str] = {}
    lines = []
    for alert, rule in change.joined:
        again = states.get(alert.fingerprint) == CLEARED
        states[alert.fingerprint] = FIRING
        impact = rule.impact or incident.impact
        template = find_template(site, rule.template) if rule.template else None
        for component, status in _components(rule, template, impact).items():
            settings.setdefault(component, status)
        lines.append(f"The alert {_reported(alert)} {'fired again' if again else 'fired too'}.")
    for alert in change.cleared:
        states[alert.fingerprint] = CLEARED
        when = f" at {written_time(alert.ends_at)}" if alert.ends_at else ""
        lines.append(f"The alert {plain(alert.name)} cleared{when}.")
    if change.joined:
        status = "investigating"
    else:
        status = "monitoring"
        lines.append("We are monitoring; a person resolves this incident once the service is confirmed healthy.")
    body = "\n\n".join(lines)
    if settings:
        body += "\n\nComponents: " + ", ".join(f"{component}={status}" for component, status in settings.items())
    author = change.rule.author
    at = update_time(now, incident.updates[-1].at if incident.updates else None)
    text = append_block(with_alert_states(path.read_bytes().decode("utf-8"), states),
                        update_block(at, status, author, body))
    return path, text, (f"appended {'an' if status == 'investigating' else 'a'} '{status}' update by {author} to "
                        f"{incident.source}: " + " ".join(lines[:len(change.joined) + len(change.cleared)]))


def _plan(site: Site, notification: Notification, said: list[str]) -> tuple[list[_Change], int]:
    """Which incident each alert acts on, and how; what changes nothing is said and dropped."""
    changes: dict[str, _Change] = {}
    unmatched = 0
    opened = _open(site)
    for alert in notification.alerts:
        rules = _matching(site.config.alerts, alert)
        described = f"{notification.source} alert {plain(alert.name)} ({alert.fingerprint})"
        if not rules:
            unmatched += 1
            labels = ", ".join(f"{key}={value}" for key, value in sorted(alert.labels.items()))
            said.append(f"{described} matches no [[alert]] table of site.toml ({labels}); nothing written for it")
            continue
        if len(rules) > 1:
            said.append(f"{described} matches the [[alert]] tables of site.toml lines "
                        f"{', '.join(str(rule.line) for rule in rules)}; the first (line {rules[0].line}) wins")
        rule = rules[0]
        holding = next((incident for incident in opened if alert.fingerprint in incident.alerts), None)
        recorded = holding.alerts.get(alert.fingerprint) if holding else None
        if alert.firing:
            if recorded == FIRING:
                said.append(f"{described} is already recorded in {holding.source}; nothing changed")  # type: ignore[union-attr]
                continue
            target = holding or next((incident for incident in opened
                                      if incident.alert_group and incident.alert_group == notification.group), None)
            if target is None:
                change = changes.setdefault(f"new:{notification.group}", _Change(None, rule))
                if change.alerts:
                    change.joined.append((alert, rule))
                change.alerts.append(alert)
            else:
                changes.setdefault(target.source, _Change(target, rule)).joined.append((alert, rule))
        elif recorded == FIRING:
            changes.setdefault(holding.source, _Change(holding, rule)).cleared.append(alert)  # type: ignore[union-attr]
        elif recorded == CLEARED:
            said.append(f"{described} cleared, as already recorded in {holding.source}; nothing changed")  # type: ignore[union-attr]
        elif any(alert.fingerprint in incident.alerts for incident in site.incidents):
            said.append(f"{described} cleared after a person resolved its incident; nothing changed")
        else:
            said.append(f"{described} cleared, and no open incident holds it; nothing changed")
    return list(changes.values()), unmatched


def _check_all(workspace: Workspace, texts: Mapping[Path, str], now: datetime) -> None:
    """Every planned file, checked together against the whole site as `check` would; refuse them all on one error."""
    for path, text in texts.items():
        workspace = with_file(workspace, path, parse_text(workspace, path, normalise(text)))
    shown = {display_path(path) for path in texts}
    errors = [problem for problem in evaluate(workspace, now).problems
              if problem.path in shown and problem.severity is Severity.ERROR]
    if errors:
        raise AuthoringError("refusing to write the drafts: 'statusblog check' would reject them; nothing was "
                             "written", errors)


def apply_alerts(root: Path, notification: Notification, now: datetime) -> Outcome:
    """Open, join or mark cleared the incidents the notification's alerts map to; write all of it or nothing."""
    workspace = load_workspace(root)
    site = workspace.site
    if site is None:
        errors = [p for items in workspace.problems.values() for p in items if p.severity is Severity.ERROR]
        raise AuthoringError(f"{display_path(root)}: the site's settings have errors; fix them first", errors)
    said: list[str] = []
    changes, unmatched = _plan(site, notification, said)
    planned = [(_changed_incident(site, change, now) if change.incident is not None
                else _new_incident(site, workspace, change, notification.source, notification.group, now))
               for change in changes]
    _check_all(workspace, {path: text for path, text, _ in planned}, now)
    for path, text, summary in planned:
        if path.exists():
            replace_file(path, text)
        else:
            create_file(path, text)
        said.append(summary)
    return Outcome(tuple(said), tuple(path for path, _, _ in planned), unmatched)

