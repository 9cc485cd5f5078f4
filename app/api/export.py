"""GET /api/export — the filtered timeline to download as CSV, TimelineJS, GeoJSON, ICS or JSONL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy.orm import Session, sessionmaker

from app.api.filtering import EventFilterDep
from app.api.schemas import Problem
from app.export import FORMATS, Format
from app.export.stream import chunked
from app.query.filters import EventFilter

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
    f: EventFilterDep,
    format: str = Query("csv", description="csv, timelinejs, geojson, ics or jsonl."),
) -> StreamingResponse | JSONResponse:
    fmt = FORMATS.get(format)
    if fmt is None:
        names = ", ".join(FORMATS)
        return JSONResponse({"detail": f"Unknown format {format!r}: use {names}."}, 400)
    name = f"timeline-{datetime.now(UTC):%Y%m%d}.{fmt.suffix}"
    return StreamingResponse(
        _stream(request.app.state.session_factory, fmt, f),
        media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
