"""Cut a sentence into clauses by its dates, and pick the date that dates each clause's
happening: not a deadline ("by May 9"), a known start ("since Feb. 24") or a statement's date
when the clause also dates what happened."""

from __future__ import annotations

import re
from itertools import pairwise

from app.extract.cues import cues
from app.extract.tense import unquoted
from app.extract.types import Sentence, Span, Timex


def clauses(text: str, sentence: Sentence, dated: list[Timex]) -> list[tuple[Span, list[Timex]]]:
    """Cut a sentence with several dates into clauses at the last comma, semicolon or dash
    before each later date, so that "X said on Saturday, signalling ... in May" is two events.
    A perfect is cut from a dated happening beside it ("has called on residents to leave after
    the capture of X on Sunday"), and a second report after a pause ("... on Monday – while
    officials later said ...") from the date before it: neither has a date of its own. A date
    told twice ("on Thursday evening, July 21"), a date that dates nothing ("..., since Feb.
    24") and a closing circumstance ("..., five days later.") cut nothing."""
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
        part
        for a, b, group in zip(cuts, cuts[1:], groups, strict=False)
        for whole in _reported_tail_apart(text, _trimmed(text, a, b), group)
        for sequel in (_sequel_apart(text, *whole) if whole[1] else [whole])
        for part in (_relative_apart(text, *sequel) if sequel[1] else [sequel])
    ]


# ", who had said in an interview on Friday that ...", "the rockets that it had promised to
# Kyiv last week": a relative clause in the past perfect, telling what its noun had done before
# the clause it hangs on
_EARLIER_RELATIVE = re.compile(
    r",\s+(?:who|which)\s+had\s+(?:also\s+|earlier\s+)?[a-z]+\b"
    # "the longer-range rockets that it had promised to Kyiv last week"
    r"|(?<=[a-z])\s+that\s+(?:it|he|she|they|we)\s+had\s+[a-z]+ed\b"
)


def _relative_apart(
    text: str, clause: Span, timexes: list[Timex]
) -> list[tuple[Span, list[Timex]]]:
    """A statement or stance of the day whose only dates lie in a closing relative clause in
    the past perfect ("X appeared to criticise Macron, who had said in an interview on Friday
    that ...") is two clauses: the main one, with no date of its own (the day's news), and the
    relative one, what the noun had done on its day. After a verb of saying, "that it had ..."
    is what was said, not a relative clause."""
    first = min(t.span.start for t in timexes)
    openers = list(_EARLIER_RELATIVE.finditer(text, clause.start, first))
    if not openers:
        return [(clause, timexes)]
    cut = openers[-1].start()
    main = _trimmed(text, clause.start, cut)
    own = unquoted(main.text)
    if cues().speaking.search(own.rsplit(None, 1)[-1]):
        return [(clause, timexes)]  # "said that it had shelled ...": what was said, not a noun's
    speaks = cues().news_reporting.search(own) or cues().stance_past.search(own)
    if len(main.text.split()) < MAIN_WORDS or not speaks:
        return [(clause, timexes)]
    return [(main, []), (_trimmed(text, cut, clause.end), timexes)]


# A pause after a sentence's dates that opens a second report: "Lyakh said 40 houses had been
# shelled on Monday – while other officials later said two people were killed ...".
# A tail that goes on with the same source ("– but added that ...") or describes the clause
# before it ("– a statement Lavrov confirmed", "– a move that ...") reports nothing apart.
_SAME_SOURCE_OR_APPOSITION = re.compile(r"(?:but|and|yet)\s+(?:also\s+)?\w+ed\b|an?\s", re.I)
_TAIL_PAUSE = re.compile(r"\s[–—]\s+(?:while\s+)?|;\s+|,\s+while\s+")


