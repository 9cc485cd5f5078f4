"""Is a sentence or clause reportable news? Its tense (tense.py), its source (sources.py), and
cues of commentary (commentary.py), background and prospect. Dated clauses: dated_background.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from app.extract.analysis import assesses, attributed, is_statistic
from app.extract.commentary import Names, is_commentary, is_prospect
from app.extract.cues import cues
from app.extract.event_types import classify
from app.extract.places_data import VOICES
from app.extract.sources import named_source_speaks
from app.extract.tense import (
    BEEN,
    PERFECT,
    PERFECT_RUN,
    PROGRESSIVE,
    QUOTED,
    describes_a_noun,
    has_past_verb,
    main_clause,
    past_verbs,
    unquoted,
)
from app.extract.types import Place


# "Ukraine has ceded some territory", "Three ships ... have departed": the perfect of the first
# clause's verb, the way a paragraph's lead reports the day's happening.
# The subject runs to the first pause; a comma inside a figure ("60,000 tonnes") is none.
@cache
def _perfect_lead() -> re.Pattern[str]:
    participles = "|".join(cues().irregular_participles)  # "has made", "have left"
    return re.compile(
        r"(?P<subject>(?:[^,;:“”\"]|(?<=\d),(?=\d)){0,120}?)\s(?<!\bto\s)(?:has|have)\s+"
        r"(?!been\b|had\b|become\b|long\b|always\b|never\b)(?:\w+ly\s+)?"
        rf"(?:\w{{3,}}(?:ed|en|wn)|{participles})\b",
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
        or cues().casualties.search(unquoted(sentence_text)) is not None
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


def sets_beside(sentence_text: str) -> bool:
    """'It comes as the minister is due to speak on Monday', 'The meeting comes as the US has
    accused Iran ...': the sentence links a happening told before to a state, a plan or a trend;
    only a happening in the simple past after the link ("came hours after Biden asked ...")
    is news of its own."""
    link = cues().context_link.match(sentence_text)
    if link is None:
        return False
    rest = PERFECT_RUN.sub(" ", unquoted(sentence_text[link.end() :]))
    return not has_past_verb(rest) and cues().news_reporting.search(rest) is None


_POSSESSIVE_END = re.compile(r"[’']s?$")


def background_perfect(sentence_text: str) -> bool:
    """An undated sentence whose main clause is the present perfect of a verb of standing
    support or hostility ("The United States has provided key backing ...", "Putin has railed
    against earlier rounds of sanctions") tells, past the article's opening, what stands rather
    than the day's news, unless a source attributes it in the simple past ("..., the governor
    said") or the perfect hangs on a statement ("Lavrov said 2.8 million people have asked")."""
    match = _perfect_lead().match(sentence_text)
    if match is None or match.group().split()[-1].lower() not in cues().standing_perfect:
        return False
    subject = unquoted(match.group("subject"))
    if has_past_verb(subject) or cues().news_reporting.search(subject):
        return False
    rest = unquoted(sentence_text[match.end() :])
    return cues().news_reporting.search(rest) is None


def _leads_with_a_perfect(sentence_text: str) -> bool:
    """A paragraph opening "X has <done>" reports the day's news when X is someone who acts
    ("Kyiv has accused", "Canada has imposed"), not a state of affairs ("the invasion has
    driven a wedge", "sanctions have affected")."""
    match = _perfect_lead().match(sentence_text)
    if match is None:
        return False
    words = match.group("subject").split()
    return (
        bool(words) and _POSSESSIVE_END.sub("", words[-1].lower()) not in cues().abstract_subjects
    )


# Before a verb of stance, a word that makes it no act of its subject: a passive ("was
# accused"), a past perfect ("had denied"), an infinitive ("to condemn") or a relative clause.
_NOT_ITS_ACT = re.compile(
    r"\b(?:was|were|been|be|being|is|are|had|to|who|which|that)\s+(?:(?:\w+ly|also|already|again)\s+)?$",
    re.IGNORECASE,
)


# After a verb of stance, a word that makes it a participle describing a noun: "individual
# Russians accused of war crimes", "a strike condemned by Kyiv".
_PARTICIPLE_AFTER = re.compile(r"\s+(?:of|by)\b", re.IGNORECASE)
# A relative pronoun earlier in the verb's stretch of the clause: "an attack which a senior
# official described as ..." tells what someone said before, not the day's stance.
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whom|whose)\b[^,;]*$", re.IGNORECASE)


