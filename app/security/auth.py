"""Who is asking: session cookie (pages) or bearer token (API); role checks as dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.security.csrf import CSRF_HEADER, check_csrf
from app.security.tokens import token_digest
from app.store import users

SESSION_USER = "uid"
RANK = {"editor": 1, "admin": 2}
_UNSET = object()
_bearer = HTTPBearer(auto_error=False, description="A token from `python -m app tokens create`.")


@dataclass(frozen=True)
class Principal:
    """The account behind a request."""

    id: int
    username: str
    role: str

    def can(self, role: str) -> bool:
        return RANK.get(self.role, 0) >= RANK[role]


def session_user(request: Request) -> Principal | None:
    """The logged-in account of this browser session, if it is still active (cached per request)."""
    cached = getattr(request.state, "principal", _UNSET)
    if cached is not _UNSET:
        assert cached is None or isinstance(cached, Principal)
        return cached
    user_id = request.session.get(SESSION_USER)
    principal = None
    if isinstance(user_id, int):
        with request.app.state.session_factory() as session:
            user = users.get_user_by_id(session, user_id)
            if user is not None and user.active:
                principal = Principal(user.id, user.username, user.role)
    request.state.principal = principal
    return principal


def token_user(request: Request, token: str) -> Principal | None:
    with request.app.state.session_factory() as session:
        user = users.user_for_token(session, token_digest(token))
        return None if user is None else Principal(user.id, user.username, user.role)


def api_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """A bearer token, or a browser session that also sends the CSRF header; else 401."""
    if credentials is not None:
        principal = token_user(request, credentials.credentials)
        if principal is None:
            raise _unauthorized("The token is unknown or revoked.")
        return principal
    principal = session_user(request)
    if principal is None:
        raise _unauthorized("Send an API token: Authorization: Bearer <token>.")
    check_csrf(request, request.headers.get(CSRF_HEADER))
    return principal


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": "Bearer"})


def _need(principal: Principal, role: str) -> Principal:
    if not principal.can(role):
        raise HTTPException(403, f"This needs the {role} role; your account is {principal.role}.")
    return principal


def api_editor(principal: Annotated[Principal, Depends(api_principal)]) -> Principal:
    return _need(principal, "editor")


def api_admin(principal: Annotated[Principal, Depends(api_principal)]) -> Principal:
    return _need(principal, "admin")


def web_user(request: Request) -> Principal:
    """For pages that write: the logged-in account, or 403 telling the reader to log in."""
    principal = session_user(request)
    if principal is None:
        raise HTTPException(403, "Log in with an editor account to do this.")
    return principal


def web_editor(principal: Annotated[Principal, Depends(web_user)]) -> Principal:
    return _need(principal, "editor")


def web_admin(principal: Annotated[Principal, Depends(web_user)]) -> Principal:
    return _need(principal, "admin")


ApiEditor = Annotated[Principal, Depends(api_editor)]
ApiAdmin = Annotated[Principal, Depends(api_admin)]
WebEditor = Annotated[Principal, Depends(web_editor)]
WebAdmin = Annotated[Principal, Depends(web_admin)]
