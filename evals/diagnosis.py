"""Where a missed case lost its answer: the first stage whose output no longer holds the expected facts.

Retrieval (the chunks), selection (the sentences shown to the model), the relevance gate, the model's reply, the
translation back into the question's language, the checker (which removes unsupported or off-question sentences),
then citations. Every failed case explains itself.
"""

from evals.cases import EvalCase
from service.engine.engine import Trace


def _normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def holds_facts(case: EvalCase, text: str) -> bool:
    """Every fact group has one of its phrases in ``text``."""
    text = _normalise(text)
    return all(any(_normalise(fact) in text for fact in group) for group in case.facts)


def missing_facts(case: EvalCase, text: str) -> list[str]:
    text = _normalise(text)
    return [" / ".join(group) for group in case.facts if not any(_normalise(f) in text for f in group)]


def diagnose(case: EvalCase, trace: Trace, forbidden_found: list[str], cited: set[str]) -> str:
    """One line naming the stage that dropped the evidence, for a case that did not pass."""
    answer = trace.answer
    if forbidden_found:
        return f"served forbidden text: {', '.join(forbidden_found)}"
    if case.refuse:
        if trace.refused_by is None:
            return "checker: passed a claim for a question the articles do not answer"
        return "unknown"
    if trace.refused_by == "request":
        return "request filter: refused as a request for something other than facts"
    expected = set(case.sources)
    retrieved = " ".join(c.text for c in trace.retrieved if not expected or c.source in expected)
    shown = " ".join(s.text for s in trace.sources)
    if not holds_facts(case, retrieved):
        return f"retrieval: no retrieved chunk of {sorted(expected)} holds {missing_facts(case, retrieved)}"
    if not holds_facts(case, shown):
        return f"selection: retrieved, but the shown sentences lack {missing_facts(case, shown)}"
    if trace.refused_by == "relevance_gate":
        best = max((s.score for s in trace.sources), default=float("nan"))
        return f"relevance gate: refused before the model (best sentence score {best:.2f})"
    if not holds_facts(case, trace.model_output):
        said = "said NOT IN SOURCES" if "NOT IN SOURCES" in trace.model_output.upper() else "did not state"
        return f"model: {said} {missing_facts(case, trace.model_output)}"
    english = " ".join(v.text for v in trace.verdicts if v.supported)
    translated = not answer.refused and answer.language != "en"
    if translated and holds_facts(case, english) and not holds_facts(case, answer.answer):
        lacking = missing_facts(case, answer.answer)
        return (
            f"translation: the checked English answer held the facts; its {answer.language} translation lacks {lacking}"
        )
    if answer.refused or not holds_facts(case, answer.answer):
        dropped = [v.text for v in trace.verdicts if not v.supported]
        reason = "removed as unsupported" if dropped else "removed as off-question"
        return f"checker: the model's answer held the facts but they were {reason}"
    if expected and not expected & cited:
        return f"citation: none of {sorted(expected)} cited (cited {sorted(cited)})"
    if case.cite_all and not expected <= cited:
        return f"synthesis: {sorted(expected - cited)} not cited"
    return "citation: a quote differs from its file"
