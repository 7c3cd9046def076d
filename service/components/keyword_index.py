"""The BM25 keyword index (bm25s through llama-index), persisted beside Chroma and swapped in atomically."""

import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from llama_index.core.schema import BaseNode
from llama_index.retrievers.bm25 import BM25Retriever

from service.errors import IndexNotReadyError

CHUNK_IDS_DIGEST = "chunk-ids.sha256"


def chunk_ids_digest(ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


def read_keyword_generation(directory: Path) -> str:
    """Changes whenever an ingest saves a keyword index with other chunks; "" when there is none."""
    try:
        return (directory / CHUNK_IDS_DIGEST).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def keyword_index_matches(directory: Path, ids: Iterable[str]) -> bool:
    """Whether the saved index holds exactly these chunks (an ingest killed before saving leaves it behind)."""
    return read_keyword_generation(directory) == chunk_ids_digest(ids)


def save_keyword_index(nodes: Sequence[BaseNode], directory: Path) -> None:
    """Build the index from ``nodes`` and replace the one in ``directory``; an empty corpus removes it."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    if not nodes:
        shutil.rmtree(directory, ignore_errors=True)
        return
    staging = Path(tempfile.mkdtemp(prefix=".bm25-", dir=directory.parent))
    try:
        BM25Retriever.from_defaults(nodes=list(nodes), similarity_top_k=min(10, len(nodes))).persist(str(staging))
        (staging / CHUNK_IDS_DIGEST).write_text(chunk_ids_digest(n.node_id for n in nodes) + "\n", encoding="utf-8")
        retired = directory.with_name(directory.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if directory.exists():
            directory.rename(retired)
        staging.rename(directory)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load_keyword_retriever(directory: Path, top_k: int) -> BM25Retriever:
    if not (directory / "retriever.json").exists():
        raise IndexNotReadyError(f"no keyword index at {directory}; run `citewire ingest` first")
    retriever = BM25Retriever.from_persist_dir(str(directory))
    retriever.similarity_top_k = min(top_k, len(retriever.corpus or [])) or top_k
    return retriever
