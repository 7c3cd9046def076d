"""Who does what a who-question asks about. "Who claimed responsibility for the attack?" is not answered by
"Lukashenko claimed responsibility" from a sentence in which Lukashenko "recounted the details … to address critics
who claimed Putin took too long": there the critics claim."""

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache

from service.engine.lexicon import calendar_terms, content_terms, names

# "Who claimed…?", "Who has accused…?" (not "Who was blamed…?" nor "Who did Russia blame…?": there the one asked
# about is not the one acting).
_ASKED = re.compile(
    r"^\s*(?:who|which (?:person|official|group|side|company|leader|country))\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?"
    r"(?!(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should|may|might|must)\b)([a-z][a-z'-]+)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'’-]+|[,;:()\"“”]")
_RELATIVE = {"who", "that", "which"}
# News reports one statement with any of these: "called the estimate a fairy tale" is "said the estimate was one".
_SAYING_VERBS = "say says said tell tells told call calls called describe describes described term termed dub dubbed"
_SAYING = re.compile(rf"\b(?:{'|'.join(_SAYING_VERBS.split())})\b", re.IGNORECASE)
# Words between an actor and their verb that say nothing of who acts: "Critics had accused", "Putin also said".
_BETWEEN = {"had", "has", "have", "also", "then", "later", "first", "publicly", "reportedly", "repeatedly", "once"}
_BE = {"is", "are", "was", "were", "been", "being", "be"}
_PUNCTUATION = {",", ";", ":", "(", ")", '"', "“", "”"}
AGENT_REACH = 6  # "was credited with the agreement by both sides": how far after a passive verb its "by" may stand
ACTOR_WORDS = 3  # the words before "who" read as the one acting: "Russian security officials who claimed"
AGENT_WORDS = 5  # the words after "by" read as the one acting: "by mining engineer Oskar Friel"
OBJECT_REACH = 3  # "claimed responsibility", "accused Ukraine and the West": how near its verb the question's object
ASKED_SHARE = 0.5  # of what a who-question asks its verb of ("the Ostwick Folk Festival"), the share a claim holds
SAID_REACH = 6  # "said they hoped to find a buyer": what was said, a clause, stands a little further off
_SAY = "say"  # "said" is a filler word to ``content_terms`` (an answer's "the article said"); here it is the verb


def asked_action(question: str) -> str | None:
    """The verb of a question asking who did something, stemmed: "claim" for "Who claimed responsibility…?"."""
    return _asked(question)[0]


def _asked(question: str) -> tuple[str | None, str]:
    """The stemmed verb of a who-question, and the words after it ("responsibility for the attack?")."""
    match = _ASKED.match(question)
    terms = _verb_terms(match.group(1)) if match else set()
    if match is None or len(terms) != 1:
        return None, ""
    return next(iter(terms)), question[match.end() :]


def asked_object(question: str) -> set[str]:
    """What a who-question asks its verb of, in its terms: "Corvex Cells" in "Who founded Corvex Cells?"."""
    return content_terms(_asked(question)[1])


def actors(sentence: str, action: str) -> list[set[str] | None]:
    """For each place ``sentence`` uses the verb ``action``, who does it, as far as the words around it tell: who
    comes after its "by" ("led by Oskar Friel"), the name before it ("Putin said"), or the words before a "who"
    ("critics who claimed"); None where they do not tell ("…and claimed", "it was claimed")."""
    words = _WORD.findall(sentence)
    return [_actor(words, i) for i in _uses_of(words, action)]


def _uses_of(words: list[str], action: str) -> list[int]:
    if action in _saying_actions():  # "Who said…?" is asked of whoever said, told or called
        return [i for i, word in enumerate(words) if _SAYING.fullmatch(word)]
    return [i for i, word in enumerate(words) if action in content_terms(word)]


def _verb_terms(word: str) -> set[str]:
    return {_SAY} if word.lower() in {"say", "says", "said"} else content_terms(word)


def _actor(words: list[str], i: int) -> set[str] | None:
    """Who does the verb at ``words[i]``, as far as the words around it tell."""
    j = i - 1
    while j >= 0 and words[j].lower() in _BETWEEN:
        j -= 1
    agent = _agent(words, i, passive=j >= 0 and words[j].lower() in _BE)
    if agent is not None:
        return agent
    if j >= 0 and words[j].lower() in _RELATIVE:
        return set().union(*(content_terms(w) for w in words[max(0, j - ACTOR_WORDS) : j])) or None
    if j >= 0 and words[j][:1].isupper():
        start = j
        while start > 0 and words[start - 1][:1].isupper():
            start -= 1
        return set().union(*(content_terms(w) for w in words[start : j + 1])) or None
    return None


def does_what_is_asked(question: str, sentence: str) -> bool:
    """The sentence has someone the question does not name do what it asks: its verb, with the question's next word
    close after it ("ISIS-K claimed responsibility" for "Who claimed responsibility for the attack?"; not "critics
    who claimed Putin took too long")."""
    action, rest = _asked(question)
    if action is None:
        return False
    asked = content_terms(question)
    following = next((terms for w in _WORD.findall(rest) if (terms := content_terms(w))), set())
    words = _WORD.findall(sentence)
    reach = SAID_REACH if action in _saying_actions() else OBJECT_REACH
    for i in _uses_of(words, action):
        near = set().union(*(content_terms(w) for w in words[i + 1 : i + 1 + reach]))
        who = _actor(words, i)
        if who and who - asked and following <= near:
            return True
    return False


