"""A dated clause that is no happening of the timeline: history, a statistic over a long
period, a document's terms, a recurring date, or a view, argument or forecast dated only by
"this year" or "this week"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from app.extract.analysis import assesses, changes_a_figure, habitual, hedges, is_statistic
from app.extract.commentary import (
    Names,
    commentator_speaks,
    holds_a_view,
    is_prospect,
    turns_to_argue,
)
from app.extract.cues import cues
from app.extract.event_context import ArticleContext, near_the_lead
from app.extract.sources import quotes_on, speaks_only
from app.extract.tense import (
    ACTIVE_PAST_PERFECT,
    PROGRESSIVE,
    QUOTED,
    has_past_verb,
    main_clause,
    unquoted,
)
from app.extract.types import DateValue, Sentence, Span, Timex

HISTORY_YEARS = 2  # a date ending this many calendar years before publication is background
# a figure changing over a month or longer ("In May, car sales tumbled by 83%") is a statistic
_LONG_PRECISIONS = frozenset({"year", "quarter", "month"})


def is_history(timex: Timex, published: date) -> bool:
    """'The bridge, opened in 2018, ...', 'after the 1991 Soviet collapse': in a news article a
    year or a month years before it is background to the news, not an event of the timeline. A
    day named in full ("struck a TV tower in Kyiv on March 1, 2022") dates a happening the
    writer recalls for the story."""
    if timex.date is None or timex.date.precision == "day":
        return False
    return timex.date.end.year <= published.year - HISTORY_YEARS


# a date this long before publication, inside a relative clause, tells what the noun went
# through before the news (the same span as a look back in narrative.py)
EARLIER_DAYS = 14


def dates_a_noun(clause: Span, timex: Timex, published: date) -> bool:
    """'Kherson, which fell in early March, ...', '..., who was detained last
    month': a date weeks before the article inside a relative clause dates the noun's past, not
    the clause's happening. A recent day or week ("Kherson, which Russia captured on Tuesday")
    may be the news itself; a month or longer ("who was appointed earlier this month") names no
    day to report, even when it holds the day of publication."""
    if timex.date is None:
        return False
    recent = timex.date.end >= published - timedelta(days=EARLIER_DAYS)
    if recent and timex.date.precision in ("day", "week"):
        return False
    before = clause.text[: max(0, timex.span.start - clause.start)]
    return cues().relative_open.search(before) is not None


def _recent_day_or_week(timex: Timex, published: date) -> bool:
    """A day or a week of the last two weeks: a past perfect dated so ("Last week, Putin had
    ordered his troops not to storm the plant", "The day before, Putin had threatened ...")
    tells a happening of the story's days, not what stood before it."""
    value = timex.date
    return (
        value is not None
        and value.precision in ("day", "week")
        and value.end >= published - timedelta(days=EARLIER_DAYS)
    )


def yearly_figure(clause: Span, timexes: Sequence[Timex]) -> bool:
    """A figure that changes over a year or a quarter: a statistic, not a happening."""
    long = any(t.date is not None and t.date.precision in _LONG_PRECISIONS for t in timexes)
    return long and changes_a_figure(unquoted(clause.text))


def argues_or_quotes(
    context: ArticleContext, sentence: Sentence, clause: Span, anchor: Timex
) -> bool:
    """The dated clause argues ("Yet Nato faces a far bigger question this week"), its date
    recurs ("Every year on May 9"), or its vague date ("today", "this year") dates a view,
    quoted or not ("X believes Ukraine will win the war this year")."""
    start, end = anchor.span.start - sentence.start, anchor.span.end - sentence.start
    names = context.commentators
    if argues(sentence.text, clause.text, names) or habitual(sentence.text, start, end):
        return True
    if quotes_on(clause.text):
        return True  # "“This historic visit is a sign of solidarity,” she tweeted Tuesday"
    if speaks_only(clause.text) and not near_the_lead(context, clause.start):
        return True  # "“Everyone does their own thing ...,” the president said on Thursday"
    own = unquoted(clause.text)
    if cues().adopted_document.match(own) or cues().document_terms.match(own):
        return True  # "The aid package approved on Saturday includes ...", "Under the plan, ..."
    if not _recent_day_or_week(anchor, context.published) and background_pluperfect(
        sentence.text, clause.text, anchor.span.start - clause.start
    ):
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


def background_pluperfect(sentence_text: str, clause_text: str, date_at: int | None = None) -> bool:
    """A clause opening on the writer's past perfect, with no source in the sentence,
    looks back from the story to what stood before it: "Russia had concentrated its forces to
    capture the two cities between May and July". "After Russia had shelled the port in May,
    exports stopped" subordinates it to a happening, and "Kyiv had said on Monday that ..." or
    "..., the governor said" is reported news. `date_at` is where the clause's date begins in
    `clause_text`, None for an undated clause: a date past the pause after the perfect dates
    another verb ("Turkey had raised objections, but these were dropped last week")."""
    if cues().news_reporting.search(unquoted(sentence_text)):
        return False
    own = unquoted(clause_text)
    perfect = ACTIVE_PAST_PERFECT.search(own)
    if perfect is None or cues().subordinate_opener.search(own):
        return False
    # the perfect is the clause's first verb, and none in the past follows it before a pause
    comma = own.find(",", perfect.end())
    pause = comma if comma >= 0 else len(own)
    rest = own[perfect.end() : pause]
    return (date_at is None or date_at < pause) and not has_past_verb(
        own[: perfect.start()] + " " + rest
    )


def argues(sentence_text: str, clause_text: str, names: Names = None) -> bool:
    """A dated clause that reports nothing in the past, no statement, and sits in a question or
    an argument: "Yet Nato faces a far bigger question this week"."""
    own = unquoted(clause_text)
    if has_past_verb(own) or cues().news_reporting.search(own):
        return False  # most dated clauses: settled before the framing is read
    main = main_clause(sentence_text)
    framing = unquoted(main)
    cue = cues()
    return (
        turns_to_argue(main, framing, names)
        or hedges(framing)
        or cue.document.search(framing) is not None
        or cue.intent.search(framing) is not None
    )


def forecasts(clause_text: str) -> bool:
    """The writer's own plan or forecast, with no happening in the past and no statement: "Putin
    will again use this year's speech to ...". Dated by a whole year it schedules nothing."""
    own = unquoted(clause_text)
    if has_past_verb(own) or cues().news_reporting.search(own):
        return False
    return is_prospect(own) or cues().intent.search(own) is not None


def _vague_present(value: DateValue, published: date) -> bool:
    """A date that covers the article's own day: "today", "this week", "this year"."""
    return value.precision == "year" or value.start <= published <= value.end


def view_of_the_present(
    sentence_text: str, value: DateValue, published: date, names: Names = None
) -> bool:
    """A view held or a commentator's words dated only by "this year" or "this week": "Admiral
    X believes Ukraine will win the war this year"."""
    if value.precision == "day" or not _vague_present(value, published):
        return False  # "today" or a weekday may date a happening the hedge is only beside
    framing = unquoted(main_clause(sentence_text))
    return holds_a_view(framing) or commentator_speaks(framing, names)


def quoted_view(sentence_text: str, offset: int, value: DateValue, published: date) -> bool:
    """A "today", "this week" or a year inside a quotation (at `offset` in the sentence) that
    reports nothing in the past or in progress frames the source's view, not a happening:
    "“Today, tomorrow, or the day after tomorrow, they will throw in all the reserves,” Haidai
    said". A date of its own ("beginning 1 May, we will move to the rouble zone") still dates
    what is planned."""
    if not _vague_present(value, published):
        return False
    for quote in QUOTED.finditer(sentence_text):
        if quote.start() <= offset < quote.end():
            words = quote.group()
            return not has_past_verb(words) and not PROGRESSIVE.search(words)
    return False
