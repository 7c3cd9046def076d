"""The Markdown summary: each set's metrics side by side, per category, per stage, gate, and every missed case
with the stage that lost it."""

from pathlib import Path
from typing import Any

CATEGORY_COLUMNS = (
    "cases",
    "pass_rate",
    "answer_correctness",
    "retrieval_hit_at_k",
    "refusal_recall",
    "grounded_sentence_rate",
    "latency_p50_ms",
)


def write_markdown(path: Path, reports: list[dict[str, Any]], failures: list[str]) -> None:
    names = [r["set"] for r in reports]
    model = reports[0]["model"] if reports else "?"
    lines = [f"# citewire eval — {model}", ""]
    lines += [f"- **{r['set']}**: {r['about']}" for r in reports]
    lines += ["", "| metric | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    metric_names = list(dict.fromkeys(name for r in reports for name in r["metrics"]))
    for name in metric_names:
        lines.append(f"| {name} | " + " | ".join(str(r["metrics"].get(name, "")) for r in reports) + " |")
    lines += ["", "## Gate", ""]
    lines += [f"- FAIL: {f}" for f in failures] or ["- passed"]
    for report in reports:
        lines += ["", f"## {report['set']}: per category", ""]
        lines += ["| category | " + " | ".join(CATEGORY_COLUMNS) + " |", "|---" * (len(CATEGORY_COLUMNS) + 1) + "|"]
        for name, metrics in report["categories"].items():
            lines.append(f"| {name} | " + " | ".join(str(metrics[c]) for c in CATEGORY_COLUMNS) + " |")
        stages = ", ".join(f"{stage} {count}" for stage, count in report["stages"].items()) or "none"
        missed = [case for case in report["cases"] if not case["passed"]]
        lines += ["", f"## {report['set']}: missed cases ({len(missed)}; lost at: {stages})", ""]
        for case in missed:
            expected = "refusal" if case["expected_refusal"] else "an answer"
            lines.append(f"- **{case['id']}** ({case['category']}, expected {expected}): {case['question']}")
            lines.append(f"  - lost at: {case['stage']}")
            lines.append(f"  - answer: {case['answer']}")
            lines.append(
                f"  - cited: {', '.join(case['cited_sources']) or 'nothing'}; retrieval hit: {case['hit']};"
                f" sentences quoted verbatim: {case.get('quoted', 0)}"
            )
        unattributed = [(case["id"], s) for case in report["cases"] for s in case["unattributed"]]
        if unattributed:
            title = "served sentences giving a statement to someone their quotes do not name"
            lines += ["", f"## {report['set']}: {title}", ""]
            lines += [f"- **{case_id}**: {sentence}" for case_id, sentence in unattributed]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
