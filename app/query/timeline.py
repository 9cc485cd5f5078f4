"""Timeline queries: filtered, keyset-paged events; chart spans; per-region counts.

The chart and facets come from SQLite's count tables when no text, type or source filter is
active (count_tables.py); a text search's page view gathers its matches once (match_set.py,
through matching()); everything else, and PostgreSQL, counts the events live.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

from sqlalchemy import Float, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, defer, selectinload

from app.query import count_tables as counts
from app.query import search_key as sk
from app.query.conditions import filter_conditions
from app.query.count_tables import Span
from app.query.filters import EventFilter
from app.query.listing import ListedEvent, listed_events
from app.query.match_set import MatchSet, SearchBounds, gather
from app.query.regions import RegionCount, expand_regions, named_counts
from app.query.text_search import (
    fts_match,
    is_sqlite,
    postgres_rank,
    search_words,
)
from app.store.models import Article, Event, EventRegion

E = TypeVar("E", Event, ListedEvent)


@dataclass(frozen=True)
class EventPage(Generic[E]):
    events: Sequence[E]  # Event objects (JSON API) or ListedEvent rows (the page)
    next_after: str | None  # cursor for the next page, or None on the last page


def events_query(session: Session, f: EventFilter) -> Select[Event]:
    """Events matching the filter in chronological order (ties by id), without paging."""
    return (
        select(Event)
        .where(*filter_conditions(session, f, correlated=True))
        .order_by(Event.date_start, Event.id)
        .options(selectinload(Event.regions), selectinload(Event.article))
    )


def event_page(
    session: Session, f: EventFilter, size: int, spans: Sequence[Span] | None = None
) -> EventPage[Event]:
    """One page of events after the filter's cursor (see _page_ids)."""
    return _page_of(session, _page_ids(session, f, size, spans), size, _events_by_id)


def _page_ids(
    session: Session, f: EventFilter, size: int, spans: Sequence[Span] | None
) -> list[int]:
    """The ids of one page after the filter's cursor, and one more to know if more follow.

    With the filter's `spans` (when the caller has them, as the timeline page does) the page
    is confined to the dates where its events must start, and the plan is picked from how
    many events those dates hold: walking them in date order when they are few, else starting
    from the region or text-match lists. The page's ids come first from the narrow indexes,
    then only those events are loaded.
    """
    if spans is None:  # regions probed along the date index; text matches as the planner likes
        conditions = filter_conditions(session, f, correlated=True)
    else:
        window = page_window(spans, f.after[0] if f.after else None, size)
        if window is None:
            return []
        first, last = window
        walk = _walk_is_cheaper(session, first, last, sum(count for _, _, count in spans), size)
        conditions = filter_conditions(session, f, correlated=walk)
        conditions += [Event.date_start >= first, Event.date_start <= last]
    if f.after:
        day, last_id = f.after
        conditions.append(
            or_(Event.date_start > day, and_(Event.date_start == day, Event.id > last_id))
        )
    ids_query = select(Event.id).where(*conditions).order_by(Event.date_start, Event.id)
    return list(session.scalars(ids_query.limit(size + 1)))


def _page_of(
    session: Session,
    ids: Sequence[int],
    size: int,
    load: Callable[[Session, Sequence[int]], list[E]],
) -> EventPage[E]:
    """The events of up to `size` + 1 ids in page order: the extra one says more follow."""
    more = len(ids) > size
    rows = load(session, ids[:size])
    next_after = f"{rows[-1].date_start.isoformat()}_{rows[-1].id}" if more and rows else None
    return EventPage(events=rows, next_after=next_after)


def page_window(spans: Sequence[Span], after: date | None, size: int) -> tuple[date, date] | None:
    """The first and last date_start a page of `size` + 1 matches after `after` can have, from
    the matches' spans: from the first start on or after the cursor's day to the day by which
    more than `size` matches have started (matches on the cursor's own day are not counted,
    as some of them precede the cursor). None when no match starts on or after the cursor."""
    per_day: dict[date, int] = {}
    for start, _, count in spans:
        if after is None or start >= after:
            per_day[start] = per_day.get(start, 0) + count
    if not per_day:
        return None
    days = sorted(per_day)
    started = 0
    for day in days:
        started += 0 if day == after else per_day[day]
        if started > size:
            return days[0], day
    return days[0], days[-1]


