"""A news lead without a day of its own takes the day its follow-up paragraph tells."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import pairwise

from app.extract.cues import cues
from app.extract.tense import PERFECT, main_clause, opens_paragraph, unquoted
from app.extract.types import Event

FOLLOW_UP_EVENTS = 2  # the lead's day is told in the next event or the one after
FOLLOW_UP_CHARS = 800  # ... within the next paragraph or two
FOLLOW_UP_DAYS = 7  # ... and is a day of the past week


def lead_dated_by_follow_up(events: list[Event], published: date) -> list[Event]:
    """A news lead tells the story without its day ("Russia has launched an assault on the
    steelworks"), which the next paragraph gives ("The assault began on Tuesday"): the lead
    takes that day rather than the day of publication."""
    if not events or events[0].timex is not None:
        return events
    lead = events[0]
    if cues().statement.search(lead.evidence.text.split(",", 1)[0]):
        return events  # "Russia has confirmed it struck ...": the statement is the day's news
    if _plans(unquoted(main_clause(lead.evidence.text))):
        return events  # "Putin is to host the leaders who visited Kyiv": a plan of the day
    for follow_up in events[1 : 1 + FOLLOW_UP_EVENTS]:
        if follow_up.evidence.start - lead.evidence.end > FOLLOW_UP_CHARS:
            break
        if _goes_on_the_sentence(lead, follow_up):
            break  # "X has called on ... | after the capture of Y on Sunday": an earlier happening
        if follow_up.timex is None or follow_up.date.start == published:
            break  # the story goes on with the day's news: so is the lead
        dated = _dated_by(lead, follow_up, published)
        if dated is not lead:
            return [dated, *events[1:]]
    return events  # background ("agreed to send 31 tanks in January 2023") tells no day


_SENTENCE_END = (".", "!", "?", "”", '"', "’")
# "Putin is to host ...", "NATO will meet ...", "Kyiv is expected to announce ...": a plan
_PLAN = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|set\s+to|due\s+to|expected\s+to|scheduled\s+to))\s+[a-z]+",
    re.IGNORECASE,
)


def _plans(framing: str) -> bool:
    return _PLAN.search(framing) is not None


def _goes_on_the_sentence(lead: Event, follow_up: Event) -> bool:
    """The follow-up is the dated clause the lead's own sentence goes on with, set apart from it
    (see clauses.py), not a later paragraph that tells the lead's day."""
    gap = follow_up.evidence.start - lead.evidence.end
    return gap <= 2 and not lead.evidence.text.rstrip().endswith(_SENTENCE_END)


SAME_PARAGRAPH_GAP = 3  # at most this many characters (spaces) between the lead and its follow-up


def paragraph_leads_dated(text: str, events: list[Event], published: date) -> list[Event]:
    """A paragraph opening on the news in the present perfect without its day ("Russia and Ukraine
    have carried out a prisoner exchange, the Kyiv Independent reports.") whose next sentence tells
    the day ("Five captured Ukrainians were returned on 18 June ..."): the lead takes that day."""
    dated = list(events)
    for n, (lead, follow_up) in enumerate(pairwise(events)):
        if lead.timex is not None or follow_up.timex is None:
            continue
        gap = text[lead.evidence.end : follow_up.evidence.start]
        if len(gap) > SAME_PARAGRAPH_GAP or "\n" in gap or _goes_on_the_sentence(lead, follow_up):
            continue
        if opens_paragraph(text, lead.evidence.start) and _tells_a_deed_in_the_perfect(lead):
            dated[n] = _dated_by(lead, follow_up, published)
    return dated


def _dated_by(lead: Event, follow_up: Event, published: date) -> Event:
    """The lead on its follow-up's day, when that is a day of the past week."""
    days_before = (published - follow_up.date.start).days
    if follow_up.date.precision == "day" and 0 < days_before <= FOLLOW_UP_DAYS:
        return replace(lead, date=follow_up.date, timex=follow_up.timex)
    return lead


def _tells_a_deed_in_the_perfect(event: Event) -> bool:
    """ "Russia has labelled an NGO a foreign agent", not "Lukashenko has claimed Ukraine attempted
    a strike" nor "Ukraine has said that Moscow has deported ..." (the statement is the day's
    news, whatever day the deed was)."""
    main = unquoted(main_clause(event.evidence.text))
    perfect = PERFECT.search(main)
    return perfect is not None and not cues().statement.search(main, 0, perfect.end())
