"""Compiled patterns that skip their scan when the text lacks every string a match must hold.

Most event cues match few sentences: "according to the assessment" needs "assess" or
"analysis", a handle needs "@" or "#". Looking for those strings in the sentence's lower case
costs far less than running the regex over it, and a text without them cannot match, so the
answer is the same as the plain pattern's.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

from app.extract.timex.pattern_bounds import UNFOLDED, required_literals


@lru_cache(maxsize=2048)  # a sentence is asked by many patterns in a row
def _folded(text: str) -> str | None:
    """The text's lower case, or None when it is not letter for letter the one the regex engine
    compares ("İ" lowers to two characters, "ſ" matches an "s"): then no pattern is skipped."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(letter in lowered for letter in UNFOLDED):
        return None
    return lowered


class GuardedPattern:
    """A compiled pattern with the strings one of which its every match holds (see
    timex/pattern_bounds.py); each method answers exactly as the pattern's own."""

    __slots__ = ("compiled", "literals")

    def __init__(self, compiled: re.Pattern[str], literals: frozenset[str]) -> None:
        self.compiled = compiled
        self.literals = literals

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _lacks(self, text: str) -> bool:
        """The text holds none of the strings, so the pattern cannot match anywhere in it."""
        lowered = _folded(text)
        return lowered is not None and not any(map(lowered.__contains__, self.literals))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._lacks(text) else self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._lacks(text) else self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._lacks(text) else self.compiled.fullmatch(text, pos, endpos)

    def sub(self, repl: str, text: str) -> str:
        return text if self._lacks(text) else self.compiled.sub(repl, text)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return iter(()) if self._lacks(text) else self.compiled.finditer(text, pos, endpos)


Pattern = re.Pattern[str] | GuardedPattern


def guarded(compiled: re.Pattern[str], literals: frozenset[str] | None = None) -> Pattern:
    """The pattern behind a guard of its required strings: `literals` (lower case) when the
    caller knows them, else those read from the pattern; itself when none are known (a guard
    that never skips would only add a call). Worth it for a pattern whose strings most texts
    lack; one whose strings stand in most sentences ("he", "it") is better left plain."""
    if literals is None:
        literals = required_literals(compiled)
    return compiled if literals is None else GuardedPattern(compiled, literals)
