"""Article pages: the upload form (GET /articles/new, POST /articles) and GET /articles/{id}."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException

from app.deps import SessionDep, SettingsDep
from app.ingest import IngestError, read_upload
from app.security.auth import WebEditor
from app.security.csrf import CSRF_FIELD, check_csrf
from app.services import ArticleInput, ingest_article
from app.store import repo
from app.web.templating import templates

router = APIRouter()
FORM_FIELDS = ("title", "published", "source", "url", "text")


@router.get("/articles/new", response_class=HTMLResponse, summary="The upload form")
def new_article(request: Request) -> HTMLResponse:
    return _form(request, {}, None, 200)


@router.post("/articles", response_class=HTMLResponse, summary="Upload an article (form)")
async def create_article(request: Request, settings: SettingsDep, user: WebEditor) -> Response:
    limit = settings.max_upload_bytes
    declared = int(request.headers.get("content-length") or 0)
    if declared > limit + 64_000:
        return _form(request, {}, f"The upload is larger than the {limit:,}-byte limit.", 413)
    try:
        form = await request.form(max_files=1, max_fields=20, max_part_size=limit + 1)
    except MultiPartException as error:
        return _form(request, {}, f"The form could not be read: {error.message}", 400)
    check_csrf(request, form.get(CSRF_FIELD))
    values = {k: str(form.get(k) or "") for k in FORM_FIELDS}
    try:
        text = await _article_text(form, values["text"], limit)
        item = ArticleInput(
            text,
            values["title"],
            values["published"],
            values["source"],
            values["url"],
            user.username,
        )
        result = ingest_article(request.app.state.session_factory, item, limit)
    except IngestError as error:
        return _form(request, values, str(error), 422)
    if not result.created:
        return _form(request, values, None, 409, duplicate_id=result.article_id)
    # Next: the review step, where an editor checks and corrects the extracted events.
    return RedirectResponse(f"/articles/{result.article_id}/review", status_code=303)


async def _article_text(form: FormData, pasted: str, limit: int) -> str:
    upload = form.get("file")
    has_file = isinstance(upload, UploadFile) and bool(upload.filename)
    if has_file and pasted.strip():
        raise IngestError("Paste the text or upload a file, not both.")
    if has_file:
        assert isinstance(upload, UploadFile)
        data = await upload.read(limit + 1)
        return read_upload(upload.filename or "", data, limit)
    if not pasted.strip():
        raise IngestError("Paste the article text or choose a file to upload.")
    return pasted


def _form(
    request: Request,
    values: dict[str, str],
    error: str | None,
    status: int,
    duplicate_id: int | None = None,
) -> HTMLResponse:
    context = {"values": values, "error": error, "duplicate_id": duplicate_id}
    return templates.TemplateResponse(request, "articles/new.html", context, status_code=status)


@router.get(
    "/articles/{article_id}", response_class=HTMLResponse, summary="One article and its events"
)
def show_article(request: Request, article_id: int, session: SessionDep) -> HTMLResponse:
    article = repo.get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article {article_id}.")
    context = {"article": article, "added": request.query_params.get("added") == "1"}
    return templates.TemplateResponse(request, "articles/show.html", context)
