"""Relative dates: days, weeks, months or years counted from the publication or the story's date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from app.extract.timex.context import Anchor, Resolver, parse_number
from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words
from app.extract.timex.values import add_months, week_value

_REF_WORDS = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
              "recent": "PAST_REF", "past": "PAST_REF", "then current": "PAST_REF",
              "then-current": "PAST_REF"}  # fmt: skip
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}  # fmt: skip
# "Later in the day" after a background "killed in March 2022" is still the story's own day.
_WITHIN_STORY_DAY = ("earlier in the day", "later in the day")
_BACK = ("last", "previous", "the previous", "the last", "the past", "this past")
_FORWARD = ("next", "coming", "the next", "the coming", "the following")


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


def _this_weekend(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """Early in the week 'the weekend' is the one just past, unless the clause looks ahead."""
    early_week = a.published.isoweekday() <= 4 and d not in ("future", "either")
    return _shift(a.published, "weekend", -1 if early_week else 0)


def _day_offset(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return (a.published + timedelta(days=_DAY_WORDS[c.groups["word"].lower()])).isoformat()


def _day_part(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups["word"].lower()
    if word in ("earlier today", "later today"):
        return a.published.isoformat()
    tokens = re.split(r"[ -]", word)  # "mid-afternoon yesterday"
    offset = -1 if {"last", "yesterday"} & set(tokens) else 1 if "tomorrow" in tokens else 0
    parts = words()["part"]
    part = (
        "NI" if word in ("tonight", "last night") else next(parts[t] for t in tokens if t in parts)
    )
    return f"{(a.published + timedelta(days=offset)).isoformat()}T{part}"


def _around_event(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the weeks before the shooting': a time near an event whose date the words do not give."""
    return "XXXX-XX"


def _ordinal_day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the second day of the offensive': the report's own day when the clause says it is
    ("It's the second day"), otherwise a day the words do not date."""
    return a.published.isoformat() if "now" in c.groups else "XXXX-XX-XX"


def _relative_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups.get("dir", "").lower()
    unit = c.groups["unit"].lower()
    amount = -1 if word in _BACK else 1 if word in _FORWARD else 0
    if word in ("the previous", "the following", "the next"):
        return _from_story(unit, amount, a, _story_base(unit, a))
    return _shift(a.published, unit, amount)


def _story_base(unit: str, a: Anchor) -> date:
    """What 'the following month' counts from: the month (or year) the story last named."""
    named = a.named or ""
    if unit in ("year", "month") and len(named) >= (4 if unit == "year" else 7):
        return date(int(named[:4]), int(named[5:7]) if unit == "month" else 1, 1)
    return a.focus


def _from_story(unit: str, amount: int, a: Anchor, base: date, counted: bool = False) -> str:
    """`amount` units from the story's date `base`: 'two months later', 'the next day'.

    Before any day of the story is named, a month or year named in the past is that date
    ("annexed Crimea in March 2014. Two months later" is 2014-05), and a count finer than it
    ("three days later") is no more precise than it. A `counted` stretch ("two weeks later") also
    counts from such a date named in its own sentence after the story's day and before it
    ("retreated in March and reappeared two weeks later" after a Saturday of July), where "the
    same day" or a later sentence ("held since 2014. Two days later") stay on the story's day.
    """
    named = a.named or ""
    told = counted and a.named_at >= a.sentence_start  # named in this sentence
    since = a.focus if told else a.published
    if not (a.coarse and (told or a.focus == a.published) and named < since.isoformat()):
        return _shift(base, unit, amount)
    month = len(named) == len("YYYY-MM")
    base = date(int(named[:4]), int(named[5:7]) if month else 7, 15 if month else 1)
    if unit in ("day", "night"):
        return (base + timedelta(days=amount)).isoformat()[: len(named)]
    if unit in ("week", "weekend"):
        return (base + timedelta(weeks=amount)).isoformat()[: len(named)]
    if unit in ("month", "quarter") and not month:
        return str(add_months(base, amount * (3 if unit == "quarter" else 1)).year)
    return _shift(base, unit, amount)


def _offset(c: Candidate, a: Anchor, d: Direction) -> str | None:
    amount = parse_number(c.groups["num"])
    word = c.groups["dir"].lower()
    if amount is None:
        return "PAST_REF" if word in ("ago", "earlier", "before", "previously") else "FUTURE_REF"
    sign = -1 if word in ("ago", "earlier", "before", "previously") else 1
    unit = c.groups["unit"].lower()
    if a.quarter and unit == "year" and amount == 1 and word in ("ago", "earlier"):
        # In a report on a quarter, "a year earlier" is that quarter a year before (TimeBank).
        return f"{int(a.quarter[:4]) - 1}{a.quarter[4:]}"
    if word in ("ago", "from now"):
        return _shift(a.published, unit, sign * amount)
    return _from_story(unit, sign * amount, a, a.focus, counted=True)


def _anaphoric(c: Candidate, a: Anchor, d: Direction) -> str | None:
    phrase = c.groups["word"].lower()
    parts_of_a_day = ("morning", "afternoon", "evening", "night")
    unit = next(
        (u for u in ("day", *parts_of_a_day, "week", "month", "year") if u in phrase), "day"
    )
    unit = "day" if unit in parts_of_a_day else unit
    sign = 1 if any(w in phrase for w in ("next", "following", "after")) else 0
    sign = -1 if any(w in phrase for w in ("previous", "before")) else sign
    if phrase in _WITHIN_STORY_DAY:  # a part of a day: the story's day, never a month it named
        return _story_base(unit, a).isoformat()
    # "that year" after "in March 2014": the year (or month) the story last named
    return _from_story(unit, sign, a, _story_base(unit, a))


def _ref(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups["word"].lower()
    if word in _REF_WORDS:
        return _REF_WORDS[word]
    return (
        "FUTURE_REF"
        if any(
            w in word
            for w in ("future", "coming", "ahead", "term", "later", "soon", "one day", "some")
        )
        else "PRESENT_REF"
    )


RESOLVERS: dict[str, Resolver] = {
    "this_weekend": _this_weekend,
    "day_offset": _day_offset,
    "day_part": _day_part,
    "around_event": _around_event,
    "ordinal_day": _ordinal_day,
    "relative_unit": _relative_unit,
    "offset": _offset,
    "anaphoric": _anaphoric,
    "ref": _ref,
}
