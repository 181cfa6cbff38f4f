"""The record format of `data/projects.yaml`, defined once.

It gives validation (with field paths for error messages), the published JSON Schema, and the
field list in the README. Conventions that every field follows:

- Text shown to readers is *localized*: a mapping from language code to text
  (`{el: "...", bg: "..."}`) that must hold the record's `original_language`. A plain string is
  language-neutral (a person's or organisation's own name such as `SolidarityNow`).
- The text in `original_language` is the source's wording, kept verbatim; the other languages are
  translations, and `translations` says how they were made. A language missing from a field falls
  back to the original text, shown with its own `lang`.
- Facts the source does not give are written down as such: `not-stated` (the source is silent),
  `not-published` (the source has the section or link but it is empty, e.g. a `#` link), or
  `year: unknown` in a date. Nothing is ever guessed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from microsite.languages import LANGUAGES, Lang
from microsite.record_text import ALLOWED_URL_SCHEMES, invisible_character, normalized_url

NotStated = Literal["not-stated"]
NotPublished = Literal["not-published"]
TranslationMethod = Literal["machine-assisted-unreviewed", "human", "human-reviewed"]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Record text may use Markdown, but a Markdown link may not smuggle in a script or data URL. The
# address is read as a browser reads it: spaces and control characters before it do not count.
UNSAFE_LINK = re.compile(r"(\]\(|^\s*\[[^\]]*\]:)[\x00-\x20<]*(javascript|vbscript|data|file):", re.I | re.M)


def _no_invisible_characters(value: str) -> str:
    found = invisible_character(value)
    if found:
        index, name = found
        before = value[max(0, index - 20) : index].lstrip()
        where = f"just after “{before}”" if before else "at the very start of the text"
        raise ValueError(
            f"the text contains an invisible {name} (character {index + 1} of the text); it can reorder or"
            f" hide how the text is shown. Remove it: put the cursor {where} and press Delete once"
            " (nothing visible disappears), or retype this text"
        )
    return value


def _safe_markdown(value: str) -> str:
    # both forms of a link need a `]`: most texts have none, and are not copied to be searched
    if "]" in value and UNSAFE_LINK.search(re.sub(r"[\t\n\r]", "", value)):
        raise ValueError(
            "a link in this text uses a forbidden address type; links may only be http, https, mailto or tel"
        )
    return value


def _drop_unwritten(value: Any) -> Any:
    """`{pl: "Tekst", el: ""}`: an empty translation is one not written yet, shown as missing."""
    if isinstance(value, dict):
        return {lang: text for lang, text in value.items() if text not in (None, "")}
    return value


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_invisible_characters),
    AfterValidator(_safe_markdown),
]
LocalizedText = Annotated[Text | dict[Lang, Text], BeforeValidator(_drop_unwritten)]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]


def _check_url(value: str) -> str:
    found = invisible_character(value)
    if found or re.search(r"[\t\n\r]", value) or value != value.strip():
        what = f"an invisible {found[1]}" if found else "a space, tab or line break at its start, end or inside"
        raise ValueError(
            f"the address {value!r} contains {what}; a browser would read it as another address."
            " Retype the address, or paste it again from the browser's address bar"
        )
    parts = urlsplit(normalized_url(value))
    if parts.scheme not in ALLOWED_URL_SCHEMES:
        raise ValueError(
            f"a link must start with one of {', '.join(s + ':' for s in ALLOWED_URL_SCHEMES)}"
            f" (found {value!r}); write `not-published` if the source has no real link"
        )
    if parts.scheme in ("http", "https") and not parts.netloc:
        raise ValueError(f"{value!r} has no web address after {parts.scheme}://")
    return value


Url = Annotated[str, AfterValidator(_check_url)]


CURRENCIES = frozenset(list_currencies())  # Babel makes a new set at every call


def _check_currency(value: str) -> str:
    if value not in CURRENCIES:
        raise ValueError(f"{value!r} is not an ISO 4217 currency code such as EUR, BGN, PLN, GEL")
    return value


# Amounts are written as plain digits: "1E+400", "NaN" or "1_000" are not how a source writes money,
# and past 28 digits decimal arithmetic would round the sum of a budget.
AMOUNT_PATTERN = re.compile(r"^[0-9]{1,15}(\.[0-9]{1,2})?$")


def _plain_amount(value: Any) -> Any:
    if isinstance(value, Decimal) and value.is_finite() and value.adjusted() < 15:
        return value
    if not (isinstance(value, str) and AMOUNT_PATTERN.match(value)):
        given = "an empty value" if value is None else repr(str(value))
        raise ValueError(
            f'{given} is not an amount written in digits; write it like "59964.19"'
            " (digits, a point and at most two digits after it, no more than 15 digits before the point)"
        )
    return value


class Strict(BaseModel):
    """Unknown fields are errors: they are nearly always typos."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Money(Strict):
    amount: Annotated[Decimal, Field(ge=0, decimal_places=2), BeforeValidator(_plain_amount)]
    currency: Annotated[str, AfterValidator(_check_currency)]


