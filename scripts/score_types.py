"""How well the extractor types events: ACLED event type and sub-event type against gold.

    .venv/bin/python scripts/score_types.py [GOLD.jsonl ...] \
        [--corpus ../shared/corpus/ukraine-news.jsonl] [-v]

Without files it scores tests/data/event-types-dev.jsonl (development sets) and
tests/data/event-types-blind.jsonl (the blind sets, whose figures are only ever read in
aggregate), one line each (`make score-types`), and prints how far a second annotator's types
(tests/data/event-types-dev-second.jsonl, a share of the development events) agree with the first
annotator's on the same events: the ceiling the extractor's figures are read against.

Gold lines: `set`, `corpus_id`, `published`, `start`, `end`, `event_type`, `sub_event_type`: the
required events of the corpus gold sets, typed blind by annotators (see
tests/data/README-annotations.md).
A gold event is found when an extracted event's evidence overlaps it by at least half of the
shorter span, as in ../shared/eval/score.py; each extracted event matches one gold event at most.
Printed: how many were found, the share whose event type and whose sub-event type (with its type)
are the gold ones, and beside them, on the same events, what always answering the most common
gold pair would get. Needs the corpus articles (not part of the product): without them the script
says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extract import parse_article  # noqa: E402
from app.extract.types import Event  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPUS = ROOT / ".." / "shared" / "corpus" / "ukraine-news.jsonl"
DEFAULT_GOLD = ("event-types-dev.jsonl", "event-types-blind.jsonl")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def matches(gold: list[dict[str, Any]], events: tuple[Event, ...]) -> list[Event | None]:
    """The extracted event each gold event matches (greatest overlap first come), or None."""
    used: set[int] = set()
    found: list[Event | None] = []
    for item in gold:
        best, best_overlap = None, 0
        for k, event in enumerate(events):
            start, end = event.evidence.start, event.evidence.end
            overlap = min(item["end"], end) - max(item["start"], start)
            shorter = min(item["end"] - item["start"], end - start)
            enough = overlap > 0 and overlap >= 0.5 * shorter
            if k not in used and enough and overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            used.add(best)
        found.append(events[best] if best is not None else None)
    return found


def score(
    gold: list[dict[str, Any]], articles: dict[str, dict[str, Any]], verbose: bool
) -> dict[str, Any]:
    by_article: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in gold:
        by_article[(item["corpus_id"], item["published"])].append(item)
    pairs: Counter[tuple[str, str]] = Counter()
    answers: list[tuple[dict[str, Any], Event]] = []
    for (corpus_id, published), items in by_article.items():
        items.sort(key=lambda g: g["start"])
        article = articles[corpus_id]
        parsed = parse_article(
            article["text"], date.fromisoformat(published), title=article.get("title")
        )
        for item, event in zip(items, matches(items, parsed.events), strict=True):
            pairs[(item["event_type"], item["sub_event_type"])] += 1
            if event is not None:
                answers.append((item, event))
    common = pairs.most_common(1)[0][0] if pairs else ("", "")
    found = len(answers)
    same_type = sum(g["event_type"] == e.event_type for g, e in answers)
    same_pair = sum((g["event_type"], g["sub_event_type"]) == pair(e) for g, e in answers)
    baseline_type = sum(g["event_type"] == common[0] for g, _ in answers)
    baseline_pair = sum((g["event_type"], g["sub_event_type"]) == common for g, _ in answers)
    if verbose:
        for g, e in answers:
            if (g["event_type"], g["sub_event_type"]) != pair(e):
                text = articles[g["corpus_id"]]["text"][g["start"] : g["end"]][:90]
                wanted = f"{g['event_type']}/{g['sub_event_type']}"
                print(f"  gold {wanted}  got {'/'.join(pair(e))} :: {text}")
    return {
        "gold": len(gold),
        "found": found,
        "type_accuracy": ratio(same_type, found),
        "sub_type_accuracy": ratio(same_pair, found),
        "baseline": "/".join(common),
        "baseline_type_accuracy": ratio(baseline_type, found),
        "baseline_sub_type_accuracy": ratio(baseline_pair, found),
    }


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """The share of the second annotator's events whose type and sub-type are the first's."""
    firsts = {(g["corpus_id"], g["start"], g["end"]): g for g in first}
    both = [(firsts[(g["corpus_id"], g["start"], g["end"])], g) for g in second]
    return {
        "events": len(both),
        "type_agreement": ratio(
            sum(a["event_type"] == b["event_type"] for a, b in both), len(both)
        ),
        "sub_type_agreement": ratio(
            sum(
                (a["event_type"], a["sub_event_type"]) == (b["event_type"], b["sub_event_type"])
                for a, b in both
            ),
            len(both),
        ),
    }


def pair(event: Event) -> tuple[str, str]:
    return (event.event_type, event.sub_event_type)


def ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the mistyped events")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"no {args.corpus} here: nothing to score")
        return 0
    articles = {a["id"]: a for a in read_jsonl(args.corpus)}
    for path in args.gold or [DATA / name for name in DEFAULT_GOLD]:
        verbose = args.verbose and "blind" not in path.name  # blind sets: aggregates only
        print(f"{path.name}: {json.dumps(score(read_jsonl(path), articles, verbose))}")
    if not args.gold:
        first, second = (
            read_jsonl(DATA / f"event-types-dev{end}.jsonl") for end in ("", "-second")
        )
        print(f"annotators' agreement: {json.dumps(agreement(first, second))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
