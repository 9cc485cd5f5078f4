"""Articles API: POST /api/articles (store), GET /api/articles, GET /api/articles/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from app.api.schemas import (
    ArticleCreated,
    ArticleOut,
    ArticleRequest,
    ArticleSummary,
    Problem,
    article_summary,
    event_row_out,
)
from app.deps import SessionDep, SettingsDep
from app.ingest import IngestError
from app.security.auth import ApiEditor
from app.services import ArticleInput, ingest_article
from app.store import repo

router = APIRouter(tags=["articles"])


@router.post(
    "/articles",
    status_code=201,
    response_model=ArticleCreated,
    responses={
        401: {"model": Problem},
        403: {"model": Problem},
        409: {"model": Problem},
        422: {"model": Problem},
    },
    summary="Parse and store an article with its events (editor token)",
)
def create(
    request: Request, body: ArticleRequest, settings: SettingsDep, user: ApiEditor
) -> ArticleCreated | JSONResponse:
    item = ArticleInput(body.text, body.title, body.published, body.source, body.url, user.username)
    try:
        result = ingest_article(request.app.state.session_factory, item, settings.max_upload_bytes)
    except IngestError as error:
        return JSONResponse({"detail": str(error)}, status_code=422)
    if not result.created:
        detail = f"This article is already stored as article {result.article_id}."
        return JSONResponse({"detail": detail, "article_id": result.article_id}, status_code=409)
    return ArticleCreated(
        id=result.article_id,
        url=f"/api/articles/{result.article_id}",
        events=result.events,
        published_inferred=result.published_inferred,
    )


@router.get(
    "/articles", response_model=list[ArticleSummary], summary="Stored articles, newest first"
)
def list_articles(
    session: SessionDep,
    limit: int = Query(50, ge=1, le=500),
    before_id: int | None = Query(None, ge=1, description="Keyset cursor: ids below this one."),
) -> list[ArticleSummary]:
    return [article_summary(a) for a in repo.list_articles(session, limit, before_id)]


@router.get(
    "/articles/{article_id}",
    response_model=ArticleOut,
    responses={404: {"model": Problem}},
    summary="One article",
)
def get_article(article_id: int, session: SessionDep) -> ArticleOut:
    article = repo.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    summary = article_summary(article)
    return ArticleOut(
        **summary.model_dump(),
        text=article.text,
        event_list=[event_row_out(e) for e in article.events],
    )
