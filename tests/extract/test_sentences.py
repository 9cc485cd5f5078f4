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


def _split(text: str) -> list[str]:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'He said there can be "no impunity for war crimes." On Wednesday, the council met.',
            [
                'He said there can be "no impunity for war crimes."',
                "On Wednesday, the council met.",
            ],
        ),
        (
            "It was \u201ccomparable to the darkest pages.\u201d Officials met on Friday.",
            ["It was \u201ccomparable to the darkest pages.\u201d", "Officials met on Friday."],
        ),
        (
            '"We will not retreat!" On Monday, troops moved east.',
            ['"We will not retreat!"', "On Monday, troops moved east."],
        ),
        # Mixed styles: a curly opening quote closed by a straight one, or by two apostrophes.
        (
            'Known as the \u201cbreadbasket of Europe," Ukraine exported wheat last year. '
            "According to a report, exports fell.",
            [
                'Known as the \u201cbreadbasket of Europe," Ukraine exported wheat last year.',
                "According to a report, exports fell.",
            ],
        ),
        (
            "\u201cMore effort is needed,\u2019\u2019 said the envoy. "
            "\u201cFunding fell by half.\u201d",
            [
                "\u201cMore effort is needed,\u2019\u2019 said the envoy.",
                "\u201cFunding fell by half.\u201d",
            ],
        ),
        # A new quotation opens after a sentence whose quotation was never closed.
        (
            "\u201cWe decided to withdraw. \u201cResources are needed.\u201d Troops left the city.",
            [
                "\u201cWe decided to withdraw.",
                "\u201cResources are needed.\u201d",
                "Troops left the city.",
            ],
        ),
    ],
)
def test_a_closed_quotation_ends_its_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Why now?" he asked. The talks ended.', ['"Why now?" he asked.', "The talks ended."]),
        (
            "\u201cWho gave the order?\u201d Ukraine\u2019s air force asked on Facebook. "
            "Talks ended.",
            [
                "\u201cWho gave the order?\u201d Ukraine\u2019s air force asked on Facebook.",
                "Talks ended.",
            ],
        ),
        (
            "\u201cWe will win.\u201d He said that the talks had failed.",
            ["\u201cWe will win.\u201d", "He said that the talks had failed."],
        ),
    ],
)
def test_a_quotation_keeps_its_attribution(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Radars tracked targets (possible drones?) above the city on Sunday.",
        "Troops held the front lines... despite heavy losses.",
        "Prices rose 3.4 percent in May.",
    ],
)
def test_punctuation_before_a_lower_case_word_does_not_end_a_sentence(text: str) -> None:
    assert _split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Asked about a truce, the answer was no. Officials said talks would resume.",
            ["Asked about a truce, the answer was no.", "Officials said talks would resume."],
        ),
        ("The brigade ranked No. 5 on the list.", ["The brigade ranked No. 5 on the list."]),
        (
            "The strike hit at 5 p.m. Officials said two people died.",
            ["The strike hit at 5 p.m.", "Officials said two people died."],
        ),
        (
            "Sirens sounded at 5 p.m. Kyiv time on Monday.",
            ["Sirens sounded at 5 p.m. Kyiv time on Monday."],
        ),
        ("Sirens sounded at 9 a.m. GMT on Monday.", ["Sirens sounded at 9 a.m. GMT on Monday."]),
        (
            "Retired U.S. Admiral James Stavridis spoke.",
            ["Retired U.S. Admiral James Stavridis spoke."],
        ),
        ("The U.N. Security Council met in May.", ["The U.N. Security Council met in May."]),
        (
            "The draft went to the U.N. Russia vetoed it.",
            ["The draft went to the U.N.", "Russia vetoed it."],
        ),
        (
            "Wuhan Optics Co. Ltd. and two others supply lenses.",
            ["Wuhan Optics Co. Ltd. and two others supply lenses."],
        ),
        (
            "Shelling hit Kharkiv, Donbas, etc. They are massing forces.",
            ["Shelling hit Kharkiv, Donbas, etc.", "They are massing forces."],
        ),
        (
            "Lt. Gen. Ben Hodges and Sen. Mark Kelly spoke.",
            ["Lt. Gen. Ben Hodges and Sen. Mark Kelly spoke."],
        ),
        ("Foreign Secretary D. Cameron spoke.", ["Foreign Secretary D. Cameron spoke."]),
    ],
)
def test_abbreviations_end_a_sentence_only_before_a_new_one(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_list_markers_bullets_and_headings() -> None:
    text = (
        "Key developments\n\n1. Five killed as Russia hits rail lines\n\n"
        "Russia struck depots on Monday.\n\n\u00b7 Russian forces advanced near Kreminna.\n\n"
        "\u2022 Kyiv said so."
    )
    assert _split(text) == [
        "Key developments",
        "1. Five killed as Russia hits rail lines",
        "Russia struck depots on Monday.",
        "Russian forces advanced near Kreminna.",
        "Kyiv said so.",
    ]


def test_a_live_blog_entrys_time_stamp_is_no_part_of_its_first_sentence() -> None:
    text = (
        "From 20 Aug 2022 01.15 Missiles struck Odesa on Friday.\n\n"
        "20 Aug 2022 00.10 Talks went on. They ended at 20 Aug 2022 00.05 sharp."
    )
    assert _split(text) == [
        "Missiles struck Odesa on Friday.",
        "Talks went on.",
        "They ended at 20 Aug 2022 00.05 sharp.",
    ]


def test_an_embedded_post_is_its_text_link_and_credit() -> None:
    text = (
        "Heavy shelling in the city. pic.twitter.com/abc \u2014 Jane Doe (@jdoe) July 12, 2022 "
        "Zelenskiy spoke on Tuesday.\n\nBlasts were heard above the city:\n\n"
        "pic.twitter.com/xyz \u2014 John Roe (@jroe) May 1, 2022\n\n"
        "Aid arrived. \u2014 Kyiv Daily (@KyivDaily) May 2, 2022"
    )
    assert _split(text) == [
        "Heavy shelling in the city. pic.twitter.com/abc \u2014 Jane Doe (@jdoe) July 12, 2022",
        "Zelenskiy spoke on Tuesday.",
        "Blasts were heard above the city:\n\n"
        "pic.twitter.com/xyz \u2014 John Roe (@jroe) May 1, 2022",
        "Aid arrived. \u2014 Kyiv Daily (@KyivDaily) May 2, 2022",
    ]
