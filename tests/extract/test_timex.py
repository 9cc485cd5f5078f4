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
        # A verb of the future a long phrase before the day still points ahead.
        (
            "The president is due to make a state visit to France on Monday.",
            [("Monday", "2022-06-27")],
        ),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TimeML keeps determiners and modifiers inside the expression.
        ("prices fell over the past year", [("the past year", "2021")]),
        ("the talks collapsed late Tuesday", [("late Tuesday", "2022-06-21")]),
        ("shelling eased earlier this month", [("earlier this month", "2022-06")]),
        ("the pact runs until early next year", [("early next year", "2023")]),
        ("the plant reopened in mid-2019", [("mid-2019", "2019")]),
        ("repairs are due by the end of the year", [("the end of the year", "2022")]),
        ("a ceasefire was agreed in June last year", [("June last year", "2021-06")]),
        ("the city fell last winter", [("last winter", "2021-WI")]),
        # Durations, also as adjectives and with halves.
        ("a three-year plan for the port", [("three-year", "P3Y")]),
        ("the convoy waited for 2 1/2 hours", [("2 1/2 hours", "PT2H30M")]),
        ("a 45-year-old driver", []),
        ("the siege lasted the past few weeks", [("the past few weeks", "PXW")]),
        # Vague references.
        ("a ceasefire that has held for the past", [("the past", "PAST_REF")]),
        ("the shelling will stop in the future", [("the future", "FUTURE_REF")]),
        # An unmeasured stretch up to or on from now is a DURATION in TimeML.
        ("attacks have grown in recent years", [("recent years", "PAST_REF")]),
        ("attacks have grown in recent months", [("recent months", "PXM")]),
        ("more strikes are expected in coming weeks", [("coming weeks", "PXW")]),
        ("aid will be needed in the months ahead", [("the months ahead", "PXM")]),
        # Clock times with their day, holidays, year ranges, centuries.
        ("the curfew began at 10 p.m. Thursday", [("10 p.m. Thursday", "2022-06-23T22:00")]),
        ("a parade on Victory Day", [("Victory Day", "2022-05-09")]),
        ("during the 2014-2015 fighting", [("2014", "2014"), ("2015", "2015")]),
        ("a 19th century fortress", [("19th century", "18")]),
    ],
)
def test_timeml_conventions(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_year_earlier_in_a_quarterly_report_is_that_quarter() -> None:
    text = "Profit rose in the third quarter. A year earlier, the company lost money."
    assert values(text, date(2022, 10, 25)) == [
        ("the third quarter", "2022-Q3"),
        ("A year earlier", "2021-Q3"),
    ]


def test_year_earlier_without_a_quarter_is_a_year() -> None:
    assert values("A year earlier, the bridge was bombed.") == [("A year earlier", "2021")]


def test_that_year_is_the_year_the_story_named() -> None:
    text = "Russia annexed Crimea in March 2014. Later that year fighting began in Donbas."
    assert values(text) == [("March 2014", "2014-03"), ("Later that year", "2014")]


def test_the_nearer_cue_decides_the_direction() -> None:
    # "was" looks back, but "extended to" right before the date looks ahead.
    text = "The deadline was extended to July 2."
    assert values(text) == [("July 2", "2022-07-02")]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("services on Easter Sunday", date(2013, 3, 22), "2013-03-31"),
        ("on Good Friday", date(2024, 4, 2), "2024-03-29"),
        ("a truce for Orthodox Easter", date(2022, 4, 20), "2022-04-24"),
        ("shelling on Orthodox Easter", date(2023, 4, 20), "2023-04-16"),
        ("since last Thanksgiving", date(2022, 6, 25), "2021-11-25"),
        ("after Memorial Day", date(2022, 6, 25), "2022-05-30"),
    ],
)
def test_holidays(text: str, ref: date, expected: str) -> None:
    assert expected in [value for _, value in values(text, ref)]


