"""GeoJSON (RFC 7946): a FeatureCollection of the events that have coordinates."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from app.export.stream import coordinates, iter_events, where
from app.query.filters import EventFilter
from app.store.models import Event


def feature(event: Event) -> dict[str, Any] | None:
    """A Point (one place) or MultiPoint (several) in WGS 84 longitude, latitude order."""
    points = [[round(lon, 6), round(lat, 6)] for lon, lat in coordinates(event)]
    if not points:
        return None
    geometry: dict[str, Any] = (
        {"type": "Point", "coordinates": points[0]}
        if len(points) == 1
        else {"type": "MultiPoint", "coordinates": points}
    )
    w = where(event)
    properties = {
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "date_value": event.date_value,
        "precision": event.precision,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "summary": event.summary,
        "evidence": event.evidence_text,
        "admin1": w.admin1,
        "location": w.location,
        "geo_precision": w.geo_precision,
        "regions": [link.region_code for link in event.regions],
        "source": event.article.source,
        "article_url": event.article.url,
        "article_title": event.article.title,
    }
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def write(session: Session, f: EventFilter) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    separator = "\n"
    for event in iter_events(session, f):
        item = feature(event)
        if item is not None:
            yield separator + json.dumps(item, ensure_ascii=False)
            separator = ",\n"
    yield "\n]}\n"
