"""Request limits: body size (413) and a token bucket per client address (429).

Pure ASGI middleware so an oversized body is refused before a route reads it. The buckets
live on the middleware instance (one per app) and are bounded: the least recently seen
clients are forgotten first.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]

MAX_CLIENTS = 10_000  # buckets kept; a bucket is ~100 bytes, so ~1 MB at most


class TokenBucket:
    """`rate_per_minute` requests per minute per client, with bursts up to the same number."""

    def __init__(
        self,
        rate_per_minute: int,
        max_clients: int = MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = float(max(rate_per_minute, 1))
        self.refill_per_second = self.capacity / 60.0
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """Spend one token; return 0.0 if allowed, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill_per_second)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.refill_per_second
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait

    def __len__(self) -> int:
        return len(self._buckets)


async def _send_error(send: Send, status: int, code: str, message: str, headers=()) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "detail": None}}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": raw + list(headers)})
    await send({"type": "http.response.body", "body": body})


class LimitsMiddleware:
    """Refuse bodies over `max_body_bytes` (413) and clients over their rate (429)."""

    def __init__(self, app: Any, max_body_bytes: int, bucket: TokenBucket) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.bucket = bucket

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        path = scope.get("path", "")
        if not path.startswith("/static/"):  # page assets don't count against the rate
            wait = self.bucket.take(client)
            if wait > 0:
                retry = str(max(1, round(wait)))
                await _send_error(
                    send,
                    429,
                    "rate_limited",
                    f"too many requests from {client}; retry after {retry} s",
                    [(b"retry-after", retry.encode())],
                )
                return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        limit = self.max_body_bytes
        message = f"request body exceeds {limit} bytes (setting api_max_body_bytes)"
        if length is not None and length.isdigit() and int(length) > limit:
            await _send_error(send, 413, "body_too_large", message)
            return
        if length is not None:
            await self.app(scope, receive, send)  # the server enforces the declared length
            return
        # No declared length (chunked): read up to the limit first, then replay it.
        chunks: list[bytes] = []
        seen = 0
        while True:
            event = await receive()
            if event["type"] != "http.request":
                await self.app(scope, receive, send)
                return
            chunks.append(event.get("body", b""))
            seen += len(chunks[-1])
            if seen > limit:
                await _send_error(send, 413, "body_too_large", message)
                return
            if not event.get("more_body", False):
                break
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


__all__ = ["MAX_CLIENTS", "LimitsMiddleware", "TokenBucket"]
