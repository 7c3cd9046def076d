"""The `citewire` command line: ingest, ask, chat, serve and eval, all on the same engine as the HTTP API."""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from service.chat import ChatSession, answer_live, open_service
from service.errors import CitewireError, InvalidInputError
from service.render import render_answer
from service.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
T = TypeVar("T")


def _run(action: Callable[[], T]) -> T:
    """Run a command; a citewire error prints its message, never a traceback."""
    try:
        return action()
    except CitewireError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc.message}", highlight=False)
        raise typer.Exit(2 if isinstance(exc, InvalidInputError) else 1) from None


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Article files or folders (default: seeds/).")] = None,
) -> None:
    """Clean, chunk, embed and index articles. Unchanged files are skipped; removed files leave the index."""
    from service.wiring import build_ingestor

    settings = Settings()
    console = Console(stderr=True)

    def work() -> str:
        ingestor = build_ingestor(settings)
        targets = paths or [settings.articles_dir]
        if not console.is_terminal:
            return ingestor.run(targets).line()
        with Progress(*Progress.get_default_columns(), TextColumn("{task.fields[name]}"), console=console) as bar:
            task = bar.add_task("ingesting", total=None, name="")

            def advance(done: int, total: int, name: str) -> None:
                bar.update(task, completed=done, total=total, name=name)

            summary = ingestor.run(targets, progress=advance)
            bar.update(task, completed=summary.files, total=summary.files, name="")
        return summary.line()

    print(_run(work))


URL_OPTION = typer.Option("--url", help="Ask a running citewire server (e.g. http://127.0.0.1:8000) instead.")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question about the ingested articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    top_k: Annotated[int | None, typer.Option(min=1, max=30, help="Source sentences shown to the model.")] = None,
    url: Annotated[str | None, URL_OPTION] = None,
) -> None:
    """Answer one question, with citations."""
    console = Console()
    service = _run(lambda: open_service(url))
    if as_json:
        print(_run(lambda: service.answer(question, top_k=top_k)).model_dump_json(indent=2))
    else:
        render_answer(console, _run(lambda: answer_live(console, service, question, [], top_k)))


@app.command()
def chat(url: Annotated[str | None, URL_OPTION] = None) -> None:
    """Talk with the articles: each question can follow up on the ones before. /help lists the commands."""
    service = _run(lambda: open_service(url))
    ChatSession(Console(), service).run()


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port (default 8000).")] = None,
) -> None:
    """Serve the HTTP API."""
    import uvicorn

    from service.api.app import create_app

    settings = Settings()
    logging.getLogger("citewire.requests").setLevel(logging.INFO)  # one JSON line per request, in place of uvicorn's
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, access_log=False)


@app.command("eval")
def run_eval(
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="Eval set to run: dev, dev2, test, holdout, holdout2 (repeatable; default all)."),
    ] = None,
    report_dir: Annotated[Path, typer.Option(help="Where the JSON and Markdown reports go.")] = Path("evals/reports"),
    limit: Annotated[int | None, typer.Option(min=1, help="Run only the first N cases.")] = None,
    gate: Annotated[bool, typer.Option(help="Exit non-zero when a metric misses its threshold.")] = True,
    judge: Annotated[
        str | None, typer.Option(help="Also score faithfulness with this litellm model as judge (never gates).")
    ] = None,
) -> None:
    """Run the eval sets on the real pipeline; exits non-zero when a metric falls below its threshold."""
    from evals.runner import run_suite

    chosen = _eval_sets(sets)
    failures = _run(lambda: run_suite(Settings(), chosen, report_dir, limit, judge))
    if failures and gate:
        for failure in failures:
            Console(stderr=True).print(f"[bold red]gate:[/] {failure}", highlight=False)
        raise typer.Exit(1)


