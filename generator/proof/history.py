"""The whole history walked once: which commits introduced each unit of meaning, and which removed one.

A unit is introduced by a commit that has it and none of whose parents has
it; counted as a multiset, so a copy is introduced by whoever copied it. A
unit is removed by a commit that lacks a copy every parent had. Every commit
reachable from HEAD counts, every parent of every merge, with no history
simplification and no rename detection: a file is only a place where units
live. Each commit is read as it stood, its files and its own `site.toml`
(whose timezone decides what a time written without a zone means), straight
from git's objects, never through the work tree. Each (file version, slug,
timezone) is parsed once however many commits hold it, and a file whose bytes
are those of the work tree reuses the site's own parse.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from ..core.model import Incident, Maintenance, Site
from ..core.problems import Problems
from ..core.times import zone
from ..source.frontmatter import SourceError, decode_text
from ..source.layout import CONTENT_FOLDERS
from ..source.loader import Parser, is_content_name
from ..source.parse import parse_incident, parse_maintenance, slugify
from ..source.registries import load_site_config
from .git import Git, tree_entries
from .units import Unit, UnitsOf, units_of

FOLDERS: Mapping[str, Parser] = dict(zip(CONTENT_FOLDERS[:2], (parse_incident, parse_maintenance), strict=True))
"""The content folders whose files hold signed units, and how each is parsed."""

FILE_MODES = ("100644", "100755")
"""Regular files: a link's blob is its target's name, never content."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A commit's content files (repository path -> blob id) and its site.toml's blob id."""

    files: Mapping[str, str]
    site: str | None


@dataclass(frozen=True, slots=True)
class Introduction:
    """Where a unit first appeared in its current meaning: the commit and the file's path in it."""

    commit: str
    path: str


@dataclass
class History:
    graph: Mapping[str, tuple[str, ...]]
    head: Snapshot | None
    introduced: dict[Unit, list[Introduction]] = field(default_factory=dict)
    removed: dict[Unit, list[str]] = field(default_factory=dict)
    previous: dict[tuple[str, Unit], list[Unit]] = field(default_factory=dict)
    """(commit, unit it introduced) -> the forms of the same slot that a parent had and the commit dropped."""


