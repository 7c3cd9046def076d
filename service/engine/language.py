"""Questions in other languages: detect the language, search and check in English, answer in the question's.

The articles, the retriever, the reranker and the claim checker work in English, so a question asked in French is
translated to English first, and the checked English answer is translated back. Quotes stay verbatim in the
article's language. Counts written as words are put in digits first, so that a translation that changes any number
is caught, as is one that names another weekday, month or currency; it is not served: the checked English answer is,
instead; citation markers are not given to the model to translate at all.
"""

import re
from functools import cached_property

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from service.components.llm import LLMClient
from service.engine.calendar_names import same_days_and_months
from service.engine.currency_names import same_currencies
from service.engine.lexicon import with_digits
from service.engine.prompts import PromptTemplate

ENGLISH = "en"
LANGUAGES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "sv": "Swedish",
    "da": "Danish",
    "cs": "Czech",
    "tr": "Turkish",
}
REFUSALS = {
    "fr": "Les articles ne le disent pas.",
    "de": "Die Artikel sagen das nicht.",
    "es": "Los artículos no lo dicen.",
    "it": "Gli articoli non lo dicono.",
    "pt": "Os artigos não o dizem.",
    "nl": "De artikelen zeggen dat niet.",
}
MIN_CONFIDENCE = 0.8  # names alone ("Lior Haiat Axios") score 0.2 to 0.6 for some language; sentences 0.98 and up
MIN_WORDS = 3
MAX_ENGLISH = 0.05  # English's probability for a short question in another language: 0.003 to 0.03
_MARKERS = re.compile(r"(?:\s*\[\d+\])+")


class LanguageDetector:
    """py3langid (its model ships inside the package), limited to the languages above."""

    @cached_property
    def _identifier(self) -> LanguageIdentifier:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(LANGUAGES))
        return identifier

    def run(self, text: str) -> str:
        """The text's language code; English unless another is clear (a bare name or keyword stays English). A
        short question is mostly names ("Qui a remplacé Mara Quist?" is French at 0.45, Portuguese at 0.29): it is
        in another language also when that language comes first, and English is unlikely, both for the whole text
        and for its words without the names ("Who is Ursula von der Leyen?" reads as German whole, not so without
        its names)."""
        if len(text.split()) < MIN_WORDS:
            return ENGLISH
        ranked = self._ranked(text)
        language = max(ranked, key=lambda code: ranked[code])
        if language == ENGLISH:
            return ENGLISH
        if ranked[language] >= MIN_CONFIDENCE:
            return language
        clear = _unlike_english(ranked, language) and _unlike_english(self._ranked(_without_names(text)), language)
        return language if clear else ENGLISH

    def _ranked(self, text: str) -> dict[str, float]:
        """Each language's probability for ``text``."""
        return {str(code): float(p) for code, p in self._identifier.rank(text)}


def _unlike_english(ranked: dict[str, float], language: str) -> bool:
    return max(ranked, key=lambda code: ranked[code]) == language and ranked[ENGLISH] < MAX_ENGLISH


def _without_names(text: str) -> str:
    """The text without its capitalised words after the first: the names a language cannot be told from."""
    first, *rest = text.split()
    return " ".join([first, *(word for word in rest if not word[:1].isupper())])


def same_figures(original: str, translated: str) -> bool:
    """Every number and citation marker survives translation (65.2 may become 65,2; 7,000 may become 7 000 or 7000)."""
    return _figures(original) == _figures(translated)


def _figures(text: str) -> list[str]:
    """The numbers in ``text``, each with the one separator inside it (thousands or decimal) taken out."""
    return sorted(re.findall(r"\d+", re.sub(r"(?<=\d)[ ,.'\u00a0\u202f](?=\d)", "", text)))


class Translator:
    def __init__(self, llm: LLMClient, to_english: PromptTemplate, from_english: PromptTemplate) -> None:
        self._llm = llm
        self._to_english = to_english
        self._from_english = from_english

    def to_english(self, question: str, language: str) -> str:
        prompt = self._to_english.render(language=LANGUAGES.get(language, language), question=question)
        english = _first_line(self._llm.complete([{"role": "user", "content": prompt}]).text)
        faithful = (
            same_figures(question, english)
            and same_days_and_months(question, language, english, ENGLISH)
            and same_currencies(question, english)
        )
        return english if english and faithful else question

    def from_english(self, text: str, language: str) -> str | None:
        """``text`` in ``language``, or None when a translation lost or changed a number or named another weekday,
        month or currency. Each cited sentence is translated without its [n] markers, which are put back after it: a
        small model drops markers it is asked to keep."""
        translated = []
        for part in re.split(r"((?:\s*\[\d+\])+)", text):
            if _MARKERS.fullmatch(part) or not any(ch.isalnum() for ch in part):
                translated.append(part)
                continue
            piece = self._translate_piece(part.strip(), language)
            if piece is None:
                return None
            translated.append(part[: len(part) - len(part.lstrip())] + piece)
        return "".join(translated)

    def _translate_piece(self, text: str, language: str) -> str | None:
        text = with_digits(text)  # a small model turns "eleven" into "diecinueve"; it copies "11"
        prompt = self._from_english.render(language=LANGUAGES.get(language, language), text=text)
        translated = self._llm.complete([{"role": "user", "content": prompt}]).text.strip()
        if not translated or not same_figures(text, translated):
            return None
        if not same_days_and_months(text, ENGLISH, translated, language):
            return None  # "on Wednesday" once came back as "am Dienstag"
        if not same_currencies(text, translated):
            return None  # "61 million crowns" once came back as "61 millions d'euros"
        return translated if text.endswith((".", "!", "?")) else translated.rstrip(".!?")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0].strip('"“”') if lines else ""
