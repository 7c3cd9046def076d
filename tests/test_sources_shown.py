"""What the model is shown: each article that answers gets a place, articles come oldest first with their dates,
and a question about the latest state favours the newest article. Real Chroma, embeddings and reranker; the
model is a scripted stand-in that records its prompt."""

import re
from pathlib import Path

import pytest

from service.engine.engine import Engine
from service.settings import Settings
from service.wiring import build_engine, build_ingestor
from tests.conftest import make_settings
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, quote_best_source, register_fake

pytestmark = pytest.mark.integration

ARTICLES = {
    "a_2019.txt": (
        "Orlen Bridge plan approved\n\nMarch 3, 2019\n\n"
        "The council of Tessaly approved the Orlen Bridge on Monday at an expected cost of 80 million crowns.\n"
        "Engineers said the bridge would carry 20,000 vehicles a day when it opens.\n"
    ),
    "b_2021.txt": (
        "Orlen Bridge costs rise\n\nMay 9, 2021\n\n"
        "The expected cost of the Orlen Bridge rose to 95 million crowns after steel prices climbed.\n"
        "The council said it would not cut the number of lanes.\n"
    ),
    "c_2024.txt": (
        "Orlen Bridge opens to traffic\n\nJune 30, 2024\n\n"
        "The Orlen Bridge opened on Saturday, and its final cost was 112 million crowns, the council said.\n"
        "Crowds walked across the bridge before the first cars were allowed on it.\n"
    ),
    "e_ferry_line.txt": (
        "Harbour news\n\n"
        "Brant Line, which ran ferries across the Tessaly strait for 30 years, stopped sailing on Monday.\n"
        "Brant Line's 120 crew members were told by letter that their jobs had gone.\n"
        "The last Brant Line boat left Orlen harbour on Sunday evening with 40 passengers on board.\n"
        "Traders on the harbour front said they would miss the summer visitors.\n"
        "The harbour master said the empty berths would be offered to fishing boats.\n"
        "Owner Ida Sorn blamed the new bridge, which she said had taken half of the passengers.\n"
    ),
    "f_mill.txt": (
        "TESSALY HERALD\n\nKorva paper mill shuts after ninety years\n\n"
        "The Korva paper mill, which made newsprint on the Orlen river for ninety years, closed on Friday.\n"
        "Its 200 workers were told by letter that the machines had stopped for good.\n"
        "Receivers from Brandt & Ode said they would look for a buyer within a month.\n"
        "The town's mayor said the closing was a hard day for every family in the valley.\n"
    ),
    "d_undated.txt": (
        "Ferry crews worry about the bridge\n\n"
        "Ferry crews in Tessaly said the Orlen Bridge would cost them their jobs once it carries cars.\n"
    ),
}


@pytest.fixture(scope="module")
def engine_and_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, ScriptedLLM]:
    return engine_over(tmp_path_factory.mktemp("bridge"), ARTICLES)


def engine_over(root: Path, articles: dict[str, str]) -> tuple[Engine, ScriptedLLM]:
    """An engine over ``articles`` (file name → text), ingested under ``root``, and the scripted model it asks."""
    folder = root / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = make_settings(root / "data", llm_model=f"{FAKE_PROVIDER}/recorder")
    build_ingestor(settings).run([folder])
    fake = register_fake(quote_best_source)  # before the engine: its model router reads the providers once
    return build_engine(settings), fake


def shown_articles(prompt: str) -> list[tuple[str, str]]:
    """(title, published) of each article header in the prompt, in order."""
    return re.findall(r'^Article "(.*)" \(publisher: .*; published: (.*)\)$', prompt, flags=re.MULTILINE)


def test_a_question_about_change_shows_every_article_that_answers_oldest_first(
    engine_and_model: tuple[Engine, ScriptedLLM],
) -> None:
    engine, model = engine_and_model
    engine.answer("How did the cost of the Orlen Bridge change over time?")
    prompt = model.prompts[-1]
    dates = [published for _, published in shown_articles(prompt)]
    assert {"2019-03-03", "2021-05-09", "2024-06-30"} <= set(dates)
    dated = [d for d in dates if d != "date unknown"]
    assert dates == sorted(dated) + ["date unknown"] * dates.count("date unknown")
    for figure in ("80 million", "95 million", "112 million"):
        assert figure in prompt


