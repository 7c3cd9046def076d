"""The Markdown summary: metrics, per category, gate result, and the worst cases with their answers."""

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


def write_markdown(path: Path, report: dict[str, Any], failures: list[str]) -> None:
    lines = [f"# citewire eval — {report['model']}", "", "| metric | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in report["metrics"].items()]
    lines += [
        "",
        "## Per category",
        "",
        "| category | " + " | ".join(CATEGORY_COLUMNS) + " |",
        "|---" * (len(CATEGORY_COLUMNS) + 1) + "|",
    ]
    for name, metrics in report["categories"].items():
        lines.append(f"| {name} | " + " | ".join(str(metrics[c]) for c in CATEGORY_COLUMNS) + " |")
    lines += ["", "## Gate", ""]
    lines += [f"- FAIL: {f}" for f in failures] or ["- passed"]
    worst = [case for case in report["cases"] if not case["passed"]]
    lines += ["", f"## Cases that did not pass ({len(worst)})", ""]
    for case in worst:
        expected = "refusal" if case["expected_refusal"] else "an answer"
        lines.append(f"- **{case['id']}** ({case['category']}, expected {expected}): {case['question']}")
        lines.append(f"  - answer: {case['answer']}")
        lines.append(f"  - cited: {', '.join(case['cited_sources']) or 'nothing'}; retrieval hit: {case['hit']}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
