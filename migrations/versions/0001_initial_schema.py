"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("published", sa.Date(), nullable=False),
        sa.Column("published_inferred", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
        sa.UniqueConstraint("url"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    op.create_table(
        "regions",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_code", sa.String(length=16), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["parent_code"], ["regions.code"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regions_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(length=8), nullable=False),
        sa.Column("date_value", sa.String(length=32), nullable=False),
        sa.Column("date_text", sa.String(length=200), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)
        batch_op.create_index("ix_events_date_start_id", ["date_start", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_type"), ["event_type"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region_code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_places_region_code"), ["region_code"], unique=False)
        batch_op.create_index("uq_places_name_region", ["name", "region_code"], unique=True)

    op.create_table(
        "event_places",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("mention_start", sa.Integer(), nullable=False),
        sa.Column("mention_end", sa.Integer(), nullable=False),
        sa.Column("mention_text", sa.String(length=200), nullable=False),
        sa.Column("geo_precision", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("event_id", "place_id"),
    )
    with op.batch_alter_table("event_places", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_places_place_id"), ["place_id"], unique=False)

    op.create_table(
        "event_regions",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("region_code", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["region_code"],
            ["regions.code"],
        ),
        sa.PrimaryKeyConstraint("event_id", "region_code"),
    )
    with op.batch_alter_table("event_regions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_regions_region_event", ["region_code", "event_id"], unique=False
        )

    _create_text_search()


def downgrade() -> None:
    _drop_text_search()
    with op.batch_alter_table("event_regions", schema=None) as batch_op:
        batch_op.drop_index("ix_event_regions_region_event")

    op.drop_table("event_regions")
    with op.batch_alter_table("event_places", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_places_place_id"))

    op.drop_table("event_places")
    with op.batch_alter_table("places", schema=None) as batch_op:
        batch_op.drop_index("uq_places_name_region")
        batch_op.drop_index(batch_op.f("ix_places_region_code"))

    op.drop_table("places")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_event_type"))
        batch_op.drop_index("ix_events_date_start_id")
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    with op.batch_alter_table("regions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regions_parent_code"))

    op.drop_table("regions")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")


# Text search: SQLite keeps an FTS5 index in step with events.search_text through triggers;
# PostgreSQL indexes the same column as an English tsvector (GIN).
_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='events', content_rowid='id',"
    " tokenize='porter unicode61 remove_diacritics 2')",
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
_POSTGRES_FTS = [
    "CREATE INDEX ix_events_search ON events USING GIN (to_tsvector('english', search_text))",
]


def _create_text_search() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_FTS if dialect == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def _drop_text_search() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("events_fts_ai", "events_fts_ad", "events_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS events_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_events_search")
