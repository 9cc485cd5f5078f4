"""API bearer tokens: random secrets shown once; only their SHA-256 digest is stored."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "ctl_"


def new_token() -> str:
    """A fresh token such as 'ctl_…' (43 random URL-safe characters after the prefix).

    >>> new_token().startswith(TOKEN_PREFIX)
    True
    """
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database keeps: a token has 256 random bits, so a plain SHA-256 is enough."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def token_hint(token: str) -> str:
    """A short, non-secret label to recognise a token in listings."""
    return token[: len(TOKEN_PREFIX) + 6] + "…"
