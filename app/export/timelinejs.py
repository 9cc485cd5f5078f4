"""TimelineJS 3 JSON: one slide per event, dates cut to their precision, grouped by region."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from html import escape
from typing import Any

from sqlalchemy.orm import Session

from app.export.stream import iter_events, where
from app.query.filters import EventFilter
from app.query.regions import region_names
from app.store.models import Event

# Which date parts TimelineJS may show for each precision: a month-precise event gets no day.
PARTS = {"day": 3, "week": 3, "month": 2, "quarter": 2, "year": 1}


def date_object(day: date, precision: str) -> dict[str, Any]:
    """A TimelineJS date with only the parts the text gave.

    >>> date_object(date(2022, 6, 1), "month")
    {'year': 2022, 'month': 6}
    """
    values = {"year": day.year, "month": day.month, "day": day.day}
    return dict(list(values.items())[: PARTS.get(precision, 3)])


def display_date(event: Event) -> str:
    """Words for a date that is not a single day: 'week of 20 Jun 2022', 'June 2022', 'Q2 2022'."""
    start = event.date_start
    labels = {
        "week": f"week of {start.day} {start:%b %Y}",
        "month": f"{start:%B %Y}",
        "quarter": f"Q{(start.month - 1) // 3 + 1} {start.year}",
        "year": str(start.year),
    }
    return labels.get(event.precision, f"{start.isoformat()} – {event.date_end.isoformat()}")


def slide(event: Event) -> dict[str, Any]:
    article = event.article
    link = f'<a href="{escape(article.url)}">{escape(article.title)}</a>' if article.url else ""
    parts = (escape(article.source or ""), link or escape(article.title))
    credit = " — ".join(x for x in parts if x)
    item: dict[str, Any] = {
        "unique_id": f"event-{event.id}",
        "start_date": date_object(event.date_start, event.precision),
        "text": {
            "headline": escape(event.summary),
            "text": f"<p>{escape(event.evidence_text)}</p><p>{credit}</p>",
        },
        "group": where(event).admin1 or "Unlocated",
    }
    if event.precision != "day":
        text = display_date(event)
        item["start_date"]["display_date"] = text
        item["display_date"] = text
        if event.date_end != event.date_start and event.precision in ("week", "quarter"):
            item["end_date"] = date_object(event.date_end, event.precision)
    return item


def write(session: Session, f: EventFilter) -> Iterator[str]:
    described = escape(f.describe(region_names(session)))
    title = {"text": {"headline": "Conflict Timeline", "text": described}}
    yield '{"title": ' + json.dumps(title, ensure_ascii=False) + ',\n"events": ['
    separator = "\n"
    for event in iter_events(session, f):
        yield separator + json.dumps(slide(event), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
