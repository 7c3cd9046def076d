"""Chroma: embedded in the data folder by default, a Chroma server when a URL is configured.

Embeddings are always passed in; Chroma's own default embedding function (which downloads a model) is never used.
"""

import functools
from typing import Any
from urllib.parse import urlparse

import chromadb
import httpx
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.config import Settings as ChromaSettings

from service.errors import IndexNotReadyError
from service.settings import Settings


def open_chroma_client(settings: Settings, reopen: bool = False) -> Any:
    """``reopen``: read embedded Chroma from disk again. It keeps its vectors in memory per process, so without
    this a process does not see chunks another process has added since it opened the folder."""
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
    if reopen:
        SharedSystemClient.clear_system_cache()  # clients already open keep working on what they had
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


class ReachableCollection:
    """A Chroma collection whose calls report a Chroma server that cannot be reached as ``IndexNotReadyError``
    (a 503 that says so), not as an internal error; the next call tries the server again."""

    def __init__(self, collection: Any, url: str) -> None:
        self._collection = collection
        self._url = url

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._collection, name)
        if not callable(attribute):
            return attribute

        @functools.wraps(attribute)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return attribute(*args, **kwargs)
            except httpx.TransportError as exc:
                raise _unreachable(self._url, exc) from exc

        return call


def open_collection(settings: Settings, create: bool = False, reopen: bool = False) -> Any:
    try:
        client = open_chroma_client(settings, reopen)
    except (httpx.TransportError, ValueError) as exc:  # the HTTP client checks the server at once (ValueError)
        if not settings.chroma_url:
            raise
        raise _unreachable(settings.chroma_url, exc) from exc
    try:
        if create:
            collection = client.get_or_create_collection(
                settings.collection, embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        else:
            collection = client.get_collection(settings.collection, embedding_function=None)
    except httpx.TransportError as exc:
        raise _unreachable(settings.chroma_url or "", exc) from exc
    except Exception as exc:  # chromadb raises NotFoundError or ValueError depending on the client
        if create:
            raise
        raise IndexNotReadyError(
            f"no article index in collection {settings.collection!r}; run `citewire ingest` first"
        ) from exc
    return ReachableCollection(collection, settings.chroma_url) if settings.chroma_url else collection


def _unreachable(url: str, exc: Exception) -> IndexNotReadyError:
    return IndexNotReadyError(f"the Chroma server at {url} cannot be reached ({exc}); retry when it is back")
