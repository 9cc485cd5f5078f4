"""An EventFilter as SQL WHERE terms on events (every query of the timeline starts here)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.query import count_tables as counts
from app.query.filters import EventFilter
from app.query.regions import expand_regions
from app.query.text_search import is_sqlite, search_condition
from app.store.models import Article, Event, EventRegion


def _in_regions(codes: Sequence[str], *, correlated: bool) -> ColumnElement[bool]:
    """Paging walks the date index and probes event_regions per row (EXISTS), stopping after a
    page; counting instead reads all the region's links once (IN). Both are index-only."""
    if correlated:
        link = EventRegion.event_id == Event.id
        return select(EventRegion.event_id).where(link, EventRegion.region_code.in_(codes)).exists()
    return Event.id.in_(select(EventRegion.event_id).where(EventRegion.region_code.in_(codes)))


def filter_conditions(
    session: Session,
    f: EventFilter,
    *,
    skip_regions: bool = False,
    correlated: bool = False,
) -> list[ColumnElement[bool]]:
    """The filter as WHERE terms on events; `correlated` pages in date order (see _in_regions);
    otherwise the planner may start from the region list."""
    conditions: list[ColumnElement[bool]] = []
    if f.regions and not skip_regions:
        codes = expand_regions(session, f.regions)
        conditions.append(_in_regions(codes, correlated=correlated))
    if f.date_from:
        conditions.append(Event.date_end >= f.date_from)
        if is_sqlite(session):  # the same events, as an index range (see the function)
            first_start = counts.first_start_ending_after(session, f.date_from)
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
        conditions.append(search_condition(session, f.q))
    return conditions
