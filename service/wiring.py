"""The composition root: the one place that builds components from settings, for the server, CLI and evals."""

from llama_index.core import VectorStoreIndex
from llama_index.vector_stores.chroma import ChromaVectorStore

from ingest.pipeline import Ingestor
from service.catalog import SourceCatalog
from service.chat import LocalService
from service.components.embedder import build_embedder
from service.components.keyword_index import load_keyword_retriever
from service.components.llm import LLMClient
from service.components.reranker import build_reranker
from service.components.vector_store import open_collection
from service.engine.engine import Engine, EngineOptions
from service.engine.language import LanguageDetector, Translator
from service.engine.prompts import load_answer_prompts
from service.engine.retrieval import HybridRetriever
from service.engine.selection import SentenceSelector
from service.engine.source_files import SourceFiles
from service.engine.verify import ClaimChecker
from service.errors import IndexNotReadyError
from service.settings import Settings


def build_ingestor(settings: Settings) -> Ingestor:
    return Ingestor(
        build_embedder(settings),
        open_collection(settings, create=True),
        settings.keyword_dir,
        settings.max_article_bytes,
    )


def build_catalog(settings: Settings) -> SourceCatalog:
    return SourceCatalog(open_collection(settings), SourceFiles())


def build_local_service(settings: Settings) -> LocalService:
    """The engine and the article list in this process, for the command line."""
    return LocalService(build_engine(settings), build_catalog(settings))


def build_engine(settings: Settings, llm: LLMClient | None = None) -> Engine:
    prompts = load_answer_prompts()
    embedder = build_embedder(settings)
    collection = open_collection(settings)
    if collection.count() == 0:
        raise IndexNotReadyError("the article index is empty; run `citewire ingest` first")
    index = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=collection), embed_model=embedder)
    keyword = load_keyword_retriever(settings.keyword_dir, settings.retrieve_k)
    reranker = build_reranker(settings)
    files = SourceFiles()
    llm = llm or LLMClient(settings)
    return Engine(
        retriever=HybridRetriever(index, keyword, settings.retrieve_k),
        catalog=SourceCatalog(collection, files),
        selector=SentenceSelector(reranker, files),
        llm=llm,
        prompts=prompts,
        checker=ClaimChecker(embedder, settings.support_threshold),
        reranker=reranker,
        files=files,
        languages=LanguageDetector(),
        translator=Translator(llm, prompts.translate_question, prompts.translate_answer),
        options=EngineOptions(
            top_k=settings.top_k,
            min_relevance=settings.min_relevance,
            min_claim_relevance=settings.min_claim_relevance,
            unsupported_sentences=settings.unsupported_sentences,
            max_question_chars=settings.max_question_chars,
        ),
    )
