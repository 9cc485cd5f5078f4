"""The text search: SQLite's FTS5 index (events_fts), or PostgreSQL's full-text functions."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import Session

from app.store.models import Event

_WORD = re.compile(r"\w+", re.UNICODE)


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def search_words(q: str) -> list[str]:
    return _WORD.findall(q)


def fts_match(q: str) -> str:
    """An FTS5 query matching every word of `q`, each quoted so user text is never FTS syntax."""
    return " ".join(f'"{w}"' for w in search_words(q)) or '""'


def fts_ids(q: str) -> Select[int]:
    """Ids of the events whose text matches every word of `q` (SQLite's FTS5 index)."""
    ids = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match")
    return select(
        ids.bindparams(match=fts_match(q)).columns(rowid=Event.id.type).subquery().c.rowid
    )


def search_condition(session: Session, q: str) -> ColumnElement[bool]:
    """Events matching the text search."""
    if is_sqlite(session):
        return Event.id.in_(fts_ids(q).scalar_subquery())
    return func.to_tsvector("english", Event.search_text).op("@@")(postgres_query(q))


def postgres_query(q: str) -> ColumnElement[object]:
    return func.plainto_tsquery("english", " ".join(search_words(q)))


def postgres_rank(q: str) -> ColumnElement[float]:
    """PostgreSQL's relevance of an event to the search (higher is better)."""
    return func.ts_rank(func.to_tsvector("english", Event.search_text), postgres_query(q))
