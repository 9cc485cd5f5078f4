"""JSON API under /api: health, parse, articles, events, export."""

from fastapi import APIRouter

from app.api import admin, articles, events, export, health, parse
from app.api.schemas import Problem

# Any endpoint may refuse an unreadable body (400), bad parameters (422, `detail` a sentence)
# or a body over the size limit (413).
router = APIRouter(prefix="/api", responses={code: {"model": Problem} for code in (400, 413, 422)})
for module in (health, parse, articles, events, export, admin):
    router.include_router(module.router)
