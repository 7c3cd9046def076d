import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from service.settings import Settings

if TYPE_CHECKING:
    from service.engine.verify import ClaimChecker

# litellm fetches a price list from the network on import unless told to use its bundled copy.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CITEWIRE = str(Path(sys.executable).with_name("citewire"))


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_server(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """The app served by uvicorn on loopback (a free port unless given) in this process, for clients elsewhere."""
    port = port or free_port()
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


@contextmanager
def citewire_server(data_dir: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`citewire serve` in its own process on a free port, with ``CITEWIRE_*`` settings from ``env``; yields its
    URL and process once it is ready (the bundled model loaded)."""
    port = free_port()
    settings = {f"CITEWIRE_{key.upper()}": value for key, value in env.items()}
    url = f"http://127.0.0.1:{port}"
    command = [CITEWIRE, "serve", "--port", str(port)]
    environment = {**os.environ, "CITEWIRE_DATA_DIR": str(data_dir), "CITEWIRE_ARTICLES_DIR": str(SEEDS), **settings}
    with running_process(command, f"{url}/readyz", 180, environment) as process:
        yield url, process


@contextmanager
def running_process(
    command: list[str], ready_url: str, seconds: float, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A server in its own process, yielded once ``ready_url`` answers 200, and stopped afterwards."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise AssertionError(f"{Path(command[0]).name} did not come up at {ready_url}")
            time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def checker() -> "ClaimChecker":
    """The claim checker on the real embedder, as the engine builds it."""
    from service.components.embedder import build_embedder
    from service.engine.verify import ClaimChecker

    return ClaimChecker(build_embedder(Settings()), threshold=0.5, min_relevance=Settings().min_relevance)
