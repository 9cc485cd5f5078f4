"""The text search: SQLite's FTS5 index (events_fts), or PostgreSQL's full-text functions."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Integer, Select, String, column, func, select, table
from sqlalchemy.orm import Session

from app.query import search_key
from app.store.models import Event

_WORD = re.compile(r"\w+", re.UNICODE)


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def search_words(q: str) -> list[str]:
    return _WORD.findall(q)


def fts_match(q: str) -> str:
    """An FTS5 query matching every word of `q` in the event's text, each quoted so user text
    is never FTS syntax."""
    words = " ".join(f'"{w}"' for w in search_words(q))
    return f"search_text : ({words})" if words else '""'


# The index as a table: its rowid is the search key; its own name is the column MATCH tests.
_FTS = table("events_fts", column("rowid", Integer), column("events_fts", String))


def fts_keys(match: str, first_key: int | None = None, last_key: int | None = None) -> Select[int]:
    """Search keys (search_key.py) of the events an FTS5 query (fts_match()) matches, in key
    order; a key range is passed to FTS5, which then reads only that part of its lists."""
    fts = _FTS.c
    query = select(fts.rowid.label("search_key")).where(fts.events_fts.op("MATCH")(match))
    if first_key is not None:
        query = query.where(fts.rowid >= first_key)
    if last_key is not None:
        query = query.where(fts.rowid <= last_key)
    return query


def fts_ids(match: str) -> Select[int]:
    """Ids of the events an FTS5 query (fts_match()) matches."""
    keys = fts_keys(match).subquery("matched")
    return select(search_key.event_id(keys.c.search_key))


def search_condition(session: Session, q: str) -> ColumnElement[bool]:
    """Events matching the text search."""
    if is_sqlite(session):
        return Event.id.in_(fts_ids(fts_match(q)).scalar_subquery())
    return func.to_tsvector("english", Event.search_text).op("@@")(postgres_query(q))


def postgres_query(q: str) -> ColumnElement[object]:
    return func.plainto_tsquery("english", " ".join(search_words(q)))


def postgres_rank(q: str) -> ColumnElement[float]:
    """PostgreSQL's relevance of an event to the search (higher is better)."""
    return func.ts_rank(func.to_tsvector("english", Event.search_text), postgres_query(q))
