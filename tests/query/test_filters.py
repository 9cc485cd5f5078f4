"""URL parameters ↔ EventFilter, and the filter described in words."""

from __future__ import annotations

from datetime import date

import pytest

from app.query.filters import EventFilter, FilterError
from app.query.text_search import fts_match, month_tokens


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


def test_a_search_within_dates_names_the_months_its_matches_start_in() -> None:
    assert month_tokens(date(2022, 11, 5), date(2023, 2, 1)) == [
        "m202211",
        "m202212",
        "m202301",
        "m202302",
    ]
    assert month_tokens(date(2022, 1, 1), date(2024, 1, 1)) == []  # 25 months: not worth it
    assert fts_match('drones "OR" x*', ["m202301"]) == (
        'search_text : ("drones" "OR" "x") AND search_month : (m202301)'
    )
    assert fts_match("   ") == '""'  # no word: matches nothing
