"""`citewire chat --url` in a real pseudo-terminal against a real server (real index and embeddings, the scripted
model): commands, footnotes, follow-ups, refusals and Ctrl-C, asserted on the transcript."""

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from service.api.app import create_app
from tests.conftest import make_settings, running_server
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, asked, quote_best_source, register_fake

pytestmark = pytest.mark.integration
FOOTNOTE = r"\.txt:\d+-\d+"  # a citation's file and offsets, printed once the checked answer is in
CITEWIRE = shutil.which("citewire") or str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "citewire")


SLOW_ANSWER_STARTED = threading.Event()


def slow_when_asked_to(prompt: str) -> str:
    if "slowly" in asked(prompt):
        SLOW_ANSWER_STARTED.set()
        time.sleep(8)
    return quote_best_source(prompt)


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(slow_when_asked_to)


@pytest.fixture(scope="module")
def server(seed_index: Path, fake: ScriptedLLM) -> Iterator[str]:
    with running_server(create_app(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted"))) as url:
        yield url


@pytest.fixture()
def chat(server: str) -> Iterator[pexpect.spawn]:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "200", "PROMPT_TOOLKIT_NO_CPR": "1"}
    session = pexpect.spawn(CITEWIRE, ["chat", "--url", server], env=env, encoding="utf-8", timeout=60)
    session.expect("/help lists the commands")
    yield session
    session.close(force=True)


def test_a_question_and_its_follow_up_get_footnoted_answers(chat: pexpect.spawn, fake: ScriptedLLM) -> None:
    chat.sendline("Who mediated the end of the Wagner rebellion?")
    chat.expect(r"\[1\]")
    chat.expect("004_f2c2a30e7610bf0b.txt:")  # the footnote: file, offsets, title and date, then the quote
    chat.expect("you>")
    chat.sendline("Where did the leader go?")
    chat.expect([FOOTNOTE, "The articles do not say."])  # the scripted model is no judge of follow-ups
    assert "Earlier question: Who mediated the end of the Wagner rebellion?" in fake.prompts[-1]
    chat.sendline("/quit")
    chat.expect(pexpect.EOF)


def test_commands_list_sources_start_over_and_explain(chat: pexpect.spawn, fake: ScriptedLLM) -> None:
    chat.sendline("/sources")
    chat.expect(r"\(5 articles\)")
    assert "000_d2a25c7ec89bae19.txt" in (chat.before or "")
    chat.sendline("/help")
    chat.expect("/quit")
    chat.sendline("/frobnicate")
    chat.expect("unknown command /frobnicate")
    chat.sendline("Who mediated the end of the Wagner rebellion?")
    chat.expect(FOOTNOTE)
    chat.sendline("/new")
    chat.expect(r"\(new conversation\)")
    chat.sendline("Where did Tsikhanouskaya flee to?")
    chat.expect(FOOTNOTE)
    assert "Earlier question" not in fake.prompts[-1]


def test_an_off_topic_question_is_shown_as_a_refusal(chat: pexpect.spawn) -> None:
    chat.sendline("What is the best recipe for sourdough bread?")
    chat.expect("The articles do not say.")


def test_ctrl_c_stops_the_answer_and_keeps_the_chat(chat: pexpect.spawn) -> None:
    SLOW_ANSWER_STARTED.clear()
    chat.sendline("Tell me slowly who mediated the end of the Wagner rebellion.")
    assert SLOW_ANSWER_STARTED.wait(timeout=60)  # the question is with the model: the chat waits on its answer
    chat.sendintr()
    chat.expect(r"\(stopped\)", timeout=30)
    chat.sendline("/sources")
    chat.expect(r"\(5 articles\)")
    chat.sendline("/quit")
    chat.expect(pexpect.EOF)


def test_an_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    result = pexpect.run(f"{CITEWIRE} ask --url http://127.0.0.1:9 'Who?'", encoding="utf-8", withexitstatus=True)
    output, status = result
    assert status == 1 and "cannot reach citewire at http://127.0.0.1:9" in output and "Traceback" not in output
