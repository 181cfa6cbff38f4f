"""The search box's words, in the page's language, with the count message in every CLDR plural form.

The browser picks the form with `Intl.PluralRules(lang).select(n)` (CLDR), so the page carries one
string per CLDR category of the language: Polish needs one/few/many/other ("1 wynik", "2 wyniki",
"5 wyników", "1,5 wyniku"), Greek and Bulgarian one/other, Georgian one/other with the same text.
The strings come from `locales/<lang>/LC_MESSAGES/messages.po` like every other interface word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from babel import Locale


def cldr_samples(lang: str) -> dict[str, int | None]:
    """For each CLDR plural category of `lang`, the smallest whole number in it (None: only fractions)."""
    plural = Locale.parse(lang).plural_form
    samples: dict[str, int | None] = dict.fromkeys(plural.tags | {"other"})
    for n in range(0, 1000):
        tag = plural(n)
        if samples.get(tag) is None:
            samples[tag] = n
    return samples


def search_strings(_: Callable[[str], str], ngettext: Callable[[str, str, int], str], lang: str) -> dict[str, Any]:
    """What the page's search form carries (as JSON): labels, and `results` by CLDR category with
    `{count}` where the number goes. For each CLDR category a number in it is handed to `ngettext`
    (the catalog's gettext plural formula). A count is a whole number, so a category that holds only
    fractions (Polish "other": "1,5 wyniku") is never shown; it gets the "many" text as a fallback.

    `_` and `ngettext` are a catalog's gettext and ngettext; the msgids are written out here so that
    `pybabel extract` finds them."""
    results: dict[str, str] = {}
    for tag, n in cldr_samples(lang).items():
        if n is not None:
            results[tag] = ngettext("%(num)d result", "%(num)d results", n).replace("%(num)d", "{count}")
    results.setdefault("other", results.get("many") or next(iter(results.values())))
    return {
        "label": _("Search this site"),
        "placeholder": _("Search"),
        "loading": _("Loading the search…"),
        "none": _("No results"),
        "error": _("The search could not be loaded."),
        "results": results,
    }