def _reported_tail_apart(
    text: str, clause: Span, timexes: list[Timex]
) -> list[tuple[Span, list[Timex]]]:
    """A report with its own past-tense attribution after the pause that follows the clause's
    last date has no date of its own: it is a clause apart, the day's news if it reports news."""
    last = max(t.span.end for t in timexes)
    pause = _TAIL_PAUSE.search(text, last, clause.end)
    if pause is None:
        return [(clause, timexes)]
    tail = _trimmed(text, pause.end(), clause.end)
    own = unquoted(tail.text)
    if len(own.split()) < MAIN_WORDS or _SAME_SOURCE_OR_APPOSITION.match(own):
        return [(clause, timexes)]
    if not cues().news_reporting.search(own):
        return [(clause, timexes)]
    return [(_trimmed(text, clause.start, pause.start()), timexes), (tail, [])]


MAIN_WORDS = 4  # a main clause shorter than this before "after" tells no news of its own


def _sequel_apart(text: str, clause: Span, timexes: list[Timex]) -> list[tuple[Span, list[Timex]]]:
    """A perfect with a dated happening told beside it ("The mayor has called on
    residents to evacuate after the capture of Lysychansk on Sunday") is two clauses: the main
    one, with no date of its own (the day's news), and the dated one from its opener on. "After
    Russia shelled the port on Monday, exports stopped" opens on it and is one clause; so is
    "Troops retook the village after fighting on Tuesday", a happening in the simple past."""
    first = min(t.span.start for t in timexes)
    openers = list(cues().sequel_opener.finditer(text, clause.start, first))
    if not openers or "," in text[openers[-1].end() : first]:
        return [(clause, timexes)]
    cut = openers[-1].start()
    main = _trimmed(text, clause.start, cut)
    if len(main.text.split()) < MAIN_WORDS or not _has_done(main.text):
        return [(clause, timexes)]
    return [(main, []), (_trimmed(text, cut, clause.end), timexes)]


def _has_done(main_text: str) -> bool:
    """The main clause is a perfect ("Poland has said", "the mayor has called on"), the day's
    news whatever day the happening beside it has, or a position in the present ("Russia says it
    is ready to talk"); "X said at a news conference after talks on Friday" spoke that day."""
    own = unquoted(main_text)
    return bool(cues().perfect.search(own) or cues().present_reporting.search(own))


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
    if len(happenings) < len(usable):  # the statement has its day: a noun's dates yield to it
        happenings = [t for t in happenings if not _dates_a_participle(text, sentence, t)]
    chosen = happenings or usable
    # "Less than a day later, on Saturday, ...": the date named outright beats the one counted
    # from an earlier date, which may be a date the story only mentioned in passing.
    named = [t for t in chosen if not _COUNTED_FROM.search(t.span.text)]
    return _finest((named or chosen)[0], named or chosen) if chosen else None


def _finest(first: Timex, dates: list[Timex]) -> Timex:
    """The first date, or a finer one of the clause that lies inside it: "One year ago, on 23
    August 2021, we gathered ...", "This year's exercise is to end ... on 17 June" are that day."""
    span = first.date
    if span is None:
        return first
    inside = [
        (t.date.end - t.date.start, n, t)
        for n, t in enumerate(dates)
        if t.date is not None
        and span.start <= t.date.start
        and t.date.end <= span.end
        and (t.date.end - t.date.start) < (span.end - span.start)
    ]
    return min(inside)[2] if inside else first


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


# "the 15 Gepard guns promised by Germany in April", "the package approved on Saturday": a
# participle after its noun, with its agent, right before the date
# (not a passive: "... was killed in mid-May" is the reported happening itself)
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?!(?:was|were|been|being|be|is|are|had|has|have)\b)[a-z]+\s+[a-z]{3,}(?:ed|en)\s+"
    r"(?:back\s+)?(?:by\s+[\w’'. -]{1,40}?\s+)?(?:back\s+)?(?:in|on|last|this|earlier)?\s*$"
)


def _dates_a_participle(text: str, sentence: Sentence, timex: Timex) -> bool:
    """A date told of a noun by the participle after it ("Reznikov said on Monday the first
    three of 15 Gepard guns promised by Germany back in April had arrived"): when the statement
    has its own day, this date dates the guns' promise, not what the statement reports."""
    return _PARTICIPLE_BEFORE.search(_before(text, sentence, timex)) is not None


def _dates_a_statement(text: str, sentence: Sentence, timex: Timex) -> bool:
    return cues().reporting_before_date.search(_before(text, sentence, timex)) is not None
