"""Temporal expressions (TimeML TIMEX3): find them with the grammar, resolve them in context."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from app.extract.live_blog import day_at, entry_days
from app.extract.sentences import split_sentences
from app.extract.timex.direction import aims_at, direction_cues, direction_of
from app.extract.timex.find import Candidate, find_candidates
from app.extract.timex.resolve import Anchor, resolve
from app.extract.timex.speech_day import speech_days
from app.extract.timex.values import interval_of
from app.extract.types import DateValue, Sentence, Span, Timex

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


def _ends_range_before(text: str, timexes: list[Timex], start: int, value: str) -> bool:
    """Whether the expression ends a stretch ("from Wednesday to Friday") yet lies before its
    start. Only a date of its precision starts one: "a revision Friday to December's figures"."""
    if not timexes or not timexes[-1].date or len(timexes[-1].value) != len(value):
        return False
    dated = interval_of(value)
    between = text[timexes[-1].span.end : start]
    ends = direction_cues().range_joined.fullmatch(between)
    return bool(ends) and dated is not None and dated.start < timexes[-1].date.start


ASIDE = re.compile(r"\s*[(,]\s*")  # "2pm (11am GMT) on Monday"


def _aside_day(text: str, timexes: list[Timex], candidate: Candidate, value: str) -> str:
    """A clock time set aside right after another ("2pm (11am GMT)") is on its day."""
    if candidate.rule.kind != "clock" or not timexes or timexes[-1].type != "TIME":
        return value
    previous = timexes[-1]
    if not ASIDE.fullmatch(text, previous.span.end, candidate.start):
        return value
    day, time = previous.value.partition("T")[0], value.partition("T")[2]
    return f"{day}T{time}" if time and "T" in previous.value else value


def _name_key(candidate: Candidate) -> str | None:
    """What a bare day or month name says, for finding it again: 'friday', 'april', 'april 24'."""
    if candidate.rule.kind not in REPEATED_KINDS or {"dir", "ydir"} & candidate.groups.keys():
        return None
    groups = candidate.groups
    return " ".join(groups[k].lower() for k in ("weekday", "month", "day") if k in groups) or None


def _interval(value: str, published: date) -> DateValue | None:
    """The calendar interval of a date value; a decade or century still running at publication
    ("the 21st century", "the 2020s") is too long to date anything the news tells of."""
    dated = interval_of(value)
    if dated and dated.end.year - dated.start.year >= 1 and dated.end >= published:
        return None
    return dated


def _resolve_aimed(candidate: Candidate, anchor: Anchor) -> str | None:
    """A weekday an arrangement is made for ("offered a ceasefire for Wednesday") lies ahead of
    the sentence's past: the coming one, unless it has only just passed. The story stays on its
    own day: "Earlier in the day" after it is the day of the offer."""
    kept = (anchor.focus, anchor.named, anchor.coarse)
    value = resolve(candidate, anchor, "closest")
    anchor.focus, anchor.named, anchor.coarse = kept
    return value


def find_timexes(
    text: str, published: date, split: Sequence[Sentence] | None = None
) -> list[Timex]:
    """Every temporal expression in `text`, in order, resolved against `published`; `split`
    is the text's sentences when the caller has them already.

    >>> [(t.span.text, t.value) for t in find_timexes("Troops left on Friday.", date(2022, 6, 25))]
    [('Friday', '2022-06-24')]
    """
    split = split_sentences(text) if split is None else split
    sentences = [(s.start, s.end) for s in split] or [(0, len(text))]
    starts = [s for s, _ in sentences]
    anchor = Anchor(published=published, focus=published)
    timexes: list[Timex] = []
    named: dict[str, str] = {}  # a bare name's value as the story first placed it
    entries = entry_days(text, published)  # a live blog's entries, each read as a story of its day
    entry_starts = [start for start, _ in entries]
    entry = -1
    for candidate in find_candidates(text):
        if entries and (now := bisect_right(entry_starts, candidate.start) - 1) != entry:
            day = day_at(entries, candidate.start, published)
            entry, anchor, named = now, Anchor(published=day, focus=day), {}
        published_here = anchor.published
        sentence = sentences[max(0, bisect_right(starts, candidate.start) - 1)]
        anchor.sentence_start = sentence[0]
        calendar = candidate.rule.kind in CALENDAR_KINDS
        direction = direction_of(text, candidate.start, candidate.end, sentence, calendar)
        if direction in ("closest", "reported_future") and candidate.rule.kind not in WEEKDAY_KINDS:
            direction = "future"  # a month or a day's date keeps a plan ahead
        if direction != "future" and _joined_ahead(text, timexes, candidate.start, published_here):
            # "meets in April and June": June goes where April went, even when a reporting verb
            # follows ("from 30 August to 5 September, agencies reported").
            direction = "future"
        key = _name_key(candidate)
        if direction == "nearest" and key in named:
            # A story names one April, one Thursday: a later bare mention without a cue of
            # its own is the one placed before ("to join in April ... the summit in April").
            direction = "past" if named[key] < published_here.isoformat() else "future"
        aimed = direction in ("past", "nearest") and candidate.rule.kind in WEEKDAY_KINDS
        if aimed and aims_at(text, candidate.start, sentence):
            value = _resolve_aimed(candidate, anchor)
        else:
            value = resolve(candidate, anchor, direction)
        if value and calendar and _ends_range_before(text, timexes, candidate.start, value):
            value = resolve(candidate, anchor, "future") or value
        if not value:
            continue
        value = _aside_day(text, timexes, candidate, value)
        if key and key not in named and direction != "either":  # a deadline may be the next one
            named[key] = value
        span = Span(candidate.start, candidate.end, text[candidate.start : candidate.end])
        kind = candidate.rule.type
        dated = _interval(value, published_here) if kind in ("DATE", "TIME") else None
        timexes.append(Timex(span=span, type=kind, value=value, date=dated))  # type: ignore[arg-type]
    return speech_days(text, split, timexes, published)
