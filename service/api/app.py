"""The HTTP API. Routes only translate HTTP to and from the engine's typed ``answer()``."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from service.api import openai_compat
from service.api.dependencies import ERRORS, CatalogDep, EngineDep, Lazy, MetricsDep, QueueDep, guard
from service.api.guards import AnswerQueue, BodyLimit, KeyCheck, RateLimit
from service.api.observability import Metrics, build_request_observer
from service.api.streaming import stream_answer
from service.catalog import SourceCatalog
from service.components.llm import TextSink
from service.conversation import split_conversation
from service.engine.engine import Engine
from service.errors import INTERNAL_ERROR_MESSAGE, CitewireError, IndexNotReadyError
from service.schemas import Answer, AskRequest, ChatRequest, ErrorBody, Scope, SourceDocument, SourceInfo
from service.settings import Settings

logger = logging.getLogger(__name__)
PAGE = Path(__file__).resolve().parent / "page" / "index.html"
EngineFactory = Callable[[], Engine]
CatalogFactory = Callable[[], SourceCatalog]


router = APIRouter(responses=ERRORS)


STREAMED: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/event-stream": {}}, "description": "The answer, or its events when streamed."}
}


@router.post("/v1/ask", response_model=Answer, responses=STREAMED)
def ask(
    body: AskRequest, request: Request, engine: EngineDep, metrics: MetricsDep, queue: QueueDep
) -> Answer | Response:
    """Answer one question (with earlier turns as ``history``); ``stream`` gives Server-Sent Events."""
    question = engine.check_question(body.question)

    def run(on_draft: TextSink | None) -> Answer:
        return engine.answer(question, body.history, body.top_k, on_draft, body.within)

    return _respond(engine, body.within, queue.admit(run), body.stream or _wants_events(request), metrics)


@router.post("/v1/chat", response_model=Answer, responses=STREAMED)
def chat(
    body: ChatRequest, request: Request, engine: EngineDep, metrics: MetricsDep, queue: QueueDep
) -> Answer | Response:
    """The conversation's last user message, answered in the light of the turns before it."""
    question, history = split_conversation(body.messages)
    question = engine.check_question(question)

    def run(on_draft: TextSink | None) -> Answer:
        return engine.answer(question, history, body.top_k, on_draft, body.within)

    return _respond(engine, body.within, queue.admit(run), body.stream or _wants_events(request), metrics)


def _respond(
    engine: Engine, within: Scope | None, run: Callable[[TextSink | None], Answer], stream: bool, metrics: Metrics
) -> Answer | Response:
    if stream:
        engine.sources_within(within)  # a bad scope is a 422 before the stream starts (unstreamed, run() raises it)
        return stream_answer(run, metrics.observe_answer)
    answer = run(None)
    metrics.observe_answer(answer)
    return answer


def _wants_events(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "")


@router.get("/v1/sources", response_model=list[SourceInfo])
def list_sources(catalog: CatalogDep) -> list[SourceInfo]:
    return catalog.list_sources()


@router.get(
    "/v1/sources/{name}",
    response_model=SourceDocument,
    responses={404: {"model": ErrorBody, "description": "No ingested article has that name."}},
)
def read_source(name: str, catalog: CatalogDep) -> SourceDocument:
    return catalog.read_source(name)


@router.get("/", include_in_schema=False)
def reader_page() -> FileResponse:
    """The reader's page: ask, watch the answer come, open a citation at its span."""
    return FileResponse(PAGE, media_type="text/html")


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is alive; says nothing of the index or model (see /readyz)."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(engine: EngineDep) -> dict[str, str]:
    """Ready when the index answers now and the engine is built; otherwise a 503 that says why."""
    engine.check_ready()
    return {"status": "ready", "model": engine.model}


@router.get("/metrics", include_in_schema=False)
def metrics_exposition(metrics: MetricsDep) -> Response:
    return metrics.exposition()


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content=ErrorBody.of(code, message).model_dump())


def _error_response(exc: CitewireError) -> JSONResponse:
    response = _error(exc.status_code, exc.code, exc.message)
    response.headers.update(exc.headers)
    return response


def _describe(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(problems)


def create_app(
    settings: Settings | None = None, factory: EngineFactory | None = None, catalog: CatalogFactory | None = None
) -> FastAPI:
    """The app; ``factory`` builds the engine and ``catalog`` the article list (from ``settings`` through the
    composition root by default)."""
    chosen = settings or Settings()
    if factory is None:
        from service.wiring import build_engine

        def factory() -> Engine:
            return build_engine(chosen)

    if catalog is None:
        from service.wiring import build_catalog

        def catalog() -> SourceCatalog:
            return build_catalog(chosen)

    engine = Lazy(factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            engine.get().warm_up()
        except IndexNotReadyError as exc:
            logger.warning("%s", exc.message)
        yield

    app = FastAPI(
        title="citewire",
        summary="Answers from news articles, with checked citations.",
        lifespan=lifespan,
        dependencies=[Depends(guard)],
    )
    app.state.engine = engine
    app.state.catalog = Lazy(catalog)
    app.state.metrics = Metrics()
    app.state.keys = KeyCheck(chosen.api_keys)
    app.state.rate_limit = RateLimit(chosen.rate_limit)
    app.state.queue = AnswerQueue(chosen.max_queued_answers)
    app.middleware("http")(build_request_observer(app.state.metrics))
    if chosen.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=chosen.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
        )
    app.add_middleware(BodyLimit, max_bytes=chosen.max_body_bytes, refuse=_error_response)
    app.include_router(router)
    app.include_router(openai_compat.router)

    @app.exception_handler(CitewireError)
    async def citewire_error(request: Request, exc: CitewireError) -> JSONResponse:
        return _error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI's "error parsing the body": bytes that are not JSON text (UTF-8)
            return _error(422, "invalid_request", "body: not valid JSON text (UTF-8)")
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        response = _error(exc.status_code, code, f"{request.method} {request.url.path}: {exc.detail}")
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _describe(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return _error(500, "internal_error", INTERNAL_ERROR_MESSAGE)

    return app
