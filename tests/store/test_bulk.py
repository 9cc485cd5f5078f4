"""Bulk insert (store/bulk.py) stores exactly what the one-article ORM path stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from app import services_bulk
from app.extract import parse_article
from app.ingest import IngestError
from app.services import (
    DEMO_ARTICLES,
    ArticleInput,
    check_article,
    ingest_article,
    prepare_database,
    read_jsonl,
)
from app.services_bulk import bulk_ingest
from app.store import bulk
from app.store.db import make_engine, make_session_factory
from tests.backends import POSTGRES_URL
from tests.backends import database_url as backend_database

MAX_BYTES = 2_000_000
EXTRA = [
    ArticleInput(
        "Russian missiles struck Kharkiv and Kharkiv again on Monday; Kyiv and Odesa were"
        " also hit, the governor of Kharkiv said. Shelling near Bakhmut went on in June.",
        "Strikes",
        "2022-06-20",
        "Wire",
        "https://example.org/strikes",
    ),
    ArticleInput("A quiet piece about nothing in particular.", None, "2022-01-02"),
    ArticleInput(
        "KYIV, March 3, 2022 - Explosions were heard in Kyiv on Thursday, the mayor said."
    ),
]

# Each table's rows without ids or timestamps; an event is named by its article's hash and its
# rank among that article's events (by id), so the order of inserts is compared too.
_EVENT_KEY = (
    "(SELECT a.content_hash FROM articles a WHERE a.id = e.article_id),"
    " (SELECT count(*) FROM events o WHERE o.article_id = e.article_id AND o.id <= e.id)"
)
QUERIES = {
    "articles": "SELECT title, source, url, published, published_inferred, text, content_hash,"
    " created_by FROM articles",
    "events": f"SELECT {_EVENT_KEY}, date_start, date_end, precision, date_value, date_text,"
    " evidence_start, evidence_end, evidence_text, event_type, sub_event_type, summary,"
    " confidence, reviewed, search_text FROM events e",
    "places": "SELECT name, region_code, kind, lat, lon FROM places",
    "event_regions": f"SELECT {_EVENT_KEY}, r.region_code FROM event_regions r"
    " JOIN events e ON e.id = r.event_id",
    "event_places": f"SELECT {_EVENT_KEY}, p.name, p.region_code, l.mention_start,"
    " l.mention_end, l.mention_text, l.geo_precision FROM event_places l"
    " JOIN events e ON e.id = l.event_id JOIN places p ON p.id = l.place_id",
}
WORDS = ["kyiv", "kharkiv", "shelling", "missiles", "bodies", "strikes", "governor"]


def _articles() -> list[ArticleInput]:
    demo = [item for item in read_jsonl(DEMO_ARTICLES) if not isinstance(item, IngestError)]
    return [*demo, *EXTRA]


@pytest.fixture
def engines(backend: str, tmp_path: Path) -> Iterator[tuple[Engine, Engine]]:
    """Two fresh databases of the backend: one for each ingest path."""
    with (
        backend_database(backend, tmp_path, "one") as one,
        backend_database(backend, tmp_path, "bulk") as other,
    ):
        pair = make_engine(one), make_engine(other)
        for engine in pair:
            prepare_database(engine, demo=False, max_bytes=MAX_BYTES)
        yield pair
        for engine in pair:
            engine.dispose()


def _rows(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(tuple(row) for row in connection.execute(text(query)))
        for table, query in QUERIES.items()
    }


def _derived_tables(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every other table without ids, e.g. counts that triggers keep: the same in both paths.

    Accounts are left out, and the audit log, whose entries point at ids: _audits compares it.
    """
    skip = {*QUERIES, "regions", "alembic_version", "users", "api_tokens", "audit_log"}
    tables = {}
    inspector = inspect(connection)
    for name in inspector.get_table_names():
        columns = [c["name"] for c in inspector.get_columns(name)]
        if (
            name in skip
            or name.startswith("events_fts")
            or any(c == "id" or c.endswith("_id") for c in columns)
        ):
            continue
        rows = connection.execute(text(f'SELECT * FROM "{name}"'))
        tables[name] = sorted(tuple(row) for row in rows)
    return tables


