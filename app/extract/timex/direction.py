"""Which way an underspecified date points: past, future, or nearest to the publication date."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from app.extract.timex.grammar import RESOURCES, words

# "either": a deadline ("by May"), the next such date unless one has only just passed.
# "closest": a plan told without a tense of its own ("scheduled", "had planned to"), and
# "reported_future": the future of a past report ("said he would return on Thursday"): a weekday
# is the one just past (a story of the day before) or else the coming one.
Direction = Literal["past", "future", "nearest", "either", "closest", "reported_future"]
PLAN_DIRECTIONS: tuple[Direction, ...] = ("future", "reported_future", "closest")  # first wins
DEADLINE_PASSED_DAYS = 7  # "by Jan. 14" in a Jan. 15 story is the deadline just passed
POSSESSIVE = re.compile(r"['’]s\b")
ADJACENT_CUE_CHARS = 12  # "ahead of Sunday's vote", "next Tuesday's"
# A date that opens its sentence ("On Tuesday, the league plans to ...") takes the tense of the
# main clause after it, whose verb may stand this many characters away.
OPENING = re.compile(r"\s*(?:(?:on|in|by|early|late)\s+)?", re.IGNORECASE)
OPENING_CLAUSE_CHARS = 100


@dataclass(frozen=True)
class DirectionCues:
    future: re.Pattern[str]
    future_far: re.Pattern[str]
    modal: re.Pattern[str]
    modal_stop: re.Pattern[str]
    future_after: re.Pattern[str]
    past_before: re.Pattern[str]
    past_word: re.Pattern[str]
    reporting: re.Pattern[str]
    clause_start: re.Pattern[str]
    past_clause_start: re.Pattern[str]
    relative_after: re.Pattern[str]
    joined: re.Pattern[str]
    range_joined: re.Pattern[str]
    target: re.Pattern[str]
    deadline: re.Pattern[str]
    until: re.Pattern[str]
    past_auxiliary: re.Pattern[str]
    tenseless: frozenset[str]
    future_in_past: frozenset[str]
    past_plan: re.Pattern[str]
    window: int
    calendar_window: int
    modal_window: int
    nearest_future_days: int
    days_back: dict[str, int]


@cache
def direction_cues() -> DirectionCues:
    data = tomllib.loads((RESOURCES / "timex_rules.toml").read_text(encoding="utf-8"))["direction"]
    future = "|".join(re.escape(c) for c in sorted(data["future_cues"], key=len, reverse=True))
    # After the date, "would" mostly belongs to a reported clause ("decided on May 3 that ...
    # would"), so it does not turn the date to the future there.
    after_cues = [c for c in data["future_cues"] if c not in data["not_after_cues"]]
    after = "|".join(re.escape(c) for c in sorted(after_cues, key=len, reverse=True))
    past = "|".join(_past_cue(c) for c in data["past_cues"])
    far_cues = [c for c in data["future_cues"] if c not in data["near_only_cues"]]
    far = "|".join(re.escape(c) for c in sorted(far_cues, key=len, reverse=True))
    return DirectionCues(
        future=re.compile(rf"(?<![\w'])(?:{future})\b", re.IGNORECASE),
        future_far=re.compile(rf"(?<![\w'])(?:{far})\b", re.IGNORECASE),
        future_after=re.compile(rf"(?<![\w'])(?:{after})\b", re.IGNORECASE),
        modal_stop=re.compile(data["modal_stop"]),
        modal=re.compile(rf"(?<![\w'])(?:{_alternation(data['modal_cues'])})\b", re.IGNORECASE),
        past_before=re.compile(rf"\b(?:{past})\b(?:\s+\S+){{0,3}}\s*$", re.IGNORECASE),
        deadline=re.compile(rf"\b(?:{_alternation(data['deadline_cues'])})\s+$", re.IGNORECASE),
        past_word=re.compile(rf"\b(?:{past})\b", re.IGNORECASE),
        reporting=re.compile(rf"\b(?:{_alternation(data['reporting_cues'])})\b", re.IGNORECASE),
        clause_start=re.compile(rf"\b(?:{_alternation(data['clause_starts'])})\b", re.IGNORECASE),
        past_clause_start=re.compile(
            rf"\b(?:{_alternation(data['past_clause_starts'])})\b", re.IGNORECASE
        ),
        relative_after=re.compile(
            rf"\b(?:{_alternation([*data['clause_starts'], *data['relative_after']])})\b",
            re.IGNORECASE,
        ),
        joined=re.compile(
            rf",?\s*(?:{_alternation(data['coordinators'])})\s*(?:(?:in|on|by) )?", re.IGNORECASE
        ),
        range_joined=re.compile(
            rf",?\s*(?:{_alternation(data['range_coordinators'])})\s*(?:on\s+)?",
            re.IGNORECASE,
        ),
        target=re.compile(
            rf"\b(?:{_alternation(data['target_nouns'])})\s+"
            rf"(?:{_alternation(data['target_links'])})\s+(?:on\s+)?$",
            re.IGNORECASE,
        ),
        until=re.compile(rf"(?:{_alternation(data['until_cues'])})\b", re.IGNORECASE),
        past_auxiliary=re.compile(
            rf"\b(?:{_alternation(data['past_auxiliaries'])})\b", re.IGNORECASE
        ),
        tenseless=frozenset(c.lower() for c in data["tenseless_future_cues"]),
        future_in_past=frozenset(c.lower() for c in data["future_in_past_cues"]),
        past_plan=re.compile(
            rf"\b(?:{_alternation(data['plan_past_auxiliaries'])})\s+$", re.IGNORECASE
        ),
        window=int(data["cue_window"]),
        calendar_window=int(data["calendar_cue_window"]),
        modal_window=int(data["modal_cue_window"]),
        nearest_future_days=int(data["nearest_future_days"]),
        days_back={k: int(v) for k, v in data["plan_days_back"].items()},
    )


def _alternation(cues: list[str]) -> str:
    return "|".join(re.escape(c) for c in cues)


def _past_cue(cue: str) -> str:
    """A past cue's regex; "last" before a time word belongs to that expression ("last Friday")."""
    if cue != "last":
        return re.escape(cue)
    table = words()
    names = [*table["weekday"], *table["month"], *table["unit"], "time"]
    return rf"last(?!\s+(?:{'|'.join(re.escape(n) for n in names)})\b)"


