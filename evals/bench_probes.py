"""What the benchmark measures around the pipelines: each model call (prompt tokens, first text, duration) and the
process's peak memory, the same way for citewire and for the plain llama-index baseline."""

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

from service.components.llm import LLMClient, LLMReply, Message, TextSink, register_local_provider
from service.settings import LOCAL_PROVIDER, Settings


@dataclass
class ModelCall:
    started: float
    first_text: float | None = None
    finished: float = 0.0
    prompt_tokens: int | None = None


class RecordingLLMClient(LLMClient):
    """The real client (litellm, the same model) that records every call. Always streams, so that the time to the
    first generated text is known; prompt tokens are counted with the bundled model's own tokenizer."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.calls: list[ModelCall] = []

    def complete(
        self, messages: list[Message], stop: list[str] | None = None, on_text: TextSink | None = None
    ) -> LLMReply:
        call = ModelCall(started=time.perf_counter(), prompt_tokens=self._count_tokens(messages))
        self.calls.append(call)

        def sink(piece: str) -> None:
            if call.first_text is None:
                call.first_text = time.perf_counter()
            if on_text is not None:
                on_text(piece)

        try:
            return super().complete(messages, stop, on_text=sink)
        finally:
            call.finished = time.perf_counter()

    def _count_tokens(self, messages: list[Message]) -> int | None:
        """The messages' text in the model's tokens (the chat template's few tokens per message left out)."""
        if not self.model.startswith(f"{LOCAL_PROVIDER}/"):
            return None
        llama = register_local_provider(self._settings).load(self.model.removeprefix(f"{LOCAL_PROVIDER}/"))
        return sum(len(llama.tokenize(m["content"].encode(), add_bos=False, special=True)) for m in messages)


class PeakMemory:
    """The process's peak resident memory over a stretch of work (Linux: VmHWM, reset through clear_refs)."""

    def __enter__(self) -> "PeakMemory":
        with contextlib.suppress(OSError):  # if refused, the peak covers the whole process so far
            Path("/proc/self/clear_refs").write_text("5")
        self.peak_mib = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.peak_mib = process_memory_mib("VmHWM")


def process_memory_mib(key: str, pid: int | str = "self") -> float:
    """A memory figure of a process from /proc (VmRSS: resident now; VmHWM: peak resident), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    return 0.0
