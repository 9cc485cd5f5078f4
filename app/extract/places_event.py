"""Decide where an event happened from the place mentions inside the clause that reports it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from app.extract.places_actors import acting_governments, acts, deed_after, union_opens
from app.extract.places_bearing import DISTANCE_PHRASE
from app.extract.places_context import POSSESSIVE
from app.extract.places_data import VOICES, region_of, surrounding_regions, words
from app.extract.types import Place, Region

# Never where an event happened: an adjective of nationality, a capital standing for its state.
IGNORED_KINDS = VOICES | {"union", "continent"}
# Words before a place that make it the origin or a boundary, not the scene.
ORIGIN = re.compile(
    r"(?:\bfrom|\bborder(?:s|ing)? with|\bborder of|\bfrontier with|\bbordering)"
    r"(?:\s+(?:the|a|an|its|occupied|Russian-occupied|neighbouring|neighboring|"
    r"(?:parts?|areas?|regions?) of))*\s*$",
    re.IGNORECASE,
)
# Words after a place that make it a boundary: "the Polish border", "Poland's border".
BORDER_AFTER = re.compile(r"^['\u2019]?s?\s+(?:border|frontier)\b", re.IGNORECASE)
# Words that introduce a location: "in Germany", "across eastern Ukraine", or the country a war
# is waged on: "the invasion of Ukraine".
LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|across|throughout|into|outside|over|around|(?:invasion|"
    r"offensive|war) (?:of|on|against)|visit(?:s|ed|ing)?|(?:visit|trip|journey|travel(?:s|l?ed|"
    r"l?ing)?|flew|returned|arrived|came) to)"
    r"(?:\s+(?:the|western|eastern|northern|southern|central|north|south|east|west|"
    r"north-eastern|south-eastern|north-western|south-western|occupied|parts? of|"
    r"areas? of|and|[A-Z][a-z]+-(?:occupied|held|controlled|annexed)))*\s*$",
    re.IGNORECASE,
)
# A name modifying another place ("the Kyiv suburb of Bucha") or an adjective ("U.S.-supplied").
ADJECTIVE = re.compile(r"^(?:\.?-[a-z]|\s+(?:suburbs?|satellite towns?) of\b)")
# Words before a country that make it the object of a preposition ("aid for Ukraine", "talks with
# the US", "caused by Ukraine"): a country in passing, not the one acting or speaking.
OBLIQUE = re.compile(
    r"\b(?i:for|with|to|on|against|by|about|over|towards?|of|from|between|than|like|via|"
    r"despite|beyond|within)(?:\s+(?:the|a|an))?"
    r"(?:(?:\s+[A-Z][\w.-]*,)*\s+[A-Z][\w.-]*,?\s+(?:and|or))?\s*$"  # "to Sweden and Finland"
)
# "Russia's war in Ukraine", "the Russian invasion of Ukraine", "the conflict over Ukraine", "the
# war in Ukraine", "sanctions over its invasion of Ukraine": a war named by its party, its cause
# or its country, in passing; not the scene ("he ordered the invasion of Ukraine", "Russia began
# its invasion of Ukraine").
WAR_NAMED = re.compile(
    r"(?:\b(?:over|for|since|of|amid|during|after|before|against|with|from|by|in|about|despite)"
    r"\s+(?:its|their)\s+(?:[a-z-]+\s+){0,2}(?:war|invasion|aggression|offensive)\s+"
    r"(?:in|on|against|of)|"
    r"(?:['\u2019]s|\bRussian|\bSoviet)\s+(?:[a-z-]+\s+)?(?:war|invasion|aggression|offensive)"
    r"\s+(?:in|on|against|of)|\b(?:war|conflict|dispute|row|tensions?|crisis)\s+over|"
    r"\bthe\s+(?:[a-z-]+\s+)?(?:war|conflict)\s+in)"
    r"(?:\s+the)?\s*$"
)
# "Russia's invasion", "Russia's full-scale war of attrition": a country naming, as its party, the
# war the clause mentions in passing; the scene only when nothing else is named.
WAR_PARTY = re.compile(
    r"['\u2019]s\s+(?:[a-z-]+\s+){0,2}(?:war|invasion|aggression|offensive|occupation)\b"
)
# "sanctions aimed at Russia": the country aimed at, in passing; not where ("fire aimed at Kyiv").
AIMED_AT = re.compile(
    r"\b(?:sanctions|measures|embargo|restrictions)\s+(?:aimed|directed|targeted)\s+at\s+$"
)
# "deployed tactical nuclear weapons to neighboring ally Belarus": where forces are sent to stay.
DEPLOYED_TO = re.compile(
    r"\b(?:deployed|redeployed|stationed|relocated)\b[^,.;:]{0,40}\bto\s+(?:the\s+)?"
    r"(?:[a-z-]+\s+){0,2}$"
)
# "raised concerns about the safety of the Zaporizhzhia plant": the place a worry is about, with
# nothing said to happen there, is no scene.
CONCERN_BEFORE = re.compile(
    r"\b(?:concerns?|worries|fears|alarm)\s+(?:about|over)\s+[^,.;:]{0,50}$", re.IGNORECASE
)
# A visit opening the clause: "During a visit to Kyiv on Monday, ...", "And on a trip to Ukraine, ".
VISIT_OPENING = re.compile(
    r"(?:And\s+|But\s+)?(?:[Dd]uring|[Oo]n|[Ww]hile on)\s+(?:a|an|his|her|their|the)\s+"
    r"(?:[a-z-]+\s+)?(?:visit|trip)\s+to\s+([^,;:]{2,60}),\s"
)
# A preposition of place or aim, or a verb of striking, before a nationality: "at Ukrainian
# targets", "on Russian soil", "struck multiple Ukrainian positions".
AIMED_BEFORE = re.compile(
    r"\b(?:(?:against|at|on|of|in|into|inside|across|over)\s+(?:the\s+)?|(?:struck|hit|shelled|"
    r"attacked|bombed|pounded|targeted|destroyed)\s+(?:(?:multiple|several|many|some|\d+)\s+)?)$",
    re.IGNORECASE,
)
# A distance before a place makes it a reference point ("a depot in Kalynivka, 124 miles (200km)
# south-west of Kyiv"): the scene only when nothing else is named.
DISTANCE_BEFORE = re.compile(DISTANCE_PHRASE + "$", re.IGNORECASE)
# "the head of Russia's Chechnya region", "the mayor of Kharkiv": a speaker's office, not a scene.
TITLE_OF = re.compile(r"\b([a-z]+) of\s+(?:the\s+)?(?:[A-Z][\w-]+['\u2019]s\s+)?$")
# What joins the countries of a list: ", ", " and ", ", or ".
LISTED = re.compile(r",\s*|,?\s+(?:and|or)\s+(?:the\s+)?")
PERIPHERAL_KINDS = frozenset({"sea", "river"})
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
        and not _adjective(p, clause, clause_start)
    ]
    scene = [p for p in inside if not _is_origin(p, clause, clause_start)]
    strong = _abroad_offices_dropped(
        _coordinated(scene, clause, clause_start), clause, clause_start
    )
    strong += _targeted_nations(places, clause, clause_start)
    countries = [p for p in scene if p.kind == "country" and not _oblique(p, clause, clause_start)]
    countries += acting_governments(places, clause, clause_start)
    kinds = {id(p): acts(p, clause, clause_start) for p in countries}
    acting = [p for p in countries if kinds[id(p)]]
    if not (strong or acting) and union_opens(places, clause, clause_start):
        return (), True  # "EU member states agreed ..., despite opposition from Hungary"
    # a country naming the war in passing ("Budanov believes ... Russia's war against Ukraine")
    # gives way to any other place the clause names
    passing = [p for p in scene if not _names_the_war(p, clause, clause_start)]
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
    return _drop_wholes([scene_region(p) for p in chosen]), firm


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
        and not _adjective(p, clause, clause_start)
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
    """A word for land or targets after a nationality, past one adjective: "Ukrainian energy
    infrastructure"."""
    nouns = "|".join(sorted(words("target_nouns")))
    return re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{nouns})\b")


