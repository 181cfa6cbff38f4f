"""The key facts of a project at a glance: what readers come for first (status, period, place,
programme and funders, budget, who runs it, whom to contact, the next event), as a GOV.UK-style
summary list on the project page and a card on the project list.

Facts the source does not give are not repeated row by row: they are named once, in one honest
line ("Not stated in the source: period and budget"). Plain Python: built from a ProjectView and
the page's catalog, so tests can check every language without MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from babel.lists import format_list

from microsite import formatting
from microsite.schema import Money, Project
from microsite.viewmodel import AmountView, ContactView, EventView, OrgView, ProjectView, Shown

# A role longer than this is a description of what the organisation does (AVATAR's partners),
# shown in the organisations section, not squeezed into a summary row.
ROLE_LABEL_MAX = 60
EVENTS_SHOWN = 3  # events named in the summary when none is upcoming


def N_(message: str) -> str:
    """Marks interface text for extraction into the catalogs; translated where it is shown."""
    return message


# The names of the facts in the "not stated" line, in running text (hence lower case).
FACT_NAMES = {
    "status": N_("status"),
    "period": N_("period"),
    "place": N_("place"),
    "programme": N_("programme"),
    "funders": N_("funders"),
    "budget": N_("budget"),
    "implementer": N_("implementing organisation"),
    "contact": N_("contact"),
}

# The labels of the organisation rows: a role that says no more than these is left out of the row.
IMPLEMENTER_LABELS = (N_("Implementer"),)
PARTNER_LABELS = (N_("Partner"), N_("Partners"))


@dataclass(frozen=True)
class BudgetFact:
    total: AmountView
    is_estimate: bool


@dataclass(frozen=True)
class KeyFacts:
    slug: str
    status: str | None  # planned | ongoing | completed; None: the source does not say
    period: str | None  # the dates; None when the source gives only the duration, or nothing
    period_dates_missing: bool  # only the duration is known (ProjectView.duration_months)
    duration_months: int | None
    places: list[Shown]
    programme: Shown | None
    funders: list[Shown]
    budget: BudgetFact | None
    budget_not_published: bool  # the source has a budget section, but it is empty
    implementer: OrgView | None  # its role only when it says more than the row's label
    partners: list[OrgView]
    # organisations whose role is a description (shown in a section below, not in a row)
    described_implementer: OrgView | None
    described_partners: list[OrgView]
    contacts: list[ContactView]
    events: list[EventView]  # the next event, or (none upcoming) the first few as the source dates them
    next_event: bool  # events[0] is upcoming, with a full date
    not_stated: list[str]  # the keys of FACT_NAMES the source does not give, in order
    not_stated_text: str  # the same, as one phrase in the page's language ("period and budget")
    # for sorting the project list
    start: dt.date | None
    budget_in_euro: Decimal | None  # None when unknown or in a currency without a fixed euro rate


def key_facts(project: Project, view: ProjectView, today: dt.date, gettext: Callable[[str], str]) -> KeyFacts:
    """`gettext` is the page catalog's: it names the missing facts and tells which organisation roles
    only repeat the row's label ("Partner: GRNET — Partner")."""
    missing: list[str] = []
    if view.status == "not-stated":
        missing.append("status")
    if not view.period_stated:
        missing.append("period")
    if not view.places:
        missing.append("place")
    funding = view.funding
    if funding is None or funding.programme is None:
        missing.append("programme")
    if funding is None or not funding.funders:
        missing.append("funders")
    budget = view.budget
    if budget == "not-stated":
        missing.append("budget")
    if view.implementer is None:
        missing.append("implementer")
    if not view.contacts:
        missing.append("contact")

    implementer_labels = {gettext(label) for label in IMPLEMENTER_LABELS}
    partner_labels = {gettext(label) for label in PARTNER_LABELS}
    implementer = _as_named(view.implementer, implementer_labels) if view.implementer else None

    upcoming = [(e, day) for e, day in _event_days(project, view) if day is not None and day >= today]
    if upcoming:
        events, next_event = [min(upcoming, key=lambda pair: pair[1])[0]], True
    else:
        events, next_event = view.events[:EVENTS_SHOWN], False

    start = project.period.start if project.period != "not-stated" else None
    return KeyFacts(
        slug=view.slug,
        status=None if view.status == "not-stated" else view.status,
        period=view.period or None,
        period_dates_missing=not view.period and view.duration_months is not None,
        duration_months=view.duration_months,
        places=view.places,
        programme=funding.programme if funding else None,
        funders=funding.funders if funding else [],
        budget=BudgetFact(budget.total, budget.total_is_estimate) if not isinstance(budget, str) else None,
        budget_not_published=budget == "not-published",
        implementer=implementer,
        partners=[_as_named(org, partner_labels) for org in view.partners],
        described_implementer=view.implementer if view.implementer and _is_description(view.implementer.role) else None,
        described_partners=[org for org in view.partners if _is_description(org.role)],
        contacts=view.contacts,
        events=events,
        next_event=next_event,
        not_stated=missing,
        not_stated_text=format_list([gettext(FACT_NAMES[key]) for key in missing], locale=view.lang) if missing else "",
        start=start,
        budget_in_euro=_in_euro(project.budget.total) if not isinstance(project.budget, str) else None,
    )


def _is_description(role: Shown | None) -> bool:
    return role is not None and len(role.text) > ROLE_LABEL_MAX


def _as_named(org: OrgView, labels: set[str]) -> OrgView:
    """The organisation as a summary row names it: a role that repeats the row's label, or that is
    a whole description, is left out of the row."""
    role = org.role
    if role is None or _is_description(role) or role.text.strip().casefold() in {x.casefold() for x in labels}:
        return replace(org, role=None)
    return org


def _event_days(project: Project, view: ProjectView) -> list[tuple[EventView, dt.date | None]]:
    """Each event with the last day it runs, when the source gives the year."""
    return [
        (shown, (event.end or event.start).known_date) for event, shown in zip(project.events, view.events, strict=True)
    ]


def _in_euro(value: Money) -> Decimal | None:
    if value.currency == "EUR":
        return value.amount
    euro = formatting.euro_equivalent(value)
    return euro.amount if euro else None
