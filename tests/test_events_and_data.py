"""Calendar files, events pages, open data exports, JSON-LD, sitemap and robots.txt."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import jsonschema
from icalendar import Calendar

from microsite.calendar_files import calendar_events, calendars, event_listings
from microsite.languages import LANGUAGES
from microsite.open_data import funders_schema, projects_csv, projects_json, projects_schema
from microsite.records import load_projects
from microsite.schema import Budget, ProjectsFile
from microsite.settings import REPO_DIR

from .conftest import SITE_URL

FIXTURE = load_projects(Path(__file__).parent / "fixtures" / "mini.yaml")
REAL = load_projects(REPO_DIR / "data" / "projects.yaml")
STAMP = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def test_only_events_with_a_full_date_go_into_calendars() -> None:
    kept, left_out = calendar_events(FIXTURE)
    assert [event.slug for _, event in kept] == ["warsztaty"]
    assert [(item.event, item.reason) for item in left_out] == [("spotkanie", "the source does not give the year")]
    kept, left_out = calendar_events(REAL)
    assert kept == [] and {item.event for item in left_out} == {"first-online-meeting", "international-event-schio"}


def test_ics_parses_and_holds_the_right_times_in_utc() -> None:
    kept, _ = calendar_events(FIXTURE)
    feed, (single,) = calendars(kept, "el", SITE_URL, STAMP)
    assert single == feed  # one event: its own file and the feed are the same calendar
    calendar = Calendar.from_ical(feed)
    (event,) = calendar.walk("VEVENT")
    # 11:00–13:00 in Athens on 7 April 2026 is summer time (UTC+3)
    assert event.decoded("dtstart").astimezone(dt.UTC) == dt.datetime(2026, 4, 7, 8, 0, tzinfo=dt.UTC)
    assert event.decoded("dtend").astimezone(dt.UTC) == dt.datetime(2026, 4, 7, 10, 0, tzinfo=dt.UTC)
    assert str(event["summary"]) == "Εργαστήριο"
    assert str(event["location"]) == "Opole, ul. Piastowska 14"
    assert str(event["url"]) == f"{SITE_URL}el/projects/mini.html#warsztaty"
    assert str(event["organizer"]) == "mailto:jan@example.org"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Athens"


def test_time_zone_covers_the_events_years_only() -> None:
    kept, _ = calendar_events(FIXTURE)
    (zone,) = Calendar.from_ical(calendars(kept, "el", SITE_URL, STAMP)[0]).walk("VTIMEZONE")
    # the changes of 2026 (summer time from 29 March, winter time from 25 October), none of 1970–2038
    starts = sorted(part.decoded("dtstart").date() for part in zone.subcomponents)
    assert [day.year for day in starts] == [2026, 2026, 2026]
    assert [(day.month, day.day) for day in starts[1:]] == [(3, 29), (10, 25)]


def test_events_are_upcoming_past_or_without_year() -> None:
    before = {item.event.slug: item.when for item in event_listings(FIXTURE, "pl", dt.date(2026, 1, 1))}  # type: ignore[attr-defined]
    after = {item.event.slug: item.when for item in event_listings(FIXTURE, "pl", dt.date(2026, 5, 1))}  # type: ignore[attr-defined]
    assert before == {"warsztaty": "upcoming", "spotkanie": "year-unknown"}
    assert after == {"warsztaty": "past", "spotkanie": "year-unknown"}


def test_json_export_round_trips_to_the_records() -> None:
    data = json.loads(projects_json(REAL))
    assert ProjectsFile.model_validate(data).projects == REAL
    vidin = next(p for p in data["projects"] if p["slug"] == "digital-participation-vidin")
    assert vidin["budget"]["total"] == {"amount": "59964.19", "currency": "BGN"}


def test_json_export_is_valid_against_the_published_schema() -> None:
    jsonschema.validate(json.loads(projects_json(REAL)), json.loads(projects_schema()))
    broken = json.loads(projects_json(REAL))
    broken["projects"][0]["status"] = "finished"
    try:
        jsonschema.validate(broken, json.loads(projects_schema()))
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted an unknown status")


def test_csv_export_has_a_row_per_project_and_language_with_exact_amounts() -> None:
    rows = list(csv.DictReader(io.StringIO(projects_csv(REAL, LANGUAGES))))
    assert len(rows) == len(REAL) * len(LANGUAGES)
    for project in REAL:
        mine = [row for row in rows if row["slug"] == project.slug]
        assert [row["language"] for row in mine] == list(LANGUAGES)
        original = next(row for row in mine if row["language"] == project.original_language)
        assert original["text_origin"] == "original"
        assert original["title"] == project.title[project.original_language]  # type: ignore[index]
        if isinstance(project.budget, Budget):
            assert original["budget_total"] == str(project.budget.total.amount)


def jsonld_of(site: Path, lang: str, slug: str) -> dict[str, object]:
    html = (site / lang / "projects" / f"{slug}.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)  # type: ignore[no-any-return]


def test_project_pages_carry_json_ld_with_the_records_facts(built_site: Path) -> None:
    for project in REAL:
        for lang in LANGUAGES:
            data = jsonld_of(built_site, lang, project.slug)
            assert data["@type"] == "Project"
            assert data["name"] == project.title[lang]  # type: ignore[index]
            assert data["url"] == f"{SITE_URL}{lang}/projects/{project.slug}.html"
    vidin = jsonld_of(built_site, "bg", "digital-participation-vidin")
    assert vidin["estimatedCost"] == {"@type": "MonetaryAmount", "value": "59964.19", "currency": "BGN"}
    assert [grant["amount"]["value"] for grant in vidin["funding"]] == ["50969.56", "8994.63"]  # type: ignore[index, union-attr]
    weopengov = jsonld_of(built_site, "pl", "weopengov")
    assert [e.get("startDate") for e in weopengov["event"]] == [None]  # type: ignore[union-attr]
    assert weopengov["contactPoint"][0]["email"] == "info@weopengov.gr"  # type: ignore[index]
    opole = jsonld_of(built_site, "el", "opolskie-ngo-cooperation")
    assert opole["contactPoint"][0]["telephone"] == "+48774025106"  # type: ignore[index]


def test_sitemap_lists_every_page_with_four_alternates_and_robots_points_to_it(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    root = f"<loc>{SITE_URL}index.html</loc>"
    assert sum(root in entry for entry in entries) == 1
    assert len(entries) > 40
    for entry in (e for e in entries if root not in e):
        hreflangs = re.findall(r'hreflang="([^"]+)"', entry)
        assert hreflangs == [*LANGUAGES, "x-default"], entry
    assert (built_site / "robots.txt").read_text(
        encoding="utf-8"
    ) == f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"


def test_open_data_files_and_pages_are_published(built_site: Path) -> None:
    for name in ("projects.json", "projects.csv", "projects.schema.json"):
        assert (built_site / "open-data" / name).stat().st_size > 1000
    for lang in LANGUAGES:
        page = (built_site / lang / "open-data.html").read_text(encoding="utf-8")
        assert f'href="{SITE_URL}open-data/projects.json"' in page
        assert (built_site / lang / "events.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_committed_json_schemas_are_current() -> None:
    """Run `make schema` when this fails: the record format changed."""
    assert (REPO_DIR / "schema" / "projects.schema.json").read_text(encoding="utf-8") == projects_schema()
    assert (REPO_DIR / "schema" / "funders.schema.json").read_text(encoding="utf-8") == funders_schema()


def test_the_editors_schemas_do_not_list_the_languages() -> None:
    # a new language (make new-language) must not make the committed schemas out of date
    for schema in (projects_schema(), funders_schema()):
        assert not [lang for lang in LANGUAGES if f'"{lang}"' in schema]
        assert "mkdocs.yml's i18n languages" in schema