def takes_a_stance(main: str, anew: bool = False) -> bool:
    """The writer reports a source taking a stance in the past tense: "Stoltenberg dismissed
    suggestions that ...", "the ministers both denied that ..."; not "Russia was accused of
    ..." (a passive), "Russians accused of war crimes", "who had denied" nor a quoted "we
    condemned". `anew`: not only pressing a point already made ("again stressed that ...")."""
    framing = unquoted(main)
    emphasis = cues().emphasis if anew else frozenset()
    return any(
        verb.group().lower() not in emphasis
        and not _NOT_ITS_ACT.search(framing, 0, verb.start())
        and not _RELATIVE_BEFORE.search(framing, 0, verb.start())
        and not _PARTICIPLE_AFTER.match(framing, verb.end())
        and not describes_a_noun(framing, verb.start())
        for verb in cues().stance_past.finditer(framing)
    )


# A negated perfect as the second part of a happening: "Russian forces have taken most of the
# city but have not surrounded it" tells what they did and did not do, not a standing state.
_BUT_NOT_YET = re.compile(r"\bbut\s+(?:has|have)\s+not\b|\bbut\s+(?:hasn|haven)[’']t\b", re.I)


def _stands(framing: str) -> bool:
    """A cue of a standing state or a restatement, other than the negated half of a happening."""
    return any(
        not _BUT_NOT_YET.match(framing, max(0, cue.start() - 4))
        for cue in cues().standing.finditer(framing)
    )


_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
_UNVERIFIED_TAIL = re.compile(
    r",\s+(?:although|though|but|which)\b[^,;]*\bcould\s+not\b[^,;]*\bverif\w*[^,;]*$",
    re.IGNORECASE,
)
# A sentence that opens on its named source in the present tense, the way a news lead does:
# "Russia says", "Kremlin spokesman Dmitry Peskov says", "In the east, Ukraine says"; not a
# pronoun ("It warns") nor a source further on ("..., the company says").
_SAYS_FIRST = re.compile(
    r"(?:In\s+the\s+[a-z]+,\s+)?(?!(?:It|That|This|These|Those|He|She|They|We)\b)"
    r"(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?\s+(?:says|insists|maintains)\b"
)


# "The first vessel laden with grain meanwhile left Ukraine ...": the writer sets a happening
# beside the day's news, so it is news of the day too (every such sentence annotated so far is).
_MEANWHILE = re.compile(r"\bmeanwhile\b", re.IGNORECASE)


def _goes_on(sentence_text: str) -> bool:
    """A happening going on in the present ("Russian forces are shelling ..."), told before any
    "that": a progressive inside a claim or a description ("Russia claims it is sanctions that
    are slowing the flow of food") is no happening of the writer's."""
    that = _THAT.search(sentence_text)
    return (
        PROGRESSIVE.search(sentence_text, 0, that.start() if that else len(sentence_text))
        is not None
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
    # "..., although the claim could not immediately be verified": the writer's caveat on the
    # report, not a hypothesis of its own
    main = _UNVERIFIED_TAIL.sub("", main_clause(sentence_text))
    # "They recaptured X, where Russian forces have concentrated": the aside's perfect is no
    # tense of the sentence's
    perfect = bool(PERFECT.search(main) or cue.perfect.search(main))
    past = perfect or _goes_on(sentence_text)
    # an attribution inside a relative clause ("..., which officials said would come from
    # reserves, will be used ...") attributes that clause, not the sentence
    reported = attributed(main, lambda: past or has_past_verb(sentence_text)) or takes_a_stance(
        main
    )
    past = past or reported
    framing = unquoted(main)
    leads_with_source = _SAYS_FIRST.match(framing) is not None
    if not (past or leads_with_source or has_past_verb(sentence_text)):
        return False  # nothing happened in the writer's tense
    if reported or leads_with_source:
        # "X said he fully supports ..." is a view; "Russia says it is ready to talk about a
        # prisoner swap", opening the sentence on its source, is the day's news
        news = cue.reported_view.search(framing) is None
    elif perfect:
        # "X has accused Y of strikes in Kherson": a news lead, unlike "Moscow has recognised" or
        # a standing reproach in the passive ("Beijing has been criticized for refusing ...")
        stances = cue.statement.finditer(sentence_text)
        accused = any(
            v.group().endswith("ed") and not BEEN.search(v.string, 0, v.start()) for v in stances
        )
        news = (accused and scene()) or (lead and _leads_with_a_perfect(sentence_text))
    else:  # not "There will be countries that buy Russian oil rejected by Europe"
        news = not is_prospect(framing) and (
            classify(sentence_text).score >= 3
            or (cue.actor.search(sentence_text) is not None and scene())  # armed actors at a place
            or _MEANWHILE.search(framing) is not None
            or cue.casualties.search(framing) is not None
        )
    # the cues of background and commentary, read last: only news-like sentences need them
    return news and not (
        cue.background.search(main)
        or (not reported and cue.document.search(framing))  # "The resolution states that ..."
        or _stands(framing)
        or (not reported and cue.trend.search(framing))  # "Kyiv says ... in recent months"
        or is_commentary(main, framing, names)
        or assesses(sentence_text)
        or is_statistic(unquoted(sentence_text))
    )
