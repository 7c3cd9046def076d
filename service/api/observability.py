"""What the server reports about itself: Prometheus metrics, a request id, and one structured log line per request."""

import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

from service.schemas import Answer

logger = logging.getLogger("citewire.requests")
REQUEST_ID_HEADER = "X-Request-ID"
_GIVEN_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_SECONDS = (0.005, 0.05, 0.25, 1, 2.5, 5, 10, 20, 40, 80, 160)
STAGES = {"retrieve_ms": "retrieve", "select_ms": "rerank", "llm_ms": "generate", "verify_ms": "check"}


class Metrics:
    """One registry per app, so two apps in one process (tests) never share counts."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "citewire_requests",
            "HTTP requests by route and outcome.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "citewire_request_seconds",
            "HTTP request latency by route.",
            ["route"],
            buckets=_SECONDS,
            registry=self.registry,
        )
        self.stages = Histogram(
            "citewire_stage_seconds",
            "Time spent in each answering stage.",
            ["stage"],
            buckets=_SECONDS,
            registry=self.registry,
        )
        self.answers = Counter(
            "citewire_answers", "Answers given, by whether they were refusals.", ["refused"], registry=self.registry
        )
        self.tokens = Counter(
            "citewire_llm_tokens", "Tokens of answering model calls, by kind.", ["kind"], registry=self.registry
        )
        self.removed = Counter(
            "citewire_removed_sentences", "Model sentences the checker did not serve.", registry=self.registry
        )

    def observe_answer(self, answer: Answer) -> None:
        self.answers.labels(refused=str(answer.refused).lower()).inc()
        self.tokens.labels(kind="prompt").inc(answer.tokens.prompt)
        self.tokens.labels(kind="completion").inc(answer.tokens.completion)
        self.removed.inc(sum(1 for s in answer.sentences if not (s.supported and s.on_question)))
        for key, stage in STAGES.items():
            if key in answer.timings_ms:
                self.stages.labels(stage=stage).observe(answer.timings_ms[key] / 1000)

    def exposition(self) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def request_id(request: Request) -> str:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if _GIVEN_ID.match(given) else uuid.uuid4().hex


def build_request_observer(
    metrics: Metrics,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    """HTTP middleware: tags the request with an id (returned in a header), counts it, times it, logs it."""

    async def observe(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        rid = request_id(request)
        request.state.request_id = rid
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
        finally:
            seconds = time.perf_counter() - started
            route = getattr(request.scope.get("route"), "path", "unmatched")
            metrics.requests.labels(route=route, method=request.method, status=str(status)).inc()
            metrics.latency.labels(route=route).observe(seconds)
            logger.info(
                json.dumps(
                    {
                        "request_id": rid,
                        "method": request.method,
                        "route": route,
                        "status": status,
                        "ms": round(seconds * 1000, 1),
                    }
                )
            )
        response.headers[REQUEST_ID_HEADER] = rid
        return response

    return observe
