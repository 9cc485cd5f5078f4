"""Live blogs: entries under time stamps ("7 Jul 2022 23.02 ..."), newest first, each posted on
the day of its stamp, which need not be the day the blog as a whole is dated (a blog of 30 June
evening is often published on 1 July)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, datetime
from itertools import islice

from app.extract.types import Sentence

# a time stamp opening a paragraph: "8 May 2022 21.48", "From 8 May 2022 21.48" (a pinned entry)
ENTRY_STAMP = re.compile(
    r"^(?:From\s+)?(\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4})\s+\d{1,2}[.:]\d{2}\s", re.MULTILINE
)
LIVE_BLOG_ENTRIES = 3  # this many stamped entries make a live blog
STAMP_DAYS = 3  # a stamp at most this many days from the publication date dates its entry


def is_live_blog(text: str) -> bool:
    """Entries under time stamps, newest first: its summaries repeat entries further down."""
    return len(list(islice(ENTRY_STAMP.finditer(text), LIVE_BLOG_ENTRIES))) == LIVE_BLOG_ENTRIES


def entry_days(text: str, published: date) -> list[tuple[int, date]]:
    """Where each entry of a live blog starts and the day it was posted, in text order; [] for
    any other article. A stamp that cannot be read, or lies far from `published`, gives its
    entry the publication day."""
    if not is_live_blog(text):
        return []
    days = []
    for stamp in ENTRY_STAMP.finditer(text):
        day = _stamp_day(stamp.group(1))
        near = day is not None and abs((day - published).days) <= STAMP_DAYS
        days.append((stamp.start(), day if day is not None and near else published))
    return days


def day_at(days: list[tuple[int, date]], position: int, published: date) -> date:
    """The day of the entry that `position` lies in; `published` before the first entry."""
    index = bisect_right(days, position, key=lambda entry: entry[0]) - 1
    return days[index][1] if index >= 0 else published


def entry_leads(days: list[tuple[int, date]], sentences: Sequence[Sentence]) -> list[Sentence]:
    """The first sentence of each entry, its lead: the stamp itself is no part of it."""
    starts = [s.start for s in sentences]
    firsts = (bisect_left(starts, start) for start, _ in days)
    return [sentences[n] for n in firsts if n < len(sentences)]


def _stamp_day(stamp: str) -> date | None:
    try:
        return datetime.strptime(" ".join(stamp.split()), "%d %b %Y").date()
    except ValueError:  # "31 Foo 2022": not a stamp after all
        return None
