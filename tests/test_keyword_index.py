"""The SQLite FTS5 keyword index against a real Chroma collection: it takes Chroma's changes and only those,
ranks by BM25, filters by article, and says when it has changed."""

from pathlib import Path
from typing import Any

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from service.components.keyword_index import KeywordIndex
from service.errors import IndexNotReadyError

pytestmark = pytest.mark.integration


def chunk(chunk_id: str, source: str, text: str) -> dict[str, Any]:
    return {"id": chunk_id, "document": text, "metadata": {"source": source, "path": f"/corpus/{source}", "start": 0}}


def collection_with(tmp_path: Path, chunks: list[dict[str, Any]]) -> Any:
    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    collection = client.get_or_create_collection("keywords-test", embedding_function=None)
    collection.add(
        ids=[c["id"] for c in chunks],
        documents=[c["document"] for c in chunks],
        metadatas=[c["metadata"] for c in chunks],
        embeddings=np.array([[float(i), 1.0] for i in range(len(chunks))], dtype=np.float32),
    )
    return collection


def test_it_follows_chroma_ranks_by_bm25_and_filters_by_article(tmp_path: Path) -> None:
    collection = collection_with(
        tmp_path,
        [
            chunk("a", "one.txt", "The mayor opened the new bridge over the river on Monday."),
            chunk("b", "two.txt", "Bridges, bridges everywhere: the city counts 40 bridges."),
            chunk("c", "two.txt", "The council met to discuss the budget."),
        ],
    )
    keywords = KeywordIndex(tmp_path / "keywords.sqlite")
    assert keywords.generation() == -1
    with pytest.raises(IndexNotReadyError, match="citewire ingest"):
        keywords.search("bridge", 5)
    assert keywords.sync_with(collection) == (3, 0)
    first = keywords.generation()

    hits = keywords.search("How many bridges does the city have?", 5)
    assert [h.node.node_id for h in hits] == ["b", "a"]  # stemmed: "bridge" matches "bridges"; stop words ignored
    assert hits[0].score and hits[0].score > hits[1].score > 0  # type: ignore[operator]
    assert hits[0].node.metadata["source"] == "two.txt"
    assert [h.node.node_id for h in keywords.search("bridge", 5, sources=["one.txt"])] == ["a"]
    assert keywords.search("the of and", 5) == [] and keywords.search('bridge" OR *', 5)  # no query syntax leaks

    assert keywords.sync_with(collection) == (0, 0) and keywords.generation() == first  # nothing to do, no change
    collection.delete(ids=["b"])
    assert keywords.sync_with(collection) == (0, 1)
    assert keywords.ids() == {"a", "c"} and keywords.generation() > first
