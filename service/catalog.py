"""The ingested articles as readers see them: what is indexed, and each article's text, so that a citation can be
opened and read at its offsets. Read from the keyword index (one grouped query, whatever the corpus size) and
from the file on disk."""

from datetime import date

from service.components.keyword_index import KeywordIndex
from service.engine.source_files import SourceFiles
from service.errors import InvalidInputError, SourceNotFoundError
from service.schemas import Scope, SourceDocument, SourceInfo


class SourceCatalog:
    def __init__(self, keywords: KeywordIndex, files: SourceFiles) -> None:
        self._keywords = keywords
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

    def sources_within(self, scope: Scope) -> frozenset[str]:
        """The names of the ingested articles inside ``scope``; naming an article that is not ingested is an error."""
        indexed = {name: info for name, (info, _) in self._indexed().items()}
        if scope.sources is not None:
            unknown = sorted(set(scope.sources) - set(indexed))
            if unknown:
                raise InvalidInputError(
                    f"within.sources: no ingested article is named {unknown}; GET /v1/sources lists them"
                )
        names = set(scope.sources) if scope.sources is not None else set(indexed)
        return frozenset(name for name in names if _published_within(indexed[name].published, scope))

    def _indexed(self) -> dict[str, tuple[SourceInfo, str]]:
        found: dict[str, tuple[SourceInfo, str]] = {}
        for name, chunks, meta in self._keywords.articles():
            info = SourceInfo(
                source=name,
                title=str(meta["title"]),
                publisher=str(meta["publisher"]),
                published=str(meta["published"]),
                chunks=chunks,
            )
            found[name] = (info, str(meta["path"]))
        return found


def _published_within(published: str, scope: Scope) -> bool:
    if scope.published_from is None and scope.published_to is None:
        return True
    try:
        day = date.fromisoformat(published)
    except ValueError:  # "unknown": not known to be inside the range
        return False
    return (scope.published_from or date.min) <= day <= (scope.published_to or date.max)
