"""A scripted chat model, registered with litellm as a real custom provider, for fast tests of one piece."""

import re
from collections.abc import Callable, Iterator
from typing import Any

from litellm.llms.custom_llm import CustomLLM
from litellm.types.utils import GenericStreamingChunk, ModelResponse

from service.components.llm import import_litellm

FAKE_PROVIDER = "citewire-fake"
Script = Callable[[str], str]


def numbered_sources(prompt: str) -> dict[int, str]:
    """The [n] source sentences as the engine showed them to the model."""
    return {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.*)$", prompt, flags=re.MULTILINE)}


def asked(prompt: str) -> str:
    match = re.search(r"^Question: (.*)$", prompt, flags=re.MULTILINE)
    assert match, "the prompt names the question"
    return match.group(1)


def best_source(prompt: str) -> int:
    """The number of the source sharing the most words with the question, as a diligent model would pick."""
    words = set(re.findall(r"\w+", asked(prompt).lower()))
    sources = numbered_sources(prompt)
    return max(sources, key=lambda n: len(words & set(re.findall(r"\w+", sources[n].lower()))))


def quote_best_source(prompt: str) -> str:
    number = best_source(prompt)
    return f"{numbered_sources(prompt)[number]} [{number}]"


def claim_citing(shown: str, claim: str) -> Script:
    """A model that writes ``claim`` and cites the source in which ``shown`` appears."""

    def script(prompt: str) -> str:
        number = next(n for n, text in numbered_sources(prompt).items() if shown in text)
        return f"{claim} [{number}]."

    return script


class ScriptedLLM(CustomLLM):
    def __init__(self, script: Script) -> None:
        super().__init__()
        self.script = script
        self.prompts: list[str] = []
        self.finish_reason = "stop"  # "length": the reply stopped at the token limit

    def completion(self, *args: Any, **kwargs: Any) -> ModelResponse:
        prompt = kwargs["messages"][-1]["content"]
        self.prompts.append(prompt)
        return ModelResponse(
            choices=[
                {"message": {"role": "assistant", "content": self.script(prompt)}, "finish_reason": self.finish_reason}
            ]
        )

    def streaming(self, *args: Any, **kwargs: Any) -> Iterator[GenericStreamingChunk]:
        """The scripted reply a word at a time, as a real model streams it."""
        prompt = kwargs["messages"][-1]["content"]
        self.prompts.append(prompt)
        pieces = re.findall(r"\S+\s*", self.script(prompt))
        for number, piece in enumerate(pieces, start=1):
            last = number == len(pieces)
            yield GenericStreamingChunk(
                text=piece,
                is_finished=last,
                finish_reason=self.finish_reason if last else "",
                usage=None,
                index=0,
                tool_use=None,
            )


def register_fake(script: Script) -> ScriptedLLM:
    litellm = import_litellm()
    handler = ScriptedLLM(script)
    others = [p for p in litellm.custom_provider_map if p.get("provider") != FAKE_PROVIDER]
    litellm.custom_provider_map = [*others, {"provider": FAKE_PROVIDER, "custom_handler": handler}]
    return handler
