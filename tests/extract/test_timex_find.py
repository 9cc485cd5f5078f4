"""The candidate finder's shortcuts find exactly what a plain scan of every rule finds."""

from __future__ import annotations

import re

import pytest

from app.extract.timex.find import _Text, find_candidates
from app.extract.timex.grammar import rules
from app.extract.timex.pattern_bounds import reach, required_literals

TEXTS = [
    "Troops left on Friday, June 24, 2022, and came back the next day; days later, a year ago.",
    "In the past decade the soonish plan came soon. Meetings every Monday at 10 a.m. in May.",
    "The 21st-century war: since mid-March, in the 1990s and 2014-2015, the year-ago quarter.",
    "daysdays day-long a day and a half SOON Soon; the ſtory of İstanbul last ſummer ended.",
]
PATTERNS = [
    r"\b(?:day|week)s?\b",
    r"\bsoon\b(?!ish)",
    r"(?<=\d\d[-–])(?:19|20)\d\d",
    r"\b(?:last|next|the past) (?:year|decade|summer)\b",
    r"(?-i:May|Monday)(?=,? )",
    r"a\.m\.|p\.m\.",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("text", TEXTS)
def test_searching_near_literals_finds_what_finditer_finds(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    found = _Text(text).finditer(regex, required_literals(regex), reach(regex))
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]


def test_required_literals_spell_out_the_alternatives() -> None:
    regex = re.compile(r"\b(?:early |late )?(?:spring|summer)\b", re.IGNORECASE)
    assert required_literals(regex) == frozenset({"spring", "summer"})
    assert required_literals(re.compile(r"\d+")) is None


def test_reach_counts_lookaheads_and_gives_up_when_unbounded() -> None:
    assert reach(re.compile(r"ab(?=cd)")) == 5  # two read, two looked at, one for a \b
    assert reach(re.compile(r"a\s*b")) is None


def test_every_rule_matches_as_a_plain_scan_would() -> None:
    for text in TEXTS:
        scanned = _Text(text)
        for rule in rules():
            plain = [m.span() for m in rule.regex.finditer(text)]
            fast = scanned.finditer(rule.regex, rule.literals, rule.reach)
            assert [m.span() for m in fast] == plain, rule.name


def test_text_with_unusual_case_letters_is_still_found() -> None:
    # "ſ" matches "s" case-insensitively but does not lower to it: no shortcut there.
    assert not _Text("the ſummer").folds
    assert [c.rule.name for c in find_candidates("Troops left on Friday.")] == ["weekday"]


def test_a_pattern_the_analysis_cannot_read_is_scanned_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.extract.timex import pattern_bounds

    def unreadable(pattern: re.Pattern[str]) -> None:
        raise TypeError("another Python's parse tree")

    monkeypatch.setattr(pattern_bounds, "_reach", unreadable)
    monkeypatch.setattr(pattern_bounds, "_required_literals", unreadable)
    regex = re.compile(r"\bsoon\b", re.IGNORECASE)
    assert pattern_bounds.reach(regex) is None
    assert pattern_bounds.required_literals(regex) is None
    found = _Text("Soon, very soon.").finditer(regex, None, None)
    assert [m.span() for m in found] == [(0, 4), (11, 15)]
