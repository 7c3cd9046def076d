"""Words that carry content: lemmatised and stemmed, stop words out, numbers normalised. Shared by selection and
checking."""

import calendar
import re
from functools import cache, lru_cache

import simplemma
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

# Words an answer uses to talk about its sources rather than about the world.
_FILLER = {
    "according",
    "article",
    "articles",
    "source",
    "sources",
    "report",
    "reported",
    "reports",
    "mention",
    "mentioned",
    "mentions",
    "say",
    "said",
    "says",
    "stated",
    "states",
    "also",
    "however",
    "would",
    "could",
    "yes",
    "overall",
    "meanwhile",
}
_STOP = frozenset(STOPWORDS_EN_PLUS) | _FILLER
_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def normalise_number(token: str) -> str:
    """ "7,000" and "7000" are one number; "65.2" keeps its decimals; ordinals lose their suffix."""
    if re.fullmatch(r"\d{1,3}(,\d{3})+", token):
        token = token.replace(",", "")
    return token.rstrip(".,")


def numbers(text: str) -> set[str]:
    found = {normalise_number(match) for match in _NUMBER.findall(text)}
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[word])
    return found


# A number joined to what it measures: "48-hour", "five-day", "10-year-old".
_MEASURE = re.compile(r"(?<![\w.,-])(\d+(?:[.,]\d+)*|[A-Za-z]+)-([A-Za-z]+(?:-[A-Za-z]+)*)")
_AGED = {"old", "age"}  # "a 37-year-old" is 37 years old, aged 37, of age 37


