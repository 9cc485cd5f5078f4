"""A text search's matches, gathered once per timeline view into a temporary table (SQLite).

The timeline shows four things about one search: the chart (matches per date span), a page of
matches in date order, the region facets and the best-ranked matches. Asked separately, each
re-reads the word's whole FTS5 match list (25,000 events for a common word at 100k events)
and looks up every match's dates again. Instead the matches of every filter but the regions
(the facets' base) are written once, with their dates and whether they are in the filter's
regions, to a TEMP table; the four answers are then small queries over it.

A TEMP table belongs to one SQLite connection, which a Session keeps for its transaction, so
concurrent requests (each with its own session and pooled connection) never see each other's
rows. Rows are removed when the view is done; the table itself stays for the connection's
next view (CREATE ... IF NOT EXISTS). Writing to TEMP takes no lock on the database file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateTable
from sqlalchemy.sql.dml import Insert

from app.query.count_tables import Span, raw_day, spans_of
from app.query.text_search import fts_ids
from app.store.models import Event

_MATCHES = Table(
    "timeline_matches",
    MetaData(),  # not the app's metadata: migrations and create_all never see it
    Column("id", Integer, primary_key=True),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("in_regions", Boolean, nullable=False),  # also matches the region filter
    prefixes=["TEMPORARY"],
)
_CREATE = CreateTable(_MATCHES, if_not_exists=True)
_IN_USE = "timeline_matches_in_use"  # one match set per connection at a time

# Joins written out so that SQLite runs them from the (small) match set: CROSS JOIN fixes the
# order, and the planner has no statistics on a TEMP table to pick it by itself.
_REGION_TOTALS = text(
    "SELECT r.region_code, count(*) FROM timeline_matches AS m"
    " CROSS JOIN event_regions AS r ON r.event_id = m.id GROUP BY r.region_code"
).columns(region_code=String, n=Integer)
# bm25() is only computed for the rows that pass the join; ORDER BY rank would make FTS5 rank
# and sort every event containing the words first. Weights as the index's rank: words only.
_RANKED = text(
    "SELECT events_fts.rowid FROM events_fts CROSS JOIN timeline_matches AS m"
    " ON m.id = events_fts.rowid WHERE events_fts MATCH :match AND m.in_regions"
    " ORDER BY bm25(events_fts, 1.0, 0.0), events_fts.rowid LIMIT :limit"
).columns(rowid=Integer)


class MatchSet:
    """The gathered matches of one search; see gather()."""

    def __init__(self, session: Session, match: str) -> None:
        self._session = session
        self._match = match
        self._m = _MATCHES.c

    def spans(self) -> list[Span]:
        """Matches per (date_start, date_end), as date_span_counts returns them."""
        m = self._m
        query = (
            select(raw_day(m.date_start, "start"), raw_day(m.date_end, "end"), func.count())
            .where(m.in_regions)
            .group_by(m.date_start, m.date_end)
        )
        return spans_of(self._session.execute(query).all())

    def region_totals(self) -> list[tuple[str, int]]:
        """Events per region among the matches of every filter but the regions."""
        return [(code, count) for code, count in self._session.execute(_REGION_TOTALS)]

    def page_ids(self, after: tuple[date, int] | None, size: int) -> list[int]:
        """Up to `size` ids of matches after the cursor, in date order (ties by id)."""
        m = self._m
        query = select(m.id).where(m.in_regions)
        if after:
            day, last_id = after
            query = query.where(or_(m.date_start > day, and_(m.date_start == day, m.id > last_id)))
        query = query.order_by(m.date_start, m.id).limit(size)
        return list(self._session.scalars(query))

    def ranked_ids(self, limit: int) -> list[int]:
        """The `limit` best-ranked matches (FTS5 bm25, ties by id)."""
        ranked = _RANKED.bindparams(match=self._match, limit=limit)
        return list(self._session.scalars(ranked))


@contextmanager
def gather(
    session: Session,
    match: str,
    conditions: Sequence[ColumnElement[bool]],
    in_regions: ColumnElement[bool] | None,
) -> Iterator[MatchSet]:
    """The events matching the FTS5 query `match` (text_search.fts_match()) and the other
    `conditions` (every filter but the regions and the text), each marked with `in_regions`
    (None: no region filter)."""
    connection = session.connection().info  # the TEMP table's owner: the DBAPI connection
    if connection.get(_IN_USE):
        raise RuntimeError("a connection holds one search's matches at a time")
    connection[_IN_USE] = True
    try:
        session.execute(_CREATE)
        session.execute(delete(_MATCHES))  # left by a view that failed before clearing them
        session.execute(_insert_matches(match, conditions, in_regions))
        yield MatchSet(session, match)
        # Not after an error: the session's transaction may be unusable; its rollback drops
        # the rows anyway, and the next view starts by clearing them.
        session.execute(delete(_MATCHES))
    finally:
        connection.pop(_IN_USE, None)


def _insert_matches(
    match: str, conditions: Sequence[ColumnElement[bool]], in_regions: ColumnElement[bool] | None
) -> Insert:
    """INSERT … SELECT of the matches: FTS5's match list first (its cost estimates keep it the
    outer loop), then each match's dates from the (id, dates) index, which the other
    conditions test. A join rather than `id IN (…)`, which would first copy the list."""
    found = fts_ids(match).subquery("found")
    rows = (
        select(
            Event.id, Event.date_start, Event.date_end, true() if in_regions is None else in_regions
        )
        .select_from(found)
        .join(Event, Event.id == found.c.rowid)
        .where(*conditions)
    )
    return insert(_MATCHES).from_select(["id", "date_start", "date_end", "in_regions"], rows)
