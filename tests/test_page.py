"""The reader's page in real headless Chromium (Debian's package, driven by Playwright) against a real server: real
index and embeddings, the scripted model. Ask, see the checked answer and its footnotes, open a citation at its
highlighted span, follow up, see a refusal; an article's markup is shown as text, never run."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from service.api.app import create_app
from service.wiring import build_ingestor
from tests.browser import ask_on_page, launch_chromium
from tests.conftest import SEEDS, make_settings, running_server
from tests.fakes import FAKE_PROVIDER, ScriptedLLM, quote_best_source, register_fake

pytestmark = pytest.mark.integration
HOSTILE = """\
The Harbour Courier

Port Elswick council backs the <script>window.pwned = true</script> harbour wall

March 3, 2024
By Mara Quill

The harbour council of Port Elswick voted on Tuesday to build a sea wall <img src=x onerror="window.pwned = true"> \
costing 12 million pounds.
Council members said the wall would protect 300 homes from winter storms.
Work on the wall is due to start in the autumn and to take two years.
"""


@pytest.fixture(scope="module")
def fake() -> ScriptedLLM:
    return register_fake(quote_best_source)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, fake: ScriptedLLM) -> Iterator[str]:
    articles = tmp_path_factory.mktemp("articles")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, articles / seed.name)
    (articles / "200_hostile_markup.txt").write_text(HOSTILE, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("index"), llm_model=f"{FAKE_PROVIDER}/scripted")
    settings = settings.model_copy(update={"articles_dir": articles})
    build_ingestor(settings).run([articles])
    with running_server(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as launched:
        yield launched


@pytest.fixture()
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(server + "/")
    yield opened
    context.close()


def test_an_answer_cites_and_its_citation_opens_at_the_highlighted_span(page: Page, fake: ScriptedLLM) -> None:
    ask_on_page(page, "How many people were killed in the Crocus City Hall attack?")
    answer = page.locator(".answer").last
    expect(answer.locator(".footnote").first).to_be_visible()
    quote = answer.locator(".footnote .quote").first.inner_text().strip("“”")
    name = answer.locator(".footnote").first.inner_text().split(" ")[0]
    answer.locator("sup .cite").first.click()
    mark = page.locator("#article mark#highlight")
    expect(mark).to_have_text(quote)
    expect(mark).to_be_in_viewport()
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert quote in text

    ask_on_page(page, "Who claimed responsibility for it?")
    assert "Earlier question: How many people were killed in the Crocus City Hall attack?" in fake.prompts[-1]
    expect(page.locator(".answer").last.locator(".footnote").first).to_be_visible()


def test_an_off_topic_question_is_shown_as_refused(page: Page) -> None:
    ask_on_page(page, "What is the best recipe for sourdough bread?")
    expect(page.locator(".answer.refused")).to_contain_text("The articles do not say.")


def test_markup_in_an_article_is_shown_as_text_never_run(page: Page) -> None:
    ask_on_page(page, "How much will the Port Elswick harbour wall cost?")
    answer = page.locator(".answer").last
    answer.locator(".footnote").first.click()
    expect(page.locator("#article")).to_contain_text('<img src=x onerror="window.pwned = true">')
    expect(page.locator("#article")).to_contain_text("<script>window.pwned = true</script>")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#article img, #article script").count() == 0


def test_a_server_with_keys_asks_the_reader_for_one(browser: Browser, seed_index: Path) -> None:
    settings = make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted", api_keys="reader-key")
    with running_server(create_app(settings)) as url:
        page = browser.new_page()
        prompts: list[str] = []

        def answer_with_key(dialog: Dialog) -> None:
            prompts.append(dialog.message)
            dialog.accept("reader-key")

        page.on("dialog", answer_with_key)
        page.goto(url + "/")
        ask_on_page(page, "How many people were killed in the Crocus City Hall attack?")
        expect(page.locator(".answer").last.locator(".footnote").first).to_be_visible()
        assert prompts == ["This citewire server needs an API key:"]
        page.close()
