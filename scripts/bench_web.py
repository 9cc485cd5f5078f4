"""Timeline page render times at 100,000 events beside the same pages at 1,000 (`make bench-web`).

Builds (once, cached under data/bench/) two databases with scripts/generate_events.py, then
requests each page in-process through the real app (routing, queries, templates) and prints
the median of several runs side by side. Goals: < 150 ms median at 100k, and within 2x of 1k.
`--statements` also prints, for each page at 100k events, the median time SQLite spends in
each SQL statement (what the page's time at 100k is made of).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
warnings.filterwarnings("ignore", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402
from generate_events import generate  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Connection, Engine  # noqa: E402

from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402

BENCH_DIR = ROOT / "data" / "bench"
SIZES = (1_000, 100_000)
PAGES = {
    "timeline": "/",
    "region-filtered": "/?region=UA-14",
    "search": "/?q=Kherson",
    "search+region+dates": "/?q=drones&region=UA-63&from=2023-01&to=2023-06",
}
RUNS = 15
GOAL_MS, GOAL_RATIO = 150.0, 2.0


def database(size: int) -> Path:
    path = BENCH_DIR / f"events-{size}.db"
    if not path.exists():
        print(f"generating {size:,} events in {path} …", flush=True)
        generate(f"sqlite:///{path}", size, seed=1)
    return path


def medians(paths: list[Path]) -> list[dict[str, float]]:
    """Median ms per page for each database; requests alternate between the databases so a
    burst of load elsewhere on the machine hits both sides alike."""
    clients = [
        TestClient(create_app(Settings(database_url=f"sqlite:///{path}", demo=False)))
        for path in paths
    ]
    times: list[dict[str, list[float]]] = [{name: [] for name in PAGES} for _ in paths]
    with contextlib.ExitStack() as stack:
        for client in clients:
            stack.enter_context(client)
        for name, url in PAGES.items():
            for client in clients:
                assert client.get(url).status_code == 200, url  # warm-up, and check it works
            for _ in range(RUNS):
                for client, result in zip(clients, times, strict=True):
                    start = time.perf_counter()
                    client.get(url)
                    result[name].append((time.perf_counter() - start) * 1000)
    return [{name: statistics.median(ms) for name, ms in result.items()} for result in times]


def statement_times(path: Path) -> dict[str, list[tuple[float, str]]]:
    """Per page, the mean ms per render of each SQL statement (its first 70 characters),
    slowest first. Timed from execute to its return: SQLite does a query's sorting and grouping
    before the first row, so this is nearly all of its work."""
    client = TestClient(create_app(Settings(database_url=f"sqlite:///{path}", demo=False)))
    timings: dict[str, list[float]] = defaultdict(list)

    def started(conn: Connection, *_: Any) -> None:
        conn.info["started"] = time.perf_counter()

    def finished(conn: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        ms = (time.perf_counter() - conn.info.pop("started")) * 1000
        timings[" ".join(statement.split())[:70]].append(ms)

    result = {}
    with client:
        event.listen(Engine, "before_cursor_execute", started)
        event.listen(Engine, "after_cursor_execute", finished)
        try:
            for name, url in PAGES.items():
                client.get(url)
                timings.clear()
                for _ in range(RUNS):
                    client.get(url)
                per_run = [(sum(ms) / RUNS, sql) for sql, ms in timings.items()]
                result[name] = sorted(per_run, reverse=True)
        finally:
            event.remove(Engine, "before_cursor_execute", started)
            event.remove(Engine, "after_cursor_execute", finished)
    return result


def print_statements(path: Path) -> None:
    print(f"\nSQL time per render at {SIZES[-1]:,} events (ms, mean of {RUNS}; above 0.2 ms):")
    for name, statements in statement_times(path).items():
        print(f"  {name}: {sum(ms for ms, _ in statements):.1f} ms in SQL")
        for ms, sql in statements:
            if ms > 0.2:
                print(f"    {ms:6.2f}  {sql}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", action="store_true", help="also time each SQL statement")
    args = parser.parse_args()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    paths = [database(size) for size in SIZES]
    small, large = medians(paths)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\nmedian of {RUNS} server-side renders (ms); goal < {GOAL_MS:.0f} ms and <= {GOAL_RATIO}x"
    )
    print(f"{os.cpu_count()} CPUs, load average {load} (other work on the machine slows these)")
    print(f"{'page':<22}{'1k events':>11}{'100k events':>13}{'ratio':>8}  verdict")
    ok = True
    for name in PAGES:
        ratio = large[name] / small[name]
        good = large[name] < GOAL_MS and ratio <= GOAL_RATIO
        ok &= good
        verdict = "ok" if good else "MISSED"
        print(f"{name:<22}{small[name]:>11.1f}{large[name]:>13.1f}{ratio:>7.2f}x  {verdict}")
    if args.statements:
        print_statements(paths[-1])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
