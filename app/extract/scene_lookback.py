"""The place "there", "the city" or "the plant" refers back to: the place named just before in the
clause, else the last scene named in the sentences read so far."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from app.extract.cues import cues
from app.extract.guarded import Pattern, guarded
from app.extract.places_data import SETTLEMENTS, any_of, words
from app.extract.places_event import NOT_A_SCENE, located_regions, scene_region
from app.extract.scene_dateline import filed_from
from app.extract.scene_office import OfficeHolders
from app.extract.spans import within
from app.extract.types import Place, Region, Sentence, Span

# A sentence naming no place goes on at the scene told this close before it (about two
# sentences of a news report, whose paragraphs are often one sentence each), not at one told
# further back.
CARRY_CHARS = 400


class SceneFocus:
    """The regions "there" or "the city" refer to: the last place named as a scene in the
    sentences read so far, whether or not they reported an event ("... left the city." after
    "... in Lysychansk."). Worked out only when an event asks (few do)."""

    def __init__(self, places: Sequence[Place], place_starts: list[int]) -> None:
        self._places = places
        self._starts = place_starts
        self._read: list[Sentence] = []  # sentences naming places, latest last
        self.filed_from: tuple[Region, ...] = ()  # the dateline's country, once read
        self.offices = OfficeHolders()  # local officials named with their office so far
        self._venues: dict[str, Region] = {}  # "summit" -> where the summit was said to be

    def read(self, sentence: Sentence) -> None:
        if not self._read and not self.filed_from:
            self.filed_from = filed_from(self._places, sentence)
        if bisect_left(self._starts, sentence.start) < bisect_left(self._starts, sentence.end):
            self._read.append(sentence)
            places = within(self._places, self._starts, sentence)
            self.offices.read(places, sentence)
            self._venues.update(_venues_named(places, sentence))

    def venue(self, evidence: Span) -> tuple[Region, ...]:
        """Where the gathering the evidence speaks of ("on the sidelines of the summit") was
        said to be, when a sentence before named its place beside it; else ()."""
        for match in _gathering().finditer(evidence.text):
            before = max(0, match.start() - ANOTHER_CHARS)
            if _ANOTHER_BEFORE.search(evidence.text, before, match.start()):
                continue  # "will host a conference next year": another gathering
            region = self._venues.get(match.group(1).lower())
            if region is not None:
                return (region,)
        return ()

    def regions(
        self,
        kinds: frozenset[str] | None = None,
        country: str | None = None,
        near: int | None = None,
    ) -> tuple[Region, ...]:
        """The main scene of the last sentence that names one; of one of `kinds` ("the plant":
        a facility) and in `country` ("the eastern Ukrainian city") when given; () when `near`
        is given and that sentence ends more than CARRY_CHARS before it."""
        for sentence in reversed(self._read):
            if near is not None and near - sentence.end > CARRY_CHARS:
                return ()
            places = within(self._places, self._starts, sentence)
            located, firm = located_regions(places, sentence)
            scene = [
                p
                for p in places  # sorted by start
                if scene_region(p) in located
                and (kinds is None or p.kind in kinds)
                and (country is None or p.region.code.split("-")[0] == country)
            ]
            if firm and scene:
                # the sentence's first scene: its main one ("... shelling of Sloviansk after
                # the capture of Lysychansk. ... in the city": Sloviansk)
                first = scene[0].span
                return tuple(dict.fromkeys(scene_region(p) for p in scene if p.span == first))
        return ()


def referred_to(
    places: Sequence[Place], evidence: Span, focus: SceneFocus, typed: bool = False
) -> tuple[Region, ...]:
    """The regions "there", "the plant" or "the eastern Ukrainian city" refer back to: the
    place named just before in the clause ("moved weapons to Belarus, ... placed there"), else
    the last scene named before of the kind the word names, else (). Only a word naming a kind
    of place ("the city", not "there") when `typed`."""
    anaphor = next(
        (
            m
            for m in cues().anaphora.finditer(evidence.text)
            if not _existential_after().match(evidence.text, m.end())
            and (not typed or _anaphor_kinds(m.group()) is not None)
        ),
        None,
    )
    if typed:
        wanted = _anaphor_kinds(anaphor.group()) if anaphor else None
        return focus.regions(wanted) if wanted else ()
    if anaphor is not None:
        named = _named_before(places, evidence, evidence.start + anaphor.start())
        wanted = _anaphor_kinds(anaphor.group())
        last = focus.regions(wanted) or (focus.regions() if wanted else ())
        if named and not any(r.code.startswith(named.region.code) for r in last):
            return (named.region,)  # "there" is the place just named, not one in it
        if _local_voice(anaphor.group()) and not any("-" in r.code for r in last):
            return ()  # "regional officials said" after "a US defence official said": not the US
        return last
    area = _area_anaphor().search(evidence.text)
    if area is not None:  # "on the peninsula": the region named last (Crimea)
        return focus.regions(_AREAS)
    if _IT_UNDERGOES.match(evidence.text):  # "It was occupied in early March": the city
        return focus.regions()
    for place in places:  # "the eastern Ukrainian city": a city of that country named before
        if place.kind == "demonym" and evidence.start <= place.span.start < evidence.end:
            start = place.span.start - evidence.start
            if _THE_BEFORE.search(evidence.text, max(0, start - 40), start) and (
                _settlement_after().match(evidence.text, place.span.end - evidence.start)
            ):
                return focus.regions(SETTLEMENTS, place.region.code.split("-")[0])
    return ()


# "It was occupied", "It had been shelled": a clause opening on "it" that undergoes a deed speaks
# of the place just named ("It was a hard day", "It is unclear" undergo nothing).
_IT_UNDERGOES = re.compile(
    r"It\s+(?:was|had been|has been|is being|was being)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
)
# "the eastern Ukrainian city": "the" and at most two lower-case words before a nationality.
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}$")
# "to neighboring ally Belarus", "in Poland": a place introduced as a destination or a scene.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:to|in|into|at|inside|across)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$"
)


def _named_before(places: Sequence[Place], evidence: Span, at: int) -> Place | None:
    """The last place of the clause before offset `at` named as a destination or scene."""
    for place in reversed(places):
        if evidence.start <= place.span.start and place.span.end <= at:
            start = place.span.start - evidence.start
            if place.kind not in NOT_A_SCENE and _DESTINATION_BEFORE.search(
                evidence.text, max(0, start - 40), start
            ):
                return place
    return None


def _anaphor_kinds(anaphor: str) -> frozenset[str] | None:
    """'the plant' refers to a facility, 'the city' to a settlement; 'there' to any place."""
    noun = anaphor.split()[-1].lower()
    if noun in words("facility_anaphors"):
        return frozenset({"feature"})
    return SETTLEMENTS if noun in words("settlement_anaphors") else None


def _local_voice(anaphor: str) -> bool:
    """'regional officials', 'the mayor': who speaks for a place inside a country."""
    return anaphor.split()[-1].lower() in words("local_voice_anaphors")


@cache
def _settlement_after() -> re.Pattern[str]:
    nouns = any_of("settlement_anaphors")
    return re.compile(rf"\s+(?:{nouns})\b")


_AREAS = frozenset({"region", "republic", "oblast"})


@cache
def _area_anaphor() -> re.Pattern[str]:
    """'the peninsula': an area named before (the event cues' anaphora cover towns and plants)."""
    nouns = any_of("area_anaphors")
    return re.compile(rf"\bthe\s+(?:{nouns})\b")


@cache
def _existential_after() -> re.Pattern[str]:
    modals = any_of("existential_modals")
    return re.compile(rf"(?<=[Tt]here)\s+(?:{modals})\b")


# "a conference", "next year's summit", "another meeting": a gathering other than the one named
_ANOTHER_BEFORE = re.compile(
    r"\b(?:a|an|another|next|future|upcoming)\b(?:\s+[\w’'“”-]+){0,2}\s+$", re.IGNORECASE
)
ANOTHER_CHARS = 40  # "a", "next" and at most two words before the gathering's noun
VENUE_CHARS = 40  # a gathering's place is named this close to its noun: "the summit in Vilnius"


@cache
def _gathering() -> Pattern:
    """A gathering's noun; most sentences name none, so the scan is guarded by the nouns."""
    nouns = any_of("gathering_nouns")
    return guarded(re.compile(rf"\b({nouns})\b", re.IGNORECASE), words("gathering_nouns"))


def _venues_named(places: Sequence[Place], sentence: Sentence) -> dict[str, Region]:
    """'the Russia-Africa summit in St Petersburg', 'the Vilnius summit': each gathering noun of
    the sentence with the settlement named closest to it, within a few words."""
    venues: dict[str, Region] = {}
    for match in _gathering().finditer(sentence.text):
        at = sentence.start + match.start()
        near = [
            p for p in places if p.kind in SETTLEMENTS and abs(p.span.start - at) <= VENUE_CHARS
        ]
        if near:
            closest = min(near, key=lambda p: abs(p.span.start - at))
            venues[match.group(1).lower()] = closest.region
    return venues
