"""News clauses the event rules must not reject: a stance taken in the past tense, a perfect
beside an earlier dated happening, a second report after a pause, a lead in the perfect of an
irregular verb, and a happening recalled with its full day years back."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article

SATURDAY = date(2022, 6, 25)


def dated_texts(text: str, published: date = SATURDAY) -> list[tuple[str, str]]:
    return [(e.date.value, e.evidence.text) for e in parse_article(text, published).events]


def test_a_stance_taken_in_the_past_tense_is_the_days_news() -> None:
    text = "Intro.\n\nThe foreign minister dismissed the proposal for talks in Mariupol as a stunt."
    assert dated_texts(text) == [
        (
            "2022-06-25",
            "The foreign minister dismissed the proposal for talks in Mariupol as a stunt.",
        )
    ]


def test_a_stance_in_the_passive_or_describing_a_noun_is_no_news() -> None:
    assert dated_texts("Intro line.\n\nThe general was accused of negligence.") == []
    assert dated_texts("Intro line.\n\nThe report lists officials accused of graft.") == []


def test_a_perfect_beside_an_earlier_dated_happening_is_two_events() -> None:
    text = (
        "The governor has urged residents to leave the town after the fall of Lysychansk on "
        "Thursday."
    )
    assert dated_texts(text) == [
        ("2022-06-25", "The governor has urged residents to leave the town"),
        ("2022-06-23", "after the fall of Lysychansk on Thursday."),
    ]


def test_a_simple_past_beside_a_dated_happening_keeps_its_day() -> None:
    text = "The minister said at a news conference after the talks on Thursday that aid would come."
    assert [value for value, _ in dated_texts(text)] == ["2022-06-23"]


def test_a_second_report_after_a_pause_is_the_days_news() -> None:
    text = (
        "The mayor said ten houses were shelled on Thursday – while officials later said two "
        "people were killed in a strike on the market."
    )
    assert [value for value, _ in dated_texts(text)] == ["2022-06-23", "2022-06-25"]


def test_the_same_source_going_on_after_a_pause_is_one_event() -> None:
    text = (
        "On Thursday, the minister said the offensive would go on – but added that troops were "
        "told to spare civilians."
    )
    assert len(dated_texts(text)) == 1


def test_a_lead_in_the_perfect_of_an_irregular_verb_is_news() -> None:
    text = "The prime minister has made a surprise visit to Kyiv.\n\nMore text follows here."
    assert dated_texts(text)[0] == (
        "2022-06-25",
        "The prime minister has made a surprise visit to Kyiv.",
    )


def test_a_full_day_years_back_dates_a_recalled_happening_but_a_year_does_not() -> None:
    published = date(2024, 4, 24)
    recalled = "Russian forces struck a TV tower in Kyiv on March 1, 2022."
    assert dated_texts(recalled, published) == [("2022-03-01", recalled)]
    assert dated_texts("Russian forces seized the peninsula in 2014.", published) == []


def test_the_negated_half_of_a_happening_is_no_standing_state() -> None:
    reported = (
        "Russian forces have taken most of the town but have not surrounded it, the governor of "
        "the Luhansk region has said."
    )
    assert [value for value, _ in dated_texts(reported)] == ["2022-06-25"]
    assert dated_texts("Intro line.\n\nRussia has not claimed the attack, the governor said.") == []


def test_a_source_taking_a_stance_after_its_statement_is_no_restatement() -> None:
    text = (
        "Intro.\n\nStoltenberg said the blasts in Kharkiv were sabotage. Stoltenberg dismissed "
        "suggestions that Russia was dragging Nato into the war.\n\nStoltenberg said it was "
        "“not part of this conflict.”"
    )
    assert [text for _, text in dated_texts(text)] == [
        "Stoltenberg said the blasts in Kharkiv were sabotage.",
        "Stoltenberg dismissed suggestions that Russia was dragging Nato into the war.",
    ]
