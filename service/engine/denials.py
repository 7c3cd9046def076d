"""A denial read backwards: "Mensah rejected the criticism, saying the first crews had arrived within 20 minutes"
has her assert that the crews arrived in time; "Mensah rejected the criticism that the first crews had arrived within
20 minutes" has her deny it. A claim of the second kind is not supported by a sentence of the first.
"""

import re

from service.engine.lexicon import content_terms

_DENIAL = r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|disput(?:es|ed)|dismiss(?:es|ed)|refut(?:es|ed)|contest(?:s|ed))\b"
# "denied that P", "rejected the criticism that P", "dismissed claims that P"
_DENIED_THAT = re.compile(_DENIAL + r"(?:\s+[\w'’-]+){0,4}?\s+that\s+(?P<what>[^.;:!?]+)", re.IGNORECASE)
# "rejected the criticism, saying P", "denied it and said that P"
_ASSERTED_BESIDE = re.compile(
    _DENIAL + r"[^.;:!?]*?(?:,\s*|\s+and\s+)(?:saying|adding|arguing|insisting|said|added|argued|insisted)\s+"
    r"(?:that\s+)?(?P<what>[^.;:!?]+)",
    re.IGNORECASE,
)
MIN_DENIED_TERMS = 2  # "denied that" with less after it says too little to read backwards
REVERSED_SHARE = 0.5  # of what a claim has denied, the share a sentence must instead have asserted


def denied_content(text: str) -> set[str]:
    """The words of what ``text`` has someone deny, reject or dispute "that…" ("rejected the criticism that the
    crews were late" -> crews, late)."""
    return set().union(*(content_terms(m.group("what")) for m in _DENIED_THAT.finditer(text)))


def asserted_beside_denial(text: str) -> set[str]:
    """The words of what ``text`` has someone say beside a denial ("rejected the criticism, saying the crews came in
    time" -> crews, came, time)."""
    return set().union(*(content_terms(m.group("what")) for m in _ASSERTED_BESIDE.finditer(text)))


def reads_denial_backwards(denied: set[str], sentences: list[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """The claim has someone deny (``denied``) what its sentences, each read as (what it has said beside a denial, what
    it has denied "that…"), have them say beside their denial, and not what they have them deny."""
    if len(denied) < MIN_DENIED_TERMS:
        return False
    asserted = set().union(*(said for said, _ in sentences))
    denied_there = set().union(*(gainsaid for _, gainsaid in sentences))
    needed = REVERSED_SHARE * len(denied)
    return len(denied & asserted) >= needed and len(denied & denied_there) < needed
