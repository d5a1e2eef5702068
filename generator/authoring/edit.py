"""Writing incident and maintenance files for staff on call.

The first update of an incident should be out minutes after the page goes
off, written by someone under stress. So the text is produced by pure
functions (`compose`: heading, front matter, update, postmortem template),
and the commands here check that text exactly as `statusblog check` would,
against the whole site, *before* writing it: a command either leaves a file
that builds, or leaves nothing and says why. Files are created exclusively and
appended atomically, so nothing is ever overwritten or half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

from ..core.model import (
    ENDED_MAINTENANCE,
    IMPACTS,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    RESOLVED,
    Author,
    ComponentStatus,
    Incident,
    Maintenance,
    Site,
)
from ..core.problems import Problem, Severity, did_you_mean, display_path
from ..core.times import TIME_FORMATS_HINT, TimeError, parse_time
from ..pipeline.workspace import Workspace, evaluate, load_workspace, parse_text, with_file
from ..source.frontmatter import SourceError, normalise, split_lines
from ..source.layout import INCIDENTS, MAINTENANCE
from ..source.parse import COMPONENT_SETTING, slugify
from .compose import (
    ACTION_ITEM_DAYS,
    append_block,
    article,
    choose_author,
    component_settings_line,
    editor_template,
    file_slug,
    find_item,
    find_template,
    incident_text,
    kind_of,
    maintenance_text,
    message_from_editor,
    next_update_at,
    next_update_sentence,
    postmortem_block,
    refuse_structure,
    template_components,
    update_block,
    update_time,
    with_next_update,
    written_time,
)
from .errors import AuthoringError

ENDED = {"incident": (RESOLVED,), "maintenance": ENDED_MAINTENANCE}

Editor = Callable[[str], str | None]
"""Opens the text in the user's editor and returns what they saved (None if nothing)."""


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    summary: str
    problems: tuple[Problem, ...]
    """What `check` still says about the written file (warnings only: errors refuse the write)."""


# Pure text.


# I/O: git, the editor, the site, the files.

