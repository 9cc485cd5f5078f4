"""50 uploads from 10 threads against a real server while readers load the timeline."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app.config import Settings
from tests.conftest import create_account
from tests.factories import SIEGE_TEXT

UPLOADS, THREADS, DISTINCT = 50, 10, 35


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def server(settings: Settings, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """uvicorn on loopback serving the test database; yields (base URL, editor token)."""
    token = create_account(settings, "edith", "editor")
    port = _free_port()
    env = dict(os.environ, TIMELINE_DATABASE_URL=settings.database_url, TIMELINE_DEMO="0")
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:create_app",
        "--factory",
        "--port",
        str(port),
    ]
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base, token
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def _payload(n: int) -> dict[str, str | None]:
    # Uploads n and n + DISTINCT are the same article: by text, or (every other one) by URL.
    k = n % DISTINCT
    text = f"{SIEGE_TEXT}\n\nDispatch {k}: more shelling near Kharkiv on Friday, officials said."
    if n >= DISTINCT and k % 2:
        text += " (a second copy under the same URL)"
    return {
        "text": text,
        "published": "2022-06-25",
        "title": f"Dispatch {k}",
        "url": f"https://example.org/{k}",
    }


def test_concurrent_uploads_and_reads(server: tuple[str, str]) -> None:
    base, token = server
    auth = {"Authorization": f"Bearer {token}"}
    stop = threading.Event()
    read_codes: Counter[int] = Counter()

    def reader() -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            while not stop.is_set():
                for path in ("/", "/api/events", "/?region=UA-09"):
                    read_codes[http.get(path).status_code] += 1

    def upload(n: int) -> tuple[int, int | None]:
        with httpx.Client(base_url=base, timeout=120, headers=auth) as http:
            response = http.post("/api/articles", json=_payload(n))
            body = response.json()
            return response.status_code, body.get("id") or body.get("article_id")

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for thread in readers:
        thread.start()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(upload, range(UPLOADS)))
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    codes = Counter(code for code, _ in results)
    assert set(codes) <= {201, 409}, codes
    created = [article_id for code, article_id in results if code == 201]
    assert len(created) == len(set(created)) == DISTINCT
    assert {article_id for _, article_id in results} == set(created)  # every 409 names a stored one
    stored = httpx.get(f"{base}/api/articles", params={"limit": 500}).json()
    assert sorted(a["id"] for a in stored) == sorted(created)
    assert set(read_codes) == {200} and sum(read_codes.values()) > 0, read_codes
