"""CSRF protection for forms: a per-session synchronizer token plus an Origin check."""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from jinja2 import pass_context
from markupsafe import Markup, escape

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_KEY = "csrf"


def csrf_token(request: Request) -> str:
    """This session's token, created on first use (it rides in the signed session cookie)."""
    token = request.session.get(SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def rotate_csrf_token(request: Request) -> None:
    request.session[SESSION_KEY] = secrets.token_urlsafe(32)


@pass_context
def csrf_field(context: Any) -> Markup:
    """Jinja global: the hidden input every <form method="post"> carries."""
    token = csrf_token(context["request"])
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')


def check_csrf(request: Request, submitted: object) -> None:
    """Refuse (403) a state-changing request whose token or Origin does not match this site."""
    _check_origin(request)
    expected = request.session.get(SESSION_KEY)
    if not (isinstance(submitted, str) and isinstance(expected, str) and expected):
        raise HTTPException(403, "The form has expired or was not sent from this site; reload it.")
    if not hmac.compare_digest(submitted.encode(), expected.encode()):
        raise HTTPException(403, "The form has expired or was not sent from this site; reload it.")


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return  # absent on same-origin GET-ish requests and in some browsers; the token decides
    if urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "Cross-site form posts are refused.")
