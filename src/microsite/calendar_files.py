"""iCalendar files (.ics) for events: one per event, one feed per language.

An event goes into a calendar only when the source gives its full date; an event whose year the
source leaves out is shown on the pages as given but cannot be put in a calendar."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent

from microsite.schema import Event, Project
from microsite.viewmodel import ProjectView, ProjectViews


@dataclass(frozen=True)
class LeftOut:
    project: str
    event: str
    reason: str


def calendar_events(projects: list[Project]) -> tuple[list[tuple[Project, Event]], list[LeftOut]]:
    """Split events into those a calendar can hold and those it cannot, with the reason."""
    kept, left_out = [], []
    for project in projects:
        for event in project.events:
            if event.start.known_date is None:
                left_out.append(LeftOut(project.slug, event.slug, "the source does not give the year"))
            else:
                kept.append((project, event))
    return kept, left_out


def event_ics(
    pairs: list[tuple[Project, Event]],
    lang: str,
    site_url: str,
    stamp: dt.datetime,
    views: ProjectViews | None = None,
) -> bytes:
    views = views or ProjectViews()
    calendar = Calendar()
    calendar.add("prodid", "-//open-government microsites//calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    host = urlsplit(site_url).netloc or "localhost"
    for project, event in pairs:
        calendar.add_component(_vevent(views(project, lang), event, site_url, host, stamp))
    calendar.subcomponents[:0] = _timezones(pairs)
    return bytes(calendar.to_ical())


def _timezones(pairs: list[tuple[Project, Event]]) -> list[Timezone]:
    """The VTIMEZONE of every zone the events use, covering only the years of those events.

    icalendar's add_missing_timezones() writes every change of 1970–2038 (5 kB per file) and works
    it out again for each of thousands of files; a zone and its years are worked out once here."""
    years: dict[str, list[int]] = {}
    for _, event in pairs:
        if event.time != "not-stated" and event.start.known_date is not None:
            last = (event.end or event.start).known_date or event.start.known_date
            years.setdefault(event.time.timezone, []).extend((event.start.known_date.year, last.year))
    return [_vtimezone(zone, min(span), max(span)) for zone, span in sorted(years.items())]


@functools.cache
def _vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    return Timezone.from_tzid(zone, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1))


def _vevent(view: ProjectView, event: Event, site_url: str, host: str, stamp: dt.datetime) -> CalendarEvent:
    shown = next(e for e in view.events if e.slug == event.slug)
    entry = CalendarEvent()
    entry.add("uid", f"{view.slug}.{event.slug}@{host}")
    entry.add("summary", shown.title.text)
    start_day = event.start.known_date
    end_day = event.end.known_date if event.end else start_day
    assert start_day is not None and end_day is not None
    if event.time != "not-stated":
        zone = ZoneInfo(event.time.timezone)
        entry.add("dtstart", dt.datetime.combine(start_day, event.time.start, tzinfo=zone))
        end_time = event.time.end or event.time.start
        entry.add("dtend", dt.datetime.combine(end_day, end_time, tzinfo=zone))
    else:  # whole days; DTEND of an all-day event is the day after the last day
        entry.add("dtstart", start_day)
        entry.add("dtend", end_day + dt.timedelta(days=1))
    entry.add("dtstamp", stamp)
    page = urljoin(site_url, f"{view.lang}/projects/{view.slug}.html#{event.slug}")
    entry.add("url", page)
    if event.online:
        entry.add("location", vText("online"))
    elif shown.place is not None:
        entry.add("location", shown.place.text)
    description = "\n\n".join(text.text for text in shown.description)
    entry.add("description", f"{description}\n\n{page}".strip())
    emails = [contact.email for contact in view.contacts if contact.email]
    if emails:
        entry.add("organizer", f"mailto:{emails[0]}", parameters={"CN": view.title.text})
    return entry


@dataclass(frozen=True)
class Listing:
    """One event on a language's events page."""

    project_slug: str
    project_title: object  # Shown
    event: object  # EventView
    ics: str | None  # path of its .ics file, relative to the language folder
    when: str  # "upcoming", "past" or "year-unknown"
    order: tuple[int, int, int]  # (year or 0, month, day) of its start


def event_listings(
    projects: list[Project], lang: str, today: dt.date, views: ProjectViews | None = None
) -> list[Listing]:
    views = views or ProjectViews()
    listings = []
    for project in projects:
        view = views(project, lang)
        for event, shown in zip(project.events, view.events, strict=True):
            day = (event.end or event.start).known_date
            when = "year-unknown" if day is None else ("upcoming" if day >= today else "past")
            start = event.start
            order = (start.year if isinstance(start.year, int) else 0, start.month, start.day)
            listings.append(Listing(project.slug, view.title, shown, shown.calendar, when, order))
    return sorted(listings, key=lambda item: (item.when, item.order))
