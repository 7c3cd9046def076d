"""The ingest job: clean, chunk, embed and store articles; idempotent and incremental.

Chunk ids derive from content, so an unchanged file writes nothing, a changed file's new chunks are added
before its old ones go, and a removed file's chunks are deleted. At the end the keyword index takes Chroma's
changes (only those), so a run that fails halfway leaves the previous index usable; the next run finishes its
work (a file held in two versions, or in part, is written again) and brings the keyword index in line with
Chroma. One run at a time per data folder.
"""

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import TextNode
from llama_index.core.vector_stores.utils import node_to_metadata_dict

from ingest.chunking import CHUNKER_VERSION, build_chunks
from ingest.clean import clean_article
from ingest.decoding import UndecodableArticleError, decode_article
from ingest.discovery import Discovered, discover_articles
from ingest.lock import hold_ingest_lock
from service.components.keyword_index import KeywordIndex

logger = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]  # (files done, files in all, current file name)


@dataclass
class IngestSummary:
    files: int = 0
    added: int = 0
    kept: int = 0
    removed: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # "name: why", files not (re)indexed
    notes: list[str] = field(default_factory=list)  # "name: what", files indexed with a remark

    def line(self) -> str:
        text = (
            f"ingested {self.files} files: {self.added} chunks added, {self.kept} kept, "
            f"{self.removed} removed in {self.seconds:.1f} s"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(self.skipped)
        if self.notes:
            text += "; note: " + "; ".join(self.notes)
        return text


def file_fingerprint(data: bytes) -> str:
    return hashlib.sha256(data + f"\0chunker={CHUNKER_VERSION}".encode()).hexdigest()


@dataclass
class _Indexed:
    """What the collection holds for one file: its fingerprints and chunk ids, and whether the set is whole."""

    fingerprints: set[str] = field(default_factory=set)
    ids: list[str] = field(default_factory=list)
    expected: int = -1  # chunks the file had when written; -1 for an index written before this was recorded

    def is_current(self, fingerprint: str) -> bool:
        return self.fingerprints == {fingerprint} and self.expected in (-1, len(self.ids))


class Ingestor:
    def __init__(
        self, embedder: BaseEmbedding, collection: Any, keywords: KeywordIndex, data_dir: Path, max_file_bytes: int
    ) -> None:
        self._embedder = embedder
        self._collection = collection
        self._keywords = keywords
        self._data_dir = data_dir
        self._max_file_bytes = max_file_bytes

    def run(self, paths: list[Path], progress: Progress | None = None) -> IngestSummary:
        """Bring the index in line with the files under ``paths``. A file that cannot be read is reported and
        skipped (what was indexed of it stays); the other files go on."""
        started = time.perf_counter()
        found = discover_articles(paths)
        with hold_ingest_lock(self._data_dir):
            summary = IngestSummary(files=len(found.files), skipped=list(found.refused))
            self._sync(found, summary, progress)
        summary.seconds = time.perf_counter() - started
        return summary

    def _sync(self, found: Discovered, summary: IngestSummary, progress: Progress | None) -> None:
        indexed = self._indexed_files()
        stale_ids: list[str] = []
        first_with: dict[str, Path] = {}  # fingerprint -> the file indexed with it in this run
        for done, path in enumerate(found.files):
            if progress:
                progress(done, len(found.files), path.name)
            old = indexed.pop(str(path), _Indexed())
            data, problem = self._read(path)
            if data is None:
                summary.skipped.append(f"{path.name}: {problem}")
                summary.kept += len(old.ids)  # keep what was indexed rather than lose it
                continue
            fingerprint = file_fingerprint(data)
            twin = first_with.setdefault(fingerprint, path)
            if twin != path:
                summary.skipped.append(f"{path.name}: the same text as {twin.name}, indexed once")
                stale_ids.extend(old.ids)
                continue
            if old.is_current(fingerprint):
                summary.kept += len(old.ids)
                continue
            try:
                decoded = decode_article(data)
            except UndecodableArticleError as exc:
                summary.skipped.append(f"{path.name}: {exc}")
                summary.kept += len(old.ids)
                continue
            if decoded.encoding not in ("utf-8", "utf-8-sig"):
                summary.notes.append(f"{path.name}: read as {decoded.encoding}")
            nodes = self._build_nodes(path, decoded.text, fingerprint)
            if not nodes:
                summary.skipped.append(f"{path.name}: no article text found")
            new_ids = {node.node_id for node in nodes}
            old_ids = set(old.ids)
            self._add([node for node in nodes if node.node_id not in old_ids])
            logger.info("indexed %s: %d chunks", path.name, len(nodes))
            summary.added += len(new_ids - old_ids)
            summary.kept += len(new_ids & old_ids)
            stale_ids.extend(old_ids - new_ids)
        for path_text, old in indexed.items():
            path = Path(path_text)
            if not path.exists() or any(path.is_relative_to(folder) for folder in found.folders):
                stale_ids.extend(old.ids)
        if stale_ids:
            self._collection.delete(ids=stale_ids)
            summary.removed = len(stale_ids)
        self._keywords.sync_with(self._collection)
        shutil.rmtree(self._data_dir / "bm25", ignore_errors=True)  # the keyword index of earlier versions

    def _read(self, path: Path) -> tuple[bytes | None, str]:
        try:
            size = path.stat().st_size
            if size > self._max_file_bytes:
                limit = f"the {self._max_file_bytes:,}-byte limit (CITEWIRE_MAX_ARTICLE_BYTES)"
                return None, f"{size:,} bytes, over {limit}"
            return path.read_bytes(), ""
        except OSError as exc:
            return None, f"cannot be read ({exc.strerror or exc})"

    def _indexed_files(self) -> dict[str, _Indexed]:
        """path -> what the collection holds of it now (after a killed run, possibly two versions, or part of one)."""
        stored = self._collection.get(include=["metadatas"])
        files: dict[str, _Indexed] = {}
        for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
            entry = files.setdefault(str(meta["path"]), _Indexed())
            entry.fingerprints.add(str(meta["fingerprint"]))
            entry.ids.append(chunk_id)
            entry.expected = int(meta.get("file_chunks", -1))
        return files

    def _build_nodes(self, path: Path, text: str, fingerprint: str) -> list[TextNode]:
        article = clean_article(text)
        chunks = build_chunks(f"{path}\0{fingerprint}", text, article.paragraphs)
        nodes = []
        for chunk in chunks:
            metadata = {
                "source": path.name,
                "path": str(path),
                "start": chunk.start,
                "end": chunk.end,
                "title": article.title,
                "headline": article.headline,
                "publisher": article.publisher,
                "published": article.published,
                "byline": json.dumps(article.byline),
                "dateline": json.dumps(article.dateline),
                "credit": json.dumps(article.credit),
                "fingerprint": fingerprint,
                "sentences": json.dumps(chunk.sentences),
                "file_chunks": len(chunks),
            }
            node = TextNode(id_=chunk.id, text=chunk.text, metadata=metadata)
            node.excluded_embed_metadata_keys = list(metadata)
            node.excluded_llm_metadata_keys = list(metadata)
            nodes.append(node)
        texts = [f"{article.title}\n{node.text}" if article.title != "unknown" else node.text for node in nodes]
        for node, vector in zip(nodes, self._embedder.get_text_embedding_batch(texts), strict=True):
            node.embedding = vector
        return nodes

    def _add(self, nodes: list[TextNode]) -> None:
        if not nodes:
            return
        self._collection.add(
            ids=[node.node_id for node in nodes],
            embeddings=[node.get_embedding() for node in nodes],
            documents=[node.get_content() for node in nodes],
            metadatas=[node_to_metadata_dict(node, remove_text=True, flat_metadata=True) for node in nodes],
        )
