"""Use cases shared by the upload form, the JSON API and the CLI: parse, ingest, load the demo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.extract import ParsedArticle, parse_article, parse_date_field
from app.extract.places import all_regions
from app.ingest import IngestError, check_text, content_hash
from app.ingest.html import looks_like_html
from app.ingest.readers import strip_unsafe
from app.store import repo, users
from app.store.db import make_session_factory
from app.store.migrate import upgrade
from app.store.models import Article

DEMO_ARTICLES = Path(__file__).parent / "demo" / "articles.jsonl"
UNTITLED = "Untitled article"


@dataclass(frozen=True)
class ArticleInput:
    """An article as a user hands it over: raw text and optional metadata (all strings)."""

    text: str
    title: str | None = None
    published: str | date | None = None
    source: str | None = None
    url: str | None = None
    created_by: str | None = None  # username of the account writing it (None: CLI or demo)


@dataclass(frozen=True)
class IngestResult:
    article_id: int
    created: bool  # False when the article was already stored (a duplicate)
    events: int
    published_inferred: bool


def parse_published(value: str | date | None) -> date | None:
    """The publication date from a form or API value; IngestError when present but unreadable."""
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    parsed = parse_date_field(value.strip())
    if parsed is None:
        raise IngestError(
            f"Cannot read the publication date {value.strip()!r}; use e.g. 2022-06-25."
        )
    return parsed


def clean_url(url: str | None) -> str | None:
    url = (url or "").strip()
    if not url:
        return None
    unsafe = not url.isprintable() or any(c.isspace() for c in url)
    if unsafe or not url.lower().startswith(("http://", "https://")) or len(url) > 2000:
        raise IngestError("The URL must start with http:// or https:// (at most 2,000 characters).")
    return url


def parse_only(
    text: str, published: str | date | None, max_bytes: int, title: str | None = None
) -> ParsedArticle:
    """Extraction without storing anything (POST /api/parse).

    The text is checked but not cleaned, so that every offset indexes the text exactly as
    sent; only HTML is first reduced to its text (offsets then index that text).
    """
    cleaned = check_text(text, max_bytes)
    as_sent = cleaned if looks_like_html(text) else text
    return parse_article(as_sent, parse_published(published), title=title)


@dataclass(frozen=True)
class CheckedArticle:
    """An article whose text and fields passed every check, ready to extract and store."""

    text: str
    published: date | None
    fields: repo.ArticleFields
    digest: str


def check_article(item: ArticleInput, max_bytes: int) -> CheckedArticle:
    """Clean text, publication date, URL, title and source of one article; IngestError if bad."""
    text = check_text(item.text, max_bytes)
    published = parse_published(item.published)
    fields = repo.ArticleFields(
        title=_title(item.title, text), source=_blank(item.source), url=clean_url(item.url)
    )
    return CheckedArticle(text, published, fields, content_hash(text))


def _stored(article: Article) -> IngestResult:
    return IngestResult(article.id, False, len(article.events), article.published_inferred)


def ingest_article(
    session_factory: sessionmaker[Session], item: ArticleInput, max_bytes: int
) -> IngestResult:
    """Check, parse and store one article with its events in one transaction.

    A duplicate (same normalised text or same URL) is not stored again: the result points at
    the stored article with created=False. Bad input raises IngestError and stores nothing.
    """
    checked = check_article(item, max_bytes)
    digest, url = checked.digest, checked.fields.url
    with session_factory() as session:
        existing = repo.find_duplicate(session, digest, url)
        if existing is not None:
            return _stored(existing)
    parsed = parse_article(checked.text, checked.published, title=checked.fields.title)
    with session_factory() as session:
        try:
            article = repo.add_parsed_article(session, checked.fields, parsed, digest)
            article.created_by = item.created_by
            users.record(session, item.created_by, "article.create", ("article", article.id))
            session.commit()
        except IntegrityError:
            # Another writer stored the same article between our check and our insert.
            session.rollback()
            existing = repo.find_duplicate(session, digest, url)
            if existing is None:
                raise
            return _stored(existing)
        return IngestResult(article.id, True, len(parsed.events), parsed.published_inferred)


def _title(title: str | None, text: str) -> str:
    title = " ".join(strip_unsafe(title or "").split())
    if title:
        return title[:500]
    first_line = text.split("\n", 1)[0]
    return (first_line[:120] + "…") if len(first_line) > 120 else (first_line or UNTITLED)


def _blank(value: str | None) -> str | None:
    value = " ".join(strip_unsafe(value or "").split())
    return value[:200] or None


def prepare_database(engine: Engine, *, demo: bool, max_bytes: int) -> int:
    """Migrate, sync the region table, and load the demo articles into an empty database."""
    upgrade(engine)
    factory = make_session_factory(engine)
    with factory() as session:
        repo.sync_regions(session, all_regions())
        session.commit()
        empty = repo.count_articles(session) == 0
    if demo and empty:
        return sum(1 for r in load_articles_file(factory, DEMO_ARTICLES, max_bytes) if r.created)
    return 0


def read_jsonl(path: Path) -> Iterator[ArticleInput | IngestError]:
    """Articles of a JSONL file (text, title, published, source, url); bad lines yield errors."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                yield ArticleInput(
                    text=str(data["text"]),
                    title=data.get("title"),
                    published=data.get("published"),
                    source=data.get("source"),
                    url=data.get("url"),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                yield IngestError(f"{path.name} line {number}: not an article object ({error}).")


def load_articles_file(
    factory: sessionmaker[Session], path: Path, max_bytes: int
) -> Iterator[IngestResult]:
    for item in read_jsonl(path):
        if isinstance(item, ArticleInput):
            yield ingest_article(factory, item, max_bytes)
