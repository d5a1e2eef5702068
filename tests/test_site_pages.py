"""What a customer reads on the demo site: the pages say what they must, in the order they must.

Read with lxml, as text and structure, the way a reader or a microformats
parser would meet them; the demo is built once at its fixed now
(2026-11-20 15:00 UTC), when the object storage incident is open.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_time
from lxml import html
from lxml.html import HtmlElement

from tests.sites import INCIDENT, dedent, run, write_site

pytest_plugins = ["tests.translated_build"]

OPEN = "incidents/2026-11-20-object-storage-upload-errors/index.html"
RESOLVED = "incidents/2026-10-27-dns-outage/index.html"


def page(root: Path, path: str) -> HtmlElement:
    return html.fromstring((root / path).read_bytes())


def text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def one(tree: HtmlElement, xpath: str) -> HtmlElement:
    found = tree.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} matches"
    return found[0]


def has_class(name: str) -> str:
    """An XPath predicate for one class among several (contains() alone would take "meta" for "eta")."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Home


def test_home_states_the_overall_status_in_words_and_icon(demo_build: Path) -> None:
    banner = one(page(demo_build, "index.html"), f"//section[{has_class('overall')}]")
    assert text(one(banner, ".//h1")) == "▲ Partial system outage"
    assert [text(li) for li in banner.xpath(".//li")] == [
        "▲ Partial outage of Object storage",
        "◐ Degraded performance of CDN edge",
    ]
    assert one(banner, ".//a[@href='subscribe/']").text == "Subscribe to updates"


def test_home_shows_the_open_incident_with_its_latest_update_byline_and_eta(demo_build: Path) -> None:
    tree = page(demo_build, "index.html")
    card = one(tree, "//article[contains(@class, 'open')]")
    assert one(card, ".//h3/a").get("href") == "incidents/2026-11-20-object-storage-upload-errors/"
    assert "We took the failing server out of the group at 14:28 UTC" in text(card)
    byline = one(card, ".//p[@class='byline']")
    assert text(byline) == "Signed by Lena Hoffmann, Storage Engineer · lena.hoffmann@harbor.example"
    assert one(byline, ".//a[@class='p-name u-url']").get("href") == "authors/lena/"
    eta = one(card, f".//p[{has_class('eta')}]")
    assert text(eta) == "Next update by Nov 20, 2026, 9:30 AM CST (2026-11-20 15:30 UTC)"
    assert one(eta, ".//time").get("datetime") == "2026-11-20T15:30:00Z"


def test_home_announces_upcoming_maintenance_with_its_window(demo_build: Path) -> None:
    card = one(page(demo_build, "index.html"), "//article[contains(@class, 'maint')]")
    assert "Managed Kubernetes control plane storage migration in CHI1" in text(card)
    assert [t.get("datetime") for t in card.xpath(".//time")] == ["2026-11-25T08:00:00Z", "2026-11-25T10:00:00Z"]
    assert "Nov 25, 2026, 2:00 AM CST (2026-11-25 08:00 UTC) \N{EN DASH} Nov 25, 2026, 4:00 AM CST" in text(card)


def test_home_lists_components_by_group_with_status_and_ninety_days(demo_build: Path) -> None:
    tree = page(demo_build, "index.html")
    groups = [(text(one(g, "./h3")), [text(one(li, ".//div[@class='row']")) for li in g.xpath(".//ul/li")])
              for g in tree.xpath("//section[@aria-labelledby='components']/div[@class='group']")]
    assert [name for name, _ in groups] == ["Core platform", "Compute & storage", "Network"]
    assert groups[1][1][2] == "Object storage ▲ Partial outage"
    assert groups[2][1][1] == "CDN edge ◐ Degraded performance"
    rows = tree.xpath("//ol[@class='bars']")
    assert len(rows) == 9
    assert all(len(row.xpath("./li")) == 90 for row in rows)
    dns = one(tree, "//ol[starts-with(@aria-label, 'DNS,')]")
    assert dns.get("aria-label") == "DNS, daily status from Aug 23, 2026 to Nov 20, 2026"
    worst = [li for li in dns.xpath("./li") if li.get("class") != "d0"]
    assert [(li.get("class"), li.text) for li in worst] == [("d4", "Oct 27: Major outage, 59 minutes")]


