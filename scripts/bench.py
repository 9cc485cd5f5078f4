"""Extraction speed on the real corpus, beside plain dateparser.search_dates in the same run.

    .venv/bin/python scripts/bench.py [--corpus ../shared/corpus/ukraine-news.jsonl] [--repeats 3]

Prints, for each pass, the median over the repeats of: articles per second, words per second,
and the share of extraction time spent in each stage (sentences, timexes, places, events).
The corpus is not part of the product: without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from app.extract import parse_article
from app.extract.events import assemble_events
from app.extract.places import find_places
from app.extract.sentences import split_sentences
from app.extract.timex import find_timexes

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "ukraine-news.jsonl"
)
Article = tuple[str, date]


def load(path: Path) -> list[Article]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return [(row["text"], date.fromisoformat(row["published"])) for row in rows]


def timed(run: Callable[[list[Article]], object], articles: list[Article], repeats: int) -> float:
    """Median wall-clock seconds of `run` over the whole corpus."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(articles)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ours(articles: list[Article]) -> None:
    for text, published in articles:
        parse_article(text, published)


def dateparser_baseline(articles: list[Article]) -> None:
    from dateparser.search import search_dates

    for text, published in articles:
        base = datetime(published.year, published.month, published.day)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]


def stage_seconds(articles: list[Article]) -> dict[str, float]:
    totals = dict.fromkeys(("sentences", "timexes", "places", "events"), 0.0)
    for text, published in articles:
        t0 = time.perf_counter()
        sentences = split_sentences(text)
        t1 = time.perf_counter()
        timexes = find_timexes(text, published, sentences)
        t2 = time.perf_counter()
        places = find_places(text)
        t3 = time.perf_counter()
        assemble_events(text, published, sentences, timexes, places)
        t4 = time.perf_counter()
        for stage, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            totals[stage] += seconds
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"No corpus at {args.corpus}: nothing to measure (it lives in ../shared/corpus/).")
        return 0
    articles = load(args.corpus)
    words = sum(len(text.split()) for text, _ in articles)
    parse_article("Warm-up on Friday in Kyiv.", date(2022, 6, 25))  # load data files once
    print(f"corpus: {len(articles)} articles, {words:,} words; median of {args.repeats} runs")
    results = {"conflict-timeline extraction": timed(ours, articles, args.repeats)}
    results["dateparser.search_dates (baseline)"] = timed(
        dateparser_baseline, articles, args.repeats
    )
    for name, seconds in results.items():
        rate = f"{len(articles) / seconds:8.1f} articles/s {words / seconds:10,.0f} words/s"
        print(f"  {name:38s} {rate}")
    ratio = results["dateparser.search_dates (baseline)"] / results["conflict-timeline extraction"]
    print(f"  speed-up over the baseline: {ratio:.1f}x")
    stages = stage_seconds(articles)
    total = sum(stages.values())
    shares = ", ".join(f"{k} {v / total:.0%}" for k, v in stages.items())
    print(f"  extraction time by stage: {shares}")
    added = stages["places"] / (total - stages["places"])
    print(f"  gazetteer look-up adds {added:.0%} to the rest of extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
