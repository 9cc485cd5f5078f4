"""Extraction: text and publication date in, dated and located events out (pure functions)."""

from __future__ import annotations

from datetime import date

from app.extract.dateline import infer_published, parse_date_field
from app.extract.events import assemble_events
from app.extract.places import find_places
from app.extract.sentences import split_sentences
from app.extract.timex import find_timexes
from app.extract.types import DateValue, Event, ParsedArticle, Place, Region, Span, Timex

__all__ = [
    "DateValue",
    "Event",
    "ParsedArticle",
    "Place",
    "Region",
    "Span",
    "Timex",
    "infer_published",
    "parse_article",
    "parse_date_field",
]


def parse_article(
    text: str, published: date | None, *, title: str | None = None, today: date | None = None
) -> ParsedArticle:
    """Sentences, temporal expressions, places and events of one article.

    When `published` is None it is inferred from the text (a dateline or the latest full date),
    and failing that `today` (default: the current date) is used; `published_inferred` says so.
    The `title` tells a round-up of the day's news ("what we know on day 162"), whose paragraphs
    each open on an event.

    >>> text = "Troops withdrew from Kherson on Friday, the army said."
    >>> parse_article(text, date(2022, 11, 12)).events[0].date.value
    '2022-11-11'
    """
    inferred = published is None
    if published is None:
        published = infer_published(text) or today or date.today()
    sentences = split_sentences(text)
    timexes = find_timexes(text, published, sentences)
    places = find_places(text)
    events = assemble_events(text, published, sentences, timexes, places, title)
    return ParsedArticle(
        text=text,
        published=published,
        published_inferred=inferred,
        sentences=tuple(sentences),
        timexes=tuple(timexes),
        places=tuple(places),
        events=tuple(events),
    )
