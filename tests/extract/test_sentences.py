"""Sentence splitting: an event's evidence is one sentence, so a wrong split cuts it in two."""

from __future__ import annotations

import pytest

from app.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A U.S. Army soldier was detained in Russia. He was arrested last week.",
            ["A U.S. Army soldier was detained in Russia.", "He was arrested last week."],
        ),
        ("The U.K. Defence Ministry said so.", ["The U.K. Defence Ministry said so."]),
        (
            "Aid came from the U.S. Officials said more would follow.",
            ["Aid came from the U.S.", "Officials said more would follow."],
        ),
        ("Troops crossed on Feb. 24 at dawn.", ["Troops crossed on Feb. 24 at dawn."]),
        (
            '"48 missiles. At night," he said. The city was hit.',
            ['"48 missiles. At night," he said.', "The city was hit."],
        ),
    ],
)
def test_abbreviations_and_quotations_do_not_end_a_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
