"""`statusblog serve` rebuilds only what a save changed, and gets the same site as a fresh run.

The dev server rebuilds inside a memo.Reuse, which keeps per-item results of its
last rebuild and reuses them for files a save did not touch. These tests edit sites the way
staff do (change an impact, a component, an author; add, delete, break and fix a
file; let the clock move) and compare after every step what the server derived,
reported and served with a from-scratch check of the files on disk.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core import memo
from generator.core.memo import Reuse
from generator.core.times import build_now
from generator.derive.state import incident_state
from generator.pipeline.evaluate import Checked, render
from generator.pipeline.workspace import Workspace, evaluate, load_workspace, with_file
from generator.preview.live import Changes, Preview
from generator.render.theme import Page, load_theme
from tests.conftest import REPO
from tests.sites import benchmark_sites, write_site

NOW = build_now("2026-11-20T15:00:00Z")
DEMO_INCIDENT = "incidents/2026-11-20-object-storage-upload-errors.md"


def scratch(root: Path, now: datetime) -> Checked:
    """What `statusblog check` would find: everything read and derived anew, nothing remembered."""
    checked = evaluate(load_workspace(root), now)
    if checked.state is not None:
        # States are asked for at the moment they stopped changing, not at "now";
        # what they are at "now" itself must be the same.
        site, now, states = checked.state.site, checked.state.now, checked.state.incidents
        assert states == tuple(s for i in site.incidents if (s := incident_state(i, now)) is not None)
    return checked


def assert_same(got: Checked, want: Checked) -> None:
    assert got.problems == want.problems
    assert (got.state is None) == (want.state is None)
    if want.state is not None:
        assert got.state is not None
        # Field by field first, so a failure names the part that differs.
        for name in ("incidents", "maintenances", "components", "overall", "signed", "next_change", "uptime"):
            assert getattr(got.state, name) == getattr(want.state, name), name
        assert got.state == want.state


def incident(title: str = "API errors", impact: str = "major", components: str = "[api]",
             started: str = "2026-11-10T09:00:00Z", updates: tuple[tuple[str, str, str], ...] = (
                 ("2026-11-10 09:20 UTC", "investigating", "alice"), ("2026-11-10 11:00 UTC", "resolved", "bob")),
             extra: str = "", postmortem: str = "") -> str:
    timeline = "".join(f"## {at} · {status} · {author}\n\nWhat we know. Next update by 2026-11-30 10:00 UTC.\n\n"
                       for at, status, author in updates)
    return (f"---\ntitle: {title}\nimpact: {impact}\ncomponents: {components}\nstarted: {started}\n{extra}---\n\n"
            f"What happened, for everyone.\n\n{timeline}{postmortem}")


class Site:
    """A site on disk, a workspace changed one file at a time and a Reuse, as the dev server keeps them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.workspace: Workspace = load_workspace(root)
        self.reuse = Reuse()

    def save(self, relative: str, text: str | None) -> None:
        path = self.root / relative
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(text, encoding="utf-8")
        self.workspace = with_file(self.workspace, path)

    def check(self, now: datetime = NOW) -> None:
        with self.reuse.rebuild():
            got = evaluate(self.workspace, now)
        assert_same(got, scratch(self.root, now))


