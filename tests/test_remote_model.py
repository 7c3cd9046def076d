"""The bundled model behind llama-cpp-python's own OpenAI-compatible server, started here on loopback, reached
through litellm by settings alone: the deployment where the model runs apart from the service."""

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.components.gguf import assemble_gguf
from service.settings import Settings
from service.wiring import build_engine
from tests.conftest import free_port, make_settings, running_process

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model_server() -> Iterator[str]:
    gguf = assemble_gguf("qwen2.5-coder-1.5b", Settings().model_cache_dir)
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "newsroom"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "2"]
    url = f"http://127.0.0.1:{port}/v1"
    with running_process(command, f"{url}/models", 120):
        yield url


def test_an_answer_from_a_model_server_is_cited_and_checked(seed_index: Path, model_server: str) -> None:
    settings = make_settings(seed_index, llm_model="openai/newsroom", llm_api_base=model_server, llm_api_key="none")
    engine = build_engine(settings)
    drafts: list[str] = []
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?", on_draft=drafts.append)
    assert not answer.refused and "139" in answer.answer, answer.answer
    assert drafts and answer.model == "openai/newsroom"
    for citation in answer.citations:
        assert citation.quote in (Path(__file__).resolve().parents[1] / "seeds" / citation.source).read_text()
    assert answer.tokens.prompt > 200 and answer.tokens.completion > 0  # as the server counted them
    refused = engine.answer("What is the boiling point of mercury?")
    assert refused.refused
