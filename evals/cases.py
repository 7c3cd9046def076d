"""Eval cases: a question, what must be cited, which facts the answer must hold, or that it must be refused."""

import json
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from service.errors import InvalidInputError
from service.schemas import Turn

CASES_FILE = Path(__file__).resolve().parent / "dev.jsonl"


class EvalCase(BaseModel):
    id: str
    category: str
    question: str
    history: list[Turn] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="Files that must be retrieved and cited.")
    facts: list[list[str]] = Field(default_factory=list, description="Each group: one of these must appear.")
    refuse: bool = False
    forbidden: list[str] = Field(default_factory=list, description="Text that must never appear in the answer.")
    cite_all: bool = Field(False, description="Every expected source must be cited (synthesis across articles).")


def load_cases(path: Path = CASES_FILE) -> list[EvalCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            cases.append(EvalCase.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise InvalidInputError(f"{path}:{number}: not a valid eval case: {exc}") from exc
    ids = [case.id for case in cases]
    if len(ids) != len(set(ids)):
        raise InvalidInputError(f"{path}: duplicate case ids")
    return cases
