"""URL parameters ↔ EventFilter, and the filter described in words."""

from __future__ import annotations

from datetime import date

import pytest

from app.query import search_key as sk
from app.query.filters import EventFilter, FilterError
from app.query.text_search import fts_match


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, EventFilter()),
        ({"region": "ua-09"}, EventFilter(regions=("UA-09",))),
        ({"region": ["UA-09", "UA-14,UA-09"]}, EventFilter(regions=("UA-09", "UA-14"))),
        ({"from": "2022"}, EventFilter(date_from=date(2022, 1, 1))),
        ({"to": "2022-02"}, EventFilter(date_to=date(2022, 2, 28))),
        (
            {"from": "2022-06-25", "to": "2022-06-25"},
            EventFilter(date_from=date(2022, 6, 25), date_to=date(2022, 6, 25)),
        ),
        ({"q": "  cruise   missiles "}, EventFilter(q="cruise missiles")),
    ],
)
def test_from_params(params: dict[str, str | list[str]], expected: EventFilter) -> None:
    assert EventFilter.from_params(params) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"from": "June"},
        {"to": "2022-13"},
        {"from": "2022-07", "to": "2022-06"},
        {"region": "<script>"},
        {"after": "x"},
    ],
)
def test_bad_params_raise_filter_error(params: dict[str, str]) -> None:
    with pytest.raises(FilterError):
        EventFilter.from_params(params)


def test_round_trip_through_params() -> None:
    f = EventFilter(
        regions=("UA-09", "UA-14"),
        date_from=date(2022, 6, 1),
        q="missile",
        after=(date(2022, 6, 3), 7),
    )
    assert EventFilter.from_params(f.to_params()) == f
    assert EventFilter.from_params(f.to_params()).after == (date(2022, 6, 3), 7)


def test_describe_names_regions_and_dates() -> None:
    f = EventFilter(regions=("UA-09",), date_from=date(2022, 6, 1), q="missile")
    assert (
        f.describe({"UA-09": "Luhansk Oblast"})
        == "in Luhansk Oblast, from 1 Jun 2022, matching “missile”"
    )
    assert EventFilter().describe({}) == "all events"


def test_a_search_quotes_every_word_so_user_text_is_never_fts_syntax() -> None:
    assert fts_match('drones "OR" x*') == 'search_text : ("drones" "OR" "x")'
    assert fts_match("   ") == '""'  # no word: matches nothing


def test_search_keys_sort_as_the_timeline_and_carry_the_dates() -> None:
    """search_key.py mirrors migration 0006's SQL: start day, then id, then span in days."""
    day = date(2022, 6, 25)
    key = sk.first_key(day) | (42 << sk.ID_SHIFT) | 6  # event 42, 25 Jun - 1 Jul 2022
    assert sk.first_key(day) < key < sk.after_key(day, 42) < sk.after_key(day, 43)
    assert sk.after_key(day, 10**9) < sk.first_key(date(2022, 6, 26)) == sk.last_key(day) + 1
    packed = (key >> sk.DAY_SHIFT) << sk.ID_SHIFT | (key & sk.LONG_SPAN)
    assert sk.span_of(packed) == (day, date(2022, 7, 1))
    assert (key >> sk.ID_SHIFT) & sk.ID_MASK == 42
