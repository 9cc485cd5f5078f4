"""Fill a database with N synthetic-but-plausible events (for the web benchmark and load tests).

    python scripts/generate_events.py data/bench-100k.db 100000 [--seed 1]

Events are spread over 2022-02-24 … 2025-12-31, weighted towards the east and south, with a
realistic mix of date precisions (most exact days, some weeks, months and years; some implied),
1–2 regions each, ACLED-style types and an evidence sentence naming the place. Twenty events
share one article, as a long news report would. Rows go in with executemany; FTS5 triggers
index them as usual.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.config import Settings
from app.services import prepare_database
from app.store.db import make_engine
from app.store.models import Article, Event, EventRegion, Region
from app.store.review import period

START, END = date(2022, 2, 24), date(2025, 12, 31)
EVENTS_PER_ARTICLE = 20
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled", 30),
    ("Explosions/Remote violence", "Air/drone strike", "struck with drones", 25),
    ("Battles", "Armed clash", "fought near", 20),
    ("Battles", "Government regains territory", "recaptured villages in", 5),
    ("Violence against civilians", "Attack", "attacked civilians in", 8),
    ("Strategic developments", "Other", "evacuated residents of", 7),
    ("Protests", "Peaceful protest", "protested in", 5),
]
PRECISIONS = [("day", 80), ("week", 8), ("month", 9), ("year", 3)]
HOT = {"UA-14": 12, "UA-09": 6, "UA-63": 8, "UA-23": 7, "UA-65": 6, "UA-12": 5, "UA-59": 4}
SOURCES = ["Kyiv Independent", "Reuters", "AP", "BBC", "Ukrainska Pravda", "Meduza", None]


def event_row(
    rng: random.Random, event_id: int, article_id: int, names: dict[str, str], weights: list[int]
) -> tuple[dict[str, object], list[str]]:
    codes = sorted(names)
    day = START + timedelta(days=rng.randrange((END - START).days + 1))
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    start, end, value = period(day, precision)
    kind, sub, verb, _ = rng.choices(TYPES, [t[3] for t in TYPES])[0]
    regions = list(dict.fromkeys(rng.choices(codes, weights, k=rng.choice((1, 1, 1, 2)))))
    place = names[regions[0]]
    when = {"day": f"on {start:%-d %B}", "week": "that week", "month": f"in {start:%B}",
            "year": f"in {start.year}"}[precision]  # fmt: skip
    evidence = f"Russian forces {verb} {place} {when}, officials said (report {event_id})."
    row = {
        "id": event_id, "article_id": article_id, "date_start": start, "date_end": end,
        "precision": precision, "date_value": value,
        "date_text": None if rng.random() < 0.1 else when, "evidence_start": 0,
        "evidence_end": len(evidence), "evidence_text": evidence, "event_type": kind,
        "sub_event_type": sub, "summary": evidence[:300], "confidence": 0.8,
        "reviewed": False, "search_text": f"{evidence}\nWar report {article_id}: {place}",
    }  # fmt: skip
    return row, regions


def generate(url: str, count: int, seed: int) -> None:
    engine = make_engine(url)
    prepare_database(engine, demo=False, max_bytes=Settings().max_upload_bytes)
    rng = random.Random(seed)
    with engine.begin() as conn:
        rows = conn.execute(text("SELECT code, name FROM regions WHERE parent_code = 'UA'"))
        names = {str(code): str(name) for code, name in rows}
        codes = sorted(names)
        weights = [HOT.get(c, 1) for c in codes]
        first = (conn.scalar(text("SELECT max(id) FROM events")) or 0) + 1
        first_article = (conn.scalar(text("SELECT max(id) FROM articles")) or 0) + 1
        for batch in range(0, count, 5000):
            events, links, articles = [], [], []
            for i in range(batch, min(batch + 5000, count)):
                article_id = first_article + i // EVENTS_PER_ARTICLE
                row, regions = event_row(rng, first + i, article_id, names, weights)
                if i % EVENTS_PER_ARTICLE == 0:
                    articles.append(_article(rng, article_id, row))
                events.append(row)
                links += [{"event_id": row["id"], "region_code": c} for c in regions]
            if articles:
                conn.execute(insert(Article), articles)
            conn.execute(insert(Event), events)
            conn.execute(insert(EventRegion), links)
        if engine.dialect.name == "sqlite":
            conn.execute(text("ANALYZE"))
    engine.dispose()
    assert Region  # the model is imported so metadata knows every table


def _article(rng: random.Random, article_id: int, row: dict[str, object]) -> dict[str, object]:
    published = row["date_end"]
    assert isinstance(published, date)
    return {
        "id": article_id, "title": f"War report {article_id}", "source": rng.choice(SOURCES),
        "url": None, "published": published + timedelta(days=1), "published_inferred": False,
        "text": str(row["evidence_text"]), "content_hash": f"synthetic-{article_id:012d}",
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path, help="SQLite file to create or extend")
    parser.add_argument("count", type=int, help="how many events to add")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.database.parent.mkdir(parents=True, exist_ok=True)
    generate(f"sqlite:///{args.database}", args.count, args.seed)
    print(f"added {args.count:,} events to {args.database}")


if __name__ == "__main__":
    main()
