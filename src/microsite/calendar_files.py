"""iCalendar files (.ics) for events: one per event, one feed per language.

An event goes into a calendar only when the source gives its full date; an event whose year the
source leaves out is shown on the pages as given but cannot be put in a calendar."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import pickle
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, vText
from icalendar import Event as CalendarEvent

from microsite.pages import PROJECT
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


def calendars(
    pairs: list[tuple[Project, Event]],
    lang: str,
    site_url: str,
    stamp: dt.datetime,
    views: ProjectViews | None = None,
) -> tuple[bytes, list[bytes]]:
    """A calendar of all these events (the language's feed) and one calendar per event, in order.

    Each event is turned into iCalendar text once and the calendars are put together from those
    texts: icalendar's line folding is slow, and every event is in two files per language."""
    views = views or ProjectViews()
    host = urlsplit(site_url).netloc or "localhost"
    entries = [
        _vevent_text(views(project, lang), views.view_key(project, lang), event, site_url, host, stamp)
        for project, event in pairs
    ]
    feed = _calendar(entries, pairs)
    return feed, [_calendar([entry], [pair]) for entry, pair in zip(entries, pairs, strict=True)]


_END = b"END:VCALENDAR\r\n"


@functools.cache
def _calendar_head() -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//open-government microsites//calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return bytes(calendar.to_ical()).removesuffix(_END)


def _calendar(entries: list[bytes], pairs: list[tuple[Project, Event]]) -> bytes:
    # as icalendar writes a calendar: its properties, then the time zones, then the events
    return _calendar_head() + b"".join(_timezones(pairs)) + b"".join(entries) + _END


def _timezones(pairs: list[tuple[Project, Event]]) -> list[bytes]:
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
def _vtimezone(zone: str, first_year: int, last_year: int) -> bytes:
    first, last = dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1)
    return bytes(Timezone.from_tzid(zone, first_date=first, last_date=last).to_ical())


# Events already turned into iCalendar text, by a fingerprint of all the text is made from: the
# preview turns, at each save, only the events of the records that changed.
_VEVENTS: dict[bytes, bytes] = {}
_VEVENTS_LIMIT = 50_000


def _vevent_text(
    view: ProjectView, view_key: bytes, event: Event, site_url: str, host: str, stamp: dt.datetime
) -> bytes:
    # the view by its key (ProjectViews.view_key): pickling the whole view for each event is slow
    key = hashlib.blake2b(view_key + pickle.dumps((event, site_url, host, stamp), protocol=5)).digest()
    text = _VEVENTS.get(key)
    if text is None:
        if len(_VEVENTS) > _VEVENTS_LIMIT:
            _VEVENTS.clear()
        text = _VEVENTS[key] = bytes(_vevent(view, event, site_url, host, stamp).to_ical())
    return text


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
    page = PROJECT.url(site_url, view.lang, view.slug, anchor=event.slug)
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