class Link(Strict):
    label: LocalizedText
    url: Url | NotPublished


class Phone(Strict):
    number: Text  # as written in the source, shown verbatim
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]  # ISO 3166 region to dial from

    @model_validator(mode="after")
    def _valid_number(self) -> Phone:
        try:
            parsed = phonenumbers.parse(self.number, self.country)
        except phonenumbers.NumberParseException as err:
            raise ValueError(f"{self.number!r} is not a phone number") from err
        if not phonenumbers.is_valid_number(parsed):
            raise ValueError(f"{self.number!r} is not a valid phone number in {self.country}")
        return self

    @property
    def e164(self) -> str:
        parsed = phonenumbers.parse(self.number, self.country)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


class Organization(Strict):
    name: LocalizedText
    role: LocalizedText | None = None
    website: Url | None = None


class Contact(Strict):
    name: LocalizedText | None = None
    email: EmailStr | None = None
    phone: Phone | None = None
    fax: Phone | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone or self.fax):
            raise ValueError("a contact needs at least an email, phone or fax")
        return self


class Period(Strict):
    start: dt.date | None = None
    end: dt.date | None = None
    duration_months: Annotated[int, Field(gt=0, le=240)] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Period:
        if self.start is None and self.end is None and self.duration_months is None:
            raise ValueError("give start, end or duration_months, or write `period: not-stated`")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the end date {self.end} is before the start date {self.start}")
        return self


WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]


class PartialDate(Strict):
    """A calendar day whose year the source may not give (`year: unknown`)."""

    year: Annotated[int, Field(ge=1900, le=2200)] | Literal["unknown"]
    month: Annotated[int, Field(ge=1, le=12)]
    day: Annotated[int, Field(ge=1, le=31)]
    weekday: Weekday | None = None  # as stated in the source, e.g. "Friday 7 April"

    @model_validator(mode="after")
    def _real_day(self) -> PartialDate:
        year = self.year if isinstance(self.year, int) else 2000  # a leap year admits 29 February
        try:
            day = dt.date(year, self.month, self.day)
        except ValueError as err:
            raise ValueError(f"{self.day}.{self.month}. is not a day of the calendar") from err
        if isinstance(self.year, int) and self.weekday and WEEKDAYS[day.weekday()] != self.weekday:
            raise ValueError(f"{day.isoformat()} is a {WEEKDAYS[day.weekday()]}, not a {self.weekday}")
        return self

    @property
    def known_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if isinstance(self.year, int) else None


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ValueError(f"{value!r} is not a time zone name such as Europe/Athens") from err
    return value


class TimeRange(Strict):
    start: dt.time
    end: dt.time | None = None
    timezone: Annotated[str, AfterValidator(_check_timezone)]

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"the end time {self.end} is not after the start time {self.start}")
        return self


class Event(Strict):
    slug: Slug
    title: LocalizedText
    start: PartialDate
    end: PartialDate | None = None
    time: TimeRange | NotStated = "not-stated"
    online: bool
    place: LocalizedText | None = None
    description: list[LocalizedText] = []
    links: list[Link] = []

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end is None:
            return self
        if (self.start.year == "unknown") != (self.end.year == "unknown"):
            raise ValueError("the start and end of an event must both have a year, or both be `unknown`")
        start = (self.start.year if self.start.year != "unknown" else 0, self.start.month, self.start.day)
        end = (self.end.year if self.end.year != "unknown" else 0, self.end.month, self.end.day)
        if end < start:
            raise ValueError("the event ends before it starts")
        return self


class BudgetSource(Strict):
    name: LocalizedText
    amount: Money


