"""CSV with ACLED's column names where they apply, plus our provenance columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlalchemy.orm import Session

from app.export.stream import iter_events, where
from app.query.filters import EventFilter
from app.store.models import Event

ACLED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
]
OUR_COLUMNS = [
    "article_url",
    "article_title",
    "article_published",
    "evidence",
    "date_value",
    "date_precision",
    "date_start",
    "date_end",
    "date_text",
    "region_codes",
    "confidence",
    "reviewed",
]
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS
# ACLED: 1 = the day is known, 2 = within a week or so, 3 = only the month (or coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "quarter": 3, "year": 3}
# ACLED: 1 = the town itself, 2 = near a town or a part of a region, 3 = only the province.
GEO_PRECISION = {"settlement": 1, "nearby": 2, "region": 3, "country": 3}
ISO3 = {"UA": "UKR", "RU": "RUS", "BY": "BLR", "PL": "POL", "MD": "MDA", "RO": "ROU", "GE": "GEO"}
COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "PL": "Poland", "MD": "Moldova"}


def row(event: Event) -> list[object]:
    w = where(event)
    article = event.article
    return [
        f"{ISO3.get(w.country, w.country or 'XXX')}{event.id}",
        event.date_start.isoformat(),
        event.date_start.year,
        TIME_PRECISION.get(event.precision, 3),
        event.event_type,
        event.sub_event_type,
        COUNTRY_NAMES.get(w.country, w.country),
        w.admin1,
        w.location,
        "" if w.lat is None else f"{w.lat:.4f}",
        "" if w.lon is None else f"{w.lon:.4f}",
        GEO_PRECISION.get(w.geo_precision, ""),
        article.source or "",
        event.summary,
        article.url or "",
        article.title,
        article.published.isoformat(),
        event.evidence_text,
        event.date_value,
        event.precision,
        event.date_start.isoformat(),
        event.date_end.isoformat(),
        event.date_text or "",
        ";".join(link.region_code for link in event.regions),
        f"{event.confidence:.2f}",
        int(event.reviewed),
    ]


def write(session: Session, f: EventFilter) -> Iterator[str]:
    """The header, then one line per event (RFC 4180 quoting, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for event in iter_events(session, f):
        writer.writerow(row(event))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
