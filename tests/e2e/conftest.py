"""Browser fixtures: the app under uvicorn on a free loopback port, driven by Debian's Chromium.

Playwright's own browser download cannot work offline, so tests launch /usr/bin/chromium
(`apt-get install chromium`). Without it they skip, unless CI is set: then they fail.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from app.config import Settings
from app.main import create_app
from tests.conftest import PASSWORD, create_account

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from generate_events import generate  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = ROOT / "test-artifacts"
EDITOR = "edith"
SEEDED_EVENTS = 400


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app over HTTP on 127.0.0.1: a temp SQLite db, synthetic events, an editor."""
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'timeline.db'}"
    generate(url, SEEDED_EVENTS, seed=2)
    settings = Settings(database_url=url, demo=False)
    create_account(settings, EDITOR, "editor")
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI is set but /usr/bin/chromium is missing: apt-get install chromium")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium) and CI is unset")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext, live_server: str) -> Page:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def login(page: Page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_load_state()
