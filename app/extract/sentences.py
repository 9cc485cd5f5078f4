"""Split text into sentences with exact character offsets."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.extract.live_blog import ENTRY_STAMP
from app.extract.types import Sentence

_RESOURCES = Path(__file__).parent / "resources"

# A candidate end: final punctuation with any closing quotes or brackets, then a blank line, a
# line break before a capital, quote or bullet (a heading without final punctuation ends there).
# An embedded post is its text, its link and its credit line ("pic.twitter.com/x — Kyiv
# Independent (@KyivIndependent) July 12, 2022"): the link goes with the text even after a blank
# line, and the credit's date ends the post even when the next paragraph runs on after it.
_BOUNDARY = re.compile(
    r"""[.!?]+["'\u201d\u2019\u2033)\]]*(?=\s|$)"""
    r"""|\n\s*\n(?!\s*(?:pic\.twitter\.com/|https://t\.co/))"""
    r"""|\n(?=\s*[A-Z\u201c\u2018"'\u00b7\u2022])"""
    r"""|\(@\w+\)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},|\d{1,2}\s+[A-Z][a-z]+)\s+\d{4}\b"""
)
_CREDIT = re.compile(r"\s*[\u2014\u2013]\s[^\n.!?]{0,80}\(@\w+\)")  # "— ISW (@TheStudyofWar)"
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_WORD_AFTER = re.compile(r"\s*([\w'\u2019-]+)")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_LIST_MARKER = re.compile(r"\s*(?:\d{1,3}|[A-Za-z])\s*$")  # "1." or "b." opening a list item
_BULLET = re.compile(r"[\u00b7\u2022\u25aa\u25cf\u25a0\u25ba\u2023*]\s+")  # "· Russia has ..."
_DOUBLE_QUOTES = ('"', "\u201c", "\u201d", "\u201e", "\u2033", "\u2019\u2019")
_OPENING_QUOTES = frozenset("\u201c\u201e")
_CLOSING_QUOTES = frozenset('"\u201d\u2019\u2033')
_BEFORE_OPENING = frozenset(" \t\n([{\u2014\u2013-/:")

MAX_QUOTE_CHARS = 600  # a quotation longer than this is split like any other text


@dataclass(frozen=True, slots=True)
class _Abbreviations:
    """Sets of sentence_abbreviations.toml; see that file for what each set means."""

    before_name: frozenset[str]
    before_number: frozenset[str]
    after_name: frozenset[str]
    clock: frozenset[str]
    clock_after: frozenset[str]
    initials: frozenset[str]
    name_after_initials: frozenset[str]
    attribution: re.Pattern[str]

    def known(self, word: str) -> bool:
        return (
            word in self.before_name
            or word in self.before_number
            or word in self.after_name
            or word in self.clock
            or word in self.initials
        )


@cache
def _abbreviations() -> _Abbreviations:
    """The abbreviation lists; the file is read once."""
    text = (_RESOURCES / "sentence_abbreviations.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    verbs = "|".join(re.escape(verb) for verb in data.pop("attribution_verbs"))
    # A speaker of up to five words, the verb, up to five more words without "that", the end.
    attribution = re.compile(
        rf"\s*[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.,-]+){{0,4}}?\s+(?:{verbs})\b"
        rf"(?:\s+(?!that\b)[\w'\u2019,-]+){{0,5}}\s*[.!?](?=\s|$)"
    )
    return _Abbreviations(
        **{name: frozenset(words) for name, words in data.items()}, attribution=attribution
    )


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets index into `text`, whitespace is trimmed.

    >>> [s.text for s in split_sentences("Troops left on Friday. The mayor said so.")]
    ['Troops left on Friday.', 'The mayor said so.']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group()[0] in ".!?" and not _ends_sentence(text, start, match):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _ends_sentence(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether final punctuation at `match` ends the sentence that began at `start`."""
    end = match.end()
    following = _NEXT_CHAR.match(text, end)
    if following is None:
        return True
    nxt = following.group(1)
    # '"Why?" he asked', '(possible drones?) above the city', 'the front lines... despite',
    # a post and its link: 'Heavy shelling. pic.twitter.com/x'.
    if nxt.islower() or _CREDIT.match(text, end):
        return False
    if match.group().startswith("."):
        if _is_abbreviation(text, match.start(), end, nxt):
            return False
        if _LIST_MARKER.fullmatch(text, start, match.start()):
            return False
    if _inside_quote(text, start, end) and not _opens_quote(text, following.start(1)):
        return False
    # '"Why now?" Smith asked.': a quotation keeps its attribution.
    closes_quote = match.group()[-1] in _CLOSING_QUOTES
    return not (closes_quote and _abbreviations().attribution.match(text, end))


def _is_abbreviation(text: str, dot: int, end: int, nxt: str) -> bool:
    """The full stop at `dot` closes an abbreviation that the text after it continues; `nxt`
    is the first character after it."""
    before = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if before is None:
        return False
    word = before.group(1).lower()
    lists = _abbreviations()
    if len(word) == 1 and word.isalpha() and word not in lists.before_number:
        return True  # an initial: "D. Cameron", "Frederick W. Kagan"
    if not lists.known(word):
        return False
    if word in lists.before_name or not nxt.isupper():
        return True  # "Gen. Smith", "Feb. 24", "U.S. forces", "Co. (China)"
    following = _next_word(text, end).lower()
    if word in lists.after_name:
        return following in lists.after_name  # "Co. Ltd. and" goes on, "etc. They" ends
    if word in lists.initials:
        return following in lists.name_after_initials  # "a U.S. Army soldier"
    if word in lists.clock:
        # "5 p.m. GMT", "5 p.m. Kyiv time" go on; "at 5 p.m. Officials said" ends.
        return _next_word(text, end).isupper() or _word_after_next(text, end) in lists.clock_after
    return False  # before_number: "The answer was no. Officials said"


def _next_word(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end)
    return match.group(1) if match else ""


def _word_after_next(text: str, end: int) -> str:
    first = _WORD_AFTER.match(text, end)
    second = _WORD_AFTER.match(text, first.end()) if first else None
    return second.group(1).lower() if second else ""


def _inside_quote(text: str, start: int, end: int) -> bool:
    """True when the last double quotation mark in text[start:end] opens a quotation that is
    still open: '"48 missiles. At night," he said.' is one sentence. Opening and closing
    marks are told apart by their neighbours, so mixed styles ('“breadbasket of Europe,"')
    and a closing quote taken into the final punctuation ('crimes." On Wednesday') close."""
    if end - start > MAX_QUOTE_CHARS:
        return False
    last = max(text.rfind(mark, start, end) for mark in _DOUBLE_QUOTES)
    return last >= 0 and _opens_quote(text, last)


def _opens_quote(text: str, at: int) -> bool:
    """Whether the character at `at` opens a double quotation."""
    mark = text[at]
    if mark in _OPENING_QUOTES:
        return True
    if mark != '"':
        return False
    before_ok = at == 0 or text[at - 1] in _BEFORE_OPENING
    return before_ok and at + 1 < len(text) and not text[at + 1].isspace()


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped_left = len(chunk) - len(chunk.lstrip())
    bullet = _BULLET.match(chunk, stripped_left) or ENTRY_STAMP.match(text, start + stripped_left)
    if bullet is not None:
        stripped_left += bullet.end() - bullet.start()  # what follows a bullet or a time stamp
    stripped_right = len(chunk.rstrip())
    if stripped_right <= stripped_left:
        return
    s, e = start + stripped_left, start + stripped_right
    sentences.append(Sentence(s, e, text[s:e]))
