"""The engine on the real index and embeddings, with a scripted model standing in for the LLM."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from service.engine.engine import Engine
from service.engine.quotes import disputes
from service.errors import InvalidInputError
from service.settings import Settings
from service.wiring import build_engine, build_ingestor
from tests.conftest import make_settings
from tests.fakes import (
    FAKE_PROVIDER,
    Script,
    ScriptedLLM,
    best_source,
    claim_citing,
    numbered_sources,
    quote_best_source,
    register_fake,
)

pytestmark = pytest.mark.integration


@pytest.fixture()
def scripted(seed_index: Path) -> Iterator[tuple[Engine, ScriptedLLM]]:
    fake = register_fake(quote_best_source)
    yield build_engine(make_settings(seed_index, llm_model=f"{FAKE_PROVIDER}/scripted")), fake


def use(fake: ScriptedLLM, script: Script) -> None:
    fake.script = script


def test_citations_quote_the_file_exactly(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, _ = scripted
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert not answer.refused and answer.citations
    for citation in answer.citations:
        text = (Path("seeds") / citation.source).read_bytes().decode("utf-8")
        assert text[citation.start : citation.end] == citation.quote
    assert answer.sentences and all(s.supported for s in answer.sentences)


def test_invented_citation_numbers_never_reach_the_user(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda prompt: f"{numbered_sources(prompt)[best_source(prompt)]} [99]")
    answer = engine.answer("Where did Putin and Lukashenko meet after the Wagner rebellion?")
    assert "[99]" not in answer.answer
    assert all(c.id <= len(answer.citations) for c in answer.citations)


def test_a_claim_cited_to_the_wrong_source_is_repaired(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted

    def wrong(prompt: str) -> str:
        number = best_source(prompt)
        wrong_number = next(n for n in numbered_sources(prompt) if n != number)
        return f"{numbered_sources(prompt)[number]} [{wrong_number}]"

    use(fake, wrong)
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert not answer.refused
    assert answer.citations[0].quote in fake.prompts[-1]
    cited_text = answer.citations[0].quote
    assert answer.sentences[0].text.rstrip(".") in cited_text or cited_text in answer.sentences[0].text


def test_a_poem_is_refused(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda _: "Oh mighty leader, strong and bold [1].\nYour rivers shine like molten gold [2].")
    answer = engine.answer("Write a poem about Putin and Lukashenko")
    assert answer.refused and answer.citations == []
    assert answer.answer.startswith("The articles do not say")


def test_model_saying_not_in_sources_is_a_refusal(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda _: "NOT IN SOURCES")
    answer = engine.answer("What is the population of Belarus?")
    assert answer.refused and not answer.citations


def test_an_answer_the_model_ends_with_not_in_sources_is_still_checked(scripted: tuple[Engine, ScriptedLLM]) -> None:
    """A small model sometimes answers, forgets the markers and adds the refusal anyway."""
    engine, fake = scripted
    use(fake, lambda p: f"{numbered_sources(p)[best_source(p)]} NOT IN SOURCES")
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert not answer.refused and "NOT IN SOURCES" not in answer.answer
    assert answer.citations and all(s.supported for s in answer.sentences), answer.sentences
    for citation in answer.citations:
        assert (Path("seeds") / citation.source).read_text("utf-8")[citation.start : citation.end] == citation.quote


def test_a_sentence_with_an_invented_aside_is_served_without_it(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted

    def aside(prompt: str) -> str:
        number = best_source(prompt)
        return f"{numbered_sources(prompt)[number].rstrip('.')}, a city founded by Ivo Zarkin [{number}]."

    use(fake, aside)
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert not answer.refused and "Zarkin" not in answer.answer
    assert "1 more sentence could not be confirmed" in answer.answer
    served = [s for s in answer.sentences if s.supported]
    assert served and not any("Zarkin" in s.text for s in served)
    assert [s.supported for s in answer.sentences if "Zarkin" in s.text] == [False]


def test_a_statement_joined_to_a_true_one_is_checked_on_its_own(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted

    def joined(prompt: str) -> str:
        number = best_source(prompt)
        first = numbered_sources(prompt)[number].rstrip(".")
        return f"{first}, and they later escaped in a stolen white van with the help of local guards [{number}]."

    use(fake, joined)
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert "van" not in answer.answer
    assert [s.supported for s in answer.sentences if "van" in s.text] == [False]
    assert "1 more sentence could not be confirmed" in answer.answer


def test_an_unsupported_sentence_is_removed_and_counted(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda p: f"{quote_best_source(p)} The attackers killed 1954 people in Kopys [{best_source(p)}].")
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert not answer.refused
    assert [s.supported for s in answer.sentences] == [True, False]
    assert "1954" not in answer.answer and "1 more sentence could not be confirmed" in answer.answer
    assert answer.grounded == 0.5


def test_a_true_sentence_that_answers_another_question_is_not_served(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda p: "Lukashenko is known as “Europe’s last dictator,” and has been in power since 1994 [1].")
    answer = engine.answer("Which group claimed responsibility for the Crocus City Hall attack?")
    assert answer.sentences and answer.sentences[0].on_question is False
    assert "last dictator" not in answer.answer
    assert answer.refused or all(s.text == c.quote for s, c in zip(answer.sentences[1:], answer.citations, strict=True))


ZELENSKY = "Zelensky said he spoke to Lukashenko for the first time in two years on Sunday night"


@pytest.mark.parametrize(
    ("question", "served"),
    [
        ("What did Zelensky say about Belarusian troops?", True),
        ("What did Zelensky say about the Olympics?", False),
        ("What has Zelensky said regarding the Winter Olympics in Milan?", False),
    ],
)
def test_what_someone_said_about_another_topic_is_no_answer(
    scripted: tuple[Engine, ScriptedLLM], question: str, served: bool
) -> None:
    engine, fake = scripted
    use(fake, claim_citing(ZELENSKY, f"{ZELENSKY}, and was assured that troops from Belarus will not go to Ukraine"))
    answer = engine.answer(question)
    assert answer.refused is not served
    assert ("two years" in answer.answer) is served


def test_a_passage_that_surely_answers_is_quoted_when_the_model_will_not(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda _: "NOT IN SOURCES")
    answer = engine.answer("In which region were the four suspects detained?")
    assert not answer.refused and "Bryansk" in answer.answer
    (citation,) = answer.citations
    assert answer.sentences[-1].text == citation.quote
    assert (Path("seeds") / citation.source).read_text("utf-8")[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Were the four suspects detained in the Bryansk region?", True),
        ("In which region were the four suspects detained?", False),
    ],
)
def test_a_yes_or_no_question_the_model_will_not_answer_is_answered_by_a_passage_less_sure(
    seed_index: Path, question: str, quoted: bool
) -> None:
    """A yes-or-no answer is served as the sentences it cites anyway: the passage that would be served beside an
    answer is quoted when the model refuses one, where another question needs a surer passage."""
    register_fake(lambda _: "NOT IN SOURCES")
    settings = make_settings(
        seed_index, llm_model=f"{FAKE_PROVIDER}/scripted", quote_relevance=100.0, supplement_relevance=0.0
    )
    answer = build_engine(settings).answer(question)
    assert answer.refused is not quoted, answer.answer
    assert ("Bryansk" in answer.answer) is quoted
    for citation in answer.citations:
        assert (Path("seeds") / citation.source).read_text("utf-8")[citation.start : citation.end] == citation.quote


def test_a_bare_yes_or_no_is_replaced_by_the_sentence_it_cites(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, lambda p: f"No [{best_source(p)}]")  # the wrong way round: a referendum was held
    answer = engine.answer("Was a referendum held in Belarus on Sunday?")
    assert not answer.answer.lower().startswith("no")
    assert [s.text for s in answer.sentences] == [c.quote for c in answer.citations]
    assert any("referendum was held" in c.quote for c in answer.citations), answer.answer


def test_a_yes_or_no_question_is_answered_with_the_sentences_the_model_cites(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    """The model's words are supported, but its "Yes" says the opposite of them: the cited sentence is served."""
    engine, fake = scripted
    use(
        fake,
        lambda p: (
            f"Yes, Russian military vehicles or soldiers have not been spotted on the streets of Belarus' capitol"
            f" [{best_source(p)}]."
        ),
    )
    answer = engine.answer("Have Russian soldiers been seen on the streets of Minsk?")
    assert not answer.refused and not answer.answer.startswith("Yes")
    assert [s.text for s in answer.sentences] == [c.quote for c in answer.citations]
    assert any("have not been spotted" in c.quote for c in answer.citations), answer.answer


