"""Small deterministic articles of our own for tests."""

from __future__ import annotations

from typing import Any

# Written for the tests (not copied from any outlet). Published on Saturday 2022-06-25.
SIEGE_TEXT = (
    "Ukrainian troops withdrew from Sievierodonetsk after weeks of fighting, the regional "
    "governor said on Saturday.\n\n"
    "Russian forces shelled the Azot industrial zone on Friday, he added.\n\n"
    "In the south, two cruise missiles hit Mykolaiv on Saturday, the mayor said."
)


def article_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "title": "Troops withdraw from Sievierodonetsk",
        "published": "2022-06-25",
        "source": "Test wire",
        "url": None,
        "text": SIEGE_TEXT,
    }
    payload.update(overrides)
    return payload
