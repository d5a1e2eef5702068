"""Rules that span files, and warnings that depend on "now".

Errors here make the site wrong (an unknown author, a timeline out of
order); warnings make it late (no ETA on an open incident, an overdue
postmortem). Warnings fail a run only with --strict.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from ..core.addresses import RESERVED_NAMES
from ..core.memo import remembered
from ..core.model import ENDED_MAINTENANCE, RESOLVED, Author, Component, Incident, Maintenance, Site, Update
from ..core.problems import Problem, Problems, did_you_mean
from ..core.times import zone
from ..source.parse import INIT_EXAMPLE
from ..source.postmortem import PLACEHOLDER_ACTION, POSTMORTEM_QUESTIONS
from ..themes import languages
from .handling import action_item_overdue, postmortem_overdue
from .state import SiteState

NAMED = 5
"""Unknown components named in one error; a line that sets thousands gets one error, not thousands."""

"""Top-level folders of the build: a free page of the same name would overwrite one."""


def _unknown(word: str, known: Mapping[str, object], kind: str) -> str:
    names = ", ".join(sorted(known)) or "none yet"
    close = did_you_mean(word, known)
    prefix = f"{close} " if close.startswith("did you mean") else ""
    return f"{prefix}known {kind}: {names}"


def _check_author(authors: Mapping[str, Author] | None, path: str, line: int, author: str,
                  problems: Problems) -> None:
    """`authors` is None when authors.toml itself has errors: they are reported once, not at every byline."""
    if authors is not None and author and author not in authors:
        problems.error(path, line, f"unknown author '{author}'",
                       _unknown(author, authors, "authors") + " (add them to authors.toml)")


def _check_components(components: Mapping[str, Component] | None, path: str, line: int, ids: Iterable[str],
                      problems: Problems) -> None:
    """`components` is None when components.toml itself has errors: reported once, not in every incident."""
    if components is None:
        return
    unknown = list(dict.fromkeys(component_id for component_id in ids if component_id not in components))
    if len(unknown) == 1:
        problems.error(path, line, f"unknown component '{unknown[0]}'",
                       _unknown(unknown[0], components, "components") + " (see components.toml)")
    elif unknown:
        named = ", ".join(f"'{component_id}'" for component_id in unknown[:NAMED])
        more = f" and {len(unknown) - NAMED:,} more" if len(unknown) > NAMED else ""
        problems.error(path, line, f"unknown components {named}{more}",
                       _unknown("", components, "components") + " (see components.toml)")


def _check_timeline(path: str, updates: tuple[Update, ...], start_label: str, start_time, end_status: str,
                    problems: Problems) -> None:
    previous: Update | None = None
    for update in updates:
        if update.at < start_time:
            problems.error(path, update.line, f"update at {update.at:%Y-%m-%d %H:%M} UTC is before "
                           f"{start_label} ({start_time:%Y-%m-%d %H:%M} UTC)",
                           f"fix the update's time or move '{start_label}' earlier")
        if previous is not None:
            if previous.status == end_status:
                problems.error(path, update.line, f"update after '{end_status}' on line {previous.line}",
                               f"an ended item stays ended: move the '{end_status}' update last, "
                               "or open a new file for a recurrence")
            elif update.at <= previous.at:
                problems.error(path, update.line, f"updates out of order: this one is not later than "
                               f"the one on line {previous.line}",
                               "updates go oldest first, each with a later time than the one before")
        previous = update


@remembered(lambda _authors, _components, incident: incident.source)
def incident_problems(authors: Mapping[str, Author] | None, components: Mapping[str, Component] | None,
                      incident: Incident) -> tuple[Problem, ...]:
    """The errors of one incident against the registries: all check_model needs to know of it but its slug and id."""
    problems = Problems()
    path = incident.source
    _check_components(components, path, incident.lines.get("components", 1), (c.id for c in incident.components),
                      problems)
    _check_timeline(path, incident.updates, "started", incident.started, RESOLVED, problems)
    for update in incident.updates:
        _check_author(authors, path, update.line, update.author, problems)
        if update.components:
            _check_components(components, path, update.components[0].line,
                              (setting.id for setting in update.components), problems)
    if incident.postmortem:
        _check_author(authors, path, incident.postmortem.line, incident.postmortem.author, problems)
        for item in incident.postmortem.action_items:
            if item.owner:
                _check_author(authors, path, item.line, item.owner, problems)
    return tuple(problems.items)


def _check_maintenance(site: Site, maintenance: Maintenance, authors: Mapping[str, Author] | None,
                       components: Mapping[str, Component] | None, problems: Problems) -> None:
    path = maintenance.source
    if maintenance.scheduled_end <= maintenance.scheduled_start:
        problems.error(path, maintenance.lines.get("scheduled_end", 1), "maintenance ends before it starts",
                       "scheduled_end must be later than scheduled_start")
    _check_components(components, path, maintenance.lines.get("components", 1), maintenance.components, problems)
    for update in maintenance.updates:
        _check_author(authors, path, update.line, update.author, problems)
    ended = [u for u in maintenance.updates if u.status in ENDED_MAINTENANCE]
    for update in maintenance.updates:
        if ended and update.line > ended[0].line:
            problems.error(path, update.line, f"update after '{ended[0].status}' on line {ended[0].line}",
                           f"move the '{ended[0].status}' update last")
    ordered = [u for u in maintenance.updates if not ended or u.line <= ended[0].line]
    for before, after in itertools.pairwise(ordered):
        if after.at <= before.at:
            problems.error(path, after.line, f"updates out of order: this one is not later than "
                           f"the one on line {before.line}",
                           "updates go oldest first, each with a later time than the one before")


def _check_unique(site: Site, problems: Problems) -> None:
    for kind, items in (("incident", site.incidents), ("maintenance", site.maintenances), ("page", site.pages)):
        if len({item.slug for item in items}) == len(items):
            continue  # the usual case, found without grouping thousands of items
        by_slug: dict[str, list[str]] = defaultdict(list)
        for item in items:
            by_slug[item.slug].append(item.source)
        for slug, paths in by_slug.items():
            for path in sorted(paths)[1:]:
                problems.error(path, None, f"duplicate {kind} slug '{slug}', also made by {sorted(paths)[0]}",
                               "rename one of the files")
    for page in site.pages:
        if page.slug in RESERVED_NAMES:
            problems.error(page.source, None, f"page slug '{page.slug}' is taken by the site's own pages",
                           "rename the file; reserved: "
                           + ", ".join(sorted(name for name in RESERVED_NAMES if "." not in name)))
    identified = (*site.incidents, *site.maintenances)
    if len({item.id for item in identified}) == len(identified):
        return
    by_id: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for item in identified:
        by_id[item.id].append((item.source, item.lines.get("id", 1)))
    for item_id, places in by_id.items():
        ordered = sorted(places)
        for path, line in ordered[1:]:
            problems.error(path, line, f"duplicate id '{item_id}', also used by {ordered[0][0]}",
                           "ids must be unique: they keep feed entries and API ids stable")


def _check_language(site: Site, problems: Problems) -> None:
    """A language the theme has no catalog for would publish English text under <html lang="fr">."""
    config = site.config
    available = languages(config.theme)
    code = config.language.replace("-", "_")
    if available and code not in available and code.split("_")[0] not in available:
        problems.error(site.source_files.get("site", "site.toml"), config.lines.get("language"),
                       f"language '{config.language}' has no translation in the theme '{config.theme}'",
                       f"set language to one of: {', '.join(available)} (or add a catalog: docs/theme.md)")


def _registries(site: Site, problems: Problems
                ) -> tuple[Mapping[str, Author] | None, Mapping[str, Component] | None]:
    """The registries to check references against; None for one that could not be read at all (a TOML syntax
    error, already reported), so that its error is not repeated as an unknown id in every incident."""
    broken = {problem.path for problem in problems.errors}
    authors = None if not site.authors and site.source_files.get("authors") in broken else site.authors
    components = (None if not site.components and site.source_files.get("components") in broken
                  else site.components)
    return authors, components


def _check_alert_rules(site: Site, authors: Mapping[str, Author] | None,
                       components: Mapping[str, Component] | None, problems: Problems) -> None:
    """An `[[alert]]` table names a person, components and a template that exist: found by `check`, not by the
    first alert of an outage."""
    shown = site.source_files.get("site", "site.toml")
    templates = {template.slug for template in site.templates}
    for rule in site.config.alerts:
        _check_author(authors, shown, rule.line, rule.author, problems)
        _check_components(components, shown, rule.line, (component for component, _ in rule.components), problems)
        if rule.template and rule.template not in templates:
            problems.error(shown, rule.line, f"[[alert]] names the template '{rule.template}', which "
                           "incident-templates/ does not hold", _unknown(rule.template, dict.fromkeys(templates),
                                                                          "templates"))


def check_model(site: Site, problems: Problems) -> None:
    """Errors that hold whatever "now" is.

    Incident files with errors of their own are checked too, as far as they parse, so that one run reports
    every problem.
    """
    _check_unique(site, problems)
    _check_language(site, problems)
    authors, components = _registries(site, problems)
    if authors is not None:
        _check_look_alike_names(authors, site.source_files.get("authors", "authors.toml"), problems)
    for channel in site.config.notify:
        _check_components(components, site.source_files.get("site", "site.toml"), channel.line,
                          channel.components, problems)
    _check_alert_rules(site, authors, components, problems)
    for incident in site.incidents:
        problems.extend(incident_problems(authors, components, incident))
    for incident in site.unfinished:
        problems.extend(incident_problems(authors, components, incident))
    for maintenance in site.maintenances:
        _check_maintenance(site, maintenance, authors, components, problems)
    for template in site.templates:
        # A template names components as an incident does: a wrong one found now, not while declaring one.
        _check_components(components, template.source, template.lines.get("components", 1),
                          (item.id for item in template.components), problems)


_LOOK_ALIKES = str.maketrans("аеорсухіјѕԁһӏαεικνορτυχ", "aeopcyxijsdhlaeikvoptux")
"""Cyrillic and Greek letters drawn like Latin ones (after casefolding), the usual way to pass for someone."""


def look_alike(name: str) -> str:
    """A name as a reader sees it: compatibility forms folded, case, accents, spaces and invisible characters
    (zero-width joiners, bidi marks) dropped, and letters that look Latin read as Latin."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    seen = "".join(char for char in folded
                   if not char.isspace() and unicodedata.category(char) not in ("Mn", "Me", "Cf", "Cc"))
    return seen.translate(_LOOK_ALIKES)