def scene_region(place: Place) -> Region:
    """The place's region; around a city that is a region of its own, the region around it
    ("a battle close to Kyiv" is in Kyiv Oblast, UA-32, not in the city, UA-30)."""
    if place.geo_precision != "nearby":
        return place.region
    around = surrounding_regions().get(place.region.code)
    return region_of(around) if around else place.region


def _adjective(place: Place, clause: str, clause_start: int) -> bool:
    """'U.S.-supplied', 'Russia-backed', 'the Kyiv suburb of Bucha': the name qualifies another
    word or place; it is not the location."""
    end = place.span.end - clause_start
    if ADJECTIVE.match(clause[end : end + 24]):
        return True
    # "the UK's Russia sanctions list", "the Ukraine aid bill": a country naming a topic
    return place.kind == "country" and _topic_after().match(clause, end) is not None


@cache
def _topic_after() -> re.Pattern[str]:
    nouns = "|".join(sorted(words("topic_nouns")))
    return re.compile(rf"\s+(?:{nouns})\b")


def _is_weak(place: Place, clause: str, clause_start: int) -> bool:
    """A sea, a place given as a reference point ("200km south-west of Kyiv"), or a country not
    introduced as a location ('support for Ukraine', "Ukraine's allies", "Russia's war in
    Ukraine"); a country's part ("targets Ukraine's power grid") is a location."""
    if place.kind in PERIPHERAL_KINDS:
        return True
    start = place.span.start - clause_start
    before = clause[max(0, start - 60) : start]
    if DISTANCE_BEFORE.search(before) or CONCERN_BEFORE.search(before):
        return True
    if place.kind != "country":
        return False
    possessive = POSSESSIVE.match(clause, place.span.end - clause_start)
    if possessive:
        # "Ukraine's east", "Ukraine's power grid": where; "Russia's justification": whose
        return possessive.group(1).lower() not in words("area_parts")
    return (
        not (LOCATIVE.search(before) or DEPLOYED_TO.search(before))
        or WAR_NAMED.search(before) is not None
        or AIMED_AT.search(before) is not None
    )


