"""Resolve date expressions ("on Thursday", "Nov. 9", "last month", "February next year") to ISO
dates at the precision the text supports, against the article's publication date.

With no publication date only absolute expressions resolve; relative ones give None (the event is
then left undated rather than dated wrongly).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .model import EventDate, Precision, Resolution

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": 3, "few": 3}
_M = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
     r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("mdy", re.compile(rf"\b{_M}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_M}(?:,?\s+{_YEAR})?\b", re.I)),
    ("my", re.compile(rf"\b{_M}(?:,?\s+(?:of\s+)?{_YEAR}|\s+(?P<rel>next|last|this)\s+year)?\b", re.I)),
    ("weekday", re.compile(r"\b(?P<rel>last|next|this|on)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|"
                           r"friday|saturday|sunday)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|"
                       r"several|few)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("relunit", re.compile(r"\b(?P<rel>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight|last night|this morning|"
                           r"this afternoon|this evening)\b", re.I)),
    ("year", re.compile(rf"\b(?:in\s+|since\s+|early\s+|late\s+|mid-?\s*)?{_YEAR}\b", re.I)),
]


def resolve(text: str, published: date | None, *, future: bool = False) -> EventDate | None:
    """Resolve one date expression; `future` says the verb looks forward (will, plans to)."""
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        try:
            result = _RESOLVERS[kind](m, published, future)
        except (ValueError, OverflowError):
            result = None
        if result is not None:
            value, precision, resolution = result
            return EventDate(value, precision, resolution, text.strip())
    return None


def _fmt(d: date, precision: Precision) -> str:
    if precision is Precision.DAY:
        return d.isoformat()
    if precision is Precision.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _iso(m, published, future):
    d = date(int(m["year"]), int(m["month"]), int(m["day"]))
    return d.isoformat(), Precision.DAY, Resolution.EXPLICIT


def _month_day(m, published, future):
    month = MONTHS[m["month"].lower().rstrip(".")]
    day = int(m["day"])
    if m["year"]:
        return date(int(m["year"]), month, day).isoformat(), Precision.DAY, Resolution.EXPLICIT
    if published is None:
        return None
    d = date(published.year, month, day)
    if not future and d > published + timedelta(days=7):
        d = date(published.year - 1, month, day)
    elif future and d < published - timedelta(days=7):
        d = date(published.year + 1, month, day)
    return d.isoformat(), Precision.DAY, Resolution.RELATIVE


def _month_year(m, published, future):
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["month"] == "may" or (m["month"].lower() == "may" and m["month"] != "May" and not m["year"]):
        return None  # the modal verb "may"
    if m["year"]:
        return f"{int(m['year']):04d}-{month:02d}", Precision.MONTH, Resolution.EXPLICIT
    if published is None:
        return None
    year = published.year
    rel = (m["rel"] or "").lower()
    if rel == "next":
        year += 1
    elif rel == "last":
        year -= 1
    elif not rel:
        if not future and month > published.month + 1:
            year -= 1
        elif future and month < published.month - 1:
            year += 1
    return f"{year:04d}-{month:02d}", Precision.MONTH, Resolution.RELATIVE


def _weekday(m, published, future):
    if published is None:
        return None
    target = WEEKDAYS[m["weekday"].lower()]
    rel = (m["rel"] or "").lower()
    if rel == "next" or (future and rel != "last"):
        delta = (target - published.weekday()) % 7 or 7
        d = published + timedelta(days=delta)
    else:
        delta = (published.weekday() - target) % 7
        if rel == "last" and delta <= published.weekday():
            # "last Tuesday" in a Wednesday's report: the Tuesday of the week before ("on Tuesday" is
            # yesterday); "last Friday" in it is the Friday just gone, which was in the week before
            delta += 7
        d = published - timedelta(days=delta)
    return d.isoformat(), Precision.DAY, Resolution.RELATIVE


def _ago(m, published, future):
    if published is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        return (published - timedelta(days=n)).isoformat(), Precision.DAY, Resolution.RELATIVE
    if unit == "week":
        d = published - timedelta(weeks=n)
        return _fmt(d, Precision.MONTH), Precision.MONTH, Resolution.RELATIVE
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        return f"{y:04d}-{mo + 1:02d}", Precision.MONTH, Resolution.RELATIVE
    return f"{published.year - n:04d}", Precision.YEAR, Resolution.RELATIVE


def _relunit(m, published, future):
    if published is None:
        return None
    rel, unit = m["rel"].lower(), m["unit"].lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "week":
        d = published + timedelta(weeks=step)
        return _fmt(d, Precision.MONTH), Precision.MONTH, Resolution.RELATIVE
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
        return f"{y:04d}-{mo + 1:02d}", Precision.MONTH, Resolution.RELATIVE
    return f"{published.year + step:04d}", Precision.YEAR, Resolution.RELATIVE


def _deictic(m, published, future):
    if published is None:
        return None
    word = m["word"].lower()
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return (published + timedelta(days=offset)).isoformat(), Precision.DAY, Resolution.RELATIVE


def _year(m, published, future):
    return f"{int(m['year']):04d}", Precision.YEAR, Resolution.EXPLICIT


_RESOLVERS = {
    "iso": _iso, "mdy": _month_day, "dmy": _month_day, "my": _month_year, "weekday": _weekday,
    "ago": _ago, "relunit": _relunit, "deictic": _deictic, "year": _year,
}


_BARE_MONTH = re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?\s*)?{_M}$", re.I)
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)
_SAME_MONTH = re.compile(r"\b(?:that|the same) month\b", re.I)


def in_context(text: str, resolved: EventDate | None, anchor: EventDate, published: date | None) -> EventDate | None:
    """A date the sentence before (or this one) sets the year of: 'charged him in September of that year',
    'suspended him the same month', and a later bare month told after a month of an earlier year
    ('expelled in August 2023 … resigned in October' is October 2023, not the last October before the
    report). None when the context changes nothing."""
    value = None
    if _SAME_MONTH.search(text) and anchor.precision is not Precision.YEAR:
        value, precision = anchor.value[:7], Precision.MONTH
    elif _THAT_YEAR.search(text):
        m = re.search(_M, text, re.I)
        month = MONTHS.get(m["month"].lower().rstrip(".")) if m else None
        value = f"{anchor.value[:4]}-{month:02d}" if month else anchor.value[:4]
        precision = Precision.MONTH if month else Precision.YEAR
    elif (m := _BARE_MONTH.match(text.strip())) and resolved is not None and published is not None \
            and int(anchor.value[:4]) < published.year and m["month"] != "may":
        month = MONTHS[m["month"].lower().rstrip(".")]  # after a month of that year, not after a bare year
        after = anchor.precision is not Precision.YEAR and month > int(anchor.value[5:7])
        if after and int(resolved.value[:4]) > int(anchor.value[:4]):
            value, precision = f"{anchor.value[:4]}-{month:02d}", Precision.MONTH
    if value is None:
        return None
    return EventDate(value, precision, Resolution.RELATIVE, text.strip())


def number_word(word: str) -> int | None:
    """'two' → 2 (small numbers written out, as news does)."""
    return _NUMBERS.get(word.lower())


def publication_date(published: date | None) -> EventDate | None:
    """The fallback date of an event the text does not date: the month of the report.

    Only the month is claimed: news reports events of the last days or weeks, and a day would
    pretend to a precision the text does not give.
    """
    if published is None:
        return None
    return EventDate(_fmt(published, Precision.MONTH), Precision.MONTH, Resolution.PUBLICATION, "")
