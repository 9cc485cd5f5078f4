"""What the event rules read of the whole article: its text, day, dates, places, main country,
commentators, and where its first paragraphs begin."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from app.extract.analysis import commentator_names
from app.extract.cues import cues
from app.extract.event_scene import home_country
from app.extract.types import Place, Region, Timex

LEAD_PARAGRAPHS = 2  # a quotation this early dates and confirms the lead's news
_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)  # where a non-blank line begins


@dataclass(frozen=True)
class ArticleContext:
    text: str
    published: date
    timexes: Sequence[Timex]
    places: Sequence[Place]
    home: tuple[Region, ...]  # the article's main country, for events that name no place
    commentators: re.Pattern[str] | None  # surnames of the analysts the article quotes
    timex_starts: list[int] = field(default_factory=list)
    place_starts: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)  # of the first non-blank lines
    roundup: bool = False  # a round-up of the day's news: each paragraph opens on an item


def article_context(
    text: str,
    published: date,
    timexes: Sequence[Timex],
    places: Sequence[Place],
    title: str | None = None,
) -> ArticleContext:
    return ArticleContext(
        text,
        published,
        timexes,
        places,
        home_country(places),
        commentator_names(text),
        [t.span.start for t in timexes],
        [p.span.start for p in places],
        [m.start() for m in islice(_LINE.finditer(text), LEAD_PARAGRAPHS + 1)],
        is_roundup(title),
    )


def is_roundup(title: str | None) -> bool:
    """A round-up of the day's news, by its title ("Russia-Ukraine war: what we know on day 162
    of the invasion"); the text alone does not tell one from a report in short paragraphs."""
    return title is not None and cues().roundup_title.search(title) is not None


def near_the_lead(context: ArticleContext, start: int) -> bool:
    """The clause at `start` is in the article's first paragraphs, where a source's quoted words
    on a day ("“This is the largest exchange ...,” said Ukrainian military intelligence on
    Wednesday") date the lead's news rather than restate it."""
    lines = context.line_starts
    return len(lines) <= LEAD_PARAGRAPHS or start < lines[LEAD_PARAGRAPHS]


def in_opening(context: ArticleContext, start: int) -> bool:
    """The sentence at `start` is in the article's first paragraph, where a news lead tells the
    day's story in the present perfect ("Russia has blocked the website of ...")."""
    lines = context.line_starts
    return len(lines) < 2 or start < lines[1]
