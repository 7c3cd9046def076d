"""What kind of request a question is: a search-style query, or a request for something the articles cannot give."""

import re

from ingest.clean import reads_as_byline, reads_as_dateline
from service.engine.lexicon import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    SPELLED_COUNT,
    content_terms,
    contradicts_superlative,
    money,
    names,
    numbers,
    superlatives,
)

# The verbs that open a question to be answered yes or no ("Did…", "Is…").
_AUXILIARIES = r"is|are|was|were|do|does|did|can|could|will|would|should|has|have|had"
_QUESTION_OPENERS = re.compile(
    rf"^(who|whom|whose|what|when|where|which|why|how|{_AUXILIARIES}"
    r"|tell|list|name|give|explain|describe|summari[sz]e|write|say|print|ignore|forget|you)\b",
    re.IGNORECASE,
)


# "Can you tell me who…" is a polite request, not a yes-or-no question.
_YES_OR_NO = re.compile(rf"^\W*(?:{_AUXILIARIES}|may|might|must)\b(?!\s+you\b)", re.IGNORECASE)


def asks_yes_or_no(question: str) -> bool:
    """ "Did the school close?": a sentence that only repeats the question answers it; "Who…?" or "Could you
    say who…?" it does not."""
    return _YES_OR_NO.match(question) is not None


def as_question(query: str) -> str:
    """A search-style query ("Belta", "Bakhmut siege") becomes a question a model answers instead of refusing."""
    if "?" in query or len(query.split()) > 6 or _QUESTION_OPENERS.match(query):
        return query
    return f"What do the articles say about {query}?"


# "What did Tamsin Orlo say about the nurses' strike?", "What has the ministry said regarding the subsidy?", "What
# did Lukashenko claim in March 2024 about the suspects?": what someone said, about a topic the question names.
_SAID_ABOUT = re.compile(
    r"^\W*(?:what|how)\s+(?:did|does|do|has|have|had)\s+\S.*?\s+"
    r"(?:say|said|tell|told|think|thought|claim|claimed|write|wrote|written|announce|announced|reveal|revealed"
    r"|add|added|argue|argued|warn|warned|assure|assured|suggest|suggested|report|reported|comment|commented"
    r"|state|stated|insist|insisted|explain|explained|feel|felt)\b"
    r"(?:\s+[\w,'’-]+){0,4}?\s+(?:about|regarding|concerning)\s+(?P<topic>[^?]*\w[^?]*?)\s*\?*\s*$",
    re.IGNORECASE,
)


def said_about(question: str) -> str | None:
    """The topic of a question asking what someone said about it ("What did Tamsin Orlo say about the nurses'
    strike?" -> "the nurses' strike"); None for any other question."""
    found = _SAID_ABOUT.match(question)
    return found.group("topic") if found else None


def is_name(phrase: str) -> bool:
    """Every content word of ``phrase`` is one of its ``names``: "the Wagner Group", "Gull Line"; not "Belarusian
    troops"."""
    terms = content_terms(phrase)
    return bool(terms) and terms <= names(phrase)


