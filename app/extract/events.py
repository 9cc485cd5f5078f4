"""Assemble events: each sentence's happenings with their date, places, type and evidence span."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice

from app.extract.analysis import (
    assesses,
    changes_a_figure,
    commentator_names,
    habitual,
    is_statistic,
)
from app.extract.clauses import clause_anchor, clauses
from app.extract.cues import cues
from app.extract.event_scene import SceneFocus, event_scene, home_country, names_a_scene
from app.extract.event_types import classify
from app.extract.narrative import LookBack
from app.extract.reportable import (
    argues,
    background_perfect,
    background_pluperfect,
    concedes,
    forecasts,
    has_event_content,
    quoted_view,
    reports_current_news,
    view_of_the_present,
)
from app.extract.sources import (
    asks,
    continues_a_statement,
    private_voice,
    quotes_on,
    says_nothing_new,
    source_of,
    speaks_only,
)
from app.extract.spans import inside, within
from app.extract.tense import has_past_verb, opens_paragraph, unquoted
from app.extract.types import DateValue, Event, Place, Region, Sentence, Span, Timex

SUMMARY_CHARS = 160
# Precision of an anchored date caps the confidence we give an event dated by it.
_PRECISION_CONFIDENCE = {"day": 0.9, "week": 0.8, "month": 0.75, "quarter": 0.7, "year": 0.65}


@dataclass(frozen=True)
class _Context:
    text: str
    published: date
    timexes: Sequence[Timex]
    places: Sequence[Place]
    home: tuple[Region, ...]  # the article's main country, for events that name no place
    commentators: re.Pattern[str] | None  # surnames of the analysts the article quotes
    timex_starts: list[int] = field(default_factory=list)
    place_starts: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)  # of the first non-blank lines


def assemble_events(
    text: str,
    published: date,
    sentences: Sequence[Sentence],
    timexes: Sequence[Timex],
    places: Sequence[Place],
) -> list[Event]:
    """Events of the article, in text order.

    A sentence gives one event per date that dates a happening in it; a date that only dates
    the statement ("X said on Saturday that ... on Friday") yields to the happening's date.
    A sentence without a date of its own that reports news ("..., the mayor said") is dated
    by the publication date; background without a date gives no event.
    """
    context = _Context(
        text,
        published,
        timexes,
        places,
        home_country(places),
        commentator_names(text),
        [t.span.start for t in timexes],
        [p.span.start for p in places],
        [m.start() for m in islice(_LINE.finditer(text), LEAD_PARAGRAPHS + 1)],
    )
    events: list[Event] = []
    focus = SceneFocus(places, context.place_starts)
    seen: set[tuple[str, str]] = set()
    spoken: set[tuple[str, str]] = set()  # (source, date) of the statements kept so far
    previous: Sentence | None = None
    look_back = LookBack(text, published)
    for sentence in sentences:
        found = _sentence_events(context, sentence, focus, previous)
        if look_back.goes_on(sentence, found):
            found = []  # "Ukraine and its allies largely dismissed the plan": the past
        look_back.read(sentence, found)
        source = source_of(sentence.text) if found else None  # most sentences give no event
        for event in found:
            key = (" ".join(event.evidence.text.split()).lower(), event.date.value)
            if key in seen:  # a caption or paragraph repeated by the page extractor
                continue
            said = (source, event.date.value) if source else None
            if said in spoken and says_nothing_new(event.evidence.text):
                continue  # the source named again on the same day, with nothing new: a restatement
            seen.add(key)
            if said:
                spoken.add(said)
            events.append(event)
        focus.read(sentence)
        previous = sentence
    return _lead_dated_by_follow_up(events, published)


FOLLOW_UP_EVENTS = 2  # the lead's day is told in the next event or the one after
FOLLOW_UP_CHARS = 800  # ... within the next paragraph or two
FOLLOW_UP_DAYS = 7  # ... and is a day of the past week


def _lead_dated_by_follow_up(events: list[Event], published: date) -> list[Event]:
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
        days_before = (published - follow_up.date.start).days
        if follow_up.timex is None or days_before == 0:
            break  # the story goes on with the day's news: so is the lead
        if follow_up.date.precision == "day" and days_before <= FOLLOW_UP_DAYS:
            return [replace(lead, date=follow_up.date, timex=follow_up.timex), *events[1:]]
    return events  # background ("agreed to send 31 tanks in January 2023") tells no day


def _sentence_events(
    context: _Context, sentence: Sentence, focus: SceneFocus, previous: Sentence | None
) -> list[Event]:
    if _is_boilerplate(sentence.text) or asks(sentence.text) or private_voice(sentence.text):
        return []  # not the story's own sentences, a question, a private person's account
    if concedes(sentence.text):
        return []  # "While Russia has been accused of ..., strikes appear to ...": analysis
    dated = [
        t
        for t in within(context.timexes, context.timex_starts, sentence)
        if t.date is not None and t.type in ("DATE", "TIME")
    ]
    places = within(context.places, context.place_starts, sentence)
    if not dated:
        scene = lambda: names_a_scene(places, sentence)  # noqa: E731 (only some sentences need it)
        lead = opens_paragraph(context.text, sentence.start)
        names = context.commentators
        if (
            reports_current_news(sentence.text, scene, lead, names)
            and (_in_opening(context, sentence.start) or not background_perfect(sentence.text))
            and has_event_content(sentence.text, places)
            and not continues_a_statement(_with_quoting_sentence(context, sentence, previous))
        ):
            return [_make_event(context, _as_span(sentence), None, places, focus)]
        return []
    events = []
    for clause, timexes in clauses(context.text, sentence, dated):
        clause_places = [p for p in places if inside(p.span.start, p.span.end, clause)]
        recent = [t for t in timexes if not _history(t, context.published)]
        if not recent:
            continue  # background: "after the 1991 Soviet collapse"
        if _yearly_figure(clause, recent):
            continue  # "In 2022, the number of displaced people grew by 21%"
        anchor = clause_anchor(context.text, sentence, recent)
        if anchor is None and not reports_current_news(clause.text):
            continue
        if anchor is not None and _argues_or_quotes(context, sentence, clause, anchor):
            continue
        events.append(_make_event(context, clause, anchor, clause_places or places, focus))
    return events


# a figure changing over a month or longer ("In May, car sales tumbled by 83%") is a statistic
_LONG_PRECISIONS = frozenset({"year", "quarter", "month"})


LEAD_PARAGRAPHS = 2  # a quotation this early dates and confirms the lead's news
_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)  # where a non-blank line begins


def _near_the_lead(context: _Context, start: int) -> bool:
    """The clause at `start` is in the article's first paragraphs, where a source's quoted words
    on a day ("“This is the largest exchange ...,” said Ukrainian military intelligence on
    Wednesday") date the lead's news rather than restate it."""
    lines = context.line_starts
    return len(lines) <= LEAD_PARAGRAPHS or start < lines[LEAD_PARAGRAPHS]


def _in_opening(context: _Context, start: int) -> bool:
    """The sentence at `start` is in the article's first paragraph, where a news lead tells the
    day's story in the present perfect ("Russia has blocked the website of ...")."""
    lines = context.line_starts
    return len(lines) < 2 or start < lines[1]


def _with_quoting_sentence(context: _Context, sentence: Sentence, previous: Sentence | None) -> str:
    """The sentence with the one before it when that one, in the same paragraph, ends in a
    quotation: in 'Later X said: “...” She claimed ...' a named source spoke first."""
    if previous is None or "\n" in context.text[previous.end : sentence.start]:
        return sentence.text
    if previous.text[-1:] not in ("\u201d", '"'):
        return sentence.text
    return context.text[previous.start : sentence.end]


def _yearly_figure(clause: Span, timexes: Sequence[Timex]) -> bool:
    """A figure that changes over a year or a quarter: a statistic, not a happening."""
    long = any(t.date is not None and t.date.precision in _LONG_PRECISIONS for t in timexes)
    return long and changes_a_figure(unquoted(clause.text))


def _argues_or_quotes(context: _Context, sentence: Sentence, clause: Span, anchor: Timex) -> bool:
    """The dated clause argues ("Yet Nato faces a far bigger question this week"), its date
    recurs ("Every year on May 9"), or its vague date ("today", "this year") dates a view,
    quoted or not ("X believes Ukraine will win the war this year")."""
    start, end = anchor.span.start - sentence.start, anchor.span.end - sentence.start
    names = context.commentators
    if argues(sentence.text, clause.text, names) or habitual(sentence.text, start, end):
        return True
    if quotes_on(clause.text):
        return True  # "“This historic visit is a sign of solidarity,” she tweeted Tuesday"
    if speaks_only(clause.text) and not _near_the_lead(context, clause.start):
        return True  # "“Everyone does their own thing ...,” the president said on Thursday"
    own = unquoted(clause.text)
    if cues().adopted_document.match(own) or cues().document_terms.match(own):
        return True  # "The aid package approved on Saturday includes ...", "Under the plan, ..."
    if background_pluperfect(sentence.text, clause.text, anchor.span.start - clause.start):
        return True  # "Russia had concentrated its forces ... between May and July"
    if is_statistic(unquoted(clause.text)) or assesses(clause.text):
        return True  # "trade in 2023 reached a record $240 billion", "ISW assessed ... likely"
    value, published = anchor.date, context.published
    standing = cues().standing.search(clause.text) or cues().trend.search(clause.text)
    if value is not None and value.precision == "year" and standing:
        return True  # "The US has previously warned ..., including at last year's assembly"
    if _this_year(value, published) and forecasts(clause.text):
        return True  # "Putin will again use this year's speech to justify the invasion"
    return value is not None and (
        quoted_view(sentence.text, start, value, published)
        or view_of_the_present(sentence.text, value, published, names)
    )


def _this_year(value: DateValue | None, published: date) -> bool:
    """A whole year that holds the publication day ("this year"); "next year" may schedule a
    happening ("will deploy jets next year") and is not one."""
    return value is not None and value.precision == "year" and value.start <= published <= value.end


HISTORY_YEARS = 2  # a date ending this many calendar years before publication is background


def _history(timex: Timex, published: date) -> bool:
    """'The bridge, opened in 2018, ...', 'after the 1991 Soviet collapse': in a news article a
    date years before it is background to the news, not an event of the timeline."""
    return timex.date is not None and timex.date.end.year <= published.year - HISTORY_YEARS


def _as_span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end, sentence.text)