class Budget(Strict):
    total: Money
    total_is_estimate: bool = False  # the source calls it an estimate ("прогнозна стойност")
    sources: list[BudgetSource] = []

    @model_validator(mode="after")
    def _parts_add_up(self) -> Budget:
        if not self.sources:
            return self
        currencies = {source.amount.currency for source in self.sources}
        if currencies != {self.total.currency}:
            raise ValueError("every budget source must be in the currency of the total")
        parts = sum((source.amount.amount for source in self.sources), Decimal(0))
        if parts != self.total.amount:
            raise ValueError(
                f"the budget sources add up to {parts} {self.total.currency}, "
                f"but the total is {self.total.amount} {self.total.currency}"
            )
        return self


class Funding(Strict):
    programme_id: Slug | None = None  # the programme in data/funders.yaml whose acknowledgement applies
    programme: LocalizedText | NotStated
    programme_budget: Money | None = None
    funders: list[LocalizedText] = []
    mechanism: LocalizedText | None = None
    programme_description: LocalizedText | None = None
    programme_parts: list[LocalizedText] = []  # priority, measure, sub-measure
    fund_operators: list[Organization] = []
    programme_links: list[Link] = []
    statement: LocalizedText | None = None  # the funding sentence as the source words it

    @field_validator("programme_id")
    @classmethod
    def _known_programme(cls, value: str | None, info: ValidationInfo) -> str | None:
        known = (info.context or {}).get("programmes")
        if value is not None and known is not None and value not in known:
            raise ValueError(f"{value!r} is not a programme in data/funders.yaml (known: {', '.join(sorted(known))})")
        return value


class Project(Strict):
    slug: Slug
    source_document: Text  # the seed page the record was made from
    original_language: Lang
    translations: dict[Lang, TranslationMethod] = {}
    short_name: LocalizedText | None = None
    title: LocalizedText
    headline: LocalizedText | None = None
    summary: LocalizedText
    status: Literal["planned", "ongoing", "completed"] | NotStated
    period: Period | NotStated
    places: list[LocalizedText] = []
    funding: Funding | NotStated
    budget: Budget | NotStated | NotPublished
    implementer: Organization | NotStated
    partners: list[Organization] = []
    context: list[LocalizedText] = []
    goals: list[LocalizedText] = []
    activities: list[LocalizedText] = []
    results: list[LocalizedText] = []
    target_groups: list[LocalizedText] = []
    events: list[Event] = []
    contacts: list[Contact] = []
    links: list[Link] = []
    gallery: NotStated | NotPublished = "not-stated"

    # The languages of each text (original first, translations declared) are checked on the raw
    # record in records.py, so that they are reported together with every other problem of the file.

    @field_validator("source_document")
    @classmethod
    def _known_source(cls, value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get("sources")
        if known is not None and value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.5)
            suggestion = f"did you mean {close[0]!r}?" if close else f"the files there: {', '.join(sorted(known)[:5])}"
            raise ValueError(f"{value!r} is not a file in data/sources/ ({suggestion})")
        return value


class ProjectsFile(Strict):
    projects: list[Project]  # slugs must be unique: checked with their line in records.py


class FundingProgramme(Strict):
    id: Slug
    name: Text
    # the sentence the programme's publicity rules require, in each language of the site; a language
    # without it (one just added) shows it in another, marked, with the page's translation notice
    acknowledgement: Annotated[dict[Lang, Text], Field(min_length=1)]
    logo: (
        Annotated[str, StringConstraints(pattern=r"^assets/logos/[a-z0-9._-]+\.(svg|png)$")] | Literal["not-available"]
    )


class FundersFile(Strict):
    programmes: list[FundingProgramme]


def localized_texts(model: Any, path: str = "") -> list[tuple[str, str | dict[str, str]]]:
    """Every localized text in a record with its field path, for provenance and checks."""
    found: list[tuple[str, str | dict[str, str]]] = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            if name in ("translations", "slug", "source_document", "original_language"):
                continue
            found += localized_texts(getattr(model, name), f"{path}.{name}" if path else name)
    elif isinstance(model, list):
        for index, item in enumerate(model):
            found += localized_texts(item, f"{path}[{index}]")
    elif isinstance(model, dict) and set(model) <= set(LANGUAGES):  # {} too: nothing written yet
        found.append((path, model))
    return found
