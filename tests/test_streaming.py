"""Streamed answers over HTTP, parsed as a client parses them, on the real index with the scripted model: the draft
comes first, a sentence the checker removes does not survive, and no citation is lost."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.remote import read_events
from service.schemas import Answer
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, quote_best_source, register_fake

pytestmark = pytest.mark.integration
INVENTED = "The organisers were later found to be aliens from the planet Mars [1]."
QUESTION = "How many people were killed in the Crocus City Hall attack?"


def quote_then_invent(prompt: str) -> str:
    if "FAIL" in prompt:
        raise RuntimeError("the model server fell over")
    return f"{quote_best_source(prompt)} {INVENTED}"


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(quote_then_invent)


@pytest.fixture(scope="module")
def client(seed_index: Path, fake: ScriptedLLM) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted"))) as test_client:
        yield test_client


@dataclass(frozen=True)
class Event:
    name: str
    data: str

    def json(self) -> Any:
        return json.loads(self.data)


def stream(client: TestClient, path: str, payload: dict[str, object], **headers: str) -> list[Event]:
    with client.stream("POST", path, json=payload, headers=headers) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        return [Event(name, data) for name, data in read_events(response.iter_lines())]


def test_the_draft_streams_first_and_the_checked_answer_replaces_it(client: TestClient, seeds: Path) -> None:
    events = stream(client, "/v1/ask", {"question": QUESTION, "stream": True})
    names = [e.name for e in events]
    assert names[0] == "draft" and names[-1] == "answer"
    assert names.index("answer") > max(i for i, name in enumerate(names) if name == "draft")
    draft = "".join(e.json()["text"] for e in events if e.name == "draft")
    assert "aliens" in draft  # the model said it, and the reader saw it as a draft ...
    answer = Answer.model_validate(events[-1].json())
    assert "aliens" not in answer.answer and not answer.refused  # ... but the checked answer leaves it out
    assert any(not s.supported and "aliens" in s.text for s in answer.sentences)
    streamed_citations = [e.json() for e in events if e.name == "citation"]
    assert streamed_citations == [c.model_dump() for c in answer.citations] and streamed_citations
    for citation in answer.citations:
        text = (seeds / citation.source).read_bytes().decode("utf-8")
        assert text[citation.start : citation.end] == citation.quote
    assert [e.json() for e in events if e.name == "sentence"] == [s.model_dump() for s in answer.sentences]


def test_the_streamed_answer_is_the_one_a_plain_request_gets(client: TestClient) -> None:
    plain = client.post("/v1/ask", json={"question": QUESTION}).json()
    streamed = stream(client, "/v1/ask", {"question": QUESTION}, accept="text/event-stream")[-1].json()
    for varies in ("timings_ms", "tokens"):  # token counts are as the provider reports them, streamed or not
        plain.pop(varies), streamed.pop(varies)
    assert streamed == plain


def test_chat_streams_a_follow_up(client: TestClient) -> None:
    messages = [
        {"role": "user", "content": "What happened at Crocus City Hall?"},
        {"role": "assistant", "content": "Gunmen attacked a concert there. [1]"},
        {"role": "user", "content": "How many people were killed?"},
    ]
    events = stream(client, "/v1/chat", {"messages": messages, "stream": True})
    answer = Answer.model_validate(events[-1].json())
    assert events[-1].name == "answer" and not answer.refused
    assert answer.searched_question == "What happened at Crocus City Hall? How many people were killed?"
    assert any("Crocus" in c.source or "Crocus" in c.title or "139" in c.quote for c in answer.citations)


def test_a_bad_question_is_a_plain_422_not_a_stream(client: TestClient) -> None:
    response = client.post("/v1/ask", json={"question": "?!?", "stream": True})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


def test_a_model_failure_mid_stream_ends_with_an_error_event(client: TestClient) -> None:
    question = "What did FAIL say about the attack at Crocus City Hall?"
    events = stream(client, "/v1/ask", {"question": question, "stream": True})
    assert events[-1].name == "error"
    assert events[-1].json()["error"]["code"] == "llm_error"
    assert "answer" not in [e.name for e in events]
    plain = client.post("/v1/ask", json={"question": question})
    assert plain.status_code == 503 and plain.json()["error"]["code"] == "llm_error"
    assert plain.headers["retry-after"].isdigit()
