"""HTML pages: the timeline and the articles (upload form, article page)."""

from fastapi import APIRouter

from app.web import articles, auth, review, timeline

router = APIRouter()
router.include_router(timeline.router)
router.include_router(articles.router)
router.include_router(review.router)
router.include_router(auth.router)
