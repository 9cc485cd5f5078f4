"""The text search: SQLite's FTS5 index (events_fts), or PostgreSQL's full-text functions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import Session

from app.store.models import Event

_WORD = re.compile(r"\w+", re.UNICODE)


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def search_words(q: str) -> list[str]:
    return _WORD.findall(q)


def fts_match(q: str, months: Sequence[str] = ()) -> str:
    """An FTS5 query matching every word of `q` in the event's text, each quoted so user text
    is never FTS syntax; with `months` (month_tokens()), only events starting in one of them."""
    words = " ".join(f'"{w}"' for w in search_words(q))
    if not words:
        return '""'
    in_text = f"search_text : ({words})"
    return f"{in_text} AND search_month : ({' OR '.join(months)})" if months else in_text


MAX_MONTH_TOKENS = 24  # past two years, merging the months' lists costs more than it saves


def month_tokens(first: date, last: date) -> list[str]:
    """The FTS5 index's tokens for the months from `first` to `last` (migration 0005), or none
    when the range is too long to be worth narrowing the search by."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if not 0 < months <= MAX_MONTH_TOKENS:
        return []
    tokens = []
    year, month = first.year, first.month
    for _ in range(months):
        tokens.append(f"m{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tokens


def fts_ids(match: str) -> Select[int]:
    """Ids of the events an FTS5 query (fts_match()) matches."""
    ids = text("SELECT rowid FROM events_fts WHERE events_fts MATCH :match")
    return select(ids.bindparams(match=match).columns(rowid=Event.id.type).subquery().c.rowid)


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
