"""GET /api/health — liveness and a count of stored articles."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import SessionDep
from app.store import repo

router = APIRouter(tags=["health"])


@router.get("/health", summary="Is the app up?")
def health(session: SessionDep) -> dict[str, object]:
    return {"status": "ok", "articles": repo.count_articles(session)}
