"""Every number, amount and date a reader sees is formatted here, by Babel from CLDR data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    get_timezone_gmt,
    get_timezone_name,
    match_skeleton,
)
from babel.numbers import format_compact_currency, format_currency, format_percent

from microsite.schema import Money, PartialDate, Period, TimeRange

# Bulgaria adopted the euro on 1 January 2026 at this fixed rate (BGN per EUR).
BGN_PER_EUR = Decimal("1.95583")
CENT = Decimal("0.01")


def money(value: Money, lang: str) -> str:
    return format_currency(value.amount, value.currency, locale=lang)


def money_compact(value: Money, lang: str) -> str:
    """Large round amounts read better short: "13,5 εκ. €" rather than "13.500.000,00 €"."""
    return format_compact_currency(value.amount, value.currency, locale=lang, fraction_digits=1)


def euro_equivalent(value: Money) -> Money | None:
    """The EUR equivalent of a BGN amount at the fixed conversion rate, rounded to cents."""
    if value.currency != "BGN":
        return None
    return Money(amount=(value.amount / BGN_PER_EUR).quantize(CENT, ROUND_HALF_UP), currency="EUR")


def share(part: Decimal, whole: Decimal, lang: str) -> str:
    return format_percent(part / whole, format="#,##0.0%", locale=lang)


def percent_number(part: Decimal, whole: Decimal) -> str:
    """The share as a plain number with one decimal ("85.0"), for drawing, not for reading."""
    return str((part * 100 / whole).quantize(Decimal("0.1"), ROUND_HALF_UP))


def date(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=lang)


def period(value: Period, lang: str) -> str:
    if value.start and value.end:
        return format_interval(value.start, value.end, "yMMMMd", locale=lang)
    known = value.start or value.end
    return date(known, lang) if known else ""


def partial_date(value: PartialDate, lang: str) -> str:
    """A day as the source gives it: with no year when the source has none, never a guessed one."""
    known = value.known_date
    if known is not None:
        return _format_with_weekday("yMMMMEd" if value.weekday else "yMMMMd", known, lang)
    # CLDR patterns need a whole date; pick one that falls on the stated weekday. Its year is not
    # part of the skeleton, so it never reaches the page.
    return _format_with_weekday("MMMMEd" if value.weekday else "MMMMd", _sample_day(value), lang)


def _format_with_weekday(skeleton: str, day: dt.date, lang: str) -> str:
    """CLDR's skeletons carry only short weekdays ("Παρ"); spell them out ("Παρασκευή")."""
    return format_date(day, _long_weekday_pattern(skeleton, lang), locale=lang)


@functools.cache
def _long_weekday_pattern(skeleton: str, lang: str) -> str:
    # matching a skeleton is slow in Babel and its answer depends only on these two arguments
    locale = Locale.parse(lang)
    pattern = locale.datetime_skeletons[match_skeleton(skeleton, locale.datetime_skeletons)].pattern
    return re.sub(r"E+", "EEEE", pattern)


def day_span(start: PartialDate, end: PartialDate, lang: str) -> str:
    known_start, known_end = start.known_date, end.known_date
    if known_start and known_end:
        return format_interval(known_start, known_end, "yMMMMd", locale=lang)
    return format_interval(_sample_day(start), _sample_day(end), "MMMMd", locale=lang)


def time_range(value: TimeRange, lang: str) -> str:
    today = dt.date(2000, 1, 1)
    start = dt.datetime.combine(today, value.start)
    text = format_skeleton("Hm", start, locale=lang)
    if value.end is not None:
        text = format_interval(value.start, value.end, "Hm", locale=lang)
    return text


def timezone_name(value: TimeRange, lang: str) -> str:
    """The zone as a reader knows it: "czas wschodnioeuropejski"; a zone of no country (UTC,
    Etc/GMT-2) by its own CLDR name or its offset, never "Unknown region"."""
    zone = get_global("zone_aliases").get(value.timezone, value.timezone)
    if get_global("zone_territories").get(zone, "ZZ") != "ZZ":
        return get_timezone_name(value.timezone, width="long", locale=lang)
    own_name = Locale.parse(lang).time_zones.get(zone, {}).get("long", {}).get("standard")
    if own_name:
        return str(own_name)
    # A fixed offset: any day gives the same; the long form is localised ("Гринуич+02:00").
    day = dt.datetime(2000, 1, 1, tzinfo=ZoneInfo(value.timezone))
    return get_timezone_gmt(day, width="long", locale=lang)


def language_name(code: str, lang: str) -> str:
    """The name of language `code` written in language `lang`, e.g. ("bg", "pl") → "bułgarski"."""
    return Locale.parse(code).get_display_name(lang) or code


def own_language_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    # Georgian script has no capital letters in running text; str.upper would switch to Mtavruli.
    return name if code == "ka" else name[:1].upper() + name[1:]


def _sample_day(value: PartialDate) -> dt.date:
    from microsite.schema import WEEKDAYS

    for year in range(2000, 2028):
        try:
            day = dt.date(year, value.month, value.day)
        except ValueError:
            continue
        if value.weekday is None or WEEKDAYS[day.weekday()] == value.weekday:
            return day
    raise ValueError(f"no year has {value.day}.{value.month}. on a {value.weekday}")
