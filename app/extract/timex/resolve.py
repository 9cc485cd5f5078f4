"""Normalise found expressions to TIMEX3 values against the publication date and the focus."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from app.extract.timex.direction import Direction, nearest_of, nearest_year
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words
from app.extract.timex.holidays import holiday_date
from app.extract.timex.values import add_months, week_value

_REF_WORDS = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
              "recent": "PAST_REF", "past": "PAST_REF"}  # fmt: skip
_SET_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M",
                "hourly": "PT1H"}  # fmt: skip
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}  # fmt: skip
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_CLOCK_WORDS = {"midnight": "24:00", "noon": "12:00", "midday": "12:00"}
_HALVES = {"year": "6M", "hour": "30M", "minute": "30S", "day": "T12H"}
_HALF_UNITS = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y",
               "century": "P50Y"}  # fmt: skip
_QUARTER_UNITS = {"hour": "PT15M", "year": "P3M", "century": "P25Y"}
_MULTIPLES = {"fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y")}
_BACK = ("last", "previous", "the previous", "the last", "the past", "this past")
_FORWARD = ("next", "coming", "the next", "the coming", "the following")


@dataclass
class Anchor:
    """What relative expressions are resolved against; `focus` moves as the story does."""

    published: date
    focus: date
    quarter: str | None = None  # the quarter last named: "a year earlier" then means its year-ago
    named: str | None = None  # the last calendar date named (YYYY, YYYY-MM or YYYY-MM-DD)


def _number(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    tens, _, ones = raw.replace("-", " ").partition(" ")
    if ones and tens.endswith("ty"):  # "twenty-four"
        return int(words()["number"].get(tens, "0")) + int(words()["number"].get(ones, "0"))
    value = int(words()["number"].get(raw, "-1"))
    return value if value > 0 else None


def _month(groups: dict[str, str]) -> int:
    if "mnum" in groups:
        return int(groups["mnum"])
    name, table = groups["month"].lower(), words()
    return int(table["month"].get(name) or table["month_abbr"][name])


def _day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    g = c.groups
    return date(int(g["year"]), _month(g), int(g["day"])).isoformat()


def _day_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    found = nearest_year(_month(c.groups), int(c.groups["day"]), a.published, d)
    return found.isoformat() if found else None


def _weekday_day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'Thursday, March 21': the year near the reference in which that day is that weekday."""
    weekday = int(words()["weekday"][c.groups["weekday"].lower()])
    month, day, ref = _month(c.groups), int(c.groups["day"]), a.published
    fitting = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found.isoweekday() == weekday:
            fitting.append(found)
    if len(fitting) == 1:
        return fitting[0].isoformat()
    return _day_no_year(c, a, d)


def _month_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return f"{int(c.groups['year']):04d}-{_month(c.groups):02d}"


def _month_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    month, ref = _month(c.groups), a.published
    word = c.groups.get("dir", "").lower()
    year = ref.year
    if "ydir" in c.groups:  # "June last year"
        return f"{year + {'last': -1, 'next': 1}.get(c.groups['ydir'].lower(), 0):04d}-{month:02d}"
    if not word and d == "either":  # "by February": this year's unless it is over
        year += month < ref.month
    elif not word and d == "nearest":
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
    if word in ("the previous", "the following"):  # counted from the story's day, not today
        return _weekday_from(a.focus, target, -1 if word == "the previous" else 1)
    back = (ref.isoweekday() - target) % 7
    if not word and d == "either":  # "by Friday": the coming Friday (or today)
        d = "future"
    if word == "this":  # "this Tuesday": the Tuesday of this week, past or ahead
        return (ref + timedelta(days=target - ref.isoweekday())).isoformat()
    if word in ("last", "this past") or (not word and d != "future"):
        day = ref - timedelta(days=back or (7 if word else 0))
    else:
        ahead = (target - ref.isoweekday()) % 7
        day = ref + timedelta(days=ahead or (7 if word == "next" else 0))
    # "Friday night" is dated by its day: the part of the day adds no calendar precision.
    return day.isoformat()


