"""maintenance.ics: every maintenance window as a calendar event.

A calendar subscription only replaces an event it already holds when the
event's SEQUENCE grows. A static build cannot see the file's history, so the
revision is counted from the content: SEQUENCE is the number of updates of the
maintenance published by "now". Each posted update is a revision staff made on
purpose (moving the window is announced with an update, so customers reading
the feeds learn of it too), and it only ever grows. DTSTAMP and LAST-MODIFIED
are the time of the latest published update (the window's start if none is
published yet): taken from the content, so two builds give the same bytes.

Each window that is not cancelled carries a VALARM, `maintenance_alarm`
(site.toml, an hour by default) before it starts, so a calendar that
subscribed reminds its reader without anyone setting a reminder by hand.
Its text is the window's title: the calendar app says "reminder" itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..core.model import Site
from ..derive.state import MaintenanceState, SiteState
from ..render.theme import Theme
from .common import Wording, absolute, calendar_uid, update_key
from .origins import File, most_text

# icalendar is imported where it is used: importing it takes longer than writing the calendar, and a build
# would otherwise pay for it before its processes start, though only one of them writes this file.
if TYPE_CHECKING:
    from icalendar import Alarm, Event

Output = Iterator[File]


def revision(state: MaintenanceState) -> tuple[int, datetime]:
    """(SEQUENCE, DTSTAMP) of a window: its published updates, and the latest one's time."""
    published = state.maintenance.updates
    stamp = published[-1].at if published else state.maintenance.scheduled_start
    return len(published), stamp


def maintenance_event(state: MaintenanceState, site: Site, words: Wording) -> Event:
    from icalendar import Event

    config = site.config
    maintenance = state.maintenance
    url = absolute(config, maintenance.address.url)
    sequence, stamp = revision(state)
    event = Event()
    event.add("uid", calendar_uid(config, update_key("maintenance", maintenance.id)))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", maintenance.scheduled_start)
    event.add("dtend", maintenance.scheduled_end)
    event.add("summary", maintenance.title)
    names = [site.components[key].name if key in site.components else key for key in maintenance.components]
    parts = [maintenance.summary.text.strip(), words.phrase("affects", names) if names else "", url]
    event.add("description", "\n\n".join(part for part in parts if part))
    event.add("url", url)
    event.add("status", "CANCELLED" if state.status == "cancelled" else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    if state.status != "cancelled":
        event.add_component(reminder(maintenance.title, config.maintenance_alarm))
    return event


def reminder(title: str, before: timedelta) -> Alarm:
    """RFC 5545's display alarm, `before` the window's start (a TRIGGER relative to DTSTART)."""
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", -before)
    return alarm


def calendar(state: SiteState, words: Wording) -> bytes:
    from icalendar import Calendar, vText

    config = state.site.config
    cal = Calendar()
    cal.add("prodid", "-//statusblog//statusblog//EN")  # no version: an upgrade must not rewrite the calendar
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar escapes only the properties it knows; an X- property is written as given, so a line break
    # in the site's title would end the line (or, a lone CR, start a forged property for lenient readers).
    cal.add("x-wr-calname", vText(words.phrase("calendar_name", config.title)))
    cal.add("x-wr-caldesc", vText(words.phrase("calendar_description", absolute(config))))
    windows = sorted(state.maintenances, key=lambda m: (m.maintenance.scheduled_start, m.maintenance.id))
    for window in windows:
        cal.add_component(maintenance_event(window, state.site, words))
    return cal.to_ical()


def render_calendar(state: SiteState, theme: Theme) -> Output:
    yield "maintenance.ics", calendar(state, Wording(theme)), most_text(state.site, state.site.maintenances)
