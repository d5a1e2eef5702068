"""Writing incident and maintenance files for staff on call.

The first update of an incident should be out minutes after the page goes
off, written by someone under stress. So the text is produced here by pure
functions (heading, front matter, update, postmortem template), and the small
I/O wrappers below check that text exactly as `statusblog check` would,
against the whole site, *before* writing it: a command either leaves a file
that builds, or leaves nothing and says why. Files are created exclusively and
appended atomically, so nothing is ever overwritten or half-written.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from .frontmatter import SourceError, normalise, split_lines
from .markdown import MARKDOWN
from .model import (
    ENDED_MAINTENANCE,
    IMPACTS,
    INCIDENT_STATUSES,
    MAINTENANCE_STATUSES,
    Author,
    Incident,
    Maintenance,
    Site,
)
from .parse import COMPONENT_SETTING, LOOKS_LIKE_UPDATE, PLACEHOLDER_ACTION, POSTMORTEM, POSTMORTEM_QUESTIONS, slugify
from .problems import Problem, Severity, did_you_mean, display_path
from .times import TIME_FORMATS_HINT, TimeError, iso_utc, parse_eta, parse_time
from .workspace import Workspace, evaluate, load_workspace, parse_text, with_file

SCISSORS = "# ------------------------ >8 ------------------------"
DURATION = re.compile(r"^(?:(\d{1,6})\s*h)?\s*(?:(\d{1,6})\s*m(?:in)?)?$", re.IGNORECASE | re.ASCII)
"""Up to 999,999 hours (about 114 years): enough for any promise, and never past the years a time may take."""
ACTION_ITEM_DAYS = 14
ENDED = {"incident": ("resolved",), "maintenance": ENDED_MAINTENANCE}

Editor = Callable[[str], str | None]
"""Opens the text in the user's editor and returns what they saved (None if nothing)."""


class AuthoringError(Exception):
    """A command refused to write; the message says why and what to do instead."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Written:
    path: Path
    summary: str
    problems: tuple[Problem, ...]
    """What `check` still says about the written file (warnings only: errors refuse the write)."""


# Pure text.

def update_time(now: datetime, previous: datetime | None) -> datetime:
    """The time for a new update heading: the minute, as people write it, unless that is not
    later than the previous update; then to the second; a clock behind the file is refused."""
    minute = now.astimezone(UTC).replace(second=0, microsecond=0)
    if previous is None or minute > previous:
        return minute
    exact = now.astimezone(UTC).replace(microsecond=0)
    if exact > previous:
        return exact
    raise AuthoringError(f"the latest update is at {written_time(previous)}, not before now ({written_time(exact)})")


def article(word: str) -> str:
    """'a' or 'an' before a word of the status vocabulary, as it is said: an incident, a resolved update."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def written_time(at: datetime) -> str:
    """Headings are in UTC, e.g. '2026-03-14 09:20 UTC', the form the DESIGN's examples use."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC" if at.second else "%Y-%m-%d %H:%M UTC")


def next_update_at(value: str, now: datetime, tz: tzinfo) -> datetime:
    """'30m', '1h', '1h30m' from now, or a time ('10:00 UTC', '2026-03-14 10:00')."""
    match = DURATION.match(value.strip())
    if match and any(match.groups()):
        return now + timedelta(hours=int(match.group(1) or 0), minutes=int(match.group(2) or 0))
    try:
        due = parse_eta(value, now, tz)
    except TimeError as exc:
        raise AuthoringError(f"--next-update: {exc}; write 30m, 1h, 90m, or a time such as '10:00 UTC'") from exc
    if due <= now:
        raise AuthoringError(f"--next-update {value} is not after now ({written_time(now)})")
    return due


def next_update_sentence(due: datetime, at: datetime) -> str:
    due = due.astimezone(UTC)
    if due.date() == at.astimezone(UTC).date():
        return f"Next update by {due:%H:%M} UTC."
    return f"Next update by {due:%Y-%m-%d %H:%M} UTC."


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON's escaping is valid YAML and never guessed at."""
    return json.dumps(value, ensure_ascii=False)


def toml_string(value: str) -> str:
    """A TOML basic string, with every control character escaped as TOML requires."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in escaped) + '"'


def update_block(at: datetime, status: str, author: str, message: str) -> str:
    return f"## {written_time(at)} · {status} · {author}\n\n{message.strip()}\n"


def with_next_update(message: str, due: datetime | None, at: datetime) -> str:
    if due is None:
        return message.strip()
    return f"{message.strip()}\n\n{next_update_sentence(due, at)}"


def line_ending(text: str) -> str:
    """The file's own line ending, as its first line ends: CRLF or LF."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def append_block(text: str, block: str) -> str:
    """The block after the text, one blank line between, in the file's own line endings.

    No byte already written changes (only a missing final line ending is added), so git blame keeps every
    earlier line with the commit that wrote it, and the bylines above keep their proof.
    """
    newline = line_ending(text)
    if text and not text.endswith("\n"):
        text += newline
    ends_blank = not text or text[:-1].rstrip("\r").endswith("\n")
    return text + ("" if ends_blank else newline) + block.replace("\n", newline)


