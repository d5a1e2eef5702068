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
from collections.abc import Iterable, Mapping
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
from .units import Unit, units_of

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
    snapshots: Mapping[str, Snapshot]
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
        listed = {tree: [(mode, name, blob) for mode, name, blob in tree_entries(obj[1], id_bytes)]
                  for tree, obj in self.git.objects(trees).items() if obj}
        result = {}
        for commit in commits:
            files = {}
            for folder in FOLDERS:
                answer = found[names[(commit, folder)]]
                if answer and answer[1] == "tree":
                    files.update({f"{self.prefix}{folder}/{name}": blob for mode, name, blob in listed[answer[0]]
                                  if mode in FILE_MODES and is_content_name(name) and slugify(name[:-3])})
            site = found[names[(commit, "site.toml")]]
            result[commit] = Snapshot(files, site[0] if site and site[1] == "blob" else None)
        return result

    def fetch(self, snapshots: Iterable[Snapshot]) -> None:
        """Every file version the snapshots name, read in one process."""
        wanted = {blob for snapshot in snapshots for blob in (*snapshot.files.values(), snapshot.site) if blob}
        self.contents.update({blob: obj[1] for blob, obj in self.git.objects(wanted - set(self.contents)).items()
                              if obj})

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

    def remember(self, blob: str, path: str, zone_name: str, item: Incident | Maintenance) -> None:
        """A parse the site already made of these very bytes, under that timezone."""
        self.parsed[(blob, path, zone_name)] = units_of(item).all()

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


def _changed(reader: Reader, commit: Snapshot, parent: Snapshot) -> set[str]:
    """The paths whose units may differ: changed files, or all when the timezone changed."""
    if reader.zone_of(commit.site) != reader.zone_of(parent.site):
        return set(commit.files) | set(parent.files)
    return {path for path in set(commit.files) | set(parent.files) if commit.files.get(path) != parent.files.get(path)}


def walk(git: Git, site: Site, scratch: Path) -> tuple[History, Reader]:
    """Every commit's introductions and removals of units, against each of its parents."""
    reader = Reader(git, git.relative(site.root) or ".", scratch)
    graph = git.graph()
    snapshots = reader.snapshots(graph)
    reader.fetch(snapshots.values())
    _reuse_site_parse(reader, site, snapshots.get(git.commit("HEAD") or ""))
    history = History(graph, snapshots)
    for commit, parents in graph.items():
        snapshot = snapshots[commit]
        if not parents:
            counted, where = reader.count(snapshot, snapshot.files)
            ups, downs = [counted], [Counter[Unit]()]
        else:
            ups, downs, where = [], [], {}
            for parent in parents:
                paths = _changed(reader, snapshot, snapshots[parent])
                mine, found = reader.count(snapshot, paths)
                theirs, _ = reader.count(snapshots[parent], paths)
                ups.append(mine - theirs)
                downs.append(theirs - mine)
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


def _reuse_site_parse(reader: Reader, site: Site, head: Snapshot | None) -> None:
    """Files whose work-tree bytes are HEAD's, under the same site.toml, are parsed already: the site did."""
    if head is None or head.site is None:
        return
    try:
        same_site = (Path(site.root) / "site.toml").read_bytes() == reader.contents.get(head.site)
    except OSError:
        return
    if not same_site:
        return
    for item in (*site.incidents, *site.maintenances):
        path = reader.git.relative(item.source)
        blob = head.files.get(path or "")
        if path is not None and blob is not None and work_tree_bytes(item.source) == reader.contents.get(blob):
            reader.remember(blob, path, site.config.timezone, item)


def work_tree_bytes(source: str) -> bytes | None:
    try:
        return Path(source).read_bytes()
    except OSError:
        return None
