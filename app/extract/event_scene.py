"""Where an event happened: the scene its clause names (places_event.py), else the place "there"
refers back to (scene_lookback.py), else its speaker's country (scene_speaker.py), else the
scene told just before (inside a country), else the country of the official acting, else the
article's home country."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from app.extract.cues import cues
from app.extract.event_types import classify_happening
from app.extract.guarded import Pattern, guarded
from app.extract.places import region
from app.extract.places_data import VOICES, any_of, words
from app.extract.places_event import NOT_A_SCENE, VISIT_OPENING, located_regions, scene_region
from app.extract.scene_dateline import filed_from
from app.extract.scene_lookback import SceneFocus, referred_to
from app.extract.scene_speaker import (
    international_speaker,
    judging,
    speaker_country,
    speakers,
    statement_verb,
    view_speaker,
)
from app.extract.types import Place, Region, Sentence, Span

__all__ = ["SceneFocus", "event_scene", "home_country", "names_a_scene"]

# How far after a verb of judging its object may name the country judged.
JUDGED_OBJECT = 60
# "ordered his generals to", "urged Kyiv's allies to": at most five words between a verb of
# directing and the "to" of the deed it asks for.
# The one who directs names the verb's subject: "Putin ordered", "Russian President Vladimir
# Putin on Tuesday ordered", with no other verb or clause between.
SUBJECT_GAP = 20
_JOINED = re.compile(r",|\bto\b|\band\b")
# Only names, "the", "and" or an opening adverb before a country: it opens the clause.
_OPENING_NAMES = re.compile(r"\W*(?:(?:[Tt]he|and|[A-Z][\w.]*,?)\s+)*")
_IT = re.compile(r"\b[Ii]t\b")
DIRECTED_DEED = r"(?:\s+(?:on\s+)?[\w'\u2019.-]+){1,5}\s+to\s+[a-z]+"
# "said in Berlin", "told reporters on Friday at ...": where the statement was made.
SAID_AT = re.compile(r"\s+(?:on\s+\w+\s+)?(?:in|at|from)\s+(?:the\s+)?")
# "had been deployed in Poland", "were killed": what is said reports a deed done there.
REPORTED_DEED = re.compile(r"\b(?:had|have|has)\s+been\s+\w+ed\b|\b(?:were|was)\s+\w+ed\b")
TRAVEL = re.compile(r"\b(?:visit|visits|trip)\b")
NEGATED = re.compile(r"\bno\s+$")  # "made no claimed gains": an adjective, not a statement
NONVIOLENT_TYPE = "Strategic developments"  # a statement, a view, a deal: no fighting


def event_scene(
    places: Sequence[Place], evidence: Span, focus: SceneFocus, home: tuple[Region, ...]
) -> tuple[tuple[Region, ...], tuple[Place, ...]]:
    """The regions of the event stated by `evidence`, and the places of it that lie there."""
    located, firm = located_regions(places, evidence)
    # "on the sidelines of the summit": where the summit was said to be, else "there", "the city"
    named_last = () if firm else (focus.venue(evidence) or referred_to(places, evidence, focus))
    if firm and located and all("-" not in r.code for r in located):
        # "Russia shelled the city": the country acts, the city named before is where
        named_last = referred_to(places, evidence, focus, typed=True)
    if named_last:
        located = named_last  # "there", "the city": the place named last, over a country
    elif firm and (judge := _judged_from_afar(places, evidence, located)):
        located = judge
    elif firm and (leader := _directed_from_afar(places, evidence, located)):
        located = leader
    elif firm and (speaker := _viewed_from_afar(places, evidence, located)):
        located = speaker
    elif (
        firm
        and not _governs_scene(places, evidence, located)
        and (speaker := view_speaker(places, evidence))
    ):
        located = speaker  # the statement is the news: where its speaker is
    elif not firm:
        located, firm = _said_where(places, evidence, focus, located)
    if not located and not firm:  # "At least five people were injured": the scene just told
        located = _scene_goes_on(evidence, focus)
    if not located and not firm:  # "Erdogan on Monday held calls with Putin": at home
        located = _actor_country(places, evidence)
    if firm and not located:  # a union acted: at the meeting a wire story is filed from
        located = focus.filed_from or filed_from(places, evidence)
    regions = located or (() if firm else home)  # firm and none: a union acted
    # a demonym, a capital standing for its state or a leader says who, not where
    used = tuple(p for p in places if scene_region(p) in regions and p.kind not in VOICES)
    return tuple(regions), used


def _scene_goes_on(evidence: Span, focus: SceneFocus) -> tuple[Region, ...]:
    """'... struck Kyiv on Sunday. At least five people were injured.', "A spokesperson for the
    fleet said ...": a clause naming no scene and no speaker's country goes on at the scene told
    just before, when that lies inside a country (a whole country told before says no more than
    the article's home); not where the writer turns elsewhere ("Elsewhere, ...")."""
    if cues().scene_change.search(evidence.text):
        return ()
    scene = focus.regions(near=evidence.start)
    return scene if any("-" in r.code for r in scene) else ()


def _actor_country(places: Sequence[Place], evidence: Span) -> tuple[Region, ...]:
    """'Erdogan, the main mediator, on Monday held calls with Putin and Zelenskiy': a clause
    naming no scene whose subject is a state's official acts in that state, not in the country
    the article is mostly about; an official further on ("came hours after Biden asked") is
    not its subject."""
    end = evidence.start + len(evidence.text)
    first = next((p for p in places if evidence.start <= p.span.start < end), None)
    if first is None or first.kind != "official":
        return ()
    if not _OPENING_NAMES.fullmatch(evidence.text, 0, first.span.start - evidence.start):
        return ()
    country = region(first.region.code.split("-")[0])
    return (country,) if country else ()


def _governs_scene(places: Sequence[Place], evidence: Span, located: tuple[Region, ...]) -> bool:
    """'Haidai, Ukraine's governor of Luhansk, ... saying the situation is "very difficult"': a
    local official of the scene speaks there, not in his country at large."""
    end = evidence.start + len(evidence.text)
    return any(
        evidence.start <= p.span.start < end
        and scene_region(p) in located
        and _local_office().search(evidence.text, 0, p.span.start - evidence.start) is not None
        for p in places
    )


@cache
def _local_office() -> Pattern:
    offices = any_of("local_offices")
    return guarded(re.compile(rf"\b(?:{offices})\s+of\s+(?:the\s+)?$"))  # rare: "mayor of"


def _said_where(
    places: Sequence[Place], evidence: Span, focus: SceneFocus, located: tuple[Region, ...]
) -> tuple[tuple[Region, ...], bool]:
    """Where a clause naming no scene of its own happened, and whether that is firm: the region
    of the local official speaking, else its speaker's country; in a wire story filed from a
    meeting abroad, the meeting's country (what is said there names other countries only in
    passing: "Tajani called for sanctions against Iran"); no region for an international
    body's statement; else the countries the clause names in passing."""
    official = focus.offices.speaking(evidence, places)  # "Gaidai said": governor of Luhansk
    speaker = official or speaker_country(places, evidence)
    if speaker:
        return speaker, False
    pronoun = None if located else cues().follow_up.search(evidence.text)
    if pronoun and not _IT.search(pronoun.group()):
        # "He said that street fighting was taking place": the person named before goes on
        # about the scene told so far ("It reported": a body, which may lie anywhere)
        return focus.regions(), False
    dateline = focus.filed_from or filed_from(places, evidence)
    if dateline and not _a_country_speaks(places, evidence, located):
        return dateline, False
    if international_speaker(evidence):
        return (), True  # "the UN agency said ...": no state speaks, no region
    return located, False


def names_a_scene(places: Sequence[Place], span: Sentence | Span) -> bool:
    """Whether the span names a place inside a country as where something happened."""
    return located_regions(places, span)[1]


def home_country(places: Sequence[Place]) -> tuple[Region, ...]:
    """The country most places of the article lie in (UA for a report from the front)."""
    counts = Counter(p.region.code.split("-")[0] for p in places if p.kind not in NOT_A_SCENE)
    for code, _ in counts.most_common():
        home = region(code)
        if home is not None:
            return (home,)
    return ()


def _judged_from_afar(
    places: Sequence[Place], evidence: Span, located: tuple[Region, ...]
) -> tuple[Region, ...]:
    """'Joe Biden labelled Russian atrocities in Ukraine as genocide': a speaker who judges or
    names what happened in a whole country does so where he is (his country), unless the
    clause names a place inside it."""
    verb = judging().search(evidence.text)
    if verb is None or any("-" in r.code for r in located):
        return ()
    judged = (evidence.start + verb.end(), evidence.start + verb.end() + JUDGED_OBJECT)
    # the judged happening is the verb's object: a scene further on is where things happened
    for place in places:
        inside = evidence.start <= place.span.start < evidence.end
        if (
            inside
            and scene_region(place) in located
            and not judged[0] <= place.span.start < judged[1]
        ):
            return ()
    return speaker_country(places, evidence)


def _directed_from_afar(
    places: Sequence[Place], evidence: Span, located: tuple[Region, ...]
) -> tuple[Region, ...]:
    """'Putin ordered his generals to carry on their advance towards ... Luhansk': a leader who
    orders or urges that something be done in another country does so in his own; the place
    named is where the deed is wanted, not where anything happened yet. Not after a visit
    opening the clause ("On a visit to China, Macron urged Xi to ..."): there he was."""
    verb = _directing().search(evidence.text)
    if verb is None or VISIT_OPENING.match(evidence.text):
        return ()
    verb_start = evidence.start + verb.start()
    subject = [
        p
        for p in speakers(places, evidence)
        if 0 <= verb_start - p.span.end <= SUBJECT_GAP
        and not _JOINED.search(evidence.text, p.span.end - evidence.start, verb.start())
    ]
    country = region(subject[-1].region.code.split("-")[0]) if subject else None
    if country is None or any(r.code.split("-")[0] == country.code for r in located):
        return ()  # "the mayor of Sloviansk urged residents to evacuate": at home
    return (country,)


def _viewed_from_afar(
    places: Sequence[Place], evidence: Span, located: tuple[Region, ...]
) -> tuple[Region, ...]:
    """'Vladimir Putin has said Russia was just getting started in Ukraine': a statement whose
    only scene is a whole country named in what is said, with no happening reported there, is
    made where its speaker is. Not on a visit, nor where the verb says where it was said ("said
    in Berlin"), nor when what is said tells of a strike or a deed done ("had been deployed in
    Poland")."""
    if not located or any("-" in r.code for r in located) or TRAVEL.search(evidence.text):
        return ()
    verb = statement_verb(evidence)
    if verb is None or NEGATED.search(evidence.text, 0, verb.start()):
        return ()
    if verb.group().lower() in words("directing_verbs"):
        return ()  # "ordered the invasion of Ukraine": a deed done there, not a view
    said = evidence.text[verb.end() :]
    named = [
        p.span.start - evidence.start
        for p in places
        if evidence.start <= p.span.start < evidence.end and scene_region(p) in located
    ]
    if not named or any(
        start < verb.end() or SAID_AT.fullmatch(evidence.text, verb.end(), start) for start in named
    ):
        return ()
    if REPORTED_DEED.search(said) or classify_happening(said).event_type != NONVIOLENT_TYPE:
        return ()
    speaker = speaker_country(places, evidence)
    return speaker if speaker and speaker[0] not in located else ()


@cache
def _directing() -> Pattern:
    verbs = any_of("directing_verbs")
    return guarded(re.compile(rf"\b(?:{verbs}){DIRECTED_DEED}\b"))  # rare: "ordered"


def _a_country_speaks(places: Sequence[Place], evidence: Span, located: tuple[Region, ...]) -> bool:
    """'China on Thursday announced ...', 'The U.S. and Britain, meanwhile, announced ...': a
    country opening the clause is its actor, wherever it speaks."""
    end = evidence.start + len(evidence.text)
    return any(
        p.kind == "country"
        and evidence.start <= p.span.start < end
        and p.region in located
        and _OPENING_NAMES.fullmatch(evidence.text, 0, p.span.start - evidence.start)
        for p in places
    )
