"""Source sentences served verbatim, where the model's answer falls short: the passage the cross-encoder rates best,
when the model would not answer (or the checker removed all it wrote) or answered from other sentences; failing that,
for a who-question, the sentence in which someone does what it asks, or for "Who is <name>?" the best that names
them, or for a how-many question the best that counts what it asks; the sentences a bare "Yes" or "No", or any claim
answering a yes-or-no question, cites, in its place; each article of a change over time that the answer leaves out;
the candidates for the other side of a dispute it left out; and, for a how-many question, the other figure given for
the same count. A quote needs no checking: it is the article's own text at its offsets."""

import re
from dataclasses import replace

from service.engine.actors import does_what_is_asked
from service.engine.lexicon import content_terms, numbers
from service.engine.question_forms import counted_noun, counts
from service.engine.selection import SourceSentence
from service.engine.verify import Verdict

PARAPHRASE_DROP = 3.0  # a served claim citing the best sentence stands for it unless rated this much lower
RESTATED_SHARE = 0.2  # ... or unless it leaves out more than this share of the sentence's content words

# Words by which news writing reports a second account: "rejected that account", "contradicted Moscow's claims",
# "there was no evidence", "denied", "disputed", "gave a different account", "had no record of any such warning".
_DISPUTE = re.compile(
    r"\b(?:contradict\w*|reject\w*|den(?:y|ies|ied|ial)|disput(?:ed|ing)|no evidence|dismiss\w*|different account"
    r"|no record|not true|untrue"
    # the verb, not the noun ("a dispute that saw two strikes" reports no second account)
    r"|disputes (?:the|that|this|these|those|his|her|its|their|claims?|reports?|accounts?|figures?)\b"
    r"|refut\w*|countered|disagree\w*|challenged)\b",
    re.IGNORECASE,
)


def disputes(text: str) -> bool:
    """The sentence reports that someone disputes, denies or contradicts an account."""
    return _DISPUTE.search(text) is not None


def quote(sources: list[SourceSentence], sentence: SourceSentence) -> Verdict:
    """``sentence`` (one of ``sources``) as a served sentence citing itself."""
    return Verdict(sentence.text, (sources.index(sentence) + 1,), supported=True, score=1.0, quoted=True)


def _cited(served: list[Verdict]) -> set[int]:
    return {n for verdict in served for n in verdict.cited}


def best_passage(
    sources: list[SourceSentence], served: list[tuple[Verdict, float]], min_score: float
) -> Verdict | None:
    """The best-ranked source, when the cross-encoder rates it at least ``min_score`` (so relevant that leaving it
    out is the model's failure, not the articles') and no served sentence (each with the cross-encoder's rating of it
    against the question) stands for it: one that cites it stands for it unless rated ``PARAPHRASE_DROP`` lower and not
    a restatement of it (``_restates``). Asked what Odile Mensah said about the wind, the model wrote what she said
    about the response time, citing her quote about the wind for her name and title (rated 2.0 against its 6.8)."""
    best = max(sources, key=lambda s: s.score, default=None)
    if best is None or best.score < min_score:
        return None
    standing_for = [
        verdict
        for verdict, rating in served
        if rating >= best.score - PARAPHRASE_DROP or _restates(verdict.text, best.text)
    ]
    return None if sources.index(best) + 1 in _cited(standing_for) else quote(sources, best)


def _restates(claim: str, sentence: str) -> bool:
    """The claim gives all but a few of the sentence's content words (``RESTATED_SHARE``): "Colm Dervan blamed fuel
    costs…" restates "Chief executive Colm Dervan blamed fuel costs…", however the cross-encoder rates the two."""
    terms = content_terms(sentence)
    return bool(terms) and len(terms - content_terms(claim)) <= RESTATED_SHARE * len(terms)


def acting_passage(question: str, sources: list[SourceSentence], min_score: float) -> Verdict | None:
    """For a who-question nothing else answers: the best-ranked shown sentence in which someone the question does not
    name does what it asks ("ISIS-K claimed responsibility for the attack"), if it rates at least ``min_score``."""
    acting = [s for s in sources if s.score >= min_score and does_what_is_asked(question, s.text)]
    return quote(sources, max(acting, key=lambda s: s.score)) if acting else None


def count_passage(
    question: str, sources: list[SourceSentence], checked: list[Verdict], min_score: float
) -> Verdict | None:
    """For a how-many question nothing else answers, where the model gave a count the checker could not confirm: the
    best-ranked shown sentence that gives a count of what it asks, if it rates at least ``min_score``. Asked how many
    strikes the nurses held, the model wrote "three strikes" from "three hospitals"; "a dispute that saw two strikes
    since February" answers."""
    noun = counted_noun(question)
    if noun is None or not any(counts(v.text, noun) for v in checked if not v.supported):
        return None
    counting = [s for s in sources if s.score >= min_score and counts(s.text, noun)]
    return quote(sources, max(counting, key=lambda s: s.score)) if counting else None


