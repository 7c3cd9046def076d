"""An optional LLM-as-judge faithfulness score through litellm. Reported beside the deterministic metrics;
never part of the gate (a judge's verdicts drift between runs and models)."""

from service.components.llm import LLMClient
from service.engine.prompts import load_prompt
from service.schemas import Answer
from service.settings import Settings


class FaithfulnessJudge:
    def __init__(self, settings: Settings, model: str) -> None:
        self._llm = LLMClient(settings.model_copy(update={"llm_model": model, "llm_max_tokens": 16}))
        self._prompt = load_prompt("judge.txt", {"quotes", "answer"})
        self.model = model

    def run(self, answer: Answer) -> bool | None:
        """True when the judge says the answer is supported by its quotes; None for a refusal (nothing to judge)."""
        if answer.refused:
            return None
        quotes = "\n".join(f"[{c.id}] {c.quote}" for c in answer.citations)
        reply = self._llm.complete(
            [{"role": "user", "content": self._prompt.render(quotes=quotes, answer=answer.answer)}]
        )
        return reply.text.strip().upper().startswith("YES")
