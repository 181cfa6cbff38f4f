"""Golden values: what a reader in each language sees for amounts, shares, dates and times."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from microsite import formatting
from microsite.languages import LANGUAGES
from microsite.schema import Money, PartialDate, Period, TimeRange

SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " "}  # CLDR uses no-break and thin spaces
BUDGET = Money(amount=Decimal("59964.19"), currency="BGN")
FUND = Money(amount=Decimal("13500000"), currency="EUR")
PERIOD = Period(start=dt.date(2014, 3, 1), end=dt.date(2015, 3, 31))
MEETING = PartialDate(year="unknown", month=4, day=7, weekday="friday")
MEETING_TIME = TimeRange(start=dt.time(11), end=dt.time(13), timezone="Europe/Athens")


def plain(text: str) -> str:
    return text.translate(str.maketrans(SPACES))


@pytest.mark.parametrize(
    ("lang", "money", "compact", "share", "period", "meeting", "time"),
    [
        (
            "el",
            "59.964,19 BGN",
            "13,5 εκ. €",
            "85,0%",
            "1 Μαρ 2014 – 31 Μαρ 2015",
            "Παρασκευή 7 Απριλίου",
            "11:00–13:00",
        ),
        (
            "bg",
            "59 964,19 лв.",
            "13,5 млн. €",
            "85,0%",
            "1 март 2014 г. – 31 март 2015 г.",
            "петък, 7 април",
            "11:00 ч. – 13:00 ч.",
        ),
        (
            "ka",
            "59 964,19 BGN",
            "13,5 მლნ. €",
            "85,0%",
            "01 მარ. 2014 – 31 მარ. 2015",
            "პარასკევი, 7 აპრ",
            "11:00–13:00",
        ),
        (
            "pl",
            "59 964,19 BGN",
            "13,5 mln €",
            "85,0%",
            "1 marca 2014 – 31 marca 2015",
            "piątek, 7 kwietnia",
            "11:00–13:00",
        ),
    ],
)
def test_values_in_each_locale(
    lang: str, money: str, compact: str, share: str, period: str, meeting: str, time: str
) -> None:
    assert plain(formatting.money(BUDGET, lang)) == money
    assert plain(formatting.money_compact(FUND, lang)) == compact
    assert plain(formatting.share(Decimal("50969.56"), BUDGET.amount, lang)) == share
    assert plain(formatting.period(PERIOD, lang)) == period
    assert plain(formatting.partial_date(MEETING, lang)) == meeting
    assert plain(formatting.time_range(MEETING_TIME, lang)) == time


def test_a_date_without_year_never_shows_a_year() -> None:
    for lang in LANGUAGES:
        text = formatting.partial_date(MEETING, lang)
        assert not any(str(year) in text for year in range(1990, 2040)), text


def test_bgn_is_converted_at_the_fixed_rate_and_rounded_to_cents() -> None:
    assert formatting.euro_equivalent(BUDGET) == Money(amount=Decimal("30659.20"), currency="EUR")
    assert formatting.euro_equivalent(FUND) is None


def test_language_names() -> None:
    assert formatting.language_name("bg", "pl") == "bułgarski"
    assert formatting.own_language_name("ka") == "ქართული"
    assert formatting.own_language_name("pl") == "Polski"


@pytest.mark.parametrize(
    ("zone", "lang", "shown"),
    [
        ("UTC", "pl", "uniwersalny czas koordynowany"),
        ("Etc/UTC", "el", "Συντονισμένη Παγκόσμια Ώρα"),
        ("Etc/GMT-2", "bg", "Гринуич+02:00"),  # POSIX sign: GMT-2 is two hours ahead
        ("Etc/GMT+5", "ka", "GMT-05:00"),
        ("Europe/Sofia", "pl", "czas wschodnioeuropejski"),
    ],
)
def test_a_time_zone_is_named_or_given_as_an_offset_never_unknown(zone: str, lang: str, shown: str) -> None:
    assert formatting.timezone_name(TimeRange(start=dt.time(11), timezone=zone), lang) == shown
