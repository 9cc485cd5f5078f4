"""JSON Lines of the articles behind the filtered events: the shape `python -m app ingest` reads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from app.export.stream import iter_articles
from app.query.filters import EventFilter
from app.store.models import Article


def record(article: Article) -> dict[str, Any]:
    """An inferred publication date is left out, so importing infers the same date again."""
    return {
        "title": article.title,
        "published": None if article.published_inferred else article.published.isoformat(),
        "source": article.source,
        "url": article.url,
        "text": article.text,
    }


def write(session: Session, f: EventFilter) -> Iterator[str]:
    """Every article when no filter is set (articles without events too), else those matching."""
    for article in iter_articles(session, f, all_articles=not f.active):
        yield json.dumps(record(article), ensure_ascii=False) + "\n"
