"""Every missed eval case names the stage that lost its answer."""

import pytest

from evals.cases import EvalCase
from evals.diagnosis import diagnose
from service.engine.engine import RetrievedChunk, Trace
from service.engine.selection import SourceSentence
from service.engine.verify import Verdict
from service.schemas import Answer

pytestmark = pytest.mark.unit

CASE = EvalCase(
    id="c", category="single_fact", question="Where did she flee?", sources=["a.txt"], facts=[["Lithuania"]]
)
FLED = "She fled to Lithuania."
SHOWN = [SourceSentence("a.txt", "/a.txt", 0, len(FLED), FLED, "t", "p", "2020-08-17", 5.0)]
RETRIEVED = [RetrievedChunk("a.txt", FLED)]


def answer(text: str, language: str = "en", refused: bool = False) -> Answer:
    return Answer(
        answer=text,
        refused=refused,
        citations=[],
        sentences=[],
        grounded=1.0,
        model="m",
        timings_ms={},
        language=language,
    )


def test_a_fact_never_retrieved_is_lost_at_retrieval() -> None:
    trace = Trace(answer("The articles do not say.", refused=True), [], retrieved=[RetrievedChunk("a.txt", "x")])
    assert diagnose(CASE, trace, [], set()).startswith("retrieval")


def test_a_fact_shown_but_not_stated_is_lost_at_the_model() -> None:
    trace = Trace(answer("She fled.", refused=False), SHOWN, model_output="She fled [1].", retrieved=RETRIEVED)
    assert diagnose(CASE, trace, [], {"a.txt"}).startswith("model: did not state")


def test_a_fact_lost_in_the_translation_back_is_lost_at_translation() -> None:
    verdicts = [Verdict(FLED, (1,), True, 0.9)]
    trace = Trace(answer("Elle a quitté la Lithuanie.", "fr"), SHOWN, verdicts, FLED + " [1]", RETRIEVED)
    assert diagnose(CASE, trace, [], {"a.txt"}).startswith("translation")


def test_a_stated_fact_the_checker_removed_is_lost_at_the_checker() -> None:
    verdicts = [Verdict(FLED, (1,), False, 0.2)]
    trace = Trace(
        answer("The articles do not say.", refused=True), SHOWN, verdicts, FLED + " [1]", RETRIEVED, "checker"
    )
    assert diagnose(CASE, trace, [], set()).startswith(
        "checker: the model's answer held the facts but they were removed as unsupported"
    )
