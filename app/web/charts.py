"""The overview chart: events per day, week or month over the range shown, as linked SVG bars."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.query.filters import EventFilter

WIDTH, HEIGHT = 1000.0, 100.0
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Bar:
    start: date
    end: date
    value: float  # events, with a month-precision event counted 1/30 on each day of its month
    x: float
    width: float
    height: float
    label: str
    query: str  # the filter narrowed to this bar's dates


@dataclass(frozen=True)
class Chart:
    unit: str  # "day", "week" or "month"
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (percent from the left, label)
    width: float = WIDTH
    height: float = HEIGHT


def choose_unit(first: date, last: date) -> str:
    """Days up to three months shown, weeks up to two years, months beyond."""
    days = (last - first).days + 1
    return "day" if days <= 92 else "week" if days <= 731 else "month"


_BUCKET_STARTS: dict[str, Callable[[date], date]] = {
    "day": lambda day: day,
    "week": lambda day: day - timedelta(days=day.weekday()),
    "month": lambda day: day.replace(day=1),
}


def bucket_start(day: date, unit: str) -> date:
    return _BUCKET_STARTS[unit](day)


def next_bucket(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start + timedelta(days=32)).replace(day=1)
    return start + timedelta(days=1)


def bucket_starts(first: date, last: date, unit: str) -> list[date]:
    """The first day of every bucket from the one holding `first` to the one holding `last`."""
    starts = [bucket_start(first, unit)]
    while (following := next_bucket(starts[-1], unit)) <= last:
        starts.append(following)
    return starts


def spread(
    spans: Sequence[tuple[date, date, int]], first: date, last: date, unit: str
) -> dict[date, float]:
    """Each span's events shared over the buckets it covers, in proportion to the days covered,
    so a month-precision event spreads over its month rather than piling on the 1st.

    Days are ordinals and buckets a list of edges, found by bisection: a search at 100k events
    brings some 1,700 spans, and this runs on every page view."""
    starts = bucket_starts(first, last, unit)
    edges = [day.toordinal() for day in starts]
    edges.append(next_bucket(starts[-1], unit).toordinal())
    totals = [0.0] * len(starts)
    lowest, highest = first.toordinal(), last.toordinal()
    for start, end, count in spans:
        start_day, end_day = start.toordinal(), end.toordinal()
        lo, hi = max(start_day, lowest), min(end_day, highest)
        if lo > hi:
            continue
        i = bisect_right(edges, lo) - 1
        if start_day == end_day:  # one day, as most events: one bucket, nothing to share
            totals[i] += count
            continue
        per_day = count / (end_day - start_day + 1)
        while i < len(starts) and edges[i] <= hi:
            totals[i] += per_day * (min(hi, edges[i + 1] - 1) - max(lo, edges[i]) + 1)
            i += 1
    return {day: total for day, total in zip(starts, totals, strict=True) if total}


def bar_label(start: date, unit: str) -> str:
    if unit == "month":
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    prefix = "week of " if unit == "week" else ""
    return f"{prefix}{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"


def build_chart(spans: Sequence[tuple[date, date, int]], f: EventFilter) -> Chart | None:
    """The chart over the filter's date range, or over all matching events when it has none."""
    if not spans:
        return None
    # Without a date filter the range is that of the events dated to a quarter or better, so a
    # lone "in 2018" does not stretch the chart over four empty years (it is still counted).
    precise = [(start, end) for start, end, _ in spans if (end - start).days < 92] or [
        (start, end) for start, end, _ in spans
    ]
    first = f.date_from or min(start for start, _ in precise)
    last = f.date_to or max(end for _, end in precise)
    unit = choose_unit(first, last)
    totals = spread(spans, first, last, unit)
    starts = bucket_starts(first, last, unit)
    top = max(totals.values(), default=0.0) or 1.0
    step = WIDTH / len(starts)
    bars = []
    for i, start in enumerate(starts):
        end = next_bucket(start, unit) - timedelta(days=1)
        value = totals.get(start, 0.0)
        query = f.query_string(date_from=max(start, first), date_to=min(end, last), after=None)
        label = f"{bar_label(start, unit)}: {value:,.0f} event{'' if round(value) == 1 else 's'}"
        bars.append(Bar(start, end, value, i * step, step, HEIGHT * value / top, label, query))
    return Chart(unit, bars, _ticks(starts, unit))


def _ticks(starts: list[date], unit: str) -> list[tuple[float, str]]:
    """About six labels: at month starts for day/week bars, at year starts for month bars."""
    every = max(1, len(starts) // 6)
    ticks = []
    for i, start in enumerate(starts):
        if i % every == 0 and i < len(starts) * 0.92:  # the last label would be cut off
            label = (
                str(start.year) if unit == "month" and start.month == 1 else bar_label(start, unit)
            )
            ticks.append((100.0 * i / len(starts), label.removeprefix("week of ")))
    return ticks
