"""A text search's matches, gathered once per timeline view into a temporary table (SQLite).

The timeline shows four things about one search: the chart (matches per date span), a page of
matches in date order, the region facets and the best-ranked matches. Asked separately, each
re-reads the word's whole FTS5 match list (25,000 events for a common word at 100k events)
and looks up every match's dates again. Instead the matches of every filter but the regions
(the facets' base) are written once, as their search keys (search_key.py: start day, id and
span in one integer) and whether they are in the filter's regions, to a TEMP table; the four
answers are then small queries over it. FTS5 hands the keys out in key order, which is
timeline order, so writing them needs no look-up in events and no sort, and a date range is
a range of keys.

A TEMP table belongs to one SQLite connection, which a Session keeps for its transaction, so
concurrent requests (each with its own session and pooled connection) never see each other's
rows. Rows are removed when the view is done; the table itself stays for the connection's
next view (CREATE ... IF NOT EXISTS). Writing to TEMP takes no lock on the database file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    exists,
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

from app.query import search_key as sk
from app.query.count_tables import Span, raw_day, spans_of
from app.query.text_search import fts_keys
from app.store.models import Event, EventRegion

_MATCHES = Table(
    "timeline_matches",
    MetaData(),  # not the app's metadata: migrations and create_all never see it
    Column("search_key", Integer, primary_key=True),
    Column("in_regions", Boolean, nullable=False),  # also matches the region filter
    prefixes=["TEMPORARY"],
)
_CREATE = CreateTable(_MATCHES, if_not_exists=True)
_IN_USE = "timeline_matches_in_use"  # one match set per connection at a time
_ID = f"((m.search_key >> {sk.ID_SHIFT}) & {sk.ID_MASK})"

# Joins written out so that SQLite runs them from the (small) match set: CROSS JOIN fixes the
# order, and the planner has no statistics on a TEMP table to pick it by itself.
_REGION_TOTALS = text(
    "SELECT r.region_code, count(*) FROM timeline_matches AS m"
    f" CROSS JOIN event_regions AS r ON r.event_id = {_ID} GROUP BY r.region_code"
).columns(region_code=String, n=Integer)
# bm25() is only computed for the rows that pass the join; ORDER BY rank would make FTS5 rank
# and sort every event containing the words first. FTS5 reads only the matches' key range
# (a search within dates need not scan the word's other matches). Ties in id order, as the
# live ranking.
_RANKED = text(
    f"SELECT {_ID} AS id FROM events_fts CROSS JOIN timeline_matches AS m"
    " ON m.search_key = events_fts.rowid WHERE events_fts MATCH :match AND m.in_regions"
    " AND events_fts.rowid BETWEEN :first_key AND :last_key"
    " ORDER BY bm25(events_fts), id LIMIT :limit"
).columns(id=Integer)


@dataclass(frozen=True)
class SearchBounds:
    """What a search keeps besides its words: a range of search keys (from the filter's dates),
    the day matches must end on or after, their regions and the other conditions on events
    (type, source)."""

    first_key: int | None = None
    last_key: int | None = None
    ends_from: date | None = None
    region_codes: Sequence[str] | None = None
    conditions: Sequence[ColumnElement[bool]] = ()


class MatchSet:
    """The gathered matches of one search; see gather()."""

    def __init__(self, session: Session, match: str) -> None:
        self._session = session
        self._match = match
        self._key = _MATCHES.c.search_key
        self._in_regions = _MATCHES.c.in_regions

    def spans(self) -> list[Span]:
        """Matches per (date_start, date_end), as date_span_counts returns them: from the keys,
        but for the rare spans too long for a key, whose dates are read from events."""
        key, packed = self._key, sk.start_and_days(self._key)
        short = (
            select(packed, func.count())
            .where(self._in_regions, sk.span_days(key) < sk.LONG_SPAN)
            .group_by(packed)
        )
        spans = [(*sk.span_of(value), n) for value, n in self._session.execute(short).all()]
        long = (
            select(raw_day(Event.date_start, "start"), raw_day(Event.date_end, "end"), func.count())
            .select_from(_MATCHES)
            .join(Event, Event.id == sk.event_id(key))
            .where(self._in_regions, sk.span_days(key) == sk.LONG_SPAN)
            .group_by(Event.date_start, Event.date_end)
        )
        return spans + spans_of(self._session.execute(long).all())

    def region_totals(self) -> list[tuple[str, int]]:
        """Events per region among the matches of every filter but the regions."""
        return [(code, count) for code, count in self._session.execute(_REGION_TOTALS)]

    def page_ids(self, after: tuple[date, int] | None, size: int) -> list[int]:
        """Up to `size` ids of matches after the cursor, in date order (ties by id)."""
        query = select(sk.event_id(self._key)).where(self._in_regions)
        if after:
            query = query.where(self._key > sk.after_key(*after))
        return list(self._session.scalars(query.order_by(self._key).limit(size)))

    def ranked_ids(self, limit: int) -> list[int]:
        """The `limit` best-ranked matches (FTS5 bm25, ties by id)."""
        in_regions = select(func.min(self._key), func.max(self._key)).where(self._in_regions)
        first_key, last_key = self._session.execute(in_regions).one()
        if first_key is None:
            return []
        ranked = _RANKED.bindparams(
            match=self._match, first_key=first_key, last_key=last_key, limit=limit
        )
        return list(self._session.scalars(ranked))


@contextmanager
def gather(session: Session, match: str, bounds: SearchBounds) -> Iterator[MatchSet]:
    """The events matching the FTS5 query `match` (text_search.fts_match()) within `bounds`,
    each marked with whether it is in the bounds' regions (all are when there are none)."""
    connection = session.connection().info  # the TEMP table's owner: the DBAPI connection
    if connection.get(_IN_USE):
        raise RuntimeError("a connection holds one search's matches at a time")
    connection[_IN_USE] = True
    try:
        session.execute(_CREATE)
        session.execute(delete(_MATCHES))  # left by a view that failed before clearing them
        session.execute(_insert_matches(match, bounds))
        yield MatchSet(session, match)
        # Not after an error: the session's transaction may be unusable; its rollback drops
        # the rows anyway, and the next view starts by clearing them.
        session.execute(delete(_MATCHES))
    finally:
        connection.pop(_IN_USE, None)


def _insert_matches(match: str, bounds: SearchBounds) -> Insert:
    """INSERT … SELECT of the matches' keys, in FTS5's (key) order: the key range goes to FTS5
    itself; events are read only for the other conditions and for spans too long for a key."""
    found = fts_keys(match, bounds.first_key, bounds.last_key).subquery("found")
    key = found.c.search_key
    rows = select(key, _in_regions(key, bounds.region_codes)).select_from(found)
    if bounds.ends_from is not None:
        rows = rows.where(_ends_on_or_after(key, bounds.ends_from))
    if bounds.conditions:
        rows = rows.join(Event, Event.id == sk.event_id(key)).where(*bounds.conditions)
    return insert(_MATCHES).from_select(["search_key", "in_regions"], rows)


def _in_regions(key: ColumnElement[int], codes: Sequence[str] | None) -> ColumnElement[bool]:
    if codes is None:
        return true()
    link = EventRegion.event_id == sk.event_id(key)
    return exists().where(link, EventRegion.region_code.in_(codes))


def _ends_on_or_after(key: ColumnElement[int], day: date) -> ColumnElement[bool]:
    """The match ends on or after `day`: from its key, or from events for a span too long."""
    days = sk.span_days(key)
    end = key.bitwise_rshift(sk.DAY_SHIFT) + days
    long_ends = exists().where(Event.id == sk.event_id(key), Event.date_end >= day)
    return or_(
        and_(days < sk.LONG_SPAN, end >= day.toordinal()),
        and_(days == sk.LONG_SPAN, long_ends),
    )
