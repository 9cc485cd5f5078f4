"""Corrections (editor); deleting articles, the audit log and reverts (admin)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.schemas import Problem
from app.deps import SessionDep
from app.security.auth import ApiAdmin, ApiEditor
from app.store import corrections, users
from app.store.models import Article, AuditEntry, Event

router = APIRouter(tags=["corrections and audit"])
# Ids beyond SQLite's 64-bit integers would overflow the driver (a 500) instead of a 404.
Id = Annotated[int, Path(ge=1, le=2**63 - 1)]
AUTH_ERRORS: dict[int | str, dict[str, object]] = {401: {"model": Problem}, 403: {"model": Problem}}


class EventCorrection(BaseModel):
    event_type: str | None = Field(default=None, max_length=64)
    sub_event_type: str | None = Field(default=None, max_length=64)
    summary: str | None = Field(default=None, max_length=300)


class AuditOut(BaseModel):
    id: int
    at: datetime
    username: str | None
    action: str
    target_type: str
    target_id: int
    field: str | None
    old_value: str | None
    new_value: str | None
    reverted_by: int | None


def _audit_out(entry: AuditEntry) -> AuditOut:
    out = AuditOut.model_validate(entry, from_attributes=True)
    if out.at.tzinfo is None:  # SQLite keeps CURRENT_TIMESTAMP (UTC) without a zone
        out.at = out.at.replace(tzinfo=UTC)
    return out


@router.patch(
    "/events/{event_id}",
    responses={**AUTH_ERRORS, 404: {"model": Problem}, 422: {"model": Problem}},
    summary="Correct an event's type or summary (editor); the audit log keeps the old value",
)
def correct_event(
    event_id: Id, body: EventCorrection, session: SessionDep, user: ApiEditor
) -> dict[str, int]:
    event = session.get(Event, event_id)
    if event is None:
        raise HTTPException(404, f"There is no event {event_id}.")
    changes = {k: v for k, v in body.model_dump().items() if v is not None}
    try:
        changed = corrections.correct_event(session, event, changes, user.username)
    except corrections.CorrectionError as error:
        raise HTTPException(422, str(error)) from error
    session.commit()
    return {"id": event_id, "changed": changed}


@router.delete(
    "/articles/{article_id}",
    status_code=204,
    responses={**AUTH_ERRORS, 404: {"model": Problem}},
    summary="Delete an article and its events (admin)",
)
def delete_article(article_id: Id, session: SessionDep, user: ApiAdmin) -> None:
    article = session.get(Article, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    corrections.delete_article(session, article, user.username)
    session.commit()


@router.get(
    "/audit",
    response_model=list[AuditOut],
    responses=AUTH_ERRORS,
    summary="The audit log, newest first (admin)",
)
def audit_log(
    session: SessionDep,
    _user: ApiAdmin,
    limit: int = Query(100, ge=1, le=500),
    before_id: int | None = Query(None, ge=1, le=2**63 - 1),
) -> list[AuditOut]:
    return [_audit_out(e) for e in users.list_audit(session, limit, before_id)]


@router.post(
    "/audit/{entry_id}/revert",
    response_model=AuditOut,
    responses={**AUTH_ERRORS, 404: {"model": Problem}, 409: {"model": Problem}},
    summary="Revert a correction to the value it replaced (admin)",
)
def revert(entry_id: Id, session: SessionDep, user: ApiAdmin) -> AuditOut | JSONResponse:
    entry = users.get_audit(session, entry_id)
    if entry is None:
        raise HTTPException(404, f"There is no audit entry {entry_id}.")
    try:
        undo = corrections.revert(session, entry, user.username)
    except corrections.CorrectionError as error:
        return JSONResponse({"detail": str(error)}, status_code=409)
    session.commit()
    return _audit_out(undo)
