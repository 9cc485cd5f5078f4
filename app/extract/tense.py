"""The writer's words and their tense: quotations blanked, verbs in the past, perfects and
progressives, the main clause without its relative clauses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from app.extract.cues import cues
from app.extract.guarded import guarded

# A quotation, or one left open to the end of the sentence (it closes in a later one).
QUOTED = re.compile(r"[\"“”][^\"“”]*(?:[\"“”]|$)")


_PUNCTUATION = ",;:()[]“”\"‘’'–—"


_BY = re.compile(r"\s+by\b")


_PAST_BE = frozenset({"was", "were", "been"})


BEEN = re.compile(r"\bbeen\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)  # a sentence's own words are asked for by many of its checks
def unquoted(text: str) -> str:
    """The text with its quotations blanked: what the writer says, not what a source is quoted
    as saying."""
    return QUOTED.sub(" ", text)


def past_verbs(text: str) -> Iterator[str]:
    """The words of the text that read as a past-tense verb, lazily: "shelled", "hit"; not the
    adjective in "the occupied territories", the present passive "is needed" nor "hundred"."""
    cue = cues()
    for match in cue.past.finditer(text):
        word = match.group().lower()
        if word in cue.not_past_ed:
            continue
        before = _word_before(text, match.start())
        if before.endswith("ly"):  # "are shamelessly re-attributed": the word before the adverb
            before = _word_before(text, text.lower().rfind(before, 0, match.start()))
        if _before_a_participle(before) or (
            _BY.match(text, match.end()) and before not in _PAST_BE
        ):
            continue  # "the occupied territories", "..., followed by continuous fighting"
        yield word


@lru_cache(maxsize=4096)  # a sentence and its clauses are asked more than once
def has_past_verb(text: str) -> bool:
    """Whether `past_verbs` finds one (it stops at the first)."""
    return next(past_verbs(text), None) is not None


def describes_a_noun(text: str, start: int) -> bool:
    """The verb form at `start` follows an article or an adverb like "newly", so it describes a
    noun ("the newly announced gas deal") rather than reports ("Kyiv announced ..."); a pause
    between them ("... is, according to Moscow") parts them."""
    before = _BARE_WORD_BEFORE.search(text, max(0, start - 24), start)
    return before is not None and _before_a_participle(before.group(1).lower())


_POSSESSIVE = re.compile(r"\w[’']s$|s[’']$")


def _before_a_participle(word: str) -> bool:
    """An article, a form of "be" or a possessive ("Russia's reported strategy"): the -ed word
    after it describes a noun."""
    cue = cues()
    return word in cue.participle_before or (
        _POSSESSIVE.search(word) is not None and word not in cue.not_possessive
    )


_BARE_WORD_BEFORE = re.compile(r"([\w’']+)\s+$")  # a word, then only spaces


def _word_before(text: str, start: int) -> str:
    """The word just before `start` (lower case), across spaces and punctuation."""
    words = text[max(0, start - 24) : max(0, start)].split()
    return words[-1].strip(_PUNCTUATION).lower() if words else ""


# Guarded: most sentences hold no "has" or "have" (see guarded.py).
PERFECT = guarded(re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+(?:ed|en|wn|un)\b", re.IGNORECASE))


# Present progressive ("are trying to cut off"): a happening, like the simple past.
# Guarded: about half of the sentences hold no "ing" at all.
PROGRESSIVE = guarded(re.compile(r"\b(?:is|are)\s+\w{3,}ing\b", re.IGNORECASE))


# The past perfect ("had shelled") ...
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.IGNORECASE)
# ... of an active verb ("Russia had concentrated its forces"), not "had been".
ACTIVE_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?!been\b)\w+(?:ed|en|wn|un)\b", re.IGNORECASE
)


# A perfect with its adverbs and a second participle: "have also since continued or reignited".
PERFECT_RUN = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn)\b(?:\s+(?:or|and)\s+\w+(?:ed|en|wn)\b)?",
    re.IGNORECASE,
)


# Guarded: most sentences hold none of "where", "which", "who", "when", "whether".
_RELATIVE = guarded(
    re.compile(
        r",\s+(?:where|which|who|whose|when)\b[^,]*(?=,|$)|\bwhether\b[^,;]*"
        r"|\b(?:in|under|by|during|after|for) which\b[^,;]*"  # "comments in which he claimed ..."
    )
)


@lru_cache(maxsize=1024)
def main_clause(sentence_text: str) -> str:
    """The sentence without its non-restrictive relative clauses and its "whether" questions:
    "Troops moved to Melitopol, where they would meet resistance" is a happening; the
    hypothesis is in the relative clause."""
    return _RELATIVE.sub(",", sentence_text)


def opens_paragraph(text: str, start: int) -> bool:
    """The sentence starting at `start` is the first of its paragraph, where a news lead stands."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] == "\n"
