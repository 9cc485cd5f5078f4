"""Data commands: export, copy-db and the parallel ingest run; `app.cli` registers them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO, TypeAlias

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from sqlalchemy.orm import Session, sessionmaker

from app.cli_admin import Handler
from app.config import Settings
from app.export import FORMATS
from app.export.stream import chunked
from app.query.filters import EventFilter, FilterError
from app.services_bulk import BulkReport, Named, bulk_ingest
from app.store.copy import CopyError, copy_database
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade

console = Console(stderr=True)
FILTERS = (
    ("region", "ISO 3166 code(s), comma-separated"),
    ("from", "first day: 2022, 2022-06 or 2022-06-25"),
    ("to", "last day"),
    ("q", "words to search"),
    ("type", "event type"),
    ("source", "article source"),
)
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_commands(commands: Commands) -> dict[str, Handler]:
    """Add export and copy-db to the CLI's parser; returns their handlers by name."""
    export_cmd = commands.add_parser("export", help="write the (filtered) timeline in a format")
    export_cmd.add_argument("--format", choices=list(FORMATS), default="csv")
    export_cmd.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    for name, text in FILTERS:
        export_cmd.add_argument(f"--{name}", default="", help=text)
    copy_cmd = commands.add_parser("copy-db", help="copy a timeline to another (empty) database")
    copy_cmd.add_argument("--from", dest="source", required=True, help="SQLAlchemy URL to read")
    copy_cmd.add_argument("--to", dest="target", required=True, help="SQLAlchemy URL to fill")
    return {"export": export, "copy-db": copy_db}


def export(args: argparse.Namespace, settings: Settings) -> int:
    try:
        f = EventFilter.from_params({name: getattr(args, name) for name, _ in FILTERS})
    except FilterError as error:
        console.print(f"[red]{error}[/red]")
        return 2
    engine = make_engine(settings.resolved_database_url())
    upgrade(engine)
    with make_session_factory(engine)() as session:
        if args.output is None:
            _write(session, args.format, f, sys.stdout)
        else:
            with args.output.open("w", encoding="utf-8", newline="") as out:
                _write(session, args.format, f, out)
            console.print(f"Wrote {args.output} ({args.format}).")
    engine.dispose()
    return 0


def _write(session: Session, name: str, f: EventFilter, out: TextIO) -> None:
    for chunk in chunked(FORMATS[name].write(session, f)):
        out.write(chunk)


def copy_db(args: argparse.Namespace, _settings: Settings) -> int:
    try:
        counts = copy_database(args.source, args.target)
    except CopyError as error:
        console.print(f"[red]{error}[/red]")
        return 1
    summary = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
    console.print(f"Copied {summary or 'nothing (the source is empty)'}.")
    return 0


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s")


def run_ingest(
    factory: sessionmaker[Session], items: Iterable[Named], total: int, max_bytes: int, workers: int
) -> BulkReport:
    """The bulk ingest with a progress bar on stderr."""
    columns = (BarColumn(), MofNCompleteColumn(), RateColumn(), TimeRemainingColumn())
    with Progress(TextColumn("[bold]Ingesting"), *columns, console=console) as progress:
        task = progress.add_task("ingest", total=total)
        return bulk_ingest(
            factory, items, max_bytes, workers or None, lambda n: progress.advance(task, n)
        )


def count_items(paths: Sequence[Path], suffixes: Iterable[str]) -> int:
    """How many articles the paths hold (JSONL lines count one each): the progress bar's total."""
    allowed = {*suffixes, ".jsonl"}
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".jsonl" and file.is_file():
                with file.open(encoding="utf-8", errors="replace") as lines:
                    total += sum(1 for line in lines if line.strip())
            elif file.suffix.lower() in allowed or not path.is_dir():
                total += 1
    return total


def print_report(report: BulkReport) -> None:
    console.print(
        f"Added {report.added} article(s) with {report.events} event(s); "
        f"skipped {report.duplicates} duplicate(s); rejected {len(report.rejected)}."
    )
    for name, reason in report.rejected:
        console.print(f"  rejected {name}: {reason}")
