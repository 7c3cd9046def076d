import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

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
