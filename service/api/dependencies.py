"""What routes depend on: the engine, the article catalog and the metrics, each held by the app."""

import threading
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Request

from service.api.guards import OPEN_PATHS, AnswerQueue, KeyCheck, RateLimit
from service.api.observability import Metrics
from service.catalog import SourceCatalog
from service.engine.engine import Engine
from service.schemas import ErrorBody

T = TypeVar("T")
# The errors any route may answer with, for the OpenAPI schema.
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "API keys are configured and none valid was sent."},
    413: {"model": ErrorBody, "description": "The request body is over the size limit."},
    422: {"model": ErrorBody, "description": "The request or the question is malformed; the message says how."},
    429: {"model": ErrorBody, "description": "The caller's rate limit is spent; Retry-After says when to come back."},
    503: {
        "model": ErrorBody,
        "description": "No index yet (run `citewire ingest`), the model cannot be loaded or failed, or too many "
        "answers are queued; Retry-After, when present, says when to try again.",
    },
}


class Lazy(Generic[T]):
    """Builds its object once, on first use; while building fails (the index is missing), tries again next time."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._built: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        with self._lock:
            if self._built is None:
                self._built = self._factory()
            return self._built


def get_engine(request: Request) -> Engine:
    engine: Lazy[Engine] = request.app.state.engine
    return engine.get()


def get_catalog(request: Request) -> SourceCatalog:
    catalog: Lazy[SourceCatalog] = request.app.state.catalog
    return catalog.get()


def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


def get_queue(request: Request) -> AnswerQueue:
    queue: AnswerQueue = request.app.state.queue
    return queue


def guard(request: Request) -> None:
    """Every route: the API key when keys are configured, then the caller's rate limit."""
    keys: KeyCheck = request.app.state.keys
    limit: RateLimit = request.app.state.rate_limit
    caller = keys.caller(request)
    if request.url.path not in OPEN_PATHS:
        limit.check(caller or (request.client.host if request.client else "unknown"))


QueueDep = Annotated[AnswerQueue, Depends(get_queue)]
EngineDep = Annotated[Engine, Depends(get_engine)]
CatalogDep = Annotated[SourceCatalog, Depends(get_catalog)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