# The close of an agency photo caption: "... on April 29, 2024 in Bucha, Ukraine." A story
# names the day without its year and the town without its country; a caption writes both.
_CAPTION_CLOSE = re.compile(
    rf"\bon\s+(?:{'|'.join(calendar.month_name[1:])})\s+\d{{1,2}},\s+\d{{4}},?\s+in\s+"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\.?\s*$"
)


def _is_boilerplate(sentence_text: str) -> bool:
    """Captions, credits, all-capital sub-headings, embedded posts and the outlet speaking of
    itself are not sentences of the story."""
    cue = cues()
    return not any(c.islower() for c in sentence_text) or bool(
        cue.boilerplate.search(sentence_text)
        or cue.caption.search(sentence_text)
        or cue.newsroom.search(sentence_text)
        or cue.post_signature.search(sentence_text)
        or _photo_caption(sentence_text)
    )


def _photo_caption(sentence_text: str) -> bool:
    """A photo caption run into the text: the present of what the picture shows, closed by the
    full date and the town with its country ("X lights a candle as she visits St Andrew's Church
    on April 29, 2024 in Bucha, Ukraine."); "Troops shelled Bucha on April 29, 2024 in Bucha,
    Ukraine" tells in the past and stays."""
    close = _CAPTION_CLOSE.search(sentence_text)
    return close is not None and not has_past_verb(unquoted(sentence_text[: close.start()]))