def _check_look_alike_names(authors: Mapping[str, Author], path: str, problems: Problems) -> None:
    """A second author whose name reads like another's: a byline a reader would take for the other person."""
    first: dict[str, Author] = {}
    for author in authors.values():
        other = first.setdefault(look_alike(author.name), author)
        if other is not author:
            same = "the same name" if other.name == author.name else "a name that looks the same"
            problems.warning(path, author.line or 1, f"author '{author.id}' has {same} as '{other.id}' "
                             f"(line {other.line}): readers cannot tell their bylines apart",
                             "give each person their own name as they sign it, e.g. with a middle initial")


def _check_template_left(incident: Incident, problems: Problems) -> None:
    """What `statusblog postmortem` wrote for staff to replace, still as written: not ready for customers."""
    postmortem = incident.postmortem
    assert postmortem is not None
    for part in postmortem.parts:
        if part.title and not part.html.strip() and not part.has_actions:
            problems.warning(incident.source, part.line or postmortem.line,
                             f"postmortem question '### {part.title}' is empty",
                             "answer it under its heading, or delete the heading")
    for item in postmortem.action_items:
        if item.text == PLACEHOLDER_ACTION:
            problems.warning(incident.source, item.line, f"action item '{PLACEHOLDER_ACTION}' is the template's",
                             "write the real follow-up action with its owner and due date, or delete the line")