# "Who is Mara Dulic?", "Who was Oskar Friel?": a question that asks only who someone it names is.
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was)\s+(?P<name>[^?]+?)\s*\?*\s*$", re.IGNORECASE)


def identity_passage(question: str, sources: list[SourceSentence], min_score: float) -> Verdict | None:
    """For a question asking only who someone it names is: the best-ranked shown sentence that gives their whole
    name, if it rates at least ``min_score``. News says who someone is where it names them ("Veska chief executive
    Mara Dulic said…"). "Who is the mayor?" asks for a name, not this."""
    match = _WHO_IS.match(question)
    if match is None or not all(word[:1].isupper() for word in match.group("name").split()):
        return None
    whole_name = re.compile(rf"\b{re.escape(match.group('name'))}\b")
    naming = [s for s in sources if s.score >= min_score and whole_name.search(s.text)]
    return quote(sources, max(naming, key=lambda s: s.score)) if naming else None


def uncited_articles(sources: list[SourceSentence], served: list[Verdict], min_score: float) -> list[Verdict]:
    """For a question about change over time: the best sentence of each shown article the served sentences do not
    cite, when it rates at least ``min_score``, in the order the sources are shown (oldest article first)."""
    cited_articles = {sources[n - 1].source for n in _cited(served) if 1 <= n <= len(sources)}
    best: dict[str, SourceSentence] = {}
    for s in sources:
        if s.source in cited_articles or s.score < min_score:
            continue
        if s.source not in best or s.score > best[s.source].score:
            best[s.source] = s
    return [quote(sources, s) for s in sorted(best.values(), key=sources.index)]


def disputing(sources: list[SourceSentence], served: list[Verdict], min_score: float) -> list[SourceSentence]:
    """The shown sentences that dispute an account, rated at least ``min_score``, that the served answer does not
    cite, the most relevant first: the candidates for the other side of a dispute it left out."""
    cited = _cited(served)
    left_out = [
        s for n, s in enumerate(sources, start=1) if n not in cited and s.score >= min_score and disputes(s.text)
    ]
    return sorted(left_out, key=lambda s: s.score, reverse=True)


def other_figure(
    question: str, sources: list[SourceSentence], served: list[Verdict], min_score: float
) -> Verdict | None:
    """For "How many nurses…?": the most relevant shown sentence that counts nurses with a figure the served answer
    does not give (the authority's 2,100 beside the union's 3,400; a later toll beside an earlier one)."""
    counted = counted_noun(question)
    if counted is None:
        return None
    cited = _cited(served)
    given = set().union(*(numbers(v.text) for v in served))
    left_out = [
        s
        for n, s in enumerate(sources, start=1)
        if n not in cited and s.score >= min_score and counts(s.text, counted) - given
    ]
    return quote(sources, max(left_out, key=lambda s: s.score)) if left_out else None


# A reply that is only "Yes" or "No": no source sentence's wording can confirm which.
_BARE_REPLY = re.compile(r"^\W*(?:yes|no)\W*$", re.IGNORECASE)


def evidence_for_yes_or_no(verdicts: list[Verdict], sources: list[SourceSentence], yes_or_no: bool) -> list[Verdict]:
    """Whether something happened cannot be read off a sentence's words: "Yes, Israel joined the resolution" holds
    every word of "Israel's refusal to join the resolution", and "Yes, the emergency departments stayed open" answers
    "Did they close?" with its own words against its yes. So in answer to a yes-or-no question, each supported claim
    gives way to the sentences it cites, served as they stand for the reader to judge; and a bare "Yes" or "No",
    which reads as supported by any sentence on the question or by none, does so whatever the question. A claim the
    checker did not support stays, to be removed; so does a bare reply that cites no shown sentence."""
    kept: list[Verdict] = []
    for verdict in verdicts:
        # a byline, dateline or credit tells who wrote or published an article and when, not whether anything happened
        cited = [n for n in verdict.cited if 1 <= n <= len(sources) and sources[n - 1].page_mark is None]
        bare = _BARE_REPLY.match(verdict.text) is not None
        if not (cited and (bare or (yes_or_no and verdict.supported))):
            kept.append(verdict)
            continue
        already = {n for v in kept if v.quoted for n in v.cited}
        kept += [replace(quote(sources, sources[n - 1]), stands_for=verdict.text) for n in cited if n not in already]
    return kept
