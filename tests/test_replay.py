"""`citewire replay`: a run's recorded model replies, played back through the real pipeline, give that run's answers
again; a different reply gives a different answer; a case whose shown sentences changed is not replayed. Real
Chroma, embeddings and reranker; the recorded run's model is a scripted stand-in."""

import json
from pathlib import Path

import pytest

from evals.replay import load_report, replay_set
from evals.runner import run_set
from evals.sets import EvalSet
from service.errors import InvalidInputError
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, asked, numbered_sources, register_fake

pytestmark = pytest.mark.integration

PAGE = (
    "Korva paper mill shuts after ninety years\n\nMarch 3, 2025\n\n"
    "The Korva paper mill, which made newsprint on the Orlen river for ninety years, closed on Friday.\n"
    "Its 200 workers were told by letter that the machines had stopped for good.\n"
)
CASES = [
    {"id": "workers", "category": "single_fact", "question": "How many workers did the Korva mill have?",
     "sources": ["mill.txt"], "facts": [["200"]]},
    {"id": "closed", "category": "single_fact", "question": "When did the Korva paper mill close?",
     "sources": ["mill.txt"], "facts": [["Friday"]]},
]  # fmt: skip


def quote_the_answer(prompt: str) -> str:
    """The shown sentence giving the count, for the how-many question; the other one's for the other."""
    counting = asked(prompt).startswith("How many")
    return next(f"{text} [{n}]" for n, text in numbered_sources(prompt).items() if ("200" in text) == counting)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, EvalSet, dict[str, dict[str, object]]]:
    root = tmp_path_factory.mktemp("replay")
    (root / "corpus").mkdir()
    (root / "corpus" / "mill.txt").write_text(PAGE, encoding="utf-8")
    cases = root / "cases.jsonl"
    cases.write_text("".join(json.dumps(case) + "\n" for case in CASES), encoding="utf-8")
    eval_set = EvalSet("mini", cases, (root / "corpus",), "two questions over one page")
    settings = make_settings(root / "data", llm_model=f"{FAKE_PROVIDER}/recorder")
    register_fake(quote_the_answer)
    report = run_set(settings, eval_set, None, None)
    (root / "reports").mkdir()
    (root / "reports" / "mini.json").write_text(json.dumps(report), encoding="utf-8")
    return root, eval_set, load_report(root / "reports", "mini")


def test_replaying_a_run_gives_its_answers_again(recorded: tuple[Path, EvalSet, dict[str, dict[str, object]]]) -> None:
    root, eval_set, cases = recorded
    register_fake(lambda prompt: "NOT IN SOURCES")  # the model is never called: a call would refuse
    replayed = replay_set(make_settings(root / "data"), eval_set, cases)
    assert [c.id for c in replayed.cases] == ["workers", "closed"] and not replayed.skipped
    assert [c.answer for c in replayed.cases] == [str(cases[c.id]["answer"]) for c in replayed.cases]
    assert not replayed.changed
    assert all(c.passed for c in replayed.cases)


def test_another_reply_gives_another_answer(recorded: tuple[Path, EvalSet, dict[str, dict[str, object]]]) -> None:
    root, eval_set, cases = recorded
    altered = {**cases, "workers": {**cases["workers"], "model_output": "The mill made newsprint [1]."}}
    replayed = replay_set(make_settings(root / "data"), eval_set, altered)
    (workers,) = [c for c in replayed.cases if c.id == "workers"]
    assert workers.passed_before and not workers.passed
    assert [c.id for c in replayed.changed] == ["workers"]


def test_a_case_shown_other_sentences_is_not_replayed(
    recorded: tuple[Path, EvalSet, dict[str, dict[str, object]]],
) -> None:
    root, eval_set, cases = recorded
    moved = {**cases, "closed": {**cases["closed"], "shown": ["mill.txt:0-10"]}}
    replayed = replay_set(make_settings(root / "data"), eval_set, moved)
    assert replayed.skipped == ["closed"]
    assert [c.id for c in replayed.cases] == ["workers"]


def test_a_report_without_recorded_sentences_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dev.json").write_text(json.dumps({"cases": [{"id": "a", "answer": "", "passed": True}]}))
    with pytest.raises(InvalidInputError, match="run the eval first"):
        load_report(tmp_path, "dev")
    with pytest.raises(InvalidInputError, match="no eval report"):
        load_report(tmp_path, "test")
