"""A running citewire server, used by `citewire ask --url` and `citewire chat --url` exactly as the engine is used
in-process: the same ``answer()`` with the same streamed draft, the same ``list_sources()``, the same errors."""

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

import httpx

from service.components.llm import TextSink
from service.errors import CitewireError, ServiceUnreachableError, error_for
from service.schemas import Answer, SourceInfo, Turn

ANSWER_TIMEOUT_S = 600.0


class RemoteService:
    def __init__(self, url: str, client: httpx.Client | None = None) -> None:
        self.url = url.rstrip("/")
        self._client = client or httpx.Client(timeout=httpx.Timeout(ANSWER_TIMEOUT_S, connect=5.0))

    def answer(
        self, question: str, history: Sequence[Turn] = (), top_k: int | None = None, on_draft: TextSink | None = None
    ) -> Answer:
        """POST /v1/ask as Server-Sent Events: drafts go to ``on_draft``, the checked answer is returned."""
        payload = {"question": question, "history": [t.model_dump() for t in history], "top_k": top_k, "stream": True}
        try:
            with self._client.stream("POST", f"{self.url}/v1/ask", json=payload) as response:
                if response.status_code != 200:
                    response.read()
                    raise _reported(response)
                for name, data in read_events(response.iter_lines()):
                    if name == "draft" and on_draft is not None:
                        on_draft(json.loads(data)["text"])
                    elif name == "answer":
                        return Answer.model_validate_json(data)
                    elif name == "error":
                        error = json.loads(data)["error"]
                        raise error_for(503, error["code"], error["message"])
        except httpx.HTTPError as exc:
            raise ServiceUnreachableError(f"cannot reach citewire at {self.url}: {exc}") from exc
        raise CitewireError(f"the server at {self.url} ended the answer without sending it")

    def list_sources(self) -> list[SourceInfo]:
        try:
            response = self._client.get(f"{self.url}/v1/sources")
        except httpx.HTTPError as exc:
            raise ServiceUnreachableError(f"cannot reach citewire at {self.url}: {exc}") from exc
        if response.status_code != 200:
            raise _reported(response)
        return [SourceInfo.model_validate(item) for item in response.json()]


def _reported(response: httpx.Response) -> CitewireError:
    try:
        error = response.json()["error"]
        return error_for(response.status_code, str(error["code"]), str(error["message"]))
    except (ValueError, KeyError, TypeError):
        return CitewireError(f"the server answered HTTP {response.status_code}: {response.text[:200]}")


def read_events(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(event, data) pairs from a Server-Sent Events body; comments (keep-alive pings) are skipped."""
    name, data = "message", list[str]()
    for line in chain(lines, [""]):  # lazily: each event is handed on as it arrives
        if not line:
            if data:
                yield name, "\n".join(data)
            name, data = "message", []
        elif not line.startswith(":"):
            field, _, value = line.partition(":")
            if field == "event":
                name = value.removeprefix(" ")
            elif field == "data":
                data.append(value.removeprefix(" "))
