"""What kind of request a question is: a search-style query, or a request for something the articles cannot give."""

import re

_QUESTION_OPENERS = re.compile(
    r"^(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have"
    r"|had|tell|list|name|give|explain|describe|summari[sz]e|write|say|print|ignore|forget|you)\b",
    re.IGNORECASE,
)


def as_question(query: str) -> str:
    """A search-style query ("Belta", "Bakhmut siege") becomes a question a model answers instead of refusing."""
    if "?" in query or len(query.split()) > 6 or _QUESTION_OPENERS.match(query):
        return query
    return f"What do the articles say about {query}?"


# Creative writing, code or the model's own views are not answers from the articles, however the model obliges.
_SOMETHING_ELSE = re.compile(
    r"\b(write|compose|draft|generate|create|make up|sing)\b.{0,40}\b(poem|poetry|song|lyrics|story|stories|haiku"
    r"|limerick|essay|joke|rap|code|script|program|fiction)\b|\btell (me )?(a|an|some) (joke|story|stories)\b"
    r"|\b(your|you)\b.{0,20}\b(own )?(opinion|view|views|thoughts|feelings|beliefs)\b"
    r"|\bwhat do you (think|believe|feel)\b",
    re.IGNORECASE,
)


def asks_for_something_else(question: str) -> bool:
    """A request for a poem, a story, code or an opinion: refused whatever the articles say."""
    return _SOMETHING_ELSE.search(question) is not None


_COUNT = re.compile(
    r"\bhow many\b|\bhow much money\b|^\s*what (percentage|percent|share|proportion|number|fraction)\b", re.IGNORECASE
)
_QUANTITY = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"hundreds|thousand|thousands|million|millions|dozen|dozens|half|third|quarter|none|nobody|no one|all|every)\b",
    re.IGNORECASE,
)


def asks_for_quantity(question: str) -> bool:
    """ "How many…", "How much…", "What percentage…": only a sentence giving a quantity answers it."""
    return _COUNT.search(question) is not None


def gives_quantity(sentence: str) -> bool:
    return _QUANTITY.search(sentence) is not None