def _weekday_from(day: date, target: int, sign: int) -> str:
    """The nearest such weekday strictly before (sign -1) or after (sign 1) `day`."""
    step = (sign * (target - day.isoweekday())) % 7 or 7
    return (day + timedelta(days=sign * step)).isoformat()


def _holiday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    rule = words()["holiday"][c.groups["holiday"].lower()]
    if "year" in c.groups:
        return holiday_date(rule, int(c.groups["year"])).isoformat()
    word, ref = c.groups.get("dir", "").lower(), a.published
    options = [holiday_date(rule, year) for year in (ref.year - 1, ref.year, ref.year + 1)]
    if word == "last":
        options, d = [day for day in options if day < ref], "past"
    elif word == "next":
        options, d = [day for day in options if day > ref], "future"
    elif word == "this":
        return holiday_date(rule, ref.year).isoformat()
    found = nearest_of(options, ref, d)
    return found.isoformat() if found else None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def _decade(c: Candidate, a: Anchor, d: Direction) -> str | None:
    if "dec" in c.groups:
        return c.groups["dec"]
    return f"19{c.groups.get('dec2') or _DECADE_WORDS[c.groups['word'].lower()]}"


def _year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return c.groups["year"]


def _spoken_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'nineteen ninety-six' is 1996, 'the year two thousand and one' 2001; a month adds itself."""
    if "rest" in c.groups:
        year = 1900 + (_number(c.groups["rest"]) or 0)
    else:
        year = 2000 + (_number(c.groups["rest2"]) or 0 if "rest2" in c.groups else 0)
    return f"{year}-{_month(c.groups):02d}" if "month" in c.groups else str(year)


def _century(c: Candidate, a: Anchor, d: Direction) -> str | None:
    number = int(c.groups["num"]) if "num" in c.groups else _ordinal(c.groups, 0)
    return f"{number - 1:02d}" if 0 < number <= 21 else None


def _ordinal(groups: dict[str, str], last: int) -> int:
    raw = groups["ordinal"].lower()
    return last if raw in ("last", "final") else int(words()["ordinal"][raw])


def _quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    quarter = _ordinal(c.groups, 4)
    named = c.groups.get("year") or c.groups.get("year2")
    if named:
        return f"{named}-Q{quarter}"
    if "dir" in c.groups:  # "next year's first quarter"
        shift = {"last": -1, "next": 1}.get(c.groups["dir"].lower(), 0)
        return f"{a.published.year + shift}-Q{quarter}"
    started = (quarter - 1) * 3 + 1 <= a.published.month
    year = a.published.year - (not started and d not in ("future", "either"))
    return f"{year}-Q{quarter}"


def _last_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the quarter' in a report is the latest quarter that has ended."""
    ended = add_months(a.published.replace(day=1), -3)
    return f"{ended.year}-Q{(ended.month - 1) // 3 + 1}"


def _year_ago_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the year-ago quarter': the latest ended quarter (or the one named), a year earlier."""
    if "ordinal" in c.groups:
        return f"{a.published.year - 1}-Q{_ordinal(c.groups, 4)}"
    latest = _last_quarter(c, a, d) or ""
    return f"{int(latest[:4]) - 1}{latest[4:]}"


def _report_quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the 1988 period', 'last year's quarter': the report's quarter in that (or last) year.

    Outside a report on a quarter it is only the year ("the same period a year earlier").
    """
    year = c.groups.get("year") or str(int((a.quarter or "")[:4] or a.published.year) - 1)
    return f"{year}{a.quarter[4:]}" if a.quarter else year


def _year_ago(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'year-earlier profit': the report's quarter a year before, or else last year."""
    if a.quarter:
        return f"{int(a.quarter[:4]) - 1}{a.quarter[4:]}"
    return str(a.published.year - 1)


