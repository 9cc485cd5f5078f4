"""The key that signs session cookies: from the settings, or generated once into a 0600 file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from app.config import Settings

SECRET_FILE = "secret_key"


def secret_key(settings: Settings) -> str:
    """TIMELINE_SECRET_KEY when set; else the key in <data dir>/secret_key, created if missing."""
    if settings.secret_key:
        return settings.secret_key
    return _file_key(settings.data_dir() / SECRET_FILE)


def _file_key(path: Path) -> str:
    if path.exists():
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= 32:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Created with 0600 from the start so the key is never readable by others, even briefly.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key + "\n")
    try:
        os.link(tmp, path)  # fails if another process created the key first: then use theirs
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        tmp.unlink()
    return key
