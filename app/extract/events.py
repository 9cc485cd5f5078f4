"""Assemble events: each sentence's happenings with their date, places, type and evidence span."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from app.extract.article_lead import lead_sentence
from app.extract.boilerplate import is_boilerplate, is_heading
from app.extract.clauses import clause_anchor, clauses
from app.extract.dated_background import (
    argues_or_quotes,
    background_pluperfect,
    dates_a_noun,
    is_history,
    yearly_figure,
)
from app.extract.event_context import ArticleContext, article_context, in_opening
from app.extract.event_record import make_event
from app.extract.event_scene import SceneFocus, names_a_scene
from app.extract.interval_after import with_earlier_happenings
from app.extract.lead_date import lead_dated_by_follow_up, paragraph_leads_dated
from app.extract.live_blog import day_at, entry_days, entry_leads
from app.extract.narrative import LookBack
from app.extract.reportable import (
    background_perfect,
    concedes,
    has_event_content,
    reports_current_news,
    sets_beside,
    takes_a_stance,
)
from app.extract.sections import other_stories
from app.extract.sources import (
    asks,
    continues_a_statement,
    private_voice,
    says_nothing_new,
    source_of,
)
from app.extract.spans import inside, within
from app.extract.tense import main_clause, opens_paragraph
from app.extract.types import Event, Place, Sentence, Span, Timex


def assemble_events(
    text: str,
    published: date,
    sentences: Sequence[Sentence],
    timexes: Sequence[Timex],
    places: Sequence[Place],
    title: str | None = None,
) -> list[Event]:
    """Events of the article, in text order.

    A sentence gives one event per date that dates a happening in it; a date that only dates
    the statement ("X said on Saturday that ... on Friday") yields to the happening's date.
    A sentence without a date of its own that reports news ("..., the mayor said") is dated
    by the publication date; background without a date gives no event.
    """
    context = article_context(text, published, timexes, places, title)
    events: list[Event] = []
    focus = SceneFocus(places, context.place_starts)
    seen: dict[tuple[str, str], Event] = {}
    spoken: set[tuple[str, str]] = set()  # (source, date) of the statements kept so far
    previous: Sentence | None = None
    look_back = LookBack(text, published)
    entries = entry_days(text, published)  # a live blog: each entry is news of its own day
    leads = {lead_sentence(text, sentences), *entry_leads(entries, sentences)}
    for sentence in sentences:
        here = context
        if entries:
            here = replace(context, published=day_at(entries, sentence.start, published))
        found = _sentence_events(here, sentence, focus, previous)
        if sentence in leads and not found and not is_boilerplate(sentence.text):
            found = _lead_event(here, sentence, focus)
        if look_back.goes_on(sentence, found):
            found = []  # "Ukraine and its allies largely dismissed the plan": the past
        look_back.read(sentence, found)
        source = source_of(sentence.text) if found else None  # most sentences give no event
        for event in found:
            key = (_ending(event.evidence.text), event.date.value)
            if key in seen:  # a caption or paragraph repeated by the page extractor or a blog
                if entries:  # a live blog's summary stands above the entry it repeats
                    events.remove(seen[key])
                    seen[key] = event
                    events.append(event)
                continue
            said = (source, event.date.value) if source else None
            if said in spoken and _restates(event.evidence.text):
                continue  # the source named again on the same day, with nothing new: a restatement
            seen[key] = event
            if said:
                spoken.add(said)
            events.append(event)
        focus.read(sentence)
        previous = sentence
    dated = paragraph_leads_dated(text, lead_dated_by_follow_up(events, published), published)
    found = with_earlier_happenings(context, sentences, dated, focus)
    elsewhere = other_stories(text, title, places)  # a newsletter's other headlines
    return [e for e in found if not any(a <= e.evidence.start < b for a, b in elsewhere)]


REPEAT_CHARS = 100  # this many closing characters alike make a sentence a repeat


def _ending(evidence_text: str) -> str:
    """The sentence's close, by which a repeat is known: a live blog repeats an entry in its
    summary under another headline ("Sixty killed ... X confirmed late Sunday that ..."), and
    the close stays the same."""
    return " ".join(evidence_text.split()).lower()[-REPEAT_CHARS:]


def _restates(evidence_text: str) -> bool:
    """Only speaks, and takes no stance of its own ("Stoltenberg dismissed suggestions that ..."
    after his quoted words is a second act, not a restatement)."""
    return says_nothing_new(evidence_text) and not takes_a_stance(
        main_clause(evidence_text), anew=True
    )


def _sentence_events(
    context: ArticleContext, sentence: Sentence, focus: SceneFocus, previous: Sentence | None
) -> list[Event]:
    if is_boilerplate(sentence.text) or asks(sentence.text) or private_voice(sentence.text):
        return []  # not the story's own sentences, a question, a private person's account
    if is_heading(context.text, sentence.start, sentence.end):
        return []  # "Continued sanctions punishing Putin's regime": a list item
    if concedes(sentence.text):
        return []  # "While Russia has been accused of ..., strikes appear to ...": analysis
    if sets_beside(sentence.text):
        return []  # "It comes as the minister is due to speak on Monday": context
    dated = _dates_of(context, sentence)
    places = within(context.places, context.place_starts, sentence)
    if not dated:
        return _undated_events(context, sentence, _as_span(sentence), places, focus, previous)
    events = []
    for clause, timexes in clauses(context.text, sentence, dated):
        clause_places = [p for p in places if inside(p.span.start, p.span.end, clause)]
        if not timexes:  # "Poland has said ..." before "after Ukraine announced this week ..."
            opens = clause.start == sentence.start  # not a report after a pause ("– while ...")
            events += _undated_events(
                context, sentence, clause, clause_places, focus, previous, beside_a_happening=opens
            )
            continue
        recent = [t for t in timexes if not is_history(t, context.published)]
        if not recent:
            continue  # background: "after the 1991 Soviet collapse"
        if all(dates_a_noun(clause, t, context.published) for t in recent):
            # "The mayor, who was detained on 8 April, was released on Saturday": the
            # sentence is undated, news only if it reports; a piece of one tells nothing
            if (clause.start, clause.end) == (sentence.start, sentence.end):
                events += _undated_events(context, sentence, clause, places, focus, previous)
            continue
        if yearly_figure(clause, recent):
            continue  # "In 2022, the number of displaced people grew by 21%"
        anchor = clause_anchor(context.text, sentence, recent)
        if anchor is None and not reports_current_news(clause.text):
            continue
        if anchor is not None and argues_or_quotes(context, sentence, clause, anchor):
            continue
        events.append(make_event(context, clause, anchor, clause_places or places, focus))
    return events


def _undated_events(
    context: ArticleContext,
    sentence: Sentence,
    clause: Span,
    places: list[Place],
    focus: SceneFocus,
    previous: Sentence | None,
    beside_a_happening: bool = False,
) -> list[Event]:
    """A sentence (or its main clause, `clause`) without a date of its own is the day's news if
    it reports it ("..., the mayor said"), dated by the day of publication; background without a
    date gives no event. A main clause `beside_a_happening` dated after it ("Poland has said ...
    after Ukraine announced this week ...") needs no happening of its own."""
    scene = lambda: names_a_scene(places, clause)  # noqa: E731 (only some sentences need it)
    lead = opens_paragraph(context.text, sentence.start)
    names = context.commentators
    # a round-up's paragraph opens on an item of the day's news, however it is told
    news = (context.roundup and lead) or (
        reports_current_news(clause.text, scene, lead, names)
        and (in_opening(context, sentence.start) or not background_perfect(clause.text))
        and not background_pluperfect(sentence.text, clause.text)
        and (beside_a_happening or has_event_content(clause.text, places))
    )
    if news and not continues_a_statement(
        _with_quoting_sentence(context, sentence, clause, previous)
    ):
        return [make_event(context, clause, None, places, focus)]
    return []


def _lead_event(context: ArticleContext, sentence: Sentence, focus: SceneFocus) -> list[Event]:
    """The article's lead is its news even where the rules for later sentences read a forecast,
    a view or background: dated by its own recent date, else by the day of publication."""
    places = within(context.places, context.place_starts, sentence)
    recent = [t for t in _dates_of(context, sentence) if not is_history(t, context.published)]
    anchor = clause_anchor(context.text, sentence, recent) if recent else None
    return [make_event(context, _as_span(sentence), anchor, places, focus)]


def _dates_of(context: ArticleContext, sentence: Sentence) -> list[Timex]:
    """The sentence's dates and times (not its durations nor sets)."""
    return [
        t
        for t in within(context.timexes, context.timex_starts, sentence)
        if t.date is not None and t.type in ("DATE", "TIME")
    ]


def _with_quoting_sentence(
    context: ArticleContext, sentence: Sentence, clause: Span, previous: Sentence | None
) -> str:
    """The clause with the sentence before it when that one, in the same paragraph, ends in a
    quotation: in 'Later X said: “...” She claimed ...' a named source spoke first."""
    if previous is None or "\n" in context.text[previous.end : sentence.start]:
        return clause.text
    if previous.text[-1:] not in ("\u201d", '"'):
        return clause.text
    return context.text[previous.start : clause.end]


def _as_span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end, sentence.text)
