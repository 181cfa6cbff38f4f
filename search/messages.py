"""The search box's words, in the page's language, with the count message in every CLDR plural form.

The browser picks the form with `Intl.PluralRules(lang).select(n)` (CLDR), so the page carries one
string per CLDR category of the language: Polish needs one/few/many/other ("1 wynik", "2 wyniki",
"5 wyników", "1,5 wyniku"), Greek and Bulgarian one/other, Georgian one/other with the same text.

For the real build these strings belong in `locales/<lang>/LC_MESSAGES/messages.po` like every
other interface word; `search_strings(gettext, ngettext, lang)` turns a catalog into what the page
needs, choosing for each CLDR category a number that falls in it and asking ngettext for that
number. `PROPOSED` holds the prototype's translations (to be added to the catalogs and reviewed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import Locale

# msgids (English, as in the rest of the catalogs)
LABEL = "Search this site"
PLACEHOLDER = "Search"
LOADING = "Loading the search…"
NONE = "No results"
ERROR = "The search could not be loaded."
RESULTS = ("%(num)d result", "%(num)d results")  # ngettext; %(num)d becomes the formatted count

# Proposed translations; plural lists follow each catalog's Plural-Forms (pl: 3 forms, ka: 1).
PROPOSED: dict[str, dict[str, Any]] = {
    "el": {
        LABEL: "Αναζήτηση στον ιστότοπο",
        PLACEHOLDER: "Αναζήτηση",
        LOADING: "Φόρτωση της αναζήτησης…",
        NONE: "Κανένα αποτέλεσμα",
        ERROR: "Η αναζήτηση δεν φορτώθηκε.",
        RESULTS: ["%(num)d αποτέλεσμα", "%(num)d αποτελέσματα"],
    },
    "bg": {
        LABEL: "Търсене в сайта",
        PLACEHOLDER: "Търсене",
        LOADING: "Търсенето се зарежда…",
        NONE: "Няма резултати",
        ERROR: "Търсенето не можа да се зареди.",
        RESULTS: ["%(num)d резултат", "%(num)d резултата"],
    },
    "ka": {
        LABEL: "ძიება საიტზე",
        PLACEHOLDER: "ძიება",
        LOADING: "ძიება იტვირთება…",
        NONE: "შედეგები ვერ მოიძებნა",
        ERROR: "ძიება ვერ ჩაიტვირთა.",
        RESULTS: ["%(num)d შედეგი"],
    },
    "pl": {
        LABEL: "Szukaj w serwisie",
        PLACEHOLDER: "Szukaj",
        LOADING: "Wczytywanie wyszukiwarki…",
        NONE: "Brak wyników",
        ERROR: "Nie udało się wczytać wyszukiwarki.",
        RESULTS: ["%(num)d wynik", "%(num)d wyniki", "%(num)d wyników"],
    },
}

# gettext's plural formula per language, as in the catalogs' Plural-Forms headers
PLURAL_FORMS: dict[str, Callable[[int], int]] = {
    "el": lambda n: int(n != 1),
    "bg": lambda n: int(n != 1),
    "ka": lambda n: 0,
    "pl": lambda n: 0 if n == 1 else 1 if n % 10 >= 2 and n % 10 <= 4 and (n % 100 < 10 or n % 100 >= 20) else 2,
}


def cldr_samples(lang: str) -> dict[str, int | None]:
    """For each CLDR plural category of `lang`, the smallest whole number in it (None: only fractions)."""
    plural = Locale.parse(lang).plural_form
    samples: dict[str, int | None] = dict.fromkeys(plural.tags | {"other"})
    for n in range(0, 1000):
        tag = plural(n)
        if samples.get(tag) is None:
            samples[tag] = n
    return samples


def search_strings(
    gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], lang: str
) -> dict[str, Any]:
    """What the page's search form carries (as JSON): labels, and `results` by CLDR category with
    `{count}` where the number goes. A count is a whole number, so a category that holds only
    fractions (Polish "other": "1,5 wyniku") is never shown; it gets the "many" text as a fallback."""
    results: dict[str, str] = {}
    for tag, n in cldr_samples(lang).items():
        if n is not None:
            results[tag] = ngettext(*RESULTS, n).replace("%(num)d", "{count}")
    results.setdefault("other", results.get("many") or next(iter(results.values())))
    return {
        "label": gettext(LABEL),
        "placeholder": gettext(PLACEHOLDER),
        "loading": gettext(LOADING),
        "none": gettext(NONE),
        "error": gettext(ERROR),
        "results": results,
    }


def proposed_strings(lang: str) -> dict[str, Any]:
    """`search_strings` over the PROPOSED table (what the prototype pages use)."""
    table = PROPOSED[lang]

    def gettext(msgid: str) -> str:
        return str(table[msgid])

    def ngettext(singular: str, plural: str, n: int) -> str:
        forms = table[(singular, plural)]
        return str(forms[PLURAL_FORMS[lang](n)])

    return search_strings(gettext, ngettext, lang)
