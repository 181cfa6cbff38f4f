"""What a project page in one language shows: resolved texts with their provenance, formatted values.

Templates only print what this module prepares; they make no decisions about languages or formats.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from typing import Literal

from microsite import formatting, pages
from microsite.schema import (
    Budget,
    Contact,
    Event,
    Funding,
    Link,
    LocalizedText,
    Money,
    Organization,
    Project,
)
from microsite.translation_sources import TextState, weakest

Origin = Literal["original", "translated", "fallback", "neutral"]


@dataclass(frozen=True)
class Shown:
    """A text as a reader sees it, with the language it is written in and where it comes from."""

    text: str
    lang: str | None  # None: language-neutral (a proper name written the same everywhere)
    origin: Origin


@dataclass(frozen=True)
class LinkView:
    label: Shown
    url: str | None  # None: the source has the link but not its address


@dataclass(frozen=True)
class OrgView:
    name: Shown
    role: Shown | None
    website: str | None


@dataclass(frozen=True)
class AmountView:
    text: str
    euro: str | None  # the EUR equivalent of a BGN amount at the fixed rate
    share: str | None = None
    share_percent: str | None = None  # "85.0": the share as a plain number, for the share bar


@dataclass(frozen=True)
class BudgetView:
    total: AmountView
    total_is_estimate: bool
    sources: list[tuple[Shown, AmountView]]


@dataclass(frozen=True)
class FundingView:
    programme: Shown | None
    programme_budget: str | None
    funders: list[Shown]
    mechanism: Shown | None
    programme_description: Shown | None
    programme_parts: list[Shown]
    fund_operators: list[OrgView]
    programme_links: list[LinkView]
    statement: Shown | None


@dataclass(frozen=True)
class EventView:
    slug: str
    title: Shown
    when: str
    year_unknown: bool
    time: str | None
    timezone: str | None
    online: bool
    place: Shown | None
    description: list[Shown]
    links: list[LinkView]
    calendar: str | None  # its .ics file, relative to the language folder; None without a full date


@dataclass(frozen=True)
class ContactView:
    name: Shown | None
    email: str | None
    phone: str | None
    phone_uri: str | None
    fax: str | None


@dataclass
class ProjectView:
    slug: str
    lang: str
    original_language: str
    original_language_name: str  # in the page's language
    translation_method: str | None  # how this language's text was made, None on the original
    title: Shown
    short_name: Shown | None
    headline: Shown | None
    summary: Shown
    status: str  # planned | ongoing | completed | not-stated
    period: str | None
    duration_months: int | None
    period_stated: bool
    places: list[Shown]
    funding: FundingView | None
    budget: BudgetView | Literal["not-stated", "not-published"]
    implementer: OrgView | None
    partners: list[OrgView]
    context: list[Shown]
    goals: list[Shown]
    activities: list[Shown]
    results: list[Shown]
    target_groups: list[Shown]
    events: list[EventView]
    contacts: list[ContactView]
    links: list[LinkView]
    gallery: str
    origins: set[Origin] = field(default_factory=set)
    translation_mixed: bool = False  # parts of this language's text were made in different ways
    # the page's sections (SECTION_OF) with text translated from an earlier version of the original
    outdated_sections: list[str] = field(default_factory=list)
    # ProjectViews.view_key of what it was made from (empty: made directly), its fingerprint in the
    # rendered pages' (microsite.render): cheaper than pickling the whole view for every page
    made_from: bytes = b""

    @property
    def has_translated_text(self) -> bool:
        return "translated" in self.origins

    @property
    def has_fallback_text(self) -> bool:
        return "fallback" in self.origins


class _Resolver:
    """Picks each text in the page's language, else the original, and remembers what it picked."""

    def __init__(self, project: Project, lang: str):
        self.project, self.lang = project, lang
        self.origins: set[Origin] = set()

    def text(self, value: LocalizedText) -> Shown:
        if isinstance(value, str):
            return Shown(value, None, "neutral")
        original = self.project.original_language
        if self.lang in value:
            origin: Origin = "original" if self.lang == original else "translated"
            shown = Shown(value[self.lang], self.lang, origin)
        else:
            shown = Shown(value[original], original, "fallback")
        self.origins.add(shown.origin)
        return shown

    def optional(self, value: LocalizedText | None) -> Shown | None:
        return None if value is None else self.text(value)

    def texts(self, values: list[LocalizedText]) -> list[Shown]:
        return [self.text(value) for value in values]

    def link(self, link: Link) -> LinkView:
        return LinkView(self.text(link.label), None if link.url == "not-published" else link.url)

    def org(self, org: Organization) -> OrgView:
        return OrgView(self.text(org.name), self.optional(org.role), org.website)

    def amount(self, value: Money, share_of: Money | None = None) -> AmountView:
        euro = formatting.euro_equivalent(value)
        share = formatting.share(value.amount, share_of.amount, self.lang) if share_of else None
        return AmountView(
            formatting.money(value, self.lang),
            formatting.money(euro, self.lang) if euro else None,
            share,
            formatting.percent_number(value.amount, share_of.amount) if share_of else None,
        )

    def budget(self, budget: Budget) -> BudgetView:
        sources = [(self.text(s.name), self.amount(s.amount, budget.total)) for s in budget.sources]
        return BudgetView(self.amount(budget.total, budget.total), budget.total_is_estimate, sources)

    def funding(self, funding: Funding) -> FundingView:
        budget = funding.programme_budget
        return FundingView(
            programme=None if funding.programme == "not-stated" else self.text(funding.programme),
            programme_budget=formatting.money_compact(budget, self.lang) if budget else None,
            funders=self.texts(funding.funders),
            mechanism=self.optional(funding.mechanism),
            programme_description=self.optional(funding.programme_description),
            programme_parts=self.texts(funding.programme_parts),
            fund_operators=[self.org(org) for org in funding.fund_operators],
            programme_links=[self.link(link) for link in funding.programme_links],
            statement=self.optional(funding.statement),
        )

    def event(self, event: Event) -> EventView:
        if event.end is not None:
            when = formatting.day_span(event.start, event.end, self.lang)
        else:
            when = formatting.partial_date(event.start, self.lang)
        timed = event.time if event.time != "not-stated" else None
        return EventView(
            slug=event.slug,
            title=self.text(event.title),
            when=when,
            year_unknown=event.start.year == "unknown",
            time=formatting.time_range(timed, self.lang) if timed else None,
            timezone=formatting.timezone_name(timed, self.lang) if timed else None,
            online=event.online,
            place=self.optional(event.place),
            description=self.texts(event.description),
            links=[self.link(link) for link in event.links],
            calendar=pages.EVENT_CALENDAR.in_language(self.lang, self.project.slug, event.slug)
            if event.start.known_date
            else None,
        )

    def contact(self, contact: Contact) -> ContactView:
        return ContactView(
            name=self.optional(contact.name),
            email=contact.email,
            phone=contact.phone.number if contact.phone else None,
            phone_uri=f"tel:{contact.phone.e164}" if contact.phone else None,
            fax=contact.fax.number if contact.fax else None,
        )


