"""What stands between a caller and the model: API keys, a per-caller rate limit, a bounded queue of answers, and a
cap on request bodies. Each refuses at once, with a status, a message and, where waiting helps, ``Retry-After``."""

import hmac
import math
import threading
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.errors import PayloadTooLargeError, RateLimitedError, ServiceBusyError, UnauthorizedError

P = ParamSpec("P")
T = TypeVar("T")
OPEN_PATHS = frozenset({"/healthz", "/"})  # liveness, and the page's shell (its API calls carry the key)


class KeyCheck:
    """``Authorization: Bearer <key>`` on every route but the open ones, when keys are configured."""

    def __init__(self, keys: list[str]) -> None:
        self._keys = [key.encode() for key in keys if key]

    def caller(self, request: Request) -> str | None:
        """The key's index as the caller's name ("key-0"), None for an open path; raises when the key is wrong."""
        if not self._keys or request.url.path in OPEN_PATHS:
            return None
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        presented = given.strip().encode()
        # Compare against every key, always, so the time taken says nothing about which prefix matched.
        matches = [hmac.compare_digest(presented, key) for key in self._keys]
        if scheme.lower() != "bearer" or not any(matches):
            raise UnauthorizedError("a valid API key is required: send `Authorization: Bearer <key>`")
        return f"key-{matches.index(True)}"


class RateLimit:
    """So many requests per caller (API key, else client address) per window, e.g. "60/minute"; none when unset."""

    def __init__(self, limit: str | None) -> None:
        self._item: RateLimitItem | None = parse(limit) if limit else None
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def check(self, caller: str) -> None:
        if self._item is None or self._limiter.hit(self._item, caller):
            return
        reset = self._limiter.get_window_stats(self._item, caller).reset_time
        raise RateLimitedError(
            f"rate limit of {self._item} exceeded; try again later", retry_after=max(1, math.ceil(reset - time.time()))
        )


class AnswerQueue:
    """At most ``limit`` answers in flight or waiting for the model; the model answers one at a time, so more would
    only pile up. Beyond that a request is refused at once (503, ``Retry-After``)."""

    def __init__(self, limit: int, retry_after_s: int = 10) -> None:
        self._limit = limit
        self._retry_after_s = retry_after_s
        self._taken = 0
        self._lock = threading.Lock()

    def admit(self, work: Callable[P, T]) -> Callable[P, T]:
        """Take a place now (or raise ServiceBusyError); the place is given back when ``work`` has run."""
        with self._lock:
            if self._taken >= self._limit:
                raise ServiceBusyError(
                    f"{self._taken} answers are already queued for the model; try again shortly",
                    retry_after=self._retry_after_s,
                )
            self._taken += 1

        def admitted(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return work(*args, **kwargs)
            finally:
                with self._lock:
                    self._taken -= 1

        return admitted


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` is refused with 413 before it is read whole."""

    def __init__(self, app: ASGIApp, max_bytes: int, refuse: Callable[[PayloadTooLargeError], Any]) -> None:
        self._app = app
        self._max_bytes = max_bytes
        self._refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        error = PayloadTooLargeError(f"the request body is over the limit of {self._max_bytes} bytes")
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit():
            if int(declared) > self._max_bytes:
                await self._refuse(error)(scope, receive, send)
                return
            await self._app(scope, receive, send)  # the server stops reading at the declared length
            return
        # No declared length (chunked): read up to the limit here, then hand the body on.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self._max_bytes:
                await self._refuse(error)(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self._app(scope, replay, send)
