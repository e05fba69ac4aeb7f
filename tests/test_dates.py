"""Date expressions resolved against the publication date: `dates.resolve(text, published, future=)`.

The reference day is Thursday 2019-11-14 unless a row says otherwise. Each row states what a careful
analyst would write for the expression: the ISO value at the precision the text supports, and
whether it was stated (Explicit) or computed from the publication date (Relative).
"""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.dates import publication_date, resolve
from polgraph.model import EventDate, Precision, Resolution

THU = date(2019, 11, 14)  # a Thursday
DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
EXPLICIT, RELATIVE = Resolution.EXPLICIT, Resolution.RELATIVE


def check(text: str, published: date | None, expected: tuple[str, Precision, Resolution] | None, *,
          future: bool = False) -> None:
    got = resolve(text, published, future=future)
    if expected is None:
        assert got is None, f"{text!r} (published {published}) gave {got}, expected no date"
        return
    assert got is not None, f"{text!r} (published {published}) gave no date, expected {expected}"
    assert (got.value, got.precision, got.resolution) == expected, f"{text!r} (published {published})"


# ---- weekdays -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("on Thursday", "2019-11-14"),      # the day of publication itself
    ("on Wednesday", "2019-11-13"),
    ("on Monday", "2019-11-11"),
    ("on Sunday", "2019-11-10"),
    ("on Friday", "2019-11-08"),        # a past-tense Friday is the one before publication
    ("Tuesday", "2019-11-12"),
    ("last Friday", "2019-11-08"),
    ("last Thursday", "2019-11-07"),    # "last" on the publication weekday means a week earlier
    ("last Wednesday", "2019-11-06"),   # and so does "last" on a day of the publication's week
    ("last Sunday", "2019-11-10"),      # the week before's Sunday: the one just gone
    ("next Monday", "2019-11-18"),
    ("next Thursday", "2019-11-21"),
])
def test_weekday_before_publication(text: str, value: str) -> None:
    check(text, THU, (value, DAY, RELATIVE))


@pytest.mark.parametrize(("text", "value"), [
    ("on Friday", "2019-11-15"),
    ("on Saturday", "2019-11-16"),
    ("on Monday", "2019-11-18"),
    ("on Wednesday", "2019-11-20"),
])
def test_weekday_after_publication_when_the_verb_looks_forward(text: str, value: str) -> None:
    check(text, THU, (value, DAY, RELATIVE), future=True)


def test_weekday_across_the_year_boundary() -> None:
    check("on Monday", date(2020, 1, 2), ("2019-12-30", DAY, RELATIVE))
    check("on Friday", date(2019, 12, 30), ("2020-01-03", DAY, RELATIVE), future=True)


# ---- month and day ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "future", "expected"), [
    ("Nov. 9", THU, False, ("2019-11-09", DAY, RELATIVE)),
    ("on November 9th", THU, False, ("2019-11-09", DAY, RELATIVE)),
    ("9 November", THU, False, ("2019-11-09", DAY, RELATIVE)),
    ("on the 9th of November", THU, False, ("2019-11-09", DAY, RELATIVE)),
    ("Oct. 31", THU, False, ("2019-10-31", DAY, RELATIVE)),
    ("Nov. 18", THU, True, ("2019-11-18", DAY, RELATIVE)),
    # across the year boundary: late December read in early January is last year's
    ("Dec. 28", date(2020, 1, 3), False, ("2019-12-28", DAY, RELATIVE)),
    ("December 31", date(2020, 1, 2), False, ("2019-12-31", DAY, RELATIVE)),
    # ... and early January announced in late December is next year's
    ("Jan. 5", date(2019, 12, 30), True, ("2020-01-05", DAY, RELATIVE)),
    # a stated year wins whatever the publication date
    ("Nov. 9, 2018", THU, False, ("2018-11-09", DAY, EXPLICIT)),
    ("9 November 2018", THU, False, ("2018-11-09", DAY, EXPLICIT)),
    ("March 3, 2021", THU, False, ("2021-03-03", DAY, EXPLICIT)),
    ("Sept. 4, 2017", THU, True, ("2017-09-04", DAY, EXPLICIT)),
])
def test_month_and_day(text: str, published: date, future: bool,
                       expected: tuple[str, Precision, Resolution]) -> None:
    check(text, published, expected, future=future)


