"""Language detection on the real bundled model, and translation through litellm's real custom-provider path."""

import re

import pytest
from babel.dates import get_day_names, get_month_names

from service.components.llm import LLMClient
from service.engine.calendar_names import named_days_and_months, same_days_and_months
from service.engine.currency_names import named_currencies
from service.engine.language import LANGUAGES, LanguageDetector, Translator, same_figures
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
        # short, and mostly names: no language is sure, but English is unlikely with or without them
        ("Qui a remplacé Mara Quist?", "fr"),
        ("Quem substituiu Mara Quist?", "pt"),
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
        "Who is Ursula von der Leyen?",
        "Did Zelensky meet Lukashenko?",
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


def test_a_translation_must_not_name_another_weekday_or_month() -> None:
    assert same_days_and_months("It ruled on Wednesday, 5 March. [1]", "en", "Es urteilte am Mittwoch, 5. März.", "de")
    assert not same_days_and_months("It ruled on Wednesday. [1]", "en", "Es urteilte am Dienstag.", "de")
    assert same_days_and_months("Il a été arrêté le 5 mars.", "fr", "He was arrested on 5 March.", "en")
    assert not same_days_and_months("Il a été arrêté le 5 mars.", "fr", "He was arrested on 5 April.", "en")
    assert same_days_and_months("Talks began on March 5.", "en", "Переговоры начались 5 марта.", "ru")
    assert not same_days_and_months("Talks began on March 5.", "en", "Переговоры начались 5 апреля.", "ru")
    assert same_days_and_months("The strike ended on Friday.", "en", "La huelga terminó.", "es")  # left out: no error


def test_weekday_and_month_names_are_known_in_every_language_answered() -> None:
    for language in LANGUAGES:
        assert len(_every_name(language)) == 19, language  # 7 weekdays and 12 months
    assert named_days_and_months("May we ask?", "en") == {"month 5"}  # capitalised, it may be the month
    assert named_days_and_months("They may return.", "en") == set()
    assert named_days_and_months("Mardi, il a parlé.", "fr") == {"day 1"}


def _every_name(language: str) -> set[str]:
    words = " ".join(
        [*get_day_names("wide", locale=language).values(), *get_month_names("wide", locale=language).values()]
    )
    return named_days_and_months(words, language)


def test_a_translation_that_names_another_weekday_is_not_served() -> None:
    assert (
        _translator("Das Gericht urteilte am Dienstag.").from_english("The court ruled on Wednesday. [1]", "de") is None
    )
    assert _translator("Das Gericht urteilte am Mittwoch.").from_english("The court ruled on Wednesday. [1]", "de") == (
        "Das Gericht urteilte am Mittwoch. [1]"
    )
    assert _translator("Who was arrested on Tuesday?").to_english("Qui a été arrêté mercredi ?", "fr") == (
        "Qui a été arrêté mercredi ?"
    )


def test_a_translation_that_names_another_currency_is_not_served() -> None:
    cost = "The final cost of the bridge was 61 million crowns. [1]"
    assert _translator("Le coût final du pont était de 61 millions d'euros.").from_english(cost, "fr") is None
    assert _translator("Le coût final du pont était de 61 millions de couronnes.").from_english(cost, "fr") == (
        "Le coût final du pont était de 61 millions de couronnes. [1]"
    )
    assert _translator("Die Europäische Union zahlte 5 Millionen.").from_english("The EU paid 5 million. [1]", "de")


@pytest.mark.parametrize(
    ("text", "currencies"),
    [
        ("It cost 61 million crowns.", {"crown"}),
        ("Il a coûté 61 millions de couronnes.", {"crown"}),
        ("Стоимость составила 61 миллион крон.", {"crown"}),
        ("Kosztował 5 mln złotych i 2 mln euro.", {"zloty", "euro"}),
        ("The firm paid $40,000 and GBP 500.", {"dollar", "pound"}),
        ("Die Europäische Union und Frankreich", set()),  # "Europe" and "France" are no euro and no franc
        ("Ta cena jen stoupla.", set()),  # Czech "jen" is "only"
    ],
)
def test_currencies_are_known_by_sign_code_and_word(text: str, currencies: set[str]) -> None:
    assert named_currencies(text) == currencies


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
