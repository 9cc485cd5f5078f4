"""Timeline queries: filtered, keyset-paged events; per-region counts; region hierarchy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import ColumnElement, Float, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from app.query.filters import EventFilter
from app.store.models import Article, Event, EventRegion, Region

_WORD = re.compile(r"\w+", re.UNICODE)


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


def _search_condition(session: Session, q: str) -> ColumnElement[bool]:
    words = _WORD.findall(q)
    if session.get_bind().dialect.name == "sqlite":
        match = _fts_match(words)
        ids = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match").bindparams(
            match=match
        )
        return Event.id.in_(ids.columns(rowid=Event.id.type).scalar_subquery())
    return func.to_tsvector("english", Event.search_text).op("@@")(
        func.plainto_tsquery("english", " ".join(words))
    )


def _in_regions(codes: Sequence[str], *, correlated: bool) -> ColumnElement[bool]:
    """Paging walks the date index and probes event_regions per row (EXISTS), stopping after a
    page; counting instead reads all the region's links once (IN). Both are index-only."""
    if correlated:
        link = EventRegion.event_id == Event.id
        return select(EventRegion.event_id).where(link, EventRegion.region_code.in_(codes)).exists()
    return Event.id.in_(select(EventRegion.event_id).where(EventRegion.region_code.in_(codes)))


def _conditions(
    session: Session, f: EventFilter, *, skip_regions: bool = False, correlated: bool = False
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.regions and not skip_regions:
        codes = expand_regions(session, f.regions)
        conditions.append(_in_regions(codes, correlated=correlated))
    if f.date_from:
        conditions.append(Event.date_end >= f.date_from)
    if f.date_to:
        conditions.append(Event.date_start <= f.date_to)
    if f.event_type:
        conditions.append(Event.event_type == f.event_type)
    if f.source:
        conditions.append(
            Event.article_id.in_(select(Article.id).where(Article.source == f.source))
        )
    if f.q:
        conditions.append(_search_condition(session, f.q))
    return conditions


def events_query(session: Session, f: EventFilter) -> Select[Event]:
    """Events matching the filter in chronological order (ties by id), without paging."""
    return (
        select(Event)
        .where(*_conditions(session, f, correlated=True))
        .order_by(Event.date_start, Event.id)
        .options(selectinload(Event.regions), selectinload(Event.article))
    )


def event_page(session: Session, f: EventFilter, size: int) -> EventPage:
    """One page after the filter's cursor; fetches one extra row to know if more follow."""
    query = events_query(session, f)
    if f.after:
        day, last_id = f.after
        query = query.where(
            or_(Event.date_start > day, and_(Event.date_start == day, Event.id > last_id))
        )
    rows = session.scalars(query.limit(size + 1)).all()
    more = len(rows) > size
    rows = rows[:size]
    next_after = f"{rows[-1].date_start.isoformat()}_{rows[-1].id}" if more and rows else None
    return EventPage(events=rows, next_after=next_after)


def count_events(session: Session, f: EventFilter) -> int:
    query = select(func.count()).select_from(Event).where(*_conditions(session, f))
    return session.scalar(query) or 0


def region_counts(session: Session, f: EventFilter) -> list[RegionCount]:
    """Events per region under the other active filters (a facet), most events first.

    Counts come straight from the event_regions index; events are only consulted when other
    filters are active, so the unfiltered facet over 100k events is one index scan.
    """
    conditions = _conditions(session, f, skip_regions=True)
    query = select(EventRegion.region_code, func.count()).group_by(EventRegion.region_code)
    if conditions:
        query = query.where(EventRegion.event_id.in_(select(Event.id).where(*conditions)))
    regions = {code: (name, parent) for code, name, parent in session.execute(_REGION_ROWS)}
    counts = [
        RegionCount(code, *regions.get(code, (code, None)), count)
        for code, count in session.execute(query)
    ]
    return sorted(counts, key=lambda r: (-r.count, r.name))


_REGION_ROWS = select(Region.code, Region.name, Region.parent_code)


def date_span_counts(session: Session, f: EventFilter) -> list[tuple[date, date, int]]:
    """Matching events grouped by (date_start, date_end): the chart's input; the counts sum to
    the number of matching events, so the chart, the total and the list agree."""
    query = (
        select(Event.date_start, Event.date_end, func.count())
        .where(*_conditions(session, f))
        .group_by(Event.date_start, Event.date_end)
    )
    return [(start, end, count) for start, end, count in session.execute(query)]


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