def test_home_lists_recent_incidents_and_links_the_history(demo_build: Path) -> None:
    section = one(page(demo_build, "index.html"), "//section[@aria-labelledby='recent']")
    titles = [a.text for a in section.xpath(".//li/a[1]")]
    assert titles[:2] == ["Slow page loads in the dashboard", "DNS outage: all customer zones unavailable"]
    assert "Upload errors on object storage in CHI1" not in titles  # open: shown above, not as "recent"
    assert section.xpath(".//a[@href='history/']")


def test_home_page_with_its_stylesheet_stays_small(demo_build: Path) -> None:
    size = (demo_build / "index.html").stat().st_size + (demo_build / "static/style.css").stat().st_size
    assert size < 60_000
    assert (demo_build / "static/style.css").stat().st_size < 12_000


# Incident pages


def test_incident_page_facts_come_after_the_plain_summary(demo_build: Path) -> None:
    tree = page(demo_build, RESOLVED)
    article = one(tree, "//article[contains(@class, 'h-entry') and contains(@class, 'incident')]")
    order = [el.get("class") for el in article.xpath("./div[contains(@class,'summary')] | ./dl")]
    assert order == ["summary p-summary", "facts"]
    facts = dict(zip([text(dt) for dt in tree.xpath("//dl[@class='facts']/dt")],
                     [text(dd) for dd in tree.xpath("//dl[@class='facts']/dd")], strict=True))
    assert facts == {
        "Affected components": "DNS: ✕ Major outageCDN edge: ▲ Partial outage",
        "Started": "Oct 27, 2026, 1:06 PM CDT (2026-10-27 18:06 UTC)",
        "Resolved": "Oct 27, 2026, 2:05 PM CDT (2026-10-27 19:05 UTC)",
        "Duration": "59 minutes",
        "First public update": "5 minutes after it started",
    }
    assert text(one(tree, "//p[@class='tags']")) == "Critical impact Resolved"


def test_open_incident_timeline_is_newest_first_and_says_so(demo_build: Path) -> None:
    tree = page(demo_build, OPEN)
    section = one(tree, "//section[@aria-labelledby='timeline']")
    assert text(one(section, "./p[@class='note']")) == "Newest first while this incident is open."
    stamps = [t.get("datetime") for t in section.xpath(".//article//time[contains(@class, 'dt-published')]")]
    assert stamps == ["2026-11-20T14:35:00Z", "2026-11-20T14:12:00Z", "2026-11-20T13:53:00Z"]
    assert text(one(tree, f"//p[{has_class('eta')}]")).startswith("Next update by Nov 20, 2026, 9:30 AM CST")
    assert "Not yet, this incident is open" in text(one(tree, "//dl[@class='facts']"))


def test_resolved_incident_timeline_is_oldest_first(demo_build: Path) -> None:
    section = one(page(demo_build, RESOLVED), "//section[@aria-labelledby='timeline']")
    assert text(one(section, "./p[@class='note']")) == "Oldest first, from the first report to the resolution."
    updates = section.xpath(".//article[contains(@class, 'update')]")
    assert [u.get("id") for u in updates] == ["u-20261027T181100Z", "u-20261027T182400Z", "u-20261027T183300Z",
                                               "u-20261027T190500Z"]
    assert [text(one(u, ".//span[contains(@class, 'tag')]")) for u in updates] == [
        "Investigating", "Identified", "Monitoring", "Resolved"]


