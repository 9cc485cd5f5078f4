"""The grouped phrase alternation matches exactly what the plain alternation matches."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.extract.alternation import phrase_alternation

WORDS = st.text(alphabet="abAB s-", min_size=1, max_size=6)


def _escaped(phrase: str) -> str:
    return re.escape(phrase)


@given(st.lists(WORDS, min_size=1, max_size=8), st.text(alphabet="abAB s-.", max_size=40))
def test_same_matches_as_the_plain_alternation(phrases: list[str], text: str) -> None:
    for flags in (0, re.IGNORECASE):
        plain = re.compile("|".join(map(_escaped, phrases)), flags)
        grouped = re.compile(phrase_alternation(phrases, _escaped), flags)
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_first_listed_phrase_wins_as_in_a_plain_alternation() -> None:
    pattern = re.compile(phrase_alternation(["air", "air strike", "drone"], _escaped))
    assert pattern.search("an air strike").group() == "air"
    pattern = re.compile(phrase_alternation(["air strike", "air"], _escaped))
    assert pattern.search("an air strike").group() == "air strike"


def test_an_empty_phrase_matches_as_in_a_plain_alternation() -> None:
    phrases = ["air", "", "drone"]
    plain = re.compile("|".join(map(_escaped, phrases)))
    grouped = re.compile(phrase_alternation(phrases, _escaped))
    for text in ("an air strike", "drone", ""):
        assert [m.span() for m in grouped.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
