"""What a test can inject: a fault per route (an error status, a 429, a slow or held answer), and the call record."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .shapes import json_response


@dataclass
class Call:
    """One REST request as the stand-in received it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any  # the JSON body, or payload_json for multipart requests
    files: dict[str, bytes]
    status: int = 200
    at: float = 0.0


@dataclass
class Fault:
    """Answer matching requests with ``status`` the next ``times`` times; ``after_commit`` keeps the effect.

    ``status=200`` with a ``delay`` (or a ``gate`` to wait on) is a slow endpoint: served normally, late.
    """

    method: str
    path: str  # regex on the path
    status: int
    times: int = 1
    retry_after: float = 0.05
    after_commit: bool = False  # the write happens, then the answer is lost (tests de-duplication)
    skip: int = 0  # let this many matching requests through first
    is_global: bool = False  # a 429 for every route at once, as Discord's global limit
    delay: float = 0.0  # seconds to wait before answering
    gate: asyncio.Event | None = None  # wait until the test sets it (a slow answer without a real sleep)
    hits: int = 0  # matching requests answered by this fault so far

    async def wait(self) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.gate is not None:
            await self.gate.wait()


def fault_for(faults: list[Fault], call: Call) -> Fault | None:
    for fault in faults:
        if fault.method == call.method and re.fullmatch(fault.path, call.path) and fault.times > 0:
            if fault.skip > 0:
                fault.skip -= 1
                return None
            fault.times -= 1
            fault.hits += 1
            return fault
    return None


def too_many(retry_after: float, is_global: bool, headers: dict[str, str] | None = None) -> web.Response:
    """A 429 as Discord sends it; discord.py treats a 429 without Via as Cloudflare's, so Discord's carry it."""
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
    extra = {"Via": "1.1 google", "Retry-After": str(retry_after), **(headers or {})}
    if is_global:
        extra.update({"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"})
    return json_response(body, status=429, headers=extra)


def fault_response(fault: Fault) -> web.Response:
    if fault.status == 429:
        return too_many(fault.retry_after, fault.is_global)
    return json_response({"message": "stand-in fault", "code": 0}, status=fault.status)