def test_rates_are_not_durations() -> None:
    assert values("the plant makes 10,000 shells a month") == []


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
        ("2022-W25-WE", date(2022, 6, 25), date(2022, 6, 26), "week"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "year"),
        ("17", date(1700, 1, 1), date(1799, 12, 31), "year"),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A reporting verb between the date and a later future cue owns that cue.
        ("In May, the ministry announced plans to rebuild the bridge.", [("May", "2022-05")]),
        ("In May, the ministry plans to rebuild the bridge.", [("May", "2023-05")]),
        # "by" makes a deadline: the nearest such date, however far ahead.
        ("The loan must be repaid by February.", [("February", "2023-02")]),
        ("The convoy must leave by June 22.", [("June 22", "2022-06-22")]),
        ("They had all left by Wednesday, officials said.", [("Wednesday", "2022-06-22")]),
        ("The talks must end by Wednesday.", [("Wednesday", "2022-06-29")]),
        ("Troops must leave by June.", [("June", "2022-06")]),
        # "last" before another time word belongs to that expression, not to this one.
        (
            "The offer, first due to end last Friday, runs to July 6.",
            [("last Friday", "2022-06-24"), ("July 6", "2022-07-06")],
        ),
    ],
)
def test_direction_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month's day looks further back for its verb than a weekday does.
        (
            "The ceremony would still be held at the NATO summit in Washington on July 24.",
            [("July 24", "2022-07-24")],
        ),
        # A cue before a relative clause belongs to the main clause.
        (
            "She would bring aid to the towns where the June 7 blasts killed 50 people.",
            [("June 7", "2022-06-07")],
        ),
        # "Wednesday's ruling" is a past event, even after "would".
        ("They said they would appeal against Wednesday's ruling.", [("Wednesday", "2022-06-22")]),
        ("Leaders met ahead of next Tuesday's vote.", [("next Tuesday", "2022-06-28")]),
        # A reporting verb right after the date puts it behind: this past July, not next.
        ("In July, the minister said the port was mined.", [("July", "2021-07")]),
        # Far from the date only a verb's own cue counts, not "starting".
        (
            "After starting the year below $80 a barrel, oil spiked to nearly $129 in May.",
            [("May", "2022-05")],
        ),
        # "this Tuesday" is this week's.
        (
            "Figures show that as of this Tuesday 40 ships had left.",
            [("this Tuesday", "2022-06-21")],
        ),
        # A date joined to one ahead goes with it.
        ("The board meets in July and September.", [("July", "2022-07"), ("September", "2022-09")]),
        # The weekday picks the year of a month's day.
        ("The report was released on Thursday, June 30.", [("Thursday, June 30", "2022-06-30")]),
    ],
)
def test_direction_reaches_its_own_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Anaphoric units count from what the story last named, not from today.
        (
            "In March, the firm got an offer. The following month, it was sold.",
            ["2022-03", "2022-04"],
        ),
        (
            "Stocks fell on Friday, June 3, down from the previous Friday.",
            ["2022-06-03", "2022-05-27"],
        ),
        ("Prices doubled over the past decade.", ["P10Y"]),
        ("The march is held each July.", ["XXXX-07"]),
        ("Patrols pass every two hours.", ["PT2H"]),
        ("a day-long meeting", ["P1D"]),
        ("12 Jul 2022 22.37 Zelenskiy said", ["2022-07-12"]),
        ("Jan Egeland said", []),
        ("a second half equaliser", []),
        ("profit in the first half of 2021", ["2021-H1"]),
        ("food ran out during the year-long siege", ["P1Y"]),
        ("Minutes later, a second blast hit.", ["PTXM"]),
    ],
)
def test_anchors_and_lengths(text: str, expected: list[str]) -> None:
    assert [value for _, value in values(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left on June 3. They had arrived the day before.", ["2022-06-03", "2022-06-02"]),
        ("They had arrived the day before the vote.", []),
        ("On June 3 he flew to Kyiv and later in the day met the mayor.", ["2022-06-03"] * 2),
        ("Sales in the latest period rose 5%.", ["2022-Q1"]),
        ("He was jailed for two and a half years.", ["P2Y6M"]),
        ("Exports fell for three straight months.", ["P3M"]),
        ("It is the worst drought in half a century.", ["P50Y"]),
        ("In nineteen ninety-six he was convicted.", ["1996"]),
        ("January nineteen ninety-seven. Atlanta again.", ["1997-01"]),
        ("The plan was to finish by the year two thousand.", ["2000"]),
    ],
)
def test_more_timeml_conventions(text: str, expected: list[str]) -> None:
    assert [value for _, value in values(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Before the story names a day, "later" counts from the month or year it named, and is
        # no more precise than that: not from the publication date.
        (
            "Russia annexed Crimea in March 2014. Two months later, fighting broke out.",
            [("March 2014", "2014-03"), ("Two months later", "2014-05")],
        ),
        (
            "The separatists declared independence in 2014. Two years later, a truce was signed.",
            [("2014", "2014"), ("Two years later", "2016")],
        ),
        (
            "The invasion began in February. Three weeks later, troops withdrew from Kyiv.",
            [("February", "2022-02"), ("Three weeks later", "2022-03")],
        ),
        (
            "Crimea was annexed in March 2014. The next day, Putin spoke.",
            [("March 2014", "2014-03"), ("The next day", "2014-03")],
        ),
        # Once a day of the story is named, a year named in passing does not take over.
        (
            "On Tuesday troops entered the town, held by rebels since 2014. Two days later, "
            "they withdrew.",
            [("Tuesday", "2022-06-21"), ("2014", "2014"), ("Two days later", "2022-06-23")],
        ),
    ],
)
def test_later_counts_from_the_story_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_repeated_name_is_the_same_day() -> None:
    # The second "Tuesday" has no cue of its own: it is the Tuesday already placed ahead.
    text = (
        "Xi and Macron will hold talks on Monday. Tuesday will see Macron take Xi to the "
        "Pyrenees. Protesters gathered in Paris on Sunday. Analysts doubt Macron can sway Xi, "
        "even with a trip to the mountains on Tuesday."
    )
    monday = date(2024, 5, 6)
    assert [value for _, value in values(text, monday)] == [
        "2024-05-06",
        "2024-05-07",
        "2024-05-05",
        "2024-05-07",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ranges and "or so" belong to the expression.
        ("shipments resume within two to three weeks", [("two to three weeks", "P2W")]),
        ("the storm lasted three or four days", [("three or four days", "P3D")]),
        ("his term was cut from 5 to 3 years", [("3 years", "P3Y")]),
        ("he died within weeks or months of his capture", [("weeks or months", "PXW")]),
        ("the plant will close over the next year or so", [("the next year or so", "2023")]),
        ("Then, a week or so ago, he gave the order.", [("a week or so ago", "2022-W24")]),
        ("it will not turn a profit until 2024 or later", [("2024 or later", "2024")]),
        # Counts: "couple of" and halves of decades and centuries.
        ("over the next couple of years", [("the next couple of years", "P2Y")]),
        ("the empire ruled for a century and a half", [("a century and a half", "P150Y")]),
        ("hits of the 1970s and '80s", [("the 1970s", "197"), ("'80s", "198")]),
        # Weeks named by a day, times of day in words.
        ("a court hearing the week of July 4", [("the week of July 4", "2022-W27")]),
        ("the father will leave at 4 in the morning", [("4 in the morning", "2022-06-25T04:00")]),
        (
            "shares were up at mid-afternoon yesterday",
            [("mid-afternoon yesterday", "2022-06-24TAF")],
        ),
        # A time near an event the words do not date, and the name of a TV show.
        ("his car was seen in the weeks before the shooting", [("weeks", "XXXX-XX")]),
        ('the minister said on ABC\'s "This Week" program', []),
    ],
)
def test_spans_and_counts(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" looks ahead, unless the clause it ends is in the past perfect.
        ("Until Thursday, they had not called him a suspect.", "2022-06-23"),
        ("The curfew lasts until Thursday, officials said.", "2022-06-30"),
    ],
)
def test_until_follows_the_tense_of_its_clause(text: str, expected: str) -> None:
    assert [value for _, value in values(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A plan told in the past, or without a tense of its own, names the weekday nearest the
        # publication day, behind or ahead: a Saturday story's "Friday" is the day before ...
        ("Officials had planned to open the corridor on Friday.", date(2022, 4, 30), "2022-04-29"),
        ("The vote was scheduled for Friday.", date(2022, 4, 30), "2022-04-29"),
        ("Ministers joined a scheduled call on Friday.", date(2022, 4, 30), "2022-04-29"),
        ("He said aid would arrive later on Friday.", date(2022, 4, 30), "2022-04-29"),
        ("They met, with more talks starting on Monday.", date(2022, 4, 27), "2022-04-25"),
        ("The firm missed a deadline on Sunday.", date(2022, 4, 25), "2022-04-24"),
        # ... a Wednesday story's "Thursday" the day after.
        ("He said the minister would return on Thursday.", date(2022, 4, 27), "2022-04-28"),
        # Beyond a day or two behind, the plan is the coming day (a Monday story's "Friday").
        # The future of a report reaches back one day only: two days back it is ahead.
        ("Officials said he would return on Thursday.", date(2022, 6, 25), "2022-06-30"),
        ("The Kremlin said Putin would travel on Friday.", date(2022, 4, 25), "2022-04-29"),
        # A plan in the present or with "will" still lies ahead.
        ("The vote is scheduled for Friday.", date(2022, 4, 30), "2022-05-06"),
        ("The minister will visit Kyiv on Friday.", date(2022, 4, 30), "2022-05-06"),
        # Months keep a plan ahead: "would" does not send them back.
        ("He said the region would be freed by September.", date(2022, 7, 24), "2022-09"),
    ],
)
def test_a_plan_without_tense_is_the_day_just_past_or_the_coming_one(
    text: str, published: date, expected: str
) -> None:
    assert [t.value for t in find_timexes(text, published)] == [expected]


