"""Split a model's answer into sentences (claims) and the source numbers each one cites."""

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

_MARKER = re.compile(r"\[\s*(?:sources?\s*)?(\d+(?:\s*[,;]\s*(?:sources?\s*)?\d+)*)\s*\]", re.IGNORECASE)
_ONLY_MARKERS = re.compile(r"^(?:\s*" + _MARKER.pattern + r"[\s.]*)+$", re.IGNORECASE)
_SENTINEL = re.compile(r"\bNOT? IN SOURCES\b", re.IGNORECASE)  # the prompt's "NOT IN SOURCES", or "NO IN…"
_NOT_FOUND = re.compile(
    _SENTINEL.pattern
    + r"|\bnot? in the sources|\b(do|does|did)(n't| not) (say|mention|contain|provide|specify|state|include|give)"
    r"|no (information|mention|details?)\b|\bnot (mentioned|stated|specified|provided|given|available)\b"
    r"|\b(can ?not|can't|unable to) (answer|find|determine|provide)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    text: str
    cited: tuple[int, ...]


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def cited_numbers(text: str) -> tuple[int, ...]:
    numbers: list[int] = []
    for match in _MARKER.finditer(text):
        for number in re.findall(r"\d+", match.group(1)):
            if int(number) not in numbers:
                numbers.append(int(number))
    return tuple(numbers)


# "the first source", "the same article": which source, in the prompt's order (the reader's numbering differs)
_WHICH_SOURCE = r"(?:both|all|first|second|third|fourth|fifth|sixth|seventh|eighth|last|same|other|above|cited|given)"
_CITING_PHRASE = re.compile(
    r",?\s*\b(?:as (?:stated|mentioned|reported|noted|said|shown|cited|described) (?:in|by)|according to|see|per"
    r"|citing)\s*(?:the\s+)?(?:" + _WHICH_SOURCE + r"\s+)?(?:(?:article|report|source)s?\s*)?(?=\[)",
    re.IGNORECASE,
)
# "According to the article "Some Headline" [1]," or "According to the first source," says where, not what: it is no
# part of the claim (the reader's sources are numbered otherwise).
_ATTRIBUTION = re.compile(
    r"\b(?:according to|as (?:stated|reported|mentioned) in|in)\s+(?:the\s+)?(?:" + _WHICH_SOURCE + r"\s+)?"
    r"(?:article|report|source)s?(?:\s+\d+\b)?"
    r"(?:\s+(?:titled\s+)?[\"“][^\"”]*[\"”])?\s*,?",
    re.IGNORECASE,
)


# The prompt's article header, echoed: 'Article "Some Headline" (publisher: …; published: …)', or its end alone; or a
# headline named as the one who says ('The article "Some Headline" states that…').
_ARTICLE_NAMED = r"\b(?:the\s+)?article\s+(?:titled\s+)?[\"“][^\"”]*[\"”]"
_REPORTING = r"(?:also\s+)?(?:states|says|reports|notes|mentions|writes)"
_SOURCE_HEADER = re.compile(
    rf"(?:{_ARTICLE_NAMED}\s*)?\(\s*publisher:[^)]*\)|{_ARTICLE_NAMED}(?=\s*{_REPORTING}\b)", re.IGNORECASE
)
_HEADER_VERB = re.compile(rf"^{_REPORTING}\s+(?:that\s+)?", re.IGNORECASE)  # what is left of "The article… states that"


# "…according to Doran Pell's statement in [1].": the words point at the marker, which the reader's numbering replaces;
# without it the sentence would end "…statement in."
_POINTING_AT_MARKER = re.compile(r"\s+(?:in|from)\s*(?=(?:" + _MARKER.pattern + r"\s*)+[.!?]?\s*$)", re.IGNORECASE)
_JOINED_MARKERS = re.compile(r"\]\s*(?:,\s*and|,|and|&)\s*\[", re.IGNORECASE)  # "[1] and [3]" is one marker


def strip_markers(text: str) -> str:
    text = _JOINED_MARKERS.sub("][", text)
    text = _MARKER.sub("", _POINTING_AT_MARKER.sub(" ", _CITING_PHRASE.sub(" ", text)))
    headless, echoed = _SOURCE_HEADER.subn("", _ATTRIBUTION.sub("", text))
    text = headless.strip(" ,")
    text = _HEADER_VERB.sub("", text) if echoed else text
    text = text[:1].upper() + text[1:]
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"[,;:]+([.!?])", r"\1", text)  # "…five days, as stated in [1]." leaves "five days,."
    return " ".join(text.split())


