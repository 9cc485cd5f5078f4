"""Repository functions: Session in, models out; they flush, the caller (services) commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.extract.types import Event as ParsedEvent
from app.extract.types import ParsedArticle
from app.extract.types import Place as ParsedPlace
from app.extract.types import Region as ParsedRegion
from app.store.models import Article, Event, EventPlace, EventRegion, Place, Region


@dataclass(frozen=True)
class ArticleFields:
    """What the user tells us about an article besides its text."""

    title: str
    source: str | None
    url: str | None


def sync_regions(session: Session, regions: Iterable[ParsedRegion]) -> int:
    """Insert or update the region table from the gazetteer's region list; returns rows changed."""
    existing = {r.code: r for r in session.scalars(select(Region))}
    changed = 0
    ordered = sorted(regions, key=lambda r: (r.parent is not None, r.code))
    for region in ordered:
        row = existing.get(region.code)
        if row is None:
            session.add(Region(code=region.code, name=region.name, parent_code=region.parent))
            changed += 1
        elif (row.name, row.parent_code) != (region.name, region.parent):
            row.name, row.parent_code = region.name, region.parent
            changed += 1
    session.flush()
    return changed


def find_duplicate(session: Session, content_hash: str, url: str | None) -> Article | None:
    """An article already stored with the same normalised text or the same URL."""
    condition = Article.content_hash == content_hash
    if url:
        condition = or_(condition, Article.url == url)
    return session.scalars(select(Article).where(condition).limit(1)).first()


def add_parsed_article(
    session: Session,
    fields: ArticleFields,
    parsed: ParsedArticle,
    content_hash: str,
) -> Article:
    """Stage an article with all its events, regions and places; flushes, never commits."""
    article = Article(**article_values(fields, parsed, content_hash))
    session.add(article)
    place_cache: dict[tuple[str, str], Place] = {}
    for parsed_event in parsed.events:
        article.events.append(_event_row(session, parsed_event, fields.title, place_cache))
    session.flush()
    return article


# Column values of each stored row, shared by this ORM path and the bulk insert (store/bulk.py)
# so that both store exactly the same data.
def article_values(
    fields: ArticleFields, parsed: ParsedArticle, content_hash: str
) -> dict[str, Any]:
    return {
        "title": fields.title,
        "source": fields.source,
        "url": fields.url,
        "published": parsed.published,
        "published_inferred": parsed.published_inferred,
        "text": parsed.text,
        "content_hash": content_hash,
    }


def event_values(event: ParsedEvent, title: str) -> dict[str, Any]:
    """An event's columns except ids; search_text is what FTS5 / the tsvector index read."""
    return {
        "date_start": event.date.start,
        "date_end": event.date.end,
        "precision": event.date.precision,
        "date_value": event.date.value,
        "date_text": event.timex.span.text if event.timex else None,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "summary": event.summary,
        "confidence": event.confidence,
        "reviewed": False,
        "search_text": f"{event.evidence.text}\n{title}",
    }


def event_region_codes(event: ParsedEvent) -> list[str]:
    return list(dict.fromkeys(region.code for region in event.regions))


def place_key(place: ParsedPlace) -> tuple[str, str]:
    """What a stored place is found by (its unique index): name and region code."""
    return place.name, place.region.code


def place_values(place: ParsedPlace) -> dict[str, Any]:
    return {
        "name": place.name,
        "region_code": place.region.code,
        "kind": place.kind,
        "lat": place.lat,
        "lon": place.lon,
    }


def distinct_place_mentions(event: ParsedEvent) -> list[ParsedPlace]:
    """The first mention of each place in an event: an event links a place once."""
    first: dict[tuple[str, str], ParsedPlace] = {}
    for mention in event.places:
        first.setdefault(place_key(mention), mention)
    return list(first.values())


def mention_values(mention: ParsedPlace) -> dict[str, Any]:
    """An event_places row's columns besides the event and place ids."""
    return {
        "mention_start": mention.span.start,
        "mention_end": mention.span.end,
        "mention_text": mention.span.text[:200],
        "geo_precision": mention.geo_precision,
    }


def _event_row(
    session: Session, event: ParsedEvent, title: str, place_cache: dict[tuple[str, str], Place]
) -> Event:
    row = Event(**event_values(event, title))
    row.regions = [EventRegion(region_code=code) for code in event_region_codes(event)]
    for mention in distinct_place_mentions(event):
        place = _place_row(session, mention, place_cache)
        row.places.append(EventPlace(place=place, place_id=place.id, **mention_values(mention)))
    return row


def _place_row(session: Session, place: ParsedPlace, cache: dict[tuple[str, str], Place]) -> Place:
    key = place_key(place)
    if key in cache:
        return cache[key]
    row = session.scalars(
        select(Place).where(Place.name == place.name, Place.region_code == place.region.code)
    ).first()
    if row is None:
        row = _insert_place(session, place)
    cache[key] = row
    return row


def _insert_place(session: Session, place: ParsedPlace) -> Place:
    code = place.region.code
    row = Place(**place_values(place))
    if session.get_bind().dialect.name == "sqlite":  # one writer at a time: no race to lose
        session.add(row)
        session.flush()
        return row
    try:
        with session.begin_nested():  # a savepoint: losing the race keeps the article's work
            session.add(row)
    except IntegrityError:
        # Another process stored the same place since we looked (several workers, one database).
        existing = select(Place).where(Place.name == place.name, Place.region_code == code)
        return session.scalars(existing).one()
    return row


def get_article(session: Session, article_id: int) -> Article | None:
    """One article with its events, their regions and places loaded."""
    return session.scalars(
        select(Article)
        .where(Article.id == article_id)
        .options(selectinload(Article.events).selectinload(Event.regions))
        .options(selectinload(Article.events).selectinload(Event.places))
    ).first()


def list_articles(session: Session, limit: int, before_id: int | None = None) -> Sequence[Article]:
    """Newest first, keyset-paged by id."""
    query = select(Article).order_by(Article.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(Article.id < before_id)
    return session.scalars(query).all()


def count_articles(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Article)) or 0