class ProjectViews:
    """Each project's view in each language, made once per build and shared by every output
    (pages, JSON-LD, calendars, CSV). Keyed by slug, which is unique within one records file.

    `text_states`: how each translated text was made and whether its original changed since."""

    def __init__(self, text_states: list[TextState] | None = None) -> None:
        self._made: dict[tuple[str, str], ProjectView] = {}
        self._fingerprints: dict[str, bytes] = {}
        self._view_keys: dict[tuple[str, str], bytes] = {}
        self._states: dict[tuple[str, str], list[TextState]] = {}
        for state in text_states or []:
            self._states.setdefault((state.project, state.lang), []).append(state)

    def __call__(self, project: Project, lang: str) -> ProjectView:
        key = (project.slug, lang)
        if key not in self._made:
            self._made[key] = _remembered_view(self.view_key(project, lang), project, lang, self._states.get(key, []))
        return self._made[key]

    def view_key(self, project: Project, lang: str) -> bytes:
        """A fingerprint of all a view is made from: the record, the language, its translations' states."""
        key = (project.slug, lang)
        if key not in self._view_keys:
            made_from = pickle.dumps((lang, self._states.get(key, [])), protocol=5)
            self._view_keys[key] = hashlib.blake2b(self.fingerprint(project) + made_from).digest()
        return self._view_keys[key]

    def fingerprint(self, project: Project) -> bytes:
        """A fingerprint of all the record says, made once per build and shared by what is cached by
        record (its views in every language, its open data)."""
        if project.slug not in self._fingerprints:
            self._fingerprints[project.slug] = hashlib.blake2b(pickle.dumps(project, protocol=5)).digest()
        return self._fingerprints[project.slug]