def test_each_update_has_its_time_in_utc_and_local_and_a_signed_byline(demo_build: Path) -> None:
    update = one(page(demo_build, RESOLVED), "//article[@id='u-20261027T182400Z']")
    heading = one(update, "./h3")
    assert one(heading, ".//a").get("href") == "#u-20261027T182400Z"
    assert one(heading, ".//time").get("datetime") == "2026-10-27T18:24:00Z"
    assert text(heading) == "Identified Oct 27, 2026, 1:24 PM CDT (2026-10-27 18:24 UTC)"
    byline = one(update, "./p[@class='byline']")
    card = one(byline, ".//span[contains(@class, 'p-author') and contains(@class, 'h-card')]")
    assert one(card, ".//a[contains(@class, 'p-name')]").get("href") == "../../authors/tomas/"
    assert one(card, ".//span[@class='p-job-title']").text == "Senior Site Reliability Engineer, Network"
    assert one(card, ".//a[@class='u-email']").get("href") == "mailto:tomas.lindqvist@harbor.example"


def test_postmortem_sets_the_three_questions_apart(demo_build: Path) -> None:
    postmortem = one(page(demo_build, RESOLVED), "//section[@id='postmortem']")
    questions = postmortem.xpath("./section[contains(@class, 'q')]")
    assert [(q.get("id"), text(one(q, "./h3"))) for q in questions] == [
        ("pm-what-happened", "What happened"),
        ("pm-what-we-did-to-fix-it", "What we did to fix it"),
        ("pm-what-we-are-doing-so-it-does-not-happen-again", "What we are doing so it does not happen again"),
    ]
    assert "Knot reloaded with the new configuration" in text(questions[0])
    assert "Knot reloaded" not in text(questions[1])
    details = one(postmortem, "./details[@class='technical']")
    assert text(one(details, "./summary")) == "Technical details"
    assert "/var/lib/knot/catalog" in text(details)
    assert text(one(postmortem, "./p[@class='byline']")).startswith("Signed by Tomás Lindqvist")


def test_action_items_show_owner_due_date_and_state(demo_build: Path) -> None:
    last = one(page(demo_build, RESOLVED), "//section[@id='pm-what-we-are-doing-so-it-does-not-happen-again']")
    items = last.xpath(".//ul[@class='actions']/li")
    assert [li.get("class") for li in items] == ["done", "done", "done", "todo", "todo", "todo"]
    assert text(items[3]) == ("○Open: Stage the rest of the rollout in batches of 25 % with an automatic halt and "
                              "rollback Owner: Tomás Lindqvist · Due: Dec 4, 2026")
    assert one(items[4], ".//a").get("href") == "../../authors/maya/"
    assert one(items[4], ".//time").get("datetime") == "2027-01-22"
    assert text(items[0]) == "✓Done: Roll back and freeze DNS configuration changes Owner: Tomás Lindqvist"
    assert not last.xpath(".//input[@type='checkbox']")  # shown from the model, not as Markdown checkboxes


@pytest.mark.parametrize("now, overdue", [
    ("2026-04-01T03:00:00Z", False),  # 22:00 on March 31 in Chicago: due today, not late
    ("2026-04-01T06:00:00Z", True),   # 01:00 on April 1 in Chicago: late
])
def test_an_action_item_is_overdue_by_the_sites_own_date_on_the_page_and_in_check(
        tmp_path: Path, now: str, overdue: bool) -> None:
    incident = INCIDENT + dedent("""

        ## Postmortem · bob

        ### What happened
        A pool ran dry.
        ### What we did to fix it
        Raised it.
        ### What we are doing so it does not happen again

        - [ ] Alert on pool saturation (owner: bob, due: 2026-03-31)
        """)
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", now)
    assert result.exit_code == 0, result.stderr
    item = one(page(tmp_path / "out", "incidents/2026-03-14-api-errors/index.html"), "//ul[@class='actions']/li")
    assert ("overdue" in text(item)) is overdue
    check = run("check", str(root), "--now", now)
    assert ("action item past due since 2026-03-31" in check.output) is overdue


