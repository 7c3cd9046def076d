"""The eval sets: two dev sets (tuned on) and three held-out sets (never tuned on), each over its own corpus."""

from dataclasses import dataclass
from pathlib import Path

EVALS_DIR = Path(__file__).resolve().parent
REPO = EVALS_DIR.parent


@dataclass(frozen=True)
class EvalSet:
    name: str
    cases_file: Path
    corpus: tuple[Path, ...]  # folders ingested into the set's own index
    about: str


EVAL_SETS = {
    s.name: s
    for s in (
        EvalSet(
            "dev",
            EVALS_DIR / "dev.jsonl",
            (REPO / "seeds",),
            "questions over the five seeds; the prompt and checker were tuned on these",
        ),
        EvalSet(
            "dev2",
            EVALS_DIR / "dev2.jsonl",
            (REPO / "seeds", EVALS_DIR / "dev2_articles"),
            "tuned on too: questions over five invented web pages (menus, bylines, an undated page) beside the seeds",
        ),
        EvalSet(
            "test",
            EVALS_DIR / "test.jsonl",
            (REPO / "seeds", EVALS_DIR / "test_articles"),
            "held out: written before the changes they judge, over the seeds plus four invented articles",
        ),
        EvalSet(
            "holdout",
            EVALS_DIR / "holdout.jsonl",
            (REPO / "seeds", EVALS_DIR / "holdout_articles"),
            "held out later: written before the third session's changes, over the seeds plus two invented articles",
        ),
        EvalSet(
            "holdout2",
            EVALS_DIR / "holdout2.jsonl",
            (REPO / "seeds", EVALS_DIR / "holdout2_articles"),
            "held out last: written before the fourth session's changes, over the seeds plus two invented articles",
        ),
    )
}
