import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from service.settings import Settings

# litellm fetches a price list from the network on import unless told to use its bundled copy.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, articles_dir=SEEDS, **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the seeds ingested once, for tests that only read the index."""
    from service.wiring import build_ingestor

    data_dir = tmp_path_factory.mktemp("seed-index")
    build_ingestor(make_settings(data_dir)).run([SEEDS])
    return data_dir


@pytest.fixture()
def article_dir(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the seeds that a test may change."""
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    yield target


@contextmanager
def running_server(app: FastAPI) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port in this process, for clients in other processes."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert server.started, "the test server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
