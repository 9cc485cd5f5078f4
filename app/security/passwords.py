"""Password hashing with Argon2id (argon2-cffi); hashes are upgraded when parameters change."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
# Verifying against this keeps a login for an unknown user as slow as one for a known user.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class WeakPasswordError(ValueError):
    """A password too short to be accepted; the message is shown as is."""


def hash_password(password: str) -> str:
    """An Argon2id hash of `password`; refuses passwords shorter than MIN_PASSWORD_LENGTH.

    >>> verify_password(hash_password("correct horse battery"), "correct horse battery")
    True
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; constant-time-ish also when there is no hash (no such user)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
