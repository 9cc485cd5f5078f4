"""Is a sentence a reportable happening? Its verbs' tense, and cues of commentary and prospect."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

from app.extract.analysis import (
    CALENDAR_WORDS,
    SOURCE_CHARS,
    assesses,
    attributed,
    hedges,
    is_statistic,
    named_commentator_speaks,
)
from app.extract.cues import cues
from app.extract.event_types import classify
from app.extract.places_data import VOICES
from app.extract.types import DateValue, Place

# A quotation, or one left open to the end of the sentence (it closes in a later one).
QUOTED = re.compile(r"[\"“”][^\"“”]*(?:[\"“”]|$)")

Names = re.Pattern[str] | None  # the surnames of an article's commentators, if any
_PUNCTUATION = ",;:()[]“”\"‘’'–—"
_BY = re.compile(r"\s+by\b")
_PAST_BE = frozenset({"was", "were", "been"})
_BEEN = re.compile(r"\bbeen\s+$", re.IGNORECASE)


def unquoted(text: str) -> str:
    """The text with its quotations blanked: what the writer says, not what a source is quoted
    as saying."""
    return QUOTED.sub(" ", text)


def past_verbs(text: str) -> Iterator[str]:
    """The words of the text that read as a past-tense verb, lazily: "shelled", "hit"; not the
    adjective in "the occupied territories", the present passive "is needed" nor "hundred"."""
    cue = cues()
    for match in cue.past.finditer(text):
        word = match.group().lower()
        if word in cue.not_past_ed:
            continue
        before = _word_before(text, match.start())
        if before in cue.participle_before or (
            _BY.match(text, match.end()) and before not in _PAST_BE
        ):
            continue  # "the occupied territories", "..., followed by continuous fighting"
        yield word


@lru_cache(maxsize=4096)  # a sentence and its clauses are asked more than once
def has_past_verb(text: str) -> bool:
    """Whether `past_verbs` finds one (it stops at the first)."""
    return next(past_verbs(text), None) is not None


def _word_before(text: str, start: int) -> str:
    """The word just before `start` (lower case), across spaces and punctuation."""
    words = text[max(0, start - 24) : start].split()
    return words[-1].strip(_PUNCTUATION).lower() if words else ""


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
    return reported is None or reported.start() > view.start()


def is_prospect(framing: str) -> bool:
    """A plan, a duty, a capacity or a condition in the writer's words: "Ukraine will need ...",
    "Kyiv must ...", "if the offensive stalls"."""
    return cues().prospect.search(framing) is not None


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|wn|un)\b", re.IGNORECASE)
# "Ukraine has ceded some territory", "Three ships ... have departed": the perfect of the first
# clause's verb, the way a paragraph's lead reports the day's happening.
_PERFECT_LEAD = re.compile(
    r"(?P<subject>[^,;:“”\"]{0,120}?)\s(?<!\bto\s)(?:has|have)\s+"
    r"(?!been\b|had\b|become\b|long\b|always\b|never\b)(?:\w+ly\s+)?\w{3,}(?:ed|en|wn)\b",
    re.IGNORECASE,
)
# Present progressive ("are trying to cut off"): a happening, like the simple past.
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+\w{3,}ing\b", re.IGNORECASE)


# Kinds of place that say where something happened (a country named as an actor does not).
_SCENE_KINDS = VOICES | {"country", "union", "continent", "sea"}


NEWS_SCORE = 3  # a typed happening this strong is news even in a source's own words
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
        framing = _PERFECT.sub(" ", unquoted(sentence_text))  # "a group Moscow has vilified"
        around = [v for v in past_verbs(framing) if not statement.fullmatch(v)]
        if len(quoted) * 2 >= len(sentence_text):  # mostly the source's words
            return (score >= 2 and has_past_verb(quoted)) or (score >= 1 and bool(around))
        # partly quoted: a strongly typed happening ("48 cruise missiles. At night.") will do
        return score >= 3 or (score >= 1 and (bool(around) or has_past_verb(quoted)))
    return (
        score >= 1
        or any(p.kind not in _SCENE_KINDS for p in places)
        or _named_source(sentence_text)
    )


# A sentence opening with a named source and its verb of saying or stance in the past: "Emmanuel
# Macron has warned that ...", "Danish officials said ...", "Stoltenberg dismissed ...".
_NAMED_SOURCE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+(?:(?:of|the|for)\s+)*){1,6}"
    r"(?:(?:officials?|spokes(?:man|woman|person)|ministry|minister)\s+)?"
    r"(?P<perfect>has\s+|have\s+)?(?P<verb>[a-z]+(?:\s+for)?)\b"
)


def _named_source(sentence_text: str) -> bool:
    """A statement that a named source makes in the past is news in itself, as an official's
    statement is; a pronoun source goes on with one already reported (continues_a_statement)."""
    opening = _NAMED_SOURCE.match(sentence_text)
    if opening is None:
        return False
    verb = opening.group("verb")
    if opening.group("perfect"):  # "X has warned": news; "X has said", a standing position
        return verb.endswith("ed") and cues().statement.fullmatch(verb) is not None
    past = verb.endswith("ed") or verb in ("said", "told", "wrote")
    return past and cues().statement.fullmatch(verb) is not None


# A perfect with its adverbs and a second participle: "have also since continued or reignited".
_PERFECT_RUN = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn)\b(?:\s+(?:or|and)\s+\w+(?:ed|en|wn)\b)?",
    re.IGNORECASE,
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
    main = _PERFECT_RUN.sub(" ", unquoted(sentence_text[opening.end() :]))
    speaking = cues().speaking
    return all(speaking.fullmatch(verb) for verb in past_verbs(main))


PRIVATE_CHARS = 60  # a private person named this close before the verb of saying is its source


def private_voice(sentence_text: str) -> bool:
    """A private person is the source: "One Kharkiv resident, Antonina, told AFP she returned
    home to find ...", "Taras, 43, said soldiers had refused ...". Their account is human
    interest; officials report the happening."""
    own = unquoted(sentence_text)
    cue = cues()
    person = cue.private_source.search(own)
    if person is None:
        return False
    verb = cue.speaking.search(own, person.end())
    return verb is not None and verb.start() - person.end() <= PRIVATE_CHARS


def asks(sentence_text: str) -> bool:
    """Mostly a quotation that ends in a question ("“Why would you not support it?” she
    asked"): the source asks, and nothing is reported as happening."""
    quotes = list(QUOTED.finditer(sentence_text))
    quoted = sum(len(q.group()) for q in quotes)
    return bool(quotes) and quoted * 2 >= len(sentence_text) and "?" in quotes[-1].group()[-3:]


def continues_a_statement(sentence_text: str) -> bool:
    """The source is a pronoun standing for one named before ("He said the talks were
    difficult", "Russia, he said, had invaded ...", "“...,” she tweeted"): the sentence goes on
    with a statement already reported, unless the writer reports a happening of their own
    before the attribution ("They agreed to boost cooperation ..., they said in a statement")."""
    source = cues().follow_up.search(sentence_text)
    if source is None:
        return False
    own = unquoted(sentence_text[: source.start()])
    if cues().news_reporting.search(own):
        return False  # "Later X said: “...” She claimed ...": a source of its own speaks first
    return not has_past_verb(own) or _PAST_PERFECT.search(own) is not None


def quotes_on(clause_text: str) -> bool:
    """A dated clause from a source named before that forecasts ("He also said the crisis could
    deepen next year") or is mostly a quotation with no past happening in it ("“This historic
    visit is a sign of solidarity,” she tweeted Tuesday"): the source's view of news already
    reported, not news of its own."""
    if not continues_a_statement(clause_text):
        return False
    if cues().hedge.search(clause_text):
        return True  # "He also said the crisis could deepen next year": the source's forecast
    quoted = "".join(m.group() for m in QUOTED.finditer(clause_text))
    return len(quoted) * 2 >= len(clause_text) and not has_past_verb(quoted)


# A quotation that opens the clause or follows a colon ("X said: “..."): the source's own words
# carry the clause, rather than a phrase quoted inside the writer's report.
_OPENING_QUOTE = re.compile(r"^\W{0,3}[\"“]|:\s*[\"“]")


def speaks_only(clause_text: str) -> bool:
    """A dated clause that is mostly a source's own words, opening on them ("“Everyone does
    their own thing ... ,” the president said on Thursday") or after a colon ("X said late on
    Sunday: “...”"), with no happening in the writer's words and no strongly typed happening:
    the source's view or a restatement, not news; "“We shot down 40 drones,” the air force said
    on Sunday" names one."""
    quoted = "".join(m.group() for m in QUOTED.finditer(clause_text))
    if len(quoted) * 2 < len(clause_text) or not _OPENING_QUOTE.search(clause_text):
        return False
    speaking = cues().speaking
    if any(not speaking.fullmatch(v) for v in past_verbs(unquoted(clause_text))):
        return False
    return not _PROGRESSIVE.search(quoted) and classify(clause_text).score < NEWS_SCORE


_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.IGNORECASE)


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
    perfect = _PERFECT.search(sentence_text) is not None
    past = perfect or bool(_PROGRESSIVE.search(sentence_text))
    # an attribution inside a relative clause ("..., which officials said would come from
    # reserves, will be used ...") attributes that clause, not the sentence
    reported = attributed(main_clause(sentence_text), lambda: past or has_past_verb(sentence_text))
    past = past or reported
    if not (past or has_past_verb(sentence_text)):
        return False  # nothing happened in the writer's tense
    main = main_clause(sentence_text)
    framing = unquoted(main)
    if reported:
        news = True
    elif perfect:
        # "X has accused Y of strikes in Kherson": a news lead, unlike "Moscow has recognised" or
        # a standing reproach in the passive ("Beijing has been criticized for refusing ...")
        stances = cue.statement.finditer(sentence_text)
        accused = any(
            v.group().endswith("ed") and not _BEEN.search(v.string, 0, v.start()) for v in stances
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
        or is_commentary(main, framing, names)
        or assesses(sentence_text)
        or is_statistic(unquoted(sentence_text))
    )


