"""From retrieved chunks, the few sentences worth showing the model, each with its exact span in its file."""

import json
from dataclasses import dataclass, replace

from llama_index.core.schema import NodeWithScore

from service.components.reranker import CrossEncoderReranker


@dataclass(frozen=True)
class SourceSentence:
    source: str
    path: str
    start: int
    end: int
    text: str
    title: str
    publisher: str
    published: str
    score: float


class SentenceSelector:
    """Ranks every sentence of the retrieved chunks with a cross-encoder, read alone and under its headline
    ("the two leaders" means something under its article's title), and keeps the best."""

    def __init__(self, reranker: CrossEncoderReranker) -> None:
        self._reranker = reranker

    def run(self, question: str, chunks: list[NodeWithScore], top_k: int) -> list[SourceSentence]:
        candidates = _split_chunks(chunks)
        if not candidates:
            return []
        alone = self._reranker.score(question, [c.text for c in candidates])
        in_context = self._reranker.score(question, [_in_context(c) for c in candidates])
        scored = [
            replace(c, score=round(float(a + b) / 2, 3)) for c, a, b in zip(candidates, alone, in_context, strict=True)
        ]
        best = sorted(scored, key=lambda s: s.score, reverse=True)[:top_k]
        return sorted(best, key=lambda s: (-_article_score(best, s.source), s.source, -s.score))


def _in_context(sentence: SourceSentence) -> str:
    return sentence.text if sentence.title == "unknown" else f"{sentence.title}: {sentence.text}"


def _article_score(sentences: list[SourceSentence], source: str) -> float:
    return max(s.score for s in sentences if s.source == source)


def _split_chunks(chunks: list[NodeWithScore]) -> list[SourceSentence]:
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in chunks:
        meta = hit.node.metadata
        chunk_start = int(meta["start"])
        text = hit.node.get_content()
        for start, end in json.loads(meta["sentences"]):
            key = (str(meta["path"]), start)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                SourceSentence(
                    source=str(meta["source"]),
                    path=str(meta["path"]),
                    start=start,
                    end=end,
                    text=text[start - chunk_start : end - chunk_start],
                    title=str(meta.get("title", "unknown")),
                    publisher=str(meta.get("publisher", "unknown")),
                    published=str(meta.get("published", "unknown")),
                    score=0.0,
                )
            )
    return out
