"""Normalise found expressions to TIMEX3 values against the publication date and the focus.

Each kind of rule (timex_rules.toml) has its resolver in one of the modules below; this module
dispatches to them and moves the story's focus as dates are named.
"""

from __future__ import annotations

import re
from datetime import date

from app.extract.timex import clock, lengths, named, relative, reports
from app.extract.timex.context import Anchor, Resolver
from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate

__all__ = ["Anchor", "resolve"]

RESOLVERS: dict[str, Resolver] = {
    **named.RESOLVERS,
    **reports.RESOLVERS,
    **relative.RESOLVERS,
    **lengths.RESOLVERS,
    **clock.RESOLVERS,
}

# Kinds that name a calendar date themselves (not relative to the story's dates).
NAMES_DATES = frozenset(
    {
        "day",
        "day_no_year",
        "list_day",
        "weekday_day",
        "month",
        "month_no_year",
        "year",
        "spoken_year",
        "weekday",
        "holiday",
        "day_offset",
    }
)

# Kinds whose day-precise result moves the story's date in focus.
MOVES_FOCUS = frozenset(
    {
        "day",
        "day_no_year",
        "list_day",
        "weekday_day",
        "weekday",
        "holiday",
        "day_offset",
        "offset",
        "anaphoric",
    }
)


def resolve(candidate: Candidate, anchor: Anchor, direction: Direction) -> str | None:
    """The TIMEX3 value of a candidate, or None when it names no real date (e.g. 31 February)."""
    try:
        value = RESOLVERS[candidate.rule.kind](candidate, anchor, direction)
    except (ValueError, KeyError, OverflowError):
        return None
    if value and candidate.rule.kind in MOVES_FOCUS and re.match(r"\d{4}-\d\d-\d\d", value):
        anchor.focus = date.fromisoformat(value[:10])
        anchor.coarse = False
    if value and candidate.rule.kind in NAMES_DATES and re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
        anchor.named, anchor.named_at = value, candidate.start
        anchor.coarse = len(value) < len("YYYY-MM-DD")
    if value and _opens_on_a_past_year(candidate, anchor, value):
        anchor.story_year = (int(value), candidate.start)  # "Last year, ...": the story moves
    if value and re.fullmatch(r"\d{4}-Q[1-4]", value) and reports.is_report_quarter(value, anchor):
        anchor.quarter = value
    return value


def _opens_on_a_past_year(candidate: Candidate, anchor: Anchor, value: str) -> bool:
    """'Last year, defence minister Sergei Shoigu came under pressure ...': a past year counted
    from the publication date that opens its sentence sets the story in that year; one inside
    a clause ("... in warehouses since last year") or counted from the story does not."""
    return (
        candidate.rule.kind == "relative_unit"
        and candidate.groups.get("dir", "").lower() == "last"
        and re.fullmatch(r"\d{4}", value) is not None
        and int(value) < anchor.published.year
        and candidate.start == anchor.sentence_start
    )