# A trailing aside the model adds to a sentence (", a mining company in Belarus.", ", citing rising fuel costs."):
# the place to end a claim the checker cannot confirm whole. Only one that runs to the sentence's end: "the rescue,
# which began Sunday, could take…" has no main clause before its comma.
_TRAILING_ASIDE = re.compile(
    r",\s+(?:a|an|which|who|whose|where|known as|citing|saying|adding|leaving|blaming|following)\s[^,;]*$",
    re.IGNORECASE,
)
MIN_CLAUSE_WORDS = 4


def main_clause(claim: Claim) -> Claim | None:
    """The claim without its trailing aside, when it has one and what is left still says something."""
    match = _TRAILING_ASIDE.search(claim.text)
    if match is None:
        return None
    head = claim.text[: match.start()].rstrip()
    if len(head.split()) < MIN_CLAUSE_WORDS or head.count('"') % 2 or is_unfinished(head):
        return None
    return Claim(text=head + ".", cited=claim.cited)


# Where a claim joins a second statement to its first: ", and she agreed…", "; the firm said…", ", while Corvex…".
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=(?:she|he|they|it)\b|[A-Z])|;\s+")


def clauses(claim: Claim) -> list[Claim]:
    """The statements a claim joins ("Solberg said the fault lay in a battery pack, and she agreed to share the cost"
    -> two), each citing what the claim cites; the claim alone when it joins none, or when a part would be too short
    to say anything alone, or a join stands inside a quotation."""
    cuts = [m for m in _CLAUSE_JOIN.finditer(claim.text) if claim.text[: m.start()].count('"') % 2 == 0]
    if not cuts:
        return [claim]
    bounds = [0, *(point for m in cuts for point in (m.start(), m.end())), len(claim.text)]
    parts = [claim.text[bounds[k] : bounds[k + 1]].strip(" .") for k in range(0, len(bounds), 2)]
    if any(len(part.split()) < MIN_CLAUSE_WORDS for part in parts):
        return [claim]
    return [Claim(text=part[:1].upper() + part[1:] + ".", cited=claim.cited) for part in parts]


def split_claims(answer: str) -> list[Claim]:
    """Sentences of ``answer`` with their citation numbers; a marker standing alone belongs to the sentence before.
    The prompt's answer for a question the sources cannot answer is no part of a claim: a small model sometimes
    answers, and then adds that answer as well; a sentence left with nothing to say without it is none."""
    pieces: list[str] = []
    for sentence in _segmenter().segment(answer.strip()):
        if pieces and _ONLY_MARKERS.match(sentence):
            pieces[-1] += " " + sentence
        else:
            pieces.append(sentence)
    claims = []
    for piece in pieces:
        text = strip_markers(_SENTINEL.sub(" ", piece))
        if gives_sentinel(piece) and (len(text.split()) < MIN_CLAUSE_WORDS or is_unfinished(text)):
            continue  # "NOT IN SOURCES", "The answer is NOT IN SOURCES."
        if text and any(ch.isalnum() for ch in text):
            claims.append(Claim(text=text, cited=cited_numbers(piece)))
    return claims


# Where a sentence ends: its stop (not a decimal point), a closing quote or bracket, and the markers after it
# ('…"a real step". [1][2]').
_SENTENCE_END = re.compile(r"[.!?](?!\w)[\"”’')]*(?:\s*" + _MARKER.pattern + r")*", re.IGNORECASE)


def without_unfinished_end(answer: str) -> str:
    """A reply the model stopped at its token limit, up to the end of its last finished sentence: "…since 1994. [6]
    European Commission President" ends at "[6]"."""
    ends = list(_SENTENCE_END.finditer(answer))
    return answer[: ends[-1].end()] if ends else ""


def gives_sentinel(text: str) -> bool:
    """Whether ``text`` gives the prompt's answer for a question the sources cannot answer, anywhere in it."""
    return _SENTINEL.search(text) is not None


def says_not_found(text: str) -> bool:
    """Whether a sentence says the sources lack the answer, rather than stating a fact."""
    return _NOT_FOUND.search(text) is not None


# "The author of the report is [1]." leans on its marker for what it says: without it, the sentence is unfinished.
_UNFINISHED = re.compile(r"\b(?:is|are|was|were|by|of|the|a|an|and|or|from|with|than|to)\W*$", re.IGNORECASE)


# ... unless the word it ends on belongs to a question it reports: "without saying where from", "what it is made of"
_REPORTED_QUESTION_END = re.compile(
    r"\b(?:what|where|who|whom|which|whose)\b(?:\W+[\w'’]+){0,4}?\W+(?:by|of|from|with|to)\W*$", re.IGNORECASE
)


def is_unfinished(text: str) -> bool:
    """Whether a claim, its markers gone, stops before it says anything ("The article was written by.")."""
    return _UNFINISHED.search(text) is not None and _REPORTED_QUESTION_END.search(text) is None
