"""An ingest in another process while the server answers: answers keep coming, and the new article is found
without a restart (embedded Chroma, whose vectors each process holds in memory, is read again)."""

import os
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.wiring import build_ingestor
from tests.conftest import CITEWIRE, make_settings
from tests.fakes import FAKE_PROVIDER, quote_best_source, register_fake

pytestmark = pytest.mark.integration
CROCUS = "000_d2a25c7ec89bae19.txt"
ABOUT_CROCUS = {"question": "How many people were killed in the Crocus City Hall attack?"}
ABOUT_BELARUS = {"question": "Where did Tsikhanouskaya flee to?"}


def test_a_running_server_sees_articles_that_another_process_ingests(tmp_path: Path, article_dir: Path) -> None:
    register_fake(quote_best_source)
    held_back = tmp_path / CROCUS
    (article_dir / CROCUS).rename(held_back)
    data_dir = tmp_path / "data"
    settings = make_settings(data_dir, llm_model=f"{FAKE_PROVIDER}/x", rate_limit=None)
    build_ingestor(settings).run([article_dir])

    with TestClient(create_app(settings)) as client:
        before = client.post("/v1/ask", json=ABOUT_CROCUS).json()
        assert all(citation["source"] != CROCUS for citation in before["citations"])

        held_back.rename(article_dir / CROCUS)
        ingest = subprocess.Popen(
            [CITEWIRE, "ingest", str(article_dir)],
            env={**os.environ, "CITEWIRE_DATA_DIR": str(data_dir)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        statuses = []
        while ingest.poll() is None:
            statuses.append(client.post("/v1/ask", json=ABOUT_BELARUS).status_code)
        assert ingest.returncode == 0, ingest.stderr.read() if ingest.stderr else ""
        assert statuses and set(statuses) == {200}

        engine = client.app.state.engine.get()  # type: ignore[attr-defined]
        dense = engine.index.current().retriever.retrieve_dense(ABOUT_CROCUS["question"])
        assert CROCUS in {hit.node.metadata["source"] for hit in dense}  # Chroma's vectors, not just the keywords
        after = client.post("/v1/ask", json=ABOUT_CROCUS).json()
        assert any(citation["source"] == CROCUS for citation in after["citations"]), after
        assert CROCUS in {source["source"] for source in client.get("/v1/sources").json()}
