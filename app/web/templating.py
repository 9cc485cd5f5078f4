"""Jinja2 templates over the top-level templates/ folder, with the filters the pages use."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from fastapi.templating import Jinja2Templates

from app.config import PROJECT_ROOT


class Dated(Protocol):
    @property
    def date_start(self) -> date: ...
    @property
    def date_end(self) -> date: ...
    @property
    def precision(self) -> str: ...


def date_label(event: Dated) -> str:
    """The date at the precision the text gave: '25 Jun 2022', 'week of 20 Jun 2022', 'May 2022'.

    >>> from types import SimpleNamespace as E
    >>> date_label(E(date_start=date(2022, 5, 1), date_end=date(2022, 5, 31), precision="month"))
    'May 2022'
    >>> date_label(E(date_start=date(2022, 6, 25), date_end=date(2022, 6, 26), precision="week"))
    'weekend of 25 Jun 2022'
    """
    start = event.date_start
    if event.precision == "day":
        return f"{start.day} {start:%b %Y}"
    if event.precision == "week":  # an ISO week, or its weekend ("over the weekend")
        weekend = (event.date_end - start).days == 1
        return f"{'weekend' if weekend else 'week'} of {start.day} {start:%b %Y}"
    if event.precision == "month":
        return f"{start:%B %Y}"
    if event.precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if event.precision == "year":
        return str(start.year)
    return f"{start.isoformat()} – {event.date_end.isoformat()}"


@dataclass(frozen=True)
class Segment:
    """A run of article text, highlighted when it is the evidence of one or more events."""

    text: str
    event_ids: tuple[int, ...] = ()


class Evidence(Protocol):
    id: int
    evidence_start: int
    evidence_end: int


def highlight(text: str, events: list[Evidence]) -> list[Segment]:
    """Cut `text` into plain and highlighted runs; overlapping evidence spans share one run."""
    bounds = sorted(
        {0, len(text)} | {e.evidence_start for e in events} | {e.evidence_end for e in events}
    )
    segments = []
    for start, end in itertools.pairwise(bounds):
        if start >= end:
            continue
        ids = tuple(e.id for e in events if e.evidence_start <= start and end <= e.evidence_end)
        segments.append(Segment(text[start:end], ids))
    return segments


templates = Jinja2Templates(directory=PROJECT_ROOT / "templates")
templates.env.filters["date_label"] = date_label
templates.env.globals["highlight"] = highlight
