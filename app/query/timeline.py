"""Timeline queries: filtered, keyset-paged events; per-region counts; region hierarchy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Date,
    Float,
    Integer,
    Select,
    String,
    and_,
    column,
    func,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session, selectinload

from app.query.filters import EventFilter
from app.store.models import Article, Event, EventRegion, Region

_WORD = re.compile(r"\w+", re.UNICODE)

# Events per (date_start, date_end), overall and per region, kept by SQLite triggers (migration
# 0004; PostgreSQL has no such tables). They answer the chart and the facets without reading
# events whenever no text, type or source filter is active.
_SPAN_COUNTS = table(
    "timeline_span_counts",
    column("date_start", Date),
    column("date_end", Date),
    column("n", Integer),
)
_REGION_SPAN_COUNTS = table(
    "timeline_region_span_counts",
    column("region_code", String),
    column("date_start", Date),
    column("date_end", Date),
    column("n", Integer),
)


Span = tuple[date, date, int]  # (date_start, date_end, matching events): see date_span_counts


@dataclass(frozen=True)
class EventPage:
    events: Sequence[Event]
    next_after: str | None  # cursor for the next page, or None on the last page


@dataclass(frozen=True)
class RegionCount:
    code: str
    name: str
    parent_code: str | None
    count: int


def region_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(Region.code, Region.name))}


def _region_children(session: Session) -> dict[str | None, list[str]]:
    """parent → child codes, read once per session (a page asks for it several times)."""
    cached: dict[str | None, list[str]] | None = session.info.get("region_children")
    if cached is None:
        cached = {}
        for code, parent in session.execute(select(Region.code, Region.parent_code)):
            cached.setdefault(parent, []).append(code)
        session.info["region_children"] = cached
    return cached


def _first_start_ending_after(session: Session, day: date) -> date | None:
    """The earliest date_start of the events ending on or after `day` (SQLite's span counts).

    "Ends on or after `day`" cannot use the date_start index; adding "starts on or after
    this date" (true of the same events) turns it into an index range, so a six-month filter
    reads about six months of events rather than every event since the first one.
    """
    if not _is_sqlite(session):
        return None
    t = _SPAN_COUNTS.c
    first: date | None = session.scalar(
        select(func.min(t.date_start)).where(t.date_end >= day, t.n > 0)
    )
    return first


def expand_regions(session: Session, codes: Sequence[str]) -> list[str]:
    """The codes with all their descendants: filtering by UA includes every oblast of Ukraine."""
    children = _region_children(session)
    result: list[str] = []
    stack = list(codes)
    while stack:
        code = stack.pop()
        if code not in result:
            result.append(code)
            stack.extend(children.get(code, ()))
    return result


def _fts_match(words: Sequence[str]) -> str:
    """An FTS5 query matching every word, each quoted so user text is never FTS syntax."""
    return " ".join(f'"{w}"' for w in words) or '""'


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _fts_ids(q: str) -> Select[int]:
    """Ids of the events whose text matches every word of `q` (SQLite's FTS5 index)."""
    match = _fts_match(_WORD.findall(q))
    ids = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match").bindparams(match=match)
    return select(ids.columns(rowid=Event.id.type).subquery().c.rowid)


def _search_condition(session: Session, q: str, *, walk: bool = False) -> ColumnElement[bool]:
    """Events matching the text search. With `walk`, SQLite is kept from driving the query from
    the list of matches (it cannot estimate its length): `id + 0` cannot use an index, so a
    page of many matches walks the date index and stops after a page instead of fetching and
    sorting every match."""
    if _is_sqlite(session):
        key = Event.id + 0 if walk else Event.id
        return key.in_(_fts_ids(q).scalar_subquery())
    return func.to_tsvector("english", Event.search_text).op("@@")(
        func.plainto_tsquery("english", " ".join(_WORD.findall(q)))
    )


def _in_regions(codes: Sequence[str], *, correlated: bool) -> ColumnElement[bool]:
    """Paging walks the date index and probes event_regions per row (EXISTS), stopping after a
    page; counting instead reads all the region's links once (IN). Both are index-only."""
    if correlated:
        link = EventRegion.event_id == Event.id
        return select(EventRegion.event_id).where(link, EventRegion.region_code.in_(codes)).exists()
    return Event.id.in_(select(EventRegion.event_id).where(EventRegion.region_code.in_(codes)))


def _conditions(
    session: Session,
    f: EventFilter,
    *,
    skip_regions: bool = False,
    correlated: bool = False,
    walk: bool = False,
) -> list[ColumnElement[bool]]:
    """The filter as WHERE terms on events; `correlated` and `walk` page in date order (see
    _in_regions and _search_condition); otherwise the planner may start from the region or
    text-match lists."""
    conditions: list[ColumnElement[bool]] = []
    if f.regions and not skip_regions:
        codes = expand_regions(session, f.regions)
        conditions.append(_in_regions(codes, correlated=correlated))
    if f.date_from:
        conditions.append(Event.date_end >= f.date_from)
        first_start = _first_start_ending_after(session, f.date_from)
        if first_start is not None:
            conditions.append(Event.date_start >= first_start)
    if f.date_to:
        conditions.append(Event.date_start <= f.date_to)
    if f.event_type:
        conditions.append(Event.event_type == f.event_type)
    if f.source:
        conditions.append(
            Event.article_id.in_(select(Article.id).where(Article.source == f.source))
        )
    if f.q:
        conditions.append(_search_condition(session, f.q, walk=walk))
    return conditions


def events_query(session: Session, f: EventFilter) -> Select[Event]:
    """Events matching the filter in chronological order (ties by id), without paging."""
    return (
        select(Event)
        .where(*_conditions(session, f, correlated=True))
        .order_by(Event.date_start, Event.id)
        .options(selectinload(Event.regions), selectinload(Event.article))
    )


def event_page(
    session: Session, f: EventFilter, size: int, spans: Sequence[Span] | None = None
) -> EventPage:
    """One page after the filter's cursor; fetches one extra row to know if more follow.

    With the filter's `spans` (when the caller has them, as the timeline page does) the page
    is confined to the dates where its events must start, and the plan is picked from how
    many events those dates hold: walking them in date order when they are few, else starting
    from the region or text-match lists. The page's ids come first from the narrow indexes,
    then only those events are loaded.
    """
    if spans is None:  # regions probed along the date index; text matches as the planner likes
        conditions = _conditions(session, f, correlated=True)
    else:
        window = page_window(spans, f.after[0] if f.after else None, size)
        if window is None:
            return EventPage(events=[], next_after=None)
        first, last = window
        walk = _walk_is_cheaper(session, first, last, sum(count for _, _, count in spans), size)
        conditions = _conditions(session, f, correlated=walk, walk=walk)
        conditions += [Event.date_start >= first, Event.date_start <= last]
    if f.after:
        day, last_id = f.after
        conditions.append(
            or_(Event.date_start > day, and_(Event.date_start == day, Event.id > last_id))
        )
    ids_query = select(Event.id).where(*conditions).order_by(Event.date_start, Event.id)
    ids = list(session.scalars(ids_query.limit(size + 1)))
    more = len(ids) > size
    rows = _events_by_id(session, ids[:size])
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
    if not _is_sqlite(session):
        return True
    t = _SPAN_COUNTS.c
    in_window = select(func.coalesce(func.sum(t.n), 0)).where(
        t.date_start >= first, t.date_start <= last
    )
    return (session.scalar(in_window) or 0) <= max(4 * matches, 20 * (size + 1))


def _events_by_id(session: Session, ids: Sequence[int]) -> list[Event]:
    if not ids:
        return []
    query = (
        select(Event)
        .where(Event.id.in_(ids))
        .order_by(Event.date_start, Event.id)
        .options(selectinload(Event.regions), selectinload(Event.article))
    )
    return list(session.scalars(query))


def count_events(session: Session, f: EventFilter) -> int:
    if _counted(session, f) is not None:
        return sum(count for _, _, count in date_span_counts(session, f))
    query = select(func.count()).select_from(Event).where(*_conditions(session, f))
    return session.scalar(query) or 0


def _counted(session: Session, f: EventFilter, *, skip_regions: bool = False) -> str | None:
    """Which count table answers the filter's counts: "" for all events, a region code for one
    region, None when events must be read (PostgreSQL; a text, type or source filter; several
    regions, where an event in two of them must still count once)."""
    if not _is_sqlite(session) or f.q or f.event_type or f.source:
        return None
    if skip_regions or not f.regions:
        return ""
    codes = expand_regions(session, f.regions)
    return codes[0] if len(codes) == 1 else None


def _date_bounds(
    date_start: ColumnElement[date], date_end: ColumnElement[date], f: EventFilter
) -> list[ColumnElement[bool]]:
    bounds: list[ColumnElement[bool]] = []
    if f.date_from:
        bounds.append(date_end >= f.date_from)
    if f.date_to:
        bounds.append(date_start <= f.date_to)
    return bounds


def region_counts(session: Session, f: EventFilter) -> list[RegionCount]:
    """Events per region under the other active filters (a facet), most events first.

    On SQLite without a text, type or source filter the counts are sums over the region-span
    count table (~33,000 rows at 100k events). Otherwise they come from the event_regions
    index, limited to the events matching the other filters when any are active.
    """
    query: Select[str, int]
    if _counted(session, f, skip_regions=True) is not None:
        t = _REGION_SPAN_COUNTS.c
        query = (
            select(t.region_code, func.sum(t.n))
            .where(*_date_bounds(t.date_start, t.date_end, f))
            .group_by(t.region_code)
            .having(func.sum(t.n) > 0)
        )
    else:
        query = select(EventRegion.region_code, func.count()).group_by(EventRegion.region_code)
        if replace(f, regions=()).active:
            query = query.where(EventRegion.event_id.in_(_matching_ids(session, f)))
    regions = {code: (name, parent) for code, name, parent in session.execute(_REGION_ROWS)}
    counts = [
        RegionCount(code, *regions.get(code, (code, None)), count)
        for code, count in session.execute(query)
    ]
    return sorted(counts, key=lambda r: (-r.count, r.name))


_REGION_ROWS = select(Region.code, Region.name, Region.parent_code)


def date_span_counts(session: Session, f: EventFilter) -> list[Span]:
    """Matching events grouped by (date_start, date_end): the chart's input; the counts sum to
    the number of matching events, so the chart, the total and the list agree."""
    code = _counted(session, f)
    query: Select[date, date, int]
    if code is None:
        query = (
            select(Event.date_start, Event.date_end, func.count())
            .where(*_conditions(session, f))
            .group_by(Event.date_start, Event.date_end)
        )
    else:
        t = _REGION_SPAN_COUNTS.c if code else _SPAN_COUNTS.c
        query = select(t.date_start, t.date_end, t.n).where(
            t.n > 0, *_date_bounds(t.date_start, t.date_end, f)
        )
        if code:
            query = query.where(_REGION_SPAN_COUNTS.c.region_code == code)
    return [(start, end, count) for start, end, count in session.execute(query).all()]


def _matching_ids(session: Session, f: EventFilter) -> Select[int]:
    """Ids of the events matching every filter but the regions. A text search alone needs no
    visit to events: the FTS5 match list is the answer."""
    if f.q and _is_sqlite(session) and not (f.date_from or f.date_to or f.event_type or f.source):
        return _fts_ids(f.q)
    return select(Event.id).where(*_conditions(session, f, skip_regions=True))


def best_matches(session: Session, f: EventFilter, limit: int = 5) -> list[Event]:
    """The `limit` events that match the text search best (FTS5 bm25 rank, or ts_rank on
    PostgreSQL) under all the other filters; empty without a search."""
    words = _WORD.findall(f.q)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        match = _fts_match(words)
        fts = text("SELECT rowid AS id, rank FROM events_fts WHERE events_fts MATCH :match")
        ranked = (
            fts.bindparams(match=match).columns(id=Event.id.type, rank=Float).subquery("ranked")
        )
        query = (
            select(Event).join(ranked, ranked.c.id == Event.id).order_by(ranked.c.rank, Event.id)
        )
        f = replace(f, q="")  # the join already searches
    else:
        tsquery = func.plainto_tsquery("english", " ".join(words))
        rank = func.ts_rank(func.to_tsvector("english", Event.search_text), tsquery)
        query = select(Event).order_by(rank.desc(), Event.id)
    query = query.where(*_conditions(session, f)).limit(limit)
    options = (selectinload(Event.regions), selectinload(Event.article))
    return list(session.scalars(query.options(*options)))


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
