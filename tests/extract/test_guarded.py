"""A guarded pattern answers exactly as the plain one: it only skips texts that cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.extract import cues as cue_module
from app.extract.cues import cues
from app.extract.guarded import GuardedPattern, guarded

PATTERNS = [
    re.compile(r"\b(?:has|have)\s+\w+ed\b", re.IGNORECASE),
    re.compile(r"(?<![\w.@#&])[@#][A-Za-z]\w{2,}"),
    re.compile(r"\b[Ii]f\s+[^,;]{0,20}$"),
    re.compile(r"\bsince\s+(?:last|the)\s+(?:week|war)\b", re.IGNORECASE),
]
# Letters the regex engine folds otherwise than str.lower ("ſ" matches "s", "İ" lowers to two).
TEXT = st.text(alphabet="abdefhilnorstvw HIS@#,;ſİı", max_size=40)


def _answers(pattern: re.Pattern[str] | GuardedPattern, text: str) -> tuple[object, ...]:
    def span(match: re.Match[str] | None) -> tuple[int, int] | None:
        return None if match is None else match.span()

    return (
        span(pattern.search(text)),
        span(pattern.search(text, 2, 30)),
        span(pattern.match(text)),
        span(pattern.fullmatch(text)),
        [m.span() for m in pattern.finditer(text)],
    )


@pytest.mark.parametrize("pattern", PATTERNS)
@given(text=TEXT)
def test_guarded_answers_as_the_plain_pattern(pattern: re.Pattern[str], text: str) -> None:
    assert _answers(guarded(pattern), text) == _answers(pattern, text)


def test_guard_skips_a_text_without_its_strings() -> None:
    pattern = guarded(re.compile(r"\bhas\s+\w+ed\b", re.IGNORECASE))
    assert isinstance(pattern, GuardedPattern)
    assert pattern.literals == frozenset({"has"})
    assert pattern.search("Troops shelled the town") is None
    assert pattern.search("Russia HAS shelled the town") is not None


def test_a_pattern_without_known_strings_stays_plain() -> None:
    pattern = re.compile(r"[a-z]+\d")
    assert guarded(pattern) is pattern


def test_a_folded_letter_is_never_skipped() -> None:
    # "ſ" (long s) matches "s" case-insensitively though its lower case is no "s"
    pattern = guarded(re.compile(r"\bsince\b", re.IGNORECASE))
    assert pattern.search("ſince Monday") is not None


def _phrase_cues() -> list[tuple[str, str]]:
    data = cue_module.tomllib.loads(
        (cue_module.RESOURCES / "event_cues.toml").read_text(encoding="utf-8")
    )
    return [
        (name, phrase)
        for name, keys in cue_module.RARE_PHRASE_CUES.items()
        for key in keys
        for phrase in data[key]
    ]


@pytest.mark.parametrize(("name", "phrase"), _phrase_cues())
def test_phrase_cues_match_their_phrases_behind_the_guard(name: str, phrase: str) -> None:
    """Each phrase of a cue guarded by its list's first words still matches, in any case."""
    compiled = cue_module._compiled_cues(
        cue_module.tomllib.loads(
            (cue_module.RESOURCES / "event_cues.toml").read_text(encoding="utf-8")
        )
    )
    plain = getattr(compiled, name)
    cue = getattr(cues(), name)
    assert isinstance(cue, GuardedPattern)
    for text in (f"So {phrase} now.", f"So {phrase.upper()} now.", f"{phrase.title()} it"):
        assert _answers(cue, text) == _answers(plain, text)
