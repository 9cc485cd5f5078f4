"""Calendar names: days, weekdays, months, holidays, years, decades, quarters, seasons."""

from __future__ import annotations

from datetime import date, timedelta

from app.extract.timex.context import Anchor, Resolver, month_of, ordinal_of, parse_number
from app.extract.timex.direction import Direction, direction_cues, nearest_of, nearest_year
from app.extract.timex.find import Candidate
from app.extract.timex.grammar import words
from app.extract.timex.holidays import holiday_date
from app.extract.timex.values import week_value

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def _day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    g = c.groups
    return date(int(g["year"]), month_of(g), int(g["day"])).isoformat()


def _day_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    found = nearest_year(month_of(c.groups), int(c.groups["day"]), a.published, d)
    return found.isoformat() if found else None


def _list_day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'April 24 and 25': the second day is in the year of the first, the date last named."""
    named, month = a.named or "", month_of(c.groups)
    if len(named) == len("YYYY-MM-DD") and int(named[5:7]) == month:
        return date(int(named[:4]), month, int(c.groups["day"])).isoformat()
    return _day_no_year(c, a, d)


def _weekday_day(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'Thursday, March 21': the year near the reference in which that day is that weekday."""
    weekday = int(words()["weekday"][c.groups["weekday"].lower()])
    month, day, ref = month_of(c.groups), int(c.groups["day"]), a.published
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


