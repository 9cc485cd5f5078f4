"""The FastAPI application factory: settings → engine → routers, templates and error pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.concurrency import run_in_threadpool

from app import __version__
from app.api import router as api_router
from app.config import PROJECT_ROOT, Settings
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
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": exc.status_code, "message": exc.detail},
        status_code=exc.status_code,
    )
