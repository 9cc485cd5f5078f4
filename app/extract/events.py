"""Assemble events: each sentence's happenings with their date, places, type and evidence span."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app.extract.cues import cues
from app.extract.event_types import classify
from app.extract.places import event_regions
from app.extract.types import DateValue, Event, Place, Region, Sentence, Span, Timex

SUMMARY_CHARS = 160
# Precision of an anchored date caps the confidence we give an event dated by it.
_PRECISION_CONFIDENCE = {"day": 0.9, "week": 0.8, "month": 0.75, "quarter": 0.7, "year": 0.65}


@dataclass(frozen=True)
class _Context:
    text: str
    published: date
    timexes: Sequence[Timex]
    places: Sequence[Place]


def assemble_events(
    text: str,
    published: date,
    sentences: Sequence[Sentence],
    timexes: Sequence[Timex],
    places: Sequence[Place],
) -> list[Event]:
    """Events of the article, in text order.

    A sentence gives one event per date that dates a happening in it; a date that only dates
    the statement ("X said on Saturday that ... on Friday") yields to the happening's date.
    A sentence without a date of its own that reports news ("..., the mayor said") is dated
    by the publication date; background without a date gives no event.
    """
    context = _Context(text, published, timexes, places)
    events: list[Event] = []
    focus: tuple[Region, ...] = ()
    for sentence in sentences:
        for event in _sentence_events(context, sentence, focus):
            events.append(event)
            if event.places:
                focus = event.regions
    return events


def _inside(start: int, end: int, sentence: Sentence) -> bool:
    return sentence.start <= start and end <= sentence.end


def _sentence_events(
    context: _Context, sentence: Sentence, focus: tuple[Region, ...]
) -> list[Event]:
    dated = [
        t
        for t in context.timexes
        if t.date is not None and t.type in ("DATE", "TIME") and _inside(t.span.start, t.span.end, sentence)
    ]
    places = [p for p in context.places if _inside(p.span.start, p.span.end, sentence)]
    anchors = _event_anchors(context.text, sentence, dated)
    if anchors:
        return [_make_event(context, sentence, t, places, focus) for t in anchors]
    if _reports_current_news(sentence.text):
        return [_make_event(context, sentence, None, places, focus)]
    return []


def _event_anchors(text: str, sentence: Sentence, dated: list[Timex]) -> list[Timex]:
    """The dates that date happenings: statement dates give way to the happening's own date."""
    if len(dated) < 2:
        return dated
    reporting = [t for t in dated if _dates_a_statement(text, sentence, t)]
    happenings = [t for t in dated if t not in reporting]
    if not happenings:
        return reporting[:1]
    unique: dict[str, Timex] = {}
    for timex in happenings:
        unique.setdefault(timex.value, timex)
    return list(unique.values())


def _dates_a_statement(text: str, sentence: Sentence, timex: Timex) -> bool:
    before = text[sentence.start : timex.span.start]
    return cues().reporting_before_date.search(before) is not None


def _reports_current_news(sentence_text: str) -> bool:
    cue = cues()
    if cue.background.search(sentence_text):
        return False
    return cue.reporting.search(sentence_text) is not None or classify(sentence_text).score >= 2


def _make_event(
    context: _Context,
    sentence: Sentence,
    timex: Timex | None,
    places: list[Place],
    focus: tuple[Region, ...],
) -> Event:
    date_value = timex.date if timex is not None and timex.date is not None else _day(context.published)
    regions = event_regions(places, sentence.text, sentence.start) or focus
    used_places = tuple(p for p in places if p.region in regions)
    match = classify(sentence.text)
    return Event(
        date=date_value,
        evidence=Span(sentence.start, sentence.end, sentence.text),
        timex=timex,
        regions=tuple(regions),
        places=used_places,
        event_type=match.event_type,
        sub_event_type=match.sub_event_type,
        summary=_summary(sentence.text),
        confidence=_confidence(date_value, timex, bool(regions), match.score),
    )


def _day(day: date) -> DateValue:
    return DateValue(day, day, "day", day.isoformat())


def _summary(sentence_text: str) -> str:
    line = " ".join(sentence_text.split())
    if len(line) <= SUMMARY_CHARS:
        return line
    cut = line.rfind(" ", 0, SUMMARY_CHARS - 1)
    return line[: cut if cut > 0 else SUMMARY_CHARS - 1] + "…"


def _confidence(value: DateValue, timex: Timex | None, located: bool, type_score: float) -> float:
    score = _PRECISION_CONFIDENCE.get(value.precision, 0.6) if timex else 0.55
    if not located:
        score -= 0.15
    if type_score <= 0:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