# Views made at an earlier build, by a fingerprint of all they are made from: the preview makes, at
# each save, only the views of the records that changed. Nothing changes a view once it is made.
_VIEWS: dict[bytes, ProjectView] = {}
_VIEWS_LIMIT = 50_000


def _remembered_view(key: bytes, project: Project, lang: str, states: list[TextState]) -> ProjectView:
    view = _VIEWS.get(key)
    if view is None:
        if len(_VIEWS) > _VIEWS_LIMIT:
            _VIEWS.clear()
        view = _VIEWS[key] = project_view(project, lang, states)
        view.made_from = key
    return view


# The page section each record field is shown in (templates/translation_notice.md.j2 names them).
SECTION_OF = {
    "short_name": "title",
    "headline": "title",
    "places": "status",
    "budget": "funding",
    "implementer": "partners",
}


def section_of(field_path: str) -> str:
    root = field_path.split(".")[0].split("[")[0]
    return SECTION_OF.get(root, root)


def acknowledgement_view(acknowledgement: dict[str, str], lang: str, original: str) -> Shown:
    """A funding programme's acknowledgement in the page's language; in a language not written yet
    (one just added), the project's original language's, else the first written, as a fallback."""
    if lang in acknowledgement:
        return Shown(acknowledgement[lang], lang, "original")
    shown_in = original if original in acknowledgement else next(iter(acknowledgement))
    return Shown(acknowledgement[shown_in], shown_in, "fallback")


def project_view(project: Project, lang: str, translated: list[TextState] | None = None) -> ProjectView:
    r = _Resolver(project, lang)
    period = project.period if project.period != "not-stated" else None
    view = ProjectView(
        slug=project.slug,
        lang=lang,
        original_language=project.original_language,
        original_language_name=formatting.language_name(project.original_language, lang),
        translation_method=project.translations.get(lang),
        title=r.text(project.title),
        short_name=r.optional(project.short_name),
        headline=r.optional(project.headline),
        summary=r.text(project.summary),
        status=project.status,
        period=formatting.period(period, lang) if period else None,
        duration_months=period.duration_months if period else None,
        period_stated=period is not None,
        places=r.texts(project.places),
        funding=r.funding(project.funding) if project.funding != "not-stated" else None,
        budget=r.budget(project.budget) if isinstance(project.budget, Budget) else project.budget,
        implementer=r.org(project.implementer) if project.implementer != "not-stated" else None,
        partners=[r.org(org) for org in project.partners],
        context=r.texts(project.context),
        goals=r.texts(project.goals),
        activities=r.texts(project.activities),
        results=r.texts(project.results),
        target_groups=r.texts(project.target_groups),
        events=[r.event(event) for event in project.events],
        contacts=[r.contact(contact) for contact in project.contacts],
        links=[r.link(link) for link in project.links],
        gallery=project.gallery,
    )
    view.origins = r.origins
    methods = {state.method for state in translated or []}
    if methods:
        view.translation_method = weakest(methods)
        view.translation_mixed = len(methods) > 1
    outdated = [section_of(state.field) for state in translated or [] if state.state == "outdated"]
    view.outdated_sections = list(dict.fromkeys(outdated))
    return view
