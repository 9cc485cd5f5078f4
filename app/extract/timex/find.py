"""Find temporal expressions: apply every grammar rule, keep the longest non-overlapping matches."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from app.extract.timex.grammar import Rule, rules


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


def _matches(
    rule: Rule, text: str, anchors: dict[re.Pattern[str], list[tuple[int, int]]]
) -> Iterator[re.Match[str]]:
    """The rule's matches over the whole text, or only near its anchor words (much faster).

    `anchors` keeps each anchor's spans for the text: many rules share one (month names).
    """
    if rule.anchor is None:
        yield from rule.regex.finditer(text)
        return
    keys = anchors.get(rule.anchor)
    if keys is None:
        keys = anchors[rule.anchor] = [key.span() for key in rule.anchor.finditer(text)]
    seen: set[tuple[int, int]] = set()
    for key_start, key_end in keys:
        window = (max(0, key_start - WINDOW_BEFORE), min(len(text), key_end + WINDOW_AFTER))
        for match in rule.regex.finditer(text, *window):
            if match.span() not in seen and match.start() <= key_start < match.end():
                seen.add(match.span())
                yield match


def find_candidates(text: str) -> list[Candidate]:
    """Longest matches first, earlier rules first on ties; returned in text order.

    >>> [c.rule.name for c in find_candidates("the mayor said on Saturday")]
    ['weekday']
    """
    found: list[tuple[int, int, Candidate]] = []
    lowered = text.lower()
    anchors: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for order, rule in enumerate(rules()):
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue
        has_x = "x" in rule.regex.groupindex
        for match in _matches(rule, text, anchors):
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
