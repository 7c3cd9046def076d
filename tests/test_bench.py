"""`citewire bench` end to end on the real embedder and Chroma, with a scripted model in place of the LLM (the
real-model run is the benchmark itself, whose figures the README reports)."""

import json
from pathlib import Path

import pytest

from evals.bench import pick_cases, run_bench
from evals.bench_report import write_bench
from evals.cases import load_cases
from evals.sets import EVAL_SETS
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, quote_best_source, register_fake


@pytest.mark.unit
def test_questions_are_single_turn_and_spread_over_the_set() -> None:
    cases = load_cases(EVAL_SETS["dev"].cases_file)
    picked = pick_cases(cases, 8)
    assert len(picked) == 8 and not any(case.history for case in picked)
    assert len({case.category for case in picked}) >= 4


@pytest.mark.integration
def test_both_pipelines_answer_the_same_questions_and_the_table_is_written(tmp_path: Path) -> None:
    def script(prompt: str) -> str:  # citewire's prompt names the question; llama-index's default one says "Query:"
        return quote_best_source(prompt) if "\nQuestion: " in prompt else "Wagner fighters are in Belarus."

    register_fake(script)
    steps: list[str] = []
    result = run_bench(make_settings(tmp_path / "data", llm_model=f"{FAKE_PROVIDER}/x"), "dev", 3, steps.append)
    ours, theirs = result["runs"]["citewire"], result["runs"]["baseline"]
    assert [r["case"] for r in ours] == [r["case"] for r in theirs] and len(ours) == 3
    assert result["citewire"]["chunks"] > 0 and result["baseline"]["chunks"] > 0
    assert result["citewire"]["reingest_s"] < result["citewire"]["ingest_s"]
    assert result["citewire"]["scores"]["citation_validity"] in (None, 1.0)
    assert any("plain llama-index" in step for step in steps)
    written = write_bench(result, tmp_path / "out")
    assert json.loads(written[0].read_text())["cases"] == 3
    assert "| answer ms p50 / p95 |" in written[1].read_text()
    assert written[2].read_bytes().startswith(b"\x89PNG")
