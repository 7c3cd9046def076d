"""How an answer reads on a terminal: the text, then each citation with its file, offsets and quote."""

from rich.console import Console
from rich.markup import escape

from service.schemas import Answer


def render_answer(console: Console, answer: Answer) -> None:
    style = "yellow" if answer.refused else "bold"
    console.print(f"[{style}]{escape(answer.answer)}[/]", highlight=False)
    for citation in answer.citations:
        console.print(
            f"  [cyan][{citation.id}][/] {escape(citation.source)}:{citation.start}-{citation.end}"
            f" ({escape(citation.title)}, {citation.published})",
            highlight=False,
        )
        console.print(f"      “{escape(citation.quote)}”", style="dim", highlight=False)
