"""Timeline page render times at 100,000 events beside the same pages at 1,000 (`make bench-web`).

Builds (once, cached under data/bench/) two databases with scripts/generate_events.py, then
requests each page in-process through the real app (routing, queries, templates) and prints
the median of several runs side by side. Goals: < 150 ms median at 100k, and within 2x of 1k.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
warnings.filterwarnings("ignore", category=DeprecationWarning)

from fastapi.testclient import TestClient  # noqa: E402
from generate_events import generate  # noqa: E402

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


def main() -> int:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    small, large = medians([database(size) for size in SIZES])
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
