"""Load the gazetteer, the hand-kept extra places and the regions once, as lookup tables."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.extract.types import GeoPrecision, Place, Region, Span

RESOURCES = Path(__file__).parent / "resources"
SETTLEMENTS = frozenset({"city", "town", "settlement", "village", "district"})
# Kinds of mention that name who speaks or acts for a state, never where something happened:
# "Russian", "the Kremlin", "Putin" (officials.tsv).
VOICES = frozenset({"demonym", "government", "official"})
# A word: letters and digits. An apostrophe splits words, so "Ukraine's" starts with "Ukraine".
TOKEN = re.compile(r"[^\W_]+")


# eq=False: lookup() builds each entry once, so identity is equality, and hashing an entry
# (the cache of area picks hashes thousands per article) costs no walk over its fields.
@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One place a surface form can name."""

    name: str
    kind: str
    regions: tuple[str, ...]  # usually one code; "Donbas" names two
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One line of regions.tsv."""

    region: Region
    kind: str
    lat: float | None
    lon: float | None


def normalize(phrase: str) -> str:
    """The lookup key of a phrase: its words, lower-cased, one space apart ("U.S." -> "u s")."""
    words = TOKEN.findall(phrase.replace("\u2019", "'").replace("\u02bc", "'"))
    return " ".join(words).lower()


def _rows(name: str) -> list[list[str]]:
    """Data lines of a TSV resource, without the comment header."""
    text = (RESOURCES / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _float(value: str) -> float | None:
    return float(value) if value else None


def _entry(fields: list[str]) -> Entry:
    fields = fields + [""] * (7 - len(fields))
    _, name, kind, codes, lat, lon, pop = fields[:7]
    return Entry(name, kind, tuple(codes.split(",")), _float(lat), _float(lon), int(pop or 0))


@cache
def _keyed() -> dict[str, list[list[str]]]:
    """Lookup key -> raw gazetteer lines; a key in places_extra.tsv (or officials.tsv, people
    who speak for a state) replaces the generated."""
    table: dict[str, list[list[str]]] = defaultdict(list)
    for fields in _rows("gazetteer.tsv"):
        table[fields[0]].append(fields)  # the build script wrote the key normalized
    extra: dict[str, list[list[str]]] = defaultdict(list)
    for name in ("places_extra.tsv", "officials.tsv"):
        for fields in _rows(name):
            extra[normalize(fields[0])].append(fields)
    table.update(extra)
    table.pop("", None)
    return table


def gazetteer() -> dict[str, list[list[str]]]:
    """Load the gazetteer (once); its keys are what lookup() knows."""
    return _keyed()


@cache
def lookup(key: str) -> tuple[Entry, ...]:
    """Every place a normalized key may name; entries are built on first use (fast loading)."""
    return tuple(_entry(fields) for fields in _keyed().get(key, ()))


@cache
def regions() -> dict[str, RegionRow]:
    """Region code -> its row of regions.tsv."""
    out = {}
    for code, name, parent, kind, lat, lon in _rows("regions.tsv"):
        out[code] = RegionRow(Region(code, name, parent or None), kind, _float(lat), _float(lon))
    return out


def region_of(code: str) -> Region:
    """The region with this code, or a bare Region of the code when regions.tsv lacks it."""
    row = regions().get(code)
    return row.region if row else Region(code, code, None)


def make_place(entry: Entry, span: Span, code: str, kind: str, precision: GeoPrecision) -> Place:
    """A Place; an area without its own coordinates gets its region's centre."""
    lat, lon = entry.lat, entry.lon
    row = regions().get(code)
    if row is None:
        return Place(entry.name, span, Region(code, code, None), kind, precision, lat, lon)
    if lat is None:
        lat, lon = row.lat, row.lon
    return Place(entry.name, span, row.region, kind, precision, lat, lon)


@cache
def surrounding_regions() -> dict[str, str]:
    """A city that is a region of its own -> the region around it (UA-30 -> UA-32)."""
    return dict(pair.split(":") for pair in words("surrounding_regions"))


@cache
def any_of(name: str) -> str:
    """The word list `name` as a regex alternation (its words are written as patterns)."""
    return "|".join(sorted(words(name)))


def words(name: str) -> frozenset[str]:
    """One word list of places_words.tsv (cues, capitals, facilities ...)."""
    return _word_lists()[name]


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {fields[0]: frozenset(fields[1].split()) for fields in _rows("places_words.tsv")}


@cache
def prefixes() -> frozenset[str]:
    """Every proper word-prefix of a key ("donetsk people"): a longer match is still possible."""
    out: set[str] = set()
    for key in _keyed():
        parts = key.split(" ")
        out.update(" ".join(parts[:n]) for n in range(1, len(parts)))
    return frozenset(out)


@cache
def first_words() -> frozenset[str]:
    """The first word of every key: a capitalised word not among them starts no name."""
    return frozenset(key.split(" ", 1)[0] for key in _keyed())


@cache
def max_words() -> int:
    """The most words any gazetteer key has: the longest n-gram worth looking up."""
    return max(key.count(" ") + 1 for key in _keyed())


def load() -> None:
    """Load every place data file now, rather than on the first article."""
    gazetteer(), prefixes(), first_words(), max_words(), regions(), words("cues")
