import pytest

from evals.cases import load_cases
from evals.gate import Thresholds, gate_failures, load_baseline, load_thresholds

pytestmark = pytest.mark.unit


def test_the_dev_set_covers_every_category_with_enough_cases() -> None:
    cases = load_cases()
    assert len(cases) >= 40
    categories = {case.category for case in cases}
    assert categories >= {
        "single_fact",
        "multi_article",
        "conflict",
        "date",
        "keyword",
        "paraphrase",
        "multi_turn",
        "unanswerable",
        "injection",
    }
    for case in cases:
        assert case.refuse or (case.sources and case.facts), case.id


def test_a_metric_under_its_threshold_fails_the_gate() -> None:
    thresholds = Thresholds(minimum={"answer_correctness": 0.8}, tolerance={})
    assert gate_failures({"answer_correctness": 0.9}, thresholds, {}) == []
    assert gate_failures({"answer_correctness": 0.7}, thresholds, {}) != []
    assert gate_failures({}, thresholds, {}) == ["answer_correctness: missing from the report"]


def test_a_drop_against_the_baseline_beyond_tolerance_fails_the_gate() -> None:
    thresholds = Thresholds(minimum={}, tolerance={"mrr": 0.05})
    assert gate_failures({"mrr": 0.96}, thresholds, {"mrr": 1.0}) == []
    assert gate_failures({"mrr": 0.9}, thresholds, {"mrr": 1.0}) != []


def test_the_committed_baseline_passes_the_committed_thresholds() -> None:
    baseline = load_baseline()
    assert baseline and gate_failures(baseline, load_thresholds(), baseline) == []
