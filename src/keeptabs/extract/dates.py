"""The dates of a claim's window, resolved against the publication date.

In an article of Saturday 17 December 2016, "over the past 24 hours" runs from 16 to 17
December, "on Monday" is 12 December and "on Saturday" the 17th itself (news names the
day it appears by its weekday too), "overnight" is the 16th to the 17th; an explicit
date ("22 May 2015", "March 25") is read by dateparser with the publication date as its
base.  The publication date is the report date and stays on the document: these are the
dates of the event.  Without a publication date only dates that name their year
resolve.  Results are ISO dates (``YYYY-MM-DD``); ``(None, None)`` when the window does
not resolve ("since the start of the war").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from keeptabs.extract.durations import period_duration_hours

# A time of day before a day's name, kept with it: "around midday on Wednesday", "dawn
# Tuesday" (time.py keeps it in the period; here the day is resolved through it).
TIME_OF_DAY = r"(?:(?:around|about|at|before|after)\s+)?(?:midday|noon|dawn|dusk|midnight)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = tuple(name.lower() for name in calendar.month_name[1:])
# "Monday", "early Sunday", "first part of Saturday", "Friday night", "Tuesdays" (the
# apostrophe lost in scraping)
_DAY = re.compile(
    r"^(?:(?:the\s+)?(?:early|late|earlier|later|first part of|second part of|early hours of"
    rf"|night of|{TIME_OF_DAY})"
    r"(?:\s+on)?\s+)?"
    rf"(?P<day>{'|'.join(_WEEKDAYS)})(?:['’]?s)?"
    r"(?:\s+(?:morning|afternoon|evening|night)"
    r"(?:\s+and\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night))?)?$"
)
_MONTH_YEAR = re.compile(
    rf"^(?:early\s+|late\s+|mid-?)?(?P<month>{'|'.join(_MONTHS)})\s+(?P<year>\d{{4}})$"
)
_MONTH = re.compile(rf"^(?:early\s+|late\s+|mid-?)?(?P<month>{'|'.join(_MONTHS)})$")
_YEAR = re.compile(r"^(?:early\s+|late\s+|mid-?)?(?P<year>(?:19|20)\d{2})$")
_SINCE = re.compile(r"^since\s+(?P<rest>.+)$")
_LEADING = re.compile(r"^(?:on|in|during|over|at)\s+")
_RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": 1,
    "last night": 1,
}
_HAS_DATE_WORD = re.compile(rf"\d|\b(?:{'|'.join(_MONTHS)}|{'|'.join(m[:3] for m in _MONTHS)})\b")

DateRange = tuple[str | None, str | None]


def resolve_period(period: str | None, published: str | None) -> DateRange:
    """``(start, end)`` of ``period`` as ISO dates, against the ``published`` ISO date."""
    if not period:
        return None, None
    return _resolve(" ".join(period.casefold().split()), _as_date(published))


@lru_cache(maxsize=4096)  # periods and publication dates repeat across a corpus
def _resolve(text: str, base: date | None) -> DateRange:
    text = _LEADING.sub("", text)
    if base is not None:
        relative = _relative(text, base)
        if relative is not None:
            return relative
    found = _MONTH_YEAR.match(text)
    if found:
        return _month_range(int(found["year"]), _MONTHS.index(found["month"]) + 1)
    found = _YEAR.match(text)
    if found:
        year = int(found["year"])
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    day = _explicit_date(text, base)
    return (day, day) if day else (None, None)


def _relative(text: str, base: date) -> DateRange | None:
    """Windows that only mean something from the day of publication."""
    hours = period_duration_hours(text)
    if hours:
        return (base - timedelta(hours=hours)).isoformat(), base.isoformat()
    found = _DAY.match(text)
    if found:
        day = _last_weekday(base, _WEEKDAYS.index(found["day"])).isoformat()
        return day, day
    if text in _RELATIVE_DAYS:
        day = (base - timedelta(days=_RELATIVE_DAYS[text])).isoformat()
        return day, day
    if text in {"overnight", "over night"}:
        return (base - timedelta(days=1)).isoformat(), base.isoformat()
    if text in {"the weekend", "weekend", "over the weekend", "this weekend", "last weekend"}:
        # the weekend a Saturday or Sunday is in; else the one before (so "last weekend"
        # on a weekend day is the one before that)
        saturday = base - timedelta(days=(base.weekday() - 5) % 7)
        if text == "last weekend" and base.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()
    found = _MONTH.match(text)
    if found:  # "in July": the last July up to the publication date
        month = _MONTHS.index(found["month"]) + 1
        year = base.year if month <= base.month else base.year - 1
        return _month_range(year, month)
    found = _SINCE.match(text)
    if found:
        start, _ = _resolve(found["rest"], base)
        return (start, base.isoformat()) if start else None
    return None


def _month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).isoformat(), date(year, month, last).isoformat()


def _last_weekday(base: date, weekday: int) -> date:
    """The day of that weekday on or before ``base``."""
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _explicit_date(text: str, base: date | None) -> str | None:
    """A date dateparser reads ("22 May 2015", "March 25"): a year is needed without a
    publication date to count from."""
    if not _HAS_DATE_WORD.search(text) or (base is None and not re.search(r"\d{4}", text)):
        return None
    import dateparser  # slow to import, and most periods never need it

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date().isoformat() if found else None


def _as_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
