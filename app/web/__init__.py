"""HTML pages: the timeline and the articles (upload form, article page)."""

from fastapi import APIRouter

from app.web import articles, timeline

router = APIRouter()
router.include_router(timeline.router)
router.include_router(articles.router)
