"""The language model behind a real OpenAI-compatible server on loopback, reached through litellm by settings
alone; the server is stopped, slowed, broken and garbled, and the service says so and recovers."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from tests.conftest import free_port, make_settings, running_server
from tests.openai_server import Behaviour, build_openai_server

pytestmark = pytest.mark.integration
QUESTION = {"question": "How many people were killed in the Crocus City Hall attack?"}


@pytest.fixture()
def provider() -> Iterator[tuple[Behaviour, int]]:
    behaviour, port = Behaviour(), free_port()
    with running_server(build_openai_server(behaviour), port):
        yield behaviour, port


def client_for(seed_index: Path, port: int, **overrides: object) -> TestClient:
    settings = make_settings(
        seed_index,
        llm_model="openai/newsroom-model",
        llm_api_base=f"http://127.0.0.1:{port}/v1",
        llm_api_key="sk-test",
        llm_timeout_s=1.0,
        llm_retries=1,
        rate_limit=None,
        **overrides,
    )
    return TestClient(create_app(settings))


def assert_model_unavailable(response: object) -> None:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "llm_error"
    assert int(response.headers["Retry-After"]) > 0
    assert "newsroom-model" in response.json()["error"]["message"]


def test_a_model_server_reached_by_settings_alone_answers_with_citations(
    seed_index: Path, provider: tuple[Behaviour, int]
) -> None:
    behaviour, port = provider
    with client_for(seed_index, port) as client:
        response = client.post("/v1/ask", json=QUESTION)
    assert response.status_code == 200, response.text
    assert response.json()["citations"] and behaviour.calls == ["newsroom-model"]
    assert response.json()["tokens"] == {"prompt": 100, "completion": 20}  # as the server counted them


@pytest.mark.parametrize("mode", ["error", "slow", "garbage"])
def test_a_failing_model_is_retried_once_then_a_503_with_retry_after(
    seed_index: Path, provider: tuple[Behaviour, int], mode: str
) -> None:
    behaviour, port = provider
    behaviour.mode = mode  # type: ignore[assignment]
    behaviour.delay_s = 3.0
    with client_for(seed_index, port) as client:
        assert_model_unavailable(client.post("/v1/ask", json=QUESTION))
        assert len(behaviour.calls) == 2  # the call and one retry, no more
        assert client.get("/healthz").status_code == 200
        behaviour.mode = "ok"
        assert client.post("/v1/ask", json=QUESTION).status_code == 200


def test_a_stopped_model_server_gives_503s_until_it_is_back(seed_index: Path) -> None:
    behaviour, port = Behaviour(), free_port()
    with client_for(seed_index, port) as client:
        assert_model_unavailable(client.post("/v1/ask", json=QUESTION))
        with running_server(build_openai_server(behaviour), port):
            assert client.post("/v1/ask", json=QUESTION).status_code == 200
        assert_model_unavailable(client.post("/v1/ask", json=QUESTION))


def test_the_fallback_model_answers_when_the_main_one_fails(seed_index: Path, provider: tuple[Behaviour, int]) -> None:
    fallback, fallback_port = provider
    main = Behaviour(mode="error")
    main_port = free_port()
    with (
        running_server(build_openai_server(main), main_port),
        client_for(
            seed_index,
            main_port,
            llm_fallback_model="openai/backup-model",
            llm_fallback_api_base=f"http://127.0.0.1:{fallback_port}/v1",
            llm_fallback_api_key="sk-test",
        ) as client,
    ):
        response = client.post("/v1/ask", json=QUESTION)
        streamed = client.post("/v1/ask", json={**QUESTION, "stream": True})
    assert response.status_code == 200, response.text
    assert response.json()["citations"]
    assert "event: answer" in streamed.text and "event: error" not in streamed.text
    assert main.calls and set(main.calls) == {"newsroom-model"}
    assert fallback.calls == ["backup-model", "backup-model"]
