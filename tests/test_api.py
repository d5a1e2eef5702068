"""api/v2/: Statuspage's public API v2 shapes, so existing integrations work unchanged."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from generator.core.json_text import dumps_indented
from tests.built import build_at, validator
from tests.sites import write_site

FILES = (
    "summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
    "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json",
)
SCHEMA = "statuspage-v2.json"
SLUG = "2026-03-14-api-errors"
OPEN_INCIDENT = """\
---
id: api-errors-0314
title: Elevated error rates on the public API
impact: major
components: {api: major_outage}
started: 2026-03-14T09:12:00Z
---

Some API requests fail.

## 2026-03-14 09:20 UTC · investigating · alice

We see elevated 5xx rates. Next update by 10:00 UTC.

## 2026-03-14 09:48 UTC · update · bob

Still looking. Next update by 10:30 UTC.
"""
MAINTENANCE = """\
---
title: Database upgrade
scheduled_start: 2026-03-20T07:00:00Z
scheduled_end: 2026-03-20T09:00:00Z
components: [dashboard]
---

We upgrade the primary database.

## 2026-03-13 16:00 UTC · scheduled · alice

Scheduled for March 20, 07:00 to 09:00 UTC.
"""


def api(out: Path, name: str) -> dict:
    return json.loads((out / "api/v2" / name).read_bytes())


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("api") / "site"
    return write_site(root, {f"incidents/{SLUG}.md": OPEN_INCIDENT, "maintenance/2026-03-20-db.md": MAINTENANCE})


@pytest.fixture(scope="module")
def small_build(small_site: Path) -> Path:
    return build_at(small_site, "2026-03-14T12:00:00Z")


@pytest.mark.parametrize("name", FILES)
def test_every_api_file_matches_statuspages_schema(demo_build: Path, small_build: Path, name: str) -> None:
    check = validator(SCHEMA, name)
    for out in (demo_build, small_build):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in check.iter_errors(api(out, name))]
        assert errors == [], (out, name)


def test_the_schema_rejects_what_statuspage_would_not_send(demo_build: Path) -> None:
    summary = api(demo_build, "summary.json")
    check = validator(SCHEMA, "summary.json")
    for path, value in ((("status", "indicator"), "bad"), (("components", 0, "status"), "broken"),
                        (("page", "updated_at"), "yesterday"), (("incidents", 0, "id"), "Not An Id")):
        broken = copy.deepcopy(summary)
        target = broken
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert not check.is_valid(broken), path


def test_summary_has_the_status_open_incidents_and_planned_work(small_build: Path) -> None:
    summary = api(small_build, "summary.json")
    assert summary["status"] == {"indicator": "critical", "description": "Major Service Outage"}
    assert summary["page"]["name"] == "Example Status" and summary["page"]["url"] == "https://status.example.com/"
    assert summary["page"]["time_zone"] == "America/Chicago"
    assert summary["page"]["updated_at"] == "2026-03-14T09:48:00Z"
    (incident,) = summary["incidents"]
    assert incident["name"] == "Elevated error rates on the public API"
    assert incident["status"] == "investigating" and incident["impact"] == "major"
    assert incident["shortlink"] == f"https://status.example.com/incidents/{SLUG}/"
    assert incident["started_at"] == "2026-03-14T09:12:00Z" and incident["resolved_at"] is None
    assert [c["name"] for c in incident["components"]] == ["Public API"]
    assert incident["components"][0]["status"] == "major_outage"
    assert [m["name"] for m in summary["scheduled_maintenances"]] == ["Database upgrade"]
    assert summary["scheduled_maintenances"][0]["scheduled_for"] == "2026-03-20T07:00:00Z"


def test_each_update_is_listed_newest_first_with_its_signer(small_build: Path) -> None:
    (incident,) = api(small_build, "incidents.json")["incidents"]
    updates = incident["incident_updates"]
    assert [u["display_at"] for u in updates] == ["2026-03-14T09:48:00Z", "2026-03-14T09:20:00Z"]
    assert [u["status"] for u in updates] == ["investigating", "investigating"]  # a plain update keeps the status
    assert updates[0]["statusblog"]["status"] == "update"
    assert updates[0]["statusblog"]["author"] == {
        "id": "bob", "name": "Bob Okafor", "role": "Database Engineer", "email": "bob@example.com",
        "url": "https://status.example.com/authors/bob/"}
    assert updates[0]["body"].startswith("Still looking.")
    assert updates[0]["statusblog"]["url"].endswith(f"/incidents/{SLUG}/#u-20260314T094800Z")
    assert all(u["incident_id"] == incident["id"] for u in updates)
    assert updates[1]["affected_components"] == [{"code": incident["components"][0]["id"], "name": "Public API",
                                                  "old_status": "operational", "new_status": "major_outage"}]
    assert updates[0]["affected_components"] is None


def test_groups_are_components_with_stable_ids(small_build: Path, demo_build: Path) -> None:
    components = api(small_build, "components.json")["components"]
    group, *members = components
    assert group["name"] == "Core" and group["group"] is True and group["group_id"] is None
    assert group["components"] == [m["id"] for m in members]
    assert all(m["group_id"] == group["id"] and m["group"] is False for m in members)
    assert group["status"] == "major_outage"  # its worst member
    assert [c["position"] for c in components] == [1, 2, 3]
    demo_groups = {c["name"]: c["id"] for c in api(demo_build, "components.json")["components"] if c["group"]}
    assert set(demo_groups) == {"Core platform", "Compute & storage", "Network"}
    ids = [c["id"] for c in api(demo_build, "components.json")["components"]]
    assert len(ids) == len(set(ids))


def test_ids_survive_a_renamed_file_and_an_edited_title(small_site: Path, small_build: Path, tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"incidents/renamed.md": OPEN_INCIDENT.replace("Elevated error", "Error"),
                                          "maintenance/2026-03-20-db.md": MAINTENANCE})
    (root / f"incidents/{SLUG}.md").unlink()
    out = build_at(root, "2026-03-14T12:00:00Z")
    before, after = api(small_build, "incidents.json")["incidents"][0], api(out, "incidents.json")["incidents"][0]
    assert after["name"] == "Error rates on the public API"
    assert after["id"] == before["id"]
    assert [u["id"] for u in after["incident_updates"]] == [u["id"] for u in before["incident_updates"]]
    assert api(out, "components.json") == api(small_build, "components.json")


def test_status_says_when_it_next_changes_by_itself(small_build: Path) -> None:
    status = api(small_build, "status.json")
    assert status["status"]["indicator"] == "critical"
    assert status["statusblog"]["next_change"] == "2026-03-19T07:00:00Z"  # the window's reminder is published
    assert status["statusblog"]["description"] == "Major outage of Public API"


def test_unresolved_upcoming_and_active_follow_now(small_site: Path, tmp_path: Path) -> None:
    during = build_at(small_site, "2026-03-20T08:00:00Z", tmp_path / "during")
    assert [m["status"] for m in api(during, "scheduled-maintenances/active.json")["scheduled_maintenances"]] \
        == ["in_progress"]
    assert api(during, "scheduled-maintenances/upcoming.json")["scheduled_maintenances"] == []
    dashboard = next(c for c in api(during, "components.json")["components"] if c["name"] == "Dashboard")
    assert dashboard["status"] == "under_maintenance"
    assert len(api(during, "incidents/unresolved.json")["incidents"]) == 1
    after = build_at(small_site, "2026-03-21T00:00:00Z", tmp_path / "after")
    (maintenance,) = api(after, "scheduled-maintenances.json")["scheduled_maintenances"]
    assert maintenance["status"] == "completed" and maintenance["resolved_at"] == "2026-03-20T09:00:00Z"
    assert api(after, "scheduled-maintenances/active.json")["scheduled_maintenances"] == []


# The API, the uptime file and the JSON Feed are written by generator.core.json_text, not by json.dumps itself:
# every document must come out as json.dumps(indent=2) would write it, and anything it cannot write, the same.

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
    st.text().map(Markup), st.sampled_from([IntEnum("Level", "low high").high]),
)
JSON_KEYS = st.one_of(st.text(), st.text().map(Markup), st.integers(), st.booleans(), st.none(), st.floats())
JSON_DOCUMENTS = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner), st.lists(inner).map(tuple), st.dictionaries(st.text(), inner),
    st.dictionaries(JSON_KEYS, inner)), max_leaves=30)


def _standard(data: object) -> tuple[str, str]:
    try:
        return "ok", json.dumps(data, ensure_ascii=False, indent=2)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__, str(exc)


def _ours(data: object) -> tuple[str, str]:
    try:
        return "ok", dumps_indented(data)
    except (TypeError, ValueError) as exc:
        return type(exc).__name__, str(exc)


@given(JSON_DOCUMENTS)
@settings(max_examples=400, deadline=None)
def test_json_is_written_as_the_standard_encoder_writes_it(data: object) -> None:
    assert _ours(data) == _standard(data)


def test_json_the_walk_cannot_write_is_left_to_the_standard_encoder() -> None:
    looped: list[object] = []
    looped.append(looped)
    for data in ({"set": {1, 2}}, {"when": datetime(2026, 1, 1, tzinfo=UTC)}, [float("nan"), float("-inf")],
                 {1: "one", None: "none"}, looped, MappingProxyType({"a": 1})):
        assert _ours(data) == _standard(data)


class _Emptied(list):  # type: ignore[type-arg]
    def __len__(self) -> int:
        return 0


class _Hollow(list):  # type: ignore[type-arg]
    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(())


class _Falsy(dict):  # type: ignore[type-arg]
    def __bool__(self) -> bool:
        return False


class _NoItems(dict):  # type: ignore[type-arg]
    def items(self):  # type: ignore[no-untyped-def]
        return []


class _Unequal(float):
    def __ne__(self, other: object) -> bool:
        return True


class _Equal(float):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = float.__hash__


def test_json_of_containers_and_floats_that_answer_for_themselves_is_the_standard_encoders() -> None:
    """json asks a list, a dict or a float subclass's own methods how long it is, what it holds and whether it
    is finite; what they answer decides its text, even where that text is not JSON."""
    for data in (_Emptied([1, 2]), _Hollow([1]), {"a": _Hollow([1])}, _Falsy(a=1), _NoItems(a=1), _Unequal(1.0),
                 {"v": [_Unequal(2.0)]}, _Equal(1.0), [1.5, _Equal(2.0)]):
        assert _ours(data) == _standard(data)


def test_api_documents_are_the_standard_encoders_text(tmp_path: Path) -> None:
    marked = OPEN_INCIDENT.replace("Still looking.", "Still looking at <b>5xx</b> & \"timeouts\" — ünïcode.")
    out = build_at(write_site(tmp_path / "site", {f"incidents/{SLUG}.md": marked}), "2026-03-14T10:05:00Z")
    for name in (*FILES, "../uptime.json", "../../feed.json"):
        text = (out / "api" / "v2" / name).resolve().read_text(encoding="utf-8")
        data = json.loads(text)
        standard = json.dumps(data, ensure_ascii=False, indent=2)
        assert text == standard.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
