"""The gold annotations in tests/data are well formed: the scorers read them without checks.

They hold offsets only (no article text), so these tests need nothing outside the repo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLD = sorted(DATA.glob("events-corpus-*.jsonl"))
SECOND = [path for path in GOLD if path.name.endswith("-second.jsonl")]
TIMEX3_DATE = re.compile(
    r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?|(?:PAST|PRESENT|FUTURE)_REF"
)
REGION_CODE = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_each_gold_event_has_a_span_a_timex3_date_and_region_codes(path: Path) -> None:
    articles = lines(path)
    assert articles, path.name
    for article in articles:
        assert "text" not in article  # offsets only: the text stays in ../shared/corpus
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["published"])
        for event in article["events"]:
            assert 0 <= event["start"] < event["end"], (article["corpus_id"], event)
            assert TIMEX3_DATE.fullmatch(event["date"]), (article["corpus_id"], event)
            assert all(REGION_CODE.fullmatch(code) for code in event["regions"]), event
            assert isinstance(event.get("optional", False), bool)


@pytest.mark.parametrize("second", SECOND, ids=lambda p: p.name)
def test_a_second_annotation_covers_the_articles_of_the_first(second: Path) -> None:
    first = second.with_name(second.name.replace("-second.jsonl", ".jsonl"))
    ids = [article["corpus_id"] for article in lines(first)]
    assert sorted(article["corpus_id"] for article in lines(second)) == sorted(ids)


TYPED = sorted(DATA.glob("event-types-*.jsonl"))


@pytest.mark.parametrize("path", TYPED, ids=lambda p: p.name)
def test_each_typed_event_is_a_required_gold_event_with_an_acled_pair(path: Path) -> None:
    from app.extract.event_types import TAXONOMY

    required = {
        (article["corpus_id"], event["start"], event["end"])
        for gold in GOLD
        if not gold.name.endswith("-second.jsonl")
        for article in lines(gold)
        for event in article["events"]
        if not event.get("optional")
    }
    typed = lines(path)
    assert typed, path.name
    for item in typed:
        assert (item["corpus_id"], item["start"], item["end"]) in required, item
        assert (item["event_type"], item["sub_event_type"]) in TAXONOMY, item
