"""The review step after an upload: GET/POST /articles/{id}/review to check and correct events."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.datastructures import FormData

from app.deps import SessionDep
from app.extract.event_types import event_type_names
from app.query import timeline as q
from app.query.regions import region_names
from app.security.auth import WebEditor
from app.security.csrf import CSRF_FIELD, check_csrf
from app.store import repo
from app.store.models import Article, Region
from app.store.review import PRECISIONS, Review, ReviewError, apply_review
from app.web.templating import templates

router = APIRouter()
TYPES = frozenset(event_type for event_type, _ in event_type_names())


@router.get("/articles/{article_id}/review", response_class=HTMLResponse, summary="Review events")
def review_page(
    request: Request, article_id: int, session: SessionDep, user: WebEditor
) -> HTMLResponse:
    return _page(request, session, _article(session, article_id), None, 200)


@router.post("/articles/{article_id}/review", summary="Save reviewed events (form)")
async def save_review(
    request: Request, article_id: int, session: SessionDep, user: WebEditor
) -> Response:
    form = await request.form(max_fields=2000)
    check_csrf(request, form.get(CSRF_FIELD))
    article = _article(session, article_id)
    try:
        for event in article.events:
            apply_review(session, event, _review(form, event.id), user.username)
    except ReviewError as error:
        session.rollback()
        return _page(request, session, _article(session, article_id), str(error), 422)
    session.commit()
    return RedirectResponse(f"/articles/{article_id}?added=1", status_code=303)


def _review(form: FormData, event_id: int) -> Review:
    raw = str(form.get(f"date-{event_id}") or "").strip()
    try:
        day = date.fromisoformat(raw)
    except ValueError as error:
        raise ReviewError(f"Event {event_id}: the date must look like 2022-06-25.") from error
    regions = tuple(str(v) for v in form.getlist(f"regions-{event_id}") if str(v).strip())
    precision = str(form.get(f"precision-{event_id}") or "day")
    event_type = str(form.get(f"type-{event_id}") or "").strip()
    return Review(day, precision, regions, event_type)


def _article(session: SessionDep, article_id: int) -> Article:
    article = repo.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    return article


def _page(
    request: Request, session: SessionDep, article: Article, error: str | None, status: int
) -> HTMLResponse:
    ukraine = select(Region.code, Region.name).where(Region.parent_code == "UA")
    context = {
        "article": article,
        "error": error,
        "precisions": PRECISIONS,
        "types": sorted(TYPES | set(q.event_types(session))),
        "oblasts": sorted(((c, n) for c, n in session.execute(ukraine)), key=lambda r: r[1]),
        "region_names": region_names(session),
    }
    return templates.TemplateResponse(request, "articles/review.html", context, status_code=status)
