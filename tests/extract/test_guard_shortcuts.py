"""The second round of scan shortcuts answers exactly as the plain scans: a guard looks for
fewer strings, a long text is tried only where a pattern's opening words stand."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from app.extract.guarded import GuardedPattern, finditer_from, guarded

# Letters the regex engine folds otherwise than str.lower ("ſ" matches "s", "İ" lowers to two).
TEXT = st.text(alphabet="ahsxtpoEXN Aſİ,", max_size=40)
TITLED = re.compile(r"(?<!\w)(?i:expert|ex|next\s+to)\s+[A-Z]\w*")


@given(text=TEXT)
def test_a_string_holding_another_is_not_looked_for(text: str) -> None:
    # "has" holds "as": a text without "as" lacks both
    plain = re.compile(r"\b(?:has|as)\s+\w+\b", re.IGNORECASE)
    pattern = guarded(plain, frozenset({"has", "as"}))
    assert isinstance(pattern, GuardedPattern)
    assert pattern._checked == ("as",)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert pattern.search("Russia has shelled") is not None
    assert pattern.search("Russia shelled") is None


@given(text=TEXT)
def test_finditer_from_openings_finds_what_finditer_finds(text: str) -> None:
    found = finditer_from(TITLED, text, frozenset({"ex", "next"}))
    assert [m.span() for m in found] == [m.span() for m in TITLED.finditer(text)]


def test_finditer_from_openings_tries_after_the_match_before() -> None:
    text = "Next to Expert Alex, ex Pat and expert Ann"
    found = finditer_from(TITLED, text, frozenset({"ex", "next"}))
    assert [m.group() for m in found] == ["Next to Expert", "ex Pat", "expert Ann"]
