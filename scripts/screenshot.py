"""Regenerate the README's screenshot (docs/timeline.png) from the demo articles.

    .venv/bin/python scripts/screenshot.py [--out docs/timeline.png] [--width 1280]

Serves the app on a temporary SQLite database with the bundled demo articles loaded, opens the
timeline in Debian's Chromium (`apt-get install chromium`) and saves a full-width screenshot of
the top of the page (chart, map, filters and the first days of events).
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(database: Path) -> tuple[uvicorn.Server, threading.Thread, str]:
    """The app with the demo articles, on a free loopback port, in a thread."""
    settings = Settings(database_url=f"sqlite:///{database}", demo=True)
    config = uvicorn.Config(create_app(settings), port=_free_port(), log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise SystemExit("the app did not start")
        time.sleep(0.1)
    return server, thread, f"http://127.0.0.1:{config.port}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "timeline.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1100)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"no {CHROMIUM}: apt-get install chromium")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        server, thread, url = serve(Path(folder) / "demo.db")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": args.width, "height": args.height})
                page.goto(url + "/", wait_until="networkidle")
                args.out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.out))
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
