"""TIMEX3 values ↔ calendar intervals: days, ISO weeks, months, quarters, halves, seasons, years."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from app.extract.types import DateValue

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")  # TIMEX3 "199": the 1990s
_CENTURY = re.compile(r"^(\d{2})$")  # TIMEX3 "17": the 18th century (1700-1799)


def interval_of(value: str) -> DateValue | None:
    """The inclusive calendar interval a TIMEX3 value names, or None (durations, refs, sets).

    >>> interval_of("2022-W25").start, interval_of("2022-W25").end
    (datetime.date(2022, 6, 20), datetime.date(2022, 6, 26))
    """
    try:
        return _interval(value)
    except ValueError:
        return None


def _interval(value: str) -> DateValue | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return DateValue(day, day, "day", value[:10])
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:  # "over the weekend" (2022-W25-WE) happened on its Saturday or Sunday
            return DateValue(monday + timedelta(days=5), monday + timedelta(days=6), "week", value)
        return DateValue(monday, monday + timedelta(days=6), "week", value[:8])
    if m := _MONTH.match(value):
        return month_value(int(m[1]), int(m[2]))
    if m := _QUARTER.match(value):
        first = (int(m[2]) - 1) * 3 + 1
        return _span(value, date(int(m[1]), first, 1), int(m[1]), first + 2, "quarter")
    if m := _HALF.match(value):
        first = 1 if m[2] == "1" else 7
        return _span(value, date(int(m[1]), first, 1), int(m[1]), first + 5, "quarter")
    if m := _YEAR.match(value):
        year = int(m[1])
        return DateValue(date(year, 1, 1), date(year, 12, 31), "year", value)
    return _years(value)


def _years(value: str) -> DateValue | None:
    """A decade or a century: a span of years (precision "year", the coarsest there is)."""
    if m := _DECADE.match(value):
        first, length = int(m[1]) * 10, 10
    elif m := _CENTURY.match(value):
        first, length = int(m[1]) * 100, 100
    else:
        return None
    return DateValue(date(max(first, 1), 1, 1), date(first + length - 1, 12, 31), "year", value)


def _span(value: str, start: date, end_year: int, end_month: int, precision: str) -> DateValue:
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return DateValue(start, end, precision, value)  # type: ignore[arg-type]


def month_value(year: int, month: int) -> DateValue:
    return _span(f"{year:04d}-{month:02d}", date(year, month, 1), year, month, "month")


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