class Reader:
    """Every file version's units, parsed once."""

    def __init__(self, git: Git, folder: str, scratch: Path) -> None:
        self.git = git
        self.prefix = "" if folder == "." else folder + "/"
        self.scratch = scratch
        self.contents: dict[str, bytes] = {}
        self.zones: dict[str | None, tuple[str, tzinfo] | None] = {}
        self.parsed: dict[tuple[str, str, str], tuple[Unit, ...]] = {}

    def snapshots(self, commits: Iterable[str]) -> dict[str, Snapshot]:
        commits = list(commits)
        names = {(commit, place): f"{commit}:{self.prefix}{place}" for commit in commits
                 for place in (*FOLDERS, "site.toml")}
        found = self.git.ids(names.values())
        trees = {answer[0] for answer in found.values() if answer and answer[1] == "tree"}
        id_bytes = len(next(iter(commits), "0" * 40)) // 2
        listed = {tree: tree_entries(obj[1], id_bytes) for tree, obj in self.git.objects(trees).items() if obj}
        result = {}
        for commit in commits:
            files = {}
            for folder in FOLDERS:
                answer = found[names[(commit, folder)]]
                if answer and answer[1] == "tree":
                    files.update({path: blob for mode, name, blob in listed[answer[0]]
                                  if _content(self, mode, blob, path := f"{self.prefix}{folder}/{name}")})
            site = found[names[(commit, "site.toml")]]
            result[commit] = Snapshot(files, site[0] if site and site[1] == "blob" else None)
        return result

    def fetch(self, blobs: Iterable[str]) -> None:
        """File versions not read yet, read in one process."""
        wanted = set(blobs) - set(self.contents)
        self.contents.update({blob: obj[1] for blob, obj in self.git.objects(wanted).items() if obj})

    def site_blobs(self, commits: Iterable[str]) -> dict[str, str | None]:
        """Commit -> its site.toml's blob id (None without one); each version read once."""
        names = {commit: f"{commit}:{self.prefix}site.toml" for commit in commits}
        found = self.git.ids(names.values())
        result = {commit: answer[0] if (answer := found[name]) and answer[1] == "blob" else None
                  for commit, name in names.items()}
        self.fetch(blob for blob in result.values() if blob)
        return result

    def watched(self) -> list[str]:
        """The paths whose changes can change a unit: the content folders and site.toml."""
        return [f"{self.prefix}{folder}" for folder in FOLDERS] + [f"{self.prefix}site.toml"]

    def path_of(self, item: Incident | Maintenance) -> str:
        """An item's file as git names it: the loader reads content files straight inside their folder."""
        source = Path(item.source)
        return f"{self.prefix}{source.parent.name}/{source.name}"

    def zone_of(self, site_blob: str | None) -> tuple[str, tzinfo] | None:
        """(name, zone) of a site.toml version; None when it has none that reads."""
        if site_blob not in self.zones:
            self.zones[site_blob] = None
            if site_blob is not None:
                path = self.scratch / "site.toml"
                path.write_bytes(self.contents.get(site_blob, b""))
                config = load_site_config(path, "site.toml", Problems())
                # load_site_config has refused a timezone that does not exist
                self.zones[site_blob] = (config.timezone, zone(config.timezone)) if config else None
        return self.zones[site_blob]

    def units(self, path: str, blob: str, site_blob: str | None) -> tuple[Unit, ...]:
        found = self.zone_of(site_blob)
        if found is None:
            return ()
        key = (blob, path, found[0])
        if key not in self.parsed:
            self.parsed[key] = ()
            folder, name = path[len(self.prefix):].split("/", 1)
            try:
                text = decode_text(self.contents.get(blob, b""))
            except SourceError:
                return ()
            item = FOLDERS[folder](text, slugify(name[:-3]), path, found[1]).item
            if isinstance(item, Incident | Maintenance):
                self.parsed[key] = units_of(item).all()
        return self.parsed[key]

    def count(self, snapshot: Snapshot, paths: Iterable[str]) -> tuple[Counter[Unit], dict[Unit, str]]:
        """The units of some of a snapshot's files, counted, and a path where each lives."""
        counted: Counter[Unit] = Counter()
        where: dict[Unit, str] = {}
        for path in paths:
            blob = snapshot.files.get(path)
            if blob is not None:
                for unit in self.units(path, blob, snapshot.site):
                    counted[unit] += 1
                    where.setdefault(unit, path)
        return counted, where


def _lowest(counters: list[Counter[Unit]]) -> Counter[Unit]:
    """Units in every counter, each as often as in the one that has it least often."""
    first, *rest = counters
    return Counter({unit: min([count, *(other.get(unit, 0) for other in rest)]) for unit, count in first.items()
                    if all(other.get(unit, 0) for other in rest)})


Change = tuple[str | None, str | None, str]
"""One file between a parent and a commit: (the parent's blob, the commit's blob, path); None where no
regular content file is."""


def _content(reader: Reader, mode: str, blob: str, path: str) -> str | None:
    """The blob if the path holds a content file in that mode, else None (a link, a folder, another file)."""
    folder, _, name = path.removeprefix(reader.prefix).partition("/")
    content = folder in FOLDERS and "/" not in name and is_content_name(name) and slugify(name[:-3])
    return blob if content and mode in FILE_MODES else None