def _walk_is_cheaper(session: Session, first: date, last: date, matches: int, size: int) -> bool:
    """Whether to walk every event starting in [first, last] in date order rather than start
    from the match lists (at least `matches` rows, then sorted). SQLite counts the walk from
    its span counts; PostgreSQL estimates selectivity itself, and keeps the walk's plan."""
    if not is_sqlite(session):
        return True
    walked = counts.events_starting_between(session, first, last)
    return walked <= max(4 * matches, 20 * (size + 1))


# What the JSON API shows of an event beside its columns: its regions and places (loaded for
# the whole page at once, not per event); not its search text.
_API_ROW = (selectinload(Event.regions), selectinload(Event.places), defer(Event.search_text))


def _events_by_id(session: Session, ids: Sequence[int]) -> list[Event]:
    """The events of `ids` in the order given."""
    if not ids:
        return []
    query = select(Event).where(Event.id.in_(ids)).options(*_API_ROW)
    by_id = {event.id: event for event in session.scalars(query)}
    return [by_id[i] for i in ids if i in by_id]


def count_events(session: Session, f: EventFilter) -> int:
    if _counted(session, f) is not None:
        return sum(count for _, _, count in date_span_counts(session, f))
    query = select(func.count()).select_from(Event).where(*filter_conditions(session, f))
    return session.scalar(query) or 0


def _counted(session: Session, f: EventFilter, *, skip_regions: bool = False) -> str | None:
    """Which count table answers the filter's counts: "" for all events, a region code for one
    region, None when events must be read (PostgreSQL; a text, type or source filter; several
    regions, where an event in two of them must still count once)."""
    if not is_sqlite(session) or f.q or f.event_type or f.source:
        return None
    if skip_regions or not f.regions:
        return ""
    codes = expand_regions(session, f.regions)
    return codes[0] if len(codes) == 1 else None


def region_counts(session: Session, f: EventFilter) -> list[RegionCount]:
    """Events per region under the other active filters (a facet), most events first.

    On SQLite without a text, type or source filter the counts are sums over the region-span
    count table. Otherwise they come from the event_regions index, limited to the events
    matching the other filters when any are active.
    """
    query: Select[str, int]
    if _counted(session, f, skip_regions=True) is not None:
        query = counts.counted_region_totals(f)
    else:
        query = select(EventRegion.region_code, func.count()).group_by(EventRegion.region_code)
        if replace(f, regions=()).active:
            query = query.where(EventRegion.event_id.in_(_matching_ids(session, f)))
    return named_counts(session, [(code, count) for code, count in session.execute(query)])


def date_span_counts(session: Session, f: EventFilter) -> list[Span]:
    """Matching events grouped by (date_start, date_end): the chart's input; the counts sum to
    the number of matching events, so the chart, the total and the list agree."""
    code = _counted(session, f)
    if code is not None:
        return counts.counted_spans(session, f, code)
    start, end = counts.raw_day(Event.date_start, "start"), counts.raw_day(Event.date_end, "end")
    query = (
        select(start, end, func.count())
        .where(*filter_conditions(session, f))
        .group_by(Event.date_start, Event.date_end)
    )
    return counts.spans_of(session.execute(query))


def _matching_ids(session: Session, f: EventFilter) -> Select[int]:
    """Ids of the events matching every filter but the regions (a SQLite search's view gathers
    them once instead: match_set.py)."""
    return select(Event.id).where(*filter_conditions(session, f, skip_regions=True))


_FTS_ID = f"((rowid >> {sk.ID_SHIFT}) & {sk.ID_MASK})"  # the event id of a search key