def names_who_did(question: str, claim: str, headline: str) -> bool:
    """The claim answers a who-question in a word made from its verb, which the cross-encoder may not read as the
    verb ("The headline act, The Marram Sisters, played…" for "Who headlined the Ostwick Folk Festival?"): it uses
    the verb or such a word, names someone the question does not, and it or its article's headline holds at least
    half of what the question asks it of ("Ostwick Folk Festival"); ``headline`` may be the claim read under it. Not
    for verbs of saying: any sentence that reports speech uses one."""
    action, rest = _asked(question)
    if action is None or action in _saying_actions() or not uses(claim, action):
        return False
    asked = content_terms(rest)
    named = names(claim) - content_terms(question) - calendar_terms()
    return bool(named) and len(asked & content_terms(f"{headline} {claim}")) >= ASKED_SHARE * len(asked)


def uses(sentence: str, action: str) -> bool:
    """The sentence uses the verb ``action`` or a word made from it ("owner" for "own", "rescuers" for "rescue"); for
    a verb of saying ("called it a fairy tale"), any verb of saying ("said the estimate was a fairy tale")."""
    if action in _saying_actions():
        return _SAYING.search(sentence) is not None
    return any(term.startswith(action) for term in content_terms(sentence))


@cache
def _saying_actions() -> frozenset[str]:
    """The verbs of saying as ``asked_action`` gives them, stemmed (when first needed, not at import)."""
    return frozenset(content_terms(_SAYING_VERBS)) | {_SAY}


def _agent(words: list[str], verb: int, *, passive: bool) -> set[str] | None:
    """Who acts in a passive ("led by Oskar Friel", "was credited with the agreement by both sides"): the words
    after "by" up to the clause's end, where "by" follows the verb at once, or within reach of one after "was"."""
    reach = AGENT_REACH if passive else 1
    for k in range(verb + 1, min(len(words), verb + 1 + reach)):
        if words[k] in _PUNCTUATION:
            return None
        if words[k].lower() == "by":
            phrase = []
            for word in words[k + 1 : k + 1 + AGENT_WORDS]:
                if word in _PUNCTUATION:
                    break
                phrase.append(word)
            return set().union(*(content_terms(w) for w in phrase)) or None
    return None


def done_by_another(said: set[str], stated: list[set[str] | None], used: bool) -> bool:
    """A claim names who did the asked thing (``said``: the first of its ``actors``), and its evidence does not
    have them do it: no sentence of it uses the verb (``used`` is false: "Lukashenko claimed responsibility" from
    sentences about his help and the gunmen's videos), or every place one does (``stated``: their ``actors``) tells
    that someone else did it. Where a sentence uses the verb without telling who acts, nothing more is judged."""
    if not said:
        return False
    if not used:
        return True
    if not stated or any(who is None for who in stated):
        return False
    return not any(said & who for who in stated if who is not None)


def done_to_another(said: set[str], asked: set[str], sentences: Sequence[tuple[bool, AbstractSet[str]]]) -> bool:
    """A claim names who did the asked thing (``said``) to what the question asks it of (``asked``: the claim's words
    for it, times aside), and the sentences of its evidence that use the verb lack half or more of those words, which
    only its other sentences hold: each sentence read as (whether it uses the verb, its words with its headline's and
    the sentence before's). "Hanne Solberg founded Corvex Cells" is not supported by "Quillon was founded in 2014 by
    Solberg" beside a sentence naming Corvex Cells."""
    if not said or not asked:
        return False
    doing = set().union(*(words for acts, words in sentences if acts))
    others = set().union(*(words for acts, words in sentences if not acts))
    borrowed = {term for term in asked if term not in doing and term in others}
    return len(borrowed) >= ASKED_SHARE * len(asked)


def reverses_voice(verb: str, subject: str, sentences: Sequence[str]) -> bool:
    """The claim has its subject do what the sentences carrying it have done to the subject: its verb (``verb_after``)
    stands in them, every time in the passive and never by the subject, in sentences about the subject (named
    first). "Zelensky assured Lukashenko that troops…" is not "Zelensky said he spoke to Lukashenko… and was assured
    that troops…"; "Lukashenko assured Zelensky" is left to the rest of the checks, as it is from "Zelensky was
    assured by Lukashenko"."""
    passive = False
    for sentence in sentences:
        if subject not in _first_name(sentence):
            return False
        words = _WORD.findall(sentence)
        for i in _uses_of(words, verb):
            j = i - 1
            while j >= 0 and words[j].lower() in _BETWEEN:
                j -= 1
            if j < 0 or words[j].lower() not in _BE or subject in (_agent(words, i, passive=True) or set()):
                return False
            passive = True
    return passive


def verb_after(claim: str, subject: str) -> str | None:
    """The stem of the regular past tense right after the name whose terms hold ``subject`` ("assur" in "Zelensky
    assured Lukashenko"), passing over words like "also" or "had"; None where another word follows the name."""
    words = _WORD.findall(claim)
    at = next((i for i, word in enumerate(words) if word[:1].isupper() and subject in content_terms(word)), None)
    if at is None:
        return None
    k = at + 1
    while k < len(words) and (words[k][:1].isupper() or words[k].lower() in _BETWEEN):
        k += 1
    if k == len(words) or not re.fullmatch(r"[a-z]+ed", words[k]):
        return None
    terms = content_terms(words[k])
    return next(iter(terms)) if len(terms) == 1 else None


def _first_name(sentence: str) -> set[str]:
    """The terms of the first name the sentence gives, with the capitalised words around it ("Ukrainian President
    Volodymyr Zelensky"): whom it is about, as news writes."""
    named = names(sentence) - calendar_terms()
    words = _WORD.findall(sentence)
    for i, word in enumerate(words):
        if word[:1].isupper() and content_terms(word) & named:
            start, end = i, i + 1
            while start > 0 and words[start - 1][:1].isupper():
                start -= 1
            while end < len(words) and words[end][:1].isupper():
                end += 1
            return set().union(*(content_terms(w) for w in words[start:end]))
    return set()
