"""the FTS5 index keys each event by its dates and id, so a search's matches come out in
timeline order with their dates (SQLite)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A search's timeline view needs every match's dates (chart, date order, date range). Looking
# them up in events cost one index probe per match and a sort (8,800 matches of a common word
# at 100k events). The index's rowid is now a search key that packs them: the start day's
# ordinal, the event id and the span in days (app/query/search_key.py reads it). FTS5 returns
# matches in rowid order, so they come sorted by date and id, a date range is a rowid range,
# and the chart groups integers. The month tokens of 0005 are no longer needed. Spans of 4,095
# days or more keep 4,095 and are read from events (rare: a decade is 3,653). PostgreSQL is
# unchanged.
_ORDINAL = "CAST(julianday({row}.date_start) - 1721424.5 AS INTEGER)"  # Python's toordinal()
_DAYS = "CAST(julianday({row}.date_end) - julianday({row}.date_start) AS INTEGER)"
_KEY = f"(({_ORDINAL} << 43) | ({{row}}.id << 12) | min({_DAYS}, 4095))"
_INDEX_ROW = (
    "INSERT INTO events_fts(rowid, search_text)"
    f" VALUES ({_KEY.format(row='new')}, new.search_text);"
)
_UNINDEX_ROW = (
    "INSERT INTO events_fts(events_fts, rowid, search_text)"
    f" VALUES ('delete', {_KEY.format(row='old')}, old.search_text);"
)
# The id has 31 bits of the key; a larger one would corrupt the dates, so it is refused.
_ID_FITS = (
    "SELECT RAISE(ABORT, 'event id too large for the search index') WHERE new.id >= 2147483648;"
)
_WITH_KEYS = [
    f"CREATE VIEW events_search AS SELECT {_KEY.format(row='events')} AS key, search_text"
    " FROM events",
    "CREATE VIRTUAL TABLE events_fts USING fts5(search_text,"
    " content='events_search', content_rowid='key',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
    f"CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN {_ID_FITS} {_INDEX_ROW} END",
    f"CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN {_UNINDEX_ROW} END",
    "CREATE TRIGGER events_fts_au AFTER UPDATE OF search_text, date_start, date_end ON events"
    f" BEGIN {_UNINDEX_ROW} {_INDEX_ROW} END",
]

# As migration 0005 made them.
_MONTH = "'m' || substr({row}.date_start, 1, 4) || substr({row}.date_start, 6, 2)"
_MONTH_INDEX_ROW = (
    "INSERT INTO events_fts(rowid, search_text, search_month)"
    f" VALUES (new.id, new.search_text, {_MONTH.format(row='new')});"
)
_MONTH_UNINDEX_ROW = (
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
    f"CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN {_MONTH_INDEX_ROW} END",
    f"CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN {_MONTH_UNINDEX_ROW} END",
    "CREATE TRIGGER events_fts_au AFTER UPDATE OF search_text, date_start ON events BEGIN"
    f" {_MONTH_UNINDEX_ROW} {_MONTH_INDEX_ROW} END",
]


def _drop_index() -> None:
    for trigger in ("events_fts_ai", "events_fts_ad", "events_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS events_fts")
    op.execute("DROP VIEW IF EXISTS events_search")


def _rebuild(statements: list[str]) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_index()
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _rebuild(_WITH_KEYS)


def downgrade() -> None:
    _rebuild(_WITH_MONTHS)
