"""Human review of extracted events: date, precision, regions and type, each change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.store.models import AuditEntry, Event, EventRegion

PRECISIONS = ("day", "week", "month", "year")


class ReviewError(ValueError):
    """A reviewed value that cannot be stored; the message says how to fix it."""


@dataclass(frozen=True)
class Review:
    """What the reviewer submitted for one event."""

    day: date  # any day inside the period
    precision: str
    regions: tuple[str, ...]
    event_type: str


def period(day: date, precision: str) -> tuple[date, date, str]:
    """(start, end, TIMEX3 value) of the day, week, month or year containing `day`."""
    if precision == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6), f"{start:%G-W%V}"
    if precision == "month":
        start = day.replace(day=1)
        following = (start + timedelta(days=32)).replace(day=1)
        return start, following - timedelta(days=1), f"{start:%Y-%m}"
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), str(day.year)
    if precision == "day":
        return day, day, day.isoformat()
    raise ReviewError(f"Precision must be one of {', '.join(PRECISIONS)}.")


def apply_review(session: Session, event: Event, review: Review, username: str) -> int:
    """Store the reviewer's values and mark the event human-reviewed; returns fields changed."""
    start, end, value = period(review.day, review.precision)
    old = _snapshot(event)
    event.date_start, event.date_end, event.date_value = start, end, value
    event.precision = review.precision
    event.event_type = review.event_type[:64] or event.event_type
    if tuple(sorted(review.regions)) != old["regions"]:
        _set_regions(session, event, review.regions)
    event.reviewed = True
    new = _snapshot(event) | {"regions": tuple(sorted(review.regions))}
    changed = [field for field in old if old[field] != new[field]]
    for field in changed:
        session.add(AuditEntry(username=username, action="review", target_type="event",
                               target_id=event.id, field=field, old_value=str(old[field]),
                               new_value=str(new[field])))  # fmt: skip
    return len(changed)


def _snapshot(event: Event) -> dict[str, object]:
    return {
        "date_value": event.date_value,
        "precision": event.precision,
        "event_type": event.event_type,
        "regions": tuple(sorted(link.region_code for link in event.regions)),
    }


def _set_regions(session: Session, event: Event, codes: Sequence[str]) -> None:
    event.regions.clear()
    session.flush()  # delete the old links before the new ones reuse their keys
    event.regions.extend(EventRegion(region_code=code) for code in dict.fromkeys(codes))
