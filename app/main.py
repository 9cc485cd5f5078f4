"""The FastAPI application factory: settings → engine → routers, templates and error pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from app import __version__
from app.api import router as api_router
from app.config import PROJECT_ROOT, Settings
from app.security.headers import BodySizeLimit, SecurityHeaders
from app.security.ratelimit import LoginLimiter
from app.security.secret import secret_key
from app.services import prepare_database
from app.store.db import make_engine, make_session_factory
from app.web import router as web_router
from app.web.templating import templates


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the database is migrated (and the demo loaded) when it starts serving."""
    settings = settings or Settings()
    engine = make_engine(settings.resolved_database_url())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(
            prepare_database, engine, demo=settings.demo, max_bytes=settings.max_upload_bytes
        )
        yield
        engine.dispose()

    app = FastAPI(
        title="Conflict Timeline",
        version=__version__,
        description="News articles in, a dated, located timeline of events out.",
        lifespan=lifespan,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.mount("/static", StaticFiles(directory=PROJECT_ROOT / "static"), name="static")
    app.include_router(api_router)
    app.include_router(web_router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    _add_security(app, settings)
    return app


def _add_security(app: FastAPI, settings: Settings) -> None:
    """Body cap (innermost), signed session cookie, then security headers on every response."""
    form_cap = settings.max_upload_bytes + 64_000
    json_cap = settings.max_upload_bytes * 6 + 64_000  # JSON escapes can take 6 bytes a character
    app.add_middleware(
        BodySizeLimit,
        limit=lambda scope: form_cap if scope["path"] == "/articles" else json_cap,
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie="timeline_session",
        max_age=14 * 24 * 3600,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.add_middleware(SecurityHeaders, hsts=settings.secure_cookies)
    app.state.login_limiter = LoginLimiter()
    app.add_exception_handler(RequestValidationError, _validation_error)


async def _validation_error(_request: Request, exc: Exception) -> Response:
    # FastAPI's default handler echoes the input, and fails (500) on bytes that are not UTF-8.
    assert isinstance(exc, RequestValidationError)
    errors = jsonable_encoder(
        exc.errors(), custom_encoder={bytes: lambda b: b.decode("utf-8", "replace")}
    )
    # `detail` is a sentence, as for every other 4xx of the API (the Problem schema).
    detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api/"):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": exc.status_code, "message": exc.detail},
        status_code=exc.status_code,
    )
