"""When a when-question's event happened: the time a claim gives for it must stand in a sentence about that event.

"When will Keltra's appeal be heard?" is not answered by "A state court fined Keltra… on Wednesday": the Wednesday
is the fine's, and the sentence says nothing of an appeal. A claim that ties the asked event to a time needs one
sentence that holds both (or the sentence and its headline, or the sentence it refers back to).
"""

import calendar
import re
from functools import cache

from service.engine.lexicon import content_terms, names, numbers
from service.engine.question_forms import asks_of_page

_WHEN = re.compile(
    r"^\W*(?:when\b|(?:in|on|by|at|until|since) (?:what|which) (?:year|date|day|month|time)\b"
    r"|what (?:year|date|day|month|time)\b)",
    re.IGNORECASE,
)
# Weekdays and months (capitalised: "may" is also a verb) and the days said relative to a report: a time as a claim
# gives it besides its numbers.
_NAMED_TIMES = frozenset(name.lower() for name in [*calendar.day_name, *calendar.month_name] if name)
_RELATIVE_TIMES = frozenset(["yesterday", "today", "tomorrow", "tonight"])
# The words of a when-question that ask about time, not about which event.
_ASKING = "happen happened take taken place occur occurred date day year month time"


def asks_when(question: str) -> bool:
    """ "When will the appeal be heard?", "In what year did Lukashenko take power?"; not "When was the article…
    published?", which its page's date answers."""
    return _WHEN.search(question) is not None and not asks_of_page(question)


def event_words(question: str) -> set[str]:
    """What a when-question asks the time of, in its own words other than names: "appeal", "hear"."""
    return content_terms(question) - names(question) - _asking()


def times(text: str) -> set[str]:
    """The times ``text`` gives: its numbers, weekdays, months and "yesterday"-like words."""
    found = numbers(text)
    for word in re.findall(r"[A-Za-z]+", text):
        lower = word.lower()
        if lower in _RELATIVE_TIMES or (word[0].isupper() and lower in _NAMED_TIMES):
            found.add(lower)
    return found


def time_of_another_event(
    claim_times: set[str], claim_event: set[str], sentences: list[tuple[set[str], set[str]]]
) -> bool:
    """The claim gives a time for the asked event (``claim_event``: the event's words it repeats), and none of its
    sentences, each read as (its times, its words with its headline's), holds both that time and that event."""
    if not claim_times or not claim_event:
        return False
    return not any(claim_times & held and claim_event & words for held, words in sentences)


@cache
def _asking() -> frozenset[str]:
    return frozenset(content_terms(_ASKING))
