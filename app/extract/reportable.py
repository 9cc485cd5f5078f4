"""Is a sentence a reportable happening? Its tense (tense.py), its source (sources.py), and
cues of commentary, background and prospect."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from app.extract.analysis import (
    SOURCE_CHARS,
    assesses,
    attributed,
    believes_a_prospect,
    hedges,
    is_statistic,
    named_commentator_speaks,
)
from app.extract.cues import cues
from app.extract.event_types import classify
from app.extract.places_data import VOICES
from app.extract.sources import named_source_speaks
from app.extract.tense import (
    ACTIVE_PAST_PERFECT,
    BEEN,
    PERFECT,
    PERFECT_RUN,
    PROGRESSIVE,
    QUOTED,
    has_past_verb,
    main_clause,
    past_verbs,
    unquoted,
)
from app.extract.types import DateValue, Place

Names = re.Pattern[str] | None  # the surnames of an article's commentators, if any


# "said Orysia Lutsevych, a research fellow": the verb, a name, and the commentator it is.
_NAMED_AFTER = re.compile(r"\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the)\b[^,;]*")


def is_commentary(main: str, framing: str, names: Names = None) -> bool:
    """A question, an argument, a view or a commentator's words: "For example, ...", "Critics
    tend to believe ...", "..., said X, an analyst at ...". `main` is the writer's main clause,
    `framing` the same with its quotations blanked (see `unquoted`): a source's own words are
    no framing. `names` are the commentators the article introduced (see commentator_names)."""
    argued = is_argument(main, framing) or _holds_a_view(framing)
    return argued or _commentator_speaks(framing, names)


def is_argument(main: str, framing: str) -> bool:
    """A question, or a sentence opening as an aside or an argument ("In fact ..."). The opener
    is read in the sentence as written: blanking a quotation would leave a false start."""
    return framing.rstrip().endswith("?") or cues().analysis_opener.search(main) is not None


def turns_to_argue(main: str, framing: str, names: Names = None) -> bool:
    """A question, an argument, a contrast ("Yet ...", "However ...") or a commentator's words:
    what a dated clause is when it reports nothing in the past and no statement."""
    return (
        is_argument(main, framing)
        or cues().contrast_opener.search(main) is not None
        or _commentator_speaks(framing, names)
    )


def _commentator_speaks(framing: str, names: Names = None) -> bool:
    """An analyst or expert is the source of the first statement: "Konrad Muzyka, a military
    analyst, said", "said X, a research fellow", "analysts cite"; not "Haidai added, while analysts
    warned ..." (one voice among others further on)."""
    cue = cues()
    commentator = cue.commentator.search(framing)
    if commentator is None:
        return names is not None and named_commentator_speaks(framing, names)
    verb = cue.statement.search(framing)
    if verb is None:
        return True
    if verb.start() >= commentator.end():
        return verb.start() - commentator.end() <= SOURCE_CHARS
    return _NAMED_AFTER.fullmatch(framing, verb.end(), commentator.start()) is not None


def _holds_a_view(framing: str) -> bool:
    """A verb of opinion or a hedge that is not itself reported news: "Critics tend to believe",
    but not "the ministry said it believes a Buk missile intercepted ..."."""
    cue = cues()
    view = cue.opinion.search(framing)
    if view is None:
        return False
    reported = cue.news_reporting.search(framing)
    return reported is None or reported.start() > view.start() or believes_a_prospect(framing)


def is_prospect(framing: str) -> bool:
    """A plan, a duty, a capacity or a condition in the writer's words: "Ukraine will need ...",
    "Kyiv must ...", "if the offensive stalls"."""
    return cues().prospect.search(framing) is not None


# "Ukraine has ceded some territory", "Three ships ... have departed": the perfect of the first
# clause's verb, the way a paragraph's lead reports the day's happening.
_PERFECT_LEAD = re.compile(
    r"(?P<subject>[^,;:“”\"]{0,120}?)\s(?<!\bto\s)(?:has|have)\s+"
    r"(?!been\b|had\b|become\b|long\b|always\b|never\b)(?:\w+ly\s+)?\w{3,}(?:ed|en|wn)\b",
    re.IGNORECASE,
)


# Kinds of place that say where something happened (a country named as an actor does not).
_SCENE_KINDS = VOICES | {"country", "union", "continent", "sea"}


QUOTE_SHARE = 0.3  # a sentence this much quotation is the source's words, not the writer's


def has_event_content(sentence_text: str, places: list[Place]) -> bool:
    """An undated statement is an event only if it names a happening or a scene. A sentence
    that is largely a quotation must name a happening in the past, in the quotation ("40 drones
    were shot down") or around it ("two floors were destroyed, Kim said, adding that it was
    'impossible ...'"), not only a view ("Crimea is Ukraine", "we cannot let our guard down")."""
    score = classify(sentence_text).score
    quoted = "".join(m.group() for m in QUOTED.finditer(sentence_text))
    if len(quoted) >= QUOTE_SHARE * len(sentence_text):
        if not any(c.isalpha() for c in unquoted(sentence_text)):
            return False  # a quotation going on from the sentence before: no news of its own
        statement = cues().statement
        framing = PERFECT.sub(" ", unquoted(sentence_text))  # "a group Moscow has vilified"
        around = [v for v in past_verbs(framing) if not statement.fullmatch(v)]
        if len(quoted) * 2 >= len(sentence_text):  # mostly the source's words
            return (score >= 2 and has_past_verb(quoted)) or (score >= 1 and bool(around))
        # partly quoted: a strongly typed happening ("48 cruise missiles. At night.") will do
        return score >= 3 or (score >= 1 and (bool(around) or has_past_verb(quoted)))
    return (
        score >= 1
        or any(p.kind not in _SCENE_KINDS for p in places)
        or named_source_speaks(sentence_text)
    )


