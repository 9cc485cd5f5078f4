"""Backups: a consistent copy while the app writes, refused bad files, and restore."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from app.cli import main as cli
from app.config import Settings
from app.services import ArticleInput, ingest_article, prepare_database
from app.store.backup import BackupError, backup, check, restore
from app.store.db import make_engine, make_session_factory
from tests.factories import SIEGE_TEXT


def _article(n: int) -> ArticleInput:
    return ArticleInput(
        f"{SIEGE_TEXT}\n\nUpdate number {n} from the front.", f"Story {n}", "2022-06-25"
    )


def _db(settings: Settings) -> tuple[str, object]:
    url = settings.resolved_database_url()
    engine = make_engine(url)
    prepare_database(engine, demo=False, max_bytes=settings.max_upload_bytes)
    return url, make_session_factory(engine)


@pytest.mark.sqlite_only
def test_backup_while_writing_is_consistent_and_restores(
    settings: Settings, tmp_path: Path
) -> None:
    url, factory = _db(settings)
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            ingest_article(factory, _article(n), settings.max_upload_bytes)  # type: ignore[arg-type]
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = [backup(url, tmp_path / f"copy{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    assert copies == sorted(copies)
    for i in range(3):
        db = sqlite3.connect(tmp_path / f"copy{i}.db")
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        orphans = db.execute(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()
        assert orphans == (0,)
        db.close()
    target = Settings(database_url=f"sqlite:///{tmp_path}/restored.db")
    assert restore(tmp_path / "copy2.db", target.resolved_database_url()) == copies[2]
    assert check(tmp_path / "restored.db") == copies[2]


@pytest.mark.sqlite_only
def test_bad_backup_files_are_refused(settings: Settings, tmp_path: Path) -> None:
    url, _factory = _db(settings)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="not a Conflict Timeline database"):
        restore(junk, url)
    with pytest.raises(BackupError, match="no file"):
        restore(tmp_path / "missing.db", url)
    with pytest.raises(BackupError, match="PostgreSQL"):
        backup("postgresql://x/y", tmp_path / "pg.db")


@pytest.mark.sqlite_only
def test_backup_and_restore_from_the_command_line(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, factory = _db(settings)
    ingest_article(factory, _article(1), settings.max_upload_bytes)  # type: ignore[arg-type]
    monkeypatch.setenv("TIMELINE_DATABASE_URL", settings.database_url)
    assert cli(["backup", str(tmp_path / "b" / "nightly.db")]) == 0
    ingest_article(factory, _article(2), settings.max_upload_bytes)  # type: ignore[arg-type]
    assert cli(["restore", "--yes", str(tmp_path / "b" / "nightly.db")]) == 0
    assert check(Path(url.removeprefix("sqlite:///"))) == 1
    assert cli(["restore", "--yes", str(tmp_path / "none.db")]) == 1
