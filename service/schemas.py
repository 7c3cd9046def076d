"""The typed request and result every caller shares: HTTP, CLI and evals."""

from typing import Literal

from pydantic import BaseModel, Field


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=8000)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=4000, description="A question about the ingested articles.")
    top_k: int | None = Field(None, ge=1, le=30, description="How many source sentences the model sees.")
    history: list[Turn] = Field(default_factory=list, max_length=20, description="Earlier turns, oldest first.")


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


class Answer(BaseModel):
    answer: str
    refused: bool
    citations: list[Citation]
    sentences: list[SentenceVerdict] = Field(default_factory=list)
    grounded: float = Field(description="Share of the answer's sentences the checker found supported.")
    model: str
    language: str = Field("en", description="The question's language (ISO 639-1); the answer is in it too.")
    searched_question: str | None = Field(
        None, description="The English question that was searched and checked, when the one asked was translated."
    )
    timings_ms: dict[str, float]
