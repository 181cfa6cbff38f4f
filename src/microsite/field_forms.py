"""What each field of the record format expects, in an editor's words, with an example in the
field's own form. `records.py` uses it to explain a wrong value; the forms are worked out from the
schema's own type annotations, so a new field gets its explanation from its type."""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from microsite import schema
from microsite.languages import LANGUAGES

Path_ = tuple[str | int, ...]

# Examples are forms, not facts: they show how to write a value, never a value of a real project.
MONEY_EXAMPLE = '`{amount: "59964.19", currency: BGN}`'
DATE_EXAMPLE = "`2015-03-31`"
LOCALIZED_EXAMPLE = '`{pl: "Tekst", el: "Κείμενο"}`'
MODEL_FORMS: dict[type[BaseModel], tuple[str, str]] = {
    schema.Money: ("an amount with its currency", MONEY_EXAMPLE),
    schema.Link: ("a link with a label", '`{label: {pl: "Strona projektu"}, url: "https://www.example.org/"}`'),
    schema.Phone: ("a phone number with its country", '`{number: "77 402 51 06", country: PL}`'),
    schema.Organization: ("an organisation", '`{name: {pl: "Fundacja"}, role: {pl: "Lider"}}`'),
    schema.Contact: ("a contact", '`{name: "Jan Kowalski", email: jan@example.org}`'),
    schema.Period: ("a period", "`{start: 2015-03-31, end: 2016-12-31}` or `{duration_months: 18}`"),
    schema.PartialDate: ("a day", "`{year: 2015, month: 3, day: 31}` (or `year: unknown`)"),
    schema.TimeRange: ("a time of day", '`{start: "10:00", end: "12:30", timezone: Europe/Warsaw}`'),
    schema.Event: ("an event", '`{slug: first-meeting, title: {pl: "Spotkanie"}, start: {…}, online: false}`'),
    schema.BudgetSource: (
        "a part of the budget",
        '`{name: {pl: "Źródło"}, amount: {amount: "100.00", currency: EUR}}`',
    ),
    schema.Budget: ("a budget", '`{total: {amount: "59964.19", currency: BGN}}`'),
    schema.Funding: ("the funding", '`{programme: {pl: "Program"}}`'),
    schema.Project: ("a project record", "`- slug: open-data-opole` followed by its fields"),
    schema.FundingProgramme: ("a funding programme", "`- id: programme-id` followed by its fields"),
}


def _type_hints(model: type[BaseModel]) -> dict[str, Any]:
    return typing.get_type_hints(model, include_extras=True)


def options(annotation: Any, open_texts: bool = False) -> list[Any]:
    """The alternatives a value may take, with `X | None` and Annotated wrappers around unions opened
    (a LocalizedText only with `open_texts`: it is explained as one form, per language or one for all)."""
    if annotation is None or annotation is type(None):
        return []
    if annotation == schema.LocalizedText and not open_texts:
        return [annotation]
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner = typing.get_args(annotation)[0]
        if typing.get_origin(inner) in (Union, types.UnionType):
            return options(inner, open_texts)
        return [annotation]
    if origin in (Union, types.UnionType):
        return [option for arg in typing.get_args(annotation) for option in options(arg, open_texts)]
    return [annotation]