def measures(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The numbers the text gives on their own, and those it gives joined to what they measure, each with that
    word's term: "a 48-hour strike by 300 nurses" gives {"300"} and {("48", "hour")}. A 48-hour strike is no count
    of 48 strikers."""
    joined: set[tuple[str, str]] = set()
    for match in _MEASURE.finditer(text):
        number, unit = match.groups()
        if _is_number(number):
            value = normalise_number(number) if number[0].isdigit() else _NUMBER_WORDS[number.lower()]
            units = {unit_term(term) for term in content_terms(unit)}
            joined |= {(value, unit) for unit in units | (_AGED if units & _AGED else set())}
    alone = numbers(_MEASURE.sub(lambda m: " " if _is_number(m.group(1)) else m.group(), text))
    return alone, joined


def unit_term(term: str) -> str:
    """A unit's term as either spelling gives it: "metr" (metre) and "meter" are one."""
    return f"{term[:-2]}ter" if term.endswith("tr") else term


def _is_number(word: str) -> bool:
    return word[0].isdigit() or word.lower() in _NUMBER_WORDS


# How a sum of money is written: a currency sign or code, or a currency word ("dollars", "crowns"…).
CURRENCY_SIGNS = "$€£¥₹₽₴"
CURRENCY_CODES = "USD|EUR|GBP|JPY|CNY|CHF|RUB|INR|SEK|NOK|DKK"
CURRENCY_WORDS = (
    "dollars?|euros?|pounds?|sterling|pence|cents?|yen|yuan|renminbi|roubles?|rubles?|francs?|kronor|kroner|krona"
    "|krone|crowns?|rupees?|pesos?|lira|lire|zloty|hryvnias?|shekels?|dinars?"
)
# A sum of money: a number after a currency sign or code ("$84,000", "US$2m", "EUR 40"), or before a currency word,
# perhaps past a scale ("3.2 million euros", "40bn yuan"); "won", "rand" and "real" are currencies only there.
_MONEY = re.compile(
    rf"(?:[A-Z]{{0,2}}[{CURRENCY_SIGNS}]|\b(?:{CURRENCY_CODES})\s?)\s?(\d+(?:[.,]\d+)*)"
    r"|(\d+(?:[.,]\d+)*)\s?(?:(?:million|billion|trillion|thousand|mn|bn|m|k)\b\s?)?"
    rf"(?:{CURRENCY_WORDS}|reais|real|rand|won)\b",
    re.IGNORECASE,
)


def money(text: str) -> set[str]:
    """The numbers ``text`` gives as sums of money: "$84,000" is money, "84,000 tonnes" is not."""
    return {normalise_number(sign or word) for sign, word in _MONEY.findall(text)}


# A count from two to ninety written as a word ("one" is too often no count; "hundred" is part of a larger one).
SPELLED_COUNT = "|".join(word for word in _NUMBER_WORDS if word not in ("one", "hundred"))
_SPELLED_COUNT = re.compile(rf"(?<![\w-])(?:{SPELLED_COUNT})(?![\w-])", re.IGNORECASE)


def with_digits(text: str) -> str:
    """ "Eleven miners" as "11 miners": a count from two to ninety in digits ("one" is too often no count; "twenty-five"
    stays as written)."""
    return _SPELLED_COUNT.sub(lambda match: _NUMBER_WORDS[match.group().lower()], text)


# A superlative and the ones that say the opposite of it: "the oldest vessel" is no evidence for "the newest ferry".
_OPPOSITE_SUPERLATIVES = {
    "newest": {"oldest"},
    "oldest": {"newest", "youngest"},
    "youngest": {"oldest"},
    "largest": {"smallest"},
    "biggest": {"smallest"},
    "smallest": {"largest", "biggest"},
    "highest": {"lowest"},
    "lowest": {"highest"},
    "earliest": {"latest"},
    "longest": {"shortest"},
    "shortest": {"longest"},
    "best": {"worst"},
    "worst": {"best"},
    "richest": {"poorest"},
    "poorest": {"richest"},
    "cheapest": {"dearest"},
    "strongest": {"weakest"},
    "weakest": {"strongest"},
}


def superlatives(text: str) -> set[str]:
    """The superlatives among ``text``'s words that have an opposite ("newest", "largest"…), lower-cased."""
    return {word for word in re.findall(r"[a-z]+", text.lower()) if word in _OPPOSITE_SUPERLATIVES}


def contradicts_superlative(said: set[str], source: set[str]) -> bool:
    """A superlative ``said`` is not in the ``source`` sentence's, and its opposite is: the source says the other."""
    return any(word not in source and _OPPOSITE_SUPERLATIVES[word] & source for word in said)


def content_terms(text: str) -> set[str]:
    """Content words of ``text``, lemmatised then stemmed (so "met" is "meet", as "meeting" is), and its normalised
    numbers."""
    words = []
    terms = set()
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            terms.add(normalise_number(token))
        elif token in _NUMBER_WORDS:
            terms.add(_NUMBER_WORDS[token])
        else:
            word = token.replace("’", "'").removesuffix("'s")
            if word not in _STOP and len(word) > 1:
                words.append(simplemma.lemmatize(word, lang="en").lower())
    terms.update(_stemmer().stemWords(words))
    return terms


_NAME = re.compile(r"\b([A-Z][\w'’-]*)")


def names(text: str) -> set[str]:
    """Stemmed capitalised words: the names, places and dates a claim asserts (an opener like "The" is a stop
    word and drops out; an opener that is a content word is held to the same standard as a name)."""
    found = set()
    for match in _NAME.finditer(text.strip()):
        found |= content_terms(match.group(1))
    return {term for term in found if not term.isdigit()}


@cache
def calendar_terms() -> frozenset[str]:
    """Weekdays and months, as ``names`` finds them: when something happened names no one."""
    return frozenset(content_terms(" ".join([*calendar.day_name, *calendar.month_name])))


_PRONOUN = re.compile(r"\b(he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"\b(he|she|his|her|hers|him)\b", re.IGNORECASE)
# a sentence ends at a full stop, a question or exclamation mark, or a quote closed after one; not at '…cost,"'
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”\"])\s+|\n+")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Za-z]+)?\b")


def refers_back(text: str) -> bool:
    """The text uses a personal pronoun before it names anyone ("In a statement, she said…", "Both sides credited
    her…": a capitalised word that is no content word names no one)."""
    return _before_any_name(_PRONOUN, text)


def refers_back_to_person(text: str) -> bool:
    """The text says "she", "he", "her"… (one person, not "they") before it names anyone."""
    return _before_any_name(_PERSON_PRONOUN, text)


# what someone is quoted as saying: its words are not the sentence's names ('"Thirty nurses is no plan," she said')
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def unquoted(text: str) -> str:
    """The text with what it quotes blanked out: '"Minsk is an extension of the Kremlin", the official added' names
    the official, not the Kremlin, as who speaks."""
    return _QUOTED.sub(lambda quoted: " " * len(quoted.group()), text)