@pytest.mark.parametrize(("supplement", "served_best"), [(-100.0, True), (100.0, False)])
def test_the_best_passage_is_served_beside_an_answer_from_other_sentences(
    seed_index: Path, supplement: float, served_best: bool
) -> None:
    def from_another_sentence(prompt: str) -> str:
        sources = numbered_sources(prompt)
        n = next(n for n, text in sources.items() if "rebellion" in text and "Rostov" not in text)
        return f"{sources[n]} [{n}]"

    fake = register_fake(from_another_sentence)
    settings = make_settings(
        seed_index, llm_model=f"{FAKE_PROVIDER}/scripted", quote_relevance=100.0, supplement_relevance=supplement
    )
    answer = build_engine(settings).answer("Which city's army headquarters did Wagner fighters occupy?")
    assert fake.prompts, "the model was asked"
    assert ("Rostov" in answer.answer) is served_best, answer.answer
    assert all(s.text == c.quote for s, c in zip(answer.sentences[1:], answer.citations[1:], strict=False))


def test_the_other_side_of_a_dispute_is_served_when_the_model_leaves_it_out(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    engine, fake = scripted

    def one_side(prompt: str) -> str:
        sources = numbered_sources(prompt)
        n = next(n for n, text in sources.items() if "caught driving towards Ukraine" in text)  # Moscow's side
        return f"{sources[n]} [{n}]"

    use(fake, one_side)
    answer = engine.answer("Where were the suspects of the Moscow concert hall attack heading when they fled?")
    assert any("contradicted" in c.quote for c in answer.citations), answer.answer
    assert answer.sentences[-1].text in answer.answer


def test_a_dispute_of_another_account_is_not_served_as_the_other_side(scripted: tuple[Engine, ScriptedLLM]) -> None:
    engine, fake = scripted
    use(fake, claim_citing("Lithuania", "Lukashenko's main challenger in 2020 fled to Lithuania"))
    trace = engine.run("Where did Lukashenko's main rival in the 2020 election flee to?")
    # a sentence disputing Moscow's account of the concert attack suspects is shown, rated on the question…
    assert any(disputes(s.text) and s.score >= 0.0 for s in trace.sources), [(s.score, s.text) for s in trace.sources]
    # …but it disputes nothing the answer says
    assert "Lithuania" in trace.answer.answer and not any(disputes(c.quote) for c in trace.answer.citations)


def test_a_how_many_question_is_not_answered_by_a_sentence_without_a_number(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    engine, fake = scripted

    def without_number(prompt: str) -> str:
        sources = numbered_sources(prompt)
        n = next(n for n, text in sources.items() if "Wagner" in text and not any(ch.isdigit() for ch in text))
        return f"{sources[n]} [{n}]"

    use(fake, without_number)
    answer = engine.answer("How many Wagner fighters moved to Belarus after the rebellion?")
    assert answer.refused, answer.answer


def test_a_who_question_is_answered_by_the_passage_that_names_who_when_the_model_names_nobody(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    engine, fake = scripted
    claim = "Ukraine and the West were accused of being partly responsible for the concert hall attack"
    use(fake, claim_citing("accused Ukraine and the West", claim))
    question = "Who accused Ukraine and the West of being partly responsible for the concert hall attack?"
    answer = engine.answer(question)
    assert [s.on_question for s in answer.sentences if s.text.startswith("Ukraine and the West")] == [False]
    assert not answer.refused and "Russian security officials" in answer.answer
    for citation in answer.citations:
        assert (Path("seeds") / citation.source).read_text("utf-8")[citation.start : citation.end] == citation.quote


def test_a_claim_that_names_no_place_is_served_only_when_no_source_surely_says_where(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    engine, fake = scripted
    use(fake, claim_citing("for the first time since", "Putin met Lukashenko for the first time since the rebellion"))
    # the best passage is the same sentence ("…the rebellion in Russia" is where the rebellion was, not the meeting):
    # no source surely says where, so the true, cited claim is served rather than a refusal
    trace = engine.run("Where did Putin and Lukashenko meet after the Wagner rebellion?")
    assert "first time since" in trace.sources[0].text
    assert not trace.answer.refused
    assert [s.on_question and s.supported for s in trace.answer.sentences] == [True]


def test_a_who_question_is_answered_by_the_sentence_in_which_someone_does_what_it_asks(
    scripted: tuple[Engine, ScriptedLLM],
) -> None:
    """The local model's answer: Lukashenko "claimed responsibility", from the sentence in which critics claim
    something else. It is removed, and the sentence in which the group claims responsibility is quoted instead."""
    engine, fake = scripted
    use(fake, claim_citing("critics who claimed", "Lukashenko claimed responsibility for the Crocus City Hall attack"))
    answer = engine.answer("Who claimed responsibility for the Crocus City Hall attack?")
    assert not answer.refused
    assert "Lukashenko claimed" not in answer.answer
    assert [c.quote for c in answer.citations] == [answer.answer.split(" [1]")[0]]
    assert "ISIS-K claimed responsibility" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("companion", "served"),
    [
        # the other side of an account in the answering article goes with the answer
        ("contradicted Moscow’s claims that the suspects were headed towards Ukraine", True),
        # the article's account of the gunmen's flight answers something else: no retelling of the article
        ("attempted to cross into Belarus", False),
    ],
)
def test_the_answering_article_s_other_sentences_go_with_the_answer_only_when_they_bear_on_it(
    scripted: tuple[Engine, ScriptedLLM], companion: str, served: bool
) -> None:
    engine, fake = scripted

    def answer_then_claim(prompt: str) -> str:
        sources = numbered_sources(prompt)
        n = next(n for n, text in sources.items() if companion in text)
        return f"{quote_best_source(prompt)} {sources[n]} [{n}]"

    use(fake, answer_then_claim)
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    assert "139" in answer.answer
    assert (companion in answer.answer) is served
    assert [s.on_question and s.supported for s in answer.sentences] == [True, served]


@pytest.mark.parametrize("question", ["", "   ", "?!", "x" * 5000])
def test_bad_questions_get_a_clear_error(scripted: tuple[Engine, ScriptedLLM], question: str) -> None:
    engine, _ = scripted
    with pytest.raises(InvalidInputError):
        engine.answer(question)


@pytest.mark.parametrize(
    ("question", "shown", "reply"),
    [  # replies as the bundled model gives them, reading nothing like the question
        ("Who wrote the article about the nurses' walkout?", "By Priya Okonjo, Health Reporter", "Priya Okonjo"),
        (
            "When was the article about the nurses' walkout published?",
            "3 February 2025",
            "It came out on 3 February 2025",
        ),
        (
            "Which newspaper reported the nurses' walkout?",
            "Harlow Valley Gazette",
            "The Harlow Valley Gazette reported it",
        ),
    ],
)
def test_who_wrote_an_article_and_when_and_where_it_came_out_is_answered_from_its_page(
    tmp_path: Path, question: str, shown: str, reply: str
) -> None:
    settings = _with_pages(tmp_path, STRIKE_PAGE)

    def cite_the_page(prompt: str) -> str:  # the byline, date or publisher's name is shown as a source of its own
        number = next(n for n, text in numbered_sources(prompt).items() if text == shown)
        return f"{reply} [{number}]."

    register_fake(cite_the_page)
    answer = build_engine(settings).answer(question)
    assert not answer.refused and reply in answer.answer
    (citation,) = answer.citations
    assert citation.quote == shown
    assert STRIKE_PAGE.read_text("utf-8")[citation.start : citation.end] == citation.quote


def test_a_question_asking_two_things_of_a_page_is_shown_both_and_answered_from_both(tmp_path: Path) -> None:
    settings = _with_pages(tmp_path, STRIKE_PAGE)

    def cite_byline_and_date(prompt: str) -> str:
        shown = {text: n for n, text in numbered_sources(prompt).items()}
        byline, date = shown["By Priya Okonjo, Health Reporter"], shown["3 February 2025"]
        return f"Priya Okonjo wrote it [{byline}]. It was published on 3 February 2025 [{date}]."

    register_fake(cite_byline_and_date)
    answer = build_engine(settings).answer(
        "Who wrote the article about the nurses' walkout, and when was it published?"
    )
    assert not answer.refused
    assert {c.quote for c in answer.citations} == {"By Priya Okonjo, Health Reporter", "3 February 2025"}
    assert all(STRIKE_PAGE.read_text("utf-8")[c.start : c.end] == c.quote for c in answer.citations)


STRIKE_PAGE = Path("evals/dev2_articles/400_nurses_strike.txt")


def _with_pages(tmp_path: Path, *pages: Path) -> Settings:
    """Settings for an index of ``pages`` alone, answered by the scripted model."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for page in pages:
        (articles / page.name).write_bytes(page.read_bytes())
    settings = make_settings(tmp_path / "data", llm_model=f"{FAKE_PROVIDER}/scripted")
    build_ingestor(settings).run([articles])
    return settings


def test_a_yes_or_no_answer_is_served_as_its_sentence_though_that_sentence_reads_as_off_question(
    tmp_path: Path,
) -> None:
    """The cross-encoder reads "the others were released after checks" as no answer to "Did any of the miners die?".
    The model's answer citing it is on the question (its "Yes" is wrong, as the local model's was), so the sentence is
    served in its place, for the reader to judge."""
    settings = _with_pages(tmp_path, RESCUE_PAGE)
    claim = "Yes, two of the miners were taken to hospital with broken bones"
    register_fake(claim_citing("released after checks", claim))
    answer = build_engine(settings).answer("Did any of the miners die?")
    assert not answer.refused
    assert [c.quote for c in answer.citations] == [s.text for s in answer.sentences]
    assert any("the others were released after checks" in c.quote for c in answer.citations)


RESCUE_PAGE = Path("evals/dev2_articles/501_mine_rescue.txt")


def test_a_step_of_a_change_is_served_though_it_reads_as_no_answer_to_what_changed(tmp_path: Path) -> None:
    """The model copied the rescue, without its dateline; the cross-encoder reads that as no answer to "What changed
    between June 9 and June 13?" though it rates the sentence it copied (dateline and all) as one. The article the
    answer leaves out, the collapse, is served beside it."""
    settings = _with_pages(tmp_path, Path("evals/dev2_articles/500_mine.txt"), RESCUE_PAGE)
    rescue = "Rescuers brought the last of eleven trapped miners to the surface on Thursday"
    register_fake(claim_citing(rescue, f"{rescue}, four days after a tunnel collapsed at the Drossel copper mine"))
    answer = build_engine(settings).answer("What changed for the Drossel miners between June 9 and June 13?")
    assert not answer.refused
    assert rescue in answer.answer
    assert {c.source for c in answer.citations} == {"500_mine.txt", RESCUE_PAGE.name}


FESTIVAL_PAGE = """Folk festival draws record crowd despite Sunday rain

Words: Ruth Abelard
Sunday 20 July 2025

The Ostwick Folk Festival drew a record 27,000 visitors over three days, its organisers said.

The headline act, The Marram Sisters, played to a packed field on Saturday night.

Festival director Ruth Calloway said weekend tickets had sold out in June at £85 each.
"""


def test_a_who_question_is_answered_by_a_claim_that_uses_a_word_made_from_its_verb(tmp_path: Path) -> None:
    """The cross-encoder reads "The headline act, The Marram Sisters, played…" as no answer to "Who headlined the
    Ostwick Folk Festival?" (-3.4); it names who headlined, in a word made from the verb, so it is served."""
    page = tmp_path / "802_festival.txt"
    page.write_text(FESTIVAL_PAGE, encoding="utf-8")
    settings = _with_pages(tmp_path, page)
    act = "The headline act, The Marram Sisters, played to a packed field on Saturday night"
    register_fake(claim_citing("Marram Sisters", act))
    answer = build_engine(settings).answer("Who headlined the Ostwick Folk Festival?")
    assert not answer.refused
    assert answer.sentences[0].text == f"{act}." and answer.sentences[0].on_question


DEAL_PAGE = Path("evals/dev2_articles/401_nurses_deal.txt")


def test_a_name_put_in_place_of_a_pronoun_is_checked_against_whom_it_stands_for(tmp_path: Path) -> None:
    """ "Both sides credited her with the agreement": the sentence before names the mediator, whom "her" stands
    for."""
    settings = _with_pages(tmp_path, DEAL_PAGE)
    question = "Who did both sides credit with the agreement?"
    register_fake(claim_citing("credited her", "Both sides credited Marguerite Tallis with the agreement"))
    answer = build_engine(settings).answer(question)
    assert "Tallis" not in answer.answer, "Tallis is named in the article, but 'her' is the mediator"
    register_fake(claim_citing("credited her", "Both sides credited Anneliese Strom with the agreement"))
    answer = build_engine(settings).answer(question)
    assert not answer.refused and "Anneliese Strom" in answer.answer


def _cut_after_first_sentence(prompt: str) -> str:
    """The best source, cited, then the other side of an account, which goes with an answer from its article, broken
    off before its end, as a model stopped at its token limit leaves it."""
    number = best_source(prompt)
    shown = numbered_sources(prompt)
    other = next(n for n in shown if n != number and len(shown[n].split()) > 12 and disputes(shown[n]))
    return f"{shown[number]} [{number}] {' '.join(shown[other].split()[:12])}"


@pytest.mark.parametrize(("finish_reason", "fragment_served"), [("length", False), ("stop", True)])
def test_a_sentence_the_token_limit_broke_off_is_not_served(
    scripted: tuple[Engine, ScriptedLLM], finish_reason: str, fragment_served: bool
) -> None:
    """A reply the model finished is served whole, with or without a final stop; one it was stopped in is served up to
    its last finished sentence."""
    engine, fake = scripted
    use(fake, _cut_after_first_sentence)
    fake.finish_reason = finish_reason
    answer = engine.answer("How many people were killed in the Crocus City Hall attack?")
    fragment = _cut_after_first_sentence(fake.prompts[-1]).split("] ")[-1]
    assert not answer.refused
    assert (fragment in answer.answer) is fragment_served