def _ago(elapsed: timedelta) -> str:
    """A span in the words a warning reads at a glance: '7 minutes', '3 hours 5 minutes', '2 days'."""
    minutes = int(elapsed.total_seconds() // 60)
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    words = [f"{count} {unit}{'s' if count != 1 else ''}" for count, unit in parts if count][:2]
    return " ".join(words) or "less than a minute"


def _suggested_eta(now: datetime) -> str:
    """A next-update time worth promising at "now": about 30 minutes on, on a quarter hour, in UTC."""
    due = (now + timedelta(minutes=30)).astimezone(UTC)
    due += timedelta(minutes=-due.minute % 15, seconds=-due.second, microseconds=-due.microsecond)
    return f"{due:%H:%M} UTC"


def check_at_now(state: SiteState, problems: Problems) -> None:
    """Warnings about what is late at the build's "now"."""
    config = state.site.config
    today = state.now.astimezone(zone(config.timezone)).date()
    for incident_state in state.incidents:
        incident = incident_state.incident
        if incident_state.is_open and incident_state.eta is None:
            problems.warning(incident.source, incident_state.latest.line,
                             "open incident gives no time for the next update",
                             f"end the latest update with 'Next update by {_suggested_eta(state.now)}.' "
                             "(customers want an ETA)")
        if incident_state.eta_overdue and incident_state.eta is not None:
            promised_in = incident_state.latest if incident_state.latest.next_update else None
            problems.warning(incident.source, promised_in.line if promised_in else incident.lines.get("next_update", 1),
                             f"the next update was promised by {incident_state.eta:%Y-%m-%d %H:%M} UTC, "
                             f"{_ago(state.now - incident_state.eta)} ago",
                             "post an update now, even to say you are still working on it, with a new "
                             f"'Next update by {_suggested_eta(state.now)}' (the uptime page counts promises kept)")
        resolved = incident_state.resolved_at
        if resolved is not None and postmortem_overdue(incident.impact, incident.postmortem is not None, resolved,
                                                       state.now, config.postmortem_deadline_days):
            problems.warning(incident.source, 1, f"{incident.impact} incident resolved "
                             f"{(state.now - resolved).days} days ago has no postmortem",
                             f"write one with 'statusblog postmortem {incident.slug}' "
                             f"(due within {config.postmortem_deadline_days} days)")
        if INIT_EXAMPLE in incident.summary.text:
            problems.warning(incident.source, 1, "this is the example incident 'statusblog init' wrote",
                             "delete the file before you publish (its incident is made up)")
        if incident.postmortem is None:
            continue
        present = {question.casefold() for question in incident.postmortem.questions}
        for question in POSTMORTEM_QUESTIONS:
            if question.casefold() not in present:
                problems.warning(incident.source, incident.postmortem.line, f"postmortem lacks '### {question}'",
                                 "customers want to know what happened, what you did, and what you will do")
        _check_template_left(incident, problems)
        for item in incident.postmortem.action_items:
            if action_item_overdue(item, today):
                problems.warning(incident.source, item.line, f"action item past due since {item.due}: {item.text}",
                                 "do it and tick it '[x]', or move its due date with a reason")
