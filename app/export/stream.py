"""Stream filtered events and their articles out of the database in batches, in constant memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.query.filters import EventFilter
from app.query.timeline import events_query
from app.store.models import Article, Event

BATCH = 500  # rows per round trip; each batch's related rows come in one more query
CHUNK_CHARS = 64_000  # text handed to the HTTP response or file at a time


@dataclass(frozen=True)
class Where:
    """An event's most precise location: a region (admin1), maybe a place with coordinates."""

    country: str
    admin1: str
    admin1_code: str
    location: str
    lat: float | None
    lon: float | None
    geo_precision: str


def iter_events(session: Session, f: EventFilter) -> Iterator[Event]:
    """Events matching the filter in timeline order, fetched BATCH at a time.

    yield_per makes PostgreSQL use a server-side cursor and keeps SQLite's rows unbuffered; the
    session's identity map only holds weak references, so finished batches are freed.
    """
    query = events_query(session, f).options(selectinload(Event.places))
    query = query.execution_options(yield_per=BATCH)
    yield from session.scalars(query)


def iter_articles(
    session: Session, f: EventFilter, *, all_articles: bool = False
) -> Iterator[Article]:
    """Articles with at least one matching event (or every article), oldest first."""
    query = select(Article).order_by(Article.published, Article.id)
    if not all_articles:
        ids = events_query(session, f).with_only_columns(Event.article_id).order_by(None)
        query = query.where(Article.id.in_(ids))
    yield from session.scalars(query.execution_options(yield_per=BATCH))


def chunked(pieces: Iterable[str], size: int = CHUNK_CHARS) -> Iterator[str]:
    """Join small strings into chunks of about `size` characters (fewer, larger writes)."""
    buffer: list[str] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def where(event: Event) -> Where:
    """The event's subdivision (the first code like UA-09) and its first located place."""
    regions = [link.region for link in event.regions]
    sub = next((r for r in regions if "-" in r.code), None)
    country = sub.code.split("-")[0] if sub else (regions[0].code if regions else "")
    located = [p for p in event.places if p.place.lat is not None and p.place.lon is not None]
    mention = located[0] if located else (event.places[0] if event.places else None)
    place = mention.place if mention else None
    return Where(
        country=country,
        admin1=sub.name if sub else "",
        admin1_code=sub.code if sub else "",
        location=place.name if place else (sub.name if sub else ""),
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=mention.geo_precision if mention else ("region" if sub else ""),
    )


def coordinates(event: Event) -> list[tuple[float, float]]:
    """(lon, lat) of every distinct located place the event mentions."""
    points = [(p.place.lon, p.place.lat) for p in event.places]
    return list(dict.fromkeys((x, y) for x, y in points if x is not None and y is not None))
