"""Every LLM call goes through litellm. The bundled GGUF models are a litellm custom provider, so a user
switches to OpenAI, Anthropic, Ollama or a llama.cpp server by changing ``CITEWIRE_LLM_MODEL`` alone."""

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from service.components.gguf import assemble_gguf
from service.errors import LLMCallError, ModelUnavailableError
from service.settings import LOCAL_PROVIDER, Settings

if TYPE_CHECKING:
    from llama_cpp import Llama

Message = dict[str, str]
TextSink = Callable[[str], None]


class GenerationStopped(Exception):  # noqa: N818 - a signal, not a failure
    """Raised by a text sink to stop the model mid-reply (the reader has gone); passes through ``complete``."""


@dataclass(frozen=True)
class LLMReply:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    cut_off: bool = False  # the model stopped at the token limit, mid-sentence as likely as not


def import_litellm() -> Any:
    """Import litellm without the network fetch of its price list it would otherwise make."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    litellm.telemetry = False
    return litellm


def _build_local_provider_class() -> type:
    import_litellm()
    from litellm.llms.custom_llm import CustomLLM
    from litellm.types.utils import GenericStreamingChunk, ModelResponse

    class LocalGGUFProvider(CustomLLM):
        """Runs a bundled GGUF in this process with llama-cpp; one call at a time (2 cores cannot share)."""

        def __init__(self, cache_dir: Path, threads: int, context: int = 4096) -> None:
            super().__init__()
            self._cache_dir = cache_dir
            self._threads = threads
            self._context = context
            self._models: dict[str, Llama] = {}
            self._lock = threading.Lock()

        def load(self, name: str) -> "Llama":
            with self._lock:
                if name not in self._models:
                    from llama_cpp import Llama

                    path = assemble_gguf(name, self._cache_dir)
                    self._models[name] = Llama(
                        model_path=str(path),
                        n_ctx=self._context,
                        n_threads=self._threads,
                        n_batch=512,
                        verbose=False,
                    )
                return self._models[name]

        def completion(self, *args: Any, **kwargs: Any) -> ModelResponse:
            llama, options = self._prepare(kwargs)
            with self._lock:
                result = llama.create_chat_completion(**options)
            return ModelResponse(**cast(dict[str, Any], result))

        def streaming(self, *args: Any, **kwargs: Any) -> Iterator[GenericStreamingChunk]:
            """The reply token by token; the model stays locked until the stream ends or is closed."""
            llama, options = self._prepare(kwargs)
            with self._lock:
                text: list[str] = []
                for chunk in llama.create_chat_completion(**options, stream=True):
                    choice = cast(dict[str, Any], chunk)["choices"][0]
                    finish = choice.get("finish_reason")
                    text.append(choice["delta"].get("content") or "")
                    yield GenericStreamingChunk(
                        text=text[-1],
                        is_finished=finish is not None,
                        finish_reason=finish or "",
                        usage=_streamed_usage(llama, "".join(text)) if finish is not None else None,
                        index=0,
                        tool_use=None,
                    )

        def _prepare(self, kwargs: dict[str, Any]) -> tuple["Llama", dict[str, Any]]:
            model = str(kwargs["model"]).removeprefix(f"{LOCAL_PROVIDER}/")
            params = kwargs.get("optional_params") or {}
            options = {
                "messages": kwargs["messages"],
                "temperature": float(params.get("temperature", 0.0)),
                "max_tokens": int(params.get("max_tokens", 256)),
                "stop": params.get("stop"),
                "repeat_penalty": 1.1,
                "seed": 0,
            }
            return self.load(model), options

    return LocalGGUFProvider


def _streamed_usage(llama: "Llama", reply: str) -> Any:  # litellm's ChatCompletionUsageBlock
    """llama.cpp reports no usage when streaming: the reply's tokens, and the prompt's as what else the context
    holds (the reply's last token is sampled, never evaluated, hence the one)."""
    completion = len(llama.tokenize(reply.encode(), add_bos=False, special=True)) if reply else 0
    prompt = max(0, llama.n_tokens - max(0, completion - 1))
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


_REGISTERED: dict[str, Any] = {}
MAIN, FALLBACK = "main", "fallback"  # the router's names for the configured model and its fallback


def register_local_provider(settings: Settings) -> Any:
    """Register the bundled-model provider with litellm once per process; returns the handler."""
    litellm = import_litellm()
    if LOCAL_PROVIDER not in _REGISTERED:
        handler = _build_local_provider_class()(settings.model_cache_dir, settings.llm_threads)
        _REGISTERED[LOCAL_PROVIDER] = handler
        providers = [p for p in litellm.custom_provider_map if p.get("provider") != LOCAL_PROVIDER]
        litellm.custom_provider_map = [*providers, {"provider": LOCAL_PROVIDER, "custom_handler": handler}]
    return _REGISTERED[LOCAL_PROVIDER]


class LLMClient:
    """Chat completions for whatever model the settings name, through litellm's router: it retries a failed or
    timed-out call (``llm_retries`` times, no more), then tries the fallback model when one is configured."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.model = settings.llm_model
        for model in (self.model, settings.llm_fallback_model or ""):
            if model.startswith(f"{LOCAL_PROVIDER}/"):
                register_local_provider(settings)
        self._router = _build_router(settings)

    def warm_up(self) -> None:
        """Load a bundled model now rather than on the first question."""
        if self.model.startswith(f"{LOCAL_PROVIDER}/"):
            register_local_provider(self._settings).load(self.model.removeprefix(f"{LOCAL_PROVIDER}/"))

    def complete(
        self, messages: list[Message], stop: list[str] | None = None, on_text: TextSink | None = None
    ) -> LLMReply:
        """The model's reply; with ``on_text``, streamed: each piece of text is handed to it as it is generated."""
        options: dict[str, Any] = {
            "messages": messages,
            "temperature": 0.0,
            "max_tokens": self._settings.llm_max_tokens,
            "stop": stop,
            "stream": on_text is not None,
        }
        if on_text is not None:
            options["stream_options"] = {"include_usage": True}  # a remote model's last chunk then counts tokens
        try:
            response = self._router.completion(model=MAIN, **options)
            if on_text is not None:
                return _drain(response, on_text, self.model)
        except (ModelUnavailableError, GenerationStopped):
            raise
        except Exception as exc:
            raise LLMCallError(f"the language model {self.model!r} failed: {_first_line(exc)}") from exc
        choice = response.choices[0]
        return _reply(choice.message.content or "", self.model, getattr(response, "usage", None), choice.finish_reason)


def _build_router(settings: Settings) -> Any:
    router_class = import_litellm().Router

    def deployment(name: str, model: str, api_base: str | None, api_key: str | None) -> dict[str, Any]:
        params = {"model": model, "api_base": api_base, "api_key": api_key, "timeout": settings.llm_timeout_s}
        params["max_retries"] = 0  # the OpenAI SDK's own retries would multiply the router's
        return {"model_name": name, "litellm_params": {k: v for k, v in params.items() if v is not None}}

    deployments = [deployment(MAIN, settings.llm_model, settings.llm_api_base, settings.llm_api_key)]
    if settings.llm_fallback_model:
        deployments.append(
            deployment(
                FALLBACK, settings.llm_fallback_model, settings.llm_fallback_api_base, settings.llm_fallback_api_key
            )
        )
    return router_class(
        model_list=deployments,
        fallbacks=[{MAIN: [FALLBACK]}] if settings.llm_fallback_model else [],
        num_retries=settings.llm_retries,
        timeout=settings.llm_timeout_s,
        disable_cooldowns=True,  # one deployment each: a cooldown would only refuse calls once the model is back
    )


def _first_line(exc: Exception) -> str:
    """litellm's messages run to pages of hints; the first line says what happened."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def _drain(stream: Any, on_text: TextSink, model: str) -> LLMReply:
    parts: list[str] = []
    usage: Any = None
    finish: str | None = None
    try:
        for chunk in stream:
            piece = chunk.choices[0].delta.content if chunk.choices else None
            finish = (chunk.choices[0].finish_reason if chunk.choices else None) or finish
            usage = getattr(chunk, "usage", None) or usage
            if piece:
                parts.append(piece)
                on_text(piece)
    finally:  # stopped early: close the provider's stream now, which frees the model for the next question
        inner = getattr(stream, "completion_stream", None)
        if inner is not None and hasattr(inner, "close"):
            inner.close()
    return _reply("".join(parts), model, usage, finish)


def _reply(text: str, model: str, usage: Any, finish: str | None) -> LLMReply:
    return LLMReply(
        text=text,
        model=model,
        prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
        completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        cut_off=finish == "length",
    )
