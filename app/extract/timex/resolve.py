"""Normalise found expressions to TIMEX3 values against the publication date and the focus."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.extract.timex.direction import Direction, nearest_year
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words
from app.extract.timex.values import add_months, week_value

_REF_WORDS = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF"}
_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M"}  # fmt: skip
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}  # fmt: skip
_CLOCK_WORDS = {"midnight": "24:00", "noon": "12:00", "midday": "12:00"}
_MULTIPLES = {"fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y")}
_BACK = ("last", "previous", "the previous")
_FORWARD = ("next", "coming", "the next", "the coming", "the following")


@dataclass
class Anchor:
    """What relative expressions are resolved against; `focus` moves as the story does."""

    published: date
    focus: date


def _number(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    value = int(words()["number"].get(raw, "-1"))
    return value if value > 0 else None


def _month(groups: dict[str, str]) -> int:
    if "mnum" in groups:
        return int(groups["mnum"])
    return int(words()["month"][groups["month"].lower()])


def _day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    g = c.groups
    return date(int(g["year"]), _month(g), int(g["day"])).isoformat()


def _day_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    found = nearest_year(_month(c.groups), int(c.groups["day"]), a.published, d)
    return found.isoformat() if found else None


def _month_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return f"{int(c.groups['year']):04d}-{_month(c.groups):02d}"


def _month_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    month, ref = _month(c.groups), a.published
    word = c.groups.get("dir", "").lower()
    year = ref.year
    if not word and d == "nearest":
        first = nearest_year(month, 1, ref, d)  # the month's first day, near the reference
        year = first.year if first else year
    elif word in ("last", "this past") or (not word and d == "past"):
        year -= month > ref.month or (word != "" and month == ref.month)
    elif word in ("next", "this coming") or (not word and d == "future"):
        year += month < ref.month or (word == "next" and month == ref.month)
    return f"{year:04d}-{month:02d}"


def _weekday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    target = int(words()["weekday"][c.groups["weekday"].lower()])
    word, ref = c.groups.get("dir", "").lower(), a.published
    back = (ref.isoweekday() - target) % 7
    if word in ("last", "this past") or (not word and d != "future"):
        day = ref - timedelta(days=back or (7 if word else 0))
    else:
        ahead = (target - ref.isoweekday()) % 7
        day = ref + timedelta(days=ahead or (7 if word == "next" else 0))
    # "Friday night" is dated by its day: the part of the day adds no calendar precision.
    return day.isoformat()


def _decade(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return c.groups["dec"]


def _year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return c.groups["year"]


def _ordinal(groups: dict[str, str], last: int) -> int:
    raw = groups["ordinal"].lower()
    return last if raw in ("last", "final") else int(words()["ordinal"][raw])


def _quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    quarter = _ordinal(c.groups, 4)
    if "year" in c.groups:
        return f"{c.groups['year']}-Q{quarter}"
    started = (quarter - 1) * 3 + 1 <= a.published.month
    year = a.published.year - (not started and d != "future")
    return f"{year}-Q{quarter}"


def _last_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the quarter' in a report is the latest quarter that has ended."""
    ended = add_months(a.published.replace(day=1), -3)
    return f"{ended.year}-Q{(ended.month - 1) // 3 + 1}"


