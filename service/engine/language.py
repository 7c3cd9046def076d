"""Questions in other languages: detect the language, search and check in English, answer in the question's.

The articles, the retriever, the reranker and the claim checker work in English, so a question asked in French is
translated to English first, and the checked English answer is translated back. Quotes stay verbatim in the
article's language. A translation that changes any number or citation marker is not served: the checked English
answer is, instead.
"""

import re
from functools import cached_property

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from service.components.llm import LLMClient
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


class LanguageDetector:
    """py3langid (its model ships inside the package), limited to the languages above."""

    @cached_property
    def _identifier(self) -> LanguageIdentifier:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(LANGUAGES))
        return identifier

    def run(self, text: str) -> str:
        """The text's language code; English unless another is clear (a bare name or keyword stays English)."""
        if len(text.split()) < MIN_WORDS:
            return ENGLISH
        language, confidence = self._identifier.classify(text)
        return str(language) if language != ENGLISH and confidence >= MIN_CONFIDENCE else ENGLISH


def same_figures(original: str, translated: str) -> bool:
    """Every number and citation marker survives translation (65.2 may become 65,2; 7,000 may become 7 000)."""
    return sorted(re.findall(r"\d+", original)) == sorted(re.findall(r"\d+", translated))


class Translator:
    def __init__(self, llm: LLMClient, to_english: PromptTemplate, from_english: PromptTemplate) -> None:
        self._llm = llm
        self._to_english = to_english
        self._from_english = from_english

    def to_english(self, question: str, language: str) -> str:
        prompt = self._to_english.render(language=LANGUAGES.get(language, language), question=question)
        english = _first_line(self._llm.complete([{"role": "user", "content": prompt}]).text)
        return english if english and same_figures(question, english) else question

    def from_english(self, text: str, language: str) -> str | None:
        """``text`` in ``language``, or None when the translation lost or changed a number or marker."""
        prompt = self._from_english.render(language=LANGUAGES.get(language, language), text=text)
        translated = self._llm.complete([{"role": "user", "content": prompt}]).text.strip()
        return translated if translated and same_figures(text, translated) else None


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0].strip('"“”') if lines else ""
