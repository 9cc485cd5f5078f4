"""Events as the timeline page lists them, read with two column queries instead of ORM objects.

A page lists 50 events with their regions and article. Building ORM objects for them (identity
map, relationship loaders, instrumented attributes that the template then reads one by one)
cost three times the queries themselves, and the page never changes what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Article, Event, EventRegion, Region


@dataclass(frozen=True, slots=True)
class ListedArticle:
    id: int
    title: str
    source: str | None
    published: date


@dataclass(frozen=True, slots=True)
class ListedEvent:
    """What a timeline row shows; attribute names as on the Event model, so that the same
    template macros render both."""

    id: int
    article_id: int
    date_start: date
    date_end: date
    precision: str
    date_value: str
    date_text: str | None
    evidence_text: str
    event_type: str
    sub_event_type: str
    reviewed: bool
    article: ListedArticle
    named_regions: tuple[tuple[str, str], ...]  # (code, name), ordered by code


_ROWS = select(
    Event.id,
    Event.article_id,
    Event.date_start,
    Event.date_end,
    Event.precision,
    Event.date_value,
    Event.date_text,
    Event.evidence_text,
    Event.event_type,
    Event.sub_event_type,
    Event.reviewed,
    Article.title,
    Article.source,
    Article.published,
).join(Article, Article.id == Event.article_id)

_REGIONS = (
    select(EventRegion.event_id, Region.code, Region.name)
    .join(Region, Region.code == EventRegion.region_code)
    .order_by(EventRegion.event_id, Region.code)
)


def listed_events(session: Session, ids: Sequence[int]) -> list[ListedEvent]:
    """The events of `ids` in the order given (ids that no longer exist are left out)."""
    if not ids:
        return []
    regions: dict[int, list[tuple[str, str]]] = {}
    for event_id, code, name in session.execute(_REGIONS.where(EventRegion.event_id.in_(ids))):
        regions.setdefault(event_id, []).append((code, name))
    by_id = {}
    for row in session.execute(_ROWS.where(Event.id.in_(ids))):
        by_id[row.id] = ListedEvent(
            id=row.id,
            article_id=row.article_id,
            date_start=row.date_start,
            date_end=row.date_end,
            precision=row.precision,
            date_value=row.date_value,
            date_text=row.date_text,
            evidence_text=row.evidence_text,
            event_type=row.event_type,
            sub_event_type=row.sub_event_type,
            reviewed=row.reviewed,
            article=ListedArticle(row.article_id, row.title, row.source, row.published),
            named_regions=tuple(regions.get(row.id, ())),
        )
    return [by_id[i] for i in ids if i in by_id]
