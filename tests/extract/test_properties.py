"""Any text at all — empty, huge, binary-ish, odd Unicode, broken HTML — parses without error."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract import parse_article

NEWSY = st.sampled_from(
    [
        "on Saturday",
        "Feb. 24",
        " in May ",
        "Kharkiv",
        " said ",
        "Donbas",
        ", ",
        ". ",
        "\n\n",
        "<p>",
        "</div>",
        "2022",
        "two days later",
        "\u201c",
        "\x00",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=600),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=80).map("".join),
    st.binary(max_size=400).map(lambda b: b.decode("latin-1")),
)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_any_text_parses_with_consistent_spans(text: str, published: date) -> None:
    parsed = parse_article(text, published)
    for timex in parsed.timexes:
        assert text[timex.span.start : timex.span.end] == timex.span.text
    for place in parsed.places:
        assert text[place.span.start : place.span.end] == place.span.text
    for event in parsed.events:
        assert 0 <= event.evidence.start <= event.evidence.end <= len(text)
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.date.start <= event.date.end


def test_a_huge_article_with_thousands_of_dates_parses() -> None:
    text = "Troops shelled Kharkiv on Friday, officials said. " * 4000
    parsed = parse_article(text, date(2022, 6, 25))
    assert len(parsed.events) == 1  # the same sentence repeated is one event
    assert len(parsed.timexes) == 4000
