"""Score place resolution against tests/data/places-gold.jsonl over the shared news corpus."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ukraine-news.jsonl"
# Gold: corpus id, offsets, the name as written, region code ("UA-14,UA-09" for Donbas).
GOLD = ROOT / "tests" / "data" / "places-gold.jsonl"
sys.path.insert(0, str(ROOT))

from app.extract.places import find_places  # noqa: E402
from app.extract.places_data import VOICES, load  # noqa: E402
from app.extract.types import Place  # noqa: E402


def predicted(places: list[Place], start: int, end: int) -> set[str]:
    """Region codes found for the gold span: mentions overlapping it (Donbas gives two)."""
    return {
        p.region.code
        for p in places
        if p.span.start < end and start < p.span.end and p.kind not in VOICES
    }


def main(verbose: bool = False) -> int:
    """Print mentions, % right, % wrong, % unresolved; also load and lookup times."""
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    started = time.perf_counter()
    load()
    load_seconds = time.perf_counter() - started
    articles = {a["id"]: a["text"] for a in map(json.loads, CORPUS.open(encoding="utf-8"))}
    started = time.perf_counter()
    found = {cid: find_places(text) for cid, text in articles.items()}
    lookup = (time.perf_counter() - started) / len(articles)
    tally: Counter[str] = Counter()
    for line in GOLD.open(encoding="utf-8"):
        gold = json.loads(line)
        want = set(gold["region"].split(","))
        got = predicted(found[gold["corpus_id"]], gold["start"], gold["end"])
        outcome = "right" if got == want else "unresolved" if got <= {"UA", ""} else "wrong"
        tally[outcome] += 1
        if verbose and outcome != "right":
            print(
                f"{outcome:10} {gold['corpus_id']} {gold['mention']!r} want {sorted(want)} "
                f"got {sorted(got)}"
            )
    total = sum(tally.values())
    print(f"mentions: {total}")
    for outcome in ("right", "wrong", "unresolved"):
        print(f"{outcome}: {tally[outcome]} ({100 * tally[outcome] / total:.1f}%)")
    print(
        f"gazetteer load: {load_seconds:.3f} s; lookup: {1000 * lookup:.2f} ms per article "
        f"({len(articles)} articles)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(verbose="-v" in sys.argv))
