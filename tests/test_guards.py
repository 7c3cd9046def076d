"""API keys, rate limits, body limits, CORS and the bounded answer queue, each refusing with a clear status."""

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.engine.engine import Engine
from service.errors import IndexNotReadyError
from service.settings import Settings
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, asked, quote_best_source, register_fake

QUESTION = "How many people were killed in the Crocus City Hall attack?"


def no_engine() -> Engine:
    raise IndexNotReadyError("no index in this test")


def app_with(**settings: object) -> TestClient:
    """The app without its engine (routes that need none), with the given settings."""
    return TestClient(create_app(Settings(**settings), factory=no_engine))  # type: ignore[arg-type]


@pytest.mark.unit
def test_with_keys_configured_every_route_but_health_and_page_needs_one(caplog: pytest.LogCaptureFixture) -> None:
    client = app_with(api_keys="s3cret-one, s3cret-two")
    caplog.set_level(logging.INFO, logger="citewire.requests")
    missing = client.get("/v1/models")
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"]["code"] == "unauthorized"
    assert client.get("/v1/models", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/v1/models", headers={"Authorization": "Basic s3cret-one"}).status_code == 401
    assert client.get("/v1/models", headers={"Authorization": "Bearer s3cret-one"}).status_code == 200
    assert client.get("/v1/models", headers={"Authorization": "Bearer s3cret-two"}).status_code == 200
    assert client.post("/v1/ask", json={"question": QUESTION}).status_code == 401
    assert client.get("/healthz").status_code == 200 and client.get("/").status_code == 200
    assert "s3cret" not in caplog.text
    assert app_with().get("/v1/models").status_code == 200  # no keys configured: open


@pytest.mark.unit
def test_a_caller_over_its_rate_limit_gets_429_with_retry_after() -> None:
    client = app_with(rate_limit="3/minute", api_keys="a,b")
    first = {"Authorization": "Bearer a"}
    assert [client.get("/v1/models", headers=first).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/v1/models", headers=first)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert client.get("/v1/models", headers={"Authorization": "Bearer b"}).status_code == 200  # its own budget
    assert client.get("/healthz").status_code == 200  # health is never limited


@pytest.mark.unit
def test_a_body_over_the_limit_is_413_declared_or_streamed() -> None:
    client = app_with(max_body_bytes=2048)
    declared = client.post("/v1/ask", json={"question": "x" * 3000})
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        yield b"x" * 3000
        yield b'"}'

    streamed = client.post("/v1/ask", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.unit
def test_cors_is_closed_unless_an_origin_is_configured() -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    closed = app_with().options("/v1/ask", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    opened = app_with(cors_origins="https://reader.example")
    allowed = opened.options("/v1/ask", headers={**preflight, "Origin": "https://reader.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://reader.example"
    denied = opened.options("/v1/ask", headers=preflight)
    assert denied.headers.get("access-control-allow-origin") != "https://evil.example"


@pytest.mark.unit
def test_wrong_methods_and_routes_get_the_json_error_shape() -> None:
    client = app_with()
    wrong_method = client.get("/v1/ask")
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["code"] == "method_not_allowed"
    missing = client.get("/v2/nothing")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def slow_when_asked_to(prompt: str) -> str:
    if "slowly" in asked(prompt):
        time.sleep(3)
    return quote_best_source(prompt)


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(slow_when_asked_to)


@pytest.mark.integration
def test_answers_beyond_the_queue_are_refused_at_once_and_served_again_after(
    seed_index: Path, fake: ScriptedLLM
) -> None:
    settings = make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted", max_queued_answers=1)
    with TestClient(create_app(settings)) as client:
        slow = threading.Thread(
            target=client.post, args=("/v1/ask",), kwargs={"json": {"question": f"Tell me slowly: {QUESTION}"}}
        )
        asked_before = len(fake.prompts)
        slow.start()
        deadline = time.monotonic() + 30
        while len(fake.prompts) == asked_before and time.monotonic() < deadline:
            time.sleep(0.05)  # until the slow answer is with the model
        started = time.perf_counter()
        busy = client.post("/v1/ask", json={"question": QUESTION})
        assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
        assert busy.headers["retry-after"].isdigit() and time.perf_counter() - started < 2  # refused, not queued
        assert client.get("/healthz").status_code == 200 and client.get("/metrics").status_code == 200
        slow.join(timeout=60)
        assert client.post("/v1/ask", json={"question": QUESTION}).status_code == 200