def _base(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


@cache
def _types_at_cached(root: type[BaseModel], path: Path_) -> tuple[Any, ...]:
    current: list[Any] = [root]
    for part in path:
        found: list[Any] = []
        for option in (o for annotation in current for o in options(annotation, open_texts=True)):
            base = _base(option)
            origin = typing.get_origin(base)
            if isinstance(part, str) and isinstance(base, type) and issubclass(base, BaseModel):
                hint = _type_hints(base).get(part)
                if hint is not None:
                    found.append(hint)
            elif isinstance(part, int) and origin is list:
                found.append(typing.get_args(base)[0])
            elif isinstance(part, str) and origin is dict:
                found.append(typing.get_args(base)[1])
        current = found
    return tuple(current)


def types_at(path: Path_, root: type[BaseModel] = schema.ProjectsFile) -> list[Any]:
    """The schema's annotations for the value at a data path such as ("projects", 0, "budget")."""
    return list(_types_at_cached(root, tuple(0 if isinstance(part, int) else part for part in path)))


def accepts_key(path: Path_, key: str, root: type[BaseModel] = schema.ProjectsFile) -> bool:
    """Whether the group of fields at `path` may hold `key` (a field name, or a language of a text)."""
    for option in (o for annotation in types_at(path, root) for o in options(annotation, open_texts=True)):
        base = _base(option)
        if isinstance(base, type) and issubclass(base, BaseModel) and key in base.model_fields:
            return True
        if typing.get_origin(base) is dict and key in LANGUAGES:
            return True
    return False


def _literal_values(option: Any) -> list[str]:
    base = _base(option)
    return [str(v) for v in typing.get_args(base)] if typing.get_origin(base) is Literal else []


# Fields whose form is not told by their type alone (a text with a pattern, a year), by field name.
FIELD_FORMS = {
    "programme_id": "the id of a programme in data/funders.yaml, e.g. `european-social-fund`",
    "source_document": "the name of the source page's file in data/sources/, e.g. `000_78308c4aefc4a372.txt`",
    "currency": "a currency code, e.g. `BGN`, `EUR`, `PLN` or `GEL`",
    "country": "a two-letter country code in capitals, e.g. `PL`, `BG`, `GR` or `GE`",
    "timezone": "a time zone name, e.g. `Europe/Warsaw` or `Europe/Athens`",
    "year": "a year, e.g. `2015`, or `unknown` when the source does not give it",
    "month": "a month number from 1 to 12, e.g. `3`",
    "day": "a day of the month from 1 to 31, e.g. `31`",
    "duration_months": "a number of months, e.g. `18`",
    "logo": "`assets/logos/<file>.svg` (or `.png`), or `not-available`",
    "weekday": "a day of the week in English, e.g. `friday`",
}


def describe(option: Any) -> str:
    """What one alternative of a field expects, with an example in the field's own form."""
    base = _base(option)
    if option == schema.Text:
        return 'a text, e.g. `"Tekst"`'
    if option == schema.LocalizedText:
        return f'a text, e.g. {LOCALIZED_EXAMPLE}, or one text for every language, e.g. `"SolidarityNow"`'
    if option == schema.Url:
        return 'a web address, e.g. `"https://www.example.org/"`'
    if option == schema.Slug:
        return "a short name for the address: lowercase letters a-z, digits and hyphens, e.g. `open-data-opole`"
    if isinstance(base, type) and issubclass(base, BaseModel):
        what, example = MODEL_FORMS.get(base, ("a group of fields", ""))
        return f"{what}, e.g. {example}" if example else what
    if typing.get_origin(base) is Literal:
        return _or_list(_literal_values(option))
    if typing.get_origin(base) is list:
        return "a list: one entry per line, each starting with `- ` (or `[]` for none)"
    if typing.get_origin(base) is dict:
        if typing.get_args(base)[1] == schema.TranslationMethod:
            return "how each language was translated, e.g. `{el: machine-assisted-unreviewed, bg: human}`"
        return f"one text per language, e.g. {LOCALIZED_EXAMPLE}"
    if base is Decimal:
        return 'an amount in quotes, with a point before the cents, e.g. `amount: "59964.19"` with `currency: BGN`'
    if base is dt.date:
        return f"a date as YYYY-MM-DD, e.g. {DATE_EXAMPLE}"
    if base is dt.time:
        return 'a time of day as HH:MM in quotes, e.g. `"09:30"`'
    if base is bool:
        return "`true` or `false`"
    if base is int:
        return "a whole number, e.g. `12`"
    if "EmailStr" in repr(option):
        return "an email address, e.g. `name@example.org`"
    return 'a text, e.g. `"Tekst"`'


def _or_list(values: list[str]) -> str:
    quoted = [f"`{v}`" for v in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def expected(path: Path_, root: type[BaseModel] = schema.ProjectsFile) -> str:
    """What the field at `path` accepts, with examples ("a budget, e.g. `{…}`; or `not-stated` or `not-published`")."""
    name = next((part for part in reversed(path) if isinstance(part, str)), "")
    if path and isinstance(path[-1], str) and name in FIELD_FORMS:
        return FIELD_FORMS[name]
    literals: list[str] = []
    forms: list[str] = []
    for annotation in types_at(path, root):
        if annotation == schema.LocalizedText:
            forms.append(describe(annotation))
            continue
        for option in options(annotation):
            values = _literal_values(option)
            if values and set(values) != set(LANGUAGES):
                literals += values
            else:
                forms.append(describe(option))
    if literals:
        forms.append(_or_list(list(dict.fromkeys(literals))))
    return "; or ".join(dict.fromkeys(forms)) or "a value"
