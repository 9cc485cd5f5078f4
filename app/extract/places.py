"""Find place mentions in an article and resolve them to ISO 3166-2 regions, in context."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from app.extract.places_data import TOKEN, Entry, gazetteer, max_words, normalize, regions
from app.extract.places_event import event_regions
from app.extract.types import GeoPrecision, Place, Region, Span

__all__ = ["all_regions", "event_regions", "find_places", "region"]

SETTLEMENTS = frozenset({"city", "town", "settlement", "village"})
# Kinds that name an area or a country rather than a point: preferred over a same-named village.
AREAS = {"country": 0, "separatist republic": 1, "republic": 1, "oblast": 1, "region": 1,
         "feature": 2, "sea": 2, "river": 2, "government": 2, "union": 3, "continent": 3,
         "demonym": 4}
PRECISION: dict[str, GeoPrecision] = {
    "country": "country", "demonym": "country", "union": "country", "continent": "country",
    "oblast": "region", "region": "region", "republic": "region", "separatist republic": "region",
    "sea": "region", "river": "region", "feature": "settlement", "government": "country"}
# Words before a name that say a small village's name is meant as a place.
CUES = frozenset("village villages town settlement hamlet in near outside at around toward towards "
                 "into from of to outskirts".split())
NEARBY = frozenset("near outside around outskirts".split())
# Gaps allowed between the words of one name: a space, a hyphen, an abbreviation dot.
GAP = re.compile(r"(?:\.? ?|-|\. )")
CAPITALS = frozenset({"Kyiv", "Kiev", "Moscow", "Washington", "Minsk", "Beijing", "London",
                      "Paris", "Berlin", "Warsaw", "Ankara", "Tehran", "Brussels"})
SAY_VERB = re.compile(
    r"^(?:has |have |had |is |was |also |later |previously |repeatedly |would |will |"
    r"has also |then )?(?:say|said|says|saying|claim|claimed|claims|accuse|accused|accuses|deny|"
    r"denied|denies|announce|announced|announces|warn|warned|warns|insist|insisted|insists|"
    r"told|tells|report|reported|reports|blame|blamed|blames|respond|responded|responds|"
    r"urged|urges|wants|want|agreed|agrees|refused|refuses|rejected|rejects|demanded|demands|"
    r"hopes|hoped|believes|believed|argues|argued|confirmed|confirms|condemned|condemns|"
    r"vowed|vows|sought|seeks|asked|asks|called|calls|regards|sees|views|and Moscow|and Kyiv)\b")


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
    matches = _matches(text)
    context = _context(matches)
    places: list[Place] = []
    for match in matches:
        places.extend(_resolve(text, match, context))
    return places


def _matches(text: str) -> list[_Match]:
    """One pass over capitalised words: the longest run of words that is a gazetteer key."""
    table, longest = gazetteer(), max_words()
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    out, i = [], 0
    while i < len(tokens):
        start = tokens[i][0]
        if not text[start].isupper():
            i += 1
            continue
        found = None
        for j in range(i, min(i + longest, len(tokens))):
            if j > i and not GAP.fullmatch(text[tokens[j - 1][1]:tokens[j][0]]):
                break
            entries = table.get(normalize(text[start:tokens[j][1]]))
            if entries and _allowed(text, start, tokens[j][1], entries, tokens, i):
                found = (j, entries)
        if found is None:
            i += 1
            continue
        j, entries = found
        out.append(_Match(start, tokens[j][1], entries))
        i = j + 1
    return out


def _allowed(text: str, start: int, end: int, entries: tuple[Entry, ...],
             tokens: list[tuple[int, int]], i: int) -> bool:
    """Gate names that are also common words: short keys must be upper-case, villages need a cue."""
    surface = text[start:end]
    if len(surface) <= 3 and not surface.replace(".", "").isupper():
        return False
    if any(e.kind not in SETTLEMENTS or e.population >= 1000 for e in entries):
        return True
    if " " in surface or "-" in surface:
        return True
    previous = text[tokens[i - 1][0]:tokens[i - 1][1]].lower() if i else ""
    return previous in CUES


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
    ukrainian = [e for e in entries if e.regions[0].startswith("UA")] or list(entries)
    if len({e.regions for e in ukrainian}) == 1:
        return max(ukrainian, key=lambda e: (e.population, -_rank(e)))
    by_size = sorted(ukrainian, key=lambda e: -e.population)
    if by_size[0].population >= 50000 and by_size[0].population >= 50 * by_size[1].population:
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
    return ("city", "town", "settlement", "village").index(entry.kind) \
        if entry.kind in SETTLEMENTS else 0


def _resolve(text: str, match: _Match, context: Counter[str]) -> list[Place]:
    """Places for one match: one per region of the chosen entry, or one unresolved in Ukraine."""
    span = Span(match.start, match.end, text[match.start:match.end])
    entry = _choose(match.entries, context)
    if entry is None:
        first = match.entries[0]
        return [Place(first.name, span, _region("UA"), first.kind, "country")]
    kind = "government" if _is_government(text, match, entry) else entry.kind
    precision = PRECISION.get(kind, "settlement")
    if precision == "settlement" and _before(text, match.start) in NEARBY:
        precision = "nearby"
    return [Place(entry.name, span, _region(code), kind, precision, entry.lat, entry.lon)
            for code in entry.regions]


def _is_government(text: str, match: _Match, entry: Entry) -> bool:
    """'Kyiv says', 'Moscow has denied', 'according to Kyiv': a capital standing for a state."""
    if entry.kind == "government":
        return True
    if text[match.start:match.end] not in CAPITALS:
        return False
    after = text[match.end:match.end + 40].lstrip()
    before = text[max(0, match.start - 14):match.start].lower()
    return bool(SAY_VERB.match(after)) or before.endswith(("according to ", "accused "))


def _before(text: str, start: int) -> str:
    """The word right before offset start, lower-cased ('the' skipped)."""
    words = TOKEN.findall(text[max(0, start - 30):start].lower())
    while words and words[-1] in ("the", "of", "city", "town", "village"):
        words.pop()
    return words[-1] if words else ""


def _region(code: str) -> Region:
    row = regions().get(code)
    return row.region if row else Region(code, code, None)


def region(code: str) -> Region | None:
    """The region with this ISO code, or None."""
    row = regions().get(code)
    return row.region if row else None


def all_regions() -> list[Region]:
    """Every region of regions.tsv with its parent, for seeding the region table."""
    return [row.region for row in regions().values()]

