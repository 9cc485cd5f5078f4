"""Decide where an event happened from the place mentions inside the clause that reports it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extract.places_context import POSSESSIVE
from app.extract.places_data import region_of, surrounding_regions, words
from app.extract.types import Place, Region

# Never where an event happened: an adjective of nationality, a capital standing for its state.
IGNORED_KINDS = frozenset({"demonym", "government", "union", "continent"})
# Words before a place that make it the origin or a boundary, not the scene.
ORIGIN = re.compile(
    r"(?:\bfrom|\bborder(?:s|ing)? with|\bborder of|\bfrontier with|\bbordering)"
    r"(?:\s+(?:the|a|an|its|occupied|Russian-occupied|neighbouring|neighboring))*\s*$",
    re.IGNORECASE,
)
# Words after a place that make it a boundary: "the Polish border", "Poland's border".
BORDER_AFTER = re.compile(r"^['\u2019]?s?\s+(?:border|frontier)\b", re.IGNORECASE)
# Words that introduce a location: "in Germany", "across eastern Ukraine", or the country a war
# is waged on: "the invasion of Ukraine".
LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|across|throughout|into|outside|over|around|(?:invasion|"
    r"offensive|war) (?:of|on|against))"
    r"(?:\s+(?:the|western|eastern|northern|southern|central|north|south|east|west|"
    r"north-eastern|south-eastern|north-western|south-western|occupied|parts? of|"
    r"areas? of|and))*\s*$",
    re.IGNORECASE,
)
# A name modifying another place ("the Kyiv suburb of Bucha") or an adjective ("U.S.-supplied").
ADJECTIVE = re.compile(r"^(?:\.?-[a-z]|\s+(?:suburbs?|satellite towns?) of\b)")
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
    a sea in passing ("Ukraine was set to withdraw ... from there": False)."""
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
    strong = [p for p in scene if not _is_weak(p, clause, clause_start)]
    chosen = strong or scene or [p for p in inside if p.kind not in PERIPHERAL_KINDS]
    firm = bool(strong) or any(p.kind not in WEAK_KINDS for p in chosen)
    return _drop_wholes([scene_region(p) for p in chosen]), firm


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
    return bool(ADJECTIVE.match(clause[end : end + 24]))


def _is_weak(place: Place, clause: str, clause_start: int) -> bool:
    """A sea, or a country not introduced as a location ('support for Ukraine', "Ukraine's
    allies"); a country's part ("targets Ukraine's power grid") is a location."""
    if place.kind in PERIPHERAL_KINDS:
        return True
    if place.kind != "country":
        return False
    possessive = POSSESSIVE.match(clause, place.span.end - clause_start)
    if possessive:
        # "Ukraine's east", "Ukraine's power grid": where; "Russia's justification": whose
        return possessive.group(1).lower() not in words("area_parts")
    start = place.span.start - clause_start
    return not LOCATIVE.search(clause[max(0, start - 30) : start])


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
