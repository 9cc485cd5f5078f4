"""Command line: serve | migrate | ingest. Parses arguments and calls services; prints results."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from app.config import Settings
from app.ingest import IngestError, read_upload
from app.ingest.readers import ALLOWED_SUFFIXES
from app.services import ArticleInput, IngestResult, ingest_article, prepare_database, read_jsonl
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade

console = Console(stderr=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"serve": serve, "migrate": migrate, "ingest": ingest}[args.command]
    return handler(args, Settings())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="Conflict Timeline")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="run the web app")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--reload", action="store_true", help="restart on code changes")
    commands.add_parser("migrate", help="apply database migrations")
    ingest_cmd = commands.add_parser(
        "ingest", help="add articles from files, folders or JSONL files (text/title/published/source/url)"
    )
    ingest_cmd.add_argument("paths", nargs="+", type=Path)
    return parser


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    console.print(f"Serving on http://{args.host}:{args.port} (database {settings.database_url})")
    uvicorn.run("app.main:create_app", factory=True, host=args.host, port=args.port, reload=args.reload)
    return 0


def migrate(_args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.resolved_database_url())
    upgrade(engine)
    console.print(f"Database is up to date: {settings.database_url}")
    return 0


@dataclass
class IngestReport:
    counts: Counter[str] = field(default_factory=Counter)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def ingest(args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.resolved_database_url())
    prepare_database(engine, demo=False, max_bytes=settings.max_upload_bytes)
    factory = make_session_factory(engine)
    items = list(_articles(args.paths, settings.max_upload_bytes))
    report = IngestReport()
    with _progress() as progress:
        task = progress.add_task("Ingesting", total=len(items))
        for name, item in items:
            _ingest_one(factory, name, item, settings.max_upload_bytes, report)
            progress.advance(task)
    _print_report(report)
    return 0 if not report.rejected else 1


def _ingest_one(
    factory: object, name: str, item: ArticleInput | IngestError, max_bytes: int, report: IngestReport
) -> None:
    if isinstance(item, IngestError):
        report.rejected.append((name, str(item)))
        return
    try:
        result: IngestResult = ingest_article(factory, item, max_bytes)  # type: ignore[arg-type]
    except IngestError as error:
        report.rejected.append((name, str(error)))
        return
    report.counts["added" if result.created else "duplicate"] += 1
    report.counts["events"] += result.events if result.created else 0


def _articles(paths: Sequence[Path], max_bytes: int) -> Iterator[tuple[str, ArticleInput | IngestError]]:
    for path in paths:
        if not path.exists():
            yield str(path), IngestError("No such file or folder.")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in ALLOWED_SUFFIXES or child.suffix.lower() == ".jsonl":
                    yield from _articles([child], max_bytes)
        elif path.suffix.lower() == ".jsonl":
            for number, item in enumerate(read_jsonl(path), 1):
                yield f"{path}#{number}", item
        else:
            yield str(path), _file_article(path, max_bytes)


def _file_article(path: Path, max_bytes: int) -> ArticleInput | IngestError:
    try:
        text = read_upload(path.name, path.read_bytes()[: max_bytes + 1], max_bytes)
    except IngestError as error:
        return error
    return ArticleInput(text=text, title=path.stem.replace("_", " ").replace("-", " "))


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    )


def _print_report(report: IngestReport) -> None:
    c = report.counts
    console.print(
        f"Added {c['added']} article(s) with {c['events']} event(s); "
        f"skipped {c['duplicate']} duplicate(s); rejected {len(report.rejected)}."
    )
    for name, reason in report.rejected:
        console.print(f"  rejected {name}: {reason}")