def headings_in(message: str) -> list[tuple[int, str]]:
    """(line, text) of every heading markdown-it sees in a message, at any level, ATX or setext."""
    tokens = MARKDOWN.parse(message)
    return [(token.map[0] + 1 if token.map else 1, tokens[index + 1].content)
            for index, token in enumerate(tokens) if token.type == "heading_open"]


def refuse_structure(message: str, shown: str) -> None:
    """A message is the text of one update: a line of it that reads as an update or postmortem heading
    would become one (a forged update, by anyone, at any time) or be shown as one."""
    for line, title in headings_in(message):
        if LOOKS_LIKE_UPDATE.search(title) or POSTMORTEM.match(title):
            raise AuthoringError(f"refusing to write {shown}: line {line} of the message reads as an update or "
                                 "postmortem heading "
                                 f"({title!r}); a message is the text of one update. Write it without the "
                                 "heading marks ('#', or a '---'/'===' line under it), or put it in a code block; "
                                 "add another update with another 'statusblog update'")


def components_yaml(components: Iterable[str] | Mapping[str, str]) -> str:
    """`[api, dashboard]`, or `{api: major_outage}` where each component's status is given."""
    if isinstance(components, Mapping):
        return "{" + ", ".join(f"{key}: {status}" for key, status in components.items()) + "}"
    return f"[{', '.join(components)}]"


def stable_id_line(stable_id: str | None) -> str:
    return f"id: {yaml_string(stable_id)}\n" if stable_id else ""


def incident_text(title: str, impact: str, components: Iterable[str] | Mapping[str, str], started: datetime,
                  first_update: str, stable_id: str | None = None) -> str:
    return (f"---\ntitle: {yaml_string(title)}\n{stable_id_line(stable_id)}impact: {impact}\n"
            f"components: {components_yaml(components)}\nstarted: {iso_utc(started)}\n---\n\n{first_update}")


def maintenance_text(title: str, start: datetime, end: datetime, components: Iterable[str], first_update: str,
                     stable_id: str | None = None) -> str:
    return (f"---\ntitle: {yaml_string(title)}\n{stable_id_line(stable_id)}scheduled_start: {iso_utc(start)}\n"
            f"scheduled_end: {iso_utc(end)}\ncomponents: {components_yaml(components)}\n---\n\n{first_update}")


def postmortem_heading(author: str) -> str:
    return f"## Postmortem · {author}"


def postmortem_block(author: str, due: date) -> str:
    questions = "".join(f"### {question}\n\n" for question in POSTMORTEM_QUESTIONS)
    return (f"{postmortem_heading(author)}\n\n{questions}"
            f"- [ ] {PLACEHOLDER_ACTION} (owner: {author}, due: {due.isoformat()})\n")


def file_slug(day: date, title: str) -> str:
    """'<date>-<title>', short enough that the loader keeps it whole as the URL slug."""
    words = slugify(title)[:109].rstrip("-_")
    if not words:
        raise AuthoringError(f"cannot make a file name from the title {title!r}; use some letters or digits")
    return f"{day.isoformat()}-{words}"


def editor_template(prefill: str, about: Iterable[str]) -> str:
    """Like git's commit template: write above the scissors line, everything below is ignored."""
    notes = ["Do not modify or remove the line above.",
             "Everything below it is ignored; an empty message aborts.", "", *about]
    return f"{prefill}\n\n{SCISSORS}\n" + "".join(f"# {line}".rstrip() + "\n" for line in notes)


def message_from_editor(text: str) -> str:
    """The message above the scissors line. Lines starting with '#' stay: they are Markdown headings."""
    lines = split_lines(normalise(text))
    if SCISSORS in lines:
        lines = lines[: lines.index(SCISSORS)]
    return "\n".join(lines).strip()


def choose_author(authors: Mapping[str, Author], given: str | None, email: str | None) -> str:
    """--author, else the registered author whose email is git's user.email, else a clear refusal."""
    registered = ", ".join(sorted(authors)) or "none yet"
    if given:
        if given in authors:
            return given
        close = did_you_mean(given, authors)
        hint = f"{close} " if close.startswith("did you mean") else ""
        raise AuthoringError(f"unknown author '{given}'; {hint}registered authors: {registered} (see authors.toml)")
    if email:
        for author in sorted(authors.values(), key=lambda a: a.id):
            if author.email.casefold() == email.casefold():
                return author.id
        reason = f"no registered author has the email {email} (git config user.email)"
    else:
        reason = "no --author given and git config user.email is not set"
    raise AuthoringError(f"{reason}; pass --author with one of the registered authors: {registered} "
                         "(or add yourself to authors.toml with that email)")


