"""The key facts of each project (the summary under a project page's title, the project cards):
golden per language for the seeds and the fixture, and the rules that decide what a row says."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from microsite.catalogs import load_translations
from microsite.key_facts import KeyFacts, key_facts
from microsite.languages import LANGUAGES
from microsite.project_list import count_strings, project_cards
from microsite.records import load_projects
from microsite.schema import Project
from microsite.settings import REPO_DIR
from microsite.viewmodel import Shown, project_view

GOLDEN = Path(__file__).parent / "golden"
FIXTURE = Path(__file__).parent / "fixtures" / "mini.yaml"
TODAY = dt.date(2026, 1, 15)  # the fixture's workshop on 7 April 2026 is then still to come
TRANSLATIONS = load_translations(REPO_DIR / "locales", LANGUAGES)
PROJECTS = load_projects(REPO_DIR / "data" / "projects.yaml") + load_projects(FIXTURE)
BY_SLUG = {project.slug: project for project in PROJECTS}


def facts_of(project: Project, lang: str, today: dt.date = TODAY) -> KeyFacts:
    return key_facts(project, project_view(project, lang), today, TRANSLATIONS[lang].gettext)


def plain(value: Any, lang: str) -> Any:
    """The facts as readable JSON: a text as itself, marked when it is in another language."""
    if isinstance(value, Shown):
        return value.text if value.lang in (None, lang) else f"{value.text} [{value.lang}]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(item, lang) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)  # Decimal


@pytest.mark.parametrize("lang", LANGUAGES)
def test_key_facts_match_golden(lang: str) -> None:
    """To accept an intended change: UPDATE_GOLDEN=1 pytest tests/test_key_facts.py, then review the diff."""
    output = json.dumps(
        {project.slug: plain(facts_of(project, lang), lang) for project in PROJECTS},
        ensure_ascii=False,
        indent=1,
    )
    golden = GOLDEN / f"key_facts.{lang}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output + "\n", encoding="utf-8")
    assert output + "\n" == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("pl", "status, miejsce, program, instytucje finansujące, budżet, podmiot realizujący i dane kontaktowe"),
        ("bg", "статус, място, програма, финансиращи организации, бюджет, изпълняваща организация и данни за контакт"),
    ],
)
def test_facts_the_source_does_not_give_are_named_once_in_one_phrase(lang: str, expected: str) -> None:
    facts = facts_of(BY_SLUG["avatar"], lang)
    assert facts.not_stated == ["status", "place", "programme", "funders", "budget", "implementer", "contact"]
    assert facts.not_stated_text == expected
    assert facts.period is None and facts.period_dates_missing
    months = facts.duration_months  # the record's length in months (the source gives no dates)
    assert months == 24


def test_a_role_that_repeats_the_rows_label_is_left_out() -> None:
    for lang in LANGUAGES:
        facts = facts_of(BY_SLUG["weopengov"], lang)
        assert [partner.role for partner in facts.partners] == [None, None], lang  # "Partner: GRNET — Partner"
        assert facts.implementer is not None and facts.implementer.role is None, lang  # "Implementer — Implementer"
        vidin = facts_of(BY_SLUG["digital-participation-vidin"], lang)
        assert vidin.implementer is not None and vidin.implementer.role is not None, (
            lang
        )  # "lead beneficiary" says more
        assert vidin.partners[0].role is None, lang  # "Partners"


def test_a_role_that_is_a_description_goes_to_the_organisations_section() -> None:
    facts = facts_of(BY_SLUG["avatar"], "el")
    assert [org.role for org in facts.partners] == [None, None]
    assert [org.name.text for org in facts.described_partners] == [
        org.name.text for org in project_view(BY_SLUG["avatar"], "el").partners
    ]
    assert all(org.role and len(org.role.text) > 60 for org in facts.described_partners)
    assert facts.described_implementer is None


def test_only_an_event_with_a_full_date_still_to_come_is_the_next_event() -> None:
    mini = BY_SLUG["mini"]
    before = facts_of(mini, "pl", dt.date(2026, 1, 15))
    assert before.next_event and [e.slug for e in before.events] == ["warsztaty"]
    assert facts_of(mini, "pl", dt.date(2026, 4, 7)).next_event  # on the day itself
    after = facts_of(mini, "pl", dt.date(2026, 4, 8))
    assert not after.next_event and [e.slug for e in after.events] == ["spotkanie", "warsztaty"]
    # the source gives 7 April without a year: never "next", whatever today is
    for today in (dt.date(2020, 1, 1), dt.date(2030, 1, 1)):
        assert not facts_of(BY_SLUG["weopengov"], "el", today).next_event


def test_budget_in_euro_for_sorting() -> None:
    assert str(facts_of(BY_SLUG["digital-participation-vidin"], "pl").budget_in_euro) == "30659.20"
    assert facts_of(BY_SLUG["weopengov"], "pl").budget_in_euro is None  # the programme's budget is not the project's
    assert facts_of(BY_SLUG["civic-platform-open-governance"], "bg").budget_not_published


def test_cards_offer_only_filter_values_some_project_has() -> None:
    seeds = [p for p in PROJECTS if p.slug != "mini"]
    views = [project_view(p, "pl") for p in seeds]
    cards, filters = project_cards(views, [facts_of(p, "pl") for p in seeds], TRANSLATIONS["pl"].gettext, "pl")
    assert filters.statuses == ["ongoing", "not-stated"]
    assert [o.label.text if o.label else None for o in filters.places] == [
        "Grecja",
        "obwód Widyń",
        "województwo opolskie",
        None,
    ]
    by_slug = {card.slug: card for card in cards}
    assert by_slug["avatar"].places == "none" and by_slug["avatar"].programme == "none"
    assert by_slug["opolskie-ngo-cooperation"].start == "2014-03-01"
    assert by_slug["digital-participation-vidin"].budget == "30659.20"
    assert by_slug["avatar"].missing == "status, miejsce, program i budżet"
    # Vidin names no programme but its funder: the card shows the funder, so no gap is named
    assert by_slug["digital-participation-vidin"].missing == "okres"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "pl",
            {
                "one": "Wyświetlono {count} projekt",
                "few": "Wyświetlono {count} projekty",
                "many": "Wyświetlono {count} projektów",
                "other": "Wyświetlono {count} projektów",
            },
        ),
        ("bg", {"one": "Показан е {count} проект", "other": "Показани са {count} проекта"}),
        ("ka", {"one": "ნაჩვენებია {count} პროექტი", "other": "ნაჩვენებია {count} პროექტი"}),
    ],
)
def test_the_count_has_every_cldr_plural_form(lang: str, expected: dict[str, str]) -> None:
    assert count_strings(TRANSLATIONS[lang].ngettext, lang) == expected