# ---- months -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "future", "expected"), [
    ("in September", THU, False, ("2019-09", MONTH, RELATIVE)),
    ("in May", THU, False, ("2019-05", MONTH, RELATIVE)),
    ("in March", THU, True, ("2020-03", MONTH, RELATIVE)),     # a future March after November
    ("in December", THU, True, ("2019-12", MONTH, RELATIVE)),
    ("February next year", THU, False, ("2020-02", MONTH, RELATIVE)),
    ("February next year", THU, True, ("2020-02", MONTH, RELATIVE)),
    ("in February next year", date(2019, 12, 20), True, ("2020-02", MONTH, RELATIVE)),
    ("March last year", THU, False, ("2018-03", MONTH, RELATIVE)),
    ("March 2018", THU, False, ("2018-03", MONTH, EXPLICIT)),
    ("in May 2018", THU, False, ("2018-05", MONTH, EXPLICIT)),
    ("July of 2016", THU, False, ("2016-07", MONTH, EXPLICIT)),
    ("last month", THU, False, ("2019-10", MONTH, RELATIVE)),
    ("last month", date(2020, 1, 10), False, ("2019-12", MONTH, RELATIVE)),  # January: last year's December
    ("in December", date(2020, 1, 10), False, ("2019-12", MONTH, RELATIVE)),
    ("in November", date(2020, 1, 10), False, ("2019-11", MONTH, RELATIVE)),
    ("this month", THU, False, ("2019-11", MONTH, RELATIVE)),
    ("next month", date(2019, 12, 10), True, ("2020-01", MONTH, RELATIVE)),
    ("last week", THU, False, ("2019-11", MONTH, RELATIVE)),
])
def test_months(text: str, published: date, future: bool,
                expected: tuple[str, Precision, Resolution]) -> None:
    check(text, published, expected, future=future)


# ---- "... ago" ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expected"), [
    ("two days ago", THU, ("2019-11-12", DAY, RELATIVE)),
    ("10 days ago", THU, ("2019-11-04", DAY, RELATIVE)),
    ("three weeks ago", THU, ("2019-10", MONTH, RELATIVE)),   # 2019-10-24: a week is not a day
    ("a month ago", THU, ("2019-10", MONTH, RELATIVE)),
    ("six months ago", date(2019, 3, 10), ("2018-09", MONTH, RELATIVE)),
    ("a year ago", THU, ("2018", YEAR, RELATIVE)),
    ("two years ago", THU, ("2017", YEAR, RELATIVE)),
])
def test_ago(text: str, published: date, expected: tuple[str, Precision, Resolution]) -> None:
    check(text, published, expected)


# ---- years --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("in 2015", ("2015", YEAR, EXPLICIT)),
    ("late 2015", ("2015", YEAR, EXPLICIT)),
    ("early 2016", ("2016", YEAR, EXPLICIT)),
    ("mid-2017", ("2017", YEAR, EXPLICIT)),
    ("2013", ("2013", YEAR, EXPLICIT)),
    ("last year", ("2018", YEAR, RELATIVE)),
    ("next year", ("2020", YEAR, RELATIVE)),
    ("this year", ("2019", YEAR, RELATIVE)),
])
def test_years(text: str, expected: tuple[str, Precision, Resolution]) -> None:
    check(text, THU, expected)


# ---- ISO and deictic words ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2019-11-09", ("2019-11-09", DAY, EXPLICIT)),
    ("on 2018-02-28", ("2018-02-28", DAY, EXPLICIT)),
    ("yesterday", ("2019-11-13", DAY, RELATIVE)),
    ("last night", ("2019-11-13", DAY, RELATIVE)),
    ("today", ("2019-11-14", DAY, RELATIVE)),
    ("this morning", ("2019-11-14", DAY, RELATIVE)),
    ("tomorrow", ("2019-11-15", DAY, RELATIVE)),
])
def test_iso_and_deictic(text: str, expected: tuple[str, Precision, Resolution]) -> None:
    check(text, THU, expected)


# ---- no publication date: relative expressions give nothing, absolute ones still resolve --------

@pytest.mark.parametrize("text", [
    "on Thursday", "last Friday", "Nov. 9", "9 November", "last month", "February next year",
    "three weeks ago", "two days ago", "yesterday", "today", "last year", "in September",
])
def test_relative_expression_without_publication_date_is_none(text: str) -> None:
    check(text, None, None)
    check(text, None, None, future=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nov. 9, 2018", ("2018-11-09", DAY, EXPLICIT)),
    ("9 November 2018", ("2018-11-09", DAY, EXPLICIT)),
    ("2019-11-09", ("2019-11-09", DAY, EXPLICIT)),
    ("March 2018", ("2018-03", MONTH, EXPLICIT)),
    ("late 2015", ("2015", YEAR, EXPLICIT)),
    ("in 2015", ("2015", YEAR, EXPLICIT)),
])
def test_absolute_expression_without_publication_date_resolves(text: str, expected) -> None:
    check(text, None, expected)


# ---- what is not a date -------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "the banned party", "three activists", "40 people",
                                  "the opposition", "Parliament"])
def test_non_dates_give_none(text: str) -> None:
    check(text, THU, None)


def test_impossible_calendar_date_does_not_raise() -> None:
    got = resolve("Feb. 30, 2019", THU)
    assert got is None or got.value.startswith("2019")


def test_result_keeps_the_expression_text() -> None:
    got = resolve("  on Thursday ", THU)
    assert got == EventDate("2019-11-14", DAY, RELATIVE, "on Thursday")


def test_publication_date_fallback() -> None:
    # the fallback claims no more than the publication date: that day, or its month or year
    got = publication_date(THU)
    assert got is not None and got.resolution is Resolution.PUBLICATION
    assert (got.value, got.precision) in {("2019-11-14", DAY), ("2019-11", MONTH), ("2019", YEAR)}
    assert publication_date(None) is None