def _make_event(
    context: _Context,
    evidence: Span,
    timex: Timex | None,
    places: list[Place],
    focus: SceneFocus,
) -> Event:
    date_value = (
        timex.date if timex is not None and timex.date is not None else _day(context.published)
    )
    regions, used_places = event_scene(places, evidence, focus, context.home)
    match = classify(_without_dates(context, evidence))
    return Event(
        date=date_value,
        evidence=evidence,
        timex=timex,
        regions=regions,
        places=used_places,
        event_type=match.event_type,
        sub_event_type=match.sub_event_type,
        summary=_summary(evidence.text),
        confidence=_confidence(date_value, timex, bool(regions), match.score),
    )


def _without_dates(context: _Context, evidence: Span) -> str:
    """The evidence with its temporal expressions blanked: "on March 31" is no protest march."""
    chars = list(evidence.text)
    for timex in within(context.timexes, context.timex_starts, evidence):
        start = timex.span.start - evidence.start
        chars[start : start + len(timex.span.text)] = " " * len(timex.span.text)
    return "".join(chars)


def _day(day: date) -> DateValue:
    return DateValue(day, day, "day", day.isoformat())


def _summary(sentence_text: str) -> str:
    line = " ".join(sentence_text.split())
    if len(line) <= SUMMARY_CHARS:
        return line
    cut = line.rfind(" ", 0, SUMMARY_CHARS - 1)
    return line[: cut if cut > 0 else SUMMARY_CHARS - 1] + "…"


def _confidence(value: DateValue, timex: Timex | None, located: bool, type_score: float) -> float:
    score = _PRECISION_CONFIDENCE.get(value.precision, 0.6) if timex else 0.55
    if not located:
        score -= 0.15
    if type_score <= 0:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)