def test_a_relative_clause_keeps_its_own_future() -> None:
    # "that will" belongs to the bills, not to the day they were passed (a Friday story).
    text = "Parliament passed two bills on Wednesday that will tighten state control."
    assert values(text, date(2022, 7, 8)) == [("Wednesday", "2022-07-06")]
    # Without such a clause the cue after the date is its own.
    assert values("On Wednesday, parliament will vote.", date(2022, 7, 8)) == [
        ("Wednesday", "2022-07-13")
    ]


def test_quarter_finals_are_no_quarter() -> None:
    assert values("City reached the quarter-finals after a draw.") == []
    assert values("Earnings for the quarter rose.", date(1989, 10, 25)) == [
        ("the quarter", "1989-Q3")
    ]


def test_a_range_ending_after_a_report_keeps_its_start_side() -> None:
    text = "The army plans drills from 30 August to 5 September, agencies reported on Tuesday."
    assert values(text, date(2022, 7, 27))[:2] == [
        ("30 August", "2022-08-30"),
        ("5 September", "2022-09-05"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A time zone between the clock and the day keeps them one time on that day.
        ("The vote will close at 8 p.m. ET on Tuesday.", date(2024, 4, 8), "2024-04-09T20:00"),
        ("A drone hit at 9 p.m. CET Tuesday, police said.", date(2024, 4, 11), "2024-04-09T21:00"),
        (
            "The corridor opens from 2pm Moscow time on 25 April.",
            date(2022, 4, 24),
            "2022-04-25T14:00",
        ),
    ],
)
def test_a_clock_in_a_time_zone_takes_its_day(text: str, published: date, expected: str) -> None:
    assert [t.value for t in find_timexes(text, published)] == [expected]


