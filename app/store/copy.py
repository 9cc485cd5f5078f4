"""Copy a whole timeline between databases (SQLite ⇄ PostgreSQL), keeping every row and id."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Integer, Table, func, select, text

from app.store.db import make_engine
from app.store.migrate import alembic_config, upgrade
from app.store.models import Base

BATCH = 2_000


class CopyError(RuntimeError):
    """The copy cannot start: the message says why (schema out of date, target not empty)."""


def copy_database(source_url: str, target_url: str) -> dict[str, int]:
    """Copy every table of the source into the (migrated, empty) target; returns rows per table.

    All rows go in one transaction on the target, so a failed copy leaves it empty.
    """
    source, target = make_engine(source_url), make_engine(target_url)
    try:
        _check_source(source)
        upgrade(target)
        with source.connect() as reader, target.begin() as writer:
            _check_empty(writer)
            counts = {t.name: _copy_table(reader, writer, t) for t in Base.metadata.sorted_tables}
            if writer.dialect.name == "postgresql":
                _reset_sequences(writer)
        return counts
    finally:
        source.dispose()
        target.dispose()


def _check_source(engine: Engine) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    if current != head:
        raise CopyError(
            f"The source database is at migration {current or 'none'}, not {head}: "
            "run `python -m app migrate` on it first."
        )


def _check_empty(connection: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        if connection.execute(select(func.count()).select_from(table)).scalar():
            raise CopyError(
                f"The target database already has rows in {table.name}: use an empty one."
            )


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    copied = 0
    for rows in _batches(reader, table):
        writer.execute(table.insert(), [_convert(row, writer.dialect.name) for row in rows])
        copied += len(rows)
    return copied


def _batches(reader: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """Rows in primary-key order; a table that refers to itself (regions) parents first."""
    query = select(table).order_by(*table.primary_key.columns)
    result = reader.execution_options(stream_results=True, yield_per=BATCH).execute(query)
    if any(fk.column.table is table for fk in table.foreign_keys):
        yield _parents_first([dict(row) for row in result.mappings()], table)
        return
    for part in result.mappings().partitions(BATCH):
        yield [dict(row) for row in part]


def _parents_first(rows: list[dict[str, Any]], table: Table) -> list[dict[str, Any]]:
    key = next(iter(table.primary_key.columns)).name
    parent = next(fk.parent.name for fk in table.foreign_keys if fk.column.table is table)
    by_key = {row[key]: row for row in rows}

    def depth(row: dict[str, Any]) -> int:
        level, seen = 0, set()
        while row[parent] in by_key and row[parent] not in seen:
            seen.add(row[parent])
            row, level = by_key[row[parent]], level + 1
        return level

    return sorted(rows, key=depth)


def _convert(row: dict[str, Any], dialect: str) -> dict[str, Any]:
    """Timestamps: SQLite keeps naive UTC, PostgreSQL wants them aware."""
    for name, value in row.items():
        if isinstance(value, datetime):
            if dialect == "sqlite" and value.tzinfo is not None:
                row[name] = value.astimezone(UTC).replace(tzinfo=None)
            elif dialect != "sqlite" and value.tzinfo is None:
                row[name] = value.replace(tzinfo=UTC)
    return row


def _reset_sequences(connection: Connection) -> None:
    """Rows came with their ids, so move each id sequence past the largest one."""
    for table in Base.metadata.sorted_tables:
        id_column = table.columns.get("id")
        if id_column is None or not isinstance(id_column.type, Integer):
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
            )
        )
