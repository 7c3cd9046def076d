"""`citewire bench`: citewire and a plain llama-index pipeline side by side, in one run, on one machine, with the
same embedder and the same model: ingest, retrieval, prompt size, time to first token, answer time, memory, and
the eval scores of both (speed bought with worse answers does not count)."""

import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from evals.bench_plain import PlainPipeline
from evals.bench_probes import PeakMemory, RecordingLLMClient
from evals.cases import EvalCase, load_cases
from evals.diagnosis import holds_facts
from evals.metrics import score_case
from evals.sets import EVAL_SETS
from ingest.discovery import discover_articles
from service.components.embedder import build_embedder
from service.engine.claims import says_not_found
from service.settings import Settings
from service.wiring import build_engine, build_ingestor

Step = Callable[[str], None]  # told what is running now, for a progress bar


@dataclass
class IngestFigures:
    seconds: float
    chunks: int
    again_s: float  # the same corpus ingested again, unchanged
    peak_mib: float
    kilobytes: float  # the corpus's size: both pipelines read the same files


@dataclass
class QuestionRun:
    case: str
    answer_ms: float
    first_text_ms: float | None  # from the question to the model's first text
    retrieve_ms: float
    rerank_ms: float
    llm_ms: float
    prompt_tokens: int | None
    hit: bool | None  # an expected article among what the model was shown (answerable cases)
    correct: bool | None  # every expected fact in the answer (answerable cases)
    refused: bool
    refusal_right: bool  # refused exactly when the case expects it
    citations_valid: int
    citations_total: int


def pick_cases(cases: list[EvalCase], limit: int | None) -> list[EvalCase]:
    """Single-turn cases (the baseline keeps no conversation), spread evenly over the set when ``limit`` is given."""
    single = [case for case in cases if not case.history]
    if limit is None or limit >= len(single):
        return single
    step = len(single) / limit
    return [single[int(i * step)] for i in range(limit)]


def run_bench(settings: Settings, set_name: str, limit: int | None, step: Step) -> dict[str, Any]:
    eval_set = EVAL_SETS[set_name]
    cases = pick_cases(load_cases(eval_set.cases_file), limit)
    corpus = list(eval_set.corpus)
    kilobytes = sum(p.stat().st_size for p in discover_articles(corpus).files) / 1000
    work = Path(tempfile.mkdtemp(prefix="citewire-bench-"))
    try:
        llm = RecordingLLMClient(settings)
        step("loading the model")
        llm.warm_up()
        ours = settings.model_copy(update={"data_dir": work / "citewire"})
        ingestor = build_ingestor(ours)
        step("citewire: ingest, then again unchanged")
        ours_ingest = _measure_ingest(lambda: ingestor.run(corpus).added, lambda: ingestor.run(corpus).added, kilobytes)
        engine = build_engine(ours, llm=llm)
        engine.warm_up()  # as the server does when it starts
        runs, answering = _answer_all(cases, lambda case: _run_citewire(engine, llm, case), "citewire", step)
        citewire = _summary(runs, ours_ingest, answering)

        embedder = build_embedder(settings)
        plain = PlainPipeline(work / "plain", embedder, llm)
        again = PlainPipeline(work / "plain-again", embedder, llm)
        step("plain llama-index: ingest, then again (it re-reads and re-embeds everything)")
        plain_ingest = _measure_ingest(lambda: plain.ingest(corpus), lambda: again.ingest(corpus), kilobytes)
        plain_runs, answering = _answer_all(cases, lambda case: _run_plain(plain, llm, case), "plain llama-index", step)
        baseline = _summary(plain_runs, plain_ingest, answering)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "set": set_name,
        "cases": len(cases),
        "model": settings.llm_model,
        "citewire": citewire,
        "baseline": baseline,
        "ratios": _ratios(citewire, baseline),
        "runs": {"citewire": [asdict(r) for r in runs], "baseline": [asdict(r) for r in plain_runs]},
    }


def _measure_ingest(first: Callable[[], int], again: Callable[[], int], kilobytes: float) -> IngestFigures:
    """The first ingest (time, chunks, peak memory), then the same corpus again, unchanged."""
    with PeakMemory() as memory:
        started = time.perf_counter()
        chunks = first()
        seconds = time.perf_counter() - started
    started = time.perf_counter()
    again()
    return IngestFigures(seconds, chunks, time.perf_counter() - started, memory.peak_mib, kilobytes)


def _answer_all(
    cases: list[EvalCase], answer: Callable[[EvalCase], QuestionRun], name: str, step: Step
) -> tuple[list[QuestionRun], PeakMemory]:
    runs: list[QuestionRun] = []
    with PeakMemory() as memory:
        for number, case in enumerate(cases, start=1):
            step(f"{name}: question {number}/{len(cases)}")
            runs.append(answer(case))
    return runs, memory


