"""The ingest job: clean, chunk, embed and store articles; idempotent and incremental.

Chunk ids derive from content, so an unchanged file writes nothing, a changed file's new chunks are added
before its old ones go, and a removed file's chunks are deleted. The keyword index is rebuilt from Chroma
and swapped in at the end, so a run that fails halfway leaves the previous index usable.
"""

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import TextNode
from llama_index.core.vector_stores.utils import metadata_dict_to_node, node_to_metadata_dict

from ingest.chunking import CHUNKER_VERSION, build_chunks
from ingest.clean import clean_article
from service.components.keyword_index import save_keyword_index
from service.errors import SourceNotFoundError

ARTICLE_SUFFIXES = (".txt",)
Progress = Callable[[int, int, str], None]  # (files done, files in all, current file name)


@dataclass
class IngestSummary:
    files: int = 0
    added: int = 0
    kept: int = 0
    removed: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (
            f"ingested {self.files} files: {self.added} chunks added, {self.kept} kept, "
            f"{self.removed} removed in {self.seconds:.1f} s"
        )
        if self.skipped:
            text += f"; skipped {len(self.skipped)}: " + "; ".join(self.skipped)
        return text


def discover_articles(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """The article files under ``paths`` and the folders scanned. A missing path fails before anything changes."""
    files: list[Path] = []
    folders: list[Path] = []
    for given in paths:
        path = given.expanduser().resolve()
        if path.is_dir():
            folders.append(path)
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in ARTICLE_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise SourceNotFoundError(f"no such file or folder: {path}")
    return sorted(set(files)), folders


def file_fingerprint(data: bytes) -> str:
    return hashlib.sha256(data + f"\0chunker={CHUNKER_VERSION}".encode()).hexdigest()


class Ingestor:
    def __init__(self, embedder: BaseEmbedding, collection: Any, keyword_dir: Path) -> None:
        self._embedder = embedder
        self._collection = collection
        self._keyword_dir = keyword_dir

    def run(self, paths: list[Path], progress: Progress | None = None) -> IngestSummary:
        started = time.perf_counter()
        files, folders = discover_articles(paths)
        summary = IngestSummary(files=len(files))
        indexed = self._indexed_files()
        stale_ids: list[str] = []
        changed = False
        for done, path in enumerate(files):
            if progress:
                progress(done, len(files), path.name)
            data = path.read_bytes()
            fingerprint = file_fingerprint(data)
            old = indexed.pop(str(path), None)
            if old and old[0] == fingerprint:
                summary.kept += len(old[1])
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                summary.skipped.append(f"{path.name}: not UTF-8 text (byte {exc.start})")
                if old:  # keep what was indexed rather than lose it
                    summary.kept += len(old[1])
                continue
            nodes = self._build_nodes(path, text, fingerprint)
            if not nodes:
                summary.skipped.append(f"{path.name}: no article text found")
            new_ids = {node.node_id for node in nodes}
            old_ids = set(old[1]) if old else set()
            self._add([node for node in nodes if node.node_id not in old_ids])
            summary.added += len(new_ids - old_ids)
            summary.kept += len(new_ids & old_ids)
            stale_ids.extend(old_ids - new_ids)
            changed = changed or new_ids != old_ids
        for path_text, (_, ids) in indexed.items():
            path = Path(path_text)
            if not path.exists() or any(path.is_relative_to(folder) for folder in folders):
                stale_ids.extend(ids)
        if stale_ids:
            self._collection.delete(ids=stale_ids)
            summary.removed = len(stale_ids)
            changed = True
        if changed or not (self._keyword_dir / "retriever.json").exists():
            save_keyword_index(self.stored_nodes(), self._keyword_dir)
        summary.seconds = time.perf_counter() - started
        return summary

    def _indexed_files(self) -> dict[str, tuple[str, list[str]]]:
        """path -> (fingerprint, chunk ids) for what the collection holds now."""
        stored = self._collection.get(include=["metadatas"])
        files: dict[str, tuple[str, list[str]]] = {}
        for chunk_id, meta in zip(stored["ids"], stored["metadatas"], strict=True):
            _, ids = files.setdefault(str(meta["path"]), (str(meta["fingerprint"]), []))
            ids.append(chunk_id)
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
                "publisher": article.publisher,
                "published": article.published,
                "fingerprint": fingerprint,
                "sentences": json.dumps(chunk.sentences),
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

    def stored_nodes(self) -> list[TextNode]:
        stored = self._collection.get(include=["documents", "metadatas"])
        nodes = []
        for document, meta in zip(stored["documents"], stored["metadatas"], strict=True):
            node = metadata_dict_to_node(meta, text=document)
            assert isinstance(node, TextNode)
            nodes.append(node)
        return nodes