def concedes(sentence_text: str) -> bool:
    """A sentence that opens by conceding a state in the present or the perfect ("While Russia
    has been accused of targeting civilians throughout the invasion, strikes appear to ...")
    weighs one state against another: analysis, unless its main clause tells a happening
    ("While Kyiv has received tanks, Russian forces seized two villages in June")."""
    opening = cues().concession.match(sentence_text)
    if opening is None:
        return False
    # the main clause tells no happening of its own: "..., Russian forces seized two villages"
    main = PERFECT_RUN.sub(" ", unquoted(sentence_text[opening.end() :]))
    speaking = cues().speaking
    return all(speaking.fullmatch(verb) for verb in past_verbs(main))


_POSSESSIVE_END = re.compile(r"[’']s?$")


def background_perfect(sentence_text: str) -> bool:
    """An undated sentence whose main clause is the present perfect of a verb of standing
    support or hostility ("The United States has provided key backing ...", "Putin has railed
    against earlier rounds of sanctions") tells, past the article's opening, what stands rather
    than the day's news, unless a source attributes it in the simple past ("..., the governor
    said") or the perfect hangs on a statement ("Lavrov said 2.8 million people have asked")."""
    match = _PERFECT_LEAD.match(sentence_text)
    if match is None or match.group().split()[-1].lower() not in cues().standing_perfect:
        return False
    subject = unquoted(match.group("subject"))
    if has_past_verb(subject) or cues().news_reporting.search(subject):
        return False
    rest = unquoted(sentence_text[match.end() :])
    return cues().news_reporting.search(rest) is None


def _perfect_lead(sentence_text: str) -> bool:
    """A paragraph opening "X has <done>" reports the day's news when X is someone who acts
    ("Kyiv has accused", "Canada has imposed"), not a state of affairs ("the invasion has
    driven a wedge", "sanctions have affected")."""
    match = _PERFECT_LEAD.match(sentence_text)
    if match is None:
        return False
    words = match.group("subject").split()
    return (
        bool(words) and _POSSESSIVE_END.sub("", words[-1].lower()) not in cues().abstract_subjects
    )


def reports_current_news(
    sentence_text: str,
    scene: Callable[[], bool] = lambda: False,
    lead: bool = False,
    names: Names = None,
) -> bool:
    """Attributed in the past tense ("..., the mayor said"), or a typed happening in the simple
    past (a weaker type suffices for armed actors at a named scene); never a hypothesis, a
    standing position or a present-perfect background. `scene()` says whether the sentence
    names a place inside a country (asked last: it costs most); `lead` whether the sentence
    opens a paragraph, where a perfect reports the news ("Ukraine has ceded territory");
    `names` the commentators the article introduced."""
    cue = cues()
    perfect = PERFECT.search(sentence_text) is not None
    past = perfect or bool(PROGRESSIVE.search(sentence_text))
    # an attribution inside a relative clause ("..., which officials said would come from
    # reserves, will be used ...") attributes that clause, not the sentence
    reported = attributed(main_clause(sentence_text), lambda: past or has_past_verb(sentence_text))
    past = past or reported
    if not (past or has_past_verb(sentence_text)):
        return False  # nothing happened in the writer's tense
    main = main_clause(sentence_text)
    framing = unquoted(main)
    if reported:
        news = cue.reported_view.search(framing) is None  # "X said he fully supports ..."
    elif perfect:
        # "X has accused Y of strikes in Kherson": a news lead, unlike "Moscow has recognised" or
        # a standing reproach in the passive ("Beijing has been criticized for refusing ...")
        stances = cue.statement.finditer(sentence_text)
        accused = any(
            v.group().endswith("ed") and not BEEN.search(v.string, 0, v.start()) for v in stances
        )
        news = (accused and scene()) or (lead and _perfect_lead(sentence_text))
    else:  # not "There will be countries that buy Russian oil rejected by Europe"
        news = not is_prospect(framing) and (
            classify(sentence_text).score >= 3
            or (cue.actor.search(sentence_text) is not None and scene())  # armed actors at a place
        )
    # the cues of background and commentary, read last: only news-like sentences need them
    return news and not (
        cue.background.search(main)
        or (not reported and cue.document.search(framing))  # "The resolution states that ..."
        or cue.standing.search(framing)
        or (not reported and cue.trend.search(framing))  # "Kyiv says ... in recent months"
        or is_commentary(main, framing, names)
        or assesses(sentence_text)
        or is_statistic(unquoted(sentence_text))
    )


def background_pluperfect(sentence_text: str, clause_text: str, date_at: int) -> bool:
    """A dated clause opening on the writer's past perfect, with no source in the sentence,
    looks back from the story to what stood before it: "Russia had concentrated its forces to
    capture the two cities between May and July". "After Russia had shelled the port in May,
    exports stopped" subordinates it to a happening, and "Kyiv had said on Monday that ..." or
    "..., the governor said" is reported news. `date_at` is where the clause's date begins in
    `clause_text`: a date past the pause after the perfect dates another verb ("Turkey had
    raised objections, but these were dropped last week")."""
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
    return date_at < pause and not has_past_verb(own[: perfect.start()] + " " + rest)


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
    return _holds_a_view(framing) or _commentator_speaks(framing, names)


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
