"""The baseline a user would otherwise write: plain llama-index over Chroma with the same embedder and the same
model through litellm. ``VectorStoreIndex`` over the files as they are, the default ``SentenceSplitter``,
``as_query_engine()`` with its defaults (two chunks, the default prompt)."""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings
from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.base.llms.types import CompletionResponse, CompletionResponseGen, LLMMetadata
from llama_index.core.llms import CustomLLM
from llama_index.core.schema import TextNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest.discovery import discover_articles
from service.components.llm import LLMClient


class LiteLLMCompletion(CustomLLM):
    """llama-index's LLM interface over citewire's litellm client: the same model, the same provider path."""

    client: Any = None

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name=self.client.model, context_window=4096, num_output=200)

    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self.client.complete([{"role": "user", "content": prompt}]).text)

    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        yield self.complete(prompt)


@dataclass
class PlainAnswer:
    text: str
    sources: list[str]  # file names of the chunks given to the model
    chunks_valid: int  # chunks whose text is the file's text at their offsets
    chunks_total: int
    retrieve_ms: float


class PlainPipeline:
    def __init__(self, data_dir: Path, embedder: BaseEmbedding, llm: LLMClient) -> None:
        client = chromadb.PersistentClient(path=str(data_dir), settings=ChromaSettings(anonymized_telemetry=False))
        self._collection = client.get_or_create_collection("plain", embedding_function=None)
        self._embedder = embedder
        self._llm = LiteLLMCompletion(client=llm)
        self._index: VectorStoreIndex | None = None

    def ingest(self, corpus: Sequence[Path]) -> int:
        """Read and index every file again (a plain pipeline keeps no record of what it has seen); the chunk count."""
        files = discover_articles(corpus).files
        documents = SimpleDirectoryReader(input_files=[str(p) for p in files]).load_data()
        storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=self._collection))
        self._index = VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=self._embedder)
        return int(self._collection.count())

    def answer(self, question: str) -> PlainAnswer:
        assert self._index is not None, "ingest first"
        started = time.perf_counter()
        self._index.as_retriever().retrieve(question)  # timed alone: query embedding and retrieval
        retrieve_ms = (time.perf_counter() - started) * 1000
        response = self._index.as_query_engine(llm=self._llm).query(question)
        valid = 0
        for hit in response.source_nodes:
            node = hit.node
            assert isinstance(node, TextNode)
            text = Path(node.metadata["file_path"]).read_text(encoding="utf-8")
            valid += text[node.start_char_idx or 0 : node.end_char_idx or 0] == node.get_content()
        return PlainAnswer(
            text=str(response),
            sources=[Path(hit.node.metadata["file_path"]).name for hit in response.source_nodes],
            chunks_valid=valid,
            chunks_total=len(response.source_nodes),
            retrieve_ms=retrieve_ms,
        )