def find_item(site: Site, reference: str) -> Incident | Maintenance:
    """An incident or maintenance by slug, file path, or a part of the slug only it has."""
    wanted = slugify(Path(reference).stem) if reference.endswith(".md") else reference.strip().strip("/")
    items: list[Incident | Maintenance] = [*site.incidents, *site.maintenances]
    exact = [item for item in items if item.slug == wanted]
    if exact:
        return exact[0]
    partial = [item for item in items if wanted and wanted in item.slug]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AuthoringError(f"'{reference}' matches more than one file: "
                             + ", ".join(sorted(item.slug for item in partial)) + "; give more of the slug")
    slugs = [item.slug for item in items]
    close = did_you_mean(wanted, slugs)
    hint = close if close.startswith("did you mean") else "list them with: ls incidents maintenance"
    raise AuthoringError(f"no incident or maintenance '{reference}'; {hint}")


def _kind(item: Incident | Maintenance) -> str:
    return "incident" if isinstance(item, Incident) else "maintenance"


# I/O: git, the editor, the site, the files.

def git_config(root: Path, key: str) -> str | None:
    """A git setting as seen from the site (its repository's config first), or None."""
    try:
        result = subprocess.run(["git", "config", "--get", key], cwd=root, capture_output=True, text=True,
                                check=False, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


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


def _create(path: Path, text: str) -> None:
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


def _replace(path: Path, text: str) -> None:
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


def _title(title: str) -> str:
    cleaned = title.strip()
    if not cleaned or "\n" in cleaned:
        raise AuthoringError("the title must be one non-empty line")
    return cleaned


def new_incident(root: Path, title: str, impact: str, components: Iterable[str], *, author: str | None,
                 message: str | None, next_update: str | None, started: str | None, now: datetime,
                 edit: Editor) -> Written:
    workspace = _open(root)
    site = workspace.site
    assert site is not None
    title, chosen = _title(title), _components(site, components)
    if impact not in IMPACTS:
        raise AuthoringError(f"impact '{impact}' is not one of: {', '.join(IMPACTS)}")
    author_id = choose_author(site.authors, author, git_config(root, "user.email"))
    at = update_time(now, None)
    start = at if started is None else _time(started, workspace.tz, "--started")
    if start > now:
        raise AuthoringError(f"--started {started} is after now ({written_time(now)})")
    path = root / "incidents" / f"{file_slug(start.astimezone(workspace.tz).date(), title)}.md"
    if path.exists():
        raise _exists(path)
    due = next_update_at(next_update, now, workspace.tz) if next_update else None
    body = _message(path, message, edit, "", [f"New incident: {title} ({display_path(path)})",
                                        f"First update: {written_time(at)} · investigating · {author_id}",
                                        "Say what customers notice, and what you are doing about it."])
    text = incident_text(title, impact, chosen, start,
                         update_block(at, "investigating", author_id, with_next_update(body, due, at)))
    problems = _checked(workspace, path, text, now, 1)
    _create(path, text)
    return Written(path, f"created {display_path(path)}: {impact} incident, first update 'investigating' "
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
    author_id = choose_author(site.authors, author, git_config(root, "user.email"))
    at = update_time(now, None)
    path = root / "maintenance" / f"{file_slug(begins.astimezone(workspace.tz).date(), title)}.md"
    if path.exists():
        raise _exists(path)
    window = f"{written_time(begins)} to {written_time(ends)}"
    body = _message(path, message, edit, f"Scheduled for {window}.",
                    [f"New maintenance: {title} ({display_path(path)})",
                     f"First update: {written_time(at)} · scheduled · {author_id}",
                     "Say what customers will notice during the window, and what they need to do."])
    text = maintenance_text(title, begins, ends, chosen, update_block(at, "scheduled", author_id, body))
    problems = _checked(workspace, path, text, now, 1)
    _create(path, text)
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
    kind = _kind(item)
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
    return "Components: " + ", ".join(settings)


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
    kind = _kind(item)
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
    author_id = choose_author(site.authors, author, git_config(root, "user.email"))
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
    _replace(path, text)
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
    author_id = choose_author(site.authors, author, git_config(root, "user.email"))
    due = now.astimezone(workspace.tz).date() + timedelta(days=ACTION_ITEM_DAYS)
    text = append_block(_stored(path), postmortem_block(author_id, due))
    problems = _checked(workspace, path, text, now, len(item.updates))
    _replace(path, text)
    return Written(path, f"appended a postmortem template by {author_id} to {item.source}: answer the three "
                         "questions and list the follow-up actions", problems)
