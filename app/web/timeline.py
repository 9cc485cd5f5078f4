"""GET / — the timeline: chart, map, facets and the filtered, paged events grouped by day."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.deps import SessionDep, SettingsDep
from app.query import timeline as q
from app.query.filters import EventFilter, FilterError
from app.query.listing import ListedEvent
from app.query.regions import region_names
from app.web.charts import build_chart
from app.web.map import build_map
from app.web.templating import date_label, templates

router = APIRouter()
RANK_LIMIT = 5_000  # matches above which the search is not ranked (see _best)
BEST = 5


def group_by_month_and_day(
    events: list[ListedEvent],
) -> list[tuple[str, list[tuple[str, list[ListedEvent]]]]]:
    """[(month heading, [(day heading, events)])]; events stay in the order given."""
    months = []
    for month, in_month in groupby(events, key=_month_heading):
        days = [(day, list(group)) for day, group in groupby(in_month, key=date_label)]
        months.append((month, days))
    return months


def _month_heading(event: ListedEvent) -> str:
    """A year- or quarter-precision event gets its own heading, not its first month's."""
    if event.precision in ("year", "quarter"):
        return date_label(event)
    return f"{event.date_start:%B %Y}"


@router.get("/", response_class=HTMLResponse, summary="The timeline page")
def timeline_page(request: Request, session: SessionDep, settings: SettingsDep) -> HTMLResponse:
    try:
        f = EventFilter.from_params(_multi(request))
    except FilterError as error:
        return _render(request, session, EventFilter(), str(error), 400, settings.page_size)
    return _render(request, session, f, None, 200, settings.page_size)


def _best(matches: q.TimelineMatches, f: EventFilter, total: int) -> list[ListedEvent]:
    """Ranked matches on a search's first page; bm25 over tens of thousands of matches costs
    more than it tells, so past RANK_LIMIT the page asks for a narrower search instead."""
    if not f.q or f.after or not BEST < total <= RANK_LIMIT:
        return []  # a handful of matches is already all on screen: no need to rank them
    return matches.best_matches(BEST)


def _next_query(f: EventFilter, after: str | None) -> str | None:
    return urlencode({**f.to_params(after=None), "after": after}) if after else None


def _multi(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def _render(
    request: Request, session: SessionDep, f: EventFilter, error: str | None, status: int, size: int
) -> HTMLResponse:
    with q.matching(session, f) as matches:  # a search's matches are gathered once
        spans = matches.date_span_counts()
        total = sum(count for _, _, count in spans)
        page = matches.event_page(size, spans)  # the spans bound the page's dates
        counts = matches.region_counts()
        best = _best(matches, f, total)
    names = region_names(session)
    context = {
        "filter": f,
        "error": error,
        "months": group_by_month_and_day(list(page.events)),
        "next_query": _next_query(f, page.next_after),
        "total": total,
        "best": best,
        "rank_limit": RANK_LIMIT,
        "chart": build_chart(spans, f),
        "map": build_map(counts, f, names),
        "region_counts": counts,
        "region_names": names,
        "description": f.describe(names),
        "event_types": q.event_types(session),
        "sources": q.sources(session),
    }
    return templates.TemplateResponse(request, "timeline.html", context, status_code=status)
