"""JSON API under /api: health, parse, articles, events."""

from fastapi import APIRouter

from app.api import articles, events, health, parse

router = APIRouter(prefix="/api")
for module in (health, parse, articles, events):
    router.include_router(module.router)
