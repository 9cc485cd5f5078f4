"""Cut a sentence into clauses by its dates, and pick the date that dates each clause's
happening: not a deadline ("by May 9"), a known start ("since Feb. 24") or a statement's date
when the clause also dates what happened."""

from __future__ import annotations

import re
from itertools import pairwise

from app.extract.cues import cues
from app.extract.types import Sentence, Span, Timex


def clauses(text: str, sentence: Sentence, dated: list[Timex]) -> list[tuple[Span, list[Timex]]]:
    """Cut a sentence with several dates into clauses at the last comma, semicolon or dash
    before each later date, so that "X said on Saturday, signalling ... in May" is two events.
    A date told twice ("on Thursday evening, July 21"), a date that dates nothing ("..., since
    Feb. 24") and a closing circumstance ("..., five days later.") cut nothing."""
    cuts = [sentence.start]
    groups: list[list[Timex]] = [[dated[0]]]
    for before, after in pairwise(dated):
        between = text[before.span.end : after.span.start]
        boundary = max(between.rfind(mark) for mark in (", ", "; ", " —", " –", " - "))
        cut = before.span.end + boundary + 1
        apposed = not between.strip(" ,")  # "on Thursday evening, July 21": one date told twice
        # "“... the flanker yesterday ...,” X told Fox News on Thursday": one day, one happening
        same_day = before.date is not None and before.date == after.date
        # "..., since Feb. 24": a date that dates nothing neither opens nor closes a clause
        joined = (
            apposed
            or same_day
            or not _can_anchor(text, sentence, after)
            or not _can_anchor(text, sentence, before)
        )
        if boundary < 0 or joined or _too_short(text, cuts[-1], cut, groups[-1]):
            groups[-1].append(after)  # one clause: "Less than a day later, on Saturday, ..."
            continue
        cuts.append(cut)
        groups.append([after])
    if len(cuts) > 1 and _too_short(text, cuts[-1], sentence.end, groups[-1]):
        # a closing circumstance ("..., five days later.", "..., given Saturday's strikes."):
        # part of the clause before, whose date it does not change
        cuts.pop()
        groups.pop()
    cuts.append(sentence.end)
    return [
        (_trimmed(text, a, b), group) for a, b, group in zip(cuts, cuts[1:], groups, strict=False)
    ]


def _too_short(text: str, start: int, end: int, timexes: list[Timex]) -> bool:
    """A would-be clause with fewer than three words besides its dates reports nothing."""
    words = len(text[start:end].split()) - sum(len(t.span.text.split()) for t in timexes)
    return words < 3


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;—–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def clause_anchor(text: str, sentence: Sentence, dated: list[Timex]) -> Timex | None:
    """The date that dates the clause's happening: a statement's date yields to the happening's;
    a deadline ("by May 9") or a known start ("since the invasion began on Feb. 24") dates no
    happening, so the clause falls back to the others."""
    usable = [t for t in dated if _can_anchor(text, sentence, t)]
    happenings = [t for t in usable if not _dates_a_statement(text, sentence, t)]
    chosen = happenings or usable
    # "Less than a day later, on Saturday, ...": the date named outright beats the one counted
    # from an earlier date, which may be a date the story only mentioned in passing.
    named = [t for t in chosen if not _COUNTED_FROM.search(t.span.text)]
    return (named or chosen)[0] if chosen else None


def _can_anchor(text: str, sentence: Sentence, timex: Timex) -> bool:
    """Not a deadline ("by May 9") nor a known start ("since the invasion began on Feb. 24")."""
    cue = cues()
    before = _before(text, sentence, timex)
    return not (
        cue.deadline_before.search(before)
        or cue.reference_before.search(before)
        or cue.reference_after.match(text, timex.span.end, sentence.end)
    )


_COUNTED_FROM = re.compile(r"\b(?:later|earlier|after|before|following|previous)\b", re.I)


BEFORE_CHARS = 80  # cues sit a few words before a date; a bounded window keeps this linear


def _before(text: str, sentence: Sentence, timex: Timex) -> str:
    return text[max(sentence.start, timex.span.start - BEFORE_CHARS) : timex.span.start]


def _dates_a_statement(text: str, sentence: Sentence, timex: Timex) -> bool:
    return cues().reporting_before_date.search(_before(text, sentence, timex)) is not None
