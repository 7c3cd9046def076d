"""A scripted chat model, registered with litellm as a real custom provider, for fast tests of one piece."""

import re
from collections.abc import Callable
from typing import Any

from litellm import CustomLLM, ModelResponse

from service.components.llm import import_litellm

FAKE_PROVIDER = "citewire-fake"
Script = Callable[[str], str]


def numbered_sources(prompt: str) -> dict[int, str]:
    """The [n] source sentences as the engine showed them to the model."""
    return {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.*)$", prompt, flags=re.MULTILINE)}


def quote_first_source(prompt: str) -> str:
    sources = numbered_sources(prompt)
    return f"{sources[1]} [1]"


class ScriptedLLM(CustomLLM):  # type: ignore[misc]
    def __init__(self, script: Script) -> None:
        super().__init__()
        self.script = script
        self.prompts: list[str] = []

    def completion(self, *args: Any, **kwargs: Any) -> ModelResponse:
        prompt = kwargs["messages"][-1]["content"]
        self.prompts.append(prompt)
        return ModelResponse(
            choices=[{"message": {"role": "assistant", "content": self.script(prompt)}, "finish_reason": "stop"}]
        )


def register_fake(script: Script) -> ScriptedLLM:
    litellm = import_litellm()
    handler = ScriptedLLM(script)
    others = [p for p in litellm.custom_provider_map if p.get("provider") != FAKE_PROVIDER]
    litellm.custom_provider_map = [*others, {"provider": FAKE_PROVIDER, "custom_handler": handler}]
    return handler