def _search(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Which events each word finds through the database's own text search."""
    if connection.dialect.name == "sqlite":
        # The FTS5 index agrees with its content table (raises if not), then it is queried.
        connection.execute(text("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')"))
        match = "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :word)"
    else:
        match = "to_tsvector('english', search_text) @@ plainto_tsquery('english', :word)"
    query = text(f"SELECT {_EVENT_KEY} FROM events e WHERE {match}")
    return {w: sorted(tuple(r) for r in connection.execute(query, {"word": w})) for w in WORDS}


def _audits(connection: Connection) -> list[tuple[Any, ...]]:
    """Who created which article (by its hash), as the audit log tells."""
    query = (
        "SELECT l.username, l.action, a.content_hash FROM audit_log l"
        " JOIN articles a ON a.id = l.target_id WHERE l.target_type = 'article'"
    )
    return sorted(tuple(row) for row in connection.execute(text(query)))


def test_bulk_stores_the_same_rows_as_one_by_one(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, other = engines
    items = _articles()
    for item in items:
        ingest_article(make_session_factory(one), item, MAX_BYTES)
    # Small batches: places created by one batch are found again by the next.
    monkeypatch.setattr(services_bulk, "BATCH", 4)
    report = bulk_ingest(
        make_session_factory(other), ((str(n), a) for n, a in enumerate(items)), MAX_BYTES, 2
    )
    assert (report.added, report.duplicates, report.rejected) == (len(items), 0, [])
    with one.connect() as a, other.connect() as b:
        expected, actual = _rows(a), _rows(b)
        assert all(expected[table] for table in QUERIES)  # every table has rows to compare
        assert actual == expected
        assert report.events == len(expected["events"])
        assert _search(b) == _search(a)
        assert _derived_tables(b) == _derived_tables(a)
        assert len(_audits(b)) == len(items) and _audits(b) == _audits(a)


def test_an_article_stored_by_another_writer_meanwhile_falls_back_to_one_by_one(
    engines: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that hits a duplicate stores nothing; then each article gets its own transaction."""
    _, engine = engines
    factory = make_session_factory(engine)
    items = _articles()
    ingest_article(factory, items[2], MAX_BYTES)
    # As if another writer stored it after this run read the stored hashes.
    monkeypatch.setattr(services_bulk, "_known_keys", lambda _f: (frozenset(), frozenset()))
    report = bulk_ingest(factory, ((str(n), a) for n, a in enumerate(items)), MAX_BYTES, 1)
    assert (report.added, report.duplicates) == (len(items) - 1, 1)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM articles")).scalar()
    assert stored == len(items)


def test_two_bulk_ingests_at_once_store_each_article_once(
    engines: tuple[Engine, Engine], tmp_path: Path
) -> None:
    """Two `python -m app ingest` runs of the same articles, in opposite orders, on one database:
    the later batch meets the other's articles and places and falls back to one by one."""
    one, shared = engines
    items = [
        replace(item, text=f"{item.text}\n\n(Copy {copy}.)", url=None)
        for copy in range(4)
        for item in _articles()
    ]
    for item in items:
        ingest_article(make_session_factory(one), item, MAX_BYTES)
    files = []
    for name, ordered in (("forward", items), ("backward", items[::-1])):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(asdict(i), default=str) + "\n" for i in ordered))
        files.append(path)
    url = shared.url.render_as_string(hide_password=False)
    env = {**os.environ, "TIMELINE_DATABASE_URL": url}
    command = [sys.executable, "-m", "app", "ingest", "--workers", "1"]
    runs = [subprocess.Popen([*command, str(f)], env=env, stderr=subprocess.PIPE) for f in files]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode == 0, err.decode()
    with one.connect() as a, shared.connect() as b:
        assert _rows(b) == _rows(a)


def _rows_of(item: ArticleInput) -> bulk.ArticleRows:
    checked = check_article(item, MAX_BYTES)
    parsed = parse_article(checked.text, checked.published)
    return bulk.article_rows(checked.fields, parsed, checked.digest)


@pytest.mark.skipif(not POSTGRES_URL, reason="TIMELINE_TEST_POSTGRES_URL is not set")
def test_a_deadlock_between_two_batches_is_a_lost_race(tmp_path: Path) -> None:
    """Two batches holding the same new articles in opposite orders: PostgreSQL aborts one, and
    the writer takes that as a conflict (article by article), not as a failure."""
    x, y = (_rows_of(item) for item in EXTRA[:2])
    with backend_database("postgresql", tmp_path) as url:
        engine = make_engine(url)
        prepare_database(engine, demo=False, max_bytes=MAX_BYTES)
        with engine.connect() as a, engine.connect() as b:
            bulk.insert_articles(a, [x])
            bulk.insert_articles(b, [y])
            with ThreadPoolExecutor(2) as pool:
                waits = [pool.submit(bulk.insert_articles, a, [y])]
                waits.append(pool.submit(bulk.insert_articles, b, [x]))
                errors = [w.exception() for w in waits]
        engine.dispose()
    lost = [e for e in errors if e is not None]
    assert len(lost) == 1 and isinstance(lost[0], DBAPIError)
    assert not isinstance(lost[0], IntegrityError) and bulk.lost_race(lost[0])
