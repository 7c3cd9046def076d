"""The ingested articles as readers see them: what is indexed, and each article's text, so that a citation can be
opened and read at its offsets. Read from the index's chunk metadata and from the file on disk."""

from typing import Any

from service.engine.source_files import SourceFiles
from service.errors import SourceNotFoundError
from service.schemas import SourceDocument, SourceInfo


class SourceCatalog:
    def __init__(self, collection: Any, files: SourceFiles) -> None:
        self._collection = collection
        self._files = files

    def list_sources(self) -> list[SourceInfo]:
        """Every ingested article, by file name, with its chunk count."""
        return [info for info, _ in sorted(self._indexed().values(), key=lambda pair: pair[0].source)]

    def read_source(self, name: str) -> SourceDocument:
        """The article's whole text as the file holds it now (citation offsets index into it) and its metadata."""
        found = self._indexed().get(name)
        if found is None:
            raise SourceNotFoundError(f"no ingested article is named {name!r}; GET /v1/sources lists them")
        info, path = found
        text = self._files.text(path)
        if text is None:
            raise SourceNotFoundError(f"the article {name!r} is indexed but its file {path} is gone or unreadable")
        return SourceDocument(**info.model_dump(), text=text)

    def _indexed(self) -> dict[str, tuple[SourceInfo, str]]:
        stored = self._collection.get(include=["metadatas"])
        found: dict[str, tuple[SourceInfo, str]] = {}
        for meta in stored["metadatas"]:
            name = str(meta["source"])
            if name in found:
                info, path = found[name]
                found[name] = (info.model_copy(update={"chunks": info.chunks + 1}), path)
                continue
            info = SourceInfo(
                source=name,
                title=str(meta["title"]),
                publisher=str(meta["publisher"]),
                published=str(meta["published"]),
                chunks=1,
            )
            found[name] = (info, str(meta["path"]))
        return found
