"""Test databases: a SQLite file, or a fresh PostgreSQL database per test when a server is set."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

# e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test (.ci/run sets it when a server answers)
POSTGRES_URL = os.environ.get("TIMELINE_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]
_names = itertools.count()


def sqlite_url(folder: Path, name: str = "timeline") -> str:
    return f"sqlite:///{folder}/{name}.db"


def _server_url() -> str:
    url = make_url(POSTGRES_URL)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new empty database on the test server, dropped afterwards (even with open connections).

    A database per test costs ~0.1 s and isolates tests completely, schema and sequences included.
    """
    name = f"timeline_test_{os.getpid()}_{next(_names)}"
    admin = create_engine(_server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    try:
        yield make_url(_server_url()).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database_url(backend: str, folder: Path, name: str = "timeline") -> Iterator[str]:
    if backend == "sqlite":
        yield sqlite_url(folder, name)
    else:
        with postgres_database() as url:
            yield url