def direction_of(
    text: str, start: int, end: int, sentence: tuple[int, int], calendar: bool = False
) -> Direction:
    """Past or future as the words around the expression say; 'nearest' when they say neither.

    A named day or month (`calendar`) looks further back for a verb's cue: it often stands a long
    phrase away ("would be held at the summit on April 24"); other expressions stay close.
    """
    cues = direction_cues()
    window = cues.calendar_window if calendar else cues.window
    before = _own_clause(text[max(sentence[0], start - window) : start], cues)
    before = _modal_reach(text, start, sentence, before, cues)
    past = cues.past_before.search(before)
    if cues.deadline.search(before) and not cues.past_word.search(before):
        return "either"  # "must leave by Jan. 14", unless "had filed ... by Wednesday"
    if POSSESSIVE.match(text, end):
        # "Wednesday's ruling" names a past event even after "would": only "upcoming" and its
        # like right before the date make it ahead.
        before = before[-ADJACENT_CUE_CHARS:]
    # Beyond the short window only a verb's own cues count ("would be held ... on April 24"),
    # not words like "starting" that mostly belong to another phrase.
    near = max(0, len(before) - cues.window)
    matches = {m.start(): m.group() for m in cues.future.finditer(before, near)}
    matches.update({m.start(): m.group() for m in cues.future_far.finditer(before)})
    future = sorted(matches)
    # The cue nearer the date wins: "was extended to Nov. 16" looks ahead.
    if past and not (future and future[-1] > past.start()):
        return "past"
    after = text[end : min(sentence[1], end + 25)]
    if future:
        # "Until Thursday, they had not called him a suspect": that end lies behind.
        only_until = len(future) == 1 and cues.until.match(before, future[0])
        if only_until and cues.past_auxiliary.search(after):
            return "past"
        kinds = {_plan(before, p, matches[p], cues) for p in future}
        return next(d for d in PLAN_DIRECTIONS if d in kinds)
    ahead = cues.future_after.search(after)
    if not ahead and OPENING.fullmatch(text, sentence[0], start):
        clause = text[end : min(sentence[1], end + OPENING_CLAUSE_CHARS)]
        if _main_clause_future(clause, cues):
            return "future"
    # "In May, it announced plans to ...": a reporting verb between the date and the cue owns it.
    reported = cues.reporting.search(after, 0, ahead.start() if ahead else len(after))
    # "passed two bills on Wednesday that will give ...": the cue is the relative clause's own.
    relative = ahead and cues.relative_after.search(after, 0, ahead.start())
    if ahead and not reported and not relative:
        return _plan(after, ahead.start(), ahead.group(), cues)
    # "In September, Medvedev said ...": what was reported lies behind.
    return "past" if reported else "nearest"


