"""Extraction speed on the real corpus, beside plain dateparser.search_dates in the same run.

    .venv/bin/python scripts/bench.py [--corpus ../shared/corpus/ukraine-news.jsonl] [--repeats 5]

Prints, for each pass, the median over the repeats of: articles per second, words per second;
the speed-up (the two passes take turns, so load on the machine weighs on both alike) with its
range over the repeats; and the share of extraction time spent in each stage (sentences,
timexes, places, events).
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


def timed_side_by_side(
    runs: dict[str, Callable[[list[Article]], object]], articles: list[Article], repeats: int
) -> dict[str, list[float]]:
    """Wall-clock seconds of each run over the whole corpus, `repeats` times, the runs taking
    turns (A, B, A, B ...) so that a machine that slows down or speeds up midway weighs on all
    of them alike."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            run(articles)
            times[name].append(time.perf_counter() - start)
    return times


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
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"No corpus at {args.corpus}: nothing to measure (it lives in ../shared/corpus/).")
        return 0
    articles = load(args.corpus)
    words = sum(len(text.split()) for text, _ in articles)
    parse_article("Warm-up on Friday in Kyiv.", date(2022, 6, 25))  # load data files once
    dateparser_baseline([("Warm-up on Friday.", date(2022, 6, 25))])  # and dateparser's
    print(f"corpus: {len(articles)} articles, {words:,} words; median of {args.repeats} runs")
    ours_name, baseline_name = "conflict-timeline extraction", "dateparser.search_dates (baseline)"
    times = timed_side_by_side(
        {ours_name: ours, baseline_name: dateparser_baseline}, articles, args.repeats
    )
    medians = {name: statistics.median(seconds) for name, seconds in times.items()}
    for name, seconds in medians.items():
        rate = f"{len(articles) / seconds:8.1f} articles/s {words / seconds:10,.0f} words/s"
        print(f"  {name:38s} {rate}")
    ratios = sorted(b / o for o, b in zip(times[ours_name], times[baseline_name], strict=True))
    print(
        f"  speed-up over the baseline: {medians[baseline_name] / medians[ours_name]:.1f}x"
        f" (run by run: {ratios[0]:.1f}x to {ratios[-1]:.1f}x)"
    )
    stages = stage_seconds(articles)
    total = sum(stages.values())
    shares = ", ".join(f"{k} {v / total:.0%}" for k, v in stages.items())
    print(f"  extraction time by stage: {shares}")
    added = stages["places"] / (total - stages["places"])
    print(f"  gazetteer look-up adds {added:.0%} to the rest of extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
