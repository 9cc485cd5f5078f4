"""Clock times: '10:30 p.m.', '4 in the morning', 'noon Thursday', '5 p.m. EST, Nov. 6'."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.extract.timex.context import Anchor, Resolver, parse_number
from app.extract.timex.direction import Direction
from app.extract.timex.find import Candidate
from app.extract.timex.named import RESOLVERS as NAMED

_CLOCK_WORDS = {"midnight": "24:00", "noon": "12:00", "midday": "12:00"}


def _clock(c: Candidate, a: Anchor, d: Direction) -> str | None:
    g = c.groups
    if "word" in g:
        return f"{a.focus.isoformat()}T{_CLOCK_WORDS[g['word'].lower()]}"
    hour = int(g.get("hour") or g.get("hour2") or g.get("hour4") or 0)
    minute = int(g.get("min") or g.get("min2") or g.get("min3") or g.get("min4") or 0)
    ampm = g.get("ampm", "").lower().replace(".", "")
    if "hour3" in g:  # "4 in the morning", "10 at night"
        hour = parse_number(g["hour3"]) or 0
        late = g["part3"].lower() in ("afternoon", "evening") or hour >= 6
        ampm = "pm" if g["part3"].lower() != "morning" and late else "am"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{a.focus.isoformat()}T{hour:02d}:{minute:02d}"


def _clock_weekday(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'10 p.m. Wednesday': the clock time on the day the weekday names."""
    day = NAMED["weekday"](c, a, d)
    return _clock(c, Anchor(a.published, date.fromisoformat(day or "")), d)


def _clock_date(c: Candidate, a: Anchor, d: Direction) -> str | None:
    """'5 p.m. EST, Nov. 6', '2pm on 25 April 2022': the clock time on that day."""
    if "day2" in c.groups:  # the day before the month: "9pm on 24 February"
        c = replace(c, groups={**c.groups, "day": c.groups["day2"]})
    day = NAMED["day" if "year" in c.groups else "day_no_year"](c, a, d)
    return _clock(c, Anchor(a.published, date.fromisoformat(day or "")), d)


RESOLVERS: dict[str, Resolver] = {
    "clock": _clock,
    "clock_weekday": _clock_weekday,
    "clock_date": _clock_date,
}
