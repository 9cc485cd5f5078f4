"""Pick among namesakes by a stated distance and bearing: 'Kalynivka, 200km south-west of Kyiv'."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from app.extract.places_data import Entry, make_place, regions
from app.extract.types import Place, Span

# "124 miles (200km) south-west of (the city of) ", "30km from ": the first figure and unit,
# the bearing if any; the reference place follows.
DISTANCE_PHRASE = (
    r"(\d[\d,]*)\s*(km|kilometres?|kilometers?|miles?|mi)\)?\s+(?:\([^)]{1,20}\)\s+)?"
    r"(?:(?:((?:north|south)(?:-?(?:east|west))?|east|west)\s+)?of|from|away\s+from|outside)"
    r"\s+(?:the\s+)?(?:(?:city|capital|town|village)(?:\s+of)?,?\s+)?"
)
# ", 124 miles (200km) south-west of Kyiv": after a place, where it lies from another.
DISTANCE_AFTER = re.compile(
    r",?\s+(?:about |some |around |roughly |nearly |almost )?" + DISTANCE_PHRASE, re.IGNORECASE
)
BEARING_DEGREES = {
    "north": 0,
    "north-east": 45,
    "northeast": 45,
    "east": 90,
    "south-east": 135,
    "southeast": 135,
    "south": 180,
    "south-west": 225,
    "southwest": 225,
    "west": 270,
    "north-west": 315,
    "northwest": 315,
}
KM_PER_DEGREE = 111.2
KM_PER_MILE = 1.609


def by_bearing(
    text: str, names: Sequence[tuple[int, int, tuple[Entry, ...]]], places: list[Place]
) -> list[Place]:
    """Re-resolve a name (start, end, its entries) with namesakes in several regions that the
    text places by distance and bearing from another place ("Kalynivka, 200km south-west of
    Kyiv"): the places, with that name's replaced."""
    for start, end, entries in names:
        if text[end : end + 1] != "," or len({e.regions for e in entries}) < 2:
            continue  # the cheap tests first: most names are followed by no comma
        stated = stated_point(text, end, places)
        entry = nearest(entries, *stated) if stated else None
        if entry is not None:
            span = Span(start, end, text[start:end])
            found = [
                make_place(entry, span, code, entry.kind, "settlement") for code in entry.regions
            ]
            places = [p for p in places if p.span.start != start] + found
    return places


def stated_point(
    text: str, end: int, places: Sequence[Place]
) -> tuple[tuple[float, float], float] | None:
    """Where ", 200km south-west of Kyiv" right after offset `end` puts a place, and how far off
    a namesake may lie; None unless the text says so and the reference (a place of `places`
    starting where the phrase ends) has coordinates."""
    said = DISTANCE_AFTER.match(text, end)
    if said is None or (said.group(3) or "").lower() not in BEARING_DEGREES:
        return None
    reference = next((p for p in places if p.span.start == said.end()), None)
    if reference is None or reference.lat is None or reference.lon is None:
        return None
    km = float(said.group(1).replace(",", ""))
    km *= KM_PER_MILE if said.group(2).lower().startswith("mile") else 1
    angle = math.radians(BEARING_DEGREES[said.group(3).lower()])
    lat = reference.lat + km * math.cos(angle) / KM_PER_DEGREE
    lon_degree = KM_PER_DEGREE * math.cos(math.radians(reference.lat))
    point = (lat, reference.lon + km * math.sin(angle) / lon_degree)
    return point, max(60.0, 0.4 * km)  # distances in news are rounded, bearings coarse


def nearest(entries: Sequence[Entry], point: tuple[float, float], km: float) -> Entry | None:
    """The namesake lying nearest the point (by its own coordinates, else its region's centre),
    if it lies within `km` of it."""
    best, best_km = None, km
    for entry in entries:
        where = _coordinates(entry)
        if where is not None and (away := _km(where, point)) < best_km:
            best, best_km = entry, away
    return best


def _coordinates(entry: Entry) -> tuple[float, float] | None:
    if entry.lat is not None and entry.lon is not None:
        return entry.lat, entry.lon
    row = regions().get(entry.regions[0])
    return (row.lat, row.lon) if row and row.lat is not None and row.lon is not None else None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on a flat map: good enough at the scale of one country."""
    dlat = (a[0] - b[0]) * KM_PER_DEGREE
    dlon = (a[1] - b[1]) * KM_PER_DEGREE * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dlat, dlon)
