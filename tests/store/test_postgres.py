"""PostgreSQL as the shared backend: GIN text search, and several workers on one database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from app.config import PROJECT_ROOT
from app.security.passwords import hash_password
from app.security.tokens import new_token, token_digest, token_hint
from app.store import users
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade
from tests.backends import POSTGRES_URL, postgres_database
from tests.factories import SIEGE_TEXT

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="TIMELINE_TEST_POSTGRES_URL is not set")


def test_text_search_uses_the_gin_index() -> None:
    with postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        with engine.begin() as connection:
            indexes = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_events_search'")
            ).scalar()
            assert indexes and "gin" in indexes.lower() and "to_tsvector" in indexes
            connection.execute(text("SET enable_seqscan = off"))
            plan = connection.execute(
                text(
                    "EXPLAIN SELECT id FROM events WHERE to_tsvector('english', search_text)"
                    " @@ plainto_tsquery('english', 'missiles')"
                )
            ).scalars()
            assert "ix_events_search" in "\n".join(plan)
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _token(url: str) -> str:
    engine = make_engine(url)
    upgrade(engine)
    token = new_token()
    with make_session_factory(engine)() as session:
        user = users.add_user(session, "wire", hash_password("a long enough password"), "editor")
        users.add_token(session, user, "tests", token_digest(token), token_hint(token))
        session.commit()
    engine.dispose()
    return token


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        if process.poll() is not None:
            raise AssertionError("the server stopped")
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


def test_four_workers_serve_concurrent_uploads_and_reads(tmp_path: Path) -> None:
    with postgres_database() as url:
        token = _token(url)
        port = _free_port()
        env = {**os.environ, "TIMELINE_DATABASE_URL": url, "TIMELINE_DEMO": "false"}
        command = [sys.executable, "-m", "app", "serve", "--workers", "4", "--port", str(port)]
        log = (tmp_path / "server.log").open("wb")
        process = subprocess.Popen(command, env=env, cwd=PROJECT_ROOT, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, process)
            auth = {"Authorization": f"Bearer {token}"}

            def upload(n: int) -> int:
                body = {"text": f"{SIEGE_TEXT} Report {n}.", "published": "2022-06-25"}
                return httpx.post(
                    f"{base}/api/articles", json=body, headers=auth, timeout=60
                ).status_code

            def read(_n: int) -> int:
                return httpx.get(f"{base}/api/events", timeout=60).status_code

            with ThreadPoolExecutor(8) as pool:
                uploads = list(pool.map(upload, range(12)))
                reads = list(pool.map(read, range(12)))
            assert uploads == [201] * 12 and reads == [200] * 12
            listing = httpx.get(f"{base}/api/articles", params={"limit": 100}, timeout=30).json()
            assert len(listing["articles"] if isinstance(listing, dict) else listing) == 12
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()
