"""The terminal chat, in-process or against a running server: the model's draft streams in dim text and is then
replaced by the checked answer with its footnotes; follow-ups use the conversation; Ctrl-C stops an answer."""

import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.text import Text

from service.components.llm import TextSink
from service.errors import CitewireError
from service.render import render_answer
from service.schemas import Answer, SourceInfo, Turn

if TYPE_CHECKING:
    from service.catalog import SourceCatalog
    from service.engine.engine import Engine

HELP = """\
  /sources  list the ingested articles
  /new      forget the conversation and start a new one
  /help     this list
  /quit     leave (Ctrl-D does too)
  Ctrl-C stops an answer that is being written; up-arrow recalls earlier questions."""


class QuestionService(Protocol):
    """What the chat needs: the engine's ``answer()`` and the article list, in-process or over HTTP."""

    def answer(
        self, question: str, history: Sequence[Turn] = (), top_k: int | None = None, on_draft: TextSink | None = None
    ) -> Answer: ...

    def list_sources(self) -> list[SourceInfo]: ...


class LocalService:
    """The engine and the catalog in this process."""

    def __init__(self, engine: "Engine", catalog: "SourceCatalog") -> None:
        self._engine = engine
        self._catalog = catalog

    def answer(
        self, question: str, history: Sequence[Turn] = (), top_k: int | None = None, on_draft: TextSink | None = None
    ) -> Answer:
        return self._engine.answer(question, history, top_k, on_draft)

    def list_sources(self) -> list[SourceInfo]:
        return self._catalog.list_sources()


def open_service(url: str | None) -> QuestionService:
    """The running server at ``url``, or the engine and catalog built here from the settings."""
    if url:
        from service.remote import RemoteService

        return RemoteService(url)
    from service.settings import Settings
    from service.wiring import build_local_service

    return build_local_service(Settings())


def answer_live(
    console: Console, service: QuestionService, question: str, history: Sequence[Turn], top_k: int | None = None
) -> Answer:
    """The answer, with its draft shown while it is generated (on a terminal) and cleared when it is done."""
    if not console.is_terminal or console.is_dumb_terminal:
        return service.answer(question, history, top_k)
    draft = Text(style="dim")

    def show(piece: str) -> None:
        draft.append(piece)

    with Live(draft, console=console, transient=True, refresh_per_second=10):
        return service.answer(question, history, top_k, on_draft=show)


class ChatSession:
    def __init__(self, console: Console, service: QuestionService) -> None:
        self._console = console
        self._service = service
        self._history: list[Turn] = []

    def run(self, read_line: Callable[[], str] | None = None) -> None:
        read = read_line or line_reader()
        if threading.current_thread() is threading.main_thread():
            # Ctrl-C stops an answer even when whatever started us ignores SIGINT (a background job of a
            # non-interactive shell does, and the ignoring is inherited).
            signal.signal(signal.SIGINT, signal.default_int_handler)
        self._console.print("Ask about the articles. /help lists the commands.", highlight=False)
        while True:
            try:
                line = read().strip()
            except EOFError:
                break
            except KeyboardInterrupt:  # at the prompt, Ctrl-C clears the line
                continue
            if line.startswith("/"):
                if not self._command(line):
                    break
            elif line:
                self._ask(line)

    def _command(self, line: str) -> bool:
        """Carry out a /command; False to leave."""
        name = line.split(maxsplit=1)[0].lower()
        if name in ("/quit", "/exit"):
            return False
        if name == "/new":
            self._history.clear()
            self._console.print("(new conversation)", highlight=False)
        elif name == "/help":
            self._console.print(HELP, highlight=False, markup=False)
        elif name == "/sources":
            self._show_sources()
        else:
            self._console.print(f"unknown command {escape(name)}; /help lists them", highlight=False)
        return True

    def _show_sources(self) -> None:
        try:
            sources = self._service.list_sources()
        except CitewireError as exc:
            self._console.print(f"[bold red]error:[/] {escape(exc.message)}", highlight=False)
            return
        for info in sources:
            self._console.print(
                f"  {escape(info.source)}  {info.published}  {escape(info.title)} ({escape(info.publisher)})",
                highlight=False,
            )
        self._console.print(f"({len(sources)} articles)", highlight=False)

    def _ask(self, question: str) -> None:
        try:
            answer = answer_live(self._console, self._service, question, self._history)
        except KeyboardInterrupt:
            self._console.print("(stopped)", highlight=False)
            return
        except CitewireError as exc:
            self._console.print(f"[bold red]error:[/] {escape(exc.message)}", highlight=False)
            return
        render_answer(self._console, answer)
        self._history += [Turn(role="user", content=question), Turn(role="assistant", content=answer.answer)]


def line_reader() -> Callable[[], str]:
    """Line editing and history (up-arrow) on a terminal; plain reads from a pipe."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession

        session: PromptSession[str] = PromptSession()
        return lambda: session.prompt("you> ")

    def read() -> str:
        print("you> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line

    return read
