"""Loads the event cues (reporting verbs, background, boilerplate) of event_cues.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from app.extract.cue_patterns import (
    POST_SIGNATURE,
    alternation,
    clause_marker,
    first_words,
    follow_up,
    introduction,
    object_marker,
    opener,
    titled,
    whole_words,
)
from app.extract.guarded import Pattern, guarded

RESOURCES = Path(__file__).parent / "resources"


@dataclass(frozen=True)
class Cues:
    news_reporting: Pattern  # a past-tense reporting verb anywhere
    stance_past: Pattern  # "dismissed", "denied": a stance taken in the past tense
    emphasis: frozenset[str]  # "stressed", "reiterated": stances that press a point already made
    sequel_opener: Pattern  # "after", "following": a happening told beside the news
    perfect: Pattern  # "has said", "have departed": the present perfect, any participle
    irregular_participles: tuple[str, ...]  # "said", "made": participles not in -ed, -en, -wn
    present_reporting: Pattern  # "says", "insists": attribution in the present tense
    reporting_before_date: Pattern  # a reporting verb just before the end of a string
    background: Pattern
    standing: Pattern  # "repeatedly", "said this": a standing state or a restatement
    trend: Pattern  # "in recent months": a trend, unless reported in the past tense
    standing_perfect: frozenset[str]  # "provided": its undated perfect in the body is background
    habit: Pattern  # "every year": what recurs, even on a date
    sequel: Pattern  # "eventually": goes on with a passage told in the past
    boilerplate: Pattern
    deadline_before: Pattern  # "by", "than" just before a date: a target or a comparison
    reference_before: Pattern  # "the invasion that began (on)": a known start, nothing new
    reference_after: Pattern  # "(Russia's 24 February) invasion": the same, after the date
    anaphora: Pattern  # "there", "the city": refers back to the place last named
    statement: Pattern  # a verb of saying or of a stance: "said", "condemned"
    actor: Pattern  # armed actors: "troops", "forces"
    past: Pattern  # a regular past ("shelled") or an irregular one ("struck")
    not_past_ed: frozenset[str]  # "hundred", "armed": -ed words that are no past verb
    participle_before: frozenset[str]  # "the", "is": an -ed word after them is no past verb
    not_possessive: frozenset[str]  # "he's": an 's that is no possessive before an -ed word
    commentator: Pattern  # "analyst", "thinktank": a source of commentary
    opinion: Pattern  # "believes", "it is unclear": a view, not a happening
    belief: Pattern  # "believes", "thinks": a view, or a happening believed
    analysis_opener: Pattern  # "For example", "In fact": a sentence that argues
    subordinate_opener: Pattern  # "After", "When": a clause that hangs on another
    reported_view: Pattern  # "said he fully supports": a source's view, reported
    contrast_opener: Pattern  # "Yet", "However": argues unless it reports a happening
    concession: Pattern  # "While X has been accused ...,": weighs states, analysis
    prospect: Pattern  # "will", "must", "if": a plan, duty or condition
    abstract_subjects: frozenset[str]  # "invasion", "sanctions": no actor of a news lead
    hedge: Pattern  # "likely", "could", "forecasting": a prediction or an assessment
    economy: Pattern  # "trade", "imports": what a statistic of background measures
    measure: Pattern  # "reached", "came from": the verb of a statistic
    holding: Pattern  # "has about": a figure of what is held, whatever it counts
    document: Pattern  # "assessment covers", "report reveals": a document's contents
    # "The package approved by the House on Saturday includes ...": a clause opening on a
    # document with a participle, then what it contains (use with .match)
    adopted_document: Pattern
    # "Under the export plan signed on Friday, officials would guide ships ...": the terms of a
    # document, whose signing is told elsewhere (use with .match)
    document_terms: Pattern
    commentator_intro: Pattern  # "Helena Legarda, a lead analyst": group "surname"
    commentator_title: re.Pattern[str]  # "military expert Oleh Zhdanov": group "surname"
    commentator_title_openings: frozenset[str]  # the first words of the titles, lower case
    name_titles: frozenset[str]  # "dr", "prof": a title before a person's name
    assessment: Pattern  # "ISW assessed": with a hedge, analysis
    follow_up: Pattern  # "He said", ", she added": a source named before speaks on
    pronouns: frozenset[str]  # "he", "they": a source that stands for one named before
    speaking: Pattern  # "said", "condemned", "described": a verb that makes a source
    private_source: Pattern  # "one resident", "Taras, 43,": a private person speaks
    office: Pattern  # "president", "spokesman": a source named by office
    casualties: Pattern  # "five people were injured": a toll in the simple past
    intent: Pattern  # "want to", "hopes to": what someone wants, not what happened
    roundup_title: Pattern  # "what we know": a title of a round-up of the day's news
    scene_change: Pattern  # "elsewhere", "in other cities": the writer turns from the scene told
    caption: Pattern  # "(center)": a picture caption
    newsroom: Pattern  # "we'll be back": the outlet speaking of itself
    post_signature: Pattern  # "— Name (@handle) July 30, 2022": an embedded post
    # ", which fell in March": an aside on a noun (after a comma), still open
    relative_open: Pattern
    context_link: Pattern  # "It comes as": what follows is set beside the news
    # "promised", "US-supplied", "aid": a weapon named after it (in its clause) is supplied
    supply: re.Pattern[str]
    # "condemned": an attack named after it (in its clause) is what is reacted to
    reaction: re.Pattern[str]
    # "could", "threatened to": a happening named after one in the same clause did not happen
    unrealised: re.Pattern[str]
    # "Russia's full-scale ", "since the ": the words before a phrase of the lexicon that make it
    # the war named in passing ("the invasion"), not a battle the sentence reports
    war_named_before: re.Pattern[str]
    war_names: frozenset[str]


def _speaking(data: dict[str, list[str]]) -> re.Pattern[str]:
    """Any verb that makes its subject a source: of saying, of a stance, or of describing."""
    verbs = data["reporting_verbs"] + data["statement_verbs"] + data["source_verbs"]
    return whole_words(verbs)


@cache
def cues() -> Cues:
    """The compiled cues; the file is read once. The cues of `RARE_CUES` skip the texts that
    lack every string their matches must hold."""
    data = tomllib.loads((RESOURCES / "event_cues.toml").read_text(encoding="utf-8"))
    compiled = _compiled_cues(data)
    patterns: dict[str, Any] = {name: guarded(getattr(compiled, name)) for name in RARE_CUES}
    for name, keys in RARE_PHRASE_CUES.items():
        phrases = [phrase for key in keys for phrase in data[key]]
        patterns[name] = guarded(getattr(compiled, name), first_words(phrases))
    return replace(compiled, **patterns)


# Cues whose required strings ("assess", "analysis"; "has", "have") most sentences of the news
# corpus lack, so that looking for them first saves most scans (see guarded.py).
RARE_CUES = (
    "assessment",
    "holding",
    "caption",
    "perfect",
    "trend",
    "actor",
    "reference_before",
    "present_reporting",
    "belief",
    "concession",
    "news_reporting",  # "said", "told": about half the sentences attribute nothing
    "private_source",  # "resident", or a comma before an age
    "reported_view",
)
# Cues of long phrase lists, with their lists in event_cues.toml, whose first words are rare.
RARE_PHRASE_CUES = {
    "newsroom": ("newsroom_cues",),
    "economy": ("economy_nouns",),
    "commentator": ("commentator_cues",),
    "hedge": ("hedge_cues",),
    "context_link": ("context_links",),
    "stance_past": ("stance_past_verbs",),
    "statement": ("reporting_verbs", "statement_verbs"),
    "prospect": ("prospect_cues",),
}


def _compiled_cues(data: dict[str, Any]) -> Cues:
    verbs = alternation(data["reporting_verbs"])
    gap = int(data["reporting_gap_words"])
    return Cues(
        news_reporting=whole_words(data["news_reporting_verbs"]),
        stance_past=whole_words(data["stance_past_verbs"]),
        emphasis=frozenset(data["emphasis_verbs"]),
        sequel_opener=whole_words(data["sequel_openers"]),
        perfect=re.compile(
            r"\b(?:has|have)\s+(?:(?:\w+ly|also|already|now|just|since|again)\s+)?"
            rf"(?:\w{{3,}}(?:ed|en|wn)|{alternation(data['irregular_participles'])})\b",
            re.IGNORECASE,
        ),
        present_reporting=whole_words(data["present_reporting_verbs"]),
        irregular_participles=tuple(data["irregular_participles"]),
        reporting_before_date=re.compile(
            rf"\b(?:{verbs})\b(?:\s+(?!that\b)[\w'’.,-]+){{0,{gap}}}?\s*$", re.IGNORECASE
        ),
        background=whole_words(data["background_cues"]),
        standing=whole_words(data["standing_cues"] + data["restating_cues"]),
        trend=whole_words(data["trend_cues"]),
        standing_perfect=frozenset(data["standing_perfect_verbs"]),
        habit=whole_words(data["habit_cues"]),
        sequel=whole_words(data["sequel_cues"]),
        boilerplate=re.compile(rf"^(?:{alternation(data['boilerplate_cues'])})", re.IGNORECASE),
        anaphora=re.compile(
            rf"\b(?:{alternation(data['anaphora_cues'])})\b"
            rf"(?!(?<=there)\s+(?:{alternation(data['existential_verbs'])})\b)",
            re.IGNORECASE,
        ),
        actor=whole_words(data["actor_cues"]),
        statement=whole_words(data["reporting_verbs"] + data["statement_verbs"]),
        reference_before=re.compile(
            rf"(?:\b(?:{alternation(data['reference_cues'])})\s+(?:on\s+|in\s+)?(?:the\s+)?"
            rf"|\bsince\s+(?:[\w’'-]+\s+){{0,3}}(?:invaded|invasion|launched|began|started|war|"
            rf"offensive)\b(?:(?!\bwhen\b)[^,;.]){{0,40}}?\s(?:(?:on|in)\s+(?:the\s+)?)?)$",
            re.IGNORECASE,
        ),
        reference_after=re.compile(
            rf"\s+(?:{alternation(data['reference_after_cues'])})\b", re.IGNORECASE
        ),
        past=re.compile(
            rf"\b[\w-]{{3,}}ed\b|(?<![\w-])(?:{alternation(data['irregular_past'])})\b",
            re.IGNORECASE,
        ),
        not_past_ed=frozenset(data["not_past_ed"]),
        participle_before=frozenset(data["participle_before"]),
        not_possessive=frozenset(data["not_possessive"]),
        commentator=whole_words(data["commentator_cues"]),
        opinion=whole_words(data["opinion_cues"]),
        belief=whole_words(data["belief_verbs"]),
        analysis_opener=opener(data["analysis_openers"]),
        subordinate_opener=opener(data["subordinate_openers"]),
        reported_view=re.compile(
            rf"\b(?:{verbs})\s+(?:that\s+)?(?:[\w’'-]+\s+){{1,3}}?"
            rf"(?:{alternation(data['reported_view_verbs'])})(?!\w)",
            re.IGNORECASE,
        ),
        contrast_opener=opener(data["contrast_openers"]),
        concession=re.compile(
            rf"{opener(data['concessive_openers']).pattern}[^,;]{{0,120}}?"
            r"\b(?:has|have|is|are)\b[^,;]*,",
            re.IGNORECASE,
        ),
        prospect=whole_words(data["prospect_cues"]),
        abstract_subjects=frozenset(data["abstract_subjects"]),
        hedge=whole_words(data["hedge_cues"]),
        economy=whole_words(data["economy_nouns"]),
        measure=whole_words(data["measure_verbs"]),
        holding=whole_words(data["holding_verbs"]),
        document=re.compile(
            rf"\b(?:{alternation(data['document_nouns'])})\s+(?:[\w.’'-]+\s+){{0,3}}?"
            rf"(?:{alternation(data['document_verbs'])})\b",
            re.IGNORECASE,
        ),
        adopted_document=re.compile(
            r"\s*(?:(?:the|a|an|this|its|their)\s+)?(?:[\w’'-]+\s+){0,3}?"
            rf"(?:{alternation(data['document_nouns'])})\s+[\w’'-]+(?:ed|en|wn)\b"
            rf"(?:\s+[\w.’'-]+){{0,8}}?\s+(?:{alternation(data['document_verbs'])})\b",
            re.IGNORECASE,
        ),
        document_terms=re.compile(
            r"\s*under\s+(?:the|this|that|a|an|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
            rf"(?:{alternation(data['document_nouns'])})\b",
            re.IGNORECASE,
        ),
        assessment=whole_words(data["assessment_cues"]),
        follow_up=follow_up(data["follow_up_sources"], verbs),
        pronouns=frozenset(data["follow_up_sources"] + data["other_pronouns"]),
        speaking=_speaking(data),
        private_source=re.compile(
            rf"\b(?i:one|a|an|another)\s+(?:[A-Z][\w’'-]+\s+)?(?:{alternation(data['private_sources'])})"
            rf"\b|\b[A-Z][\w’'-]+,\s+(?:aged\s+)?\d{{1,3}},"
        ),
        office=whole_words(data["office_titles"]),
        casualties=re.compile(
            rf"\b(?:{alternation(data['casualty_counted'])}|\d+)\s+"
            rf"(?:(?:people|civilians|others)\s+)?(?:was|were)\s+(?:also\s+)?"
            rf"(?:{alternation(data['casualty_verbs'])})\b",
            re.IGNORECASE,
        ),
        intent=whole_words(data["intent_cues"]),
        roundup_title=whole_words(data["roundup_title_cues"]),
        scene_change=whole_words(data["scene_change_cues"]),
        supply=object_marker(data["supply_cues"]),
        reaction=object_marker(data["reaction_cues"]),
        unrealised=clause_marker(data["unrealised_cues"]),
        war_named_before=re.compile(
            rf"\b(?:{alternation(data['war_name_determiners'])})\s+(?:[\w-]+\s+){{0,2}}$",
            re.IGNORECASE,
        ),
        war_names=frozenset(data["war_names"]),
        caption=re.compile(alternation(data["caption_marks"]), re.IGNORECASE),
        newsroom=whole_words(data["newsroom_cues"]),
        post_signature=POST_SIGNATURE,
        relative_open=re.compile(
            rf"(?:^|,)\s*(?:{alternation(data['relative_pronouns'])})\b[^,;:()–—]*$",
            re.IGNORECASE,
        ),
        # the link after the subject, in the sentence's first clause
        context_link=re.compile(
            rf"^[^,;:“”\"]{{0,80}}?\b(?:{alternation(data['context_links'])})\b", re.IGNORECASE
        ),
        commentator_intro=introduction(data["commentator_cues"] + data["research_bodies"]),
        commentator_title=titled(data["commentator_titles"]),
        commentator_title_openings=first_words(data["commentator_titles"]),
        name_titles=frozenset(data["name_titles"]),
        deadline_before=re.compile(
            rf"\b(?:{alternation(data['deadline_cues'] + data['comparison_cues'])})"
            rf"\s+(?:the\s+)?$",
            re.IGNORECASE,
        ),
    )
