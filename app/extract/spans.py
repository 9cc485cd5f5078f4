"""Find the timexes or places (sorted by start) that lie inside a sentence or clause."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TypeVar

from app.extract.types import Place, Sentence, Span, Timex

Spanned = TypeVar("Spanned", Timex, Place)


def within(items: Sequence[Spanned], starts: list[int], span: Sentence | Span) -> list[Spanned]:
    """The items (sorted by start, `starts` their starts) lying inside the span, by bisection."""
    first = bisect_left(starts, span.start)
    last = bisect_left(starts, span.end)
    return [item for item in items[first:last] if item.span.end <= span.end]


def inside(start: int, end: int, span: Sentence | Span) -> bool:
    return span.start <= start and end <= span.end
