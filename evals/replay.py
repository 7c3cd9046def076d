"""`citewire replay DIR`: every case answered again with the model reply that DIR's reports recorded for it,
through the real retrieval, selection, checker and composition; only the model's part is played back. A change after
the model (the checker, the quotes, the composition) is so measured on every set in minutes, and the same way each
time. A case whose shown sentences changed since the report is not replayed (the recorded reply numbers other
sources), nor one asked in another language (its translations are model calls too): both are counted, not hidden.
Replays judge a change; the reports of a full run are the figures."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evals.cases import load_cases
from evals.metrics import score_case, shown_spans
from evals.sets import EVAL_SETS, EvalSet
from service.components.llm import LLMClient, LLMReply, Message, TextSink
from service.engine.language import ENGLISH
from service.errors import InvalidInputError
from service.settings import Settings
from service.wiring import build_engine


class RecordedReply(LLMClient):
    """The model, played back: ``complete`` gives the reply recorded for the case being replayed."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.reply = ""
        self.cut_off = False

    def warm_up(self) -> None:
        """Nothing to load."""

    def complete(
        self, messages: list[Message], stop: list[str] | None = None, on_text: TextSink | None = None
    ) -> LLMReply:
        return LLMReply(self.reply, self.model, 0, 0, cut_off=self.cut_off)


@dataclass(frozen=True)
class Replayed:
    id: str
    passed_before: bool
    passed: bool
    answer_before: str
    answer: str


@dataclass(frozen=True)
class SetReplay:
    name: str
    cases: list[Replayed]
    skipped: list[str]  # ids not replayed: shown sentences changed, or asked in another language

    @property
    def changed(self) -> list[Replayed]:
        return [c for c in self.cases if c.passed != c.passed_before or c.answer != c.answer_before]

    def line(self) -> str:
        passed = sum(c.passed for c in self.cases)
        before = sum(c.passed_before for c in self.cases)
        return (
            f"{self.name}: {passed}/{len(self.cases)} replayed cases pass (recorded: {before}); "
            f"{len(self.changed)} answers changed; {len(self.skipped)} not replayed"
        )


def load_report(report_dir: Path, name: str) -> dict[str, dict[str, object]]:
    """The recorded cases of one set's report, by id; an InvalidInputError when there is none to replay."""
    path = report_dir / f"{name}.json"
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    except (OSError, ValueError, KeyError) as exc:
        raise InvalidInputError(f"no eval report to replay at {path}: {exc}") from exc
    if cases and "shown" not in cases[0]:
        raise InvalidInputError(f"{path} was written before reports recorded the sentences shown; run the eval first")
    return {str(case["id"]): case for case in cases}


def replay_set(settings: Settings, eval_set: EvalSet, recorded: dict[str, dict[str, object]]) -> SetReplay:
    """Each case of ``eval_set`` answered with its recorded reply, on the set's own index as the eval left it."""
    settings = settings.model_copy(update={"data_dir": settings.data_dir / "evals" / eval_set.name})
    model = RecordedReply(settings)
    engine = build_engine(settings, llm=model)
    cases: list[Replayed] = []
    skipped: list[str] = []
    for case in load_cases(eval_set.cases_file):
        before = recorded.get(case.id)
        if before is None or before.get("language", ENGLISH) != ENGLISH:
            skipped.append(case.id)
            continue
        model.reply = str(before["model_output"])
        model.cut_off = bool(before.get("model_cut_off", False))
        trace = engine.run(case.question, history=case.history)
        if shown_spans(trace) != _as_spans(before["shown"]):
            skipped.append(case.id)
            continue
        result = score_case(case, trace, 0.0)
        cases.append(Replayed(case.id, bool(before["passed"]), result.passed, str(before["answer"]), result.answer))
    return SetReplay(eval_set.name, cases, skipped)


def replay_suite(settings: Settings, names: list[str], report_dir: Path) -> list[SetReplay]:
    """The named sets replayed from ``report_dir``'s reports (all of them read before the first replay)."""
    recorded = {name: load_report(report_dir, name) for name in names}
    return [replay_set(settings, EVAL_SETS[name], recorded[name]) for name in names]


def _as_spans(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, Sequence) else []
