"""The HTTP API. Routes only translate HTTP to and from the engine's typed ``answer()``."""

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from service.engine.engine import Engine
from service.errors import CitewireError, IndexNotReadyError
from service.schemas import Answer, AskRequest
from service.settings import Settings

logger = logging.getLogger(__name__)
EngineFactory = Callable[[], Engine]


class EngineHolder:
    """Builds the engine once; while the index is missing, tries again on the next request."""

    def __init__(self, factory: EngineFactory) -> None:
        self._factory = factory
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def get(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = self._factory()
            return self._engine

    def try_warm(self) -> None:
        try:
            self.get().warm_up()
        except IndexNotReadyError as exc:
            logger.warning("%s", exc.message)


def get_engine(request: Request) -> Engine:
    holder: EngineHolder = request.app.state.engine_holder
    return holder.get()


EngineDep = Annotated[Engine, Depends(get_engine)]
router = APIRouter()


@router.post("/v1/ask", response_model=Answer)
def ask(body: AskRequest, engine: EngineDep) -> Answer:
    return engine.answer(body.question, history=body.history, top_k=body.top_k)


@router.get("/healthz")
def healthz(request: Request) -> dict[str, str]:
    holder: EngineHolder = request.app.state.engine_holder
    engine = holder.get()
    return {"status": "ok", "model": engine.model}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _describe(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(problems)


def create_app(settings: Settings | None = None, factory: EngineFactory | None = None) -> FastAPI:
    """The app; ``factory`` builds the engine (from ``settings`` through the composition root by default)."""
    if factory is None:
        from service.wiring import build_engine

        chosen = settings or Settings()

        def factory() -> Engine:
            return build_engine(chosen)

    holder = EngineHolder(factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        holder.try_warm()
        yield

    app = FastAPI(title="citewire", summary="Answers from news articles, with checked citations.", lifespan=lifespan)
    app.state.engine_holder = holder
    app.include_router(router)

    @app.exception_handler(CitewireError)
    async def citewire_error(request: Request, exc: CitewireError) -> JSONResponse:
        return _error(exc.status_code, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _describe(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return _error(500, "internal_error", "internal error; the server log has the details")

    return app
