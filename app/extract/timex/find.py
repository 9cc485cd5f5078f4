"""Find temporal expressions: apply every grammar rule, keep the longest non-overlapping matches."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from app.extract.timex.grammar import Rule, rules
from app.extract.timex.pattern_bounds import UNFOLDED


@dataclass(frozen=True)
class Candidate:
    """A rule's match, not yet normalised: its span and the named groups it captured."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


WINDOW_BEFORE, WINDOW_AFTER = 60, 30  # around an anchor: "about three more days", "the past year"
# A word joined to the one before by a dot without a space is part of a name or web address
# ("the platform Visit Ukraine.Today"), not a time of its own.
GLUED_TO_NAME = re.compile(r"[^\W\d_]\.$")


class _Text:
    """One text as every rule sees it: its lower case and which strings it holds, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # Rules are skipped by their literals only where the lower case is letter for letter the
        # one the regex engine compares ("İ" lowers to two characters, "ſ" matches an "s").
        self.folds = len(self.lowered) == len(text) and not any(
            letter in self.lowered for letter in UNFOLDED
        )
        self._held: dict[str, bool] = {}
        # Each anchor's spans: many rules share one (month names).
        self.anchors: dict[re.Pattern[str], list[tuple[int, int]]] = {}

    def holds(self, word: str) -> bool:
        held = self._held.get(word)
        if held is None:
            held = self._held[word] = word in self.lowered
        return held

    def may_match(self, literals: frozenset[str] | None) -> bool:
        """False when the text lacks every string of which a match must hold one."""
        return literals is None or not self.folds or any(map(self.holds, literals))

    def window_may_match(self, literals: frozenset[str] | None, start: int, end: int) -> bool:
        if literals is None or not self.folds:
            return True
        return any(self.lowered.find(word, start, end) >= 0 for word in literals)

    def anchor_spans(self, rule: Rule) -> list[tuple[int, int]]:
        assert rule.anchor is not None
        spans = self.anchors.get(rule.anchor)
        if spans is None:
            found = self.finditer(rule.anchor, rule.anchor_literals, rule.anchor_reach)
            spans = self.anchors[rule.anchor] = [key.span() for key in found]
        return spans

    def finditer(
        self, pattern: re.Pattern[str], literals: frozenset[str] | None, reach: int | None
    ) -> Iterator[re.Match[str]]:
        """pattern.finditer(text), searching only where a match can start when that is known.

        A match holds one of `literals` and reads at most `reach` characters from its start, so
        it starts at most `reach` before one of their places in the text and at the latest on
        it. Cut to such stretches, a search reads just what it would over the whole text, and
        the long stretches between (where the regex engine is slow) are skipped.
        """
        if literals is None or not self.folds:
            yield from pattern.finditer(self.text)
            return
        if not self.may_match(literals):
            return
        if reach is None:
            yield from pattern.finditer(self.text)
            return
        end = 0  # where the last match ended: finditer's matches never overlap
        for first, last in self._stretches(literals, reach):
            start = max(first, end)
            while start <= last:
                match = pattern.search(self.text, start, last + reach)
                if match is None or match.start() > last:
                    break
                yield match
                start = end = match.end()

    def _stretches(self, literals: frozenset[str], reach: int) -> list[tuple[int, int]]:
        """Merged ranges of the places where a match holding one of `literals` could start."""
        starts: list[tuple[int, int]] = []
        lowered = self.lowered
        for word in literals:
            at = lowered.find(word)
            while at >= 0:
                starts.append((max(0, at + len(word) - reach), at))
                at = lowered.find(word, at + 1)
        starts.sort()
        merged: list[tuple[int, int]] = []
        for first, last in starts:
            if merged and first <= merged[-1][1] + 1:
                if last > merged[-1][1]:
                    merged[-1] = (merged[-1][0], last)
            else:
                merged.append((first, last))
        return merged


def _matches(rule: Rule, text: _Text) -> Iterator[re.Match[str]]:
    """The rule's matches over the whole text, or only near its anchor words (much faster)."""
    if rule.anchor is None:
        yield from text.finditer(rule.regex, rule.literals, rule.reach)
        return
    # Within a window the anchor's own literals are there already: look for the rule's only
    # when they differ.
    literals = rule.literals if rule.literals != rule.anchor_literals else None
    seen: set[tuple[int, int]] = set()
    length = len(text.text)
    for key_start, key_end in text.anchor_spans(rule):
        window = (max(0, key_start - WINDOW_BEFORE), min(length, key_end + WINDOW_AFTER))
        if not text.window_may_match(literals, *window):
            continue
        for match in rule.regex.finditer(text.text, *window):
            if match.start() > key_start:
                break  # later matches cannot hold the key either
            if match.span() not in seen and key_start < match.end():
                seen.add(match.span())
                yield match


def find_candidates(text: str) -> list[Candidate]:
    """Longest matches first, earlier rules first on ties; returned in text order.

    >>> [c.rule.name for c in find_candidates("the mayor said on Saturday")]
    ['weekday']
    """
    found: list[tuple[int, int, Candidate]] = []
    scanned = _Text(text)
    for order, rule in enumerate(rules()):
        if rule.needs and not any(map(scanned.holds, rule.needs)):
            continue
        if not scanned.may_match(rule.literals):
            continue
        has_x = "x" in rule.regex.groupindex
        for match in _matches(rule, scanned):
            start, end = match.span("x") if has_x and match.group("x") else match.span()
            if end <= start or GLUED_TO_NAME.search(text, max(0, start - 2), start):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append((-(end - start), order, Candidate(start, end, rule, groups)))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    chosen: list[Candidate] = []  # kept sorted by start; never overlapping
    starts: list[int] = []
    for _, _, candidate in found:
        index = bisect_right(starts, candidate.start)
        # Only the neighbours can overlap a span among non-overlapping ones.
        if index and chosen[index - 1].end > candidate.start:
            continue
        if index < len(chosen) and chosen[index].start < candidate.end:
            continue
        chosen.insert(index, candidate)
        starts.insert(index, candidate.start)
    return chosen
