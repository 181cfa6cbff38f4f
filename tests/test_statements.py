"""Accessibility statements (from the mkdocs.yml block) and privacy pages, in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from microsite.accessibility import accessibility_statement, check_accessibility_settings, unwritten_known_issues
from microsite.catalogs import load_translations
from microsite.formatting import language_name
from microsite.languages import LANGUAGES
from microsite.render import Renderer
from microsite.settings import settings_from_config_file

REPO = Path(__file__).resolve().parents[1]
SETTINGS = settings_from_config_file(REPO).accessibility


def text_of(site: Path, lang: str, page: str) -> str:
    html = (site / lang / page).read_text(encoding="utf-8")
    main = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_lists_every_known_issue_and_says_what_is_not_given(built_site: Path, lang: str) -> None:
    text = text_of(built_site, lang, "accessibility.html")
    standard = {"el": "EN 301 549", "bg": "EN 301 549", "ka": "EN 301 549", "pl": "ustawy z dnia 4 kwietnia 2019 r."}
    assert standard[lang] in text
    for issue in SETTINGS["known_issues"]:
        assert " ".join(issue[lang].split()) in text
    not_given = {
        "el": "δεν έχει δώσει ακόμη",
        "bg": "все още не е посочил",
        "ka": "ჯერ არ მიუთითებია",
        "pl": "nie podał jeszcze",
    }
    assert not_given[lang] in text  # the contact is null in mkdocs.yml: said, not invented


def test_polish_statement_follows_the_deklaracja_dostepnosci_structure(built_site: Path) -> None:
    html = (built_site / "pl" / "accessibility.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>(.*?)<a", html)
    assert headings == [
        "Stan dostępności cyfrowej",
        "Treści niedostępne",
        "Przygotowanie deklaracji dostępności",
        "Informacje zwrotne i dane kontaktowe",
        "Procedura wnioskowo-skargowa",
        "Dostępność architektoniczna",
        "Aplikacje mobilne",
    ]
    text = text_of(built_site, "pl", "accessibility.html")
    assert "Data publikacji strony internetowej: nie podano" in text
    assert "Data ostatniej istotnej aktualizacji: 23 listopada 2026" in text
    assert "Rzecznika Praw Obywatelskich" in text


def test_statement_settings_are_checked() -> None:
    assert check_accessibility_settings(SETTINGS, LANGUAGES) == []
    broken = {**SETTINGS, "status": "compliant", "known_issues": [{"pl": "Tylko po polsku"}, {}]}
    problems = check_accessibility_settings(broken, LANGUAGES)
    assert [p.field for p in problems] == ["extra.accessibility.status", "extra.accessibility.known_issues[1]"]
    assert "written in none of the site's languages" in problems[1].message
    # written in one language only (a language just added): shown in it elsewhere, and said in the report
    assert unwritten_known_issues(broken, LANGUAGES) == [
        "mkdocs.yml: extra.accessibility.known_issues[0] is not written in el, bg, ka;"
        " the statement shows it in pl there"
    ]


def test_a_known_issue_not_written_in_the_language_is_shown_marked_with_the_notice() -> None:
    renderer = Renderer(REPO / "templates", load_translations(REPO / "locales", LANGUAGES), "https://example.org/")
    settings = {**SETTINGS, "known_issues": [{"pl": "Tylko po polsku"}, SETTINGS["known_issues"][0]]}
    for lang in ("bg", "el"):
        page = accessibility_statement(renderer, settings, lang, "https://example.org/", LANGUAGES)
        assert '- <span lang="pl">Tylko po polsku</span>' in page
        assert f"- {SETTINGS['known_issues'][0][lang]}" in page  # written in the language: as it is
        notice = renderer.translations[lang].gettext(
            "Some text has no translation yet and is shown in the original language (%(language)s)."
        )
        assert notice % {"language": language_name("pl", lang)} in page
    polish = accessibility_statement(renderer, settings, "pl", "https://example.org/", LANGUAGES)
    assert "<span lang=" not in polish and "Tylko po polsku" in polish


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_page_says_what_is_not_collected(built_site: Path, lang: str) -> None:
    no_cookies = {
        "el": "Δεν χρησιμοποιεί cookies",
        "bg": "Не използва бисквитки",
        "ka": "არ იყენებს ქუქი-ფაილებს",
        "pl": "Nie używa plików cookie",
    }
    text = text_of(built_site, lang, "privacy.html")
    assert no_cookies[lang] in text
