"""What a question says about time: the years it names, and whether it asks for the most recent account."""

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_LATEST = re.compile(
    r"\b(most recent|latest|newest|now|currently|current|today|these days|so far|final|in the end|eventually)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(change[sd]?|over time|evolve[sd]?|develop(ed|ments?)?|since|before|after|earlier|later|first|then|still"
    r"|history|timeline|became|no longer|anymore|how long)\b",
    re.IGNORECASE,
)
# How something changed across time, which several articles tell in turn (not "what happened after the vote").
_TRACE = re.compile(r"\b(chang(e|es|ed|ing)|over time|evolv(e|es|ed|ing)|develop(ed|ing)?|shift(ed)?|timeline)\b", re.I)
# "How did the pay offer change between February and March?", "What changed about the cost after the vote?": the
# thing whose change is asked.
_CHANGING = re.compile(
    r"^\W*(?:how\s+(?:did|has|have|had|does|do)\s+(?P<subject>.+?)\s+(?:chang|evolv|develop|shift)\w*"
    r"|what\s+(?:has\s+|had\s+)?changed\s+(?:about|in|for|with)\s+(?P<topic>.+?)"
    r"(?:\s+(?:between|from|since|over|in|during|after|before|across)\b.*)?\W*$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeFocus:
    years: frozenset[int]
    latest: bool
    about_change: bool  # asks how something changed, or what came before or after
    across_time: bool  # asks how something changed over time, or between two years it names

    @property
    def chronological(self) -> bool:
        """The answer depends on when each account was published: show the articles oldest first."""
        return bool(self.years) or self.latest or self.about_change

    def matches_year(self, published: str, text: str) -> bool:
        """The article was published in a named year, or the sentence itself names it."""
        return any(published.startswith(str(year)) or str(year) in text for year in self.years)


def read_time_focus(question: str) -> TimeFocus:
    return TimeFocus(
        years=frozenset(int(y) for y in _YEAR.findall(question)),
        latest=_LATEST.search(question) is not None,
        about_change=_CHANGE.search(question) is not None,
        across_time=_TRACE.search(question) is not None or len(set(_YEAR.findall(question))) >= 2,
    )


def what_changed(question: str) -> str | None:
    """For a question about how something changed, a question each step of the change answers: "How did the pay offer
    change between February and March?" → "What was the pay offer?". The cross-encoder reads the question's months and
    its "change" and rates "The health authority has offered 4.2 percent" as no answer to it. None for other
    questions."""
    match = _CHANGING.match(question)
    if match is None:
        return None
    thing = (match.group("subject") or match.group("topic") or "").strip()
    return f"What was {thing}?" if thing else None
