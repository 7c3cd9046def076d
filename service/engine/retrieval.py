"""Hybrid retrieval: dense (Chroma) and keyword (BM25) chunk retrievers fused by reciprocal rank, over the whole
index or only over chosen articles."""

from llama_index.core import VectorStoreIndex
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle
from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

from service.components.keyword_index import KeywordIndex

RRF_K = 60


class HybridRetriever(BaseRetriever):
    """Reciprocal rank fusion of the dense and keyword retrievers; a chunk found by both ranks above one found by
    either. Restricted to some articles, both searches filter by article: in Chroma and in the keyword index."""

    def __init__(self, index: VectorStoreIndex, keyword: KeywordIndex, retrieve_k: int) -> None:
        super().__init__()
        self._index = index
        self._keyword = keyword
        self._retrieve_k = retrieve_k
        self._dense = index.as_retriever(similarity_top_k=retrieve_k)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return self.retrieve_within(query_bundle, None)

    def retrieve_dense(self, query: str) -> list[NodeWithScore]:
        """The dense (Chroma) ranking alone, for diagnosis."""
        return self._dense.retrieve(QueryBundle(query))

    def retrieve_within(self, query: str | QueryBundle, sources: frozenset[str] | None) -> list[NodeWithScore]:
        """The best chunks for ``query`` from the articles named in ``sources`` (all articles when None)."""
        bundle = QueryBundle(query) if isinstance(query, str) else query
        if sources is None:
            keyword = self._keyword.search(bundle.query_str, self._retrieve_k)
            return _fuse([self._dense.retrieve(bundle), keyword], self._retrieve_k)
        if not sources:
            return []
        only = MetadataFilters(
            filters=[MetadataFilter(key="source", value=sorted(sources), operator=FilterOperator.IN)]
        )
        dense = self._index.as_retriever(similarity_top_k=self._retrieve_k, filters=only).retrieve(bundle)
        keyword = self._keyword.search(bundle.query_str, self._retrieve_k, sorted(sources))
        return _fuse([dense, keyword], self._retrieve_k)


def _fuse(rankings: list[list[NodeWithScore]], top_k: int) -> list[NodeWithScore]:
    fused: dict[str, float] = {}
    nodes: dict[str, NodeWithScore] = {}
    for ranking in rankings:
        ranked = [hit for hit in ranking if (hit.score or 0.0) > 0.0]
        for rank, hit in enumerate(ranked):
            node_id = hit.node.node_id
            fused[node_id] = fused.get(node_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            nodes.setdefault(node_id, hit)
    best = sorted(fused, key=fused.__getitem__, reverse=True)[:top_k]
    return [NodeWithScore(node=nodes[node_id].node, score=fused[node_id]) for node_id in best]
