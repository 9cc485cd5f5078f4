"""Earnings reports: 'the quarter', 'the year-ago period' name the quarter reported on."""

from __future__ import annotations

from datetime import date

from app.extract.timex.context import Anchor, Resolver, ordinal_of
from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate
from app.extract.timex.values import add_months


def _last_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the quarter' in a report is the latest quarter that has ended."""
    ended = add_months(a.published.replace(day=1), -3)
    return f"{ended.year}-Q{(ended.month - 1) // 3 + 1}"


def _year_ago_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the year-ago quarter': the latest ended quarter (or the one named), a year earlier."""
    if "ordinal" in c.groups:
        return f"{a.published.year - 1}-Q{ordinal_of(c.groups, 4)}"
    latest = _last_quarter(c, a, d) or ""
    return f"{int(latest[:4]) - 1}{latest[4:]}"


def _report_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the 1988 period', 'last year's quarter': the report's quarter in that (or last) year.

    Outside a report on a quarter it is only the year ("the same period a year earlier").
    """
    year = c.groups.get("year") or str(int((a.quarter or "")[:4] or a.published.year) - 1)
    return f"{year}{a.quarter[4:]}" if a.quarter else year


def _year_ago(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'year-earlier profit': the report's quarter a year before, or else last year."""
    if a.quarter:
        return f"{int(a.quarter[:4]) - 1}{a.quarter[4:]}"
    return str(a.published.year - 1)


def is_report_quarter(value: str, anchor: Anchor) -> bool:
    """Whether a quarter is the one a report is about: the first named that began in the year."""
    first_day = date(int(value[:4]), int(value[-1]) * 3 - 2, 1)
    return anchor.quarter is None and 0 <= (anchor.published - first_day).days <= 365


RESOLVERS: dict[str, Resolver] = {
    "last_quarter": _last_quarter,
    "year_ago_quarter": _year_ago_quarter,
    "year_ago": _year_ago,
    "report_quarter": _report_quarter,
}
