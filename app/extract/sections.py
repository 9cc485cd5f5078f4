"""Sections that tell another story: a newsletter or a briefing gives each story a headline of its
own ("Capitol attack panel to issue letters to key Republicans"), and a section that names none of
the countries its title names ("First Thing: Russia strikes Kyiv during UN visit to Ukraine") is
not about the conflict the timeline follows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from app.extract.places import find_places
from app.extract.types import Place

HEADLINE_WORDS = 16  # a headline of its own line is short
# A line of its own, without closing punctuation, after a blank line: a headline.
_HEADLINE = re.compile(r"(?:^|\n[^\S\n]*\n)[^\S\n]*([^\n]*[^\s.!?:;,”\"’)\]])[^\S\n]*(?=\n|$)")


def other_stories(text: str, title: str | None, places: Sequence[Place]) -> list[tuple[int, int]]:
    """The [start, end) spans of the sections, after the first, that name no country of the
    title; none when the title names no country or the text has no headline below its first."""
    if not title:
        return []
    wanted = {_country(place) for place in find_places(title)}
    starts = [m.start(1) for m in _HEADLINE.finditer(text) if _short(m.group(1))]
    starts = [start for start in starts if start > 0]
    if not wanted or not starts:
        return []
    sections = pairwise([*starts, len(text)])
    return [
        (start, end)
        for start, end in sections
        if not any(start <= p.span.start < end and _country(p) in wanted for p in places)
    ]


def _short(line: str) -> bool:
    return len(line.split()) <= HEADLINE_WORDS


def _country(place: Place) -> str:
    return place.region.code.split("-")[0]
