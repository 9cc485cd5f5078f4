"""What a compiled pattern's every match must hold and how far it reads, from its parse tree.

find.py uses both to skip rules a text cannot match and to search only near the words a match
must hold. Both read re's own parse tree (re._parser, re._constants, re._casefix: internal
modules of CPython 3.11+); should a later Python change their tree, `required_literals` and
`reach` answer None, which makes find.py scan the whole text as a plain finditer would.
"""

from __future__ import annotations

import re
from itertools import product
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

# Required literals: what a pattern's every match must contain, read from its parse tree. A rule
# whose literals a text lacks cannot match there, so find.py skips it without a scan.
MAX_STRINGS = 64  # cap on the strings a part of a pattern may spell out
MAX_LITERALS = 16  # a longer list costs more to look for than the scan it would save
ZERO_WIDTH = frozenset({_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT})
REPEATS = frozenset({_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT})
# Letters that a case-insensitive pattern matches beside their lower case ("s" matches "ſ"); a
# text holding one is searched without the shortcut.
UNFOLDED = frozenset(
    chr(other)
    for code, others in _casefix._EXTRA_CASES.items()
    if code < 128
    for other in others
    if other >= 128
)
END_ASSERTIONS = frozenset({_constants.AT_END, _constants.AT_END_LINE, _constants.AT_END_STRING})
ONE_CHARACTER = frozenset(
    {_constants.LITERAL, _constants.NOT_LITERAL, _constants.IN, _constants.ANY, _constants.CATEGORY}
)
Strings = frozenset[str]
Item = tuple[Any, Any]  # an (opcode, argument) node of re's parse tree


def _char(code: int) -> str | None:
    """The lower case of a pattern character, unless the text may spell it otherwise."""
    lowered = chr(code).lower()
    if len(lowered) != 1 or (ord(lowered) >= 128 and ord(lowered) in _casefix._EXTRA_CASES):
        return None
    return lowered


def _join(heads: Strings, tails: Strings) -> Strings | None:
    if len(heads) * len(tails) > MAX_STRINGS:
        return None
    return frozenset(head + tail for head, tail in product(heads, tails))


def _exact(item: Item) -> Strings | None:
    """Every string the item can match (lower case), when they are few."""
    op, av = item
    if op in ZERO_WIDTH:
        return frozenset({""})
    if op is _constants.LITERAL:
        char = _char(av)
        return None if char is None else frozenset({char})
    if op is _constants.IN:
        chars = [_char(code) if kind is _constants.LITERAL else None for kind, code in av]
        if None in chars or len(chars) > MAX_STRINGS:
            return None
        return frozenset(char for char in chars if char is not None)
    if op is _constants.SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is _constants.BRANCH:
        branches = [_exact_sequence(branch) for branch in av[1]]
        if any(branch is None for branch in branches):
            return None
        union = frozenset().union(*(branch for branch in branches if branch is not None))
        return union if len(union) <= MAX_STRINGS else None
    if op in REPEATS:
        return _exact_repeat(*av)
    return None


def _exact_repeat(low: int, high: int, body: list[Item]) -> Strings | None:
    strings = _exact_sequence(body)
    if strings is None or high > 3:
        return None
    result: set[str] = set()
    for count in range(low, high + 1):
        result |= {"".join(parts) for parts in product(strings, repeat=count)}
        if len(result) > MAX_STRINGS:
            return None
    return frozenset(result)


def _exact_sequence(items: list[Item]) -> Strings | None:
    strings: Strings | None = frozenset({""})
    for item in items:
        part = _exact(item)
        if part is None or strings is None:
            return None
        strings = _join(strings, part)
    return strings


def _minimal(strings: Strings | None) -> Strings | None:
    """Without strings that hold another of the list (a text holding them holds the shorter)."""
    if not strings or "" in strings:
        return None
    kept: list[str] = []
    for string in sorted(strings, key=len):
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept) if len(kept) <= MAX_LITERALS else None


def _rarity(strings: Strings) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _better(first: Strings | None, second: Strings | None) -> Strings | None:
    """The rarer-looking list: longer shortest string, then fewer strings."""
    if first is None or second is None:
        return first or second
    return first if _rarity(first) >= _rarity(second) else second


def _required(item: Item) -> Strings | None:
    """Strings of which every match of the item holds one (None: none known)."""
    op, av = item
    if op is _constants.SUBPATTERN:
        return _required_sequence(av[-1])
    if op is _constants.BRANCH:
        branches = [_required_sequence(branch) for branch in av[1]]
        if any(branch is None for branch in branches):
            return None
        return _minimal(frozenset().union(*(b for b in branches if b is not None)))
    if op in REPEATS and av[0] >= 1:
        return _required_sequence(av[2])
    return _minimal(_exact(item))


def _required_sequence(items: list[Item]) -> Strings | None:
    """The best of: each run of parts spelled out exactly, and each other part's requirement."""
    best: Strings | None = None
    run: Strings | None = frozenset({""})
    for item in items:
        part = _exact(item)
        joined = _join(run, part) if run is not None and part is not None else None
        if joined is not None:
            run = joined
            continue
        best = _better(best, _minimal(run))
        run = part
        if part is None:
            best = _better(best, _required(item))
    return _better(best, _minimal(run))


def _reach_sequence(items: list[Item]) -> int | None:
    """An upper bound on the characters the items read from where they start (None: none)."""
    total = 0
    for op, av in items:
        if op in (_constants.ASSERT, _constants.ASSERT_NOT):
            width = _reach_sequence(av[1]) if av[0] == 1 else 0  # a lookbehind reads backwards
        elif op is _constants.AT:
            # The end of the string depends on where a search is cut short.
            width = None if av in END_ASSERTIONS else 0
        elif op is _constants.SUBPATTERN:
            width = _reach_sequence(av[-1])
        elif op is _constants.BRANCH:
            widths = [_reach_sequence(branch) for branch in av[1]]
            width = None if None in widths else max(w for w in widths if w is not None)
        elif op in REPEATS:
            body = _reach_sequence(av[2])
            width = None if body is None or av[1] == _constants.MAXREPEAT else body * av[1]
        else:
            width = 1 if op in ONE_CHARACTER else None
        if width is None:
            return None
        total += width
    return total


def reach(pattern: re.Pattern[str]) -> int | None:
    """How far past its start a match of `pattern` can read, plus one for a closing \\b.

    None when unbounded, or when a match may be empty (finditer's handling of those is not
    rebuilt by find.py).
    """
    try:
        return _reach(pattern)
    except Exception:  # re's internals differ: no bound, a full scan
        return None


def required_literals(pattern: re.Pattern[str]) -> Strings | None:
    r"""Lower-case strings of which every match of `pattern` holds one; None when none known.

    >>> sorted(required_literals(re.compile(r"\b(?:last|next) (?:week|year)\b")))
    ['last week', 'last year', 'next week', 'next year']
    """
    try:
        return _required_literals(pattern)
    except Exception:  # re's internals differ: nothing known, a full scan
        return None


def _reach(pattern: re.Pattern[str]) -> int | None:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0:
        return None
    width = _reach_sequence(list(parsed))
    return None if width is None else width + 1


def _required_literals(pattern: re.Pattern[str]) -> Strings | None:
    return _required_sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
