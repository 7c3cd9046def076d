"""Article files as they are on disk now, so every quote is checked against the file, not the index."""

import threading
from pathlib import Path

from ingest.decoding import UndecodableArticleError, decode_article


class SourceFiles:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, int], str]] = {}
        self._lock = threading.Lock()

    def text(self, path: str) -> str | None:
        """The file's text, decoded as the ingest job decoded it, or None when it is gone or unreadable."""
        try:
            stat = Path(path).stat()
            key = (stat.st_mtime_ns, stat.st_size)
            with self._lock:
                cached = self._cache.get(path)
            if cached and cached[0] == key:
                return cached[1]
            text = decode_article(Path(path).read_bytes()).text
        except (OSError, UndecodableArticleError):
            return None
        with self._lock:
            self._cache[path] = (key, text)
        return text

    def span(self, path: str, start: int, end: int) -> str | None:
        text = self.text(path)
        return None if text is None else text[start:end]
