"""Consistent copies of a live SQLite database (online backup API) and restoring from one."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import make_url


class BackupError(ValueError):
    """A backup or restore that cannot be done; the message is shown as is."""


def sqlite_path(database_url: str) -> Path:
    """The file behind a sqlite:/// URL; BackupError for other databases."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupError("backup and restore work on SQLite files; use pg_dump for PostgreSQL.")
    return Path(url.database)


def backup(database_url: str, target: Path) -> int:
    """Copy the database to `target` while it serves; returns the copy's article count.

    The copy is written beside the target and renamed into place only once it passed
    PRAGMA integrity_check, so a failed backup never leaves a half file under the name.
    """
    source = sqlite_path(database_url)
    if not source.exists():
        raise BackupError(f"There is no database at {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    with _connect(source) as src, _connect(partial) as dst:
        src.backup(dst, pages=1024)  # steps let writers in between
        dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
    articles = check(partial)
    os.replace(partial, target)
    return articles


def restore(backup_file: Path, database_url: str) -> int:
    """Replace the database with a checked backup; stop the server first. Returns articles."""
    articles = check(backup_file)
    target = sqlite_path(database_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _connect(backup_file) as src, _connect(target) as dst:
        dst.execute("PRAGMA busy_timeout=15000")
        src.backup(dst)
    return articles


def check(path: Path) -> int:
    """Integrity-check a database file made by this app; returns its article count."""
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    try:
        with _connect(path, readonly=True) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()
            if result is None or result[0] != "ok":
                raise BackupError(f"{path} failed its integrity check: {result}.")
            count: int = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            db.execute("SELECT version_num FROM alembic_version").fetchone()
            return count
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Conflict Timeline database ({error}).") from error


class _connect:
    """A sqlite3 connection that is closed (not only committed) on leaving the block."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        uri = "file:" + quote(str(path)) + ("?mode=ro" if readonly else "")
        self.connection = sqlite3.connect(uri, uri=True, timeout=15)

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *_exc: object) -> None:
        self.connection.close()
