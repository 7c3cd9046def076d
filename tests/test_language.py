"""Language detection on the real bundled model, and translation through litellm's real custom-provider path."""

import re

import pytest

from service.components.llm import LLMClient
from service.engine.language import LanguageDetector, Translator, same_figures
from service.engine.prompts import load_answer_prompts
from service.settings import Settings
from tests.fakes import FAKE_PROVIDER, register_fake

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Cuántas personas murieron en el ataque?", "es"),
        ("Où la candidate de l'opposition s'est-elle réfugiée ?", "fr"),
        ("Wie viele Menschen wurden bei den Protesten festgenommen?", "de"),
        ("Chi ha rivendicato l'attacco alla sala concerti?", "it"),
    ],
)
def test_questions_in_other_languages_are_recognised(detector: LanguageDetector, question: str, language: str) -> None:
    assert detector.run(question) == language


@pytest.mark.parametrize(
    "question",
    [
        "Where did Putin and Lukashenko meet after the Wagner rebellion?",
        "Lior Haiat Axios",
        "Beslan school siege",
        "Who is Maren Dahl?",
        "Pompeo Prague freedom Belarus",
    ],
)
def test_english_questions_and_bare_names_stay_english(detector: LanguageDetector, question: str) -> None:
    assert detector.run(question) == "en"


def test_figures_must_survive_translation() -> None:
    assert same_figures("65.2 percent approved it [1].", "65,2 Prozent stimmten zu [1].")
    assert same_figures("Some 7,000 people were detained [2].", "Environ 7 000 personnes ont été arrêtées [2].")
    assert same_figures("7,000 protesters were arrested. [1]", "7000 manifestants ont été arrêtés. [1]")
    assert not same_figures("7,000 protesters were arrested. [1]", "700 manifestants ont été arrêtés. [1]")
    assert not same_figures("65.2 percent approved it [1].", "65 Prozent stimmten zu [1].")
    assert not same_figures("139 people were killed [1].", "139 personas murieron.")


def _translator(reply: str) -> Translator:
    register_fake(lambda _prompt: reply)
    prompts = load_answer_prompts()
    llm = LLMClient(Settings(llm_model=f"{FAKE_PROVIDER}/translator"))
    return Translator(llm, prompts.translate_question, prompts.translate_answer)


def test_a_translation_that_changes_a_number_is_not_served() -> None:
    assert _translator("Murieron 193 personas.").from_english("139 people died. [1]", "es") is None
    assert _translator("Murieron 139 personas.").from_english("139 people died. [1]", "es") == (
        "Murieron 139 personas. [1]"
    )


def test_a_count_written_in_words_is_given_to_the_translator_in_digits_and_must_come_back() -> None:
    """ "Eleven miners" once came back as "Diecinueve mineros" (nineteen), and no digit was there to catch it."""
    assert (
        _translator("Diecinueve mineros quedaron atrapados.").from_english("Eleven miners were trapped. [1]", "es")
        is None
    )
    fake = register_fake(lambda _prompt: "11 mineros quedaron atrapados.")
    translator = Translator(
        LLMClient(Settings(llm_model=f"{FAKE_PROVIDER}/translator")),
        load_answer_prompts().translate_question,
        load_answer_prompts().translate_answer,
    )
    assert translator.from_english("Eleven miners were trapped. [1]", "es") == "11 mineros quedaron atrapados. [1]"
    assert "11 miners were trapped." in fake.prompts[0]


def test_markers_are_kept_out_of_the_translation_and_put_back_after_their_sentence() -> None:
    translator = _translator("Hubo 7000 detenidos.")

    def reply(prompt: str) -> str:  # echoes any marker it is given, as a careless model would
        shown = prompt.rsplit("\n\n", 1)[-1]
        return "Hubo 7000 detenidos." + "".join(re.findall(r"\[\d+\]", shown))

    fake = register_fake(reply)
    assert translator.from_english("7,000 people were detained. [1][2] 7,000 were held. [3]", "es") == (
        "Hubo 7000 detenidos. [1][2] Hubo 7000 detenidos. [3]"
    )
    assert len(fake.prompts) == 2  # one sentence at a time


def test_a_question_translation_keeps_the_first_line_and_falls_back_when_it_loses_a_year() -> None:
    reply = "Who won in 2020?\nNote: translated from French."
    translated = _translator(reply).to_english("Qui a gagné en 2020 ?", "fr")
    assert translated == "Who won in 2020?"
    assert _translator("Who won?").to_english("Qui a gagné en 2020 ?", "fr") == "Qui a gagné en 2020 ?"