def test_a_clock_set_aside_in_another_zone_is_on_the_same_day() -> None:
    text = "Russia said it would open a corridor at 2pm (11am GMT) on Monday."
    assert values(text, date(2022, 4, 23)) == [
        ("2pm", "2022-04-25T14:00"),
        ("11am GMT", "2022-04-25T11:00"),
        ("Monday", "2022-04-25"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A Tuesday story: the offer was made for the coming day, not last week's.
        ("Moscow offered a ceasefire for Wednesday.", date(2022, 4, 19), "2022-04-20"),
        ("Russia agreed to a truce starting Wednesday.", date(2024, 4, 8), "2024-04-10"),
        # A Thursday story: the day aimed at has just passed.
        ("Moscow offered a ceasefire for Wednesday.", date(2022, 4, 21), "2022-04-20"),
    ],
)
def test_a_day_an_arrangement_is_made_for_lies_ahead_of_the_past_sentence(
    text: str, published: date, expected: str
) -> None:
    assert [t.value for t in find_timexes(text, published)] == [expected]


def test_the_day_aimed_at_does_not_move_the_story() -> None:
    text = (
        "On Tuesday evening, the ministry offered a ceasefire for Wednesday. "
        "Earlier in the day, it issued an ultimatum."
    )
    assert values(text, date(2022, 4, 19))[1:] == [
        ("Wednesday", "2022-04-20"),
        ("Earlier in the day", "2022-04-19"),
    ]


