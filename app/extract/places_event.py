"""Decide where an event happened from the place mentions inside the clause that reports it
(places_passing.py tells the places named only in passing)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from app.extract.places_actors import acting_governments, acts, union_opens
from app.extract.places_data import VOICES, any_of, region_of, surrounding_regions, words
from app.extract.places_passing import (
    PERIPHERAL_KINDS,
    in_background,
    is_adjective,
    is_oblique,
    is_origin,
    names_the_war,
    strong_places,
)
from app.extract.types import Place, Region, Sentence, Span

# Never where an event happened: an adjective of nationality, a capital standing for its state.
IGNORED_KINDS = VOICES | {"union", "continent"}
# Never a scene of its own: what is ignored, and seas and rivers.
NOT_A_SCENE = VOICES | {"union", "continent", "sea", "river"}
# A visit opening the clause: "During a visit to Kyiv on Monday, ...", "And on a trip to Ukraine, ",
# or where its speaker is: "Speaking the same day from Uzbekistan, ...", "Speaking in Warsaw, ".
VISIT_OPENING = re.compile(
    r"(?:And\s+|But\s+)?(?:On\s+[A-Z][a-z]+day,\s+)?"
    r"(?:(?:[Dd]uring|[Oo]n|[Ww]hile on)\s+(?:a|an|his|her|their|the)\s+"
    r"(?:[a-z-]+\s+)?(?:visit|trip)\s+to|[Ss]peaking\s+(?:(?:the\s+same\s+day|on\s+[A-Z]\w+|"
    r"later|earlier|separately)\s+)?(?:from|in|at)|"
    # "On Friday, during a meeting with Putin in Sochi, ...": where the meeting was
    r"(?:[Dd]uring|[Aa]t)\s+(?:a|an|the|his|her|their)\s+(?:[a-z-]+\s+)?(?:meeting|talks)"
    r"\s+with\s+[^,;:]{2,60}?\s+in)\s+([^,;:]{2,60}),\s"
)
# A preposition of place or aim, or a verb of striking or leaving, before a nationality: "at
# Ukrainian targets", "on Russian soil", "struck multiple Ukrainian positions", "departed
# Ukrainian Black Sea ports".
AIMED_BEFORE = re.compile(
    r"\b(?:(?:against|at|on|of|in|into|inside|across|over)\s+(?:the\s+)?|(?:struck|hit|shelled|"
    r"attacked|bombed|pounded|targeted|destroyed|departed|left)\s+"
    r"(?:(?:multiple|several|many|some|\d+)\s+)?)$",
    re.IGNORECASE,
)
# "the head of Russia's Chechnya region", "the mayor of Kharkiv": a speaker's office, not a scene.
TITLE_OF = re.compile(r"\b([a-z]+) of\s+(?:the\s+)?(?:[A-Z][\w-]+['\u2019]s\s+)?$")
WEAK_KINDS = PERIPHERAL_KINDS | {"country"}


def event_regions(places: Sequence[Place], clause: str, clause_start: int) -> tuple[Region, ...]:
    """Where an event described by `clause` (at offset clause_start of the article) happened.

    Skips origins and borders ("fired from the Black Sea at the Yavoriv base near the border
    with Poland" -> UA-46 only), capitals standing for governments ("Kyiv says"), demonyms,
    and Ukraine as a whole when a part of it is named. Returns () when no place is left.
    """
    return weighed_regions(places, clause, clause_start)[0]


def weighed_regions(
    places: Sequence[Place], clause: str, clause_start: int
) -> tuple[tuple[Region, ...], bool]:
    """event_regions, and whether a place inside a country was named (True) or only a country or
    a sea in passing ("Ukraine was set to withdraw ... from there": False). Among countries named
    in passing, those acting ("Russia says ... with the US") come before those governed by a
    preposition. A union of states opening the clause gives no region, firmly (it is the actor,
    and has no ISO 3166 code)."""
    visited = _visited_opening(places, clause, clause_start)
    if visited:
        return _drop_wholes([scene_region(p) for p in visited]), True
    end = clause_start + len(clause)
    inside = [
        p
        for p in places
        if clause_start <= p.span.start
        and p.span.end <= end
        and p.kind not in IGNORED_KINDS
        and not is_adjective(p, clause, clause_start, places)
        and not in_background(p, clause, clause_start)
    ]
    scene = [p for p in inside if not is_origin(p, clause, clause_start)]
    strong = _abroad_offices_dropped(
        strong_places(scene, clause, clause_start), clause, clause_start
    )
    strong += _targeted_nations(places, clause, clause_start)
    countries = [
        p for p in scene if p.kind == "country" and not is_oblique(p, clause, clause_start)
    ]
    countries += acting_governments(places, clause, clause_start)
    kinds = {id(p): acts(p, clause, clause_start) for p in countries}
    acting = [p for p in countries if kinds[id(p)]]
    if not (strong or acting) and union_opens(places, clause, clause_start):
        return (), True  # "EU member states agreed ..., despite opposition from Hungary"
    # a country naming the war in passing ("Budanov believes ... Russia's war against Ukraine")
    # gives way to any other place the clause names
    passing = [p for p in scene if not names_the_war(p, clause, clause_start)]
    # "evacuation ... from Mariupol, agreed with Russia": a town left is nearer the happening
    # than a country named in passing
    left = [p for p in inside if p.kind not in WEAK_KINDS and p not in scene]
    chosen = strong or acting or [p for p in countries if p in passing] or left or passing
    chosen = chosen or countries or scene
    # "a captive from Morocco": a country left is where someone comes from, not the scene
    chosen = chosen or [p for p in inside if p.kind not in WEAK_KINDS]
    # a deed is firmly where its country is; a statement may still point at "there"
    deeds = any(kinds[id(p)] == "deed" for p in acting)
    firm = bool(strong) or deeds or any(p.kind not in WEAK_KINDS for p in chosen)
    return _drop_wholes([scene_region(p) for p in _narrowed(chosen)]), firm


def _narrowed(chosen: list[Place]) -> list[Place]:
    """'in the Donbas region ... in Lysychansk': a name covering several regions (one place per
    region on one span) keeps only the regions that a more precise place of the clause lies in."""
    spans = Counter(p.span for p in chosen)
    wide = {span for span, count in spans.items() if count > 1}
    if not wide:
        return chosen
    precise = {p.region.code for p in chosen if p.span not in wide}
    covered = {p.span for p in chosen if p.span in wide and p.region.code in precise}
    return [p for p in chosen if p.span not in covered or p.region.code in precise]


def _visited_opening(places: Sequence[Place], clause: str, clause_start: int) -> list[Place]:
    """'During a visit to Ukraine last week, Cameron said that Ukraine could strike targets inside
    Russia': the place a visit opening the clause names is where what follows was said or done,
    over the places the statement speaks of."""
    opening = VISIT_OPENING.match(clause)
    if opening is None:
        return []
    start, end = clause_start + opening.start(1), clause_start + opening.end(1)
    return [
        p
        for p in places
        if start <= p.span.start
        and p.span.end <= end
        and p.kind not in IGNORED_KINDS
        and not is_adjective(p, clause, clause_start, places)
    ]


def _targeted_nations(places: Sequence[Place], clause: str, clause_start: int) -> list[Place]:
    """'attacks against Ukrainian rail', 'missiles fired at Ukrainian targets', 'areas of
    Ukrainian cities': a nationality before a word for land or targets, after a preposition of
    place or aim, puts the scene in that country (the clause may name no other place)."""
    end = clause_start + len(clause)
    found = []
    for p in places:
        if p.kind != "demonym" or not (clause_start <= p.span.start and p.span.end <= end):
            continue
        start = p.span.start - clause_start
        if AIMED_BEFORE.search(clause[max(0, start - 20) : start]) and _target_after().match(
            clause, p.span.end - clause_start
        ):
            found.append(replace(p, kind="country", geo_precision="country"))
    return found


@cache
def _target_after() -> re.Pattern[str]:
    """A word for land or targets after a nationality, past an adjective or a sea's name:
    "Ukrainian energy infrastructure", "Ukrainian Black Sea ports"."""
    nouns = any_of("target_nouns")
    return re.compile(rf"\s+(?:[a-z-]+\s+|[A-Z][a-z]+\s+Sea\s+)?(?:{nouns})\b")


def scene_region(place: Place) -> Region:
    """The place's region; around a city that is a region of its own, the region around it
    ("a battle close to Kyiv" is in Kyiv Oblast, UA-32, not in the city, UA-30)."""
    if place.geo_precision != "nearby":
        return place.region
    around = surrounding_regions().get(place.region.code)
    return region_of(around) if around else place.region


def _abroad_offices_dropped(strong: list[Place], clause: str, clause_start: int) -> list[Place]:
    """Without a speaker's office in another country than the scenes named beside it ("the head
    of Russia's Chechnya region said ... Sievierodonetsk"); "the mayor of Mariupol said ... killed
    there" keeps Mariupol."""
    if len({_country(p) for p in strong}) < 2:
        return strong  # the cheap test first: all in one country, nothing to drop
    offices = [p for p in strong if _office(p, clause, clause_start)]
    scenes = {_country(p) for p in strong if p not in offices}
    return [p for p in strong if not scenes or p not in offices or _country(p) in scenes]


def _office(place: Place, clause: str, clause_start: int) -> bool:
    start = place.span.start - clause_start
    title = TITLE_OF.search(clause[max(0, start - 40) : start])
    return title is not None and title.group(1) in words("offices")


def _country(place: Place) -> str:
    return place.region.code.split("-")[0]


def _drop_wholes(found: list[Region]) -> tuple[Region, ...]:
    """Unique regions in order, without a country when one of its regions is there too."""
    unique: list[Region] = []
    for reg in found:
        if reg.code not in {r.code for r in unique}:
            unique.append(reg)
    parents = {r.parent for r in unique if r.parent}
    parents |= {r.code.split("-")[0] for r in unique if "-" in r.code}
    return tuple(r for r in unique if r.code not in parents)


def located_regions(
    places: Sequence[Place], evidence: Sentence | Span
) -> tuple[tuple[Region, ...], bool]:
    """weighed_regions without seas and continents (their codes are not ISO 3166)."""
    if not places:
        return (), False
    regions, firm = weighed_regions(places, evidence.text, evidence.start)
    return tuple(r for r in regions if r.code[0] != "X"), firm
