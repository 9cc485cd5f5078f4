"""Temporal expressions (TimeML TIMEX3): find them with the grammar, resolve them in context."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from app.extract.sentences import split_sentences
from app.extract.timex.direction import direction_cues, direction_of
from app.extract.timex.find import Candidate, find_candidates
from app.extract.timex.resolve import Anchor, resolve
from app.extract.timex.values import interval_of
from app.extract.types import Span, Timex

__all__ = ["find_timexes", "interval_of"]

# Named days and months without a year: their direction comes from a verb that may stand a long
# phrase before them ("is due to make a state visit to France on Monday").
CALENDAR_KINDS = frozenset(
    {"day_no_year", "weekday_day", "month_no_year", "clock_date", "weekday", "clock_weekday"}
)
# Weekdays, the only kinds that read a plan without a tense of its own as the day just past.
WEEKDAY_KINDS = frozenset({"weekday", "clock_weekday"})
# Bare names that a story repeats for the same day or month.
REPEATED_KINDS = frozenset({"day_no_year", "month_no_year", "weekday"})


def _joined_ahead(text: str, timexes: list[Timex], start: int, published: date) -> bool:
    """Whether the expression is coordinated with one just before it that lies ahead."""
    if not timexes or not timexes[-1].date:
        return False
    between = text[timexes[-1].span.end : start]
    return bool(direction_cues().joined.fullmatch(between)) and timexes[-1].date.start > published


def _name_key(candidate: Candidate) -> str | None:
    """What a bare day or month name says, for finding it again: 'friday', 'april', 'april 24'."""
    if candidate.rule.kind not in REPEATED_KINDS or {"dir", "ydir"} & candidate.groups.keys():
        return None
    groups = candidate.groups
    return " ".join(groups[k].lower() for k in ("weekday", "month", "day") if k in groups) or None


def find_timexes(text: str, published: date) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against `published`.

    >>> [(t.span.text, t.value) for t in find_timexes("Troops left on Friday.", date(2022, 6, 25))]
    [('Friday', '2022-06-24')]
    """
    sentences = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    starts = [s for s, _ in sentences]
    anchor = Anchor(published=published, focus=published)
    timexes: list[Timex] = []
    named: dict[str, str] = {}  # a bare name's value as the story first placed it
    for candidate in find_candidates(text):
        sentence = sentences[max(0, bisect_right(starts, candidate.start) - 1)]
        calendar = candidate.rule.kind in CALENDAR_KINDS
        direction = direction_of(text, candidate.start, candidate.end, sentence, calendar)
        if direction in ("closest", "reported_future") and candidate.rule.kind not in WEEKDAY_KINDS:
            direction = "future"  # a month or a day's date keeps a plan ahead
        if direction != "future" and _joined_ahead(text, timexes, candidate.start, published):
            # "meets in April and June": June goes where April went, even when a reporting verb
            # follows ("from 30 August to 5 September, agencies reported").
            direction = "future"
        key = _name_key(candidate)
        if direction == "nearest" and key in named:
            # A story names one April, one Thursday: a later bare mention without a cue of
            # its own is the one placed before ("to join in April ... the summit in April").
            direction = "past" if named[key] < published.isoformat() else "future"
        value = resolve(candidate, anchor, direction)
        if not value:
            continue
        if key and key not in named and direction != "either":  # a deadline may be the next one
            named[key] = value
        span = Span(candidate.start, candidate.end, text[candidate.start : candidate.end])
        kind = candidate.rule.type
        dated = interval_of(value) if kind in ("DATE", "TIME") else None
        timexes.append(Timex(span=span, type=kind, value=value, date=dated))  # type: ignore[arg-type]
    return timexes