def test_a_range_of_weekdays_ends_after_it_starts() -> None:
    # A Thursday story: the truce runs from yesterday to tomorrow.
    text = "Moscow announced a truce from Wednesday to Friday."
    assert values(text, date(2024, 4, 11)) == [
        ("Wednesday", "2024-04-10"),
        ("Friday", "2024-04-12"),
    ]


def test_centuries_name_their_years() -> None:
    (timex,) = find_timexes("a fortress built in the 18th century", SATURDAY)
    assert timex.value == "17" and timex.date is not None
    assert (timex.date.start, timex.date.end) == (date(1700, 1, 1), date(1799, 12, 31))
    assert [t.value for t in find_timexes("the eighteenth century and the 1700s", SATURDAY)] == [
        "17",
        "17",
    ]


def test_a_century_still_running_dates_no_news() -> None:
    (timex,) = find_timexes("the biggest war in Europe in the 21st century", SATURDAY)
    assert timex.value == "20" and timex.date is None


def test_the_weekend_is_its_saturday_and_sunday() -> None:
    (timex,) = find_timexes("Fighting raged over the weekend.", date(2022, 6, 27))
    assert timex.value == "2022-W25-WE" and timex.date is not None
    assert (timex.date.start, timex.date.end) == (date(2022, 6, 25), date(2022, 6, 26))


def test_a_happening_expected_in_a_past_report_lies_ahead() -> None:
    # A Monday story: the meeting he expected is the coming Tuesday, not last week's.
    text = "Zelenskiy said he expected a UN security council meeting on Tuesday."
    assert values(text, date(2022, 4, 4)) == [("Tuesday", "2022-04-05")]


def test_a_since_clause_keeps_its_month_behind() -> None:
    # "would" belongs to the main clause; the invasion in February lies behind an April story.
    text = "It would be its biggest prize since it invaded Ukraine in February."
    assert values(text, date(2022, 4, 19)) == [("February", "2022-02")]


def test_a_month_or_season_after_a_possessive_dates_its_event() -> None:
    text = "Aid has flowed since Russia's February invasion, before Ukraine's summer offensive."
    assert values(text, date(2023, 7, 11)) == [("February", "2023-02"), ("summer", "2023-SU")]


def test_a_time_word_glued_to_a_name_is_no_time() -> None:
    text = "The platform Visit Ukraine.Today last month launched day tours."
    assert values(text, date(2022, 8, 9)) == [("last month", "2022-07")]


def test_a_weekday_evening_keeps_its_part_of_day() -> None:
    (timex,) = find_timexes("The ministry spoke on Tuesday evening.", date(2022, 4, 19))
    assert timex.value == "2022-04-19TEV" and timex.date is not None
    assert timex.date.start == date(2022, 4, 19)


def test_later_in_the_day_after_a_background_month_is_the_story_day() -> None:
    text = "A cameraman was killed there in March 2022. Later in the day, the premier met an actor."
    assert values(text, date(2023, 7, 19))[1:] == [("Later in the day", "2023-07-19")]


def test_a_plain_future_verb_owns_a_weekday_at_the_end_of_a_long_clause() -> None:
    # A Wednesday story: the talks are the coming Thursday, not the one just past.
    text = (
        "Guterres will hold talks in the western Ukrainian city of Lviv with President "
        "Volodymyr Zelensky and Turkish counterpart Recep Tayyip Erdogan on Thursday."
    )
    assert values(text, date(2022, 8, 17)) == [("Thursday", "2022-08-18")]


def test_a_participle_after_a_future_verb_keeps_its_own_past_date() -> None:
    # The reservists were mobilised on the Thursday just past, whatever "will" says far before.
    text = (
        "The ministry will send the new battalions to the front together with the reservists "
        "mobilised in the eastern regions on Thursday."
    )
    assert values(text, date(2022, 8, 17)) == [("Thursday", "2022-08-11")]


