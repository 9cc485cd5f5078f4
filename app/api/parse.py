"""POST /api/parse — extraction only, nothing stored (the shape the eval scorer relies on)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.schemas import ParseRequest, ParseResponse, Problem, parse_response
from app.deps import SettingsDep
from app.ingest import IngestError
from app.services import parse_only

router = APIRouter(tags=["extraction"])


@router.post(
    "/parse",
    response_model=ParseResponse,
    responses={422: {"model": Problem}},
    summary="Extract timexes and events from a text without storing it",
)
def parse(body: ParseRequest, settings: SettingsDep) -> ParseResponse | JSONResponse:
    try:
        parsed = parse_only(body.text, body.published, settings.max_upload_bytes, body.title)
    except IngestError as error:
        return JSONResponse({"detail": str(error)}, status_code=422)
    return parse_response(parsed)
