"""The index on a Chroma server (`chroma run`, started here on loopback), selected by settings alone; the server
is stopped and started again while citewire keeps running."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.wiring import build_ingestor
from tests.conftest import SEEDS, free_port, make_settings, running_process
from tests.fakes import FAKE_PROVIDER, quote_best_source, register_fake

pytestmark = pytest.mark.integration
CHROMA = str(Path(sys.executable).with_name("chroma"))
QUESTION = {"question": "How many people were killed in the Crocus City Hall attack?"}


@contextmanager
def chroma_server(path: Path, port: int) -> Iterator[str]:
    url = f"http://127.0.0.1:{port}"
    command = [CHROMA, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with running_process(command, f"{url}/api/v2/heartbeat", 60):
        yield url


def test_the_service_says_when_chroma_is_down_and_recovers_when_it_is_back(tmp_path: Path) -> None:
    register_fake(quote_best_source)
    chroma_path, port = tmp_path / "chroma-server", free_port()
    with chroma_server(chroma_path, port) as url:
        settings = make_settings(tmp_path / "data", chroma_url=url, llm_model=f"{FAKE_PROVIDER}/x", rate_limit=None)
        summary = build_ingestor(settings).run([SEEDS])
        assert summary.added > 0 and not (tmp_path / "data" / "chroma").exists()  # nothing embedded locally
        client = TestClient(create_app(settings))
        client.__enter__()
        assert client.get("/readyz").status_code == 200
        assert client.post("/v1/ask", json=QUESTION).json()["citations"]

    for path, request in (("/readyz", client.get), ("/v1/ask", client.post)):
        response = request(path, json=QUESTION) if request == client.post else request(path)
        assert response.status_code == 503, (path, response.text)
        assert response.json()["error"]["code"] == "index_not_ready"
        assert (
            "Chroma server" in response.json()["error"]["message"]
            and "cannot be reached" in response.json()["error"]["message"]
        )
    assert client.get("/healthz").status_code == 200
    assert client.get("/v1/sources").status_code == 200  # the article list is read from the keyword index

    with chroma_server(chroma_path, port):
        assert client.get("/readyz").status_code == 200
        answer = client.post("/v1/ask", json=QUESTION).json()
        assert answer["citations"] and not answer["refused"]
    client.__exit__(None, None, None)
