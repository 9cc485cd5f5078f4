"""Command line: serve, migrate, ingest, export, copy-db, admin; parses arguments, runs services."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path

from rich.console import Console

from app import cli_admin, cli_data
from app.cli_admin import Handler
from app.config import Settings
from app.ingest import IngestError, read_upload
from app.ingest.readers import ALLOWED_SUFFIXES
from app.services import ArticleInput, prepare_database, read_jsonl
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade

console = Console(stderr=True)


def main(argv: Sequence[str] | None = None) -> int:
    handlers: dict[str, Handler] = {"serve": serve, "migrate": migrate, "ingest": ingest}
    args = _parser(handlers).parse_args(argv)
    handler = handlers[args.command]
    return handler(args, Settings())


def _parser(handlers: dict[str, Handler]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description="Conflict Timeline")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="run the web app")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--reload", action="store_true", help="restart on code changes")
    commands.add_parser("migrate", help="apply database migrations")
    ingest_cmd = commands.add_parser(
        "ingest",
        help="add articles from files, folders or JSONL files (text/title/published/source/url)",
    )
    ingest_cmd.add_argument("paths", nargs="+", type=Path)
    ingest_cmd.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    serve_cmd.add_argument("--workers", type=int, default=1, help="worker processes")
    handlers.update(cli_admin.add_commands(commands))
    handlers.update(cli_data.add_commands(commands))
    return parser


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    console.print(f"Serving on http://{args.host}:{args.port} (database {settings.database_url})")
    if args.workers > 1:  # migrate once here, so the workers do not race to do it
        engine = make_engine(settings.resolved_database_url())
        prepare_database(engine, demo=settings.demo, max_bytes=settings.max_upload_bytes)
        engine.dispose()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        reload=args.reload,
        workers=args.workers,
    )
    return 0


def migrate(_args: argparse.Namespace, settings: Settings) -> int:
    engine = make_engine(settings.resolved_database_url())
    upgrade(engine)
    console.print(f"Database is up to date: {settings.database_url}")
    return 0


def ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Extract on every core, insert in batches; rerun after an interruption to resume."""
    engine = make_engine(settings.resolved_database_url())
    prepare_database(engine, demo=False, max_bytes=settings.max_upload_bytes)
    factory = make_session_factory(engine)
    total = cli_data.count_items(args.paths, ALLOWED_SUFFIXES)
    items = _articles(args.paths, settings.max_upload_bytes)
    report = cli_data.run_ingest(factory, items, total, settings.max_upload_bytes, args.workers)
    cli_data.print_report(report)
    return 0 if not report.rejected else 1


def _articles(
    paths: Sequence[Path], max_bytes: int
) -> Iterator[tuple[str, ArticleInput | IngestError]]:
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
