"""SQLite's timeline count tables: events per (date_start, date_end), overall and per region.

Triggers keep them exact (migration 0004; PostgreSQL has no such tables). They answer the
chart and the region facets without reading events whenever no text, type or source filter is
active, and they tell the pager how many events start within a range of dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Label,
    Select,
    String,
    column,
    func,
    select,
    table,
    type_coerce,
)
from sqlalchemy.orm import QueryableAttribute, Session

from app.query.filters import EventFilter

Span = tuple[date, date, int]  # (date_start, date_end, matching events): the chart's input

SPAN_COUNTS = table(
    "timeline_span_counts",
    column("date_start", Date),
    column("date_end", Date),
    column("n", Integer),
)
REGION_SPAN_COUNTS = table(
    "timeline_region_span_counts",
    column("region_code", String),
    column("date_start", Date),
    column("date_end", Date),
    column("n", Integer),
)


def raw_day(day: ColumnElement[date] | QueryableAttribute[date], name: str) -> Label[str]:
    """A date column read as stored (SQLite: ISO text), for spans_of() to convert: a search at
    100k events brings ~1,700 spans, and SQLAlchemy's Date parsing per value adds up."""
    return type_coerce(day, String).label(name)


@lru_cache(maxsize=16_384)
def _iso_day(text: str) -> date:
    return date.fromisoformat(text)


def spans_of(rows: Iterable[tuple[date | str, date | str, int]]) -> list[Span]:
    """Span rows with their dates as dates (PostgreSQL's driver already returns dates)."""
    return [
        (
            start if isinstance(start, date) else _iso_day(start),
            end if isinstance(end, date) else _iso_day(end),
            count,
        )
        for start, end, count in rows
    ]


def date_bounds(
    date_start: ColumnElement[date], date_end: ColumnElement[date], f: EventFilter
) -> list[ColumnElement[bool]]:
    """The filter's date range on a pair of date columns: spans overlapping it."""
    bounds: list[ColumnElement[bool]] = []
    if f.date_from:
        bounds.append(date_end >= f.date_from)
    if f.date_to:
        bounds.append(date_start <= f.date_to)
    return bounds


def counted_spans(session: Session, f: EventFilter, region_code: str) -> list[Span]:
    """The filter's date spans from the counts of every event (`region_code` "") or of one
    region's; rows whose count fell to 0 are kept by the triggers and skipped here."""
    t = REGION_SPAN_COUNTS.c if region_code else SPAN_COUNTS.c
    query = select(raw_day(t.date_start, "start"), raw_day(t.date_end, "end"), t.n).where(
        t.n > 0, *date_bounds(t.date_start, t.date_end, f)
    )
    if region_code:
        query = query.where(REGION_SPAN_COUNTS.c.region_code == region_code)
    return spans_of(session.execute(query))


def counted_region_totals(f: EventFilter) -> Select[str, int]:
    """Events per region within the filter's dates: sums over the region-span counts (~33,000
    rows at 100k events) instead of a pass over every region link."""
    t = REGION_SPAN_COUNTS.c
    return (
        select(t.region_code, func.sum(t.n))
        .where(*date_bounds(t.date_start, t.date_end, f))
        .group_by(t.region_code)
        .having(func.sum(t.n) > 0)
    )


def first_start_ending_after(session: Session, day: date) -> date | None:
    """The earliest date_start of the events ending on or after `day`.

    "Ends on or after `day`" cannot use the date_start index; adding "starts on or after
    this date" (true of the same events) turns it into an index range, so a six-month filter
    reads about six months of events rather than every event since the first one.
    """
    t = SPAN_COUNTS.c
    first: date | None = session.scalar(
        select(func.min(t.date_start)).where(t.date_end >= day, t.n > 0)
    )
    return first


def events_starting_between(session: Session, first: date, last: date) -> int:
    """How many events (matching or not) start within [first, last]: what a walk reads."""
    t = SPAN_COUNTS.c
    in_window = select(func.coalesce(func.sum(t.n), 0)).where(
        t.date_start >= first, t.date_start <= last
    )
    return session.scalar(in_window) or 0
