"""Find place mentions in an article and resolve them to ISO 3166-2 regions, in context."""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from app.extract.places_bearing import by_bearing
from app.extract.places_context import (
    names_a_venue,
    names_a_vessel,
    stands_for_state,
    towns_before_countries,
    towns_of_nationalities,
)
from app.extract.places_data import (
    SETTLEMENTS,
    Entry,
    lookup,
    make_place,
    normalize,
    region_of,
    regions,
    words,
)
from app.extract.places_event import event_regions, scene_region, weighed_regions
from app.extract.places_names import NameMatch, name_matches
from app.extract.types import GeoPrecision, Place, Region, Span

__all__ = [
    "all_regions",
    "event_regions",
    "find_places",
    "region",
    "scene_region",
    "weighed_regions",
]

# Kinds that name an area or a country rather than a point: preferred over a same-named village.
AREAS = {
    "country": 0,
    "separatist republic": 1,
    "republic": 1,
    "oblast": 1,
    "region": 1,
    "feature": 2,
    "sea": 2,
    "river": 2,
    "government": 2,
    "official": 2,
    "union": 3,
    "continent": 3,
    "demonym": 4,
}
PRECISION: dict[str, GeoPrecision] = {
    "country": "country",
    "demonym": "country",
    "union": "country",
    "continent": "country",
    "oblast": "region",
    "region": "region",
    "republic": "region",
    "separatist republic": "region",
    "sea": "region",
    "river": "region",
    "feature": "settlement",
    "government": "country",
    "official": "country",
}


def find_places(text: str) -> list[Place]:
    """Every place mention in text, resolved in context of the whole article, sorted by start.

    Mentions do not overlap (longest match first), except that a name covering several
    regions ("Donbas": UA-14 and UA-09) gives one Place per region, all with the same span.
    """
    matches = name_matches(text)
    context = _context(matches)
    places: list[Place] = []
    for match in matches:
        places.extend(_resolve(text, match, context))
    places = by_bearing(text, [(m.start, m.end, m.entries) for m in matches], places)
    found = towns_before_countries(text, places) + towns_of_nationalities(text, places)
    found += _surnames_later(text, places + found)
    return sorted(places + found, key=lambda p: p.span.start)


# A surname: one capitalised word of four letters or more (not "Xi", whose family name comes first).
SURNAME = re.compile(r"[A-Z][a-z'’-]{3,}")
_NEVER = sys.maxsize  # a surname not searched for yet


def _surnames_later(text: str, places: list[Place]) -> list[Place]:
    """'Jake Sullivan ... Sullivan said': an official named in full is later named by surname
    alone; officials.tsv lists alone only the surnames that are no common word ("Austin")."""
    taken = [(p.span.start, p.span.end) for p in places]
    found: list[Place] = []
    # where the text was already searched for a surname, to the end: an official named in full
    # again ("Jake Sullivan ... Jake Sullivan") would only find what that search took or passed
    searched_from: dict[str, int] = {}
    for official in (p for p in places if p.kind == "official" and " " in p.span.text):
        surname = official.span.text.split()[-1]
        if (
            not SURNAME.fullmatch(surname)
            or searched_from.get(surname, _NEVER) <= official.span.end
        ):
            continue
        searched_from[surname] = official.span.end
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text[official.span.end :]):
            start, end = official.span.end + m.start(), official.span.end + m.end()
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                found.append(replace(official, span=Span(start, end, surname)))
    return found


def _context(matches: list[NameMatch]) -> Counter[str]:
    """How often each Ukrainian oblast is named unambiguously: to resolve ambiguous names."""
    counts: Counter[str] = Counter()
    for match in matches:
        codes = {code for e in match.entries for code in e.regions if e.kind != "demonym"}
        if len(codes) == 1 or _pick_area(match.entries):
            for code in codes if len(codes) == 1 else _pick_area(match.entries)[0].regions:
                if code.startswith("UA-"):
                    counts[code] += 1
    return counts


