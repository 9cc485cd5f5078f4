"""Regex alternations of long phrase lists that stay fast."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence


def phrase_alternation(phrases: Sequence[str], body: Callable[[str], str]) -> str:
    """The phrases' patterns (`body(phrase)`, each starting with the phrase's first character)
    as one alternation, grouped under a look-ahead for that character.

    A plain alternation of a hundred phrases tries every one at every position; a group is
    entered only where its first character stands. Phrases that start with another character
    cannot match there, so the first phrase (in the given order) that matches is the same as in
    the plain alternation: the result matches exactly what `"|".join(map(body, phrases))` does.
    The look-ahead ignores case, so the groups serve case-sensitive patterns too.
    """
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[:1].lower(), []).append(body(phrase))
    return "|".join(
        f"(?=(?i:{re.escape(first)}))(?:{'|'.join(bodies)})" for first, bodies in groups.items()
    )