def _run_citewire(engine: Any, llm: RecordingLLMClient, case: EvalCase) -> QuestionRun:
    before = len(llm.calls)
    started = time.perf_counter()
    trace = engine.run(case.question)
    answer_ms = (time.perf_counter() - started) * 1000
    scored = score_case(case, trace, answer_ms)
    timings = trace.answer.timings_ms
    calls = llm.calls[before:]
    return QuestionRun(
        case=case.id,
        answer_ms=answer_ms,
        first_text_ms=_first_text_ms(calls, started),
        retrieve_ms=timings.get("retrieve_ms", 0.0),
        rerank_ms=timings.get("select_ms", 0.0),
        llm_ms=sum((c.finished - c.started) * 1000 for c in calls),
        prompt_tokens=_tokens(calls),
        hit=scored.hit,
        correct=scored.correct,
        refused=scored.refused,
        refusal_right=scored.refused == case.refuse,
        citations_valid=scored.citations_valid,
        citations_total=scored.citations_total,
    )


def _run_plain(plain: PlainPipeline, llm: RecordingLLMClient, case: EvalCase) -> QuestionRun:
    before = len(llm.calls)
    started = time.perf_counter()
    answer = plain.answer(case.question)
    answer_ms = (time.perf_counter() - started) * 1000 - answer.retrieve_ms  # its timed-alone retrieval left out
    calls = llm.calls[before:]
    refused = not answer.text.strip() or says_not_found(answer.text)
    answerable = not case.refuse
    return QuestionRun(
        case=case.id,
        answer_ms=answer_ms,
        first_text_ms=_first_text_ms(calls, started + answer.retrieve_ms / 1000),
        retrieve_ms=answer.retrieve_ms,
        rerank_ms=0.0,
        llm_ms=sum((c.finished - c.started) * 1000 for c in calls),
        prompt_tokens=_tokens(calls),
        hit=bool(set(case.sources) & set(answer.sources)) if answerable else None,
        correct=(holds_facts(case, answer.text) and not refused) if answerable else None,
        refused=refused,
        refusal_right=refused == case.refuse,
        citations_valid=answer.chunks_valid,
        citations_total=answer.chunks_total,
    )


def _first_text_ms(calls: list[Any], started: float) -> float | None:
    firsts = [c.first_text for c in calls if c.first_text is not None]
    return (min(firsts) - started) * 1000 if firsts else None


def _tokens(calls: list[Any]) -> int | None:
    counts = [c.prompt_tokens for c in calls]
    return sum(counts) if counts and None not in counts else (None if counts else 0)


def _percentiles(values: list[float], digits: int = 1) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p95": None}
    ordered = sorted(values)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    return {"p50": round(statistics.median(ordered), digits), "p95": round(p95, digits)}


def _share(flags: list[bool | None]) -> float | None:
    known = [flag for flag in flags if flag is not None]
    return round(sum(known) / len(known), 3) if known else None


def _summary(runs: list[QuestionRun], ingest: IngestFigures, answering: PeakMemory) -> dict[str, Any]:
    searched = [r for r in runs if r.retrieve_ms > 0]  # a question refused on its face searches nothing
    tokens = [r.prompt_tokens for r in runs if r.prompt_tokens]
    cited = sum(r.citations_total for r in runs)
    outside_llm = [(r.answer_ms - r.llm_ms) / r.answer_ms for r in runs if r.answer_ms > 0 and r.llm_ms > 0]
    return {
        "ingest_s": round(ingest.seconds, 2),
        "chunks": ingest.chunks,
        "chunks_per_s": round(ingest.chunks / ingest.seconds, 1) if ingest.seconds else None,
        "kb_per_s": round(ingest.kilobytes / ingest.seconds, 1) if ingest.seconds else None,
        "reingest_s": round(ingest.again_s, 2),
        "retrieve_ms": _percentiles([r.retrieve_ms for r in searched]),
        "rerank_ms": _percentiles([r.rerank_ms for r in searched]),
        "prompt_tokens": _percentiles([float(t) for t in tokens]),
        "first_text_ms": _percentiles([r.first_text_ms for r in runs if r.first_text_ms is not None]),
        "answer_ms": _percentiles([r.answer_ms for r in runs]),
        "outside_llm_share": _percentiles(outside_llm, digits=3),
        "peak_mib": {"ingest": round(ingest.peak_mib), "answering": round(answering.peak_mib)},
        "scores": {
            "hit": _share([r.hit for r in runs]),
            "citation_validity": round(sum(r.citations_valid for r in runs) / cited, 3) if cited else None,
            "correctness": _share([r.correct for r in runs]),
            "refusal_accuracy": _share([r.refusal_right for r in runs]),
        },
    }


def _ratios(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, float | None]:
    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 2) if a is not None and b else None

    return {
        "prompt_tokens_p50": ratio(ours["prompt_tokens"]["p50"], theirs["prompt_tokens"]["p50"]),
        "first_text_p50": ratio(ours["first_text_ms"]["p50"], theirs["first_text_ms"]["p50"]),
        "answer_p50": ratio(ours["answer_ms"]["p50"], theirs["answer_ms"]["p50"]),
        "ingest_chunks_per_s": ratio(ours["chunks_per_s"], theirs["chunks_per_s"]),
        "ingest_kb_per_s": ratio(ours["kb_per_s"], theirs["kb_per_s"]),
        "reingest_speedup": ratio(ours["ingest_s"], ours["reingest_s"]),
    }
