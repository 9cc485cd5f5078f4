"""Lengths and repetitions: durations (P3D, PT2H, P50Y) and sets (every Sunday, twice a week)."""

from __future__ import annotations

from app.extract.timex.context import Anchor, Resolver, month_of, parse_number
from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words

_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M",
                "hourly": "PT1H"}  # fmt: skip
_HALVES = {"year": "6M", "hour": "30M", "minute": "30S", "day": "T12H"}
_HALF_UNITS = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y",
               "century": "P50Y"}  # fmt: skip
_QUARTER_UNITS = {"hour": "PT15M", "year": "P3M", "century": "P25Y"}
_MULTIPLES = {"fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y")}


def _one_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the year ended June 30', 'the past decade': one unit long."""
    unit = c.groups["unit"].lower()
    if unit in _MULTIPLES:  # TimeML writes decades in years
        factor, code = _MULTIPLES[unit]
        return f"P{factor}{code}"
    return f"P1{words()['unit'][unit]}"


def _duration(c: Candidate, a: Anchor, d: Direction) -> str | None:
    unit = (c.groups.get("unit") or c.groups["unit2"]).lower()
    unit = "century" if unit == "centur" else unit  # "for centuries"
    raw = c.groups.get("num")
    amount: str = "X"
    half = "half" in c.groups or "half2" in c.groups or (raw or "").endswith(" 1/2")
    if raw is not None:
        raw = raw.removesuffix(" 1/2")
        number = raw if raw.replace(".", "", 1).isdigit() else str(parse_number(raw) or "X")
        amount = number
    code = words()["unit"][unit]
    if unit in _MULTIPLES:  # TimeML writes decades and fortnights in years and weeks
        factor, code = _MULTIPLES[unit]  # "a century and a half" is P150Y
        total = int(amount) * factor + (factor // 2 if half else 0) if amount.isdigit() else "X"
        return f"P{total}{code}"
    extra = _HALVES.get(unit, "") if half else ""  # "2 1/2 years" is P2Y6M
    if unit in ("second", "minute", "hour"):
        return f"PT{amount}{code[0]}{extra}"
    return f"P{amount}{code}{extra}"


def _half_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'half a century' is P50Y: TimeML writes the part in the next smaller unit."""
    table = _QUARTER_UNITS if "quarter" in c.groups else _HALF_UNITS
    return table[c.groups["unit"].lower()]


def _set(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups.get("word", "").lower()
    if word in _SET_ADVERBS:
        return _SET_ADVERBS[word]
    unit = (c.groups.get("unit") or c.groups.get("unit2") or c.groups["unit3"]).lower()
    if "num" in c.groups:  # "every two weeks"
        step = parse_number(c.groups["num"]) or 1
    else:  # "every other day", "every second week"
        step = 2 if c.groups.get("ordinal", "").lower() in ("other", "second") else 1
    code = {"morning": "D", "evening": "D", "night": "D"}.get(unit) or words()["unit"][unit]
    if unit in ("hour", "minute"):
        return f"PT{step}{code[0]}"
    return f"P{step}{code}"


def _set_weekday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'every Sunday' / 'on Fridays': that weekday of every week (with its part of day)."""
    day = words()["weekday"][c.groups["weekday"].lower()]
    part = words()["part"][c.groups["part"].lower()] if "part" in c.groups else ""
    return f"XXXX-WXX-{day}" + (f"T{part}" if part else "")


def _set_month(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'each July': that month of every year."""
    return f"XXXX-{month_of(c.groups):02d}"


def _none(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """A match that only keeps shorter rules from misreading it (a rate like "5 a day")."""
    return None


RESOLVERS: dict[str, Resolver] = {
    "one_unit": _one_unit,
    "duration": _duration,
    "half_unit": _half_unit,
    "set": _set,
    "set_weekday": _set_weekday,
    "set_month": _set_month,
    "none": _none,
}
