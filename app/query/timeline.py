"""Timeline queries: filtered, keyset-paged events; per-region counts; region hierarchy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
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


def expand_regions(session: Session, codes: Sequence[str]) -> list[str]:
    """The codes with all their descendants: filtering by UA includes every oblast of Ukraine."""
    children: dict[str | None, list[str]] = {}
    for code, parent in session.execute(select(Region.code, Region.parent_code)):
        children.setdefault(parent, []).append(code)
    result: list[str] = []
    stack = list(codes)
    while stack:
        code = stack.pop()
        if code not in result:
            result.append(code)
            stack.extend(children.get(code, ()))
    return result


def _search_condition(session: Session, q: str) -> ColumnElement[bool]:
    words = _WORD.findall(q)
    if session.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words) or '""'
        ids = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match").bindparams(
            match=match
        )
        return Event.id.in_(ids.columns(rowid=Event.id.type).scalar_subquery())  # type: ignore[attr-defined]
    return func.to_tsvector("english", Event.search_text).op("@@")(
        func.plainto_tsquery("english", " ".join(words))
    )


def _conditions(session: Session, f: EventFilter, *, skip_regions: bool = False) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.regions and not skip_regions:
        codes = expand_regions(session, f.regions)
        in_region = select(EventRegion.event_id).where(EventRegion.region_code.in_(codes))
        conditions.append(Event.id.in_(in_region))
    if f.date_from:
        conditions.append(Event.date_end >= f.date_from)
    if f.date_to:
        conditions.append(Event.date_start <= f.date_to)
    if f.event_type:
        conditions.append(Event.event_type == f.event_type)
    if f.source:
        conditions.append(Event.article_id.in_(select(Article.id).where(Article.source == f.source)))
    if f.q:
        conditions.append(_search_condition(session, f.q))
    return conditions


def events_query(session: Session, f: EventFilter) -> Select[tuple[Event]]:
    """Events matching the filter in chronological order (ties by id), without paging."""
    return (
        select(Event)
        .where(*_conditions(session, f))
        .order_by(Event.date_start, Event.id)
        .options(selectinload(Event.regions), selectinload(Event.article))
    )


def event_page(session: Session, f: EventFilter, size: int) -> EventPage:
    """One page of events after the filter's cursor; fetches one extra row to know if more follow."""
    query = events_query(session, f)
    if f.after:
        day, last_id = f.after
        query = query.where(or_(Event.date_start > day, and_(Event.date_start == day, Event.id > last_id)))
    rows = session.scalars(query.limit(size + 1)).all()
    more = len(rows) > size
    rows = rows[:size]
    next_after = f"{rows[-1].date_start.isoformat()}_{rows[-1].id}" if more and rows else None
    return EventPage(events=rows, next_after=next_after)


def count_events(session: Session, f: EventFilter) -> int:
    query = select(func.count()).select_from(Event).where(*_conditions(session, f))
    return session.scalar(query) or 0


def region_counts(session: Session, f: EventFilter) -> list[RegionCount]:
    """Events per region under the other active filters (a facet), most events first."""
    filtered = select(Event.id).where(*_conditions(session, f, skip_regions=True))
    query = (
        select(Region.code, Region.name, Region.parent_code, func.count(EventRegion.event_id))
        .join(EventRegion, EventRegion.region_code == Region.code)
        .where(EventRegion.event_id.in_(filtered))
        .group_by(Region.code, Region.name, Region.parent_code)
        .order_by(func.count(EventRegion.event_id).desc(), Region.name)
    )
    return [RegionCount(*row) for row in session.execute(query)]


def sources(session: Session) -> list[str]:
    query = select(Article.source).where(Article.source.is_not(None)).distinct().order_by(Article.source)
    return [s for s in session.scalars(query) if s]


def event_types(session: Session) -> list[str]:
    return list(session.scalars(select(Event.event_type).distinct().order_by(Event.event_type)))