def _week_of(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'the week of March 6': the calendar week holding that day."""
    day = _day(c, a, d) if "year" in c.groups else _day_no_year(c, a, d)
    return week_value(date.fromisoformat(day)) if day else None


def _month_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return f"{int(c.groups['year']):04d}-{month_of(c.groups):02d}"


def _month_no_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    month, ref = month_of(c.groups), a.published
    word = c.groups.get("dir", "").lower()
    year = ref.year
    if "ydir" in c.groups:  # "June last year"
        return f"{year + {'last': -1, 'next': 1}.get(c.groups['ydir'].lower(), 0):04d}-{month:02d}"
    if not word and d == "either":  # "by February": this year's unless it is over
        year += month < ref.month
    elif not word and d == "nearest" and (story := _story_year(c, a)) is not None:
        year = story  # "Last year, X came under pressure. ... uprising in June ...": that June
    elif not word and d == "nearest":
        first = nearest_year(month, 1, ref, d)  # the month's first day, near the reference
        year = first.year if first else year
    elif word in ("last", "this past") or (not word and d == "past"):
        year -= month > ref.month or (word != "" and month == ref.month)
    elif word in ("next", "this coming") or (not word and d == "future"):
        year += month < ref.month or (word == "next" and month == ref.month)
    return f"{year:04d}-{month:02d}"


STORY_YEAR_CHARS = 400  # a year the story moved to holds for a paragraph or so


def _story_year(c: Candidate, a: Anchor) -> int | None:
    """The past year a relative expression just put the story in ("Last year, ..."), if any."""
    if a.story_year is None:
        return None
    year, at = a.story_year
    return year if 0 <= c.start - at <= STORY_YEAR_CHARS else None


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
    if not word and d in ("closest", "reported_future"):  # ahead unless only just past
        ahead = (target - ref.isoweekday()) % 7
        behind = back <= direction_cues().days_back[d] and back < ahead
        return (ref - timedelta(days=back) if behind else ref + timedelta(days=ahead)).isoformat()
    if word in ("last", "this past") or (not word and d != "future"):
        day = ref - timedelta(days=back or (7 if word else 0))
    else:
        ahead = (target - ref.isoweekday()) % 7
        day = ref + timedelta(days=ahead or (7 if word == "next" else 0))
    # "Friday night" is dated by its day alone; TimeBank writes the part of the day only for an
    # evening ("Wednesday evening" is 2000-03-29TEV), its nights and mornings going either way.
    timed = c.groups.get("timed", "").lower()
    return day.isoformat() + (f"T{words()['part'][timed]}" if timed else "")


def _weekday_from(day: date, target: int, sign: int) -> str:
    """The nearest such weekday strictly before (sign -1) or after (sign 1) `day`."""
    step = (sign * (target - day.isoweekday())) % 7 or 7
    return (day + timedelta(days=sign * step)).isoformat()


def _holiday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """The holiday's date, or its calendar week for 'Easter week'."""
    found = _holiday_date(c, a, d)
    if not found:
        return None
    return week_value(found) if "week" in c.groups else found.isoformat()


def _holiday_date(c: Candidate, a: Anchor, d: Direction) -> date | None:
    rule = words()["holiday"][c.groups["holiday"].lower()]
    if "year" in c.groups:
        return holiday_date(rule, int(c.groups["year"]))
    word, ref = c.groups.get("dir", "").lower(), a.published
    options = [holiday_date(rule, year) for year in (ref.year - 1, ref.year, ref.year + 1)]
    if word == "last":
        options, d = [day for day in options if day < ref], "past"
    elif word == "next":
        options, d = [day for day in options if day > ref], "future"
    elif word == "this":
        return holiday_date(rule, ref.year)
    return nearest_of(options, ref, d)


def _decade(c: Candidate, a: Anchor, d: Direction) -> str | None:
    if "dec" in c.groups:
        return c.groups["dec"]
    return f"19{c.groups.get('dec2') or _DECADE_WORDS[c.groups['word'].lower()]}"


def _year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    return c.groups["year"]


def _spoken_year(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'nineteen ninety-six' is 1996, 'the year two thousand and one' 2001; a month adds itself."""
    if "rest" in c.groups:
        year = 1900 + (parse_number(c.groups["rest"]) or 0)
    else:
        year = 2000 + (parse_number(c.groups["rest2"]) or 0 if "rest2" in c.groups else 0)
    return f"{year}-{month_of(c.groups):02d}" if "month" in c.groups else str(year)


def _century(c: Candidate, a: Anchor, d: Direction) -> str | None:
    if "cent" in c.groups:  # "the 1700s"
        return c.groups["cent"]
    raw = c.groups.get("num") or c.groups.get("num2")
    number = int(raw) if raw else ordinal_of(c.groups, 0)
    return f"{number - 1:02d}" if 0 < number <= 21 else None


def _of_year(c: Candidate, a: Anchor) -> int | None:
    """The year a part of one names in words: "of the year", "of this year", "of last year"."""
    if "ofyear" not in c.groups:
        return None
    return a.published.year + {"last": -1, "next": 1}.get(c.groups.get("dir2", "").lower(), 0)


def _quarter(c: Candidate, a: Anchor, d: Direction) -> str | None:
    quarter = ordinal_of(c.groups, 4)
    named = c.groups.get("year") or c.groups.get("year2") or _of_year(c, a)
    if named:
        return f"{named}-Q{quarter}"
    if "dir" in c.groups:  # "next year's first quarter"
        shift = {"last": -1, "next": 1}.get(c.groups["dir"].lower(), 0)
        return f"{a.published.year + shift}-Q{quarter}"
    started = (quarter - 1) * 3 + 1 <= a.published.month
    year = a.published.year - (not started and d not in ("future", "either"))
    return f"{year}-Q{quarter}"


def _half(c: Candidate, a: Anchor, d: Direction) -> str | None:
    year = c.groups.get("year") or c.groups.get("year2") or _of_year(c, a) or a.published.year
    groups = {"ordinal": c.groups.get("ordinal") or c.groups["ordinal2"]}
    return f"{year}-H{ordinal_of(groups, 2)}"


def _season(c: Candidate, a: Anchor, d: Direction) -> str | None:
    raw = c.groups.get("season") or c.groups["season2"]
    code = words()["season"][raw.lower()]
    word = c.groups.get("dir", "").lower()
    year = int(c.groups.get("year") or c.groups.get("year2") or a.published.year)
    if word == "this past":  # the latest one that has begun
        year -= _SEASON_START[code] > a.published.month
    year += -1 if word == "last" else 1 if word == "next" else 0
    return f"{year}-{code}"


RESOLVERS: dict[str, Resolver] = {
    "day": _day,
    "day_no_year": _day_no_year,
    "list_day": _list_day,
    "week_of": _week_of,
    "weekday_day": _weekday_day,
    "month": _month_year,
    "month_no_year": _month_no_year,
    "weekday": _weekday,
    "holiday": _holiday,
    "decade": _decade,
    "year": _year,
    "spoken_year": _spoken_year,
    "century": _century,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
}
