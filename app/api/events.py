"""GET /api/events — the timeline as JSON, with the same filters and cursor as the page."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from app.api.schemas import EventsPage, Problem, event_row_out
from app.deps import SessionDep, SettingsDep
from app.query import timeline as q
from app.query.filters import EventFilter, FilterError

router = APIRouter(tags=["events"])


@router.get(
    "/events",
    response_model=EventsPage,
    responses={400: {"model": Problem}},
    summary="Events in chronological order, filtered like the timeline page",
)
def list_events(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    region: list[str] = Query([], description="ISO 3166 code(s), repeated or comma-separated."),
    from_: str = Query("", alias="from", description="First day: 2022, 2022-06 or 2022-06-25."),
    to: str = Query("", description="Last day: 2022, 2022-06 or 2022-06-25."),
    q_: str = Query("", alias="q", description="Words to search in evidence and titles."),
    type_: str = Query("", alias="type", description="Event type, e.g. Battles."),
    source: str = Query("", description="Article source."),
    after: str = Query("", description="Cursor from the previous page's `next`."),
    limit: int = Query(0, ge=0, le=500, description="Page size (default: the app's page size)."),
) -> EventsPage | JSONResponse:
    params = {
        "region": region,
        "from": from_,
        "to": to,
        "q": q_,
        "type": type_,
        "source": source,
        "after": after,
    }
    try:
        f = EventFilter.from_params(params)
    except FilterError as error:
        return JSONResponse({"detail": str(error)}, status_code=400)
    page = q.event_page(session, f, limit or settings.page_size)
    next_url = None
    if page.next_after:
        next_url = f"{request.url.path}?" + urlencode(
            {**f.to_params(after=None), "after": page.next_after}
        )
    return EventsPage(
        description=f.describe(q.region_names(session)),
        total=q.count_events(session, f),
        events=[event_row_out(e) for e in page.events],
        next=next_url,
    )
