"""An OpenAI-compatible face (`POST /v1/chat/completions`, `GET /v1/models`) so that OpenAI clients and chat UIs can
use citewire. The reply's text is the checked answer with its citations as numbered footnotes; the whole answer
object rides along in an extra ``citewire`` field. Streamed, the text arrives only once it has been checked: an
OpenAI client cannot take back a sentence, so it is never shown one the checker would remove."""

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

import anyio
from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse, ServerSentEvent

from service.api.dependencies import ERRORS, EngineDep, MetricsDep, QueueDep
from service.conversation import split_conversation
from service.errors import CitewireError
from service.schemas import Answer, ChatMessage, ErrorBody

MODEL_ID = "citewire"
router = APIRouter(tags=["OpenAI-compatible"], responses=ERRORS)  # errors in citewire's shape, not OpenAI's


class TextPart(BaseModel):
    type: Literal["text"]
    text: str


class OpenAIMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart] = Field(description="Text, or a list of text parts.")

    def as_chat_message(self) -> ChatMessage:
        text = self.content if isinstance(self.content, str) else "".join(p.text for p in self.content)
        return ChatMessage(role="system" if self.role == "developer" else self.role, content=text)


class CompletionRequest(BaseModel):
    """OpenAI's request; sampling options (temperature, max_tokens, ...) are accepted and ignored: the service
    decides how it answers from the articles."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(MODEL_ID, description=f"Any name; {MODEL_ID!r} is the one /v1/models lists.")
    messages: list[OpenAIMessage] = Field(min_length=1, max_length=41)
    stream: bool = False


class ReplyMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: ReplyMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage = Field(default_factory=Usage, description="The answering model call's tokens (see Answer.tokens).")
    citewire: Answer = Field(description="The whole answer: citations with offsets and quotes, sentence verdicts.")


def footnoted(answer: Answer) -> str:
    """The answer's text with each citation as a footnote: file, date and the quoted words."""
    notes = [f"[{c.id}] {c.source} ({c.published}): “{c.quote}”" for c in answer.citations]
    return "\n\n".join([answer.answer, "\n".join(notes)]) if notes else answer.answer


@router.get("/v1/models")
def list_models() -> dict[str, Any]:
    return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "citewire"}]}


@router.post(
    "/v1/chat/completions", response_model=ChatCompletion, responses={200: {"content": {"text/event-stream": {}}}}
)
def chat_completions(
    body: CompletionRequest, engine: EngineDep, metrics: MetricsDep, queue: QueueDep
) -> ChatCompletion | Response:
    question, history = split_conversation([m.as_chat_message() for m in body.messages])
    question = engine.check_question(question)
    reply_id, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    @queue.admit
    def run() -> Answer:
        answer = engine.answer(question, history=history)
        metrics.observe_answer(answer)
        return answer

    if body.stream:
        return EventSourceResponse(_chunks(run, reply_id, created, body.model), ping=15, sep="\n")
    answer = run()
    choice = Choice(message=ReplyMessage(content=footnoted(answer)))
    usage = Usage(
        prompt_tokens=answer.tokens.prompt,
        completion_tokens=answer.tokens.completion,
        total_tokens=answer.tokens.prompt + answer.tokens.completion,
    )
    return ChatCompletion(
        id=reply_id, created=created, model=body.model, choices=[choice], usage=usage, citewire=answer
    )


async def _chunks(run: Any, reply_id: str, created: int, model: str) -> AsyncIterator[ServerSentEvent]:
    def chunk(delta: dict[str, str], finish: str | None = None, **extra: Any) -> ServerSentEvent:
        body = {"id": reply_id, "object": "chat.completion.chunk", "created": created, "model": model}
        body |= {"choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return ServerSentEvent(data=json.dumps(body, ensure_ascii=False))

    yield chunk({"role": "assistant"})
    try:
        answer: Answer = await anyio.to_thread.run_sync(run)
    except CitewireError as exc:
        yield ServerSentEvent(data=ErrorBody.of(exc.code, exc.message).model_dump_json())
    else:
        yield chunk({"content": footnoted(answer)})
        yield chunk({}, "stop", citewire=answer.model_dump())
    yield ServerSentEvent(data="[DONE]")
