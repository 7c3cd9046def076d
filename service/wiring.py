"""The composition root: the one place that builds components from settings, for the server, CLI and evals."""

from typing import Any

from ingest.pipeline import Ingestor
from service.catalog import SourceCatalog
from service.chat import LocalService
from service.components.embedder import build_embedder
from service.components.keyword_index import KeywordIndex
from service.components.llm import LLMClient
from service.components.reranker import build_reranker
from service.components.vector_store import open_collection
from service.engine.article_index import ArticleIndex
from service.engine.engine import Engine, EngineOptions
from service.engine.language import LanguageDetector, Translator
from service.engine.prompts import load_answer_prompts
from service.engine.selection import SentenceSelector
from service.engine.source_files import SourceFiles
from service.engine.verify import ClaimChecker
from service.settings import Settings


def build_ingestor(settings: Settings) -> Ingestor:
    return Ingestor(
        build_embedder(settings),
        open_collection(settings, create=True),
        KeywordIndex(settings.keyword_path),
        settings.data_dir,
        settings.max_article_bytes,
    )


def build_catalog(settings: Settings) -> SourceCatalog:
    return SourceCatalog(KeywordIndex(settings.keyword_path), SourceFiles())


def build_local_service(settings: Settings) -> LocalService:
    """The engine and the article list in this process, for the command line."""
    return LocalService(build_engine(settings), build_catalog(settings))


def build_engine(settings: Settings, llm: LLMClient | None = None) -> Engine:
    prompts = load_answer_prompts()
    embedder = build_embedder(settings)
    files = SourceFiles()

    def open_articles(reopen: bool) -> Any:
        return open_collection(settings, reopen=reopen)

    index = ArticleIndex(open_articles, KeywordIndex(settings.keyword_path), embedder, files, settings.retrieve_k)
    index.current()  # fails now, with the reason, when there is no index yet
    reranker = build_reranker(settings)
    llm = llm or LLMClient(settings)
    return Engine(
        index=index,
        selector=SentenceSelector(reranker, files),
        llm=llm,
        prompts=prompts,
        checker=ClaimChecker(embedder, settings.support_threshold, settings.min_relevance),
        reranker=reranker,
        files=files,
        languages=LanguageDetector(),
        translator=Translator(llm, prompts.translate_question, prompts.translate_answer),
        options=EngineOptions(
            top_k=settings.top_k,
            min_relevance=settings.min_relevance,
            min_claim_relevance=settings.min_claim_relevance,
            topic_relevance=settings.topic_relevance,
            quote_relevance=settings.quote_relevance,
            supplement_relevance=settings.supplement_relevance,
            companion_relevance=settings.companion_relevance,
            dispute_relevance=settings.dispute_relevance,
            unsupported_sentences=settings.unsupported_sentences,
            max_question_chars=settings.max_question_chars,
        ),
    )
