"""Find the gazetteer names written in a text: the longest run of capitalised words that is a
name, gated where a name is also a common word or a surname (places.py resolves them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.extract.places_context import part_of_longer_name, person_before
from app.extract.places_data import (
    SETTLEMENTS,
    TOKEN,
    Entry,
    first_words,
    gazetteer,
    lookup,
    max_words,
    normalize,
    prefixes,
    words,
)

# Gaps allowed between the words of one name: a space, a hyphen, an abbreviation dot.
GAP = re.compile(r"(?:\.? ?|-|\. |['\u2019\u02bc])")

LISTED = re.compile(r",? (?:and|or) |, ")
PLURAL = re.compile(r" (region|oblast|province)s$", re.IGNORECASE)


@dataclass(slots=True)
class NameMatch:
    """A name found at text[start:end], with every gazetteer entry it may stand for."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def name_matches(text: str) -> list[NameMatch]:
    """Every gazetteer name of the text, without overlaps (longest first), in text order."""
    return _shared_suffix(text, _drop_surnames(text, _matches(text)))


# Where a name can start: a word opening with a letter that is not ASCII lower case (then
# checked with str.isupper); far fewer than all words, so the scan stays cheap.
NAME_START = re.compile(r"(?<![^\W_])[^\W\d_a-z][^\W_]*")
PREVIOUS_WORD_END = re.compile(r"([^\W_]+)[\W_]*\Z")


def _matches(text: str) -> list[NameMatch]:
    """One pass over capitalised words: the longest run of words that is a gazetteer key."""
    starters = first_words()
    out: list[NameMatch] = []
    consumed = 0
    for candidate in NAME_START.finditer(text):
        start = candidate.start()
        if start < consumed or not text[start].isupper():
            continue
        first = candidate.group().lower()
        if first not in starters:  # most capitalised words: "He", "But"
            continue
        found = _longest_name(text, candidate, first, out)
        if found is not None:
            out.append(found)
            consumed = found.end
    return out


def _longest_name(
    text: str, first: re.Match[str], key: str, out: list[NameMatch]
) -> NameMatch | None:
    """From the capitalised word `first` (lower-cased: `key`), the longest gazetteer name."""
    table, partial, longest = gazetteer(), prefixes(), max_words()
    found = None
    start, end = first.span()
    for count in range(longest):
        if count:
            token = TOKEN.search(text, end)
            if token is None or not GAP.fullmatch(text[end : token.start()]):
                break
            key = f"{key} {token.group().lower()}"  # == normalize(text[start:end]), faster
            end = token.end()
        if key in table:
            entries = lookup(key)
            previous_end = out[-1].end if out else None
            if _allowed(text, (start, end), entries, previous_end):
                found = NameMatch(start, end, entries)
        if key not in partial:
            break
    return found


def _previous_word(text: str, start: int) -> str:
    before = PREVIOUS_WORD_END.search(text, max(0, start - 40), start)
    return before.group(1).lower() if before else ""


def _shared_suffix(text: str, matches: list[NameMatch]) -> list[NameMatch]:
    """'the Kyiv, Sumy and Chernihiv regions': names listed before a plural are regions too."""
    out = list(matches)
    suffix = ""  # "region" while walking back through such a list
    for n in range(len(out) - 1, -1, -1):
        plural = PLURAL.search(text, out[n].start, out[n].end)
        if plural and plural.end() == out[n].end:
            suffix = plural.group(1).lower()
            continue
        listed = n + 1 < len(out) and LISTED.fullmatch(text, out[n].end, out[n + 1].start)
        key = f"{normalize(text[out[n].start : out[n].end])} {suffix}" if suffix and listed else ""
        if key in gazetteer():
            out[n] = NameMatch(out[n].start, out[n].end, lookup(key))
        else:
            suffix = ""
    return out


def _drop_surnames(text: str, matches: list[NameMatch]) -> list[NameMatch]:
    """Drop a town's name the article also uses as a surname ("Oleh Zhdanov ... said Zhdanov")."""
    checked: dict[str, bool] = {}  # each distinct name is looked at once: linear in the text
    inside_longer = _inside_longer_names(text, matches)
    for match in matches:
        name = text[match.start : match.end]
        if name in checked or not all(e.kind in SETTLEMENTS for e in match.entries):
            continue
        # "Nova Kakhovka" names the town; "Nova" is no first name of a "Kakhovka"
        checked[name] = any(
            person_before(text, at)
            for at in _occurrences(text, name)
            if (at, at + len(name)) not in inside_longer
        )
    surnames = {name for name, is_surname in checked.items() if is_surname}
    return [m for m in matches if text[m.start : m.end] not in surnames]


def _inside_longer_names(text: str, matches: list[NameMatch]) -> set[tuple[int, int]]:
    """The spans of the last words of towns' names of several words ("Kakhovka" in "Nova
    Kakhovka"; not "Zhdanov" in an official's "Oleh Zhdanov")."""
    spans = set()
    for match in matches:
        if not all(e.kind in SETTLEMENTS for e in match.entries):
            continue
        last = text.rfind(" ", match.start, match.end) + 1
        if last > match.start:
            spans.add((last, match.end))
    return spans


def _occurrences(text: str, name: str) -> Iterator[int]:
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


def _allowed(
    text: str,
    span: tuple[int, int],
    entries: tuple[Entry, ...],
    previous_end: int | None,
) -> bool:
    """Gate names that are also common words: short keys must be upper-case, villages need a cue
    (a word like "village of" or "in" before them, or a place right before: "Bairak and Bobrivka",
    the previous match ending at previous_end).
    """
    start, end = span
    surface = text[start:end]
    if len(surface) <= 3 and not surface.replace(".", "").isupper():
        return False
    if any(e.kind not in SETTLEMENTS for e in entries):
        return True
    if part_of_longer_name(text, start, end, max(e.population for e in entries)):
        return False
    if any(e.population >= 1000 for e in entries) or " " in surface or "-" in surface:
        return True
    listed = previous_end is not None and LISTED.fullmatch(text, previous_end, start)
    return (
        bool(listed) or _previous_word(text, start) in words("cues") or _facility_after(text, end)
    )


FACILITY_AFTER = re.compile(r" ([a-z]+)")


def _facility_after(text: str, end: int) -> bool:
    """'the Chornobyl nuclear site', 'the Hostomel airfield': a facility's name is a place."""
    after = FACILITY_AFTER.match(text, end)
    return after is not None and after.group(1) in words("facilities")
