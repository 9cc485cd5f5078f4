"""GET /api/events — the timeline as JSON, with the same filters and cursor as the page."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from app.api.filtering import EventFilterDep
from app.api.schemas import EventsPage, Problem, event_row_out
from app.deps import SessionDep, SettingsDep
from app.query import timeline as q
from app.query.regions import region_names

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
    f: EventFilterDep,
    limit: int = Query(0, ge=0, le=500, description="Page size (default: the app's page size)."),
) -> EventsPage:
    page = q.event_page(session, f, limit or settings.page_size)
    next_url = None
    if page.next_after:
        next_url = f"{request.url.path}?" + urlencode(
            {**f.to_params(after=None), "after": page.next_after}
        )
    return EventsPage(
        description=f.describe(region_names(session)),
        total=q.count_events(session, f),
        events=[event_row_out(e) for e in page.events],
        next=next_url,
    )
