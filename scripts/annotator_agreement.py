"""How far two annotators of the same articles agree, in the figures the extractor is scored by.

    .venv/bin/python scripts/annotator_agreement.py [FIRST.jsonl SECOND.jsonl] \
        [--corpus ../shared/corpus/ukraine-news.jsonl]

Without files, every tests/data/events-corpus-NAME-second.jsonl is compared with
tests/data/events-corpus-NAME.jsonl, one line a set (`make agreement`).

Each annotator's required events are scored as if they were a system's against the other's gold
(optional events of the gold count neither way, as for the system), so the figures read like
`score.py events`: a ceiling for what the extractor can be expected to reach on such data.
Uses ../shared/eval/score.py, which is not part of the product: without it the script says so
and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DATA = ROOT / "tests" / "data"
FIGURES = ("dated_event_f1", "dated_event_precision", "dated_event_recall", "region_f1")


def load_scorer(path: Path) -> ModuleType | None:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None or not path.is_file():
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_system(doc: dict[str, Any]) -> dict[str, Any]:
    """An annotator's required events in the shape POST /api/parse answers with."""
    return {
        "events": [
            {
                "date": {"value": e["date"]},
                "evidence": {"start": e["start"], "end": e["end"]},
                "regions": e["regions"],
            }
            for e in doc["events"]
            if not e.get("optional")
        ]
    }


def agreement(score: ModuleType, gold: list[dict], other: list[dict]) -> dict[str, float]:
    """`other`'s required events scored against `gold`, article by article."""
    by_id = {doc["id"]: doc for doc in other}
    answers: Iterator[dict[str, Any]] = iter(as_system(by_id[doc["id"]]) for doc in gold)
    result: dict[str, float] = score.score_events(gold, lambda *_: next(answers), False)
    return result


def compare(score: ModuleType, first: Path, second: Path, corpus: Path) -> dict[str, dict]:
    """Both directions: the second annotator against the first's gold, and the other way."""
    one = score.load(str(first), str(corpus))
    other = score.load(str(second), str(corpus))
    if {d["id"] for d in one} != {d["id"] for d in other}:
        raise SystemExit(f"{first.name} and {second.name} annotate different articles")
    return {
        "second against first": agreement(score, one, other),
        "first against second": agreement(score, other, one),
    }


def pairs() -> Iterator[tuple[str, Path, Path]]:
    """(set name, first, second) for each second annotation in tests/data."""
    for second in sorted(DATA.glob("events-corpus-*-second.jsonl")):
        name = second.name.removeprefix("events-corpus-").removesuffix("-second.jsonl")
        yield name, DATA / f"events-corpus-{name}.jsonl", second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="*", help="FIRST.jsonl SECOND.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "ukraine-news.jsonl")
    args = parser.parse_args()
    if len(args.files) not in (0, 2):
        parser.error("give two files, or none for every second annotation in tests/data")
    score = load_scorer(SHARED / "eval" / "score.py")
    if score is None or not args.corpus.is_file():
        print(f"no scorer or corpus under {SHARED}: nothing to compare")
        return 0
    if args.files:
        rows = compare(score, args.files[0], args.files[1], args.corpus)
        print(json.dumps({k: {f: v[f] for f in FIGURES} for k, v in rows.items()}, indent=1))
        return 0
    print("set       dated_event_f1 (second vs first / first vs second)   region_f1")
    for name, first, second in pairs():
        rows = compare(score, first, second, args.corpus)
        there, back = rows["second against first"], rows["first against second"]
        print(
            f"{name:9s} {there['dated_event_f1']:.3f} / {back['dated_event_f1']:.3f}"
            f"{'':36s}{there['region_f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
