"""A real OpenAI-compatible chat server for fault tests: served over HTTP on loopback, it answers like a diligent
model (quoting the source that best matches the question), or is made slow, broken or garbled by the test."""

import asyncio
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import FastAPI, Request, Response
from fastapi.responses import StreamingResponse

from tests.fakes import quote_best_source

Mode = Literal["ok", "slow", "error", "garbage"]


@dataclass
class Behaviour:
    mode: Mode = "ok"
    delay_s: float = 5.0
    calls: list[str] = field(default_factory=list)  # the model named by each request, in order


def build_openai_server(behaviour: Behaviour) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> Response:
        body: dict[str, Any] = await request.json()
        behaviour.calls.append(str(body.get("model")))
        if behaviour.mode == "slow":
            await asyncio.sleep(behaviour.delay_s)  # holds the connection as a stuck model server does
        if behaviour.mode == "error":
            return Response('{"error": {"message": "model crashed"}}', status_code=500, media_type="application/json")
        if behaviour.mode == "garbage":
            return Response("<html>502 bad gateway</html>", status_code=200, media_type="application/json")
        text = quote_best_source(body["messages"][-1]["content"])
        if body.get("stream"):
            return StreamingResponse(_events(str(body["model"]), text), media_type="text/event-stream")
        return Response(json.dumps(_completion(str(body["model"]), text)), media_type="application/json")

    return app


def _completion(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


def _events(model: str, text: str) -> Iterator[str]:
    for piece in text.split(" "):
        chunk = {
            "id": "chatcmpl-test",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": {"content": piece + " "}, "finish_reason": None}],
        }
        yield f"data: {json.dumps(chunk)}\n\n"
    yield "data: [DONE]\n\n"
