"""Which way an underspecified date points: past, future, or nearest to the publication date."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from app.extract.timex.grammar import RESOURCES

Direction = Literal["past", "future", "nearest"]


@dataclass(frozen=True)
class DirectionCues:
    future: re.Pattern[str]
    future_after: re.Pattern[str]
    past_before: re.Pattern[str]
    window: int
    nearest_future_days: int


@cache
def direction_cues() -> DirectionCues:
    data = tomllib.loads((RESOURCES / "timex_rules.toml").read_text(encoding="utf-8"))["direction"]
    future = "|".join(re.escape(c) for c in sorted(data["future_cues"], key=len, reverse=True))
    # After the date, "would" mostly belongs to a reported clause ("decided on May 3 that ...
    # would"), so it does not turn the date to the future there.
    after_cues = [c for c in data["future_cues"] if c not in data["not_after_cues"]]
    after = "|".join(re.escape(c) for c in sorted(after_cues, key=len, reverse=True))
    past = "|".join(re.escape(c) for c in data["past_cues"])
    return DirectionCues(
        future=re.compile(rf"(?<![\w'])(?:{future})\b", re.IGNORECASE),
        future_after=re.compile(rf"(?<![\w'])(?:{after})\b", re.IGNORECASE),
        past_before=re.compile(rf"\b(?:{past})\b(?:\s+\S+){{0,3}}\s*$", re.IGNORECASE),
        window=int(data["cue_window"]),
        nearest_future_days=int(data["nearest_future_days"]),
    )


def direction_of(text: str, start: int, end: int, sentence: tuple[int, int]) -> Direction:
    """Past or future as the words around the expression say; 'nearest' when they say neither."""
    cues = direction_cues()
    before = text[max(sentence[0], start - cues.window) : start]
    past = cues.past_before.search(before)
    future = [m.start() for m in cues.future.finditer(before)]
    # The cue nearer the date wins: "was extended to Nov. 16" looks ahead.
    if past and not (future and future[-1] > past.start()):
        return "past"
    after = text[end : min(sentence[1], end + 25)]
    return "future" if future or cues.future_after.search(after) else "nearest"


def nearest_year(month: int, day: int, ref: date, direction: Direction) -> date | None:
    """The year that puts month/day on the side of `ref` the direction asks, or nearest to it."""
    options = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return nearest_of(options, ref, direction)


def nearest_of(options: list[date], ref: date, direction: Direction) -> date | None:
    """Of a yearly day's dates around `ref`, the one the direction asks for, or the nearest."""
    if direction == "past":
        options = [d for d in options if d <= ref]
    elif direction == "future":
        options = [d for d in options if d >= ref]
    else:  # news mostly reports what happened: the future only when it is close at hand
        ahead = direction_cues().nearest_future_days
        options = [d for d in options if d <= ref or (d - ref).days <= ahead]
    return min(options, key=lambda d: (abs((d - ref).days), d > ref), default=None)
