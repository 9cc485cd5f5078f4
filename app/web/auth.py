"""Log in and out (GET/POST /login, POST /logout): signed session cookie, CSRF, rate-limited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.security.auth import SESSION_USER, Principal, session_user
from app.security.csrf import CSRF_FIELD, check_csrf, csrf_field, rotate_csrf_token
from app.security.passwords import verify_password
from app.security.ratelimit import LoginLimiter
from app.store import users
from app.web.templating import templates

router = APIRouter()


def _auth_context(request: Request) -> dict[str, Any]:
    return {"current_user": session_user(request)}


templates.env.globals["csrf_field"] = csrf_field
templates.context_processors.append(_auth_context)


def safe_next(target: str | None) -> str:
    """Only a path on this site: never another host ('//evil', '/\\\\evil', 'https://…').

    >>> safe_next("/articles/new"), safe_next("//evil.example"), safe_next("https://x")
    ('/articles/new', '/', '/')
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return "/"
    return target if target.isprintable() else "/"


@router.get("/login", response_class=HTMLResponse, summary="The login form")
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return _login_form(request, safe_next(next), None, 200)


@router.post("/login", response_class=HTMLResponse, summary="Log in (form)")
async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=10, max_part_size=10_000)
    check_csrf(request, form.get(CSRF_FIELD))
    username = str(form.get("username") or "").strip()[:64]
    target = safe_next(str(form.get("next") or "/"))
    client = request.client.host if request.client else "?"
    limiter: LoginLimiter = request.app.state.login_limiter
    wait = limiter.wait(client, username)
    if wait:
        message = f"Too many failed logins: try again in {int(wait) + 1} seconds."
        return _login_form(request, target, message, 429, {"Retry-After": str(int(wait) + 1)})
    principal = _authenticate(request, username, str(form.get("password") or ""))
    if principal is None:
        limiter.failed(client, username)
        return _login_form(request, target, "Wrong username or password.", 401)
    limiter.succeeded(client, username)
    request.session.clear()  # a fresh session: no fixation across the login
    request.session[SESSION_USER] = principal.id
    rotate_csrf_token(request)
    return RedirectResponse(target, status_code=303)


@router.post("/logout", summary="Log out (form)")
async def logout(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=5, max_part_size=1_000)
    check_csrf(request, form.get(CSRF_FIELD))
    request.session.clear()
    return RedirectResponse("/", status_code=303)


def _authenticate(request: Request, username: str, password: str) -> Principal | None:
    with request.app.state.session_factory() as session:
        user = users.get_user(session, username) if username else None
        hash_ = user.password_hash if user is not None and user.active else None
        if not verify_password(hash_, password[:1000]) or user is None:
            return None
        return Principal(user.id, user.username, user.role)


def _login_form(
    request: Request,
    target: str,
    error: str | None,
    status: int,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    context = {"next": target, "error": error}
    return templates.TemplateResponse(
        request, "auth/login.html", context, status_code=status, headers=headers
    )
