"""Build an Event from its evidence: date, scene, type, summary and confidence."""

from __future__ import annotations

from datetime import date

from app.extract.event_context import ArticleContext
from app.extract.event_scene import SceneFocus, event_scene
from app.extract.event_types import EventTypeMatch, classify_happening
from app.extract.spans import within
from app.extract.tense import main_clause
from app.extract.types import DateValue, Event, Place, Span, Timex

SUMMARY_CHARS = 160
# Precision of an anchored date caps the confidence we give an event dated by it.
_PRECISION_CONFIDENCE = {"day": 0.9, "week": 0.8, "month": 0.75, "quarter": 0.7, "year": 0.65}


def make_event(
    context: ArticleContext,
    evidence: Span,
    timex: Timex | None,
    places: list[Place],
    focus: SceneFocus,
) -> Event:
    """The event `evidence` tells, dated by `timex` or else by the day of publication."""
    date_value = (
        timex.date if timex is not None and timex.date is not None else _day(context.published)
    )
    regions, used_places = event_scene(places, evidence, focus, context.home)
    match = _event_type(_without_dates(context, evidence))
    return Event(
        date=date_value,
        evidence=evidence,
        timex=timex,
        regions=regions,
        places=used_places,
        event_type=match.event_type,
        sub_event_type=match.sub_event_type,
        summary=_summary(evidence.text),
        confidence=_confidence(date_value, timex, bool(regions), match.score),
    )


def _event_type(text: str) -> EventTypeMatch:
    """The type of the main clause's happening; of the whole sentence when the main clause names
    none. "The missile hit the station ..., where Ukraine had urged civilians to leave ahead of an
    expected Russian offensive": a missile strike, not a battle."""
    main = classify_happening(main_clause(text))
    return main if main.score > 0 else classify_happening(text)


def _without_dates(context: ArticleContext, evidence: Span) -> str:
    """The evidence with its temporal expressions blanked: "on March 31" is no protest march."""
    chars = list(evidence.text)
    for timex in within(context.timexes, context.timex_starts, evidence):
        start = timex.span.start - evidence.start
        chars[start : start + len(timex.span.text)] = " " * len(timex.span.text)
    return "".join(chars)


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
