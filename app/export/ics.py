"""iCalendar (RFC 5545): one all-day VEVENT per event, spanning its whole date interval."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from app.export.stream import iter_events, where
from app.query.filters import EventFilter
from app.store.models import Event

PRODID = "-//Conflict Timeline//Export//EN"


def escape_text(value: str) -> str:
    r"""TEXT value escaping: backslash, semicolon, comma and newlines.

    >>> escape_text("a, b; c\nd")
    'a\\, b\\; c\\nd'
    """
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Split a content line into CRLF-terminated pieces of at most 75 octets (RFC 5545 3.1)."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces) + "\r\n"


def vevent(event: Event, stamp: str) -> str:
    w = where(event)
    article = event.article
    end = event.date_end + timedelta(days=1)  # DTEND of an all-day event is exclusive
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event.id}@conflict-timeline",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.date_start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.evidence_text + chr(10) + chr(10) + article.title)}",
        f"CATEGORIES:{escape_text(event.event_type)}",
    ]
    if w.location:
        lines.append(f"LOCATION:{escape_text(w.location)}")
    if w.lat is not None and w.lon is not None:
        lines.append(f"GEO:{w.lat:.6f};{w.lon:.6f}")
    if article.url:
        lines.append(f"URL:{article.url}")
    lines.append("END:VEVENT")
    return "".join(fold(line) for line in lines)


def write(session: Session, f: EventFilter) -> Iterator[str]:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    yield "".join(
        fold(line)
        for line in ("BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN")
    )
    for event in iter_events(session, f):
        yield vevent(event, stamp)
    yield fold("END:VCALENDAR")