def test_technical_details_of_an_update_are_collapsed(demo_build: Path) -> None:
    update = one(page(demo_build, OPEN), "//article[@id='u-20261120T143500Z']")
    details = one(update, ".//details[@class='technical']")
    assert details.get("open") is None
    assert "m07c" in text(details) and "m07c" not in text(one(update, ".//div[@class='e-content']/p[1]"))


def test_incident_page_gives_the_contact_channels(demo_build: Path) -> None:
    contact = one(page(demo_build, RESOLVED), "//aside[@class='contact']")
    assert text(one(contact, "./h2")) == "Questions about this incident?"
    assert [a.get("href") for a in contact.xpath(".//a")] == [
        "mailto:support@harbor.example", "tel:+13125550142", "https://harbor.example/support"]


def test_incident_page_is_an_h_entry_with_json_ld(demo_build: Path) -> None:
    tree = page(demo_build, RESOLVED)
    entry = one(tree, "//article[contains(@class, 'incident')]")
    assert "h-entry" in entry.get("class").split()
    assert one(entry, "./h1").get("class") == "p-name"
    assert entry.xpath(".//time[contains(@class, 'dt-published')]")
    data = json.loads(one(tree, "//script[@type='application/ld+json']").text)
    assert data["@type"] == "Report"
    assert data["headline"] == "DNS outage: all customer zones unavailable"
    assert data["datePublished"] == "2026-10-27T18:11:00Z" and data["dateModified"] == "2026-10-27T19:05:00Z"
    assert [a["name"] for a in data["author"]] == ["Daniel Reyes", "Tomás Lindqvist"]
    assert data["url"] == "https://status.harbor.example/incidents/2026-10-27-dns-outage/"


def test_a_title_cannot_break_out_of_the_json_ld(tmp_path: Path) -> None:
    incident = dedent("""
        ---
        title: "Broken </script><script>alert(1)</script> & <!-- here"
        impact: minor
        components: [api]
        started: 2026-03-14T09:12:00Z
        ---

        Summary </script>.

        ## 2026-03-14 09:20 UTC · resolved · alice

        Fixed.
        """)
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": incident})
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", "2026-03-15T00:00:00Z")
    assert result.exit_code == 0, result.stderr
    source = (tmp_path / "out/incidents/2026-03-14-api-errors/index.html").read_text(encoding="utf-8")
    script = source.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script
    assert json.loads(script)["headline"] == "Broken </script><script>alert(1)</script> & <!-- here"
    assert source.count("<script") == 1


def test_pages_carry_no_script_and_no_third_party_resource(demo_build: Path) -> None:
    for path in sorted(demo_build.rglob("*.html")):
        tree = html.fromstring(path.read_bytes())
        assert [s.get("type") for s in tree.xpath("//script")] in ([], ["application/ld+json"]), path
        assert not tree.xpath("//@*[starts-with(name(), 'on')]"), path
        resources = tree.xpath("//link[@rel='stylesheet']/@href | //img/@src | //script/@src | //iframe/@src")
        assert not [r for r in resources if "//" in r or r.startswith("http")], path


# History, components, authors, free pages, 404


