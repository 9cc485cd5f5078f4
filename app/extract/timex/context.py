"""What resolvers share: the anchor relative expressions count from, and reading numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words


@dataclass
class Anchor:
    """What relative expressions are resolved against; `focus` moves as the story does."""

    published: date
    focus: date
    quarter: str | None = None  # the quarter last named: "a year earlier" then means its year-ago
    named: str | None = None  # the last calendar date named (YYYY, YYYY-MM or YYYY-MM-DD)
    coarse: bool = False  # whether that date is a month or year named since the focus last moved
    named_at: int = -1  # where in the text that date stands
    sentence_start: int = 0  # where the sentence of the expression being resolved starts
    # a past year a relative expression put the story in ("Last year, ..."), and where it stands
    story_year: tuple[int, int] | None = None


Resolver = Callable[[Candidate, Anchor, Direction], "str | None"]


def parse_number(raw: str) -> int | None:
    """'12', 'twelve', 'twenty-four' as a number; None for vague ones ('several')."""
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    tens, _, ones = raw.replace("-", " ").partition(" ")
    if ones and tens.endswith("ty"):  # "twenty-four"
        return int(words()["number"].get(tens, "0")) + int(words()["number"].get(ones, "0"))
    value = int(words()["number"].get(raw, "-1"))
    return value if value > 0 else None


def month_of(groups: dict[str, str]) -> int:
    """The month (1-12) a match names by number or by name ('Sept.', 'September')."""
    if "mnum" in groups:
        return int(groups["mnum"])
    name, table = groups["month"].lower(), words()
    return int(table["month"].get(name) or table["month_abbr"][name])


def ordinal_of(groups: dict[str, str], last: int) -> int:
    """'third' as 3; 'last' or 'final' as `last`."""
    raw = groups["ordinal"].lower()
    return last if raw in ("last", "final") else int(words()["ordinal"][raw])
