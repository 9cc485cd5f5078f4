"""GET /api/export — the filtered timeline to download as CSV, TimelineJS, GeoJSON, ICS or JSONL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy.orm import Session, sessionmaker

from app.api.schemas import Problem
from app.export import FORMATS, Format
from app.export.stream import chunked
from app.query.filters import EventFilter, FilterError

router = APIRouter(tags=["export"])


def _stream(factory: sessionmaker[Session], fmt: Format, f: EventFilter) -> Iterator[bytes]:
    """The export, encoded, in chunks; the session lives as long as the response body does."""
    with factory() as session:
        for chunk in chunked(fmt.write(session, f)):
            yield chunk.encode("utf-8")


@router.get(
    "/export",
    response_class=StreamingResponse,
    response_model=None,
    responses={400: {"model": Problem}},
    summary="Download the filtered timeline (same filters as the page) in one of the formats",
)
def export(
    request: Request,
    format: str = Query("csv", description="csv, timelinejs, geojson, ics or jsonl."),
    region: Annotated[
        list[str] | None, Query(description="ISO 3166 code(s), repeated or comma-separated.")
    ] = None,
    from_: str = Query("", alias="from", description="First day: 2022, 2022-06 or 2022-06-25."),
    to: str = Query("", description="Last day: 2022, 2022-06 or 2022-06-25."),
    q_: str = Query("", alias="q", description="Words to search in evidence and titles."),
    type_: str = Query("", alias="type", description="Event type, e.g. Battles."),
    source: str = Query("", description="Article source."),
) -> StreamingResponse | JSONResponse:
    fmt = FORMATS.get(format)
    if fmt is None:
        names = ", ".join(FORMATS)
        return JSONResponse({"detail": f"Unknown format {format!r}: use {names}."}, 400)
    params = {
        "region": region or [],
        "from": from_,
        "to": to,
        "q": q_,
        "type": type_,
        "source": source,
    }
    try:
        f = EventFilter.from_params(params)
    except FilterError as error:
        return JSONResponse({"detail": str(error)}, status_code=400)
    name = f"timeline-{datetime.now(UTC):%Y%m%d}.{fmt.suffix}"
    return StreamingResponse(
        _stream(request.app.state.session_factory, fmt, f),
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