def is_about(text: str, name: str) -> bool:
    """An article is about a name it gives more than once ("Gull Line" in the report of its collapse), not one it
    mentions in passing ("the Kittiwake", its oldest vessel)."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    return len(re.findall(rf"\b{re.escape(bare)}\b", text)) > 1


# "Who wrote the article?", "Who is its author?", "Who reported on the collapse?" (not "Who reported the warning?").
_AUTHOR = re.compile(
    r"\bwho (?:wrote|authored|penned)\b|\bwho reported (?:on|for)\b|\bwritten by\b|\b(?:author|authors|byline)\b"
    r"|\b(?:who|which) (?:is |was |were )?(?:the )?(?:reporter|journalist|correspondent|writer)s?\b",
    re.IGNORECASE,
)


def asks_for_author(question: str) -> bool:
    """ "Who wrote the article about the strike?": a byline answers it, though it reads nothing like the question."""
    return _AUTHOR.search(question) is not None


# "When was the article about the strike published?", "What is the date of the story on the rescue?", "When did the
# Gazette publish its report?" (not "When was the auditor's report published?": a report in the news is news).
_ARTICLE = r"(?:article|story|piece|news item|coverage|dispatch)s?"
_CAME_OUT = r"(?:published|posted|written|run|ran|dated|appear|come out)"
_PUBLISHED = re.compile(
    rf"\bwhen (?:was|were|did)\b.{{0,80}}\b{_ARTICLE}\b.{{0,80}}\b{_CAME_OUT}\b"
    rf"|\b(?:publication|posting) (?:date|day)\b|\bdate (?:of|on) (?:the|this|that|its|each) {_ARTICLE}\b"
    rf"|\bwhat (?:date|day)\b.{{0,80}}\b{_ARTICLE}\b.{{0,80}}\b(?:published|posted|written|dated)\b"
    r"|\bwhen did (?:the )?(?-i:[A-Z][\w'-]*(?: [A-Z][\w'-]*)*) (?:publish|print|run)\b",
    re.IGNORECASE,
)


def asks_when_published(question: str) -> bool:
    """ "When was the article about the strike published?": the date its page gives it answers, though that date
    reads nothing like the question."""
    return _PUBLISHED.search(question) is not None


# "Which newspaper reported the strike?", "Who published the story about the rescue?" (not "Which agency…" or "Who
# published the report…": agencies and their reports are in the news too).
_PUBLISHER = re.compile(
    r"\b(?:which|what) (?:news ?paper|paper|outlet|news outlet|publication|news agency|wire service|news service"
    r"|news ?site|news website|broadcaster)s?\b|\bpublisher\b"
    rf"|\bwho (?:published|publishes|ran|carried) (?:the |this |that |an? |each )?{_ARTICLE}\b",
    re.IGNORECASE,
)


def asks_for_publisher(question: str) -> bool:
    """ "Which newspaper reported the strike?": the name the page gives its publisher answers it."""
    return _PUBLISHER.search(question) is not None


# "Who wrote the article about the strike, and when was it published?": a second thing asked of the same page.
_PUBLISHED_TOO = re.compile(
    r"\b(?:and|,) when (?:was|were) (?:it|they|this|that) (?:first )?(?:published|posted|dated|written)\b"
    r"|\band when\W*$",
    re.IGNORECASE,
)


def _asks_when_too(question: str) -> bool:
    """It asks who wrote or published an article, and then when it was published."""
    return (asks_for_author(question) or asks_for_publisher(question)) and _PUBLISHED_TOO.search(question) is not None


def without_second_page_question(question: str) -> str:
    """ "Who wrote the article about the strike, and when was it published?" as "Who wrote the article about the
    strike?": the articles are ranked by what the question says they are about, which a second clause only blurs."""
    return _PUBLISHED_TOO.sub("", question).rstrip(" ,?") + "?" if _asks_when_too(question) else question


# What a question about an article's page says the article is about: "Who wrote the article about the fine?" → "the
# fine"; "Which newspaper reported that the nurses had accepted the deal?" → "the nurses had accepted the deal".
_PAGE_TOPIC = re.compile(
    r"\b(?:about|on|covering|reporting(?: on| that)?|reported(?: on| that)?|reports? (?:on|that))\s+(?P<topic>.+?)"
    r"(?:,?\s+(?:and\s+when\b|(?:first\s+)?" + _CAME_OUT + r"\b).*)?\W*$",
    re.IGNORECASE,
)


def page_topic(question: str) -> str | None:
    """For a question asked of an article's page, what it says the article is about; None for other questions, or one
    that does not say."""
    if not asks_of_page(question):
        return None
    match = _PAGE_TOPIC.search(question)
    return match.group("topic") if match else None


def asks_of_page(question: str) -> tuple[str, ...]:
    """What a question asks of an article's page rather than of its story, in this order: its "byline" ("Who
    wrote…?"), its "dateline" ("When was the article… published?") and its "credit" ("Which newspaper…?"); none, one
    or several ("Which paper ran the story about the strike, and when was it published?")."""
    dateline = asks_when_published(question) or _asks_when_too(question)
    asked = (("byline", asks_for_author(question)), ("dateline", dateline), ("credit", asks_for_publisher(question)))
    return tuple(mark for mark, is_asked in asked if is_asked)


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
    r"\bhow many\b|\bhow much money\b|^\s*what (percentage|percent|share|proportion|number|fraction)\b"
    # an amount asked by name: "What is Tallis's salary?", "What was the cost of the barrier?", "How much did it cost?"
    r"|^\s*what (?:is|was|are|were) (?:[\w'’-]+ ){0,4}?(?:salary|salaries|wages?|price|cost|budget|population|turnout"
    r"|death toll|age)\b|^\s*how much (?:did|does|do|will|would) [^?]*\bcost\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"hundreds|thousand|thousands|million|millions|dozen|dozens|half|third|quarter|none|nobody|no one|all|every|"
    # how many times: "had warned Veska Metals twice"
    r"once|twice|thrice|several)\b",
    re.IGNORECASE,
)