def _before_any_name(pronouns: re.Pattern[str], text: str) -> bool:
    text = unquoted(text)
    pronoun = pronouns.search(text)
    if pronoun is None:
        return False
    named = (m.start() for m in _NAME_WORD.finditer(text) if content_terms(m.group()))  # "She", "Both": stop words
    return pronoun.start() < min(named, default=len(text))


def previous_sentence(text: str, start: int) -> str:
    """The sentence (or line) that ends just before ``start`` in ``text``."""
    pieces = [p for p in _SENTENCE_BREAK.split(text[max(0, start - 600) : start]) if p.strip()]
    return pieces[-1].strip() if pieces else ""


ANTECEDENT_REACH = 3  # sentences back that a "she" or "he" may stand for someone named


def antecedent_sentences(text: str, start: int) -> str:
    """Where the pronoun of the sentence at ``start`` finds its person: the sentence before it and, while that one
    too refers back, the ones before that ("Solberg said… / "We will pay," she said. / She added…"), at most
    ``ANTECEDENT_REACH``."""
    found: list[str] = []
    end = start
    while len(found) < ANTECEDENT_REACH:
        before = previous_sentence(text, end)
        if not before:
            break
        found.insert(0, before)
        if not refers_back(before):
            break
        end = text.rfind(before, 0, end)
    return " ".join(found)


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def with_person_named(text: str, antecedents: str) -> str:
    """``text`` with the "she" or "he" it opens on (before any name) replaced by the first person ``antecedents``
    present as a speaker or actor: '"We will pay," she said.' reads '"We will pay," Hanne Solberg said.'. A
    cross-encoder asked what Solberg said rates the pronoun's sentence as about no one. As it is when it names
    someone first, or ``antecedents`` present no one."""
    pronoun = _SUBJECT_PRONOUN.search(text)
    if pronoun is None or not refers_back_to_person(text[: pronoun.end()]):
        return text
    found = _speaker_matches(antecedents)
    if not found:
        return text
    return f"{text[: pronoun.start()]}{_as_introduced(antecedents, found[0])}{text[pronoun.end() :]}"


ROLE_REACH = 8  # words, name included, that a sentence may open with before its speaker's name ends


def _as_introduced(text: str, speaker: re.Match[str]) -> str:
    """The speaker's name with the words its sentence opens with before it, its role: "Regional health minister
    Tomas Ekwall" (read as "Tomas Ekwall", the cross-encoder takes a health minister's words for no minister's);
    the name alone where more stands before it."""
    opens = max((b.end() for b in _SENTENCE_BREAK.finditer(text, 0, speaker.start(1))), default=0)
    introduced = text[opens : speaker.end(1)].strip()
    return introduced if len(introduced.split()) <= ROLE_REACH else speaker.group(1)


# A name is a speaker or actor (a person, or an organisation that speaks) when a text gives it a title or has it
# say or do something: "Mayor Ilse Varga", "Halloran addressed", "Ostrava Marine denied", "Maren Dahl, who".
_TITLE = (
    r"(?:President|Prime Minister|Minister|Mayor|Councillor|Secretary|Ambassador|Governor|governor|auditor|chair"
    r"|chairman|chairwoman|spokesperson|spokesman|spokeswoman|leader|official|Commissioner|Chancellor|King|Queen"
    r"|Senator|General|Mr|Mrs|Ms|Dr)\.?"
)
_PHRASE = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
_SPEECH = (
    r"(?:said|says|told|tells|added|claimed|claims|denied|denies|announced|wrote|warned|asked|argued|insisted|stated"
    r"|called|confirmed|declared|assured|accused|blamed|explained|suggested|rejected|promised|urged|admitted"
    r"|acknowledged|conceded|noted|described|pledged|vowed|threatened|criticised|criticized|praised|welcomed"
    r"|dismissed|reported|revealed|predicted|estimated)"
)
_VERB = r"(?:" + _SPEECH + r"|spoke|addressed|met|held|agreed|defended|cut|did|refused)"
_STATEMENT = re.compile(r"\b" + _SPEECH + r"\b")
_SPEAKER_AFTER_TITLE = re.compile(_TITLE + r",?\s+(?:[A-Z][\w'’-]*\s+)*?(" + _PHRASE + r")")
# "Moscow's claims" is no speaker: a possessive before the verb-like word makes it a noun. An apposition may stand
# between name and verb: "Ostrava Marine, the firm building the barrier, blamed".
_APPOSITION = r"(?:,[^,.;:\"“”]{1,100},)?"
_SPEAKER_BEFORE_VERB = re.compile(
    r"(" + _PHRASE + r")(?<!['’]s)(?:,\s+who\b|" + _APPOSITION + r",?\s+(?:had\s+|has\s+)?" + _VERB + r"\b)"
)


