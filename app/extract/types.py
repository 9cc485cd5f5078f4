"""Frozen value types that the extraction pipeline produces: spans, dates, places, events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "quarter", "year"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
GeoPrecision = Literal["settlement", "nearby", "region", "country"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the article text, and the text it covers."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DateValue:
    """An inclusive calendar interval at the precision the text gives, with its TIMEX3 value."""

    start: date
    end: date
    precision: Precision
    value: str  # TIMEX3 value: 2022-06-25, 2022-W25, 2022-06, 2022-Q2, 2022


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in the text (TimeML TIMEX3)."""

    span: Span
    type: TimexType
    value: str  # TIMEX3 value: a date value, PAST_REF/PRESENT_REF/FUTURE_REF, P3D, XXXX-WXX-1 ...
    date: DateValue | None = None  # the calendar interval, when the value names one


@dataclass(frozen=True, slots=True)
class Region:
    """An ISO 3166-2 subdivision (UA-09) or, failing one, an ISO 3166-1 country (UA)."""

    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved through the gazetteer."""

    name: str  # canonical English name: "Sievierodonetsk"
    span: Span  # the mention as written: "Severodonetsk"
    region: Region  # where it lies: UA-09
    kind: str  # city, town, village, oblast, country, feature, sea ...
    geo_precision: GeoPrecision
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or clause) of the text with its character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One happening a timeline reader would want: when, where, what, and the words it came from."""

    date: DateValue
    evidence: Span
    timex: Timex | None  # the expression that dated it; None when implied by the publication date
    regions: tuple[Region, ...] = ()
    places: tuple[Place, ...] = ()
    event_type: str = "Strategic developments"
    sub_event_type: str = "Other"
    summary: str = ""
    confidence: float = 0.5

    @property
    def date_implied(self) -> bool:
        return self.timex is None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """Everything extracted from one article."""

    text: str
    published: date
    published_inferred: bool
    sentences: tuple[Sentence, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)
