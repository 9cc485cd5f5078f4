"""`python -m app ingest`: parallel extraction, batched writes, resume by hash, round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.cli import main as cli
from app.config import Settings
from app.store.db import make_engine, make_session_factory
from app.store.models import Article, Event
from tests.backends import database_url as backend_database
from tests.factories import SIEGE_TEXT

OTHER_TEXTS = [
    "Russian missiles struck Kharkiv on Monday, the regional governor said.",
    "Fighting near Bakhmut intensified in June, officials said, with heavy shelling reported.",
    # No publication date given: it is inferred from the dateline.
    "KYIV, March 3, 2022 - Explosions were heard in Kyiv on Thursday, the mayor said.",
]


def write_jsonl(path: Path, records: list[dict[str, Any]], bad_line: bool = False) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if bad_line:
        lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records() -> list[dict[str, Any]]:
    first = {
        "title": "Siege",
        "published": "2022-06-25",
        "source": "Wire",
        "url": "https://x.org/1",
    }
    items = [{**first, "text": SIEGE_TEXT}]
    for number, text in enumerate(OTHER_TEXTS[:2], 2):
        items.append({"title": f"Story {number}", "published": "2022-06-27", "text": text})
    items.append({"title": "Dateline", "source": "Wire", "text": OTHER_TEXTS[2]})
    return items


def snapshot(url: str) -> list[tuple[Any, ...]]:
    """Everything a user sees of the stored articles and events, ids aside."""
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        query = select(Article).options(selectinload(Article.events).selectinload(Event.regions))
        articles = session.scalars(query.order_by(Article.content_hash)).all()
        result = [_article_row(a) for a in articles]
    engine.dispose()
    return result


def _article_row(a: Article) -> tuple[Any, ...]:
    events = [
        (
            e.date_start,
            e.date_end,
            e.precision,
            e.date_value,
            e.evidence_text,
            e.event_type,
            e.sub_event_type,
            tuple(sorted(r.region_code for r in e.regions)),
        )
        for e in a.events
    ]
    fields = (a.title, a.source, a.url, a.published, a.published_inferred, a.text)
    return (*fields, a.content_hash, sorted(events))


def run(monkeypatch: pytest.MonkeyPatch, url: str, *args: str) -> int:
    monkeypatch.setenv("TIMELINE_DATABASE_URL", url)
    return cli(list(args))


def test_ingest_reports_rejects_and_a_rerun_skips_what_is_stored(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records(), bad_line=True)
    assert run(monkeypatch, settings.database_url, "ingest", "--workers", "2", str(path)) == 1
    out = capsys.readouterr().err
    assert "Added 4 article(s)" in out and "rejected 1" in out and "articles/s" in out
    before = snapshot(settings.database_url)
    assert len(before) == 4 and any(a[4] for a in before)  # one date inferred from the dateline
    assert run(monkeypatch, settings.database_url, "ingest", str(path)) == 1
    again = capsys.readouterr().err
    assert "Added 0 article(s)" in again and "skipped 4 duplicate(s)" in again
    assert snapshot(settings.database_url) == before


def test_jsonl_export_round_trips_without_loss(
    settings: Settings, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", records())
    assert run(monkeypatch, settings.database_url, "ingest", str(source)) == 0
    exported = tmp_path / "out.jsonl"
    assert (
        run(monkeypatch, settings.database_url, "export", "--format", "jsonl", "-o", str(exported))
        == 0
    )
    with backend_database(backend, tmp_path, "copy") as other:
        assert run(monkeypatch, other, "ingest", str(exported)) == 0
        assert snapshot(other) == snapshot(settings.database_url)
