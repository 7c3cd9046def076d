import shutil
from pathlib import Path
from typing import Any

import pytest

from service.components.keyword_index import KeywordIndex
from service.components.vector_store import open_collection
from service.engine.source_files import SourceFiles
from service.errors import SourceNotFoundError
from service.wiring import build_ingestor
from tests.conftest import SEEDS, make_settings

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


def test_a_file_that_is_not_text_is_skipped_and_reported(tmp_path: Path, article_dir: Path) -> None:
    (article_dir / "broken.txt").write_bytes(b"\xc3\x28 not text \x02")
    (article_dir / "empty.txt").write_text("", encoding="utf-8")
    summary = build_ingestor(make_settings(tmp_path / "data")).run([article_dir])
    assert summary.files == 7
    assert any("broken.txt: not UTF-8 (byte 0), nor text in Windows-1252" in s for s in summary.skipped)
    assert any("empty.txt: no article text" in s for s in summary.skipped)
    assert "skipped 2" in summary.line()


CAFE = (
    "Café Müller reopens in Zürich\n\n"
    "The café on the Limmatquai reopened on Monday after a two-year renovation, its owner, Señora Núñez, said.\n\n"
    "She said the menu keeps its crème brûlée and adds a vegetarian rösti for €12.\n"
)


def test_an_article_in_windows_1252_is_read_and_quoted_exactly(tmp_path: Path, article_dir: Path) -> None:
    (article_dir / "cafe.txt").write_bytes(CAFE.encode("cp1252"))
    data_dir = tmp_path / "data"
    summary = build_ingestor(make_settings(data_dir)).run([article_dir])
    assert "cafe.txt: read as cp1252" in summary.notes and not summary.skipped
    rows = stored(data_dir)
    cafe = [(doc, meta) for doc, meta in zip(rows["documents"], rows["metadatas"], strict=True)]
    cafe = [(doc, meta) for doc, meta in cafe if meta["source"] == "cafe.txt"]
    assert cafe and any("crème brûlée" in doc for doc, _ in cafe)
    files = SourceFiles()
    for document, meta in cafe:
        assert files.span(meta["path"], meta["start"], meta["end"]) == document


def test_bad_files_are_reported_and_skipped_while_the_rest_are_indexed(
    tmp_path: Path, article_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(CAFE, encoding="utf-8")
    (article_dir / "link.txt").symlink_to(outside / "secret.txt")
    (article_dir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (article_dir / "huge.txt").write_text("A very long article. " * 4000, encoding="utf-8")
    (article_dir / "locked.txt").write_text(CAFE, encoding="utf-8")
    shutil.copy(article_dir / "002_d3a83041cccd83b2.txt", article_dir / "copy_of_002.txt")
    real_read = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    data_dir = tmp_path / "data"
    summary = build_ingestor(make_settings(data_dir, max_article_bytes=50_000)).run([article_dir])

    reasons = dict(line.split(": ", 1) for line in summary.skipped)
    assert reasons["link.txt"].startswith("a link to a file outside")
    assert "NUL bytes" in reasons["image.txt"]
    assert "over the 50,000-byte limit" in reasons["huge.txt"]
    assert "Permission denied" in reasons["locked.txt"]
    assert reasons["copy_of_002.txt"] == "the same text as 002_d3a83041cccd83b2.txt, indexed once"
    sources = {meta["source"] for meta in stored(data_dir)["metadatas"]}
    assert sources == {path.name for path in SEEDS.glob("*.txt")}


def test_a_file_that_turns_unreadable_keeps_what_was_indexed(tmp_path: Path, article_dir: Path) -> None:
    data_dir = tmp_path / "data"
    ingestor = build_ingestor(make_settings(data_dir))
    ingestor.run([article_dir])
    before = sorted(stored(data_dir)["ids"])
    target = article_dir / "003_01054b65efa5ce0e.txt"
    target.write_bytes(b"\x00" + target.read_bytes())
    summary = ingestor.run([article_dir])
    assert any(line.startswith(f"{target.name}: a binary file") for line in summary.skipped)
    assert sorted(stored(data_dir)["ids"]) == before


class CrashError(Exception):
    pass


def test_a_run_that_died_before_its_last_steps_is_finished_by_the_next(
    tmp_path: Path, article_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after writing new chunks but before deleting the old ones and saving the keyword index."""
    data_dir = tmp_path / "data"
    build_ingestor(make_settings(data_dir)).run([article_dir])
    changed = article_dir / "001_a9a13361e273754c.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("7,000 people", "8,000 people"), encoding="utf-8")
    dying = build_ingestor(make_settings(data_dir))

    def crash(*args: object, **kwargs: object) -> None:
        raise CrashError

    monkeypatch.setattr(dying._collection, "delete", crash)
    with pytest.raises(CrashError):
        dying.run([article_dir])
    monkeypatch.undo()
    assert "8,000 people" in " ".join(stored(data_dir)["documents"])  # both versions are in Chroma now

    build_ingestor(make_settings(data_dir)).run([article_dir])
    fresh = tmp_path / "fresh"
    build_ingestor(make_settings(fresh)).run([article_dir])
    assert sorted(stored(data_dir)["ids"]) == sorted(stored(fresh)["ids"])
    assert KeywordIndex(data_dir / "keywords.sqlite").ids() == set(stored(data_dir)["ids"])
    assert "7,000 people" not in " ".join(stored(data_dir)["documents"])
