"""Hybrid retrieval: dense (Chroma) and keyword (BM25) chunk retrievers fused by reciprocal rank."""

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle

RRF_K = 60


class HybridRetriever(BaseRetriever):
    """Reciprocal rank fusion of several retrievers; a chunk found by both ranks above one found by either."""

    def __init__(self, retrievers: list[BaseRetriever], top_k: int) -> None:
        super().__init__()
        self._retrievers = retrievers
        self._top_k = top_k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        fused: dict[str, float] = {}
        nodes: dict[str, NodeWithScore] = {}
        for retriever in self._retrievers:
            ranked = [hit for hit in retriever.retrieve(query_bundle) if (hit.score or 0.0) > 0.0]
            for rank, hit in enumerate(ranked):
                node_id = hit.node.node_id
                fused[node_id] = fused.get(node_id, 0.0) + 1.0 / (RRF_K + rank + 1)
                nodes.setdefault(node_id, hit)
        best = sorted(fused, key=fused.__getitem__, reverse=True)[: self._top_k]
        return [NodeWithScore(node=nodes[node_id].node, score=fused[node_id]) for node_id in best]
