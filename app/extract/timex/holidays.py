"""Holidays: the day a holiday rule of timex_words.tsv (fixed, n-th weekday, Easter-based) names."""

from __future__ import annotations

from datetime import date, timedelta

from app.extract.timex.values import add_months


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: Meeus' Julian computus, moved to the Gregorian calendar."""
    d = (19 * (year % 19) + 15) % 30
    e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return date(year, month, day + 1) + timedelta(days=julian_gap)


def holiday_date(rule: str, year: int) -> date:
    """The day a holiday rule of timex_words.tsv (MM-DD, M/W/N[@D], E±n, O±n) gives in `year`."""
    if rule.startswith("E"):
        return _easter(year) + timedelta(days=int(rule[1:]))
    if rule.startswith("O"):
        return _orthodox_easter(year) + timedelta(days=int(rule[1:]))
    if "/" not in rule:
        month_text, day_text = rule.split("-")
        return date(year, int(month_text), int(day_text))
    spec, _, first = rule.partition("@")
    month, weekday, nth = (int(part) for part in spec.split("/"))
    if nth < 0:  # the last such weekday: count back from the month's last day
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    start = date(year, month, int(first or 1))
    return start + timedelta(days=(weekday - start.isoweekday()) % 7 + 7 * (nth - 1))
