"""The search box's words come from the catalogs: every CLDR plural category of each language has
its count message, as the browser picks it (Intl.PluralRules, CLDR)."""

from __future__ import annotations

from typing import Any

import pytest
from babel import Locale

from microsite.catalogs import load_translations
from microsite.languages import LANGUAGES
from microsite.search.strings import cldr_samples, search_strings
from microsite.settings import REPO_DIR

TRANSLATIONS = load_translations(REPO_DIR / "locales", LANGUAGES)


def strings(lang: str) -> dict[str, Any]:
    return search_strings(TRANSLATIONS[lang].gettext, TRANSLATIONS[lang].ngettext, lang)


def count_message(lang: str, n: int) -> str:
    """What the browser shows: the CLDR category of n (as Intl.PluralRules picks it), then its text."""
    category = Locale.parse(lang).plural_form(n)
    return str(strings(lang)["results"][category]).replace("{count}", str(n))


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 wynik"), (2, "2 wyniki"), (4, "4 wyniki"), (5, "5 wyników"), (12, "12 wyników"), (22, "22 wyniki")],
)
def test_polish_counts(n: int, text: str) -> None:
    assert count_message("pl", n) == text


@pytest.mark.parametrize(
    ("lang", "one", "five"),
    [
        ("el", "1 αποτέλεσμα", "5 αποτελέσματα"),
        ("bg", "1 резултат", "5 резултата"),
        ("ka", "1 შედეგი", "5 შედეგი"),
    ],
)
def test_other_languages_counts(lang: str, one: str, five: str) -> None:
    assert (count_message(lang, 1), count_message(lang, 5)) == (one, five)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cldr_category_has_a_text(lang: str) -> None:
    results = strings(lang)["results"]
    assert set(results) == Locale.parse(lang).plural_form.tags | {"other"}
    assert all("{count}" in text and "%(num)d" not in text for text in results.values())


def test_polish_other_category_holds_only_fractions_and_falls_back_to_many() -> None:
    assert cldr_samples("pl") == {"one": 1, "few": 2, "many": 0, "other": None}
    assert strings("pl")["results"]["other"] == "{count} wyników"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_are_translated(lang: str) -> None:
    labels = {key: value for key, value in strings(lang).items() if key != "results"}
    english = search_strings(lambda msgid: msgid, lambda s, p, n: s if n == 1 else p, lang)
    assert set(labels) == {"label", "placeholder", "loading", "none", "error"}
    assert all(labels[key] != english[key] for key in labels)
