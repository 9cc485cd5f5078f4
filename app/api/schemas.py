"""Pydantic request and response models of the JSON API (/api/parse as the shared eval README)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from app.extract.types import Event as ParsedEvent
from app.extract.types import ParsedArticle
from app.extract.types import Place as ParsedPlace
from app.extract.types import Timex as ParsedTimex
from app.store.models import Article as ArticleRow
from app.store.models import Event as EventRow


class ParseRequest(BaseModel):
    text: str = Field(description="Article text (plain text or HTML).")
    published: str | None = Field(default=None, description="Publication date, e.g. 2022-06-25.")
    title: str | None = None


class ArticleRequest(ParseRequest):
    source: str | None = None
    url: str | None = Field(default=None, description="http(s) URL of the original article.")


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class TimexOut(SpanOut):
    type: str
    value: str


class DateOut(BaseModel):
    start: date
    end: date
    precision: str
    value: str
    text: str | None = Field(description="The expression that gave the date; null when implied.")


class RegionOut(BaseModel):
    code: str
    name: str


class PlaceOut(BaseModel):
    name: str
    lat: float | None
    lon: float | None
    region: str | None = None
    geo_precision: str | None = None
    mention: SpanOut | None = None


class EventOut(BaseModel):
    id: int | None = None
    article_id: int | None = None
    date: DateOut
    date_implied: bool
    evidence: SpanOut
    regions: list[RegionOut]
    places: list[PlaceOut]
    event_type: str
    sub_event_type: str
    summary: str
    confidence: float
    reviewed: bool = False


class ParseResponse(BaseModel):
    published: date
    published_inferred: bool
    timexes: list[TimexOut]
    events: list[EventOut]


class ArticleSummary(BaseModel):
    id: int
    title: str
    source: str | None
    url: str | None
    published: date
    published_inferred: bool
    events: int


class ArticleOut(ArticleSummary):
    text: str
    event_list: list[EventOut]


class ArticleCreated(BaseModel):
    id: int
    url: str
    events: int
    published_inferred: bool


class EventsPage(BaseModel):
    description: str
    total: int
    events: list[EventOut]
    next: str | None = Field(description="URL of the next page, or null on the last page.")


class Problem(BaseModel):
    detail: str
    article_id: int | None = None


def timex_out(t: ParsedTimex) -> TimexOut:
    return TimexOut(
        start=t.span.start, end=t.span.end, text=t.span.text, type=t.type, value=t.value
    )


def _place_out(p: ParsedPlace) -> PlaceOut:
    mention = SpanOut(start=p.span.start, end=p.span.end, text=p.span.text)
    return PlaceOut(
        name=p.name,
        lat=p.lat,
        lon=p.lon,
        region=p.region.code,
        geo_precision=p.geo_precision,
        mention=mention,
    )


def parsed_event_out(e: ParsedEvent) -> EventOut:
    return EventOut(
        date=DateOut(
            start=e.date.start,
            end=e.date.end,
            precision=e.date.precision,
            value=e.date.value,
            text=e.timex.span.text if e.timex else None,
        ),
        date_implied=e.date_implied,
        evidence=SpanOut(start=e.evidence.start, end=e.evidence.end, text=e.evidence.text),
        regions=[RegionOut(code=r.code, name=r.name) for r in e.regions],
        places=[_place_out(p) for p in e.places],
        event_type=e.event_type,
        sub_event_type=e.sub_event_type,
        summary=e.summary,
        confidence=e.confidence,
    )


def parse_response(parsed: ParsedArticle) -> ParseResponse:
    return ParseResponse(
        published=parsed.published,
        published_inferred=parsed.published_inferred,
        timexes=[timex_out(t) for t in parsed.timexes],
        events=[parsed_event_out(e) for e in parsed.events],
    )


def event_row_out(e: EventRow) -> EventOut:
    return EventOut(
        id=e.id,
        article_id=e.article_id,
        date=DateOut(
            start=e.date_start,
            end=e.date_end,
            precision=e.precision,
            value=e.date_value,
            text=e.date_text,
        ),
        date_implied=e.date_text is None,
        evidence=SpanOut(start=e.evidence_start, end=e.evidence_end, text=e.evidence_text),
        regions=[RegionOut(code=r.region.code, name=r.region.name) for r in e.regions],
        places=[
            PlaceOut(
                name=p.place.name,
                lat=p.place.lat,
                lon=p.place.lon,
                region=p.place.region_code,
                geo_precision=p.geo_precision,
                mention=SpanOut(start=p.mention_start, end=p.mention_end, text=p.mention_text),
            )
            for p in e.places
        ],
        event_type=e.event_type,
        sub_event_type=e.sub_event_type,
        summary=e.summary,
        confidence=e.confidence,
        reviewed=e.reviewed,
    )


def article_summary(a: ArticleRow) -> ArticleSummary:
    return ArticleSummary(
        id=a.id,
        title=a.title,
        source=a.source,
        url=a.url,
        published=a.published,
        published_inferred=a.published_inferred,
        events=len(a.events),
    )
