"""BM25 keyword search over the chunks in SQLite FTS5, beside Chroma: persisted, changed in place (adding or
deleting a chunk writes its rows, never the whole index), and read by a server while an ingest writes (WAL).

The ingest brings it in line with Chroma at the end of every run (``sync_with``), so a run killed halfway is
repaired by the next. ``generation`` changes with every change, so readers know to look again."""

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from bm25s.stopwords import STOPWORDS_EN
from llama_index.core.schema import NodeWithScore, TextNode

from service.errors import IndexNotReadyError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS chunks(
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL, metadata TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, content='chunks', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS chunks_added AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS chunks_deleted AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO state VALUES ('generation', 0);
"""
_STOPWORDS = frozenset(STOPWORDS_EN)
_BATCH = 500  # ids per statement, well under SQLite's limit on bound parameters


class KeywordIndex:
    def __init__(self, path: Path) -> None:
        self._path = path

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        if not write and not self._path.exists():
            raise IndexNotReadyError(f"no keyword index at {self._path}; run `citewire ingest` first")
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self._path, timeout=30)) as connection:
            if write:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.executescript(_SCHEMA)
            with connection:  # one transaction: committed whole, or rolled back
                yield connection

    def generation(self) -> int:
        """Changes whenever chunks are added or deleted; -1 when there is no index yet."""
        try:
            with self._connect() as connection:
                return int(connection.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()[0])
        except (IndexNotReadyError, sqlite3.OperationalError):
            return -1

    def ids(self) -> set[str]:
        with self._connect(write=True) as connection:
            return {row[0] for row in connection.execute("SELECT id FROM chunks")}

    def articles(self) -> list[tuple[str, int, dict[str, Any]]]:
        """Each indexed article: its file name, its chunk count and one chunk's metadata (title, date, path)."""
        sql = "SELECT source, COUNT(*), metadata FROM chunks GROUP BY source ORDER BY source"
        with self._connect() as connection:
            return [(source, count, json.loads(meta)) for source, count, meta in connection.execute(sql)]

    def sync_with(self, collection: Any) -> tuple[int, int]:
        """Add what Chroma holds and this lacks, delete what it holds and Chroma does not; (added, deleted)."""
        wanted = set(collection.get(include=[])["ids"])
        held = self.ids()
        missing, extra = sorted(wanted - held), sorted(held - wanted)
        with self._connect(write=True) as connection:
            for first in range(0, len(extra), _BATCH):
                batch = extra[first : first + _BATCH]
                connection.execute(f"DELETE FROM chunks WHERE id IN ({','.join('?' * len(batch))})", batch)
            for first in range(0, len(missing), _BATCH):
                stored = collection.get(ids=missing[first : first + _BATCH], include=["documents", "metadatas"])
                connection.executemany(
                    "INSERT INTO chunks(id, source, text, metadata) VALUES (?, ?, ?, ?)",
                    [
                        (chunk_id, str(meta["source"]), text, json.dumps(meta))
                        for chunk_id, text, meta in zip(
                            stored["ids"], stored["documents"], stored["metadatas"], strict=True
                        )
                    ],
                )
            if missing or extra:
                connection.execute("UPDATE state SET value = value + 1 WHERE key = 'generation'")
        return len(missing), len(extra)

    def search(self, query: str, top_k: int, sources: Sequence[str] | None = None) -> list[NodeWithScore]:
        """The ``top_k`` best chunks by BM25 for the query's words (stop words left out), optionally only from
        the named articles; scores are positive, higher is better."""
        words = [w for w in re.findall(r"\w+", query.lower()) if w not in _STOPWORDS]
        if not words or (sources is not None and not sources):
            return []
        match = " OR ".join(f'"{word}"' for word in dict.fromkeys(words))
        if sources is None:  # rank inside the full-text index first, then read only the winners' rows
            sql = (
                "SELECT c.id, c.text, c.metadata, f.rank FROM (SELECT rowid, rank FROM chunks_fts "
                "WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?) AS f JOIN chunks AS c ON c.rowid = f.rowid "
                "ORDER BY f.rank"
            )
            params: list[Any] = [match, top_k]
        else:
            sql = (
                "SELECT c.id, c.text, c.metadata, f.rank FROM chunks_fts AS f JOIN chunks AS c ON c.rowid = f.rowid "
                f"WHERE f.chunks_fts MATCH ? AND c.source IN ({','.join('?' * len(sources))}) ORDER BY f.rank LIMIT ?"
            )
            params = [match, *sources, top_k]
        with self._connect() as connection:
            rows = connection.execute(sql, params).fetchall()
        return [
            NodeWithScore(node=_node(chunk_id, text, metadata), score=-rank) for chunk_id, text, metadata, rank in rows
        ]


def _node(chunk_id: str, text: str, metadata: str) -> TextNode:
    """The chunk as the dense side returns it: its text and its metadata (llama-index's own keys left out)."""
    meta = {key: value for key, value in json.loads(metadata).items() if not key.startswith("_")}
    return TextNode(id_=chunk_id, text=text, metadata=meta)
