"""The article index as the last finished ingest left it: Chroma and the keyword index, opened together and opened
again when an ingest (in this process or another) has changed them, so a running server sees new articles
without a restart. Requests already under way finish on the index they started with."""

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from llama_index.core import VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.vector_stores.chroma import ChromaVectorStore

from service.catalog import SourceCatalog
from service.components.keyword_index import KeywordIndex
from service.engine.retrieval import HybridRetriever
from service.engine.source_files import SourceFiles
from service.errors import IndexNotReadyError

CollectionOpener = Callable[[bool], Any]  # (reopen from storage) -> collection


@dataclass(frozen=True)
class OpenedIndex:
    retriever: HybridRetriever
    collection: Any
    generation: int


class ArticleIndex:
    def __init__(
        self,
        open_collection: CollectionOpener,
        keywords: KeywordIndex,
        embedder: BaseEmbedding,
        files: SourceFiles,
        retrieve_k: int,
    ) -> None:
        self._open_collection = open_collection
        self._keywords = keywords
        self._embedder = embedder
        self._retrieve_k = retrieve_k
        self._opened: OpenedIndex | None = None
        self._lock = threading.Lock()
        self.catalog = SourceCatalog(keywords, files)

    def current(self) -> OpenedIndex:
        """The index now: one small read to learn whether an ingest has changed it since it was opened."""
        generation = self._keywords.generation()
        with self._lock:
            if self._opened is None or self._opened.generation != generation:
                self._opened = self._open(generation, reopen=self._opened is not None)
            return self._opened

    def check_ready(self) -> None:
        """Raises ``IndexNotReadyError`` when the index cannot be reached now, or has been emptied."""
        _require_chunks(self.current().collection)

    def _open(self, generation: int, reopen: bool) -> OpenedIndex:
        collection = self._open_collection(reopen)
        _require_chunks(collection)
        if generation < 0:
            raise IndexNotReadyError("no keyword index yet; run `citewire ingest` first")
        vectors = VectorStoreIndex.from_vector_store(
            ChromaVectorStore(chroma_collection=collection), embed_model=self._embedder
        )
        retriever = HybridRetriever(vectors, self._keywords, self._retrieve_k)
        return OpenedIndex(retriever, collection, generation)


def _require_chunks(collection: Any) -> None:
    """Asks the index itself (so an unreachable Chroma server says so) whether it holds anything."""
    if collection.count() == 0:
        raise IndexNotReadyError("the article index is empty; run `citewire ingest` first")