def best_matches(session: Session, f: EventFilter, limit: int = 5) -> list[ListedEvent]:
    """The `limit` events that match the text search best (FTS5 bm25 rank, or ts_rank on
    PostgreSQL) under all the other filters; empty without a search."""
    if not search_words(f.q):
        return []
    if is_sqlite(session):
        fts = text(f"SELECT {_FTS_ID} AS id, rank FROM events_fts WHERE events_fts MATCH :match")
        ranked = (
            fts.bindparams(match=fts_match(f.q))
            .columns(id=Event.id.type, rank=Float)
            .subquery("ranked")
        )
        query = (
            select(Event.id).join(ranked, ranked.c.id == Event.id).order_by(ranked.c.rank, Event.id)
        )
        f = replace(f, q="")  # the join already searches
    else:
        query = select(Event.id).order_by(postgres_rank(f.q).desc(), Event.id)
    query = query.where(*filter_conditions(session, f)).limit(limit)
    return listed_events(session, list(session.scalars(query)))


class TimelineMatches:
    """The events matching one filter, as a timeline view shows them: chart spans, a page,
    region facets and the best-ranked matches. Each method answers as the module function of
    the same name, from the gathered matches of a search when there are some (matching()); the
    events come as ListedEvent rows, which is all a page shows of them."""

    def __init__(self, session: Session, f: EventFilter, gathered: MatchSet | None) -> None:
        self._session = session
        self._filter = f
        self._gathered = gathered

    def date_span_counts(self) -> list[Span]:
        if self._gathered is None:
            return date_span_counts(self._session, self._filter)
        return self._gathered.spans()

    def event_page(self, size: int, spans: Sequence[Span] | None = None) -> EventPage[ListedEvent]:
        if self._gathered is None:
            ids = _page_ids(self._session, self._filter, size, spans)
        else:
            ids = self._gathered.page_ids(self._filter.after, size + 1)
        return _page_of(self._session, ids, size, listed_events)

    def region_counts(self) -> list[RegionCount]:
        if self._gathered is None:
            return region_counts(self._session, self._filter)
        return named_counts(self._session, self._gathered.region_totals())

    def best_matches(self, limit: int = 5) -> list[ListedEvent]:
        if self._gathered is None:
            return best_matches(self._session, self._filter, limit)
        return listed_events(self._session, self._gathered.ranked_ids(limit))


@contextmanager
def matching(session: Session, f: EventFilter) -> Iterator[TimelineMatches]:
    """The filter's matches for one view; on SQLite a text search's matches are gathered once
    (see match_set.py) and released when the block ends. The session must not commit inside
    the block: its connection, which holds the gathered matches, could change."""
    if not (f.q and is_sqlite(session)):
        yield TimelineMatches(session, f, None)
        return
    with gather(session, fts_match(f.q), _search_bounds(session, f)) as gathered:
        yield TimelineMatches(session, f, gathered)


def _search_bounds(session: Session, f: EventFilter) -> SearchBounds:
    """A SQLite search's filters besides its words: its dates as a range of search keys (the
    events that end on or after `from` start on or after the first day such an event starts),
    its regions, and its type and source as conditions on events."""
    first_key = last_key = None
    if f.date_from:
        first_start = counts.first_start_ending_after(session, f.date_from)
        if first_start is None:  # no event ends that late: a key range that holds nothing
            first_key, last_key = sk.NO_KEYS
        else:
            first_key = sk.first_key(first_start)
    if f.date_to and last_key is None:
        last_key = sk.last_key(f.date_to)
    others = replace(f, q="", date_from=None, date_to=None)
    return SearchBounds(
        first_key=first_key,
        last_key=last_key,
        ends_from=f.date_from,
        region_codes=expand_regions(session, f.regions) if f.regions else None,
        conditions=filter_conditions(session, others, skip_regions=True),
    )


def sources(session: Session) -> list[str]:
    query = (
        select(Article.source)
        .where(Article.source.is_not(None))
        .distinct()
        .order_by(Article.source)
    )
    return [s for s in session.scalars(query) if s]


def event_types(session: Session) -> list[str]:
    return list(session.scalars(select(Event.event_type).distinct().order_by(Event.event_type)))
