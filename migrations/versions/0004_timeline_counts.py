"""timeline count tables (SQLite, kept by triggers) and an index on articles.source

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The timeline's chart and region facets count every matching event. Without a text, type or
# source filter those counts only depend on (region, date_start, date_end), so SQLite keeps
# them pre-grouped: ~1,700 span rows and ~33,000 region-span rows at 100k events, instead of
# grouping 100k events and 125k region links on every page view. Triggers keep them exact
# under every writer (ORM, bulk insert, copy, cascading deletes), as they do for events_fts.
# PostgreSQL groups in parallel and needs no such tables (like FTS5, they are SQLite-only).
# Rows whose count drops to 0 stay (cheaper than deleting them); readers skip n = 0.
_SQLITE_TABLES = [
    "CREATE TABLE timeline_span_counts ("
    " date_start DATE NOT NULL, date_end DATE NOT NULL, n INTEGER NOT NULL,"
    " PRIMARY KEY (date_start, date_end)) WITHOUT ROWID",
    "CREATE TABLE timeline_region_span_counts ("
    " region_code VARCHAR(16) NOT NULL, date_start DATE NOT NULL, date_end DATE NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (region_code, date_start, date_end)) WITHOUT ROWID",
]
_SQLITE_FILL = [
    "INSERT INTO timeline_span_counts (date_start, date_end, n)"
    " SELECT date_start, date_end, count(*) FROM events GROUP BY date_start, date_end",
    "INSERT INTO timeline_region_span_counts (region_code, date_start, date_end, n)"
    " SELECT r.region_code, e.date_start, e.date_end, count(*)"
    " FROM event_regions r JOIN events e ON e.id = r.event_id"
    " GROUP BY r.region_code, e.date_start, e.date_end",
]
# One region link counted once: +1 when it is inserted, -1 when it is deleted while its event
# still exists. Deleting an event first deletes its links (BEFORE DELETE), so a link is never
# left to an ON DELETE CASCADE that would run after its event's dates are gone.
_ADD_SPAN = (
    "INSERT INTO timeline_span_counts (date_start, date_end, n)"
    " VALUES (new.date_start, new.date_end, 1)"
    " ON CONFLICT (date_start, date_end) DO UPDATE SET n = n + 1;"
)
_DROP_SPAN = (
    "UPDATE timeline_span_counts SET n = n - 1"
    " WHERE date_start = old.date_start AND date_end = old.date_end;"
)
_ADD_LINK = (
    "INSERT INTO timeline_region_span_counts (region_code, date_start, date_end, n)"
    " SELECT {link}.region_code, date_start, date_end, 1 FROM events WHERE id = {link}.event_id"
    " ON CONFLICT (region_code, date_start, date_end) DO UPDATE SET n = n + 1;"
)
_DROP_LINK = (
    "UPDATE timeline_region_span_counts SET n = n - 1"
    " WHERE region_code = {link}.region_code"
    " AND (date_start, date_end) = (SELECT date_start, date_end FROM events"
    " WHERE id = {link}.event_id);"
)
_SQLITE_TRIGGERS = [
    f"CREATE TRIGGER timeline_counts_event_ai AFTER INSERT ON events BEGIN {_ADD_SPAN} END",
    "CREATE TRIGGER timeline_counts_event_bd BEFORE DELETE ON events BEGIN"
    f" DELETE FROM event_regions WHERE event_id = old.id; {_DROP_SPAN} END",
    "CREATE TRIGGER timeline_counts_event_au AFTER UPDATE OF date_start, date_end ON events"
    " WHEN old.date_start IS NOT new.date_start OR old.date_end IS NOT new.date_end BEGIN"
    f" {_DROP_SPAN} {_ADD_SPAN}"
    " UPDATE timeline_region_span_counts SET n = n - 1"
    " WHERE date_start = old.date_start AND date_end = old.date_end"
    " AND region_code IN (SELECT region_code FROM event_regions WHERE event_id = old.id);"
    " INSERT INTO timeline_region_span_counts (region_code, date_start, date_end, n)"
    " SELECT region_code, new.date_start, new.date_end, 1 FROM event_regions"
    " WHERE event_id = new.id"
    " ON CONFLICT (region_code, date_start, date_end) DO UPDATE SET n = n + 1; END",
    "CREATE TRIGGER timeline_counts_region_ai AFTER INSERT ON event_regions BEGIN"
    f" {_ADD_LINK.format(link='new')} END",
    "CREATE TRIGGER timeline_counts_region_ad AFTER DELETE ON event_regions BEGIN"
    f" {_DROP_LINK.format(link='old')} END",
    "CREATE TRIGGER timeline_counts_region_au AFTER UPDATE ON event_regions BEGIN"
    f" {_DROP_LINK.format(link='old')} {_ADD_LINK.format(link='new')} END",
]
_SQLITE_NAMES = (
    "timeline_counts_event_ai",
    "timeline_counts_event_bd",
    "timeline_counts_event_au",
    "timeline_counts_region_ai",
    "timeline_counts_region_ad",
    "timeline_counts_region_au",
)


def upgrade() -> None:
    # The source filter and the source menu (SELECT DISTINCT source) read this index.
    op.create_index("ix_articles_source", "articles", ["source"])
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _SQLITE_TABLES + _SQLITE_FILL + _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in _SQLITE_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS timeline_region_span_counts")
        op.execute("DROP TABLE IF EXISTS timeline_span_counts")
    op.drop_index("ix_articles_source", table_name="articles")
