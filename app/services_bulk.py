"""Bulk ingest on every core: a process pool checks and extracts, one writer inserts in batches."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.extract import ParsedArticle, parse_article
from app.ingest import IngestError
from app.services import ArticleInput, check_article
from app.store import repo
from app.store.models import Article, Place

CHUNK = 8  # articles per task sent to a worker process
BATCH = 100  # articles per database transaction
WARM_UP = "Russian forces shelled Kharkiv on Saturday, the governor said."

Named = tuple[str, ArticleInput | IngestError]


@dataclass(frozen=True)
class Prepared:
    """An article checked and extracted in a worker, ready for the writer."""

    fields: repo.ArticleFields
    parsed: ParsedArticle
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
    return Prepared(checked.fields, parse_article(checked.text, checked.published), checked.digest)


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
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        window: deque[Future[list[tuple[str, Prepared | str | None]]]] = deque()
        for chunk in islice(chunks, workers * 4):
            window.append(pool.submit(_prepare_chunk, chunk, max_bytes))
        while window:
            done = window.popleft().result()
            for chunk in islice(chunks, 1):
                window.append(pool.submit(_prepare_chunk, chunk, max_bytes))
            yield from done


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
    with factory() as session:
        try:
            _add_all(session, batch, report)
            session.commit()
            return
        except IntegrityError:
            session.rollback()
    for item in batch:
        with factory() as session:
            try:
                _add_all(session, [item], report)
                session.commit()
            except IntegrityError:
                session.rollback()
                report.duplicates += 1


def _add_all(session: Session, batch: list[Prepared], report: BulkReport) -> None:
    added = events = 0
    places: dict[tuple[str, str], Place] = {}
    # Without autoflush each place look-up would flush every pending event of the batch.
    with session.no_autoflush:
        for item in batch:
            repo.add_parsed_article(session, item.fields, item.parsed, item.digest, places)
            added += 1
            events += len(item.parsed.events)
    session.flush()
    report.added += added
    report.events += events
