"""What routes depend on: the engine, the article catalog and the metrics, each held by the app."""

import threading
from collections.abc import Callable
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Request

from service.api.observability import Metrics
from service.catalog import SourceCatalog
from service.engine.engine import Engine

T = TypeVar("T")


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


EngineDep = Annotated[Engine, Depends(get_engine)]
CatalogDep = Annotated[SourceCatalog, Depends(get_catalog)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]
