"""The CI gate: a metric below its threshold, or fallen against the committed baseline by more than its tolerance."""

import json
from pathlib import Path

from pydantic import BaseModel

EVALS_DIR = Path(__file__).resolve().parent
THRESHOLDS_FILE = EVALS_DIR / "thresholds.json"
BASELINE_FILE = EVALS_DIR / "baseline.json"


class Thresholds(BaseModel):
    minimum: dict[str, float]
    tolerance: dict[str, float]


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, Thresholds]:
    """Each eval set's minimums and tolerances, by set name."""
    raw: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return {name: Thresholds.model_validate(value) for name, value in raw.items()}


def load_baseline(path: Path = BASELINE_FILE) -> dict[str, dict[str, float]]:
    """Each eval set's committed metrics, by set name."""
    if not path.exists():
        return {}
    sets: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))["sets"]
    return sets


def gate_failures(metrics: dict[str, float], thresholds: Thresholds, baseline: dict[str, float]) -> list[str]:
    failures = []
    for name, minimum in thresholds.minimum.items():
        value = metrics.get(name)
        if value is None:
            failures.append(f"{name}: missing from the report")
        elif value < minimum:
            failures.append(f"{name} = {value} is below its threshold {minimum}")
    for name, tolerance in thresholds.tolerance.items():
        if name in baseline and name in metrics and metrics[name] < baseline[name] - tolerance:
            failures.append(
                f"{name} = {metrics[name]} fell from the baseline {baseline[name]} by more than {tolerance}"
            )
    return failures