def test_history_is_grouped_by_month_and_paginated(tmp_path: Path) -> None:
    files = {"site.toml": "title = 'Example Status'\nbase_url = 'https://status.example.com/'\n"
                          "timezone = 'America/Chicago'\nhistory_page_size = 2\n"}
    for day in ("2026-01-05", "2026-02-10", "2026-02-20"):
        files[f"incidents/{day}-x.md"] = dedent(f"""
            ---
            title: Incident of {day}
            impact: minor
            components: [api]
            started: {day}T09:00:00Z
            ---

            Summary.

            ## {day} 09:20 UTC · resolved · alice

            Fixed.
            """)
    root = write_site(tmp_path / "site", files)
    result = run("build", str(root), "--out", str(tmp_path / "out"), "--now", "2026-03-15T00:00:00Z")
    assert result.exit_code == 0, result.stderr
    first = page(tmp_path / "out", "history/index.html")
    assert [text(h) for h in first.xpath("//main//h2")] == ["March 2026", "February 2026"]
    assert [a.text for a in first.xpath("//main//li/a[1]")] == ["Elevated error rates on the public API",
                                                                  "Incident of 2026-02-20"]
    assert one(first, "//nav[@class='pagination']//a[@rel='next']").get("href") == "../history/page/2/"
    assert not first.xpath("//a[@rel='prev']")
    second = page(tmp_path / "out", "history/page/2/index.html")
    assert [text(h) for h in second.xpath("//main//h2")] == ["February 2026", "January 2026"]
    assert [a.text for a in second.xpath("//main//li/a[1]")] == ["Incident of 2026-02-10", "Incident of 2026-01-05"]
    assert one(second, "//a[@rel='prev']").get("href") == "../../../history/"
    assert "Page 2 of 2" in text(one(second, "//nav[@class='pagination']"))
    assert not (tmp_path / "out/history/page/3").exists()


def test_demo_history_lists_incidents_and_maintenance(demo_build: Path) -> None:
    tree = page(demo_build, "history/index.html")
    assert [text(h) for h in tree.xpath("//main//h2")][:2] == ["November 2026", "October 2026"]
    november = one(tree, "//section[@aria-labelledby='m-2026-11']")
    assert [a.get("href") for a in november.xpath(".//li/a[1]")] == [
        "../maintenance/2026-11-25-kubernetes-etcd-migration/",
        "../incidents/2026-11-20-object-storage-upload-errors/",
        "../incidents/2026-11-18-dashboard-slow-page-loads/",
    ]


def test_a_maintenance_update_dated_after_now_is_on_no_page_yet(tmp_path: Path) -> None:
    """Written ahead (the 'completed' note for tonight's window), it appears when its time comes."""
    maintenance = dedent("""
        ---
        title: Database upgrade
        scheduled_start: 2026-03-20T02:00:00Z
        scheduled_end: 2026-03-20T04:00:00Z
        components: [api]
        ---

        We upgrade the database.

        ## 2026-03-19 09:00 UTC · scheduled · bob

        Announced.

        ## 2026-03-20 04:00 UTC · completed · bob

        Done, written ahead.
        """)
    root = write_site(tmp_path / "site", {"maintenance/2026-03-20-db.md": maintenance})
    for now, shown in (("2026-03-19T12:00:00Z", False), ("2026-03-20T05:00:00Z", True)):
        out = tmp_path / now
        assert run("build", str(root), "--out", str(out), "--now", now).exit_code == 0
        for path in ("maintenance/2026-03-20-db/index.html", "authors/bob/index.html"):
            assert ("Completed" in text(one(page(out, path), "//main"))) is shown, (now, path)


def test_component_page_shows_status_and_its_incidents(demo_build: Path) -> None:
    tree = page(demo_build, "components/dns/index.html")
    assert one(tree, "//h1").text == "DNS"
    assert text(one(tree, "//p[@class='now']")) == "✓ Operational"
    incidents = [a.text for a in one(tree, "//section[@aria-labelledby='incidents']").xpath(".//li/a")]
    assert incidents == ["DNS outage: all customer zones unavailable", "DNS lookups failing for DNSSEC-signed customer zones",
                         "DNS lookups failing from most of North America"]


def test_author_page_says_who_how_to_reach_them_and_what_they_signed(demo_build: Path) -> None:
    tree = page(demo_build, "authors/tomas/index.html")
    card = one(tree, "//article[contains(@class, 'h-card')]")
    assert one(card, "./h1").text == "Tomás Lindqvist"
    assert one(card, ".//p[contains(@class, 'p-job-title')]").text == "Senior Site Reliability Engineer, Network"
    assert one(card, ".//a[@class='u-email']").get("href") == "mailto:tomas.lindqvist@harbor.example"
    signed = one(tree, "//section[@aria-labelledby='signed']")
    links = [a.get("href") for a in signed.xpath(".//li/ul/li/a")]
    assert "../../incidents/2026-10-27-dns-outage/#u-20261027T182400Z" in links
    assert "../../incidents/2026-10-27-dns-outage/#postmortem" in links
    assert "../../maintenance/2026-10-13-chi1-core-router-replacement/#u-20261013T070000Z" in links
    parents = [a.text for a in signed.xpath("./ul/li/a")]
    assert parents[0] == "DNS outage: all customer zones unavailable"
    assert len(parents) == len(set(parents))


