import shutil
from pathlib import Path
from typing import Any

import pytest

from service.components.vector_store import open_collection
from service.errors import SourceNotFoundError
from service.wiring import build_ingestor
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def stored(data_dir: Path) -> dict[str, Any]:
    result: dict[str, Any] = open_collection(make_settings(data_dir)).get(include=["documents", "metadatas"])
    return result


def test_ingest_is_idempotent_and_incremental(tmp_path: Path, article_dir: Path) -> None:
    data_dir = tmp_path / "data"
    ingestor = build_ingestor(make_settings(data_dir))
    first = ingestor.run([article_dir])
    assert first.files == 5 and first.added > 0 and first.removed == 0
    ids_before = sorted(stored(data_dir)["ids"])

    again = ingestor.run([article_dir])
    assert (again.added, again.removed, again.kept) == (0, 0, first.added)
    assert sorted(stored(data_dir)["ids"]) == ids_before

    changed = article_dir / "001_a9a13361e273754c.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("7,000 people", "8,000 people"), encoding="utf-8")
    (article_dir / "004_f2c2a30e7610bf0b.txt").unlink()
    after = ingestor.run([article_dir])
    assert after.added > 0 and after.removed > 0
    rows = stored(data_dir)
    sources = {m["source"] for m in rows["metadatas"]}
    assert "004_f2c2a30e7610bf0b.txt" not in sources
    documents = " ".join(rows["documents"])
    assert "8,000 people" in documents and "7,000 people" not in documents


def test_stored_chunks_are_the_files_exact_text(seed_index: Path) -> None:
    rows = stored(seed_index)
    assert len(rows["ids"]) > 20
    for document, meta in zip(rows["documents"], rows["metadatas"], strict=True):
        text = Path(meta["path"]).read_bytes().decode("utf-8")
        assert text[meta["start"] : meta["end"]] == document
        assert meta["title"] and meta["published"] and meta["publisher"]


def test_a_missing_path_fails_before_the_index_changes(tmp_path: Path, article_dir: Path) -> None:
    data_dir = tmp_path / "data"
    ingestor = build_ingestor(make_settings(data_dir))
    ingestor.run([article_dir])
    before = sorted(stored(data_dir)["ids"])
    shutil.rmtree(article_dir)
    with pytest.raises(SourceNotFoundError, match="no such file"):
        ingestor.run([article_dir, tmp_path / "nope"])
    assert sorted(stored(data_dir)["ids"]) == before


def test_a_file_that_is_not_utf8_is_skipped_and_reported(tmp_path: Path, article_dir: Path) -> None:
    (article_dir / "broken.txt").write_bytes(b"\xff\xfe\x00 not text \x80")
    (article_dir / "empty.txt").write_text("", encoding="utf-8")
    summary = build_ingestor(make_settings(tmp_path / "data")).run([article_dir])
    assert summary.files == 7
    assert any("broken.txt: not UTF-8" in s for s in summary.skipped)
    assert any("empty.txt: no article text" in s for s in summary.skipped)
    assert "skipped 2" in summary.line()
