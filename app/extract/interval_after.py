"""A happening told as coming some days after another ("Kishida made a surprise trip to Kyiv – a
day after Xi met Putin in Moscow", "The blasts on Tuesday come one week after at least one person
was killed in similar explosions in Crimea") dates that other happening too: so many days before
the first. Both annotators of the development sets made it an event of its own, on that day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from app.extract.event_context import ArticleContext
from app.extract.event_record import make_event
from app.extract.event_scene import SceneFocus
from app.extract.spans import within
from app.extract.tense import has_past_verb
from app.extract.types import DateValue, Event, Sentence, Span, Timex

# "a day after", "exactly a week after", "two days after": the earlier happening follows
INTERVAL_AFTER = re.compile(
    r"\b(?:(?:exactly|just|only|nearly|almost|about|some)\s+)?"
    r"(?P<count>a|an|one|two|three|four|five|six|seven|\d)\s+(?P<unit>day|week)s?\s+after\s+",
    re.IGNORECASE,
)
_COUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7}
MAIN_WORDS = 4  # fewer words before "... after" ("The blasts on Tuesday come") recap, not report
# What stands before "a day after" when it counts from the main event: a pause (", a day after",
# "– a day after") or a verb of coming to pass ("come one week after", "took place a day after").
# "Just two days after agreeing ..., Turkey has warned" opens the sentence on it instead.
_FROM_THE_MAIN = re.compile(
    r"(?:[,\u2013\u2014]\s*|\b(?:come|came|comes|coming|occurred|happened|"
    r"(?:took|takes|taking)\s+place)\s+)$"
)
# "after Russian forces launched strikes on the port, a day after the deal was signed": the count
# runs from that earlier happening, whose day is not the main event's
_ANOTHER_HAPPENING = re.compile(r"\b(?:after|following|when)\b", re.IGNORECASE)


def with_earlier_happenings(
    context: ArticleContext,
    sentences: Sequence[Sentence],
    events: list[Event],
    focus: SceneFocus,
) -> list[Event]:
    """The events, with each happening told "N days after" an event dated to a day as an event
    of its own, N days before it. Run once the events' own days are settled."""
    for sentence in sentences:
        interval = INTERVAL_AFTER.search(sentence.text) if "after" in sentence.text else None
        if interval is None or not _counts_from_the_main(context, sentence, interval):
            continue
        start = sentence.start + interval.start()
        before = [
            e
            for e in events
            if sentence.start <= e.evidence.start < start and e.date.precision == "day"
        ]
        if not before:
            continue
        main = before[-1]
        events = [e for e in events if e is not main]
        events.append(_earlier_event(context, sentence, interval, main, _days(interval), focus))
        if main.evidence.end <= start:  # "... Zelensky – a day after ...": told apart already
            events.append(main)
        elif _words(context, main.evidence.start, start) >= MAIN_WORDS:
            events.append(_remade(context, main, start, focus))
        # else "The blasts on Tuesday come one week after ...": only the earlier happening is news
        events.sort(key=lambda e: e.evidence.start)
    return events


def _days(interval: re.Match[str]) -> int:
    """'a day' 1, 'two weeks' 14, '3 days' 3."""
    count = interval.group("count").lower()
    number = int(count) if count.isdigit() else _COUNTS[count]
    return number * _UNIT_DAYS[interval.group("unit").lower()]


def _counts_from_the_main(
    context: ArticleContext, sentence: Sentence, interval: re.Match[str]
) -> bool:
    """The count runs from the sentence's main event to a happening told after it, in the past
    and without a date of its own ("a day after Putin turned 70 on Friday" has one)."""
    before = sentence.text[: interval.start()]
    after = sentence.text[interval.end() :]
    if not _FROM_THE_MAIN.search(before) or _ANOTHER_HAPPENING.search(before):
        return False
    tail = Span(sentence.start + interval.start(), sentence.end, after)
    dated = within(context.timexes, context.timex_starts, tail)
    return has_past_verb(after) and not any(t.type in ("DATE", "TIME") for t in dated)


def _earlier_event(
    context: ArticleContext,
    sentence: Sentence,
    interval: re.Match[str],
    main: Event,
    days: int,
    focus: SceneFocus,
) -> Event:
    """The happening after "N days after", on its day; where the main event was when it names
    no place of its own ("a week after an attack on an air base")."""
    day = main.date.start - timedelta(days=days)
    value = DateValue(day, day, "day", day.isoformat())
    start, said_end = sentence.start + interval.start(), sentence.start + interval.end() - 1
    said = Span(start, said_end, context.text[start:said_end])
    tail = _span(context, start, sentence.end)
    places = within(context.places, context.place_starts, tail)
    earlier = make_event(context, tail, Timex(said, "DATE", value.value, value), places, focus)
    if places and earlier.regions:
        return earlier
    return replace(earlier, regions=main.regions, places=main.places)


def _remade(context: ArticleContext, main: Event, end: int, focus: SceneFocus) -> Event:
    """The main event told by its own words only, before "... after"; where it was told to be
    when those words name no place ("the meeting taking place a day after they attended a
    gathering ... on Bali")."""
    span = _span(context, main.evidence.start, end)
    places = within(context.places, context.place_starts, span)
    remade = make_event(context, span, main.timex, places, focus)
    return remade if places else replace(remade, regions=main.regions, places=main.places)


def _span(context: ArticleContext, start: int, end: int) -> Span:
    text = context.text[start:end].rstrip(" ,;–—-")
    return Span(start, start + len(text), text)


def _words(context: ArticleContext, start: int, end: int) -> int:
    """Words between start and end, besides dates and the verb of coming ("come", "came")."""
    span = _span(context, start, end)
    dates = sum(
        len(t.span.text.split()) for t in within(context.timexes, context.timex_starts, span)
    )
    words = [w for w in span.text.split() if w.lower() not in ("come", "came", "comes")]
    return len(words) - dates