def asks_for_quantity(question: str) -> bool:
    """ "How many…", "How much…", "What percentage…": only a sentence giving a quantity answers it."""
    return _COUNT.search(question) is not None


# A date or a distance or span of time is no count of what a how-many question asks about ("on June 24th", "in
# 2020", "hundreds of kilometres", "for 24 hours"), unless the question asks in those units.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b(?:1[89]|20)\d\d\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b"
)
_UNIT = re.compile(
    r"[\s,.\d-]*(?:of\s+)?(kilomet\w*|km|miles?|met(?:re|er)s?|hours?|minutes?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def _gives_quantity(sentence: str, question: str) -> bool:
    """The sentence gives a quantity: a number or a word for one that is not a date, nor (unless ``question`` asks in
    that unit) a distance or a span of time."""
    text = _DATE.sub(" ", sentence)
    for match in _QUANTITY.finditer(text):
        unit = _UNIT.match(text, match.end())
        if unit is None or re.search(rf"\b{unit.group(1)[:4]}", question, re.IGNORECASE):
            return True
    return False


_COUNTED = re.compile(r"\bhow many ([a-z][a-z'’-]+)", re.IGNORECASE)
_COUNT_WORD = rf"\d[\d,.]*\d|\d|{SPELLED_COUNT}"


def counted_noun(question: str) -> str | None:
    """What a how-many question counts: "nurses" in "How many nurses went on strike?"."""
    match = _COUNTED.search(question)
    return match.group(1).lower() if match else None


def counts(sentence: str, noun: str) -> set[str]:
    """The figures ``sentence`` gives as a count of ``noun``: "about 2,100 nurses", "3,400 striking nurses"."""
    stem = re.escape(noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun)
    pattern = rf"\b({_COUNT_WORD})\s+(?:[\w'’-]+\s+){{0,2}}?{stem}\w*"
    return set().union(*(numbers(n) for n in re.findall(pattern, sentence, re.IGNORECASE)))


# A price, a wage, a fee or a fine is paid in money: "84,000 tonnes of copper" is no price, "four years" no fine. (A
# cost is left to the count rule: "it cost 561 million" names no currency and answers.)
_MONEY_QUESTION = re.compile(
    r"^\s*(?:at )?(?:what|which) (?:is |was |are |were )?(?:[\w'’-]+ ){0,4}?"
    r"(?:price|prices|salary|salaries|wages?|fees?|fines?|ransom|compensation|budget)\b"
    r"|^\s*how much (?:money )?(?:did|does|do|was|were|is|are|will|would|has|have|had)\b[^?]*"
    r"\b(?:paid|pay|earns?|earned|charged?|charges|worth|spend|spent|sold|sell|fetch\w*|fined?|owes?|owed)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"[{CURRENCY_SIGNS}]|\b(?:{CURRENCY_WORDS}|{CURRENCY_CODES}|free of charge|unpaid)\b", re.IGNORECASE
)


def asks_for_money(question: str) -> bool:
    """ "What price did it get?", "How much was the mediator paid?": only a sum of money answers it."""
    return _MONEY_QUESTION.search(question) is not None


def answers_quantity(question: str, sentence: str) -> bool:
    """A sentence can answer the question as far as quantity goes: the question does not ask how many, or the
    sentence gives a count in its terms; a sum of money, where the question asks a price or a pay."""
    if asks_for_money(question):
        return _MONEY.search(sentence) is not None or bool(money(sentence))
    return not asks_for_quantity(question) or _gives_quantity(sentence, question)


# A place is no time: "on Sunday" does not say where two leaders met.
_TIME_WORDS = content_terms(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december morning afternoon evening night midnight noon dawn day days week weekend"
    " month year decade century time times hour minute spring summer autumn winter today yesterday tomorrow"
)
_WHERE = re.compile(
    r"^\s*(?:where\b|(?:in|to|from|at|near) (?:which|what) (?:city|town|village|country|place|region|province|state"
    r"|building|venue|port|district|street|area)\b)",
    re.IGNORECASE,
)
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|to|towards?|near|into|inside|outside|from|across|through|around|on|onto|off|beside|behind|under"
    r"|within|beyond|along|via|over)\s+(?:(?:the|a|an|its|their|his|her|this|that)\s+)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'’.-]+")
# "Where did they meet after the rebellion?": the place of the rebellion is not the answer.
_EVENT = re.compile(r"\b(?:after|before|during|since|following)\b", re.IGNORECASE)


