"""An independent attribution check for the evals: whoever a served sentence says said or did something ("Varga
spoke at a rally", "Lior Haiat said …") must stand in the quotes it cites or their article's title; where a quote
refers back with a pronoun before naming anyone ("In a statement, she said…"), the sentence just before the quote
counts too. A name found only in the question does not count.

Deliberately plainer than the serving checker (surnames as written, one verb list, no stemming and no exemptions),
so the two do not share a blind spot.
"""

import re

from service.engine.lexicon import previous_sentence, refers_back
from service.schemas import Answer, Citation

_STATEMENT = re.compile(
    r"\b((?:[A-Z][\w-]*[’']?[\w-]*\s+)*[A-Z][\w-]*)(?:[’']s)?(?:,[^,]{1,80},)?\s+"
    r"(?:also\s+|had\s+|has\s+)?(?:said|says|told|claimed|called|confirmed|declared|assured|announced|denied|warned"
    r"|added|wrote|stated|argued|insisted|promised|agreed|urged|accused|blamed|spoke|addressed|met|held|defended)\b"
)


def _plain(text: str) -> str:
    return text.replace("’", "'")


def speakers_named(sentence: str) -> list[str]:
    """The surnames of those the sentence says said or did something."""
    return [_plain(m.group(1)).split()[-1].removesuffix("'s") for m in _STATEMENT.finditer(sentence)]


def _window(citation: Citation, file_text: str) -> str:
    before = previous_sentence(file_text, citation.start) if refers_back(citation.quote) else ""
    return _plain(f"{citation.title} {before} {citation.quote}")


def unattributed_sentences(answer: Answer, file_texts: dict[str, str]) -> list[str]:
    """Served sentences giving a statement or act to someone their cited quotes (read as above) do not name."""
    by_id = {c.id: c for c in answer.citations}
    bad = []
    for sentence in answer.sentences:
        if not (sentence.supported and sentence.on_question and sentence.citations):
            continue
        window = " ".join(_window(by_id[n], file_texts.get(by_id[n].source, "")) for n in sentence.citations)
        if any(not re.search(rf"\b{re.escape(name)}\b", window) for name in speakers_named(sentence.text)):
            bad.append(sentence.text)
    return bad


def statements(answer: Answer) -> int:
    """How many served sentences attribute a statement or act to someone: the attribution rate's denominator."""
    return sum(bool(speakers_named(s.text)) for s in answer.sentences if s.supported and s.on_question and s.citations)
