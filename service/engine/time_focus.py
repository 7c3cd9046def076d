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