def test_every_kind_of_edit_gives_what_a_fresh_check_gives(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "incidents/a.md": incident(),
        "incidents/b.md": incident("Slow dashboard", "minor", "{dashboard: partial_outage}", "2026-10-01T08:00:00Z",
                                   (("2026-10-01 08:10 UTC", "identified", "bob"),
                                    ("2026-10-01 09:00 UTC", "resolved", "alice"))),
        "incidents/open.md": incident("Open", "critical", "[api, dashboard]", "2026-11-20T14:00:00Z",
                                      (("2026-11-20 14:05 UTC", "investigating", "alice"),)),
    })
    site = Site(root)
    site.check()
    steps = [
        ("incidents/a.md", incident(impact="critical")),  # impact
        ("incidents/a.md", incident(impact="critical", components="[dashboard]")),  # components
        ("incidents/a.md", incident(components="{api: major_outage, dashboard: degraded_performance}")),
        ("incidents/b.md", incident("Slow dashboard", "minor", "[dashboard]", "2026-10-01T08:00:00Z",
                                    (("2026-10-01 08:10 UTC", "identified", "alice"),
                                     ("2026-10-01 09:00 UTC", "resolved", "alice")))),  # author
        ("incidents/a.md", incident(started="2025-01-05T09:00:00Z",
                                    updates=(("2025-01-05 09:20 UTC", "investigating", "alice"),
                                             ("2025-01-05 11:00 UTC", "resolved", "bob")))),  # moved in time
        ("incidents/a.md", incident(components="[nope]")),  # an error: unknown component
        ("incidents/a.md", incident(updates=(("2026-11-10 09:20 UTC", "investigating", "mallory"),))),
        ("incidents/a.md", "---\ntitle: [unclosed\n---\n"),  # an error: unreadable front matter
        # Errors in the front matter and in the timeline, reported together as `check` reports them.
        ("incidents/a.md", incident(impact="huge", updates=(("2026-11-10 09:20 UTC", "investigating", "mallory"),))),
        ("incidents/a.md", incident()),  # fixed
        ("incidents/c.md", incident("Another", extra="cause: disk-full\n")),  # added
        ("incidents/d.md", incident("Again", started="2026-11-11T09:00:00Z", extra="cause: disk-full\n",
                                    updates=(("2026-11-11 09:20 UTC", "resolved", "alice"),))),  # a recurrence
        ("incidents/e.md", incident("Same id", extra="id: a\n")),  # an error: duplicate id
        ("incidents/e.md", None),  # deleted
        ("incidents/b.md", None),
        ("incidents/open.md", incident("Open", "critical", "[api, dashboard]", "2026-11-20T14:00:00Z",
                                       (("2026-11-20 14:05 UTC", "investigating", "alice"),
                                        ("2026-11-20 14:40 UTC", "resolved", "bob")))),  # resolved
        ("incidents/open.md", incident("Open", "critical", "[api]", "2026-11-20T14:00:00Z",
                                       (("2026-11-20 14:05 UTC", "investigating", "alice"),
                                        ("2026-11-20 16:00 UTC", "resolved", "bob")))),  # resolved after now
    ]
    for relative, text in steps:
        site.save(relative, text)
        site.check()


def test_a_postmortem_and_its_action_items_follow_edits(tmp_path: Path) -> None:
    postmortem = ("## Postmortem · bob\n\n### What happened\n\nA pool ran dry.\n\n"
                  "### What we did to fix it\n\nMore connections.\n\n"
                  "### What we are doing so it does not happen again\n\n"
                  "- [ ] Alert on saturation (owner: alice, due: 2026-11-01)\n")
    root = write_site(tmp_path, {"incidents/a.md": incident(started="2026-10-01T09:00:00Z", updates=(
        ("2026-10-01 09:20 UTC", "investigating", "alice"), ("2026-10-01 11:00 UTC", "resolved", "bob")))})
    site = Site(root)
    site.check()  # an overdue postmortem
    text = (root / "incidents/a.md").read_text(encoding="utf-8")
    site.save("incidents/a.md", text + postmortem)  # an overdue action item instead
    site.check()
    site.save("incidents/a.md", text + postmortem.replace("- [ ]", "- [x]").replace("alice", "zed"))
    site.check()  # an unknown owner


def test_the_clock_moving_on_or_back_gives_what_a_fresh_check_gives(tmp_path: Path) -> None:
    """Without --now the server derives at the clock's time: states must follow it, never stick."""
    root = write_site(tmp_path, {
        "incidents/later.md": incident("Published later", started="2026-11-20T14:00:00Z", updates=(
            ("2026-11-20 14:10 UTC", "investigating", "alice"), ("2026-11-20 15:30 UTC", "resolved", "bob"))),
        "incidents/eta.md": incident("Waiting", started="2026-11-20T12:00:00Z", updates=(
            ("2026-11-20 12:10 UTC", "investigating", "alice"),)),
        "maintenance/window.md": "---\ntitle: Upgrade\nscheduled_start: 2026-11-20T15:10:00Z\n"
                                 "scheduled_end: 2026-11-20T15:50:00Z\ncomponents: [api]\n---\n\nUpgrading.\n",
    })
    site = Site(root)
    minutes = (0, 5, 20, 31, 45, 60, 24 * 60, 31 * 24 * 60, 30, -90, 31)
    for offset in minutes:
        site.check(NOW + timedelta(minutes=offset))
    site.save("incidents/later.md", incident("Published later", started="2026-11-20T14:00:00Z", updates=(
        ("2026-11-20 14:10 UTC", "investigating", "alice"), ("2026-11-20 15:20 UTC", "monitoring", "bob"))))
    for offset in minutes:
        site.check(NOW + timedelta(minutes=offset))