# "The union and the administrators said…": two speakers, one statement. Each must speak in its sentences.
_JOINT_SPEAKERS = re.compile(
    r"^(?:the\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+and\s+(?:the\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
    r"(?:both\s+|jointly\s+|also\s+|had\s+|have\s+)?" + _SPEECH + r"\b",
    re.IGNORECASE,
)


def joint_speakers(claim: str) -> list[set[str]]:
    """The terms of each of two speakers a claim opens with as making one statement ("The union and the
    administrators said that 1,400 jobs would go": {union}, {administr}); none for any other claim."""
    found = _JOINT_SPEAKERS.match(claim.strip())
    if found is None or _STATEMENT.search(found.group(1)):  # "The firm blamed storms and the auditor said…"
        return []
    terms = [content_terms(found.group(1)), content_terms(found.group(2))]
    return terms if all(terms) else []


def before_speech(text: str) -> str:
    """The words before a sentence's first verb of saying, where its speakers stand ("The city auditor, Petra
    Sunnell, gave a different account: she"); the whole sentence when it has none."""
    found = _STATEMENT.search(text)
    return text[: found.start()] if found else text


def _speaker_matches(text: str) -> list[re.Match[str]]:
    found = [m for pattern in (_SPEAKER_AFTER_TITLE, _SPEAKER_BEFORE_VERB) for m in pattern.finditer(text)]
    return sorted(found, key=lambda m: m.start(1))


def speakers(texts: list[str]) -> set[str]:
    """Stemmed surnames (last words) of the names the texts present as speakers or actors."""
    found: set[str] = set()
    for text in texts:
        for match in _speaker_matches(text):
            found |= content_terms(match.group(1).split()[-1])
    return found


def subject(claim: str) -> str | None:
    """The claim's subject when it presents one as a speaker or actor ("Varga spoke…", "Mayor Ilse Varga held…"):
    the stemmed surname of the first. A place the claim merely mentions ("outside Moscow") is no subject."""
    found = _subject_match(claim)
    return sorted(content_terms(found.group(1).split()[-1]))[0] if found else None


def said_of_subject(claim: str) -> str:
    """What the claim says of its subject: the claim without the subject's name (title included), up to the next
    speaker it names ("Mayor Ilse Varga led the campaign" -> "led the campaign"; "the firm blamed storms, while the
    auditor said…" -> "blamed storms, while the"). The whole claim when it has no subject."""
    found = _subject_match(claim)
    if found is None:
        return claim
    return claim[: found.start()] + _up_to_next_speaker(claim, found.end(1))


# A claim that says who someone is ("Ruben Strand is the chief executive of Keltra", "The chief executive of Keltra
# is Ruben Strand") has that person as its subject, and the role as what it says of them.
_COPULA = r"\s+(?:is|was|has been|had been)\s+"
_NAME_IS = re.compile(r"(" + _PHRASE + r")" + _APPOSITION + _COPULA)
_ROLE_FIRST = re.compile(r"^[Tt]he\s+([^,;:]{2,80}?)" + _COPULA + r"(" + _PHRASE + r")\s*(?:[.!]|,[^.!?]*[.!]?)?$")


def name_first(claim: str) -> str:
    """ "The chief executive of Keltra is Ruben Strand(, who …)." as "Ruben Strand is the chief executive of Keltra.";
    any other claim as it is."""
    found = _ROLE_FIRST.match(claim.strip())
    return f"{found.group(2)} is the {found.group(1)}." if found else claim


