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


def _fold(text: str) -> str | None:
    """The text's lower case, or None when it is not letter for letter the one the regex engine
    compares ("İ" lowers to two characters, "ſ" matches an "s"): then no pattern is skipped."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(letter in lowered for letter in UNFOLDED):
        return None
    return lowered


_folded = lru_cache(maxsize=2048)(_fold)  # a sentence is asked by many patterns in a row


class GuardedPattern:
    """A compiled pattern with the strings one of which its every match holds (see
    timex/pattern_bounds.py); each method answers exactly as the pattern's own."""

    __slots__ = ("_checked", "compiled", "literals")

    def __init__(self, compiled: re.Pattern[str], literals: frozenset[str]) -> None:
        self.compiled = compiled
        self.literals = literals
        self._checked = _fewest_checks(literals)

    @property
    def pattern(self) -> str:
        return self.compiled.pattern

    def _lacks(self, text: str) -> bool:
        """The text holds none of the strings, so the pattern cannot match anywhere in it."""
        lowered = _folded(text)
        return lowered is not None and not any(map(lowered.__contains__, self._checked))

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


def _fewest_checks(literals: frozenset[str]) -> tuple[str, ...]:
    """The strings to look for, answering as all of them do: a string holding another is left
    out ("analysts" holds "analyst"), and the shortest come first, being the likeliest to stand
    in a text and so end the look early. The guards are asked about every sentence, so their
    own cost counts."""
    kept = [s for s in literals if not any(other != s and other in s for other in literals)]
    return tuple(sorted(kept, key=lambda s: (len(s), s)))


Pattern = re.Pattern[str] | GuardedPattern


def guarded(compiled: re.Pattern[str], literals: frozenset[str] | None = None) -> Pattern:
    """The pattern behind a guard of its required strings: `literals` (lower case) when the
    caller knows them, else those read from the pattern; itself when none are known (a guard
    that never skips would only add a call). Worth it for a pattern whose strings most texts
    lack; one whose strings stand in most sentences ("he", "it") is better left plain."""
    if literals is None:
        literals = required_literals(compiled)
    return compiled if literals is None else GuardedPattern(compiled, literals)


def finditer_from(
    pattern: re.Pattern[str], text: str, openings: frozenset[str]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose every match is non-empty and opens with one of
    `openings` (lower case): the pattern is tried only where one of them stands. Over a whole
    article a plain scan tries every character; the openings of a rare phrase stand a few times.
    """
    lowered = _fold(text)
    if lowered is None:
        yield from pattern.finditer(text)
        return
    scanned_to = 0  # like finditer, a match starts after the one before it ends
    for start in sorted({at for opening in openings for at in _occurrences(lowered, opening)}):
        match = pattern.match(text, start) if start >= scanned_to else None
        if match is not None:
            scanned_to = match.end()
            yield match


def _occurrences(text: str, string: str) -> Iterator[int]:
    at = text.find(string)
    while at >= 0:
        yield at
        at = text.find(string, at + 1)
