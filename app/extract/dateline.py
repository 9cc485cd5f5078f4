"""Publication dates: read a date field (dateparser) or infer one from a dateline or the text."""

from __future__ import annotations

from datetime import date

import dateparser

from app.extract.timex.find import find_candidates
from app.extract.timex.resolve import Anchor, resolve

DATELINE_CHARS = 200  # a dateline opens the article's first line
EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)
_FIELD_SETTINGS = {
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date_field(value: str) -> date | None:
    """A publication date typed into a form or sent to the API, in any common format.

    >>> parse_date_field("25 June 2022"), parse_date_field("2022-06-25"), parse_date_field("soon")
    (datetime.date(2022, 6, 25), datetime.date(2022, 6, 25), None)
    """
    value = value.strip()[:100]
    if not value:
        return None
    parsed: date | None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        found = dateparser.parse(value, settings=_FIELD_SETTINGS)
        parsed = found.date() if found else None
    return parsed if parsed and EARLIEST <= parsed <= LATEST else None


def infer_published(text: str) -> date | None:
    """The date of a dateline ("KYIV, June 25, 2022 -"), else the latest full date in the text.

    >>> infer_published("KYIV, June 25, 2022 - Troops left. In 2014, Crimea was annexed.")
    datetime.date(2022, 6, 25)
    """
    full_dates = []
    for candidate in find_candidates(text):
        if candidate.rule.kind != "day":
            continue
        anchor = Anchor(published=LATEST, focus=LATEST)
        value = resolve(candidate, anchor, "past")
        if value and EARLIEST <= (day := date.fromisoformat(value[:10])) <= LATEST:
            full_dates.append((candidate.start, day))
    if not full_dates:
        return None
    first_start, first_day = full_dates[0]
    first_line_end = min(_line_end(text), DATELINE_CHARS)
    return first_day if first_start < first_line_end else max(day for _, day in full_dates)


def _line_end(text: str) -> int:
    """Where the opening line (the dateline's place) ends: a line break or a full stop."""
    ends = [i for i in (text.find("\n"), text.find(". ")) if i >= 0]
    return min(ends, default=len(text))