_RELATIVE = re.compile(
    r",\s+(?:where|which|who|whose|when)\b[^,]*(?:,|$)|\bwhether\b[^,;]*"
    r"|\b(?:in|under|by|during|after|for) which\b[^,;]*"  # "comments in which he claimed ..."
)


@lru_cache(maxsize=1024)
def main_clause(sentence_text: str) -> str:
    """The sentence without its non-restrictive relative clauses and its "whether" questions:
    "Troops moved to Melitopol, where they would meet resistance" is a happening; the
    hypothesis is in the relative clause."""
    return _RELATIVE.sub(",", sentence_text)


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
            return not has_past_verb(words) and not _PROGRESSIVE.search(words)
    return False


def opens_paragraph(text: str, start: int) -> bool:
    """The sentence starting at `start` is the first of its paragraph, where a news lead stands."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] == "\n"


# The source just before its verb of saying ("Medvedev wrote", "Mr Syniehubov has said", "the
# ambassador to Australia warned", "Francis on Sunday described") or, inverted, just after it and
# ending the clause ("..., said Medvedev.", "..., said the ministry,").
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?P<office>[a-z]{3,})\s+(?:to|of|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}"
    r"|(?P<name>[A-Z][\w’'-]+)\s+|(?:\b(?i:the)|[’']s)\s+(?P<noun>(?:[a-z]+\s+)?[a-z]+)\s+)"
    r"(?:(?:has|have|had|also|again|later|then|\w+ly|(?:late\s+|early\s+)?on\s+[A-Z]\w+)\s+){0,2}$"
)
_SOURCE_AFTER = re.compile(
    r"\s+(?:(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})|(?i:the)\s+(?P<noun>[a-z]+))"
    r"\s*(?:[,.;]|$)"
)


def source_of(sentence_text: str) -> str | None:
    """Who makes the sentence's first statement, as a lower-case key: the surname ("medvedev")
    or the office ("ambassador", "defence minister"); None for a pronoun, which
    `continues_a_statement` reads, or for a statement whose source is not next to its verb."""
    own = unquoted(sentence_text)
    cue = cues()
    for verb in cue.speaking.finditer(own):
        found = _SOURCE_BEFORE.search(own, 0, verb.start())
        if found is None and own[: verb.start()].rstrip().endswith(","):
            found = _SOURCE_AFTER.match(own, verb.end())
        if found is None:
            continue
        words = next(w for w in found.groupdict().values() if w).split()
        # a person by surname, an office with its qualifier ("defence minister")
        key = " ".join(words if found.groupdict().get("noun") else words[-1:]).lower()
        if key in cue.pronouns or words[-1] in CALENDAR_WORDS:
            return None
        return key
    return None


def says_nothing_new(clause_text: str) -> bool:
    """A clause that only speaks: besides its verbs of saying, no verb in the past and no typed
    happening in the writer's words ("“The loss of a nuclear power ... can provoke ...,” X wrote
    on Telegram in January"); not "X added that battalions had been deployed near the border"."""
    own = unquoted(clause_text)
    speaking = cues().speaking
    if any(not speaking.fullmatch(v) for v in past_verbs(own)):
        return False
    return classify(own).score < NEWS_SCORE