def _this_weekend(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """Early in the week 'the weekend' is the one just past, unless the clause looks ahead."""
    early_week = a.published.isoweekday() <= 4 and d != "future"
    return _shift(a.published, "weekend", -1 if early_week else 0)


def _half(c: Candidate, a: Anchor, d: Direction) -> str | None:
    year = c.groups.get("year") or str(a.published.year)
    return f"{year}-H{_ordinal(c.groups, 2)}"


def _season(c: Candidate, a: Anchor, d: Direction) -> str | None:
    code = words()["season"][c.groups["season"].lower() if "season" in c.groups else ""]
    word = c.groups.get("dir", "").lower()
    year = int(c.groups.get("year") or a.published.year)
    year += -1 if word in ("last", "this past") else 1 if word == "next" else 0
    return f"{year}-{code}"


def _shift(day: date, unit: str, amount: int) -> str:
    """The value `amount` units away from `day`, at the unit's precision."""
    if unit in ("day", "night"):
        return (day + timedelta(days=amount)).isoformat()
    if unit in ("week", "weekend"):
        value = week_value(day + timedelta(weeks=amount))
        return value + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return add_months(day, amount).isoformat()[:7]
    if unit == "quarter":
        shifted = add_months(day, 3 * amount)
        return f"{shifted.year}-Q{(shifted.month - 1) // 3 + 1}"
    if unit == "decade":
        return str(day.year // 10 + amount)
    if unit == "century":
        return str(day.year // 100 + amount)
    return str(day.year + amount)


def _day_offset(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return (a.published + timedelta(days=_DAY_WORDS[c.groups["word"].lower()])).isoformat()


def _day_part(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups["word"].lower()
    if word in ("earlier today", "later today"):
        return a.published.isoformat()
    offset = (
        -1 if word.startswith(("last", "yesterday")) else 1 if word.startswith("tomorrow") else 0
    )
    part = "NI" if word in ("tonight", "last night") else words()["part"][word.split()[-1]]
    return f"{(a.published + timedelta(days=offset)).isoformat()}T{part}"


def _relative_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups.get("dir", "").lower()
    anaphoric = word in ("the previous", "the following", "the next")
    base = a.focus if anaphoric else a.published
    amount = -1 if word in _BACK else 1 if word in _FORWARD else 0
    return _shift(base, c.groups["unit"].lower(), amount)


def _offset(c: Candidate, a: Anchor, d: Direction) -> str | None:
    amount = _number(c.groups["num"])
    word = c.groups["dir"].lower()
    if amount is None:
        return "PAST_REF" if word in ("ago", "earlier", "before", "previously") else "FUTURE_REF"
    sign = -1 if word in ("ago", "earlier", "before", "previously") else 1
    base = a.published if word in ("ago", "from now") else a.focus
    return _shift(base, c.groups["unit"].lower(), sign * amount)


def _anaphoric(c: Candidate, a: Anchor, d: Direction) -> str | None:
    phrase = c.groups["word"].lower()
    unit = next(
        (u for u in ("day", "morning", "night", "week", "month", "year") if u in phrase), "day"
    )
    unit = "day" if unit in ("morning", "night") else unit
    sign = 1 if any(w in phrase for w in ("next", "following", "after")) else 0
    sign = -1 if any(w in phrase for w in ("previous", "before")) else sign
    return _shift(a.focus, unit, sign)


def _set(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups.get("word", "").lower()
    if word in _SET_ADVERBS:
        return _SET_ADVERBS[word]
    unit = c.groups["unit"].lower()
    step = 2 if c.groups.get("ordinal", "").lower() in ("other", "second") else 1
    code = {"morning": "D", "evening": "D", "night": "D"}.get(unit) or words()["unit"][unit]
    return f"P{step}{code}"


def _duration(c: Candidate, a: Anchor, d: Direction) -> str | None:
    unit = c.groups["unit"].lower()
    raw = c.groups.get("num")
    amount: str = "X"
    if raw is not None:
        number = raw if raw.replace(".", "", 1).isdigit() else str(_number(raw) or "X")
        amount = number
    code = words()["unit"][unit]
    if unit in _MULTIPLES:  # TimeML writes decades and fortnights in years and weeks
        factor, code = _MULTIPLES[unit]
        return f"P{int(amount) * factor if amount.isdigit() else 'X'}{code}"
    return f"PT{amount}{code[0]}" if unit in ("second", "minute", "hour") else f"P{amount}{code}"


def _clock(c: Candidate, a: Anchor, d: Direction) -> str | None:
    g = c.groups
    if "word" in g:
        return f"{a.focus.isoformat()}T{_CLOCK_WORDS[g['word'].lower()]}"
    hour = int(g.get("hour") or g.get("hour2") or 0)
    minute = int(g.get("min") or g.get("min2") or 0)
    ampm = g.get("ampm", "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{a.focus.isoformat()}T{hour:02d}:{minute:02d}"


def _ref(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups["word"].lower()
    if word in _REF_WORDS:
        return _REF_WORDS[word]
    return (
        "FUTURE_REF" if "future" in word or "coming" in word or "ahead" in word else "PRESENT_REF"
    )


Resolver = Callable[[Candidate, Anchor, Direction], "str | None"]
RESOLVERS: dict[str, Resolver] = {
    "day": _day, "day_no_year": _day_no_year, "month": _month_year, "month_no_year": _month_no_year,
    "weekday": _weekday, "decade": _decade, "year": _year, "quarter": _quarter, "half": _half,
    "season": _season, "last_quarter": _last_quarter, "this_weekend": _this_weekend,
    "day_offset": _day_offset, "day_part": _day_part,
    "relative_unit": _relative_unit, "offset": _offset, "anaphoric": _anaphoric, "set": _set,
    "duration": _duration, "clock": _clock, "ref": _ref,
}  # fmt: skip
# Kinds whose day-precise result moves the story's date in focus.
MOVES_FOCUS = frozenset({"day", "day_no_year", "weekday", "day_offset", "offset", "anaphoric"})


def resolve(candidate: Candidate, anchor: Anchor, direction: Direction) -> str | None:
    """The TIMEX3 value of a candidate, or None when it names no real date (e.g. 31 February)."""
    try:
        value = RESOLVERS[candidate.rule.kind](candidate, anchor, direction)
    except (ValueError, KeyError, OverflowError):
        return None
    if value and candidate.rule.kind in MOVES_FOCUS and re.match(r"\d{4}-\d\d-\d\d", value):
        anchor.focus = date.fromisoformat(value[:10])
    return value
