"""The official `openai` client against the OpenAI-compatible routes, on the real index with the scripted model."""

from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.schemas import Answer
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, quote_best_source, register_fake

pytestmark = pytest.mark.integration
QUESTION = "How many people were killed in the Crocus City Hall attack?"


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(quote_best_source)


@pytest.fixture(scope="module")
def client(seed_index: Path, fake: ScriptedLLM) -> Iterator[openai.OpenAI]:
    app = create_app(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted"))
    with TestClient(app) as http:
        yield openai.OpenAI(base_url="http://testserver/v1", api_key="not-needed", http_client=http, max_retries=0)


def assert_cited(content: str, answer: Answer, seeds: Path) -> None:
    assert not answer.refused and answer.citations
    for citation in answer.citations:
        text = (seeds / citation.source).read_bytes().decode("utf-8")
        assert text[citation.start : citation.end] == citation.quote
        assert f"[{citation.id}]" in answer.answer
        assert f"[{citation.id}] {citation.source}" in content and citation.quote in content  # the footnote
    assert content.startswith(answer.answer)


def test_models_lists_citewire(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["citewire"]


def test_a_completion_carries_footnotes_and_the_full_answer(client: openai.OpenAI, seeds: Path) -> None:
    completion = client.chat.completions.create(model="citewire", messages=[{"role": "user", "content": QUESTION}])
    content = completion.choices[0].message.content or ""
    answer = Answer.model_validate((completion.model_extra or {})["citewire"])
    assert_cited(content, answer, seeds)


def test_a_streamed_completion_keeps_its_citations(client: openai.OpenAI, seeds: Path) -> None:
    stream = client.chat.completions.create(
        model="citewire",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "What happened at Crocus City Hall?"},
            {"role": "assistant", "content": "Gunmen attacked a concert there."},
            {"role": "user", "content": "How many people were killed?"},
        ],
        stream=True,
    )
    chunks = list(stream)
    content = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert chunks[-1].choices[0].finish_reason == "stop"
    answer = Answer.model_validate((chunks[-1].model_extra or {})["citewire"])
    assert_cited(content, answer, seeds)


def test_a_conversation_not_ending_with_the_user_is_a_clear_error(client: openai.OpenAI) -> None:
    with pytest.raises(openai.UnprocessableEntityError, match="last one must be the user"):
        client.chat.completions.create(model="citewire", messages=[{"role": "assistant", "content": "Hello."}])
