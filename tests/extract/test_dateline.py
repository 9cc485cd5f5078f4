"""Publication dates typed by users, and dates inferred from the article when none is given."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.dateline import infer_published, parse_date_field


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-25", date(2022, 6, 25)),
        ("25 June 2022", date(2022, 6, 25)),
        ("June 25, 2022", date(2022, 6, 25)),
        ("25.06.2022", date(2022, 6, 25)),
        ("06/07/2022", date(2022, 7, 6)),  # day first, as outside the US
        ("  2022-06-25  ", date(2022, 6, 25)),
        ("", None),
        ("soon", None),
        ("31/31/2022", None),
        ("June 2022", None),  # a month is not a publication date
        ("1066-10-14", None),  # outside the range a news article can have
    ],
)
def test_parse_date_field(value: str, expected: date | None) -> None:
    assert parse_date_field(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, June 25, 2022 - Troops left the city on Friday.", date(2022, 6, 25)),
        (
            "Troops left.\n\nOn 3 March 2022 talks began; on 7 March 2022 they stalled.",
            date(2022, 3, 7),
        ),
        ("Troops left the city on Friday, officials said.", None),
        ("", None),
    ],
)
def test_infer_published(text: str, expected: date | None) -> None:
    assert infer_published(text) == expected
