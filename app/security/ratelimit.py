"""In-process sliding-window rate limits (login attempts); one instance per app."""

from __future__ import annotations

import threading
import time
from collections import deque


class RateLimiter:
    """At most `limit` hits per `window` seconds for each key.

    >>> limiter = RateLimiter(2, 60)
    >>> limiter.hit("a"), limiter.hit("a"), limiter.blocked("a") > 0
    (None, None, True)
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, key: str) -> float:
        """Seconds until `key` may try again; 0 when it may now."""
        with self._lock:
            hits = self._prune(key, time.monotonic())
            if len(hits) < self.limit:
                return 0.0
            return max(hits[0] + self.window - time.monotonic(), 0.1)

    def hit(self, key: str) -> float | None:
        """Count one hit; returns the wait in seconds when the key is now over its limit."""
        with self._lock:
            now = time.monotonic()
            hits = self._prune(key, now)
            hits.append(now)
            return None if len(hits) <= self.limit else hits[0] + self.window - now

    def reset(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)

    def _prune(self, key: str, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(self._hits) > 10_000:  # bound memory under a flood of distinct keys
            self._hits = {k: v for k, v in self._hits.items() if v}
        return hits


class LoginLimiter:
    """Failed logins: 5 per 5 minutes per (client, username) and 30 per client."""

    def __init__(self) -> None:
        self.per_account = RateLimiter(5, 300)
        self.per_client = RateLimiter(30, 300)

    def wait(self, client: str, username: str) -> float:
        return max(
            self.per_account.blocked(f"{client}|{username}"), self.per_client.blocked(client)
        )

    def failed(self, client: str, username: str) -> None:
        self.per_account.hit(f"{client}|{username}")
        self.per_client.hit(client)

    def succeeded(self, client: str, username: str) -> None:
        self.per_account.reset(f"{client}|{username}")
