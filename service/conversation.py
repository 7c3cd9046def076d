"""A chat transcript read as the question it ends with and the turns before it."""

from collections.abc import Sequence

from service.errors import InvalidInputError
from service.schemas import ChatMessage, Turn

MAX_HISTORY_TURNS = 20


def split_conversation(messages: Sequence[ChatMessage]) -> tuple[str, list[Turn]]:
    """The last user message and the user/assistant turns before it (system messages are not instructions the
    service takes: the articles and its own prompt decide what it says)."""
    turns = [Turn.model_validate(m.model_dump()) for m in messages if m.role != "system"]
    if not turns or turns[-1].role != "user":
        raise InvalidInputError("messages: the last one must be the user's question")
    return turns[-1].content, turns[:-1][-MAX_HISTORY_TURNS:]
