"""Exports stream: memory stays flat from 1,000 to 10,000 events (server-side cursor, batches)."""

from __future__ import annotations

import tracemalloc
from datetime import date, timedelta

import pytest
from sqlalchemy import insert

from app.config import Settings
from app.export import FORMATS
from app.query.filters import EventFilter
from app.services import prepare_database
from app.store.db import make_engine, make_session_factory
from app.store.models import Article, Event, EventRegion


def add_events(settings: Settings, count: int, start_id: int) -> None:
    """Synthetic rows straight into the tables: extraction is not what is measured here."""
    engine = make_engine(settings.resolved_database_url())
    prepare_database(engine, demo=False, max_bytes=settings.max_upload_bytes)
    day = date(2022, 2, 24)
    with engine.begin() as connection:
        if start_id == 1:
            connection.execute(
                insert(Article),
                [
                    {"id": 1, "title": "T", "published": day, "published_inferred": False}
                    | {"text": "x " * 10, "content_hash": "h", "source": "S", "url": None}
                ],
            )
        rows = [
            {
                "id": i,
                "article_id": 1,
                "date_start": day + timedelta(days=i % 900),
                "date_end": day + timedelta(days=i % 900),
                "precision": "day",
                "date_value": "2022-02-24",
                "date_text": None,
                "evidence_start": 0,
                "evidence_end": 5,
                "evidence_text": f"Shelling reported in Kharkiv, item {i}.",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling",
                "summary": f"Shelling {i}",
                "confidence": 0.8,
                "reviewed": False,
                "search_text": f"Shelling {i}",
            }
            for i in range(start_id, start_id + count)
        ]
        connection.execute(insert(Event), rows)
        links = [{"event_id": r["id"], "region_code": "UA-63"} for r in rows]
        connection.execute(insert(EventRegion), links)
    engine.dispose()


def peak_bytes(settings: Settings, fmt: str) -> tuple[int, int]:
    """Peak Python memory while writing the whole export, and how many characters it wrote."""
    engine = make_engine(settings.resolved_database_url())
    written = 0
    with make_session_factory(engine)() as session:
        tracemalloc.start()
        for piece in FORMATS[fmt].write(session, EventFilter()):
            written += len(piece)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    engine.dispose()
    return peak, written


@pytest.mark.parametrize("fmt", ["csv"])
def test_export_memory_does_not_grow_with_the_number_of_events(
    settings: Settings, fmt: str
) -> None:
    add_events(settings, 1_000, 1)
    small, small_size = peak_bytes(settings, fmt)
    add_events(settings, 9_000, 1_001)
    large, large_size = peak_bytes(settings, fmt)
    assert large_size > 9 * small_size
    # Ten times the events, about the same memory (the output alone would be far larger).
    assert large < small * 1.5 + 1_000_000, (small, large)