@lru_cache(maxsize=8192)  # the same few hundred names recur across every article
def _pick_area(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The best-ranked non-settlement entries, if any."""
    areas = [e for e in entries if e.kind not in SETTLEMENTS]
    if not areas:
        return ()
    best = min(AREAS.get(e.kind, 2) for e in areas)
    return tuple(e for e in areas if AREAS.get(e.kind, 2) == best)[:1]


def _choose(entries: tuple[Entry, ...], context: Counter[str]) -> Entry | None:
    """The entry meant: an area, else a Ukrainian settlement by context or size; None if unsure."""
    area = _pick_area(entries)
    if area:
        return area[0]
    ukrainian = [e for e in entries if e.regions[0].startswith("UA")]
    if not ukrainian:  # abroad only the large towns are listed: the largest is meant
        return max(entries, key=lambda e: e.population)
    if len({e.regions for e in ukrainian}) == 1:
        return max(ukrainian, key=lambda e: (e.population, -_rank(e)))
    by_size = sorted(ukrainian, key=lambda e: -e.population)
    if by_size[0].population >= 10000 and by_size[0].population >= 10 * by_size[1].population:
        return by_size[0]  # a city this much bigger is meant even where a namesake's oblast is
    named = [e for e in ukrainian if context[e.regions[0]]]
    top = max((context[e.regions[0]] for e in named), default=0)
    best = [e for e in named if context[e.regions[0]] == top]
    if len({e.regions for e in best}) == 1:
        return max(best, key=lambda e: e.population)
    if by_size[0].population >= 10000 and by_size[0].population >= 5 * by_size[1].population:
        return by_size[0]
    return None


def _rank(entry: Entry) -> int:
    return (
        ("city", "town", "settlement", "village", "district").index(entry.kind)
        if entry.kind in SETTLEMENTS
        else 0
    )


def _resolve(text: str, match: NameMatch, context: Counter[str]) -> list[Place]:
    """Places for one match: one per region of the chosen entry, or one unresolved in Ukraine."""
    span = Span(match.start, match.end, text[match.start : match.end])
    entry = _river_after_the(text, match) or _choose(match.entries, context)
    if entry is None:
        first = match.entries[0]
        return [Place(first.name, span, region_of("UA"), first.kind, "country")]
    if (
        entry.kind == "stop"
        or (entry.kind in SETTLEMENTS and names_a_vessel(text, match.start, match.end))
        or _in_a_title(text, match.start)
    ):
        return []  # never a place here: a listed word ("Azov" the regiment), a ship, a title
    if entry.kind == "government" and names_a_venue(text, match.end):
        return [make_place(entry, span, code, "feature", "settlement") for code in entry.regions]
    if entry.kind == "official":  # a person who speaks for a state: never a place
        return [make_place(entry, span, code, "official", "country") for code in entry.regions]
    state = entry.kind == "government" or stands_for_state(text, match.start, match.end)
    kind = "government" if state else entry.kind
    precision = PRECISION.get(kind, "settlement")
    if precision == "settlement" and _near(text, match.start):
        precision = "nearby"
    return [make_place(entry, span, code, kind, precision) for code in entry.regions]


NEAR_BEFORE = re.compile(
    r"\b(?:close to|next to|outside|near|around|outskirts of|(?:north|south|east|west)"
    r"(?:-?(?:east|west))? of)\s+(?:the\s+)?(?:city\s+of\s+|capital,?\s+)?$",
    re.IGNORECASE,
)


# "in the west of the Russian capital": a part of the place, inside it.
PART_OF_BEFORE = re.compile(r"\bin\s+the\s+(?:far\s+)?[a-z-]+\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$")


def _near(text: str, start: int) -> bool:
    """'near Bakhmut', 'close to Kyiv', 'north of the capital, Kyiv': around, not in, the place
    ("in the west of Moscow" is in it)."""
    before = max(0, start - 40)
    return (
        NEAR_BEFORE.search(text, before, start) is not None
        and PART_OF_BEFORE.search(text, before, start) is None
    )


TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+) of $")


def _in_a_title(text: str, start: int) -> bool:
    """'the Duchess of Edinburgh', 'the Archbishop of Canterbury': a person's title, not where."""
    title = TITLE_BEFORE.search(text, max(0, start - 20), start)
    return title is not None and title.group(1) in words("titles")


def _river_after_the(text: str, match: NameMatch) -> Entry | None:
    """'over the Dnipro', 'across the Donets': a city takes no article, the river does."""
    if text[max(0, match.start - 4) : match.start].lower() != "the ":
        return None
    rivers = lookup(f"{normalize(text[match.start : match.end])} river")
    return rivers[0] if rivers and all(e.kind in SETTLEMENTS for e in match.entries) else None


def region(code: str) -> Region | None:
    """The region with this ISO code, or None."""
    row = regions().get(code)
    return row.region if row else None


def all_regions() -> list[Region]:
    """Every region of regions.tsv with its parent, for seeding the region table."""
    return [row.region for row in regions().values()]