def _coordinated(scene: list[Place], clause: str, clause_start: int) -> list[Place]:
    """The places of the scene that are not weak, with the countries listed after a country that
    is a location ("deployed in Poland and Lithuania", "in Latvia, Estonia or Lithuania"); not
    one that opens a clause of its own ("in Poland and Ukraine said ...")."""
    strong: list[Place] = []
    for place in scene:
        if not _is_weak(place, clause, clause_start):
            strong.append(place)
        elif place.kind == "country" and strong and strong[-1].kind == "country":
            between = clause[strong[-1].span.end - clause_start : place.span.start - clause_start]
            after = place.span.end - clause_start
            if LISTED.fullmatch(between) and not (
                deed_after().match(clause, after) or POSSESSIVE.match(clause, after)
            ):
                strong.append(place)
    return strong


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


def _oblique(place: Place, clause: str, clause_start: int) -> bool:
    """'support for Ukraine', 'a swap with the US': a country governed by a preposition."""
    start = place.span.start - clause_start
    before = clause[max(0, start - 50) : start]
    return (
        OBLIQUE.search(before) is not None
        or WAR_NAMED.search(before) is not None
        or AIMED_AT.search(before) is not None
    )


def _names_the_war(place: Place, clause: str, clause_start: int) -> bool:
    """'Russia's war', 'the invasion of Ukraine': a party of the war named in passing."""
    start, end = place.span.start - clause_start, place.span.end - clause_start
    return (
        WAR_NAMED.search(clause[max(0, start - 50) : start]) is not None
        or WAR_PARTY.match(clause, end) is not None
    )


def _is_origin(place: Place, clause: str, clause_start: int) -> bool:
    """True when the clause words around the place make it an origin or a border."""
    start = place.span.start - clause_start
    end = place.span.end - clause_start
    return bool(
        ORIGIN.search(clause[max(0, start - 40) : start])
        or BORDER_AFTER.match(clause[end : end + 12])
    )


def _drop_wholes(found: list[Region]) -> tuple[Region, ...]:
    """Unique regions in order, without a country when one of its regions is there too."""
    unique: list[Region] = []
    for reg in found:
        if reg.code not in {r.code for r in unique}:
            unique.append(reg)
    parents = {r.parent for r in unique if r.parent}
    parents |= {r.code.split("-")[0] for r in unique if "-" in r.code}
    return tuple(r for r in unique if r.code not in parents)