def test_an_undated_article_says_so(engine_and_model: tuple[Engine, ScriptedLLM]) -> None:
    engine, model = engine_and_model
    engine.answer("What do ferry crews in Tessaly fear about the Orlen Bridge?")
    prompt = model.prompts[-1]
    header = prompt[: prompt.index("] Ferry crews in Tessaly said")].rsplit("\nArticle ", 1)[1]
    assert header.splitlines()[0].endswith("published: date unknown)")


def test_a_why_question_is_shown_the_sentence_giving_the_cause(engine_and_model: tuple[Engine, ScriptedLLM]) -> None:
    """The cross-encoder reads a cause that does not name what it explains as no answer; it is shown all the same."""
    engine, model = engine_and_model
    engine.answer("Why did Brant Line stop sailing?", top_k=2)
    assert "Owner Ida Sorn blamed the new bridge" in model.prompts[-1]


def test_a_sentence_of_an_undated_page_is_read_under_the_line_opening_its_story(
    engine_and_model: tuple[Engine, ScriptedLLM],
) -> None:
    """ "Receivers from Brandt & Ode said…" does not name the mill: read alone, the cross-encoder rates it as no answer
    (about -9.5); read under its headline too, as one that clears the relevance gate."""
    engine, _ = engine_and_model
    trace = engine.run("Who are the receivers of the Korva paper mill?")
    (receivers,) = [s for s in trace.sources if s.text.startswith("Receivers from Brandt & Ode")]
    assert receivers.score >= Settings().min_relevance


def test_the_latest_figure_is_the_best_ranked_source(engine_and_model: tuple[Engine, ScriptedLLM]) -> None:
    engine, _ = engine_and_model
    trace = engine.run("What is the most recent cost figure for the Orlen Bridge?")
    assert trace.sources[0].source == "c_2024.txt"


DOCK_ARTICLES = {
    "g_dock_strike.txt": (
        "Brenna dock workers strike over pay\n\nFebruary 2, 2025\n\n"
        "About 900 dock workers walked off the job at the port of Brenna on Monday.\n"
        "The Brenna Dockers' Union is demanding a pay rise of 8 percent.\n"
        "The port authority has offered 3.1 percent.\n"
        "The union said the strike would last a week and that more walkouts would follow in April if no better offer"
        " was made.\n"
        "Ships waiting to unload were anchored outside the harbour.\n"
    ),
    "h_dock_deal.txt": (
        "Brenna dockers accept deal\n\nApril 25, 2025\n\n"
        "Dock workers at Brenna have voted to accept a pay rise of 5.5 percent, ending a dispute that saw two strikes"
        " since February.\n"
        "The second strike, in early April, lasted two days.\n"
        "The regional government, which had stayed out of the dispute in February, sent a mediator in April.\n"
        "The port authority said it would delay buying two new cranes to pay for the rise.\n"
    ),
}


def test_a_question_about_a_change_between_two_times_is_shown_each_articles_step(tmp_path: Path) -> None:
    """Asked how the pay offer changed between February and April, the cross-encoder rates the sentences that name
    those months over the ones giving the offers ("The port authority has offered 3.1 percent"); each article chosen
    still shows its sentence about the offer itself."""
    engine, _ = engine_over(tmp_path, DOCK_ARTICLES)
    trace = engine.run("How did the pay offer change between February and April?", top_k=2)
    shown = {s.text for s in trace.sources}
    assert "The port authority has offered 3.1 percent." in shown
    assert any("5.5 percent" in text for text in shown)


def test_a_question_about_who_wrote_an_article_is_read_for_what_the_article_is_about(tmp_path: Path) -> None:
    """No sentence of a story says who wrote it, so the cross-encoder rates every one far below the relevance gate
    for "Who wrote the article about…?"; the article's subject ("the fine") decides, and the byline is shown. An
    article about something no page covers is still refused before the model."""
    page = (
        "Harwell Courier\n\nRegulator fines Quenby Water over breach\n\nBy Tomas Reyne\nPublished 18 June 2025\n\n"
        "The regional data regulator has fined Quenby Water 2.4 million pounds for failing to protect records.\n"
        "Quenby Water said it would appeal against the decision of the regulator.\n"
    )
    engine, model = engine_over(tmp_path, {"fine.txt": page})
    trace = engine.run("Who wrote the article about the fine?")
    assert trace.refused_by != "relevance_gate"
    assert "By Tomas Reyne" in model.prompts[-1]
    assert engine.run("Who wrote the article about the World Cup final?").refused_by == "relevance_gate"
