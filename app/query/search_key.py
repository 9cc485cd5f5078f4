"""The search key: the FTS5 index's rowid for an event on SQLite (migration 0006).

It packs the event's start day (its ordinal, as date.toordinal()), its id and its span in days:

    key = ordinal(date_start) << 43 | id << 12 | min(days(date_end - date_start), 4095)

so keys sort as the timeline does (by start day, then id), a range of start days is a range of
keys, and a match's dates need no look-up in events, except for spans of LONG_SPAN days or
more, whose true end is read from events.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Integer, literal

DAY_SHIFT = 43
ID_SHIFT = 12
ID_MASK = (1 << 31) - 1
LONG_SPAN = (1 << ID_SHIFT) - 1  # span field of an event this many days long or longer
NO_KEYS = (1, 0)  # (first, last) of a key range that holds no key


def first_key(day: date) -> int:
    """The lowest key of the events starting on `day`."""
    return day.toordinal() << DAY_SHIFT


def last_key(day: date) -> int:
    """The highest key of the events starting on `day`."""
    return first_key(day + timedelta(days=1)) - 1


def after_key(day: date, event_id: int) -> int:
    """The highest key of the event `event_id` starting on `day`: keys above it come after that
    event in timeline order (the page cursor)."""
    return first_key(day) | (event_id << ID_SHIFT) | LONG_SPAN


def event_id(key: ColumnElement[int]) -> ColumnElement[int]:
    return key.bitwise_rshift(ID_SHIFT).bitwise_and(ID_MASK)


def span_days(key: ColumnElement[int]) -> ColumnElement[int]:
    return key.bitwise_and(literal(LONG_SPAN, Integer))


def start_and_days(key: ColumnElement[int]) -> ColumnElement[int]:
    """The start day and span of a key as one integer (what the chart groups by)."""
    return key.bitwise_rshift(DAY_SHIFT).bitwise_lshift(ID_SHIFT).bitwise_or(span_days(key))


def span_of(start_and_days: int) -> tuple[date, date]:
    """The dates of a start_and_days() value whose span is under LONG_SPAN."""
    start = date.fromordinal(start_and_days >> ID_SHIFT)
    return start, start + timedelta(days=start_and_days & LONG_SPAN)
