"""An independent attribution check for the evals: every name a served sentence uses must stand in the quotes it
cites or their article's title; where a quote refers back with a pronoun before naming anyone ("In a statement,
she said…"), the sentence just before the quote counts too. A name found only in the question does not count.

Deliberately plainer than the serving checker (whole words as written, no exemptions), so the two do not share a
blind spot.
"""

import re

from service.engine.lexicon import previous_sentence, refers_back
from service.schemas import Answer, Citation

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Za-z]+)?\b")
_OPENERS = {"The", "In", "On", "At", "After", "Before", "During", "According", "While", "When", "Yes", "No", "It"}


def names(text: str) -> set[str]:
    return {m.group() for m in _NAME.finditer(text) if m.group() not in _OPENERS}


def _window(citation: Citation, file_text: str) -> str:
    before = previous_sentence(file_text, citation.start) if refers_back(citation.quote) else ""
    return f"{citation.title} {before} {citation.quote}"


def unattributed_sentences(answer: Answer, file_texts: dict[str, str]) -> list[str]:
    """Served sentences using a name that their cited quotes (read as above) do not hold."""
    by_id = {c.id: c for c in answer.citations}
    bad = []
    for sentence in answer.sentences:
        if not (sentence.supported and sentence.on_question and sentence.citations):
            continue
        window = " ".join(_window(by_id[n], file_texts.get(by_id[n].source, "")) for n in sentence.citations)
        if any(name not in window for name in names(sentence.text)):
            bad.append(sentence.text)
    return bad
