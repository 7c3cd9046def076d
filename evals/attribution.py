"""An independent attribution check for the evals: whoever a served sentence says said or did something ("Varga
spoke at a rally", "Lior Haiat said …") must stand in one of the quotes it cites (or its article's title) together
with at least half of what the sentence says they said or did; where a quote refers back with a pronoun before
naming anyone ("In a statement, she said…"), the sentence just before the quote counts too. A name or a statement
found only in the question does not count, nor does a name in one cited quote and the statement in another.

Deliberately plainer than the serving checker (surnames as written, one verb list, no stemming and no exemptions),
so the two do not share a blind spot.
"""

import re

from service.engine.lexicon import antecedent_sentences, refers_back
from service.schemas import Answer, Citation

_STATEMENT = re.compile(
    r"\b((?:[A-Z][\w-]*[’']?[\w-]*\s+)*[A-Z][\w-]*)(?:[’']s)?(?:,[^,]{1,80},)?\s+"
    r"(?:also\s+|had\s+|has\s+)?(?:said|says|told|claimed|called|confirmed|declared|assured|announced|denied|warned"
    r"|added|wrote|stated|argued|insisted|promised|agreed|urged|accused|blamed|spoke|addressed|met|held|defended"
    r"|led|ran|chaired|founded|opposed|supported|rejected|approved|signed|launched|resigned|visited|won)\b"
)


_PLAIN_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "would",
        "will",
        "about",
        "their",
        "they",
        "there",
        "them",
        "then",
        "than",
        "been",
        "which",
        "what",
        "when",
        "where",
        "also",
        "into",
        "over",
        "after",
        "before",
        "while",
        "said",
        "says",
        "told",
    ]
)
CONTENT_SHARE = 0.5


def _plain(text: str) -> str:
    return text.replace("’", "'")


def _words(text: str) -> set[str]:
    """Lower-case words of four letters or more, cut to five letters (a plain stand-in for stemming)."""
    return {w[:5] for w in re.findall(r"[a-z]{4,}", _plain(text).lower()) if w not in _PLAIN_STOP}


def speakers_named(sentence: str) -> list[str]:
    """The surnames of those the sentence says said or did something."""
    return [name for name, _ in statements_made(sentence)]


_NOT_NAMES = frozenset({"This", "That", "These", "Those", "It", "He", "She", "They", "We", "The", "A", "An"})
MIN_CONTENT_WORDS = 2  # "she said this in her statement" says too little to look for


def statements_made(sentence: str) -> list[tuple[str, str]]:
    """(surname, what the sentence says they said or did) for each speaker or actor the sentence names ("This led
    to…" names nobody)."""
    found = [m for m in _STATEMENT.finditer(sentence) if m.group(1).split()[-1] not in _NOT_NAMES]
    out = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(sentence)
        name = _plain(match.group(1)).split()[-1].removesuffix("'s")
        # a sentence's first word is capitalised whether or not it is a name ("Residents met the mayor")
        out.append(
            (name.lower() if match.start() == 0 and " " not in match.group(1) else name, sentence[match.end() : end])
        )
    return out


def _window(citation: Citation, file_text: str) -> str:
    before = antecedent_sentences(file_text, citation.start) if refers_back(citation.quote) else ""
    return _plain(f"{citation.title} {before} {citation.quote}")


def _holds(window: str, name: str, what: str) -> bool:
    if not re.search(rf"\b{re.escape(name)}\b", window, flags=re.IGNORECASE if name.islower() else 0):
        return False
    wanted = _words(what)
    return len(wanted) < MIN_CONTENT_WORDS or len(wanted & _words(window)) >= CONTENT_SHARE * len(wanted)


def unattributed_sentences(answer: Answer, file_texts: dict[str, str]) -> list[str]:
    """Served sentences giving a statement or act to someone none of their cited quotes (read as above) shows
    saying or doing it."""
    by_id = {c.id: c for c in answer.citations}
    bad = []
    for sentence in answer.sentences:
        if not (sentence.supported and sentence.on_question and sentence.citations):
            continue
        windows = [_window(by_id[n], file_texts.get(by_id[n].source, "")) for n in sentence.citations]
        if any(not any(_holds(w, name, what) for w in windows) for name, what in statements_made(sentence.text)):
            bad.append(sentence.text)
    return bad


def statements(answer: Answer) -> int:
    """How many served sentences attribute a statement or act to someone: the attribution rate's denominator."""
    return sum(bool(speakers_named(s.text)) for s in answer.sentences if s.supported and s.on_question and s.citations)
