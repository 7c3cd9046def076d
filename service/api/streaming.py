"""An answer as Server-Sent Events, so that a reader sees text at once and never keeps a sentence the checker removed.

Events, in order:
- ``draft``: ``{"text": "..."}`` a piece of the model's reply as it is generated, unchecked (may be none);
- ``citation``: one per citation of the checked answer, the same object as in ``citations``;
- ``sentence``: one per sentence verdict, the same object as in ``sentences``;
- ``answer``: the whole checked answer, identical to the non-streamed response. A client shows the drafts as they
  come, then replaces all of them with this event's ``answer`` text: the draft is never the answer.
- ``error``: ``{"error": {"code", "message"}}`` instead of ``answer`` when answering failed.
"""

import asyncio
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable

from sse_starlette import EventSourceResponse, ServerSentEvent

from service.components.llm import GenerationStopped, TextSink
from service.errors import INTERNAL_ERROR_MESSAGE, CitewireError
from service.schemas import Answer, ErrorBody

logger = logging.getLogger(__name__)
DraftedRun = Callable[[TextSink], Answer]
Event = tuple[str, str]  # (event name, JSON data)


def stream_answer(run: DraftedRun, on_answer: Callable[[Answer], None]) -> EventSourceResponse:
    """Run ``run`` in a worker thread and stream what it produces; ``on_answer`` sees the checked answer."""
    return EventSourceResponse(answer_events(run, on_answer), ping=15, sep="\n")


async def answer_events(run: DraftedRun, on_answer: Callable[[Answer], None]) -> AsyncIterator[ServerSentEvent]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Event | None] = asyncio.Queue()
    gone = threading.Event()

    def put(event: Event | None) -> None:
        if not loop.is_closed():  # the server may have shut down while the model was still writing
            loop.call_soon_threadsafe(queue.put_nowait, event)

    def on_text(piece: str) -> None:
        if gone.is_set():
            raise GenerationStopped
        put(("draft", _json({"text": piece})))

    def work() -> None:
        try:
            answer = run(on_text)
            on_answer(answer)
            for event in answer_tail(answer):
                put(event)
        except GenerationStopped:
            pass
        except CitewireError as exc:
            put(("error", ErrorBody.of(exc.code, exc.message).model_dump_json()))
        except Exception:
            logger.exception("unexpected error while streaming an answer")
            put(("error", ErrorBody.of("internal_error", INTERNAL_ERROR_MESSAGE).model_dump_json()))
        finally:
            put(None)

    threading.Thread(target=work, name="citewire-answer", daemon=True).start()
    try:
        while (event := await queue.get()) is not None:
            yield ServerSentEvent(event=event[0], data=event[1])
    finally:  # the client went away, or the stream ended: either way, stop generating
        gone.set()


def answer_tail(answer: Answer) -> list[Event]:
    """The events after the draft: citations, sentence verdicts, then the whole answer."""
    events = [("citation", c.model_dump_json()) for c in answer.citations]
    events += [("sentence", s.model_dump_json()) for s in answer.sentences]
    return [*events, ("answer", answer.model_dump_json())]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
