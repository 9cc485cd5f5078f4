"""Find place mentions in an article and resolve them to ISO 3166-2 regions, in context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.extract.places_bearing import by_bearing
from app.extract.places_context import (
    names_a_venue,
    names_a_vessel,
    part_of_longer_name,
    person_before,
    stands_for_state,
    towns_before_countries,
)
from app.extract.places_data import (
    SETTLEMENTS,
    TOKEN,
    Entry,
    first_words,
    gazetteer,
    lookup,
    make_place,
    max_words,
    normalize,
    prefixes,
    region_of,
    regions,
    words,
)
from app.extract.places_event import event_regions, scene_region, weighed_regions
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
# Gaps allowed between the words of one name: a space, a hyphen, an abbreviation dot.
GAP = re.compile(r"(?:\.? ?|-|\. |['\u2019\u02bc])")

LISTED = re.compile(r",? (?:and|or) |, ")
PLURAL = re.compile(r" (region|oblast|province)s$", re.IGNORECASE)


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    entries: tuple[Entry, ...]


def find_places(text: str) -> list[Place]:
    """Every place mention in text, resolved in context of the whole article, sorted by start.

    Mentions do not overlap (longest match first), except that a name covering several
    regions ("Donbas": UA-14 and UA-09) gives one Place per region, all with the same span.
    """
    matches = _shared_suffix(text, _drop_surnames(text, _matches(text)))
    context = _context(matches)
    places: list[Place] = []
    for match in matches:
        places.extend(_resolve(text, match, context))
    places = by_bearing(text, [(m.start, m.end, m.entries) for m in matches], places)
    return sorted(places + towns_before_countries(text, places), key=lambda p: p.span.start)


# Where a name can start: a word opening with a letter that is not ASCII lower case (then
# checked with str.isupper); far fewer than all words, so the scan stays cheap.
NAME_START = re.compile(r"(?<![^\W_])[^\W\d_a-z][^\W_]*")
PREVIOUS_WORD_END = re.compile(r"([^\W_]+)[\W_]*\Z")


def _matches(text: str) -> list[_Match]:
    """One pass over capitalised words: the longest run of words that is a gazetteer key."""
    starters = first_words()
    out: list[_Match] = []
    consumed = 0
    for candidate in NAME_START.finditer(text):
        start = candidate.start()
        if start < consumed or not text[start].isupper():
            continue
        first = candidate.group().lower()
        if first not in starters:  # most capitalised words: "He", "But"
            continue
        found = _longest_name(text, candidate, first, out)
        if found is not None:
            out.append(found)
            consumed = found.end
    return out


def _longest_name(text: str, first: re.Match[str], key: str, out: list[_Match]) -> _Match | None:
    """From the capitalised word `first` (lower-cased: `key`), the longest gazetteer name."""
    table, partial, longest = gazetteer(), prefixes(), max_words()
    found = None
    start, end = first.span()
    for count in range(longest):
        if count:
            token = TOKEN.search(text, end)
            if token is None or not GAP.fullmatch(text[end : token.start()]):
                break
            key = f"{key} {token.group().lower()}"  # == normalize(text[start:end]), faster
            end = token.end()
        if key in table:
            entries = lookup(key)
            previous_end = out[-1].end if out else None
            if _allowed(text, (start, end), entries, previous_end):
                found = _Match(start, end, entries)
        if key not in partial:
            break
    return found


def _previous_word(text: str, start: int) -> str:
    before = PREVIOUS_WORD_END.search(text, max(0, start - 40), start)
    return before.group(1).lower() if before else ""


def _shared_suffix(text: str, matches: list[_Match]) -> list[_Match]:
    """'the Kyiv, Sumy and Chernihiv regions': names listed before a plural are regions too."""
    out = list(matches)
    suffix = ""  # "region" while walking back through such a list
    for n in range(len(out) - 1, -1, -1):
        plural = PLURAL.search(text, out[n].start, out[n].end)
        if plural and plural.end() == out[n].end:
            suffix = plural.group(1).lower()
            continue
        listed = n + 1 < len(out) and LISTED.fullmatch(text, out[n].end, out[n + 1].start)
        key = f"{normalize(text[out[n].start : out[n].end])} {suffix}" if suffix and listed else ""
        if key in gazetteer():
            out[n] = _Match(out[n].start, out[n].end, lookup(key))
        else:
            suffix = ""
    return out


def _drop_surnames(text: str, matches: list[_Match]) -> list[_Match]:
    """Drop a town's name the article also uses as a surname ("Oleh Zhdanov ... said Zhdanov")."""
    checked: dict[str, bool] = {}  # each distinct name is looked at once: linear in the text
    for match in matches:
        name = text[match.start : match.end]
        if name in checked or not all(e.kind in SETTLEMENTS for e in match.entries):
            continue
        checked[name] = any(person_before(text, at) for at in _occurrences(text, name))
    surnames = {name for name, is_surname in checked.items() if is_surname}
    return [m for m in matches if text[m.start : m.end] not in surnames]


def _occurrences(text: str, name: str) -> Iterator[int]:
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


def _allowed(
    text: str,
    span: tuple[int, int],
    entries: tuple[Entry, ...],
    previous_end: int | None,
) -> bool:
    """Gate names that are also common words: short keys must be upper-case, villages need a cue
    (a word like "village of" or "in" before them, or a place right before: "Bairak and Bobrivka",
    the previous match ending at previous_end).
    """
    start, end = span
    surface = text[start:end]
    if len(surface) <= 3 and not surface.replace(".", "").isupper():
        return False
    if any(e.kind not in SETTLEMENTS for e in entries):
        return True
    if part_of_longer_name(text, start, end, max(e.population for e in entries)):
        return False
    if any(e.population >= 1000 for e in entries) or " " in surface or "-" in surface:
        return True
    listed = previous_end is not None and LISTED.fullmatch(text, previous_end, start)
    return (
        bool(listed) or _previous_word(text, start) in words("cues") or _facility_after(text, end)
    )


FACILITY_AFTER = re.compile(r" ([a-z]+)")


def _facility_after(text: str, end: int) -> bool:
    """'the Chornobyl nuclear site', 'the Hostomel airfield': a facility's name is a place."""
    after = FACILITY_AFTER.match(text, end)
    return after is not None and after.group(1) in words("facilities")


def _context(matches: list[_Match]) -> Counter[str]:
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


def _resolve(text: str, match: _Match, context: Counter[str]) -> list[Place]:
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


def _river_after_the(text: str, match: _Match) -> Entry | None:
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
