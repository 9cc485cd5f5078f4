"""How far two annotators of the same articles agree, in the figures the extractor is scored by.

    .venv/bin/python scripts/annotator_agreement.py FIRST.jsonl SECOND.jsonl \
        [--corpus ../shared/corpus/ukraine-news.jsonl]

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
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "ukraine-news.jsonl")
    args = parser.parse_args()
    score = load_scorer(SHARED / "eval" / "score.py")
    if score is None or not args.corpus.is_file():
        print(f"no scorer or corpus under {SHARED}: nothing to compare")
        return 0
    first = score.load(str(args.first), str(args.corpus))
    second = score.load(str(args.second), str(args.corpus))
    if {d["id"] for d in first} != {d["id"] for d in second}:
        print("the two files annotate different articles", file=sys.stderr)
        return 2
    rows = {
        f"{args.second.name} against {args.first.name}": agreement(score, first, second),
        f"{args.first.name} against {args.second.name}": agreement(score, second, first),
    }
    print(json.dumps({k: {f: v[f] for f in FIGURES} for k, v in rows.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