def test_a_count_later_after_a_background_month_counts_from_that_month() -> None:
    # The story's day is a Saturday of July; "two weeks later" is in March, not August.
    text = (
        "On Saturday, the military spoke. Russian forces retreated from the north in March "
        "and reappeared in the Donbas two weeks later."
    )
    assert values(text, date(2022, 7, 31))[-1] == ("two weeks later", "2022-03")


def test_one_day_after_a_modal_is_an_unsaid_future() -> None:
    text = "Washington fears China might one day attempt to take over Taiwan."
    assert find_timexes(text, date(2022, 7, 10))[0].value == "FUTURE_REF"


def test_a_programme_called_today_is_no_date() -> None:
    text = "Speaking on BBC Radio 4's Today programme, Jenrick said the men are prisoners of war."
    assert find_timexes(text, date(2022, 6, 10)) == []


def test_a_month_after_a_describing_word_dates_its_event() -> None:
    text = "Russia may gain ground before the key June date, after a crucial March vote."
    assert values(text, date(2024, 5, 6)) == [("June", "2024-06"), ("March", "2024-03")]


def test_bare_days_after_an_event_are_a_time_near_it() -> None:
    (timex,) = find_timexes(
        "Just weeks after the invasion, explosions rocked the region.", date(2024, 5, 2)
    )
    assert (timex.span.text, timex.type, timex.value, timex.date) == (
        "weeks",
        "DATE",
        "XXXX-XX",
        None,
    )


MARCH_21_2013 = date(2013, 3, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A dozen years ago, the city flooded.", [("A dozen years ago", "2001")]),
        ("He served half a dozen years in prison.", [("half a dozen years", "P6Y")]),
        ("after a quarter century in power", [("a quarter century", "P25Y")]),
        ("It was a full decade of growth.", [("a full decade", "P10Y")]),
        ("Students need an extra year of study.", [("an extra year", "P1Y")]),
    ],
)
def test_counted_lengths_in_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, MARCH_21_2013) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("growth in the second half of the year", ("the second half of the year", "2013-H2")),
        ("in the first half of last year", ("the first half of last year", "2012-H1")),
        ("The first half of next year", ("The first half of next year", "2014-H1")),
        (
            "it shrank in the fourth quarter of last year",
            ("the fourth quarter of last year", "2012-Q4"),
        ),
        ("in the fourth quarter of this year", ("the fourth quarter of this year", "2013-Q4")),
    ],
)
def test_a_part_of_a_year_named_in_words_is_one_expression(
    text: str, expected: tuple[str, str]
) -> None:
    assert values(text, MARCH_21_2013) == [expected]


def test_the_year_end_is_no_year_of_a_half() -> None:
    assert values("the second half of the year-end period", MARCH_21_2013) == [
        ("the second half", "2013-H2")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the 99th day of his hunger strike", ("the 99th day", "XXXX-XX-XX")),
        ("He would act on his first day in office.", ("first day", "XXXX-XX-XX")),
        ("Shares fell for a second straight day.", ("second straight day", "XXXX-XX-XX")),
        # Said to be today's day of the count: the report's own day.
        ("It's the second day of an offensive by the army.", ("the second day", "2013-03-21")),
        ("Today is the eighth day of the blockade.", ("the eighth day", "2013-03-21")),
    ],
)
def test_a_counted_day_of_an_event_is_a_date(text: str, expected: tuple[str, str]) -> None:
    found = [(t.span.text, t.value) for t in find_timexes(text, MARCH_21_2013) if t.type == "DATE"]
    assert expected in found


def test_a_counted_day_of_an_event_dates_nothing() -> None:
    (timex,) = find_timexes("On the third day, he rose.", MARCH_21_2013)
    assert (timex.type, timex.date) == ("DATE", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will take years to rebuild the city.", [("years", "PXY")]),
        ("It has been decades since the last eruption.", [("decades", "PXY")]),
        ("Years of war have left the city in ruins.", [("Years", "PXY")]),
        ("The talks lasted weeks.", [("weeks", "PXW")]),
    ],
)
def test_an_unmeasured_length_a_verb_takes(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, MARCH_21_2013) == expected


def test_a_bare_plural_before_old_is_an_age() -> None:
    assert values("The town has been years old.", MARCH_21_2013) == []