def _this_weekend(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """Early in the week 'the weekend' is the one just past, unless the clause looks ahead."""
    early_week = a.published.isoweekday() <= 4 and d not in ("future", "either")
    return _shift(a.published, "weekend", -1 if early_week else 0)


def _half(c: Candidate, a: Anchor, d: Direction) -> str | None:
    year = c.groups.get("year") or c.groups.get("year2") or str(a.published.year)
    groups = {"ordinal": c.groups.get("ordinal") or c.groups["ordinal2"]}
    return f"{year}-H{_ordinal(groups, 2)}"


def _season(c: Candidate, a: Anchor, d: Direction) -> str | None:
    raw = c.groups.get("season") or c.groups["season2"]
    code = words()["season"][raw.lower()]
    word = c.groups.get("dir", "").lower()
    year = int(c.groups.get("year") or c.groups.get("year2") or a.published.year)
    if word == "this past":  # the latest one that has begun
        year -= _SEASON_START[code] > a.published.month
    year += -1 if word == "last" else 1 if word == "next" else 0
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
    unit = c.groups["unit"].lower()
    amount = -1 if word in _BACK else 1 if word in _FORWARD else 0
    if word in ("the previous", "the following", "the next"):
        return _shift(_story_base(unit, a), unit, amount)
    return _shift(a.published, unit, amount)


def _story_base(unit: str, a: Anchor) -> date:
    """What 'the following month' counts from: the month (or year) the story last named."""
    named = a.named or ""
    if unit in ("year", "month") and len(named) >= (4 if unit == "year" else 7):
        return date(int(named[:4]), int(named[5:7]) if unit == "month" else 1, 1)
    return a.focus


def _one_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the year ended June 30', 'the past decade': one unit long."""
    unit = c.groups["unit"].lower()
    if unit in _MULTIPLES:  # TimeML writes decades in years
        factor, code = _MULTIPLES[unit]
        return f"P{factor}{code}"
    return f"P1{words()['unit'][unit]}"


def _offset(c: Candidate, a: Anchor, d: Direction) -> str | None:
    amount = _number(c.groups["num"])
    word = c.groups["dir"].lower()
    if amount is None:
        return "PAST_REF" if word in ("ago", "earlier", "before", "previously") else "FUTURE_REF"
    sign = -1 if word in ("ago", "earlier", "before", "previously") else 1
    unit = c.groups["unit"].lower()
    if a.quarter and unit == "year" and amount == 1 and word in ("ago", "earlier"):
        # In a report on a quarter, "a year earlier" is that quarter a year before (TimeBank).
        return f"{int(a.quarter[:4]) - 1}{a.quarter[4:]}"
    base = a.published if word in ("ago", "from now") else a.focus
    return _shift(base, unit, sign * amount)


def _anaphoric(c: Candidate, a: Anchor, d: Direction) -> str | None:
    phrase = c.groups["word"].lower()
    unit = next(
        (u for u in ("day", "morning", "night", "week", "month", "year") if u in phrase), "day"
    )
    unit = "day" if unit in ("morning", "night") else unit
    sign = 1 if any(w in phrase for w in ("next", "following", "after")) else 0
    sign = -1 if any(w in phrase for w in ("previous", "before")) else sign
    # "that year" after "in March 2014": the year (or month) the story last named
    return _shift(_story_base(unit, a), unit, sign)


def _set(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups.get("word", "").lower()
    if word in _SET_ADVERBS:
        return _SET_ADVERBS[word]
    unit = (c.groups.get("unit") or c.groups.get("unit2") or c.groups["unit3"]).lower()
    step = 2 if c.groups.get("ordinal", "").lower() in ("other", "second") else 1
    step = _number(c.groups["num"]) or 1 if "num" in c.groups else step  # "every two weeks"
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
    return f"XXXX-{_month(c.groups):02d}"


def _duration(c: Candidate, a: Anchor, d: Direction) -> str | None:
    unit = (c.groups.get("unit") or c.groups["unit2"]).lower()
    raw = c.groups.get("num")
    amount: str = "X"
    half = "half" in c.groups or "half2" in c.groups or (raw or "").endswith(" 1/2")
    if raw is not None:
        raw = raw.removesuffix(" 1/2")
        number = raw if raw.replace(".", "", 1).isdigit() else str(_number(raw) or "X")
        amount = number
    code = words()["unit"][unit]
    if unit in _MULTIPLES:  # TimeML writes decades and fortnights in years and weeks
        factor, code = _MULTIPLES[unit]
        return f"P{int(amount) * factor if amount.isdigit() else 'X'}{code}"
    extra = _HALVES.get(unit, "") if half else ""  # "2 1/2 years" is P2Y6M
    if unit in ("second", "minute", "hour"):
        return f"PT{amount}{code[0]}{extra}"
    return f"P{amount}{code}{extra}"


def _half_unit(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'half a century' is P50Y: TimeML writes the part in the next smaller unit."""
    table = _QUARTER_UNITS if "quarter" in c.groups else _HALF_UNITS
    return table[c.groups["unit"].lower()]


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


def _clock_weekday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'10 p.m. Wednesday': the clock time on the day the weekday names."""
    day = _weekday(c, a, d)
    return _clock(c, Anchor(a.published, date.fromisoformat(day or "")), d)


def _clock_date(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'5 p.m. EST, Nov. 6': the clock time on that day."""
    day = _day_no_year(c, a, d)
    return _clock(c, Anchor(a.published, date.fromisoformat(day or "")), d)


def _none(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """A match that only keeps shorter rules from misreading it (a rate like "5 a day")."""
    return None


def _ref(c: Candidate, a: Anchor, d: Direction) -> str | None:
    word = c.groups["word"].lower()
    if word in _REF_WORDS:
        return _REF_WORDS[word]
    return (
        "FUTURE_REF"
        if any(w in word for w in ("future", "coming", "ahead", "term", "later"))
        else "PRESENT_REF"
    )


Resolver = Callable[[Candidate, Anchor, Direction], "str | None"]
RESOLVERS: dict[str, Resolver] = {
    "day": _day, "day_no_year": _day_no_year, "weekday_day": _weekday_day, "month": _month_year,
    "month_no_year": _month_no_year,
    "weekday": _weekday, "holiday": _holiday, "decade": _decade, "year": _year,
    "spoken_year": _spoken_year, "century": _century,
    "quarter": _quarter, "half": _half, "season": _season, "last_quarter": _last_quarter,
    "year_ago_quarter": _year_ago_quarter, "year_ago": _year_ago, "report_quarter": _report_quarter,
    "this_weekend": _this_weekend,
    "day_offset": _day_offset, "day_part": _day_part, "relative_unit": _relative_unit,
    "one_unit": _one_unit, "offset": _offset, "anaphoric": _anaphoric, "set": _set,
    "set_weekday": _set_weekday, "set_month": _set_month, "duration": _duration,
    "half_unit": _half_unit, "clock": _clock,
    "clock_weekday": _clock_weekday, "clock_date": _clock_date, "ref": _ref, "none": _none,
}  # fmt: skip
# Kinds that name a calendar date themselves (not relative to the story's dates).
NAMES_DATES = frozenset(
    {
        "day",
        "day_no_year",
        "weekday_day",
        "month",
        "month_no_year",
        "year",
        "spoken_year",
        "weekday",
        "holiday",
        "day_offset",
    }
)
# Kinds whose day-precise result moves the story's date in focus.
MOVES_FOCUS = frozenset(
    {"day", "day_no_year", "weekday_day", "weekday", "holiday", "day_offset", "offset", "anaphoric"}
)


def _is_report_quarter(value: str, anchor: Anchor) -> bool:
    """Whether a quarter is the one a report is about: the first named that began in the year."""
    first_day = date(int(value[:4]), int(value[-1]) * 3 - 2, 1)
    return anchor.quarter is None and 0 <= (anchor.published - first_day).days <= 365


def resolve(candidate: Candidate, anchor: Anchor, direction: Direction) -> str | None:
    """The TIMEX3 value of a candidate, or None when it names no real date (e.g. 31 February)."""
    try:
        value = RESOLVERS[candidate.rule.kind](candidate, anchor, direction)
    except (ValueError, KeyError, OverflowError):
        return None
    if value and candidate.rule.kind in MOVES_FOCUS and re.match(r"\d{4}-\d\d-\d\d", value):
        anchor.focus = date.fromisoformat(value[:10])
    if value and candidate.rule.kind in NAMES_DATES and re.fullmatch(r"\d{4}(-\d\d){0,2}", value):
        anchor.named = value
    if value and re.fullmatch(r"\d{4}-Q[1-4]", value) and _is_report_quarter(value, anchor):
        anchor.quarter = value
    return value