def _modal_reach(
    text: str, start: int, sentence: tuple[int, int], before: str, cues: DirectionCues
) -> str:
    """The words before the expression from a plain future verb beyond the usual window: it
    owns a date a long phrase away ("will hold talks in the western city of Lviv with ... on
    Thursday") unless a past word or participle starts a phrase of its own in between."""
    wide = _own_clause(text[max(sentence[0], start - cues.modal_window) : start], cues)
    modal = cues.modal.search(wide, 0, max(0, len(wide) - len(before)))
    if modal is None:
        return before
    between = wide[modal.end() :]
    if cues.past_word.search(between) or cues.modal_stop.search(between):
        return before
    return wide[modal.start() :]


def aims_at(text: str, start: int, sentence: tuple[int, int]) -> bool:
    """Whether an arrangement names the expression as its day: "a ceasefire for Wednesday"."""
    before = text[max(sentence[0], start - direction_cues().window) : start]
    return direction_cues().target.search(before) is not None


def _main_clause_future(clause: str, cues: DirectionCues) -> bool:
    """Whether the clause after a sentence-opening date plainly looks ahead ("plans to", "will"),
    with no reporting verb or relative clause owning the cue and no tenseless cue ("planned to")."""
    ahead = cues.future_after.search(clause)
    if not ahead or cues.reporting.search(clause, 0, ahead.start()):
        return False
    if cues.relative_after.search(clause, 0, ahead.start()):
        return False
    return _plan(clause, ahead.start(), ahead.group(), cues) == "future"


def _plan(text: str, start: int, cue: str, cues: DirectionCues) -> Direction:
    """Whether a future cue looks ahead of the publication date itself ("will", "is due to"), of
    a past report ("would"), or of an unsaid time ("a scheduled call", "had planned to")."""
    if cues.past_plan.search(text, 0, start) or cue.lower() in cues.tenseless:
        return "closest"
    return "reported_future" if cue.lower() in cues.future_in_past else "future"


def _own_clause(before: str, cues: DirectionCues) -> str:
    """The words before the expression from the last relative clause's start: a cue before it
    belongs to the main clause ("would bring aid to countries where the Aug. 7 blasts ...").
    A past clause keeps its opening word, itself a past cue ("since February")."""
    starts = [m.end() for m in cues.clause_start.finditer(before)]
    starts += [m.start() for m in cues.past_clause_start.finditer(before)]
    return before[max(starts) :] if starts else before


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
    elif direction == "nearest":  # news mostly reports what happened: the future if close
        ahead = direction_cues().nearest_future_days
        options = [d for d in options if d <= ref or (d - ref).days <= ahead]
    else:  # a deadline lies ahead, or has only just passed
        options = [d for d in options if (ref - d).days <= DEADLINE_PASSED_DAYS]
    return min(options, key=lambda d: (abs((d - ref).days), d > ref), default=None)
