"""A fourth round of what a careful reader would not put on the timeline, found on unseen
articles: a date weeks back inside a relative clause ("Kherson, which fell in early March"),
a sentence that only sets the news beside a plan or a trend ("It comes as ..."), and a figure
changed by a fraction over a year."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article
from app.extract.types import Event

PUBLISHED = date(2022, 7, 24)  # a Sunday
NEWS = "Russian missiles struck the port of Odesa on Saturday, the regional governor said.\n\n"


def events_of(text: str) -> list[Event]:
    return parse_article(text, PUBLISHED).events


def test_a_date_weeks_back_in_a_relative_clause_dates_no_happening() -> None:
    text = (
        NEWS + "The mayor, who was detained by Russian forces in early March, was released on "
        "Saturday after talks, officials said.\n\n"
        "The mayor's deputy, who fled the city in April, has since returned."
    )
    events = events_of(text)
    assert not any(e.date.value.startswith(("2022-03", "2022-04")) for e in events)
    released = [e for e in events if "was released" in e.evidence.text]
    assert [e.date.value for e in released] == ["2022-07-23"]


def test_a_recent_date_in_a_relative_clause_still_dates_the_news() -> None:
    text = NEWS + "Kherson, which Russian troops shelled on Friday, lost power, officials said."
    dates = [e.date.value for e in events_of(text) if "Kherson" in e.evidence.text]
    assert dates == ["2022-07-22"]


def test_a_month_in_a_relative_clause_dates_the_noun_even_when_it_is_this_month() -> None:
    text = (
        "The new commander, who was appointed earlier this month, said Ukrainian troops had "
        "withdrawn from the town of Avdiivka."
    )
    assert [e.date.value for e in events_of(text)] == [PUBLISHED.isoformat()]


def test_a_sentence_that_sets_the_news_beside_a_plan_or_a_trend_is_context() -> None:
    text = (
        NEWS + "It comes as the foreign minister is due to give a speech on Monday.\n\n"
        "The meeting comes as the US has accused Iran of supplying drones."
    )
    evidence = [e.evidence.text for e in events_of(text)]
    assert any("regional governor said" in e for e in evidence)
    assert not any("comes as" in e for e in evidence)


def test_a_happening_told_in_the_past_after_the_link_is_news() -> None:
    text = NEWS + "The strike came hours after Russia signed a grain deal in Istanbul on Friday."
    assert any("came hours after" in e.evidence.text for e in events_of(text))


def test_a_figure_changed_by_a_fraction_over_a_year_is_a_statistic() -> None:
    text = NEWS + "The number of migrants reaching Spain in small boats in 2021 rose by a fifth."
    assert not any("rose by a fifth" in e.evidence.text for e in events_of(text))
