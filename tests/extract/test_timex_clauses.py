"""Temporal expressions whose value depends on the clause around them or on a date just named."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.timex import find_timexes

MONDAY = date(1998, 10, 26)
WEDNESDAY = date(1998, 9, 30)


def values(text: str, ref: date) -> list[tuple[str, str]]:
    return [(t.span.text, t.value) for t in find_timexes(text, ref)]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # A date opening the sentence takes the tense of the main clause after it.
        (
            "On Tuesday, the National Abortion Rights League plans to hold a news conference.",
            MONDAY,
            [("Tuesday", "1998-10-27")],
        ),
        # A plan told in the past ("planned to") keeps the day just past.
        (
            "On Friday, the Kenyan government planned to pay the first 32 death claims.",
            WEDNESDAY,
            [("Friday", "1998-09-25")],
        ),
        # A reporting verb owns the future cue after it: what was said lies behind.
        (
            "On Friday, the minister said the government will pay the claims.",
            WEDNESDAY,
            [("Friday", "1998-09-25")],
        ),
    ],
)
def test_sentence_opening_date_follows_main_clause(
    text: str, ref: date, expected: list[tuple[str, str]]
) -> None:
    assert values(text, ref) == expected


def test_second_day_of_a_list_shares_the_first_days_year() -> None:
    found = values("The summit will be held on April 24 and 25.", date(1999, 2, 10))
    assert found == [("April 24", "1999-04-24"), ("25", "1999-04-25")]


def test_range_start_takes_the_year_written_after_its_end() -> None:
    found = values("On August 6-8, 2016, a sabotage group crossed.", date(2022, 8, 10))
    assert ("August 6", "2016-08-06") in found
    assert ("8", "2016-08-08") in found


def test_soon_after_a_modal_is_the_future() -> None:
    assert values("Prosecutors may soon seek an indictment.", MONDAY) == [("soon", "FUTURE_REF")]
    assert values("He left as soon as he could.", MONDAY) == []


def test_then_current_is_a_past_present() -> None:
    found = values("Holders may buy shares at the then current price.", MONDAY)
    assert found == [("then current", "PAST_REF")]


def test_generic_today_is_no_date() -> None:
    assert values("Paternity is easy to prove in today's world.", MONDAY) == []
    assert values("The offer was advertised in today's editions.", MONDAY) == [
        ("today", "1998-10-26")
    ]


def test_holiday_week_is_the_calendar_week_of_the_holiday() -> None:
    found = values("Protesters prayed as Easter week began.", date(2000, 4, 17))
    assert found == [("Easter week", "2000-W16")]


def test_plural_part_of_a_weekday_recurs() -> None:
    found = values("Flights leave on Tuesday nights.", date(1998, 2, 13))
    assert found == [("Tuesday nights", "XXXX-WXX-2TNI")]


def test_a_count_after_a_date_is_no_second_day() -> None:
    found = values("On March 3 and 4 soldiers died.", date(2022, 6, 25))
    assert found == [("March 3", "2022-03-03")]


def test_a_speech_reproduced_in_full_counts_its_today_from_its_own_day() -> None:
    address = (
        "In Zelensky's latest address on Thursday evening, July 21, the president spoke about "
        "grain. He thanked the partners.\n\nToday, I held a meeting of the Staff.\n\n"
        "And tomorrow we expect news from Turkey.\n\n“We signed it today,” a minister said."
    )
    # the speaker's today and tomorrow; a minister's quoted "today" is the article's day
    assert values(address, date(2022, 7, 22))[2:] == [
        ("Today", "2022-07-21"),
        ("tomorrow", "2022-07-22"),
        ("today", "2022-07-22"),
    ]
    # a live blog's entries are the newsroom's own, each on its day
    blog = "From 12 Jul 2022 22.37 In his address on Tuesday he spoke. Today we pause the blog."
    assert values(blog, date(2022, 7, 13))[-1] == ("Today", "2022-07-13")