def _subject_match(claim: str) -> re.Match[str] | None:
    found = [*_speaker_matches(claim), *(m for m in _NAME_IS.finditer(claim) if m.start() == 0)]
    return min((m for m in found if content_terms(m.group(1).split()[-1])), key=lambda m: m.start(1), default=None)


def says_who_someone_is(claim: str) -> bool:
    """The claim's subject is followed by "is" or "was" ("Ruben Strand is the chief executive of Keltra")."""
    found = _subject_match(claim)
    return found is not None and _NAME_IS.match(claim, found.start(1)) is not None


# Where the role a claim gives someone ends: "the former director of the port who was charged…", "…, who…", "… and".
_ROLE_END = re.compile(r"\s+(?:who|whom|whose|which|that|and|but|since|after|before|when|while)\b|[,;:.!?(]")


def role_of(claim: str) -> str:
    """The role a claim that says who someone is gives them ("Piet Moraal is the former director of the port who was
    charged separately" -> "the former director of the port"); "" for any other claim."""
    found = _subject_match(claim)
    if found is None:
        return ""
    copula = _NAME_IS.match(claim, found.start(1))
    if copula is None:
        return ""
    end = _ROLE_END.search(claim, copula.end())
    return claim[copula.end() : end.start() if end else len(claim)]


def reports_speech(claim: str) -> bool:
    """The claim says that someone said something (not only that they did something)."""
    return _STATEMENT.search(claim) is not None


def reported(claim: str) -> str:
    """What the claim says its subject said: the words after the first speech verb that follows the subject, up to
    the next speaker it names ("Putin said that Minsk is an extension of the Kremlin" -> "that Minsk is an extension
    of the Kremlin"; "the firm blamed storms, while the auditor said…" -> "storms, while the")."""
    found = _subject_match(claim)
    verb = _STATEMENT.search(claim, found.end(1) if found else 0)
    return _up_to_next_speaker(claim, verb.end()) if verb else ""


def _up_to_next_speaker(claim: str, start: int) -> str:
    """``claim`` from ``start`` to the next speaker or actor it names (or its end)."""
    following = [m.start() for m in _speaker_matches(claim) if m.start() >= start]
    return claim[start : min(following, default=len(claim))]


# A claim that denies something ("the school did not close") needs a source that denies something too: content
# words and meaning alone read "did not close" as "closed".
_NEGATION = r"\bnot\b|n['’]t\b|\bno\b|\bnever\b|\bneither\b|\bnor\b|\bnone\b|\bnobody\b|\bnothing\b|\bcannot\b"
_CLAIM_NEGATION = re.compile(_NEGATION, re.IGNORECASE)
# A source says the same with "denied", "refused", "rejected", "declined", "stopped short of", "without"…
_SOURCE_NEGATION = re.compile(
    _NEGATION + r"|\b(?:den(?:y|ies|ied|ial)|refus\w*|reject\w*|declin\w*|fail\w*|without|short of|instead|rather than"
    r"|unable|lack\w*|absen\w*|dismiss\w*|contradict\w*|disput\w*|halt\w*|stopp\w*|ended|no longer)\b",
    re.IGNORECASE,
)


# "stopped short of publicly offering his support", "troops will not go": the words after such a phrase did not happen.
_CONTRARY = re.compile(
    r"\b(?:not|never|no|no longer|n['’]t|refused to|declined to|failed to|stopped short of|short of|instead of"
    r"|rather than|without|den(?:y|ies|ied))\s+(?!(?:only|just|merely|least|doubt)\b)",
    re.IGNORECASE,
)
_CONTRARY_REACH = 2  # content words after the phrase that it denies


def denied_terms(source: str) -> set[str]:
    """The first content words after each phrase that says something did not happen ("stopped short of publicly
    offering" -> publicly, offering), stemmed."""
    found: set[str] = set()
    for match in _CONTRARY.finditer(source):
        taken = 0
        for word in source[match.end() :].split()[:6]:
            terms = content_terms(word)
            found |= terms
            taken += bool(terms)
            if taken == _CONTRARY_REACH:
                break
    return found


def negates(claim: str) -> bool:
    """The claim says that something is not so."""
    return _CLAIM_NEGATION.search(claim) is not None


def denies(source: str) -> bool:
    """The source sentence says, in any of the ways news writing does, that something is not so."""
    return _SOURCE_NEGATION.search(source) is not None
