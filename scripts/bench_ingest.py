"""Bulk ingest speed: the real corpus repeated to 10,000 articles, into SQLite and PostgreSQL.

    .venv/bin/python scripts/bench_ingest.py [--articles 10000] [--sample 300] [--repeats 3]

Baseline in the same run: on a sample, the one-article-per-transaction path the upload form
uses (services.ingest_article, one process) beside the bulk path (process pool, batches).
PostgreSQL is measured when TIMELINE_TEST_POSTGRES_URL (or --postgres) names a server: a scratch
database is created and dropped. The corpus is not part of the product: without it the script
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.services import ArticleInput, ingest_article, prepare_database
from app.services_bulk import bulk_ingest
from app.store.db import make_engine, make_session_factory
from app.store.models import Event

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "ukraine-news.jsonl"
MAX_BYTES = 2_000_000


def articles(corpus: Path, count: int) -> list[ArticleInput]:
    """The corpus repeated to `count`; each copy gets its own last line, so none is a duplicate."""
    base = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line]
    result = []
    for n in range(count):
        a = base[n % len(base)]
        copy = n // len(base)
        body = a["text"] if copy == 0 else f"{a['text']}\n\n(Bench copy {copy}, item {n}.)"
        url = f"{a['url']}#copy-{copy}" if a.get("url") else None
        result.append(ArticleInput(body, a.get("title"), a.get("published"), a.get("source"), url))
    return result


@contextmanager
def database(kind: str, folder: Path, postgres: str) -> Iterator[str]:
    if kind == "sqlite":
        path = folder / f"bench-{time.monotonic_ns()}.db"
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    name = f"timeline_bench_{os.getpid()}_{time.monotonic_ns()}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(url: str, items: list[ArticleInput], bulk: bool) -> tuple[float, int]:
    """Seconds to ingest `items` into a fresh database at `url`, and the events stored."""
    engine = make_engine(url)
    prepare_database(engine, demo=False, max_bytes=MAX_BYTES)
    factory = make_session_factory(engine)
    start = time.perf_counter()
    if bulk:
        bulk_ingest(factory, ((str(i), a) for i, a in enumerate(items)), MAX_BYTES)
    else:
        for item in items:
            ingest_article(factory, item, MAX_BYTES)
    seconds = time.perf_counter() - start
    with factory() as session:
        events = session.scalar(select(func.count()).select_from(Event)) or 0
    engine.dispose()
    return seconds, events


def measure(
    label: str,
    kind: str,
    items: list[ArticleInput],
    repeats: int,
    bulk: bool,
    args: argparse.Namespace,
) -> None:
    times, events = [], 0
    for _ in range(repeats):
        with database(kind, args.folder, args.postgres) as url:
            seconds, events = run(url, items, bulk)
            times.append(seconds)
    median = statistics.median(times)
    print(
        f"{label:<38} {kind:<10} {len(items):>6} articles {events:>7} events  "
        f"{median:7.1f} s  {len(items) / median:7.1f} articles/s  {events / median:8.1f} events/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300, help="articles for the baseline pair")
    parser.add_argument("--repeats", type=int, default=3, help="runs per sample figure (median)")
    parser.add_argument("--postgres", default=os.environ.get("TIMELINE_TEST_POSTGRES_URL", ""))
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"No corpus at {args.corpus.resolve()}: nothing to benchmark (see README).")
        return 0
    kinds = ["sqlite", *(["postgresql"] if args.postgres else [])]
    print(f"Corpus {args.corpus.resolve()}, {os.cpu_count()} cores; medians of the runs.")
    if not args.postgres:
        print("PostgreSQL: not measured (set TIMELINE_TEST_POSTGRES_URL to a server).")
    with tempfile.TemporaryDirectory() as folder:
        args.folder = Path(folder)
        sample = articles(args.corpus, args.sample)
        for kind in kinds:
            measure("baseline: one by one, one process", kind, sample, args.repeats, False, args)
            measure("bulk: process pool, batches", kind, sample, args.repeats, True, args)
        full = articles(args.corpus, args.articles)
        for kind in kinds:
            measure("bulk, full run", kind, full, 1, True, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