def test_a_registry_change_is_seen_by_every_incident(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"incidents/a.md": incident(updates=(("2026-11-10 09:20 UTC", "resolved", "carol"),))})
    site = Site(root)
    site.check()  # carol is unknown
    with (root / "authors.toml").open("a", encoding="utf-8") as registry:
        registry.write('\n[carol]\nname = "Carol"\nrole = "Engineer"\n')
    site.workspace = load_workspace(root)  # what the server does when a registry is saved
    site.check()
    (root / "components.toml").write_text('[dashboard]\nname = "Dashboard"\n', encoding="utf-8")
    site.workspace = load_workspace(root)
    site.check()  # api is gone: the incident's component is unknown now


OPERATIONS = st.lists(st.tuples(
    st.sampled_from(["a", "b", "c", "d"]),
    st.one_of(st.none(), st.tuples(
        st.sampled_from(["none", "minor", "major", "critical"]),
        st.sampled_from(["[api]", "[dashboard]", "[api, dashboard]", "{api: under_maintenance}", "[ghost]"]),
        st.integers(-400, 2).map(lambda days: (NOW + timedelta(days=days, hours=-3)).strftime("%Y-%m-%dT%H:%M:%SZ")),
        st.lists(st.tuples(st.integers(1, 300), st.sampled_from(["investigating", "monitoring", "update", "resolved"]),
                           st.sampled_from(["alice", "bob", "nobody"])), min_size=1, max_size=3),
        st.sampled_from(["", "cause: dns\n", "id: shared\n"]),
    )),
    st.sampled_from([0, 1, 120, -60]),
), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_any_sequence_of_saves_gives_what_a_fresh_check_gives(tmp_path_factory, operations) -> None:
    root = write_site(tmp_path_factory.mktemp("site"), {
        "incidents/a.md": incident(), "incidents/b.md": incident("Other", started="2026-06-01T10:00:00Z", updates=(
            ("2026-06-01 10:05 UTC", "resolved", "bob"),))})
    site = Site(root)
    site.check()
    for name, content, minutes in operations:
        text = None
        if content is not None:
            impact, components, started, updates, extra = content
            begin = datetime.fromisoformat(started.replace("Z", "+00:00"))
            moments = sorted({offset for offset, _status, _author in updates})
            timeline = tuple(((begin + timedelta(minutes=offset)).strftime("%Y-%m-%d %H:%M UTC"), status, author)
                             for offset, (_o, status, author) in zip(moments, updates, strict=False))
            text = incident(name, impact, components, started, timeline, extra)
        site.save(f"incidents/{name}.md", text)
        site.check(NOW + timedelta(minutes=minutes))


# The dev server itself: what it serves after each save is what a fresh build of the files would be.

def served_equals_fresh(preview: Preview, root: Path, paths: list[str] | None = None) -> None:
    fresh = scratch(root, NOW)
    served = preview.served
    assert served.problems == tuple(fresh.errors)
    assert fresh.state is not None and served.snapshot is not None
    theme = load_theme(root, fresh.state.site.config)
    for path, data in render(fresh.state, root, theme):
        if paths is None or path in paths:
            made = theme.render(data) if isinstance(data, Page) else data  # as the build makes it
            assert served.snapshot.get(path) == made, path


def served_demo(tmp_path: Path) -> tuple[Path, Preview]:
    """A copy of the demo site, and the dev server's preview of it after its first full read."""
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root)
    preview = Preview(root, NOW, lambda _line: None)
    preview.rebuild(Changes())
    return root, preview


def test_the_served_site_after_saves_is_the_fresh_site(tmp_path: Path) -> None:
    root, preview = served_demo(tmp_path)
    target = root / DEMO_INCIDENT
    original = target.read_text(encoding="utf-8")
    edits = [original.replace("impact: major", "impact: critical"),
             original.replace("impact: major", "impact: minor").replace("identified · lena", "identified · maya"),
             original.replace("  cdn: degraded_performance\n", ""),
             original + "\nOne more sentence, served at once.\n"]
    for text in edits:
        assert text != original
        target.write_text(text, encoding="utf-8")
        preview.rebuild(Changes(content={target}))
        served_equals_fresh(preview, root)


