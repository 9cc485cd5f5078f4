"""GET / — the timeline: filtered, paged events grouped by month and day, with region counts."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.deps import SessionDep, SettingsDep
from app.query import timeline as q
from app.query.filters import EventFilter, FilterError
from app.store.models import Event
from app.web.templating import date_label, templates

router = APIRouter()


def group_by_month_and_day(events: list[Event]) -> list[tuple[str, list[tuple[str, list[Event]]]]]:
    """[(month heading, [(day heading, events)])]; events stay in the order given."""
    months = []
    for month, in_month in groupby(events, key=lambda e: f"{e.date_start:%B %Y}"):
        days = [(day, list(group)) for day, group in groupby(in_month, key=date_label)]
        months.append((month, days))
    return months


@router.get("/", response_class=HTMLResponse, summary="The timeline page")
def timeline_page(request: Request, session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    params = _multi(request)
    try:
        f = EventFilter.from_params(params)
    except FilterError as error:
        return _render(request, session, EventFilter(), error=str(error), status=400, size=settings.page_size)
    return _render(request, session, f, error=None, status=200, size=settings.page_size)


def _next_query(f: EventFilter, after: str | None) -> str | None:
    return urlencode({**f.to_params(after=None), "after": after}) if after else None


def _multi(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _render(
    request: Request, session: SessionDep, f: EventFilter, *, error: str | None, status: int, size: int
) -> HTMLResponse:
    page = q.event_page(session, f, size)
    names = q.region_names(session)
    context = {
        "filter": f,
        "error": error,
        "months": group_by_month_and_day(list(page.events)),
        "next_query": _next_query(f, page.next_after),
        "total": q.count_events(session, f),
        "region_counts": q.region_counts(session, f),
        "region_names": names,
        "description": f.describe(names),
        "event_types": q.event_types(session),
        "sources": q.sources(session),
    }
    return templates.TemplateResponse(request, "timeline.html", context, status_code=status)
