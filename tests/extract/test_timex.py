"""Temporal expressions in news, resolved against a Saturday publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.timex import find_timexes, interval_of

SATURDAY = date(2022, 6, 25)


def values(text: str, ref: date = SATURDAY) -> list[tuple[str, str]]:
    return [(t.span.text, t.value) for t in find_timexes(text, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the mayor said on Saturday", [("Saturday", "2022-06-25")]),
        ("authorities said on Friday", [("Friday", "2022-06-24")]),
        ("since losing Mariupol in May", [("May", "2022-05")]),
        ("troops crossed the border on Feb. 24", [("Feb. 24", "2022-02-24")]),
        ("EU leaders this week approved", [("this week", "2022-W25")]),
        ("a summit starting on Sunday", [("Sunday", "2022-06-26")]),
        ("leaders will meet on Monday", [("Monday", "2022-06-27")]),
        ("last month", [("last month", "2022-05")]),
        (
            "On June 3 troops entered. Two days later they left.",
            [("June 3", "2022-06-03"), ("Two days later", "2022-06-05")],
        ),
        ("for three days", [("three days", "P3D")]),
        ("in 2014", [("2014", "2014")]),
    ],
)
def test_news_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "as the war entered its fifth month",
        "the biggest conflict since World War Two",
        "since the Second World War",
        "48 cruise missiles were fired",
        "troops may advance towards the city",
        "thousands march in protest",
        "an S-300 battery and a Su-25 jet",
        "killed 1,200 people",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert [v for _, v in values(text) if v[:1].isdigit()] == []


def test_precision_is_never_invented() -> None:
    (timex,) = find_timexes("in May", SATURDAY)
    assert timex.date is not None
    assert (timex.date.start, timex.date.end, timex.date.precision) == (
        date(2022, 5, 1),
        date(2022, 5, 31),
        "month",
    )


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2022-06-25", date(2022, 6, 25), date(2022, 6, 25), "day"),
        ("2022-W25", date(2022, 6, 20), date(2022, 6, 26), "week"),
        ("2022-Q2", date(2022, 4, 1), date(2022, 6, 30), "quarter"),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ],
)
def test_interval_of(value: str, start: date, end: date, precision: str) -> None:
    interval = interval_of(value)
    assert interval is not None
    assert (interval.start, interval.end, interval.precision) == (start, end, precision)


def test_durations_and_refs_have_no_interval() -> None:
    assert interval_of("P3D") is None and interval_of("PAST_REF") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_any_text_gives_valid_spans(text: str, ref: date) -> None:
    for timex in find_timexes(text, ref):
        assert 0 <= timex.span.start < timex.span.end <= len(text)
        assert text[timex.span.start : timex.span.end] == timex.span.text
        if timex.date:
            assert timex.date.start <= timex.date.end
