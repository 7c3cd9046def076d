"""`citewire eval`: each eval set through the real pipeline, one question at a time, then reports and the gate."""

import json
import time
from pathlib import Path
from typing import Any

from evals.cases import load_cases
from evals.gate import gate_failures, load_baseline, load_thresholds
from evals.judge import FaithfulnessJudge
from evals.metrics import CaseResult, aggregate, by_category, by_stage, score_case
from evals.report import write_markdown
from evals.sets import EVAL_SETS, EvalSet
from service.errors import InvalidInputError
from service.settings import Settings
from service.wiring import build_engine, build_ingestor


def run_set(
    settings: Settings, eval_set: EvalSet, limit: int | None, judge: FaithfulnessJudge | None
) -> dict[str, Any]:
    """Ingest the set's corpus into its own index (a no-op when unchanged), answer every case, score it."""
    cases = load_cases(eval_set.cases_file)[:limit]
    settings = settings.model_copy(update={"data_dir": settings.data_dir / "evals" / eval_set.name})
    print(f"{eval_set.name}: {build_ingestor(settings).run(list(eval_set.corpus)).line()}", flush=True)
    engine = build_engine(settings)
    engine.warm_up()
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
        why = f"  <- {result.stage}" if result.stage else ""
        print(f"[{eval_set.name} {number:>2}/{len(cases)}] {mark} {case.id}: {result.answer[:90]}{why}", flush=True)
    metrics = aggregate(results)
    if judge:  # reported, never gated
        metrics["judge_faithfulness"] = round(sum(verdicts) / len(verdicts), 3) if verdicts else 1.0
    return {
        "set": eval_set.name,
        "about": eval_set.about,
        "model": engine.model,
        "judge": judge.model if judge else None,
        "metrics": metrics,
        "stages": by_stage(results),
        "categories": by_category(results),
        "cases": [r.model_dump() for r in results],
    }


def run_suite(
    settings: Settings,
    set_names: list[str],
    report_dir: Path,
    limit: int | None,
    judge_model: str | None = None,
) -> list[str]:
    """Run the named sets, write a report per set and one summary; return the gate failures (none for a partial
    run: ``limit`` is for trying things, not for judging them)."""
    thresholds = load_thresholds()
    unjudged = [name for name in set_names if name not in thresholds]
    if unjudged:  # said before the run, not after it: a set with no thresholds would lose the whole run's reports
        raise InvalidInputError(f"eval set {unjudged} has no thresholds in evals/thresholds.json")
    judge = FaithfulnessJudge(settings, judge_model) if judge_model else None
    reports = [run_set(settings, EVAL_SETS[name], limit, judge) for name in set_names]
    baseline = load_baseline()
    failures: list[str] = []
    report_dir.mkdir(parents=True, exist_ok=True)
    for report in reports:
        (report_dir / f"{report['set']}.json").write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        if limit is None:
            found = gate_failures(report["metrics"], thresholds[report["set"]], baseline.get(report["set"], {}))
            failures += [f"{report['set']}: {failure}" for failure in found]
    write_markdown(report_dir / "summary.md", reports, failures)
    print(f"reports: {', '.join(str(report_dir / (r['set'] + '.json')) for r in reports)}; summary.md beside them")
    for report in reports:
        print(report["set"], json.dumps(report["metrics"]), json.dumps(report["stages"]))
    return failures
