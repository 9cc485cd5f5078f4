"""Temporal expressions (TimeML TIMEX3): find them with the grammar, resolve them in context."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from app.extract.sentences import split_sentences
from app.extract.timex.direction import direction_of
from app.extract.timex.find import find_candidates
from app.extract.timex.resolve import Anchor, resolve
from app.extract.timex.values import interval_of
from app.extract.types import Span, Timex

__all__ = ["find_timexes", "interval_of"]


def find_timexes(text: str, published: date) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against `published`.

    >>> [(t.span.text, t.value) for t in find_timexes("Troops left on Friday.", date(2022, 6, 25))]
    [('Friday', '2022-06-24')]
    """
    sentences = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    starts = [s for s, _ in sentences]
    anchor = Anchor(published=published, focus=published)
    timexes = []
    for candidate in find_candidates(text):
        sentence = sentences[max(0, bisect_right(starts, candidate.start) - 1)]
        direction = direction_of(text, candidate.start, candidate.end, sentence)
        value = resolve(candidate, anchor, direction)
        if not value:
            continue
        span = Span(candidate.start, candidate.end, text[candidate.start : candidate.end])
        kind = candidate.rule.type
        dated = interval_of(value) if kind in ("DATE", "TIME") else None
        timexes.append(Timex(span=span, type=kind, value=value, date=dated))  # type: ignore[arg-type]
    return timexes
