"""The command line on the real index and embeddings, with the scripted model registered through litellm."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.cli import app
from tests.fakes import FAKE_PROVIDER, quote_best_source, register_fake

pytestmark = pytest.mark.integration


@pytest.fixture()
def runner(seed_index: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("CITEWIRE_DATA_DIR", str(seed_index))
    monkeypatch.setenv("CITEWIRE_LLM_MODEL", f"{FAKE_PROVIDER}/scripted")
    return CliRunner()


def test_ask_json_prints_the_api_object(runner: CliRunner, seeds: Path) -> None:
    register_fake(quote_best_source)
    result = runner.invoke(app, ["ask", "--json", "Where did Sviatlana Tsikhanouskaya flee to?"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["refused"] is False
    citation = body["citations"][0]
    assert citation["source"] == "002_d3a83041cccd83b2.txt"
    assert (seeds / citation["source"]).read_text(encoding="utf-8")[citation["start"] : citation["end"]] == citation[
        "quote"
    ]


def test_chat_keeps_the_conversation_and_prints_citations(runner: CliRunner) -> None:
    fake = register_fake(quote_best_source)
    transcript = runner.invoke(
        app, ["chat"], input="Who mediated the end of the Wagner rebellion?\nWhere did the leader go?\n/quit\n"
    )
    assert transcript.exit_code == 0, transcript.output
    assert transcript.output.count("you> ") == 3
    assert "004_f2c2a30e7610bf0b.txt:" in transcript.output
    assert "Earlier question: Who mediated the end of the Wagner rebellion?" in fake.prompts[-1]


def test_errors_print_a_message_not_a_traceback(runner: CliRunner) -> None:
    register_fake(quote_best_source)
    result = runner.invoke(app, ["ask", "   "])
    assert result.exit_code == 2
    assert "question must not be empty" in result.output and "Traceback" not in result.output


def test_ingest_of_a_missing_folder_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
