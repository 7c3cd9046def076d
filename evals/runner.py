"""`citewire eval`: the dev set through the real pipeline, one question at a time, then reports and the gate."""

import json
import time
from pathlib import Path

from evals.cases import CASES_FILE, load_cases
from evals.gate import gate_failures, load_baseline, load_thresholds
from evals.judge import FaithfulnessJudge
from evals.metrics import CaseResult, aggregate, by_category, score_case
from evals.report import write_markdown
from service.settings import Settings
from service.wiring import build_engine, build_ingestor


def run_suite(
    settings: Settings, cases_path: Path | None, report_dir: Path, limit: int | None, judge_model: str | None = None
) -> list[str]:
    """Ingest the articles (a no-op when unchanged), answer every case, write the reports; return gate failures."""
    cases = load_cases(cases_path or CASES_FILE)[:limit]
    ingest = build_ingestor(settings).run([settings.articles_dir])
    print(ingest.line(), flush=True)
    engine = build_engine(settings)
    engine.warm_up()
    judge = FaithfulnessJudge(settings, judge_model) if judge_model else None
    verdicts: list[bool] = []
    results: list[CaseResult] = []
    for number, case in enumerate(cases, start=1):
        started = time.perf_counter()
        trace = engine.run(case.question, history=case.history)
        result = score_case(case, trace, round((time.perf_counter() - started) * 1000, 1))
        results.append(result)
        verdict = judge.run(trace.answer) if judge else None
        if verdict is not None:
            verdicts.append(verdict)
        mark = "ok  " if result.passed else "FAIL"
        print(f"[{number:>2}/{len(cases)}] {mark} {case.id}: {result.answer[:100]}", flush=True)
    metrics = aggregate(results)
    if judge:  # reported, never gated
        metrics["judge_faithfulness"] = round(sum(verdicts) / len(verdicts), 3) if verdicts else 1.0
    report = {
        "model": engine.model,
        "judge": judge.model if judge else None,
        "metrics": metrics,
        "categories": by_category(results),
        "cases": [r.model_dump() for r in results],
    }
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    failures = gate_failures(metrics, load_thresholds(), load_baseline()) if limit is None else []
    write_markdown(report_dir / "summary.md", report, failures)
    print(f"report: {report_dir / 'report.json'}, summary: {report_dir / 'summary.md'}")
    print(json.dumps(metrics, indent=2))
    return failures
