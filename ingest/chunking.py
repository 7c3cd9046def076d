"""Sentence-aware chunks with exact character offsets into the original file."""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import pysbd

# Part of every file's fingerprint: a change to cleaning or chunking re-ingests files that did not change.
CHUNKER_VERSION = "8"


@dataclass(frozen=True)
class Chunk:
    id: str
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, as offsets into ``text``, trimmed of white space. A line break
    inside the span (a hard-wrapped paragraph) is read as a space: it ends no sentence."""
    spans = []
    # the span with its line breaks as spaces: the same length, so an offset into one is an offset into the other
    flat = text[start:end].replace("\r", " ").replace("\n", " ")
    cursor = 0
    for sentence in _segmenter().segment(flat):
        # pysbd's own offsets drift on repeated sentences; find each sentence from the cursor instead.
        stripped = sentence.sent.strip()
        found = flat.find(stripped, cursor)
        if found < 0:
            continue
        spans.append((start + found, start + found + len(stripped)))
        cursor = found + len(stripped)
    return spans or [(start, end)]


def build_chunks(
    file_key: str, text: str, paragraphs: tuple[tuple[int, int], ...], max_chars: int = 600
) -> list[Chunk]:
    """Whole sentences of one paragraph per chunk, up to ``max_chars`` (a longer sentence stands alone).

    ``file_key`` identifies the file's content; with the span it makes each chunk's id.
    """
    chunks: list[Chunk] = []
    for para_start, para_end in paragraphs:
        group: list[tuple[int, int]] = []
        for span in split_sentences(text, para_start, para_end):
            if group and span[1] - group[0][0] > max_chars:
                chunks.append(_make_chunk(file_key, text, group))
                group = []
            group.append(span)
        if group:
            chunks.append(_make_chunk(file_key, text, group))
    return chunks


def _make_chunk(file_key: str, text: str, sentences: list[tuple[int, int]]) -> Chunk:
    start, end = sentences[0][0], sentences[-1][1]
    body = text[start:end]
    digest = hashlib.sha256(f"{file_key}\0{start}\0{end}".encode()).hexdigest()[:32]
    return Chunk(id=digest, start=start, end=end, text=body, sentences=tuple(sentences))
