"""The project list of one language: a card per project (its key facts), and what the filters
and the sort of overrides/assets/javascripts/project-filters.js work on.

Every card carries its filter values as tokens in data-* attributes; the options of each filter
are the values the cards have, so no filter can offer a choice that matches nothing. Without
JavaScript the filters stay hidden and the whole list is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from babel.lists import format_list

from microsite.key_facts import FACT_NAMES, BudgetFact, KeyFacts
from microsite.search.strings import cldr_samples
from microsite.viewmodel import ProjectView, Shown

NONE = "none"  # the token of a card whose programme or place the source does not give
CARD_FACTS = ("status", "period", "place", "programme", "budget")  # what a card shows


@dataclass(frozen=True)
class Option:
    value: str
    label: Shown | None  # None: "not stated in the source"


@dataclass(frozen=True)
class CardFacts:
    """What a card shows of a project's key facts, and only that: the lists are rendered again (and
    their fingerprint changes) only when one of these changes, not at every edit of a project."""

    status: str | None
    places: list[Shown]
    period: str | None
    duration_months: int | None
    programme: Shown | None
    funders: list[Shown]
    budget: BudgetFact | None
    budget_not_published: bool

    @classmethod
    def of(cls, facts: KeyFacts) -> CardFacts:
        return cls(**{field.name: getattr(facts, field.name) for field in fields(cls)})


@dataclass(frozen=True)
class Card:
    slug: str
    title: Shown
    facts: CardFacts
    order: int  # its place in data/projects.yaml, the list's own order
    programme: str  # a token of Filters.programmes
    places: str  # tokens of Filters.places, space-separated
    start: str  # ISO start date, "" when not known
    budget: str  # the total in euro, "" when not known (or in a currency without a fixed rate)
    missing: str  # the card's facts the source does not give, as one phrase ("period and budget")


@dataclass(frozen=True)
class Filters:
    statuses: list[str]  # planned, ongoing, completed, not-stated: those some project has
    programmes: list[Option]
    places: list[Option]


def project_cards(
    views: list[ProjectView], facts: list[KeyFacts], gettext: Callable[[str], str], lang: str
) -> tuple[list[Card], Filters]:
    programmes: dict[str, Option] = {}
    places: dict[str, Option] = {}
    cards = []

    def token(options: dict[str, Option], prefix: str, shown: Shown) -> str:
        key = " ".join(shown.text.casefold().split())
        if key not in options:
            options[key] = Option(f"{prefix}{len(options)}", shown)
        return options[key].value

    for order, (view, fact) in enumerate(zip(views, facts, strict=True)):
        programme = token(programmes, "g", fact.programme) if fact.programme else NONE
        place_tokens = [token(places, "p", place) for place in fact.places] or [NONE]
        cards.append(
            Card(
                slug=view.slug,
                title=view.title,
                facts=CardFacts.of(fact),
                order=order,
                programme=programme,
                places=" ".join(place_tokens),
                start=fact.start.isoformat() if fact.start else "",
                budget=str(fact.budget_in_euro) if fact.budget_in_euro is not None else "",
                missing=_missing(fact, gettext, lang),
            )
        )
    present: set[str] = {fact.status or "not-stated" for fact in facts}
    statuses: list[str] = [status for status in ("planned", "ongoing", "completed", "not-stated") if status in present]
    programme_options = sorted(programmes.values(), key=lambda o: o.label.text.casefold() if o.label else "")
    place_options = sorted(places.values(), key=lambda o: o.label.text.casefold() if o.label else "")
    if any(card.programme == NONE for card in cards):
        programme_options.append(Option(NONE, None))
    if any(card.places == NONE for card in cards):
        place_options.append(Option(NONE, None))
    return cards, Filters(statuses, programme_options, place_options)


def _missing(fact: KeyFacts, gettext: Callable[[str], str], lang: str) -> str:
    # a card names the funders when the programme is not given; only both missing is a gap
    missing = [key for key in CARD_FACTS if key in fact.not_stated and not (key == "programme" and fact.funders)]
    return format_list([gettext(FACT_NAMES[key]) for key in missing], locale=lang) if missing else ""


def count_strings(ngettext: Callable[[str, str, int], str], lang: str) -> dict[str, str]:
    """ "N projects shown" in every CLDR plural category of the language, `{count}` for the number
    (the browser picks the category with Intl.PluralRules, as for the search box's count)."""
    strings: dict[str, str] = {}
    for tag, n in cldr_samples(lang).items():
        if n is not None:
            strings[tag] = ngettext("%(num)d project shown", "%(num)d projects shown", n).replace("%(num)d", "{count}")
    strings.setdefault("other", strings.get("many") or next(iter(strings.values())))
    return strings