def _names_a_place(question: str, sentence: str) -> bool:
    """The sentence puts something the question does not name after a preposition of place: "at the Constantine
    Palace", "to the hospital in Lenz"; not "on Sunday, July 23rd" (a time), "in the talks" (asked already) nor
    "the rebellion in Russia" for "Where did they meet after the rebellion?" (the place of the event it is timed by)."""
    asked = content_terms(question)
    event = _EVENT.search(question)
    event_terms = content_terms(question[event.end() :]) if event else set()
    for match in _PLACE_PREPOSITION.finditer(sentence):
        before = _WORD.findall(sentence[: match.start()])[-1:]
        if before and content_terms(before[0]) & event_terms:  # "the rebellion in Russia": where the event was
            continue
        phrase: set[str] = set()
        for word in _WORD.findall(sentence[match.end() :].split(",", maxsplit=1)[0])[:4]:
            terms = content_terms(word)
            if not terms:  # a stop word ends the noun phrase: "Sunday after talks" is "Sunday"
                break
            phrase |= terms
        if phrase - asked - _TIME_WORDS - {t for t in phrase if t.isdigit()}:
            return True
    return False


# "Why did Gull Line collapse?", "What led to the strike?", "What was the reason for the delay?"
_WHY = re.compile(
    r"^\s*(?:why\b|how come\b|what (?:caused|causes|led to|leads to|lay behind|lies behind|is behind|was behind"
    r"|drove)\b"
    r"|what (?:is|was|are|were) (?:the )?(?:main )?(?:reasons?|causes?)\b)",
    re.IGNORECASE,
)
# How news writing gives a cause: "blamed fuel costs", "because the rock was unstable", "due to", "led to"…
_CAUSE = re.compile(
    r"\b(?:because|blam(?:e|ed|es|ing)|due to|owing to|caus(?:e|ed|es|ing)|reasons?|as a result"
    r"|result(?:ed|s)? (?:of|from)|led to|leads? to|attribut\w* to|cit(?:ed|ing)|thanks to|in order to|so that"
    r"|was about|is about)\b",
    re.IGNORECASE,
)


def asks_why(question: str) -> bool:
    """ "Why did Gull Line collapse?": a sentence that gives a cause answers it, though it may not name what it
    explains ("Chief executive Colm Dervan blamed fuel costs")."""
    return _WHY.match(question) is not None


def gives_cause(sentence: str) -> bool:
    """The sentence gives a cause or a reason, in any of the usual ways news writing does."""
    return _CAUSE.search(sentence) is not None


_WHO = re.compile(r"^\s*(?:who|whom|whose)\b", re.IGNORECASE)
# Who says or does something in the news, when the answer gives a role rather than a name.
_ROLES = content_terms(
    "spokesman spokeswoman spokesperson official officials minister ministry secretary president mayor governor"
    " director chair chairman chairwoman chief executive head leader manager lawyer attorney judge prosecutor police"
    " union government council board company committee agency court expert analyst witness resident campaigner"
    " activist researcher scientist doctor administrator administrators owner founder regulator inspector auditor"
    " army military embassy parliament opposition"
)


def _names_someone(question: str, sentence: str) -> bool:
    """The sentence names someone the question does not: a name ("Greta Holm said…") or a role ("a spokesman
    said…"), not only what was said ("The ward could no longer be staffed…" is no answer to who said it)."""
    asked = content_terms(question)
    return bool((names(sentence) | (content_terms(sentence) & _ROLES)) - asked - _TIME_WORDS)


def names_what_is_asked(question: str, sentence: str) -> bool:
    """A where-question is answered only by a sentence that names a place, a who-question only by one that names
    someone, beyond what the question names itself."""
    if _WHERE.match(question):
        return _names_a_place(question, sentence)
    if _WHO.match(question):
        return _names_someone(question, sentence)
    return True


def fits_question(question: str, sentence: str, *, name_asked: bool = True) -> bool:
    """A sentence can answer the question as far as its form goes: a byline where it asks who wrote an article, a date
    alone where it asks when one was published (either, where it asks both); a quantity where it asks one
    (``answers_quantity``); a place or someone where it asks where or who (``names_what_is_asked``, unless
    ``name_asked`` is false); and not the opposite of a superlative it asks about ("the oldest vessel" for "the newest
    ferry"), unless it asks yes or no (where the opposite is the answer)."""
    marks = asks_of_page(question)
    if marks and "credit" not in marks:  # a credit is known by where it stands, not by how it reads
        return ("byline" in marks and reads_as_byline(sentence)) or (
            "dateline" in marks and reads_as_dateline(sentence)
        )
    if not answers_quantity(question, sentence) or (name_asked and not names_what_is_asked(question, sentence)):
        return False
    return asks_yes_or_no(question) or not contradicts_superlative(superlatives(question), superlatives(sentence))