def test_an_error_then_its_fix_serves_the_fresh_site(tmp_path: Path) -> None:
    root, preview = served_demo(tmp_path)
    target = root / DEMO_INCIDENT
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace("  cdn:", "  nowhere:"), encoding="utf-8")
    preview.rebuild(Changes(content={target}))
    assert any("unknown component 'nowhere'" in problem.message for problem in preview.served.problems)
    added = root / "incidents" / "2026-11-19-new.md"
    added.write_text(incident("Brand new", started="2026-11-19T09:00:00Z", updates=(
        ("2026-11-19 09:20 UTC", "investigating", "maya"), ("2026-11-19 11:00 UTC", "resolved", "daniel"))),
        encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    preview.rebuild(Changes(content={target, added}))
    assert preview.served.problems == ()
    served_equals_fresh(preview, root, ["index.html", "incidents/2026-11-19-new/index.html", "uptime/index.html",
                                        "api/v2/summary.json", "feed.xml"])


def test_a_site_remembered_in_runs_gives_what_a_fresh_check_gives(tmp_path: Path, monkeypatch) -> None:
    """Long lists are remembered run by run (memo.runs): adding, deleting or moving one incident changes one run."""
    monkeypatch.setattr(memo, "RUN", 8)  # runs of 8 on average, so that 80 incidents make many
    root = tmp_path / "site"
    benchmark_sites().make_site(root, 80)
    names = sorted(path.name for path in (root / "incidents").glob("*.md"))
    assert len(memo.runs(names, str)) > 3
    site = Site(root)
    site.check()
    moved = (root / "incidents" / names[40]).read_text(encoding="utf-8")
    started = next(line for line in moved.splitlines() if line.startswith("started: "))
    steps = [
        (names[40], moved.replace(started, "started: 2020-01-01T00:00:00Z")),  # to the other end of the list
        (names[60], None),
        ("2026-11-20-new.md", incident("New", "minor", "[dns]", "2026-11-20T13:00:00Z", (
            ("2026-11-20 13:10 UTC", "investigating", "maya0"), ("2026-11-20 13:50 UTC", "resolved", "lena4")))),
        (names[5], (root / "incidents" / names[5]).read_text(encoding="utf-8").replace("impact: ", "x: ")),  # error
        (names[5], (root / "incidents" / names[6]).read_text(encoding="utf-8")),  # fixed: another's text, moved
    ]
    for name, text in steps:
        site.save(f"incidents/{name}", text)
        site.check()


def test_a_page_is_served_without_making_the_feeds_api_and_calendar_first(tmp_path: Path) -> None:
    """Those are made in full when reached, seconds at thousands of incidents; a page a browser reloads needs none."""
    _root, preview = served_demo(tmp_path)
    snapshot = preview.served.snapshot
    assert snapshot is not None
    for path in ("index.html", "incidents/2025-12-09-object-storage-upload-latency/index.html", "authors/maya/index.html",
                 "uptime/index.html", "static/style.css"):
        assert snapshot.get(path), path
    made = set(snapshot._files)
    assert not made & {"feed.xml", "feed.atom", "api/v2/summary.json", "maintenance.ics", "badge.svg", "sitemap.xml"}
    assert snapshot.get("feed.xml") and snapshot.get("sitemap.xml")  # still there when asked for


def test_a_save_works_out_only_what_it_changed_and_reuses_the_rest(tmp_path: Path) -> None:
    """The reuse is counted, not assumed: after one saved incident, the marked steps worked out again are
    the same few at 10 incidents and at 80 (that incident's, its run's, its components'), and every other
    incident's results come from the rebuild before. A memo that never hit would work out everything."""

    def after_one_save(count: int) -> Reuse:
        root = write_site(tmp_path / f"site-{count}", {
            f"incidents/2026-11-{1 + n % 9:02d}-errors-{n:03d}.md": incident(title=f"API errors {n}")
            for n in range(count)})
        preview = Preview(root, NOW, lambda _line: None)
        preview.rebuild(Changes())
        assert preview.reuse.computed >= count, "the first rebuild works everything out"
        target = next((root / "incidents").glob("*-errors-005.md"))
        target.write_text(target.read_text(encoding="utf-8").replace("impact: major", "impact: critical"),
                          encoding="utf-8")
        preview.rebuild(Changes(content={target}))
        assert preview.served.problems == ()
        return preview.reuse

    small, large = after_one_save(10), after_one_save(80)
    assert large.computed <= small.computed + 4, (small.computed, large.computed)
    assert large.computed < 40 < large.reused, (large.computed, large.reused)
