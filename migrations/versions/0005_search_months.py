"""the FTS5 index also holds each event's start month (SQLite), so a search within a date
range reads only that range's matches

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A search within dates used to fetch the dates of every event containing the words (25,000
# for a common word at 100k events) only to keep the few in range. With a token for the month
# each event starts in ("m202301"), FTS5 intersects the words with the range's months itself
# (app/query/text_search.py). The index reads its content from a view that derives the token
# from date_start, so events keep no extra column and the triggers below keep both in step.
# Ranking weighs the words only (bm25 weight 0 for the month column). PostgreSQL is unchanged.
_MONTH = "'m' || substr({row}.date_start, 1, 4) || substr({row}.date_start, 6, 2)"
_INDEX_ROW = (
    "INSERT INTO events_fts(rowid, search_text, search_month)"
    f" VALUES (new.id, new.search_text, {_MONTH.format(row='new')});"
)
_UNINDEX_ROW = (
    "INSERT INTO events_fts(events_fts, rowid, search_text, search_month)"
    f" VALUES ('delete', old.id, old.search_text, {_MONTH.format(row='old')});"
)
_WITH_MONTHS = [
    "CREATE VIEW events_search AS SELECT id, search_text,"
    f" {_MONTH.format(row='events')} AS search_month FROM events",
    "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, search_month,"
    " content='events_search', content_rowid='id',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO events_fts(events_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)')",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
    f"CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN {_INDEX_ROW} END",
    f"CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN {_UNINDEX_ROW} END",
    "CREATE TRIGGER events_fts_au AFTER UPDATE OF search_text, date_start ON events BEGIN"
    f" {_UNINDEX_ROW} {_INDEX_ROW} END",
]
# As migration 0001 made them.
_WORDS_ONLY = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='events', content_rowid='id',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
    "CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN"
    " INSERT INTO events_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN"
    " INSERT INTO events_fts(events_fts, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER events_fts_au AFTER UPDATE OF search_text ON events BEGIN"
    " INSERT INTO events_fts(events_fts, rowid, search_text)"
    " VALUES ('delete', old.id, old.search_text);"
    " INSERT INTO events_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]


def _drop_index() -> None:
    for trigger in ("events_fts_ai", "events_fts_ad", "events_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS events_fts")
    op.execute("DROP VIEW IF EXISTS events_search")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    for statement in _WITH_MONTHS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    for statement in _WORDS_ONLY:
        op.execute(statement)
