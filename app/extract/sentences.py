"""Split text into sentences with exact character offsets."""

from __future__ import annotations

import re

from app.extract.types import Sentence

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "jr",
        "sr",
        "mt",
        "ft",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "gov",
        "sen",
        "rep",
        "rev",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "approx",
        "est",
        "fig",
        "ca",
    ]
)
# Capitalised words that continue a name after "U.S." or "U.K." rather than open a sentence:
# "a U.S. Army soldier", "the U.K. Defence Ministry" (but "aid from the U.S. Officials said").
_NAME_AFTER_COUNTRY = frozenset(  # a word list, kept readable as one string
    """army navy air marine marines coast defense defence department state secretary senate
    senator congress congressional house president presidential ambassador embassy treasury
    government forces special central national intelligence attorney justice supreme court
    military ministry foreign home prime parliament royal labour conservative envoy commander
    command general consulate""".split()  # noqa: SIM905
)
_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[A-Z\u201c"'])""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_WORD_AFTER = re.compile(r"\s*(\w+)")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets index into `text`, whitespace is trimmed.

    >>> [s.text for s in split_sentences("Troops left on Friday. The mayor said so.")]
    ['Troops left on Friday.', 'The mayor said so.']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, match.start(), end):
            continue
        if "\n" not in match.group() and _inside_quote(text[start : match.start()]):
            continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if before is None:
        return False
    word = before.group(1).lower()
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        following = text[end : end + 3].lstrip()
        # "Feb. 24", "Gen. Smith", "U.S. forces": the next word continues the sentence.
        if not following or not following[0].isupper() or word not in {"u.s", "u.k", "etc"}:
            return True
        return word != "etc" and _next_word(text, end).lower() in _NAME_AFTER_COUNTRY
    return False


def _next_word(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end)
    return match.group(1) if match else ""


MAX_QUOTE_CHARS = 600  # a quotation longer than this is split like any other text


def _inside_quote(chunk: str) -> bool:
    """True when a quotation opened in `chunk` is still open: '"48 missiles. At night," he said.'
    is one sentence."""
    if len(chunk) > MAX_QUOTE_CHARS:
        return False
    curly_open = chunk.count("\u201c") > chunk.count("\u201d")
    return curly_open or chunk.count('"') % 2 == 1


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped_left = len(chunk) - len(chunk.lstrip())
    stripped_right = len(chunk.rstrip())
    if stripped_right <= stripped_left:
        return
    s, e = start + stripped_left, start + stripped_right
    sentences.append(Sentence(s, e, text[s:e]))