def test_free_pages_and_the_404_page(demo_build: Path) -> None:
    about = page(demo_build, "about/index.html")
    assert one(about, "//article/h1").text == "About this page"
    assert one(about, "//nav//a[@aria-current='page']").text == "About this page"
    missing = page(demo_build, "404.html")
    assert one(missing, "//h1").text == "Page not found"
    # Served at any depth, so its links start from the site's path on the host.
    assert one(missing, "//link[@rel='stylesheet']").get("href") == "/static/style.css"
    assert missing.xpath("//main//a/@href") == ["/", "/history/"]


# Translations


def test_indonesian_site_is_translated_with_babel_dates(indonesian_build: Path) -> None:
    home = page(indonesian_build, "index.html")
    assert home.get("lang") == "id"
    assert text(one(home, "//h1")) == "▲ Gangguan sistem sebagian"
    # The zone's short name is CLDR data that changes between Babel releases ("CST", then "-0600"):
    # the page must show what the installed Babel calls it.
    zone = format_time(datetime(2026, 11, 20, 15, 30, tzinfo=UTC), "z", tzinfo=ZoneInfo("America/Chicago"), locale="id")
    assert text(one(home, f"//p[{has_class('eta')}]")) == (
        f"Pembaruan berikutnya paling lambat 20 Nov 2026 09.30 {zone} (2026-11-20 15:30 UTC)")
    assert "Ditandatangani oleh Lena Hoffmann" in text(one(home, "//p[@class='byline']"))
    row = one(home, "//ol[starts-with(@aria-label, 'DNS,')]")
    assert row.get("aria-label") == "DNS, status harian dari 23 Agu 2026 sampai 20 Nov 2026"
    assert "27 Okt: Gangguan besar, 59 menit" in [li.text for li in row.xpath("./li")]
    incident = page(indonesian_build, RESOLVED)
    assert text(one(incident, "//aside[@class='contact']/h2")) == "Ada pertanyaan tentang insiden ini?"
    assert text(one(incident, "//section[@aria-labelledby='timeline']/p")) == (
        "Yang terlama lebih dulu, dari laporan pertama hingga penyelesaian.")
    durations = dict(zip([text(dt) for dt in incident.xpath("//dl[@class='facts']/dt")],
                         [text(dd) for dd in incident.xpath("//dl[@class='facts']/dd")], strict=True))
    assert durations["Durasi"] == "59 menit"
    history = page(indonesian_build, "history/index.html")
    assert [text(h) for h in history.xpath("//main//h2")][:2] == ["November 2026", "Oktober 2026"]


def test_postmortem_text_after_the_action_items_stays_after_them(tmp_path: Path) -> None:
    postmortem = ("\n## Postmortem · bob\n\n### What we are doing so it does not happen again\n\nBefore the list.\n\n"
                  "- [ ] Alert on pool saturation (owner: bob, due: 2026-04-01)\n\nAfter the list.\n")
    root = write_site(tmp_path / "site", {"incidents/2026-03-14-api-errors.md": INCIDENT + postmortem})
    out = tmp_path / "out"
    assert run("build", str(root), "--out", str(out), "--now", "2026-03-20T00:00:00Z").exit_code == 0
    shown = text(one(page(out, "incidents/2026-03-14-api-errors/index.html"), "//section[@id='postmortem']"))
    assert shown.index("Before the list.") < shown.index("Alert on pool saturation") < shown.index("After the list.")