def git_config(root: Path, key: str) -> str | None:
    """A git setting as seen from the site (its repository's config first), or None."""
    try:
        result = subprocess.run(["git", "config", "--get", key], cwd=root, capture_output=True, text=True,
                                check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _author(authors: Mapping[str, Author], given: str | None, root: Path, github: str | None = None) -> str:
    """--author, else the author a GitHub login names, else the one git's user.email names; without git,
    the refusal says git is missing."""
    unset = ("git is not installed, so git config user.email cannot be read" if shutil.which("git") is None
             else "git config user.email is not set")
    return choose_author(authors, given, git_config(root, "user.email"), github, unset)


def _open(root: Path) -> Workspace:
    workspace = load_workspace(root)
    if workspace.site is None:
        problems = [p for items in workspace.problems.values() for p in items if p.severity is Severity.ERROR]
        raise AuthoringError(f"{display_path(root)}: the site's settings have errors; fix them first", problems)
    return workspace


def _message(path: Path, message: str | None, edit: Editor, prefill: str, about: Iterable[str]) -> str:
    """The text of one update, typed or saved in the editor, read with git's lines and refused if it holds
    a heading."""
    try:
        text = normalise(message) if message is not None else message_from_editor(
            edit(editor_template(prefill, about)) or "")
    except SourceError as exc:
        raise AuthoringError(f"refusing to write {display_path(path)}: line {exc.line} of the message: "
                             f"{exc.message}; {exc.hint}") from exc
    if not text.strip():
        raise AuthoringError("aborting: the message is empty; nothing was written")
    refuse_structure(text, display_path(path))
    return text


def _checked(workspace: Workspace, path: Path, text: str, now: datetime, updates: int) -> tuple[Problem, ...]:
    """Check the new text against the whole site; refuse it if `check` would report an error, or if it does
    not hold exactly the `updates` the command means to write."""
    shown = display_path(path)
    parsed = parse_text(workspace, path, normalise(text))
    if isinstance(parsed.item, (Incident, Maintenance)) and len(parsed.item.updates) != updates:
        raise AuthoringError(f"refusing to write {shown}: it would hold {len(parsed.item.updates)} updates, "
                             f"not {updates}; the message must not contain an update heading")
    checked = evaluate(with_file(workspace, path, parsed), now)
    mine = tuple(problem for problem in checked.problems if problem.path == shown)
    errors = [problem for problem in mine if problem.severity is Severity.ERROR]
    if errors:
        raise AuthoringError(f"refusing to write {shown}: 'statusblog check' would reject it", errors)
    return mine


def _exists(path: Path) -> AuthoringError:
    return AuthoringError(f"{display_path(path)} already exists; refusing to overwrite it "
                          "(add an update with 'statusblog update', or choose another title)")


def create_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError as exc:
        raise _exists(path) from exc


def _stored(path: Path) -> str:
    """The file exactly as stored: reading it as text would turn CRLF into LF, and writing that back would
    rewrite every line (git blame would then give them all to whoever ran the command)."""
    return path.read_bytes().decode("utf-8")


def replace_file(path: Path, text: str) -> None:
    """Write beside the file and rename over it: an editor or the dev server never sees half a file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _components(site: Site, components: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(components))
    for component in chosen:
        if component not in site.components:
            close = did_you_mean(component, site.components)
            hint = f"{close} " if close.startswith("did you mean") else ""
            raise AuthoringError(f"unknown component '{component}'; {hint}known components: "
                                 f"{', '.join(site.components) or 'none yet'} (see components.toml)")
    return chosen


def _statuses(site: Site, components: Iterable[str]) -> list[str] | dict[str, str]:
    """`--component ID` or `--component ID=STATUS` (the status the incident gives it), as front matter writes
    them: a list of ids, or a map where any status is given (a bare id then takes its impact's status, '')."""
    pairs = [component.partition("=") for component in components]
    ids = _components(site, (component_id.strip() for component_id, _, _ in pairs))
    if not any(sep for _, sep, _ in pairs):
        return list(ids)
    statuses = {component_id.strip(): status.strip() for component_id, _, status in pairs}
    missing = [component_id for component_id in ids if not statuses[component_id]]
    if missing:
        raise AuthoringError(f"--component {missing[0]} gives no status while another --component does; give "
                             "each its status (ID=STATUS), or none")
    for component_id in ids:
        if statuses[component_id] not in ComponentStatus.names():
            raise AuthoringError(f"--component {component_id}={statuses[component_id]!r}: the status is not one "
                                 f"of: {', '.join(ComponentStatus.names())}")
    return {component_id: statuses[component_id] for component_id in ids}


def _title(title: str) -> str:
    cleaned = title.strip()
    if not cleaned or "\n" in cleaned:
        raise AuthoringError("the title must be one non-empty line")
    return cleaned


def new_incident(root: Path, title: str | None, impact: str | None, components: Iterable[str], *,
                 author: str | None, message: str | None, next_update: str | None, started: str | None,
                 now: datetime, edit: Editor, template: str | None = None, github: str | None = None) -> Written:
    """Write a new incident with its first 'investigating' update; from `incident-templates/<template>.md`,
    the title, impact, components and the text are the template's unless given."""
    workspace = _open(root)
    site = workspace.site
    assert site is not None
    chosen_template = find_template(site, template) if template else None
    if title is None and chosen_template is None:
        raise AuthoringError("give the incident's TITLE, or --template NAME to take it from a template")
    title = _title(title if title is not None else chosen_template.title)  # type: ignore[union-attr]
    chosen = _statuses(site, components)
    if chosen_template is not None:
        impact = impact or chosen_template.impact
        chosen = chosen or template_components(chosen_template)
    if impact not in IMPACTS:
        raise AuthoringError(f"--impact is required without a template; one of: {', '.join(IMPACTS)}"
                             if impact is None else f"impact '{impact}' is not one of: {', '.join(IMPACTS)}")
    author_id = _author(site.authors, author, root, github)
    at = update_time(now, None)
    start = at if started is None else _time(started, workspace.tz, "--started")
    if start > now:
        raise AuthoringError(f"--started {started} is after now ({written_time(now)})")
    path = root / INCIDENTS / f"{file_slug(start.astimezone(workspace.tz).date(), title)}.md"
    if path.exists():
        raise _exists(path)
    due = next_update_at(next_update, now, workspace.tz) if next_update else None
    prefill = chosen_template.body.strip() if chosen_template is not None else ""
    body = _message(path, message, edit, prefill, [f"New incident: {title} ({display_path(path)})",
                                        f"First update: {written_time(at)} · investigating · {author_id}",
                                        "Say what customers notice, and what you are doing about it.",
                                        "Replace every <<placeholder>> with what it asks for."])
    text = incident_text(title, impact, chosen, start,
                         update_block(at, "investigating", author_id, with_next_update(body, due, at)))
    problems = _checked(workspace, path, text, now, 1)
    create_file(path, text)
    kind = "incident without impact" if impact == "none" else f"{impact} incident"
    return Written(path, f"created {display_path(path)}: {kind}, first update 'investigating' "
                         f"by {author_id} at {written_time(at)}", problems)


def new_maintenance(root: Path, title: str, start: str, end: str, components: Iterable[str], *,
                    author: str | None, message: str | None, now: datetime, edit: Editor) -> Written:
    workspace = _open(root)
    site = workspace.site
    assert site is not None
    title, chosen = _title(title), _components(site, components)
    begins, ends = _time(start, workspace.tz, "--start"), _time(end, workspace.tz, "--end")
    if ends <= begins:
        raise AuthoringError(f"--end {end} is not after --start {start}")
    author_id = _author(site.authors, author, root)
    at = update_time(now, None)
    path = root / MAINTENANCE / f"{file_slug(begins.astimezone(workspace.tz).date(), title)}.md"
    if path.exists():
        raise _exists(path)
    window = f"{written_time(begins)} to {written_time(ends)}"
    body = _message(path, message, edit, f"Scheduled for {window}.",
                    [f"New maintenance: {title} ({display_path(path)})",
                     f"First update: {written_time(at)} · scheduled · {author_id}",
                     "Say what customers will notice during the window, and what they need to do."])
    text = maintenance_text(title, begins, ends, chosen, update_block(at, "scheduled", author_id, body))
    problems = _checked(workspace, path, text, now, 1)
    create_file(path, text)
    return Written(path, f"created {display_path(path)}: maintenance {window}, first update 'scheduled' "
                         f"by {author_id}", problems)


def _time(value: str, tz: tzinfo, option: str) -> datetime:
    try:
        return parse_time(value, tz)
    except TimeError as exc:
        raise AuthoringError(f"{option}: {exc}; {TIME_FORMATS_HINT}") from exc


def _target(workspace: Workspace, reference: str) -> tuple[Incident | Maintenance, Path]:
    site = workspace.site
    assert site is not None
    try:
        item = find_item(site, reference)
    except AuthoringError:
        wanted = slugify(Path(reference).stem)
        broken = [p for path, items in workspace.problems.items() if slugify(Path(path).stem) == wanted
                  for p in items if p.severity is Severity.ERROR]
        if broken:
            raise AuthoringError(f"{broken[0].path} has errors; fix them first", broken) from None
        raise
    return item, Path(item.source)


def _refuse_ended(item: Incident | Maintenance) -> None:
    kind = kind_of(item)
    if item.updates and item.updates[-1].status in ENDED[kind]:
        last = item.updates[-1]
        raise AuthoringError(f"{item.source}: the {kind} is already {last.status} (line {last.line}); "
                             f"an ended {kind} stays ended: write a new file for a recurrence")
    if isinstance(item, Incident) and item.postmortem is not None:
        raise AuthoringError(f"{item.source}: the incident has a postmortem (line {item.postmortem.line}); "
                             "updates go before it")


def components_line(item: Incident | Maintenance, settings: Sequence[str]) -> str:
    """The update's 'Components:' line from `--component ID=STATUS` options, or "" without any.

    Each option must be exactly one pair, so no value can add a line, a heading or another pair; whether
    the id and the status exist is checked with the rest of the new text, as `check` would.
    """
    if not settings:
        return ""
    if not isinstance(item, Incident):
        raise AuthoringError(f"{item.source} is a maintenance: its components are under maintenance while it "
                             "runs; --component is for incidents")
    for setting in settings:
        if not COMPONENT_SETTING.fullmatch(setting):
            raise AuthoringError(f"--component {setting!r} is not ID=STATUS, e.g. --component api=operational")
    return component_settings_line(settings)


def add_update(root: Path, reference: str, status: str | None, *, author: str | None, message: str | None,
               next_update: str | None, now: datetime, edit: Editor, components: Sequence[str] = ()) -> Written:
    workspace = _open(root)
    item, path = _target(workspace, reference)
    return _append_update(workspace, item, path, status, author=author, message=message, next_update=next_update,
                          now=now, edit=edit, prefill="", components=components_line(item, components))


def resolve(root: Path, reference: str, *, author: str | None, message: str | None, now: datetime,
            edit: Editor, components: Sequence[str] = ()) -> Written:
    workspace = _open(root)
    item, path = _target(workspace, reference)
    if isinstance(item, Incident):
        status, prefill = "resolved", "This incident is resolved: everything works normally again."
    else:
        status, prefill = "completed", "The maintenance is complete."
    return _append_update(workspace, item, path, status, author=author, message=message, next_update=None,
                          now=now, edit=edit, prefill=prefill, components=components_line(item, components))


def _append_update(workspace: Workspace, item: Incident | Maintenance, path: Path, status: str | None, *,
                   author: str | None, message: str | None, next_update: str | None, now: datetime, edit: Editor,
                   prefill: str, components: str = "") -> Written:
    site = workspace.site
    assert site is not None
    root = workspace.root
    kind = kind_of(item)
    statuses = INCIDENT_STATUSES if kind == "incident" else MAINTENANCE_STATUSES
    if status is None:
        if kind == "maintenance":
            raise AuthoringError(f"{item.source} is a maintenance: pass --status, one of: {', '.join(statuses)}")
        status = "update"
    if status not in statuses:
        close = did_you_mean(status, statuses)
        hint = f"{close} " if close.startswith("did you mean") else ""
        raise AuthoringError(f"status '{status}' is not {article(kind)} {kind} status; {hint}use one of: "
                             f"{', '.join(statuses)}")
    _refuse_ended(item)
    author_id = _author(site.authors, author, root)
    at = update_time(now, item.updates[-1].at if item.updates else None)
    due = next_update_at(next_update, now, workspace.tz) if next_update else None
    about = [f"{kind.capitalize()}: {item.title} ({item.source})", f"New update: {written_time(at)} · {status} · "
             f"{author_id}"]
    if due is not None:
        about.append(f"It will end with: {next_update_sentence(due, at)}")
    if item.updates:
        latest = item.updates[-1]
        about += ["", f"Latest update ({written_time(latest.at)} · {latest.status} · {latest.author}):",
                  *split_lines(latest.body.text.strip())]
    body = _message(path, message, edit, prefill, about)
    if components:
        body = f"{body.strip()}\n\n{components}"
    text = append_block(_stored(path), update_block(at, status, author_id, with_next_update(body, due, at)))
    problems = _checked(workspace, path, text, now, len(item.updates) + 1)
    replace_file(path, text)
    return Written(path, f"appended {article(status)} '{status}' update by {author_id} at {written_time(at)} to "
                         f"{item.source}",
                   problems)


def add_postmortem(root: Path, reference: str, *, author: str | None, now: datetime) -> Written:
    workspace = _open(root)
    site = workspace.site
    assert site is not None
    item, path = _target(workspace, reference)
    if not isinstance(item, Incident):
        raise AuthoringError(f"{item.source} is a maintenance; postmortems belong to incidents")
    if item.postmortem is not None:
        raise AuthoringError(f"{item.source} already has a postmortem (line {item.postmortem.line})")
    if not item.updates or item.updates[-1].status != "resolved":
        raise AuthoringError(f"{item.source} is not resolved yet; resolve it first "
                             f"(statusblog resolve {item.slug}), since no update may follow the postmortem")
    author_id = _author(site.authors, author, root)
    due = now.astimezone(workspace.tz).date() + timedelta(days=ACTION_ITEM_DAYS)
    text = append_block(_stored(path), postmortem_block(now, author_id, due))
    problems = _checked(workspace, path, text, now, len(item.updates))
    replace_file(path, text)
    return Written(path, f"appended a postmortem template by {author_id} to {item.source}: answer the three "
                         "questions and list the follow-up actions", problems)
