"""Chroma: embedded in the data folder by default, a Chroma server when a URL is configured.

Embeddings are always passed in; Chroma's own default embedding function (which downloads a model) is never used.
"""

from typing import Any
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings

from service.errors import IndexNotReadyError
from service.settings import Settings


def open_chroma_client(settings: Settings) -> Any:
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def open_collection(settings: Settings, create: bool = False) -> Any:
    client = open_chroma_client(settings)
    if create:
        return client.get_or_create_collection(
            settings.collection, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
    try:
        return client.get_collection(settings.collection, embedding_function=None)
    except Exception as exc:  # chromadb raises NotFoundError or ValueError depending on the client
        raise IndexNotReadyError(
            f"no article index in collection {settings.collection!r}; run `citewire ingest` first"
        ) from exc
