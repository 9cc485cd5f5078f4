"""The schema comes only from migrations: upgrade from empty, downgrade, upgrade again."""

from __future__ import annotations

import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from app.store.db import make_engine
from app.store.migrate import downgrade, upgrade
from app.store.models import Base

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from generate_events import generate

TABLES = {"articles", "events", "regions", "places", "event_regions", "event_places", "events_fts"}


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/m.db")
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_models_match_the_newest_migration(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/m.db")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # The FTS5 shadow tables and the trigger-kept timeline counts (SQLite only) are created by
    # the migrations on purpose and have no model.
    derived = ("events_fts", "timeline_span_counts", "timeline_region_span_counts")
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(derived))]
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/m.db")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_timeline_counts_are_filled_from_the_rows_already_stored(tmp_path: Path) -> None:
    """Migration 0004 on a database with events: its count tables match a GROUP BY of them."""
    url = f"sqlite:///{tmp_path}/m.db"
    generate(url, 300, seed=2)
    engine = make_engine(url)
    downgrade(engine, "0003")
    assert "timeline_span_counts" not in inspect(engine).get_table_names()
    upgrade(engine)
    spans = (
        "SELECT date_start, date_end, count(*) FROM events GROUP BY 1, 2",
        "SELECT date_start, date_end, n FROM timeline_span_counts",
    )
    regions = (
        "SELECT r.region_code, e.date_start, e.date_end, count(*) FROM event_regions r"
        " JOIN events e ON e.id = r.event_id GROUP BY 1, 2, 3",
        "SELECT region_code, date_start, date_end, n FROM timeline_region_span_counts",
    )
    with engine.connect() as connection:
        for grouped, kept in (spans, regions):
            expected = connection.exec_driver_sql(grouped).all()
            assert sorted(connection.exec_driver_sql(kept).all()) == sorted(expected)
            assert expected
