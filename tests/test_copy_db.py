"""`python -m app copy-db` moves a timeline between SQLite and PostgreSQL, losing nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.cli import main as cli
from app.config import Settings
from app.store.db import make_engine
from app.store.models import Base
from tests.backends import BACKENDS
from tests.backends import database_url as backend_database
from tests.factories import SIEGE_TEXT
from tests.test_ingest_cli import OTHER_TEXTS, records, write_jsonl

SEARCHES = ["missiles", "Sievierodonetsk", "shelling"]


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, timestamps compared in UTC without their zone."""
    engine = make_engine(url)
    result: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            result[table.name] = [tuple(_plain(v) for v in row) for row in rows]
    engine.dispose()
    return result


def _plain(value: Any) -> Any:
    return value.replace(tzinfo=None) if hasattr(value, "tzinfo") and value.tzinfo else value


def search_ids(url: str, word: str) -> list[int]:
    from app.query.filters import EventFilter
    from app.query.timeline import events_query
    from app.store.db import make_session_factory

    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        ids = [e.id for e in session.scalars(events_query(session, EventFilter(q=word)))]
    engine.dispose()
    return ids


@pytest.mark.parametrize("target", BACKENDS)
def test_copy_keeps_every_row_and_search_works_on_the_copy(
    settings: Settings, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_DATABASE_URL", settings.database_url)
    assert cli(["ingest", str(write_jsonl(tmp_path / "in.jsonl", records()))]) == 0
    with backend_database(target, tmp_path, "target") as copy:
        assert cli(["copy-db", "--from", settings.database_url, "--to", copy]) == 0
        assert dump(copy) == dump(settings.database_url)
        for word in SEARCHES:
            assert search_ids(copy, word) == search_ids(settings.database_url, word)
        assert search_ids(copy, "missiles")
        # Ids continue after the copied ones: a new article gets stored without a clash.
        monkeypatch.setenv("TIMELINE_DATABASE_URL", copy)
        extra = [
            {"title": "New", "published": "2022-07-01", "text": SIEGE_TEXT + " " + OTHER_TEXTS[0]}
        ]
        assert cli(["ingest", str(write_jsonl(tmp_path / "more.jsonl", extra))]) == 0
        # A second copy into a database that has rows is refused.
        assert cli(["copy-db", "--from", settings.database_url, "--to", copy]) == 1


def test_copy_refuses_a_source_without_the_schema(tmp_path: Path) -> None:
    empty = f"sqlite:///{tmp_path}/empty.db"
    make_engine(empty).connect().execute(text("SELECT 1")).close()
    assert cli(["copy-db", "--from", empty, "--to", f"sqlite:///{tmp_path}/t.db"]) == 1
