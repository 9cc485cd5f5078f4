"""Bulk ingest on every core: a process pool checks and extracts, one writer inserts in batches."""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.extract import parse_article
from app.ingest import IngestError
from app.services import ArticleInput, check_article
from app.store import bulk
from app.store.models import Article

CHUNK = 8  # articles per task sent to a worker process
BATCH = 100  # articles per database transaction
WARM_UP = "Russian forces shelled Kharkiv on Saturday, the governor said."

Named = tuple[str, ArticleInput | IngestError]


@dataclass(frozen=True)
class Prepared:
    """An article checked and extracted in a worker, as the rows the writer inserts.

    Rows rather than the ParsedArticle: a fifth fewer bytes to pickle back to the writer (no
    sentences or timexes), and the rows are built on the workers' cores, not the writer's.
    """

    rows: bulk.ArticleRows
    digest: str


@dataclass
class BulkReport:
    added: int = 0
    events: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)


# Hashes and URLs stored before the run; a forked worker inherits them without copying.
_known: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def _prepare(item: ArticleInput, max_bytes: int) -> Prepared | str | None:
    """Check and extract one article: Prepared, None for a stored duplicate, or why it fails."""
    try:
        checked = check_article(item, max_bytes)
    except IngestError as error:
        return str(error)
    url = checked.fields.url
    if checked.digest in _known[0] or (url and url in _known[1]):
        return None
    parsed = parse_article(checked.text, checked.published, title=checked.fields.title)
    return Prepared(bulk.article_rows(checked.fields, parsed, checked.digest), checked.digest)


def _prepare_chunk(chunk: list[Named], max_bytes: int) -> list[tuple[str, Prepared | str | None]]:
    return [
        (name, str(item) if isinstance(item, IngestError) else _prepare(item, max_bytes))
        for name, item in chunk
    ]


def _known_keys(factory: sessionmaker[Session]) -> tuple[frozenset[str], frozenset[str]]:
    with factory() as session:
        rows = session.execute(select(Article.content_hash, Article.url)).all()
    return frozenset(h for h, _ in rows), frozenset(u for _, u in rows if u)


def _prepared(
    items: Iterable[Named], max_bytes: int, workers: int
) -> Iterator[tuple[str, Prepared | str | None]]:
    """Results in input order; at most a few chunks per worker are in flight (bounded memory)."""
    parse_article(WARM_UP, None)  # load the extraction resources once, before forking
    iter_items = iter(items)
    chunks = iter(lambda: list(islice(iter_items, CHUNK)), [])
    # fork: workers start with the resources and the stored hashes already in memory.
    fork = get_context("fork")
    initializer, parent = _exit_with_parent, (os.getpid(),)
    with ProcessPoolExecutor(workers, fork, initializer=initializer, initargs=parent) as pool:
        window: deque[Future[list[tuple[str, Prepared | str | None]]]] = deque()
        for chunk in islice(chunks, _window(workers)):
            window.append(pool.submit(_prepare_chunk, chunk, max_bytes))
        while window:
            done = window.popleft().result()
            for chunk in islice(chunks, 1):
                window.append(pool.submit(_prepare_chunk, chunk, max_bytes))
            yield from done


PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent: int) -> None:
    """A worker's watch over the ingest that started it. Forked workers hold both ends of the
    pool's pipes, so a killed ingest (SIGKILL, OOM killer) would leave them waiting forever;
    once the parent is gone (the worker is re-parented) the worker exits."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _window(workers: int) -> int:
    """Chunks in flight: enough that the workers keep extracting while the writer stores a batch
    (a smaller window left them idle for each write), few enough to bound memory (~20 kB each
    article)."""
    return workers * 4 + 2 * BATCH // CHUNK


def bulk_ingest(
    factory: sessionmaker[Session],
    items: Iterable[Named],
    max_bytes: int,
    workers: int | None = None,
    progress: Callable[[int], None] = lambda _n: None,
) -> BulkReport:
    """Ingest many articles; already-stored ones are skipped by hash, so a rerun resumes."""
    global _known
    _known = _known_keys(factory)
    report = BulkReport()
    batch: list[Prepared] = []
    seen: set[str] = set()
    for name, result in _prepared(items, max_bytes, workers or os.cpu_count() or 1):
        if isinstance(result, Prepared) and result.digest not in seen:
            seen.add(result.digest)
            batch.append(result)
        elif isinstance(result, str):
            report.rejected.append((name, result))
        else:
            report.duplicates += 1
        if len(batch) >= BATCH:
            _write(factory, batch, report)
            batch = []
        progress(1)
    _write(factory, batch, report)
    return report


def _write(factory: sessionmaker[Session], batch: list[Prepared], report: BulkReport) -> None:
    """Insert a batch in one transaction; on a conflict (another writer), article by article."""
    if not batch:
        return
    try:
        _insert(factory, batch, report)
        return
    except DBAPIError as error:  # rolled back when its session closed
        if not bulk.lost_race(error):
            raise
    for item in batch:
        try:
            _insert(factory, [item], report)
        except IntegrityError:
            report.duplicates += 1


def _insert(factory: sessionmaker[Session], batch: list[Prepared], report: BulkReport) -> None:
    """One transaction for the whole batch: all its articles are stored, or none."""
    with factory() as session:
        bulk.insert_articles(session.connection(), [item.rows for item in batch])
        session.commit()
    report.added += len(batch)
    report.events += sum(len(item.rows.events) for item in batch)
