"""A speech reproduced in full after the article says when it was given ("In Zelensky's latest
address on Thursday evening, July 21, the president commented on ... Today, I held a meeting of
the Staff ..."): its "today" and "tomorrow" are the speaker's, counted from the day of the
speech, not from the day the article was published."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from app.extract.live_blog import is_live_blog
from app.extract.tense import QUOTED, unquoted
from app.extract.timex.values import interval_of
from app.extract.types import Sentence, Timex

INTRO_SENTENCES = 2  # the article says when the speech was given in its first sentences
SPEECH_DAYS = 3  # ... a day of the last few before publication
_SPEECH = re.compile(r"\b(?:address|speech)\b", re.IGNORECASE)
# The speaker's own voice: a sentence in the first person ("Today, I held ...", "we expect")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|us)\b")
_DEICTIC = re.compile(r"(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))")


def speech_days(
    text: str, sentences: Sequence[Sentence], timexes: list[Timex], published: date
) -> list[Timex]:
    """The timexes, with each deictic of a first-person sentence after the introduction of a
    speech given on an earlier day counted from that day."""
    intro = list(sentences[:INTRO_SENTENCES])
    day = _speech_day(intro, timexes, published)
    if day is None or is_live_blog(text):  # a blog's entries are the newsroom's, each of its day
        return timexes
    shift = day - published
    # the speech itself, not a quotation inside a report ("“... the deal we made yesterday”")
    speaker = [s for s in sentences[INTRO_SENTENCES:] if _FIRST_PERSON.search(unquoted(s.text))]
    return [
        _shifted(t, shift) if _DEICTIC.fullmatch(t.span.text.lower()) and _inside(t, speaker) else t
        for t in timexes
    ]


def _speech_day(intro: list[Sentence], timexes: list[Timex], published: date) -> date | None:
    """The day of the last few an opening sentence says an address or a speech was given."""
    for sentence in intro:
        if not _SPEECH.search(sentence.text):
            continue
        for t in timexes:
            inside = sentence.start <= t.span.start < sentence.end
            day = t.date.start if t.date is not None and t.date.precision == "day" else None
            if inside and day is not None and 0 < (published - day).days <= SPEECH_DAYS:
                return day
    return None


def _inside(timex: Timex, sentences: list[Sentence]) -> bool:
    """In one of the sentences, and not inside a quotation there."""
    for s in sentences:
        if s.start <= timex.span.start < s.end:
            at = timex.span.start - s.start
            return not any(q.start() <= at < q.end() for q in QUOTED.finditer(s.text))
    return False


def _shifted(timex: Timex, shift: timedelta) -> Timex:
    if timex.date is None or timex.date.precision != "day":
        return timex
    day = (timex.date.start + shift).isoformat()
    value = day + timex.value[len(day) :]  # "2022-07-21TEV" keeps its part of the day
    return replace(timex, value=value, date=interval_of(day))
