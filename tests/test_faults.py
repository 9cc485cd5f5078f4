"""A batch ingest killed with SIGKILL leaves a sound database holding only whole articles."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from app.extract import parse_article
from tests.factories import SIEGE_TEXT

BATCH = 500  # articles: several write batches of 100, so a kill lands between or inside them


def _batch(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(BATCH):
            text = f"{SIEGE_TEXT}\n\nReport {n}: drones hit Odesa on Friday, the governor said."
            out.write(
                json.dumps({"text": text, "title": f"Report {n}", "published": "2022-06-25"}) + "\n"
            )


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not migrated yet


@pytest.mark.sqlite_only
def test_sigkill_in_the_middle_of_a_batch(tmp_path: Path) -> None:
    batch, db = tmp_path / "batch.jsonl", tmp_path / "timeline.db"
    _batch(batch)
    env = dict(os.environ, TIMELINE_DATABASE_URL=f"sqlite:///{db}", TIMELINE_DEMO="0")
    command = [sys.executable, "-m", "app", "ingest", str(batch)]
    for kill_after in (5, 40):
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while _count(db) < kill_after and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the batch finished before it could be killed"
        workers = _children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        _assert_whole(db)
        _assert_gone(workers)
    assert 0 < _count(db) < BATCH
    finished = subprocess.run(command, env=env, capture_output=True, timeout=600)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert _count(db) == BATCH  # the rest added, nothing twice
    _assert_whole(db)


def _children(pid: int) -> list[int]:
    """The extraction workers of an ingest (Linux's /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


def _assert_gone(pids: list[int]) -> None:
    """Workers of a killed ingest exit by themselves within seconds, rather than linger."""
    deadline = time.monotonic() + 15
    while (
        alive := [p for p in pids if Path(f"/proc/{p}").exists()]
    ) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert alive == [], "workers outlived the killed ingest"


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped (state Z in /proc/PID/stat)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _assert_whole(db: Path) -> None:
    with sqlite3.connect(db, timeout=30) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = connection.execute("SELECT id, text, published FROM articles").fetchall()
        counts = dict(
            connection.execute("SELECT article_id, count(*) FROM events GROUP BY article_id")
        )
        orphans = connection.execute(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    assert orphans == 0
    for article_id, text, published in articles:
        expected = len(parse_article(text, date.fromisoformat(published)).events)
        assert counts.get(article_id, 0) == expected, article_id