@app.command()
def replay(
    reports: Annotated[Path, typer.Argument(help="The folder of the eval reports whose model replies are replayed.")],
    sets: Annotated[
        list[str] | None, typer.Option("--set", help="Eval set to replay (repeatable; default all).")
    ] = None,
) -> None:
    """Answer each eval case again with the model reply its report recorded, not the model: a change to the checker
    or to how answers are composed, measured on every set in minutes (no reports written, no gate)."""
    from evals.replay import replay_suite

    chosen = _eval_sets(sets)
    for result in _run(lambda: replay_suite(Settings(), chosen, reports)):
        for case in result.changed:
            mark = {(True, False): "LOST", (False, True): "GAINED"}.get((case.passed_before, case.passed), "changed")
            print(f"  {mark} {case.id}\n    before: {case.answer_before[:160]}\n    now:    {case.answer[:160]}")
        print(result.line(), flush=True)


def _eval_sets(sets: list[str] | None) -> list[str]:
    """The eval sets named (all when none are), or exit naming the unknown ones."""
    from evals.sets import EVAL_SETS

    chosen = sets or list(EVAL_SETS)
    unknown = sorted(set(chosen) - set(EVAL_SETS))
    if unknown:
        Console(stderr=True).print(f"[bold red]error:[/] unknown eval set {unknown}; known: {sorted(EVAL_SETS)}")
        raise typer.Exit(2)
    return chosen


@app.command()
def bench(
    eval_set: Annotated[str, typer.Option("--set", help="The eval set whose corpus and questions are used.")] = "dev",
    limit: Annotated[
        int | None, typer.Option(min=0, help="Questions, spread over the set (default 16; 0 for all).")
    ] = 16,
    out: Annotated[Path, typer.Option(help="Where bench.json, bench.md and bench.png go.")] = Path("evals/reports"),
    scale: Annotated[
        str | None,
        typer.Option(help="Instead: how the index grows, at these chunk counts (e.g. 1000,10000,100000)."),
    ] = None,
) -> None:
    """citewire against a plain llama-index pipeline, same machine, same embedder and model, in one run."""
    from rich.table import Table

    if scale is not None:
        _bench_scale(scale, out)
        return

    from evals.bench import run_bench
    from evals.bench_report import table_rows, write_bench
    from evals.sets import EVAL_SETS

    if eval_set not in EVAL_SETS:
        Console(stderr=True).print(f"[bold red]error:[/] unknown eval set {eval_set!r}; known: {sorted(EVAL_SETS)}")
        raise typer.Exit(2)
    result = _with_steps(lambda step: run_bench(Settings(), eval_set, limit or None, step))
    table = Table(title=f"{result['cases']} {eval_set} questions, {result['model']}")
    for column in ("measure", "citewire", "plain llama-index"):
        table.add_column(column)
    for row in table_rows(result):
        table.add_row(*row)
    Console().print(table)
    Console().print("ratios (citewire / plain):", result["ratios"])
    for path in write_bench(result, out):
        Console().print(f"wrote {path}")


def _bench_scale(sizes_text: str, out: Path) -> None:
    import tempfile

    from evals.bench_scale import run_scale, scale_markdown, write_scale

    try:
        sizes = [int(part) for part in sizes_text.split(",") if part.strip()]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        Console(stderr=True).print(
            f"[bold red]error:[/] --scale takes chunk counts like 1000,10000; not {sizes_text!r}"
        )
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="citewire-scale-") as folder:
        settings = Settings(data_dir=Path(folder), chroma_url=None)
        scaled = _with_steps(lambda step: run_scale(settings, sizes, step))
    Console().print(scale_markdown(scaled))
    for path in write_scale(scaled, out):
        Console().print(f"wrote {path}")


def _with_steps(work: Callable[[Callable[[str], None]], T]) -> T:
    """Run ``work`` under a spinner showing the step it names; a citewire error prints its message."""
    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console) as bar:
        task = bar.add_task("starting")
        return _run(lambda: work(lambda text: bar.update(task, description=text)))
