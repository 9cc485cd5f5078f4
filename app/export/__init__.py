"""Exports of the filtered timeline in the field's formats, each written as a stream of text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.export import acled_csv, geojson, ics, jsonl, timelinejs
from app.query.filters import EventFilter

Writer = Callable[[Session, EventFilter], Iterator[str]]


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    media_type: str
    suffix: str
    write: Writer


FORMATS = {
    f.name: f
    for f in (
        Format("csv", "CSV (ACLED columns)", "text/csv; charset=utf-8", "csv", acled_csv.write),
        Format(
            "timelinejs", "TimelineJS", "application/json; charset=utf-8", "json", timelinejs.write
        ),
        Format("geojson", "GeoJSON", "application/geo+json", "geojson", geojson.write),
        Format("ics", "iCalendar", "text/calendar; charset=utf-8", "ics", ics.write),
        Format("jsonl", "Articles (JSONL)", "application/x-ndjson", "jsonl", jsonl.write),
    )
}
