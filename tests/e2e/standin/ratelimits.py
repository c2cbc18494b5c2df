"""Discord's rate limits: a bucket per route and major parameter, X-RateLimit-* headers on every answer,
a per-channel message limit, a per-webhook limit and the global limit on bot-token requests.

The limits are Discord's commonly observed ones (5 messages per 5 s per channel, 5 webhook posts per 2 s
per webhook, 50 bot requests per second). ``scale`` shrinks every window alike, so the suite stays fast
while the shape (and discord.py's handling of it) is the real one; benchmarks run at scale 1.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from .faults import Call, too_many


@dataclass(frozen=True)
class Limit:
    count: int
    per: float  # seconds


# (method, path pattern, limit): the group is the major parameter, so each channel, webhook (id and
# token: an interaction's follow-ups are its own) and interaction has its own count. First match wins.
ROUTE_LIMITS = [
    ("POST", r"/channels/(\d+)/messages", Limit(5, 5.0)),
    ("POST", r"/webhooks/(\d+/[^/]+)", Limit(5, 2.0)),
    ("PATCH", r"/webhooks/(\d+/[^/]+)/messages/.+", Limit(5, 2.0)),
    ("POST", r"/interactions/(\d+)/[^/]+/callback", Limit(5, 1.0)),
    ("POST", r"/channels/(\d+)/typing", Limit(5, 5.0)),
    ("POST", r"/channels/(\d+)/threads", Limit(10, 10.0)),
    ("POST", r"/channels/(\d+)/webhooks", Limit(15, 60.0)),
    ("GET", r"/channels/(\d+)/.+", Limit(50, 1.0)),
]
DEFAULT_LIMIT = Limit(50, 1.0)  # every other route, one bucket each
GLOBAL_LIMIT = Limit(50, 1.0)


@dataclass
class _Bucket:
    limit: Limit
    reset_at: float = 0.0
    remaining: int = 0


class RateLimits:
    def __init__(self, clock: Callable[[], float], scale: float = 0.01, global_limit: Limit = GLOBAL_LIMIT) -> None:
        self.clock = clock
        self.scale = scale
        self.limited: list[tuple[str, str]] = []  # (scope, path) of every 429 these limits gave
        self._buckets: dict[str, _Bucket] = {}
        self._global = _Bucket(global_limit)

    @staticmethod
    def _route(call: Call) -> tuple[str, str, Limit]:
        """(route, major parameter, limit): Discord names a bucket per route and counts it per major parameter."""
        for method, pattern, limit in ROUTE_LIMITS:
            match = re.fullmatch(pattern, call.path)
            if method == call.method and match:
                return f"{method} {pattern}", match.group(1), limit
        return f"{call.method} {call.path}", "", DEFAULT_LIMIT

    def _take(self, bucket: _Bucket) -> float:
        """Spend one request; returns 0, or the seconds until the bucket refills."""
        now = self.clock()
        if now >= bucket.reset_at:
            bucket.reset_at, bucket.remaining = now + bucket.limit.per * self.scale, bucket.limit.count
        if bucket.remaining == 0:
            return bucket.reset_at - now
        bucket.remaining -= 1
        return 0.0

    def check(self, call: Call, bot_token: bool) -> tuple[dict[str, str], web.Response | None]:
        """The headers for this answer, and a 429 response when the request is over a limit."""
        if bot_token:
            wait = self._take(self._global)
            if wait:
                self.limited.append(("global", call.path))
                return {}, too_many(round(wait, 3), is_global=True)
        route, major, limit = self._route(call)
        bucket = self._buckets.setdefault(f"{route} {major}", _Bucket(limit))
        wait = self._take(bucket)
        reset_after = max(0.0, bucket.reset_at - self.clock())
        headers = {
            "X-RateLimit-Limit": str(limit.count),
            "X-RateLimit-Remaining": str(bucket.remaining),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": hashlib.sha1(route.encode()).hexdigest()[:16],
        }
        if wait:
            self.limited.append(("user", call.path))
            return headers, too_many(round(wait, 3), is_global=False, headers={**headers, "X-RateLimit-Scope": "user"})
        return headers, None
