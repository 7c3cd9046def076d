"""An ingest killed halfway, and two ingests at once, through the real command on real Chroma."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from service.components.keyword_index import KeywordIndex
from service.components.vector_store import open_collection
from tests.conftest import SEEDS, make_settings

pytestmark = pytest.mark.slow
CITEWIRE = [str(Path(sys.executable).with_name("citewire"))]


def write_corpus(folder: Path, variant: str, copies: int) -> None:
    """``copies`` distinct versions of each seed; ``variant`` changes every file's text."""
    folder.mkdir(exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for copy in range(copies):
            extra = f"\n\nEditor's note {variant}-{copy}: this copy was filed for the archive.\n"
            (folder / f"{seed.stem}-{copy}.txt").write_text(text + extra, encoding="utf-8")


def ingest(data_dir: Path, corpus: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "CITEWIRE_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [*CITEWIRE, "-v", "ingest", str(corpus)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def chunk_ids(data_dir: Path) -> list[str]:
    return sorted(open_collection(make_settings(data_dir)).get(include=[])["ids"])


def test_a_killed_ingest_loses_nothing_and_a_second_ingest_waits_its_turn(tmp_path: Path) -> None:
    corpus, data_dir = tmp_path / "corpus", tmp_path / "data"
    write_corpus(corpus, "a", copies=8)
    assert ingest(data_dir, corpus).wait(timeout=600) == 0
    before = chunk_ids(data_dir)

    write_corpus(corpus, "b", copies=8)  # every file changed: the next run rewrites them all
    running = ingest(data_dir, corpus)
    assert running.stderr is not None
    indexed = 0
    for line in running.stderr:
        indexed += "indexed " in line
        if indexed == 2:
            break
    second = ingest(data_dir, corpus)
    _, second_err = second.communicate(timeout=300)
    assert second.returncode == 1 and "another ingest" in second_err
    running.send_signal(signal.SIGKILL)
    running.wait(timeout=60)

    # the previous index still opens and searches: its keyword index is untouched, Chroma holds old and new
    after_kill = chunk_ids(data_dir)
    assert set(before) <= set(after_kill)
    assert KeywordIndex(data_dir / "keywords.sqlite").search("Lukashenko", top_k=5)

    assert ingest(data_dir, corpus).wait(timeout=600) == 0
    resumed = chunk_ids(data_dir)
    fresh_dir = tmp_path / "fresh"
    shutil.rmtree(fresh_dir, ignore_errors=True)
    assert ingest(fresh_dir, corpus).wait(timeout=600) == 0
    assert resumed == chunk_ids(fresh_dir)  # no chunk duplicated, none lost
    assert KeywordIndex(data_dir / "keywords.sqlite").ids() == set(resumed)  # the keyword index agrees with Chroma
