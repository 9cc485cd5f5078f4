"""Find temporal expressions: apply every grammar rule, keep the longest non-overlapping matches."""

from __future__ import annotations

from dataclasses import dataclass

from app.extract.timex.grammar import Rule, rules


@dataclass(frozen=True)
class Candidate:
    """A rule's match, not yet normalised: its span and the named groups it captured."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


def find_candidates(text: str) -> list[Candidate]:
    """Longest matches first, earlier rules first on ties; returned in text order.

    >>> [c.rule.name for c in find_candidates("the mayor said on Saturday")]
    ['weekday']
    """
    found: list[tuple[int, int, Candidate]] = []
    for order, rule in enumerate(rules()):
        has_x = "x" in rule.regex.groupindex
        for match in rule.regex.finditer(text):
            start, end = match.span("x") if has_x and match.group("x") else match.span()
            if end <= start:
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append((-(end - start), order, Candidate(start, end, rule, groups)))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for _, _, candidate in found:
        if all(candidate.end <= s or candidate.start >= e for s, e in taken):
            chosen.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(chosen, key=lambda c: c.start)
