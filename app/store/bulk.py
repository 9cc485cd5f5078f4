"""Bulk insert of extracted articles with SQLAlchemy Core: one executemany per table and batch.

The ORM path (repo.add_parsed_article) stages an object per row and flushes them in many small
statements; at 10,000 articles that capped the writer near 75 articles/s. Here a whole batch of
articles becomes a handful of statements, several hundred articles/s on SQLite and PostgreSQL.
Both paths take their column values from the same repo helpers, so they store the same rows,
and the FTS5 triggers / tsvector index see the same search_text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError

from app.extract.types import Event as ParsedEvent
from app.extract.types import ParsedArticle
from app.store import repo
from app.store.models import Article, AuditEntry, Base, Event, EventPlace, EventRegion, Place

PlaceKey = tuple[str, str]  # (name, region code): the unique index places are found by

# The models' tables, typed as Table for Core statements.
_ARTICLES = Base.metadata.tables[Article.__tablename__]
_EVENTS = Base.metadata.tables[Event.__tablename__]
_EVENT_REGIONS = Base.metadata.tables[EventRegion.__tablename__]
_AUDIT = Base.metadata.tables[AuditEntry.__tablename__]
_EVENT_PLACES = Base.metadata.tables[EventPlace.__tablename__]
_PLACES = Base.metadata.tables[Place.__tablename__]


@dataclass(frozen=True, slots=True)
class PlaceRows:
    """A place an event mentions: its key, its columns if new, and the link's own columns."""

    key: PlaceKey
    values: dict[str, Any]
    link: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventRows:
    values: dict[str, Any]  # every column but the ids
    region_codes: tuple[str, ...]
    places: tuple[PlaceRows, ...]


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """Every row one article stores, as column dicts: small to send from a worker process."""

    values: dict[str, Any]
    events: tuple[EventRows, ...]


def article_rows(fields: repo.ArticleFields, parsed: ParsedArticle, digest: str) -> ArticleRows:
    """The rows of one article; pure, so the extraction workers build them, not the writer."""
    events = tuple(_event_rows(event, fields.title) for event in parsed.events)
    return ArticleRows(repo.article_values(fields, parsed, digest), events)


def _event_rows(event: ParsedEvent, title: str) -> EventRows:
    places = tuple(
        PlaceRows(repo.place_key(m), repo.place_values(m), repo.mention_values(m))
        for m in repo.distinct_place_mentions(event)
    )
    return EventRows(repo.event_values(event, title), tuple(repo.event_region_codes(event)), places)


def lost_race(error: DBAPIError) -> bool:
    """Whether a batch failed because of another writer, so that article by article will do.

    A duplicate key (the other writer stored one of our articles first), or a PostgreSQL
    deadlock: two batches holding the same new articles in different orders wait on each other.
    Transactions of one article cannot deadlock: each takes its new places in sorted order and
    then its article.
    """
    return isinstance(error, IntegrityError) or getattr(error.orig, "sqlstate", None) == "40P01"


def insert_articles(connection: Connection, batch: Sequence[ArticleRows]) -> None:
    """Insert the articles with their events, places and links in the caller's transaction,
    and an audit entry for each article, as a single upload gets.

    An article already stored (same hash or URL) raises IntegrityError: the caller rolls back.
    Places are got or created by their unique key, safely beside another writer.
    """
    if not batch:
        return
    place_ids = _place_ids(connection, batch)
    article_ids = _insert_articles(connection, batch)
    created = [
        {"username": None, "action": "article.create", "target_type": "article", "target_id": id_}
        for id_ in article_ids
    ]
    connection.execute(insert(_AUDIT), created)
    event_ids = _insert_events(connection, batch, article_ids)
    events = [event for article in batch for event in article.events]
    regions, links = [], []
    for event_id, event in zip(event_ids, events, strict=True):
        regions += [{"event_id": event_id, "region_code": code} for code in event.region_codes]
        links += [
            {"event_id": event_id, "place_id": place_ids[p.key], **p.link} for p in event.places
        ]
    if regions:
        connection.execute(insert(_EVENT_REGIONS), regions)
    if links:
        connection.execute(insert(_EVENT_PLACES), links)


