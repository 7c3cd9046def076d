"""The typed request and result every caller shares: HTTP, CLI and evals."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(max_length=8000)


class Scope(BaseModel):
    """Which articles may answer: named files, a publication-date range (inclusive), or both. An article whose
    date is unknown is outside any date range."""

    model_config = ConfigDict(extra="forbid")
    sources: list[str] | None = Field(
        None, min_length=1, max_length=1000, description="Article file names, as GET /v1/sources lists them."
    )
    published_from: date | None = Field(None, description="Earliest publication date, inclusive (YYYY-MM-DD).")
    published_to: date | None = Field(None, description="Latest publication date, inclusive (YYYY-MM-DD).")

    @field_validator("published_from", "published_to", mode="before")
    @classmethod
    def _written_as_a_date(cls, value: object) -> object:
        """A number is no date (pydantic would read 0 as 1970-01-01); the schema promises YYYY-MM-DD."""
        if isinstance(value, int | float):
            raise ValueError("a date is written YYYY-MM-DD, not as a number")
        return value

    @model_validator(mode="after")
    def _range_in_order(self) -> "Scope":
        if self.published_from and self.published_to and self.published_from > self.published_to:
            raise ValueError("published_from is after published_to")
        return self

    def is_everything(self) -> bool:
        return self.sources is None and self.published_from is None and self.published_to is None


class AskRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "How many people were killed in the Crocus City Hall attack?"},
                {
                    "question": "How long did he say the talks would last?",
                    "history": [
                        {"role": "user", "content": "Where did Putin and Lukashenko meet?"},
                        {"role": "assistant", "content": "They met in St. Petersburg. [1]"},
                    ],
                    "stream": True,
                },
            ]
        },
    )
    question: str = Field(min_length=1, max_length=4000, description="A question about the ingested articles.")
    top_k: int | None = Field(None, ge=1, le=30, description="How many source sentences the model sees.")
    history: list[Turn] = Field(default_factory=list, max_length=20, description="Earlier turns, oldest first.")
    within: Scope | None = Field(None, description="Answer only from these articles (by file or publication date).")
    stream: bool = Field(False, description="Answer as Server-Sent Events (also chosen by Accept: text/event-stream).")


class Citation(BaseModel):
    id: int = Field(description="The number used as [id] in the answer text.")
    source: str = Field(description="The article's file name.")
    start: int = Field(description="Start offset, in characters of the UTF-8 decoded file.")
    end: int
    quote: str = Field(description="Exactly the file's text[start:end].")
    title: str
    published: str


class SentenceVerdict(BaseModel):
    text: str
    citations: list[int]
    supported: bool = Field(description="The checker found the cited span(s) back this sentence.")
    score: float
    on_question: bool = Field(True, description="The sentence addresses the question (else it is not served).")


class TokenCounts(BaseModel):
    prompt: int = 0
    completion: int = 0


class Answer(BaseModel):
    answer: str
    refused: bool
    citations: list[Citation]
    sentences: list[SentenceVerdict] = Field(default_factory=list)
    grounded: float = Field(description="Share of the answer's sentences the checker found supported.")
    model: str
    language: str = Field("en", description="The question's language (ISO 639-1); the answer is in it too.")
    searched_question: str | None = Field(
        None,
        description="What was searched, when it is not the question as asked: its English translation, or a "
        "follow-up joined to the user's question before it.",
    )
    timings_ms: dict[str, float]
    tokens: TokenCounts = Field(
        default_factory=TokenCounts,
        description="Tokens of the answering model call (not of translations); zero when none was made or the "
        "provider does not count them.",
    )


class SourceInfo(BaseModel):
    source: str = Field(description="The article's file name, as citations name it.")
    title: str
    publisher: str
    published: str = Field(description="ISO date, or 'unknown'.")
    chunks: int = Field(description="How many indexed chunks the article has.")


class SourceDocument(SourceInfo):
    text: str = Field(description="The file's whole text; a citation's quote is text[start:end].")


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["system", "user", "assistant"]
    content: str = Field(max_length=8000)


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "messages": [
                        {"role": "user", "content": "Who mediated the end of the Wagner rebellion?"},
                        {"role": "assistant", "content": "Alexander Lukashenko mediated it. [1]"},
                        {"role": "user", "content": "Where did the group's leader go?"},
                    ]
                }
            ]
        },
    )
    messages: list[ChatMessage] = Field(
        min_length=1, max_length=41, description="The conversation, oldest first; the last one is the user's question."
    )
    top_k: int | None = Field(None, ge=1, le=30, description="How many source sentences the model sees.")
    within: Scope | None = Field(None, description="Answer only from these articles (by file or publication date).")
    stream: bool = Field(False, description="Answer as Server-Sent Events (also chosen by Accept: text/event-stream).")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable, machine-readable: invalid_request, invalid_input, not_found, ...")
    message: str = Field(description="What went wrong, for a person.")


class ErrorBody(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"error": {"code": "invalid_input", "message": "question has no words in it"}}]}
    )
    error: ErrorDetail

    @classmethod
    def of(cls, code: str, message: str) -> "ErrorBody":
        return cls(error=ErrorDetail(code=code, message=message))
