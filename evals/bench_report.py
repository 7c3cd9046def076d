"""The benchmark's table as Markdown and JSON, and a PNG of the latency distributions."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Cell = Callable[[dict[str, Any]], object]
ROWS: list[tuple[str, Cell]] = [
    ("ingest: chunks", lambda s: s["chunks"]),
    ("ingest: chunks/s", lambda s: s["chunks_per_s"]),
    ("ingest: kB of articles/s", lambda s: s["kb_per_s"]),
    ("ingest: seconds", lambda s: s["ingest_s"]),
    ("re-ingest, unchanged: seconds", lambda s: s["reingest_s"]),
    ("query embedding + retrieval ms p50 / p95", lambda s: _pair(s["retrieve_ms"])),
    ("rerank ms p50 / p95", lambda s: _pair(s["rerank_ms"])),
    ("prompt tokens per answer p50 / p95", lambda s: _pair(s["prompt_tokens"])),
    ("time to first token ms p50 / p95", lambda s: _pair(s["first_text_ms"])),
    ("answer ms p50 / p95", lambda s: _pair(s["answer_ms"])),
    ("share of answer time outside the LLM p50", lambda s: s["outside_llm_share"]["p50"]),
    ("peak memory MiB: ingest / answering", lambda s: f"{s['peak_mib']['ingest']} / {s['peak_mib']['answering']}"),
    ("hit (expected article shown to the model)", lambda s: s["scores"]["hit"]),
    ("citation validity (quote = file text at offsets)", lambda s: s["scores"]["citation_validity"]),
    ("correctness (expected facts in the answer)", lambda s: s["scores"]["correctness"]),
    ("refusal accuracy", lambda s: s["scores"]["refusal_accuracy"]),
]


def _pair(values: dict[str, Any]) -> str:
    return f"{values['p50']} / {values['p95']}"


def table_rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(name, str(cell(result["citewire"])), str(cell(result["baseline"]))) for name, cell in ROWS]


def write_bench(result: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path, md_path, png_path = out_dir / "bench.json", out_dir / "bench.md", out_dir / "bench.png"
    json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    lines = [
        f"# citewire bench: {result['cases']} {result['set']} questions, model {result['model']}",
        "",
        "| measure | citewire | plain llama-index |",
        "|---|---|---|",
        *(f"| {name} | {ours} | {theirs} |" for name, ours, theirs in table_rows(result)),
        "",
        "Ratios (citewire / plain, same run): "
        + ", ".join(f"{key} {value}" for key, value in result["ratios"].items()),
        "",
    ]
    md_path.write_text("\n".join(lines), encoding="utf-8")
    _plot(result, png_path)
    return [json_path, md_path, png_path]


def _plot(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 2, figsize=(10, 4))
    for axis, key, title in (
        (axes[0], "first_text_ms", "time to first token (s)"),
        (axes[1], "answer_ms", "answer (s)"),
    ):
        data = [
            [run[key] / 1000 for run in result["runs"][name] if run[key] is not None]
            for name in ("citewire", "baseline")
        ]
        axis.boxplot(data, tick_labels=["citewire", "plain llama-index"])
        axis.set_title(title)
        axis.grid(axis="y", alpha=0.3)
    figure.suptitle(f"{result['cases']} {result['set']} questions, {result['model']}, one run")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