# Ids: a plain executemany (SQLite's executemany, psycopg's pipeline) and then one SELECT that
# reads the new ids back. INSERT ... RETURNING was slower on both: SQLAlchemy sends it one row
# per statement on SQLite (RETURNING order is not guaranteed there), and psycopg re-parses each
# long multi-row statement. Reading back is safe beside other writers: an article is found by
# its unique hash, and the events of an article this transaction just created are all ours.
def _insert_articles(connection: Connection, batch: Sequence[ArticleRows]) -> list[int]:
    """Insert the articles; their new ids, in batch order."""
    connection.execute(insert(_ARTICLES), [article.values for article in batch])
    hashes = [article.values["content_hash"] for article in batch]
    stored = connection.execute(
        select(_ARTICLES.c.content_hash, _ARTICLES.c.id).where(_ARTICLES.c.content_hash.in_(hashes))
    )
    ids: dict[str, int] = {digest: id_ for digest, id_ in stored}
    return [ids[digest] for digest in hashes]


def _insert_events(
    connection: Connection, batch: Sequence[ArticleRows], article_ids: list[int]
) -> list[int]:
    """Insert the articles' events; their new ids, in the order of the batch's events.

    Ids grow in insertion order (SQLite's next rowid, PostgreSQL's sequence), so an article's
    events sorted by id are its events in the order they were inserted.
    """
    rows = [
        {**event.values, "article_id": article_id}
        for article_id, article in zip(article_ids, batch, strict=True)
        for event in article.events
    ]
    if not rows:
        return []
    connection.execute(insert(_EVENTS), rows)
    stored = connection.execute(
        select(_EVENTS.c.article_id, _EVENTS.c.id)
        .where(_EVENTS.c.article_id.in_(article_ids))
        .order_by(_EVENTS.c.id)
    )
    by_article: dict[int, list[int]] = {article_id: [] for article_id in article_ids}
    for article_id, event_id in stored:
        by_article[article_id].append(event_id)
    ids = [event_id for article_id in article_ids for event_id in by_article[article_id]]
    if len(ids) != len(rows):  # never expected: someone else wrote events to our new articles
        raise RuntimeError(f"read back {len(ids)} event ids for {len(rows)} events")
    return ids


def _place_ids(connection: Connection, batch: Sequence[ArticleRows]) -> dict[PlaceKey, int]:
    """The id of every place the batch mentions, inserting those not stored yet."""
    wanted: dict[PlaceKey, dict[str, Any]] = {}
    for article in batch:
        for event in article.events:
            for place in event.places:
                wanted.setdefault(place.key, place.values)
    ids = _stored_places(connection, wanted)
    # Sorted: two writers creating the same new places lock them in the same order (no deadlock).
    missing = sorted(key for key in wanted if key not in ids)
    if missing:
        _insert_new_places(connection, [wanted[key] for key in missing])
        ids.update(_stored_places(connection, set(missing)))
    return ids


def _stored_places(connection: Connection, keys: Collection[PlaceKey]) -> dict[PlaceKey, int]:
    if not keys:
        return {}
    names = sorted({name for name, _ in keys})
    rows = connection.execute(
        select(Place.id, Place.name, Place.region_code).where(Place.name.in_(names))
    )
    return {(name, code): id_ for id_, name, code in rows if (name, code) in keys}


def _insert_new_places(connection: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Insert places, skipping any that another writer stored since we looked (SQLite and
    PostgreSQL, the two engines the app runs on, share ON CONFLICT DO NOTHING)."""
    dialect = sqlite if connection.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(_PLACES).on_conflict_do_nothing(
        index_elements=["name", "region_code"]
    )
    connection.execute(statement, list(rows))
