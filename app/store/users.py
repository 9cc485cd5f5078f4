"""Accounts, API tokens and the audit log: Session in, models out; flush, the caller commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import ApiToken, AuditEntry, User

ROLES = ("editor", "admin")


def get_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username == username)).first()


def get_user_by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def add_user(session: Session, username: str, password_hash: str, role: str) -> User:
    """Stage a new account; ValueError for an unknown role (a taken name fails at flush)."""
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    user = User(username=username, password_hash=password_hash, role=role, active=True)
    session.add(user)
    session.flush()
    return user


def list_users(session: Session) -> Sequence[User]:
    return session.scalars(select(User).order_by(User.username)).all()


def add_token(session: Session, user: User, name: str, digest: str, hint: str) -> ApiToken:
    token = ApiToken(user_id=user.id, name=name, token_hash=digest, hint=hint)
    session.add(token)
    session.flush()
    return token


def user_for_token(session: Session, digest: str) -> User | None:
    """The active user a live (not revoked) token belongs to."""
    token = session.scalars(
        select(ApiToken).where(ApiToken.token_hash == digest, ApiToken.revoked_at.is_(None))
    ).first()
    if token is None or not token.user.active:
        return None
    return token.user


def list_tokens(session: Session) -> Sequence[ApiToken]:
    return session.scalars(select(ApiToken).order_by(ApiToken.id)).all()


def revoke_token(session: Session, token_id: int) -> ApiToken | None:
    token = session.get(ApiToken, token_id)
    if token is not None and token.revoked_at is None:
        token.revoked_at = datetime.now(UTC)
        session.flush()
    return token


def record(
    session: Session,
    username: str | None,
    action: str,
    target: tuple[str, int],
    change: tuple[str | None, str | None, str | None] = (None, None, None),
) -> AuditEntry:
    """Stage one audit entry; `change` is (field, old value, new value)."""
    field, old, new = change
    entry = AuditEntry(
        username=username,
        action=action,
        target_type=target[0],
        target_id=target[1],
        field=field,
        old_value=old,
        new_value=new,
    )
    session.add(entry)
    session.flush()
    return entry


def list_audit(
    session: Session, limit: int = 100, before_id: int | None = None
) -> Sequence[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return session.scalars(query).all()


def get_audit(session: Session, entry_id: int) -> AuditEntry | None:
    return session.get(AuditEntry, entry_id)
