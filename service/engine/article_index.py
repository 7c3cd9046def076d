"""The article index as the last finished ingest left it: Chroma and the keyword index, opened together and opened
again when an ingest (in this process or another) has changed them, so a running server sees new articles
without a restart. Requests already under way finish on the index they started with."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama_index.core import VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.vector_stores.chroma import ChromaVectorStore

from service.catalog import SourceCatalog
from service.components.keyword_index import load_keyword_retriever, read_keyword_generation
from service.engine.retrieval import HybridRetriever
from service.engine.source_files import SourceFiles
from service.errors import IndexNotReadyError

CollectionOpener = Callable[[bool], Any]  # (reopen from storage) -> collection


@dataclass(frozen=True)
class OpenedIndex:
    retriever: HybridRetriever
    catalog: SourceCatalog
    generation: str


class ArticleIndex:
    def __init__(
        self,
        open_collection: CollectionOpener,
        keyword_dir: Path,
        embedder: BaseEmbedding,
        files: SourceFiles,
        retrieve_k: int,
    ) -> None:
        self._open_collection = open_collection
        self._keyword_dir = keyword_dir
        self._embedder = embedder
        self._files = files
        self._retrieve_k = retrieve_k
        self._opened: OpenedIndex | None = None
        self._lock = threading.Lock()

    def current(self) -> OpenedIndex:
        """The index now: one small file read to learn whether an ingest has finished since it was opened."""
        generation = read_keyword_generation(self._keyword_dir)
        with self._lock:
            if self._opened is None or self._opened.generation != generation:
                self._opened = self._open(generation, reopen=self._opened is not None)
            return self._opened

    def _open(self, generation: str, reopen: bool) -> OpenedIndex:
        collection = self._open_collection(reopen)
        if collection.count() == 0:
            raise IndexNotReadyError("the article index is empty; run `citewire ingest` first")
        vectors = VectorStoreIndex.from_vector_store(
            ChromaVectorStore(chroma_collection=collection), embed_model=self._embedder
        )
        keyword = load_keyword_retriever(self._keyword_dir, self._retrieve_k)
        retriever = HybridRetriever(vectors, keyword, self._retrieve_k)
        return OpenedIndex(retriever, SourceCatalog(collection, self._files), generation)
