"""Human review of extracted events: date, precision, regions and type, each change audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.extract.timex.values import interval_of, week_value
from app.store import users
from app.store.models import Event, EventRegion

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
    values = {"day": day.isoformat(), "week": week_value(day), "month": f"{day:%Y-%m}"}
    value = values.get(precision, str(day.year) if precision == "year" else "")
    interval = interval_of(value)
    if interval is None:
        raise ReviewError(f"Precision must be one of {', '.join(PRECISIONS)}.")
    return interval.start, interval.end, interval.value


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
        change = (field, str(old[field]), str(new[field]))
        users.record(session, username, "event.review", ("event", event.id), change)
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
