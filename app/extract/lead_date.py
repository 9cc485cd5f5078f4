"""A news lead without a day of its own takes the day its follow-up paragraph tells."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.extract.cues import cues
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
    for follow_up in events[1 : 1 + FOLLOW_UP_EVENTS]:
        if follow_up.evidence.start - lead.evidence.end > FOLLOW_UP_CHARS:
            break
        if _goes_on_the_sentence(lead, follow_up):
            break  # "X has called on ... | after the capture of Y on Sunday": an earlier happening
        days_before = (published - follow_up.date.start).days
        if follow_up.timex is None or days_before == 0:
            break  # the story goes on with the day's news: so is the lead
        if follow_up.date.precision == "day" and days_before <= FOLLOW_UP_DAYS:
            return [replace(lead, date=follow_up.date, timex=follow_up.timex), *events[1:]]
    return events  # background ("agreed to send 31 tanks in January 2023") tells no day


_SENTENCE_END = (".", "!", "?", "”", '"', "’")


def _goes_on_the_sentence(lead: Event, follow_up: Event) -> bool:
    """The follow-up is the dated clause the lead's own sentence goes on with, set apart from it
    (see clauses.py), not a later paragraph that tells the lead's day."""
    gap = follow_up.evidence.start - lead.evidence.end
    return gap <= 2 and not lead.evidence.text.rstrip().endswith(_SENTENCE_END)