def _delta(reader: Reader, changes: list[Change], sites: tuple[str | None, str | None]
           ) -> tuple[Counter[Unit], Counter[Unit], dict[Unit, str]]:
    """What a commit has that its parent lacks, what it lacks that the parent had, and where each lives."""
    mine: Counter[Unit] = Counter()
    theirs: Counter[Unit] = Counter()
    where: dict[Unit, str] = {}
    for old, new, path in changes:
        for unit in reader.units(path, new, sites[1]) if new else ():
            mine[unit] += 1
            where.setdefault(unit, path)
        for unit in reader.units(path, old, sites[0]) if old else ():
            theirs[unit] += 1
    return mine - theirs, theirs - mine, where


def _whole(snapshots: tuple[Snapshot, Snapshot]) -> list[Change]:
    """Every file of a parent and a commit, as changes: when the timezone changed, every time may have."""
    old, new = snapshots
    return [(old.files.get(path), new.files.get(path), path) for path in sorted({*old.files, *new.files})]


def walk(git: Git, site: Site, scratch: Path, site_units: Sequence[tuple[Incident | Maintenance, UnitsOf]]
         ) -> tuple[History, Reader]:
    """Every commit's introductions and removals of units, against each of its parents: one `rev-list`,
    one `diff-tree` for every (commit, parent), and whole trees only where site.toml's timezone changed."""
    reader = Reader(git, git.relative(site.root) or ".", scratch)
    graph = git.graph()
    sites = reader.site_blobs(graph)
    pairs: list[tuple[str, str | None]] = [(commit, parent) for commit, parents in graph.items()
                                           for parent in (parents or (None,))]
    rezoned = [(commit, parent) for commit, parent in pairs
               if parent and reader.zone_of(sites[commit]) != reader.zone_of(sites[parent])]
    head = git.commit("HEAD") or ""
    snapshots = reader.snapshots({head, *(commit for pair in rezoned for commit in pair if commit)})
    changes = {pair: [(_content(reader, old_mode, old, path), _content(reader, new_mode, new, path), path)
                      for old_mode, new_mode, old, new, path in found]
               for pair, found in zip(pairs, git.changes(pairs, reader.watched()), strict=True)}
    changes.update({pair: _whole((snapshots[pair[1] or ""], snapshots[pair[0]])) for pair in rezoned})
    reader.fetch(blob for found in changes.values() for change in found for blob in change[:2] if blob)
    reader.fetch(snapshots[head].files.values() if head in snapshots else ())
    _reuse_site_parse(reader, site, snapshots.get(head), site_units)
    history = History(graph, snapshots.get(head))
    for commit, parents in graph.items():
        ups, downs, where = [], [], {}
        for parent in parents or (None,):
            up, down, found = _delta(reader, changes[(commit, parent)], (sites.get(parent or ""), sites[commit]))
            ups.append(up)
            downs.append(down)
            where.update(found)
        for unit, count in _lowest(ups).items():
            history.introduced.setdefault(unit, []).extend([Introduction(commit, where[unit])] * count)
            dropped = [old for down in downs for old in down if old.slot == unit.slot and old.item == unit.item
                       and old.kind == unit.kind]
            if dropped:
                history.previous[(commit, unit)] = list(dict.fromkeys(dropped))
        for unit in _lowest(downs) if parents else ():
            history.removed.setdefault(unit, []).append(commit)
    return history, reader


def _reuse_site_parse(reader: Reader, site: Site, head: Snapshot | None,
                      site_units: Sequence[tuple[Incident | Maintenance, UnitsOf]]) -> None:
    """Files whose work-tree bytes are HEAD's, under the same site.toml, are parsed already: the site did."""
    if head is None or head.site is None:
        return
    try:
        same_site = (Path(site.root) / "site.toml").read_bytes() == reader.contents.get(head.site)
    except OSError:
        return
    if not same_site:
        return
    for item, units in site_units:
        path = reader.path_of(item)
        blob = head.files.get(path)
        if blob is not None and work_tree_bytes(item.source) == reader.contents.get(blob):
            reader.parsed[(blob, path, site.config.timezone)] = units.all()


def work_tree_bytes(source: str) -> bytes | None:
    try:
        return Path(source).read_bytes()
    except OSError:
        return None
