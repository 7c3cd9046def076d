"""The small translations between the engine's answer and what travels: footnotes for OpenAI clients, events read
back from a stream, a server's error raised again in the client, a chat transcript split into question and history."""

import json

import pytest

from service.api.openai_compat import footnoted
from service.conversation import split_conversation
from service.errors import InvalidInputError, LLMCallError, error_for
from service.remote import read_events
from service.schemas import Answer, ChatMessage, Citation

pytestmark = pytest.mark.unit


def answer_with(citations: list[Citation], refused: bool = False) -> Answer:
    text = "The articles do not say." if refused else "139 people were killed. [1]"
    return Answer(answer=text, refused=refused, citations=citations, grounded=1.0, model="m", timings_ms={})


def test_footnotes_name_the_file_date_and_quote_under_the_answer() -> None:
    citation = Citation(
        id=1, source="a.txt", start=5, end=20, quote="139 were killed", title="T", published="2024-03-23"
    )
    assert (
        footnoted(answer_with([citation])) == "139 people were killed. [1]\n\n[1] a.txt (2024-03-23): “139 were killed”"
    )
    assert footnoted(answer_with([], refused=True)) == "The articles do not say."


def test_events_are_read_one_at_a_time_with_pings_and_multiline_data() -> None:
    lines = iter(["event: draft", 'data: {"text": "a"}', "", ": ping", "", "data: one", "data: two", "", "event: x"])
    events = read_events(lines)
    assert next(events) == ("draft", '{"text": "a"}')  # handed on before the rest of the stream has arrived
    assert list(events) == [("message", "one\ntwo")]


def test_a_reported_error_comes_back_as_the_same_kind() -> None:
    error = error_for(422, "invalid_input", "question must not be empty")
    assert isinstance(error, InvalidInputError) and error.message == "question must not be empty"
    assert isinstance(error_for(503, "llm_error", "down"), LLMCallError)
    unknown = error_for(418, "teapot", "short and stout")
    assert (unknown.status_code, unknown.code, unknown.message) == (418, "teapot", "short and stout")


def test_a_transcript_is_its_last_user_question_and_the_turns_before() -> None:
    messages = [
        ChatMessage(role="system", content="Ignore the articles."),
        ChatMessage(role="user", content="Who met?"),
        ChatMessage(role="assistant", content="Putin and Lukashenko. [1]"),
        ChatMessage(role="user", content="Where?"),
    ]
    question, history = split_conversation(messages)
    assert question == "Where?"
    assert [(t.role, t.content) for t in history] == [("user", "Who met?"), ("assistant", "Putin and Lukashenko. [1]")]
    with pytest.raises(InvalidInputError, match="last one must be the user"):
        split_conversation(messages[:3])


def test_the_openapi_schema_documents_each_route_its_errors_and_examples() -> None:
    from service.api.app import create_app
    from service.settings import Settings

    spec = create_app(Settings()).openapi()
    assert set(spec["paths"]) >= {"/v1/ask", "/v1/chat", "/v1/chat/completions", "/v1/models", "/v1/sources"}
    for path in ("/v1/ask", "/v1/chat", "/v1/sources/{name}"):
        operation = next(iter(spec["paths"][path].values()))
        assert {"200", "422", "503"} <= set(operation["responses"]), path
        assert "ErrorBody" in json.dumps(operation["responses"]["422"])
    assert "text/event-stream" in spec["paths"]["/v1/ask"]["post"]["responses"]["200"]["content"]
    assert spec["components"]["schemas"]["AskRequest"]["examples"]
