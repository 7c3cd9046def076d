"""The claim checker: is each answer sentence backed by the source sentences it cites?

Deterministic and local. A claim is supported when every number and name it asserts appears in its evidence (a sum of
money as money: "$84,000" is not "84,000 tonnes"), enough of its content words do, and its meaning is close to the
evidence (MiniLM cosine). Asked how many of something there were, a figure the claim gives as that count must be
one its sentences give as that count, where any shown sentence counts it ("three strikes" is not "three hospitals"
beside "two strikes"). A short answer ("139") is read together with the question it answers. The claim's subject,
when it is a speaker or actor ("Varga spoke at a rally"), must stand in the sentence that carries the rest of the claim,
in its headline, or in the sentence before it where that one says "she" (outside what the sentence quotes, where the
claim has them say something): a statement about Halloran's rally is not evidence that Varga spoke there, whatever the
question asked; and what the claim says of its subject, or has them say, or who it says they are, must stand in the
sentences about the subject; what those sentences only have done to the subject, the claim must not have the subject
do ("Zelensky assured…" is not "Zelensky… was assured"); a name it puts where its sentence says "her" must be one the
sentence before (whom "her" stands for) names. Two speakers a claim has make one statement ("the
union and the administrators said") must each speak in its sentences. A claim that only repeats the question's words
answers no question but a yes-or-no one, and is marked: its yes or no is not checked (like every supported answer to a
yes-or-no question, it is served as the sentences it cites). A claim that says something is not so needs evidence that
says something is not so ("did not close" is not "closed"). A claim that blames or accuses someone needs evidence that
blames them, and not by the one it names as blaming ("blamed on Russia" is not "Russian officials accused Ukraine"). A
claim naming who did what a who-question asks needs evidence that uses the verb, with no one else doing it ("Lukashenko
claimed responsibility" is not "…to address critics who claimed…"). A claim giving the time of what a when-question
asks needs a sentence that holds both ("the appeal will be heard on Wednesday" is not "fined… on Wednesday"). A claim
whose citation fails is checked against every other source it was shown, and re-attached to the one that does support
it, or to its cited or best-matching sentence plus one more of the same article; only a claim tracing figures across
articles ("from 340 to 561 million") is re-attached to one sentence per figure, wherever it stands.
The same checker serves answers and scores the evals.
"""

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from service.engine.accusations import Accusation, accusations, misreads
from service.engine.actors import (
    actors,
    asked_action,
    asked_object,
    done_by_another,
    done_to_another,
    reverses_voice,
    uses,
    verb_after,
)
from service.engine.claims import Claim, is_unfinished
from service.engine.denials import asserted_beside_denial, denied_content, reads_denial_backwards
from service.engine.event_times import asks_when, event_words, time_of_another_event, times
from service.engine.lexicon import (
    before_speech,
    calendar_terms,
    content_terms,
    contradicts_superlative,
    denied_terms,
    denies,
    joint_speakers,
    measures,
    money,
    name_first,
    names,
    negates,
    numbers,
    reported,
    reports_speech,
    role_of,
    said_of_subject,
    says_who_someone_is,
    speakers,
    subject,
    superlatives,
    unit_term,
    unquoted,
)
from service.engine.question_forms import asks_of_page, asks_yes_or_no, counted_noun, counts
from service.engine.selection import UNKNOWN, SourceSentence

COVERAGE_WEIGHT = 0.55
MIN_COVERAGE = 0.5
MIN_CITED_SCORE = 0.35
SHORT_CLAIM_TERMS = 3
CARRIER_SHARE = 0.75  # a sentence carries the claim when it holds this share of what the best one holds
REPAIR_ANCHORS = 2  # uncited or miscited claims: the best-matching sentences that may pair with another
TOLD_SHARE = 0.5  # of what a claim says of (or has said by) its subject, the share its sentences must hold
MIN_TOLD_TERMS = 2  # "she said this in a statement" tells too little to hold against the sources
# A claim that repeats this many of the question's words (what it is about: "the joint study of the herring stocks")
# is about something else when its sentences, headlines included, hold at most one of them and none of them would
# pass the relevance gate alone: a date for the barrier is no date for the study. (Words alone, half of them, were
# tried: that refused a paraphrase, "How many concertgoers lost their lives when gunmen stormed the venue", whose
# sentence says "gunmen killed at least 139 people"; a cross-encoder score under 0 as "not relevant" refused
# "Births will move to Velden General Hospital, 48 kilometres away", scored -0.04, for "How far will women travel".)
MIN_TOPIC_TERMS = 3
# A claim asserts what a sentence denies when it holds this many of the words the sentence says did not happen: one
# alone is often only shared ("said he spoke to Lukashenko … troops will not go to Ukraine").
MIN_DENIED = 2


@dataclass(frozen=True)
class Verdict:
    text: str
    cited: tuple[int, ...]  # 1-based numbers of the sources shown to the model
    supported: bool
    score: float
    repaired: bool = False
    quoted: bool = False  # a source sentence served as it stands, not the model's claim
    stands_for: str = ""  # for a sentence quoted in place of the model's answer to a yes-or-no question: that answer


@dataclass(frozen=True)
class Evidence:
    terms: set[str]
    numbers: set[str]
    money: set[str]  # the numbers it gives as sums of money ("$84,000", not "84,000 tonnes")
    # the numbers it gives on their own, and those it joins to what they measure ("48-hour": ("48", "hour"))
    measures: tuple[set[str], set[tuple[str, str]]]
    names: set[str]
    vector: np.ndarray
    subjects: set[str]  # who the sentence can be about: its own names, its headline's, its antecedent's
    outside_quotes: set[str]  # ... of which those it names outside what it quotes
    speakers: set[str]  # whom it presents as speaking or acting
    denies: bool  # it says that something is not so
    denied: set[str]  # the words it says did not happen ("stopped short of publicly offering")
    superlatives: set[str]  # "oldest", "largest"…
    relevant: bool  # the cross-encoder read it as bearing on the question (at least the relevance gate's score)
    accusations: list[Accusation]  # who it says accuses or blames whom
    acting: list[set[str] | None]  # who does what a who-question asks, where it uses that verb (``actors``)
    acts: bool  # it uses the verb of a who-question, or a word made from it (a byline, dateline or credit does not)
    times: set[str]  # for a when-question, the times it gives (numbers, weekdays, months), its page's date included
    antecedent: set[str]  # when it opens with "she" or "he": the names of the sentence before, whom that stands for
    article: str = ""  # the file it comes from
    page_mark: bool = False  # a byline, dateline or credit: it states one thing about the article, and only that
    voices: frozenset[str] = frozenset()  # who may speak in it: its headline's, its context's words and its own before
    # its verb of saying
    story: frozenset[str] = frozenset()  # for a page mark: the words of its article's shown sentences (its story)
    asserted_beside_denial: frozenset[str] = frozenset()  # "rejected the criticism, saying the crews came in time"
    denied_that: frozenset[str] = frozenset()  # "rejected the criticism that the crews were late"
    counts: frozenset[str] = frozenset()  # for a how-many question, the figures it gives as counts of what is counted
    text: str = ""  # the sentence itself


@dataclass(frozen=True)
class ClaimFacts:
    terms: set[str]
    novel: set[str]  # terms the question did not already give
    topic: set[str]  # terms the question did give: what the claim is about
    numbers: set[str]
    money: set[str]  # a sum of money needs a sum of money: "$84,000" is not "84,000 tonnes"
    names: set[str]  # names the cited evidence itself must hold
    vector: np.ndarray
    subject: str | None  # the speaker or actor the claim is about, if it names one
    mentioned: set[str]  # every name the claim gives
    speech: bool  # it reports what its subject said
    authoring: bool  # it says its subject wrote, reported or published something (a byline's or credit's verbs)
    joint: list[set[str]]  # two speakers it has make one statement ("The union and the administrators said…")
    reported: set[str]  # the terms of what it says the subject said (none without a speech verb)
    predicate: set[str]  # the terms of what it says of its subject (question's words included), not of others
    said: set[str]  # ... names included, where it says who the subject is ("located in Corrin")
    role: set[str]  # the role it gives its subject, when it says who they are ("the former director of the port")
    negated: bool  # it says that something is not so
    denying: bool  # it uses any word by which a source says something is not so ("denied", "refused"…)
    restates: bool  # it only restates a yes-or-no question: what is checked is what it is about, not its yes or no
    superlatives: set[str]  # "newest", "largest"…: a sentence that says the opposite one does not support it
    accusations: list[Accusation]  # who it says accuses or blames whom: its evidence must not say the reverse
    acting: set[str]  # who it says does what a who-question asks: its evidence must not have someone else do it
    asked: set[str]  # its words for what that question asks the verb of ("Corvex Cells"), times aside
    times: set[str]  # the times it gives, when it answers a when-question with the asked event's words
    event: set[str]  # those words ("appeal", "hear"): one sentence must hold them with the time
    denied_that: set[str]  # what it has someone deny "that…": its sentences must not have them assert it instead
    verb: str | None  # the stem of the regular past tense right after its subject's name ("assur"), if any
    # for a how-many question, the figures it gives as counts of what is asked, where a shown sentence counts that too
    counts: set[str] = field(default_factory=set)


class ClaimChecker:
    def __init__(self, embedder: BaseEmbedding, threshold: float, min_relevance: float) -> None:
        """``min_relevance``: the cross-encoder score under which a sentence reads as no answer to the question (the
        engine's relevance gate)."""
        self._embedder = embedder
        self.threshold = threshold
        self.min_relevance = min_relevance

    def run(self, question: str, claims: list[Claim], sources: list[SourceSentence]) -> list[Verdict]:
        if not claims:
            return []
        readings = [_with_question(question, claim.text) for claim in claims]
        question_terms = content_terms(question)
        # A name the question gives and the shown articles hold need not be repeated by the cited sentence; but in a
        # yes-or-no question every name is part of what is asked ("Has Zelensky visited Minsk?").
        yes_or_no = asks_yes_or_no(question)
        # who wrote or published an article is told by where a byline or credit stands, not by a verb
        action = None if asks_of_page(question) else asked_action(question)
        object_asked = asked_object(question) - times(question) - calendar_terms() if action else set()
        shown_names = set().union(*(content_terms(f"{s.text} {s.title}") for s in sources)) if sources else set()
        given_names = set() if yes_or_no else names(question) & shown_names
        # what a when-question asks the time of, in the words the shown sentences use too
        event = event_words(question) & shown_names if asks_when(question) else set()
        counted = counted_noun(question)
        texts = readings + [source.text for source in sources]
        vectors = np.asarray(self._embedder.get_text_embedding_batch(texts))
        claim_vectors, source_vectors = vectors[: len(claims)], vectors[len(claims) :]
        marks = [s.page_mark for s in sources]
        stories = {
            article: frozenset().union(*(content_terms(s.text) for s in sources if s.source == article))
            for article in {s.source for s, mark in zip(sources, marks, strict=True) if mark}
        }
        stated = [_as_stated(s, mark) for s, mark in zip(sources, marks, strict=True)]
        evidence = [
            Evidence(
                terms=content_terms(stated[i]),
                numbers=numbers(f"{s.text} {s.title} {s.published}"),
                measures=measures(f"{s.text} {s.title} {s.published}"),
                money=money(f"{s.text} {s.title}"),
                names=content_terms(f"{s.context} {stated[i]} {s.title} {s.publisher} {_spoken_date(s.published)}"),
                vector=source_vectors[i],
                subjects=content_terms(f"{s.title} {s.context} {s.text}"),
                outside_quotes=content_terms(f"{s.title} {s.context} {unquoted(s.text)}"),
                speakers=speakers([f"{s.context} {s.text}"]),
                denies=denies(s.text),
                denied=denied_terms(s.text),
                superlatives=superlatives(s.text),
                relevant=s.score >= self.min_relevance,
                accusations=accusations(s.text),
                acting=actors(s.text, action) if action else [],
                acts=action is not None and uses(s.text, action),
                times=times(f"{s.text} {_spoken_date(s.published)}") if event else set(),
                antecedent=names(s.context),
                article=s.source,
                page_mark=marks[i] is not None,
                story=stories[s.source] if marks[i] else frozenset(),
                voices=frozenset(content_terms(f"{s.title} {s.context} {before_speech(s.text)}")),
                asserted_beside_denial=frozenset(asserted_beside_denial(s.text)),
                denied_that=frozenset(denied_content(s.text)),
                counts=frozenset(counts(s.text, counted)) if counted else frozenset(),
                text=s.text,
            )
            for i, s in enumerate(sources)
        ]
        counting = any(e.counts for e in evidence)
        verdicts = []
        for i, claim in enumerate(claims):
            text = name_first(claim.text)
            about = subject(text)
            claim_terms = content_terms(claim.text)
            novel = claim_terms - question_terms - _happening_words()
            said = content_terms(said_of_subject(text))
            facts = ClaimFacts(
                terms=content_terms(readings[i]),
                novel=novel,
                topic=claim_terms & question_terms,
                numbers=numbers(claim.text),
                money=money(claim.text),
                names=names(claim.text) - (given_names - {about}),
                vector=claim_vectors[i],
                subject=about,
                mentioned=names(claim.text),
                speech=reports_speech(claim.text),
                authoring=_AUTHORING.search(claim.text) is not None,
                joint=joint_speakers(claim.text),
                reported=content_terms(reported(text)),
                # who someone is: the role, not the organisation it names ("chief executive", not "Keltra")
                predicate=said - names(text) if says_who_someone_is(text) else said,
                said=said,
                role=content_terms(role_of(text)) - names(text),
                negated=negates(claim.text),
                denying=denies(claim.text),
                restates=yes_or_no and not novel,
                superlatives=superlatives(claim.text),
                accusations=accusations(claim.text),
                acting=next((who for who in actors(claim.text, action) if who), set()) if action else set(),
                asked=object_asked & claim_terms,
                times=times(claim.text) if event else set(),
                event=event & claim_terms,
                denied_that=denied_content(claim.text),
                verb=verb_after(text, about) if about else None,
                counts=counts(claim.text, counted) if counted and counting else set(),
            )
            if not (facts.novel or facts.numbers or yes_or_no) or is_unfinished(claim.text):
                # Only the question's own words ("Wagner fighters were killed"): no answer to who, what or how many;
                # or a sentence that stops where its marker stood ("The report was written by [1].").
                verdicts.append(Verdict(claim.text, claim.cited, False, 0.0))
                continue
            verdicts.append(self._check(claim, facts, evidence, [source.source for source in sources]))
        return verdicts

    def _check(self, claim: Claim, facts: ClaimFacts, evidence: list[Evidence], articles: list[str]) -> Verdict:
        cited = tuple(n for n in claim.cited if 1 <= n <= len(evidence))
        if cited:
            score = self._score(facts, [evidence[n - 1] for n in cited])
            if score >= self.threshold:
                singles = {n: self._score(facts, [evidence[n - 1]]) for n in cited}
                best = max(singles, key=singles.__getitem__)
                kept = tuple(n for n in cited if singles[n] >= MIN_CITED_SCORE) or (best,)
                # the sentences it keeps must hold the claim between them: "…demanded thirty nurses" cites the
                # sentence that gives the thirty, though neither alone carries the claim
                if kept != cited and self._score(facts, [evidence[n - 1] for n in kept]) < self.threshold:
                    kept = cited
                return Verdict(claim.text, kept, True, round(score, 3))
        repairs: dict[tuple[int, ...], float] = {(n,): self._score(facts, [e]) for n, e in enumerate(evidence, start=1)}
        # The cited sentence (or, when the citation is missing or wrong, the best-matching one) may need one more of
        # its article to hold every name and number.
        best_singles = sorted(repairs, key=repairs.__getitem__, reverse=True)[:REPAIR_ANCHORS]
        anchors = set(cited) | {key[0] for key in best_singles}
        for n in sorted(anchors):
            for m in range(1, len(evidence) + 1):
                if m != n and articles[m - 1] == articles[n - 1]:
                    repairs[(n, m)] = self._score(facts, [evidence[n - 1], evidence[m - 1]])
        by_number = _one_sentence_per_number(facts, evidence, repairs)
        if by_number:
            repairs[by_number] = self._score(facts, [evidence[n - 1] for n in by_number])
        if repairs:
            best_repair = max(repairs, key=lambda key: (repairs[key], -len(key)))
            if repairs[best_repair] >= self.threshold:
                return Verdict(claim.text, best_repair, True, round(repairs[best_repair], 3), repaired=True)
        fallback = self._score(facts, [evidence[n - 1] for n in cited]) if cited else 0.0
        return Verdict(claim.text, cited, False, round(fallback, 3))

    def _score(self, facts: ClaimFacts, evidence: list[Evidence]) -> float:
        if not facts.terms:
            return 0.0
        ev_terms = set().union(*(e.terms for e in evidence))
        ev_numbers = set().union(*(e.numbers for e in evidence))
        ev_money = set().union(*(e.money for e in evidence))
        ev_names = set().union(*(e.names for e in evidence))
        coverage = len(facts.terms & ev_terms) / len(facts.terms)
        if facts.novel:  # what the claim adds to the question counts as much as all it says
            coverage = (coverage + len(facts.novel & ev_terms) / len(facts.novel)) / 2
        dense = max(float(np.clip(facts.vector @ e.vector, 0.0, 1.0)) for e in evidence)
        score = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * dense
        if (
            facts.numbers - ev_numbers
            or facts.money - ev_money
            or _measure_read_as_count(facts, evidence)
            # "the nurses held three strikes" from "three hospitals", where another shown sentence gives "two strikes"
            or bool(facts.counts - set().union(*(e.counts for e in evidence)))
            or facts.names - ev_names
            or coverage < MIN_COVERAGE
            or _off_topic(facts, evidence, ev_names)
            or _beyond_page(facts, evidence, ev_terms)
            or _misattributed(facts, evidence)
            or _reverses_voice(facts, evidence)
            # each of two speakers it has make one statement is one its sentences have speak (or their headlines name)
            or any(not who & set().union(*(e.voices for e in evidence)) for who in facts.joint)
            or _renames_pronoun(facts, evidence)
            or contradicts_superlative(facts.superlatives, set().union(*(e.superlatives for e in evidence)))
            or misreads(facts.accusations, [a for e in evidence for a in e.accusations])
            or reads_denial_backwards(facts.denied_that, [(e.asserted_beside_denial, e.denied_that) for e in evidence])
            or done_by_another(facts.acting, [who for e in evidence for who in e.acting], any(e.acts for e in evidence))
            or done_to_another(facts.acting, facts.asked, [(e.acts, e.subjects) for e in evidence])
            or time_of_another_event(facts.times, facts.event, [(e.times, e.subjects) for e in evidence])
            # a restatement is served as the sentences it cites, which say themselves whether it happened
            or (not facts.restates and _denial_unsupported(facts, evidence))
        ):
            score = min(score, self.threshold - 0.01) * 0.5
        return score


def _one_sentence_per_number(
    facts: ClaimFacts, evidence: list[Evidence], singles: dict[tuple[int, ...], float]
) -> tuple[int, ...]:
    """For a claim that traces a figure through several articles ("from 340 to 512, then 561 million"), the best
    sentence holding each of its numbers, when every number has one."""
    if len(facts.numbers) < 2:
        return ()
    chosen: set[int] = set()
    for number in facts.numbers:
        holding = [n for n, e in enumerate(evidence, start=1) if number in e.numbers]
        if not holding:
            return ()
        chosen.add(max(holding, key=lambda n: singles.get((n,), 0.0)))
    return tuple(sorted(chosen)) if len(chosen) > 1 else ()


def _carriers(terms: set[str], evidence: list[Evidence]) -> list[Evidence]:
    """The sentences that carry the bulk of ``terms``: each holds at least ``CARRIER_SHARE`` of what the best holds."""
    overlap = [len(terms & e.terms) for e in evidence]
    return [e for e, n in zip(evidence, overlap, strict=True) if n and n >= CARRIER_SHARE * max(overlap)]


def _denial_unsupported(facts: ClaimFacts, evidence: list[Evidence]) -> bool:
    """The claim and the sentences carrying the bulk of it disagree on whether it happened: it says something is not
    so and none of them says anything is not so (a denial beside it, "promised that no ward would close", is no
    evidence that the vote did not happen); or it denies nothing and each of them says that what it asserts did not
    happen ("Putin publicly offered support" where the sentence says he "stopped short of publicly offering" it)."""
    carriers = _carriers(facts.terms, evidence)
    if facts.negated:
        return not any(e.denies for e in carriers)
    return not facts.denying and bool(carriers) and all(len(facts.terms & e.denied) >= MIN_DENIED for e in carriers)


def _off_topic(facts: ClaimFacts, evidence: list[Evidence], ev_names: set[str]) -> bool:
    """The claim is about what the question asks, and its sentences are about something else: they share at most one
    word of it, headlines included, and none would pass the relevance gate on its own ("the study will be finished
    by the end of 2023" from "the barrier is expected to be finished by the end of 2023")."""
    return (
        len(facts.topic) >= MIN_TOPIC_TERMS
        and len(facts.topic & ev_names) <= 1
        and not any(e.relevant for e in evidence)
    )


def _beyond_page(facts: ClaimFacts, evidence: list[Evidence], ev_terms: set[str]) -> bool:
    """A byline, a dateline or a credit supports who wrote or published the article under its headline, and when;
    nothing more, and not of another article. A claim citing one cites no sentence of another article; of the words
    it shares with the question about which article ("the collapse of Gull Line"), its sentences and headline, or the
    article's other shown sentences, hold half or more (a headline words its story its own way: "voters back" for
    "referendum", "halts all flights" for "the airline's collapse", so one word alone is not judged); and citing only
    these, it adds no word they do not hold."""
    marked = {e.article for e in evidence if e.page_mark}
    if not marked:
        return False
    about = facts.topic - _page_words()
    told = ev_terms.union(*(e.story for e in evidence))
    return (
        any(e.article not in marked for e in evidence)
        or (len(about) >= 2 and len(about & told) < len(about) / 2)
        or (all(e.page_mark for e in evidence) and bool(facts.novel - ev_terms))
    )


def _misattributed(facts: ClaimFacts, evidence: list[Evidence]) -> bool:
    """The claim names a subject that none of the sentences carrying the bulk of what it says of them is about; or
    the sentences about the subject do not hold what it says of them ("Mayor Varga led the campaign" where her
    sentence says she led the city), or what it says they said (a question that gives the statement does not make
    it the subject's); or it reports what its subject said, folding in what another speaker said without naming
    them ("the firm blamed storms" + "the auditor said it underbid" is no evidence that the firm spoke of
    underbidding). A byline or a credit tells what its writer or publisher wrote or reported about in its article's
    other shown sentences ("The Lenmark Herald reported the airline's collapse" from the credit of the article that
    tells the collapse), and nothing else of them."""
    if facts.subject is None:
        return False
    if facts.authoring:  # "Corvin Daly stopped all flights" is no more told by his byline than before
        evidence = [replace(e, terms=e.terms | e.story) if e.page_mark else e for e in evidence]
    # where no sentence uses the words of who it says they are ("St Brendan's Hospital is located in Corrin"), the
    # sentences carrying what it says of them, the names it gives included ("St Brendan's Hospital in Corrin…")
    carriers = (
        _carriers(facts.predicate, evidence) or _carriers(facts.said, evidence)
        if facts.predicate
        else _carriers(facts.terms, evidence)
    )
    if not any(facts.subject in e.subjects for e in carriers):
        return True
    # what it has its subject say, a sentence must have them say: "The Kremlin said Minsk is an extension of the
    # Kremlin" is not '"Minsk is now an extension of the Kremlin", the official added'
    if facts.speech and not any(facts.subject in e.outside_quotes for e in carriers):
        return True
    # What it says of the subject ("led the campaign"), what it says they said ("Minsk is an extension of the
    # Kremlin"), and the role it gives them ("the former director of the port", where another holds it) must stand in
    # the sentences about the subject: not in another's sentence, nor only in the question.
    about_subject = set().union(*(e.terms for e in evidence if facts.subject in e.subjects))
    for told in (facts.predicate, facts.reported, facts.role):
        if len(told) >= MIN_TOLD_TERMS and len(told & about_subject) < TOLD_SHARE * len(told):
            return True
    # what an article's other sentences say is what the one its byline or credit names wrote or published about ("Corvin
    # Daly reported that the government would not bail out the airline"), not what they said
    theirs = {e.article for e in evidence if e.page_mark and facts.subject in e.subjects} if facts.authoring else set()
    return facts.speech and any(
        facts.subject not in e.subjects and e.speakers and not e.speakers & facts.mentioned and e.article not in theirs
        for e in evidence
    )


def _reverses_voice(facts: ClaimFacts, evidence: list[Evidence]) -> bool:
    """The claim has its subject do what the sentences carrying it only have done to them (``reverses_voice``)."""
    if facts.verb is None or facts.subject is None:
        return False
    return reverses_voice(facts.verb, facts.subject, [e.text for e in _carriers(facts.terms, evidence)])


def _measure_read_as_count(facts: ClaimFacts, evidence: list[Evidence]) -> bool:
    """A number the sentences give only joined to what it measures is given by the claim without it: "48 nurses
    walked out" from "a 48-hour strike"."""
    alone = set().union(*(e.measures[0] for e in evidence))
    joined = set().union(*(e.measures[1] for e in evidence))
    units = {unit_term(term) for term in facts.terms}
    return any(n not in alone and not any((n, unit) in joined for unit in units) for n in facts.numbers)


def _renames_pronoun(facts: ClaimFacts, evidence: list[Evidence]) -> bool:
    """A sentence carrying the claim says "she" or "he" for someone the sentence before names, and the claim names
    others instead: "Both sides credited Marguerite Tallis with the agreement" is not backed by "Both sides credited
    her with the agreement" where the sentence before names the mediator, Anneliese Strom (whatever other sentence
    names Tallis)."""
    for e in _carriers(facts.terms, evidence):
        if not e.antecedent:
            continue
        # the names it gives beyond the sentence and its headline
        others = facts.mentioned - (e.subjects - e.antecedent) - calendar_terms()
        if others and not others & e.antecedent:
            return True
    return False


# Words that say only that something happened ("Yes, the nurses' strike occurred in March" adds nothing to "Did the
# nurses strike in March?"): what a claim adds to its question is never these.
_HAPPENING = "happen happened occur occurred take took taken place indeed actually"


@cache
def _happening_words() -> frozenset[str]:
    return frozenset(content_terms(_HAPPENING))


_AUTHORING = re.compile(r"\b(?:wrote|written|writes|reported|reports|published|publishes|covered|covers)\b")
# What a byline states: that the article under its headline was written (reported, covered) by the one it names.
_AUTHORSHIP = "wrote written writer author article story report reporter reported covered journalist correspondent"
# What a dateline states: that the article under its headline was published (posted, dated) on that day.
_PUBLICATION = "published publication posted dated date article story report piece appeared came out ran issued"
# What a credit states: that the one it names published (reported, ran) the article under its headline.
_PUBLISHING = "published publisher newspaper paper outlet publication agency article story report reported ran carried"


@cache
def _page_words() -> frozenset[str]:
    """The words by which a byline, dateline or credit says what it is (lemmatised when first needed, not at import)."""
    return frozenset(content_terms(f"{_AUTHORSHIP} {_PUBLICATION} {_PUBLISHING}"))


def _as_stated(source: SourceSentence, mark: str | None) -> str:
    """A sentence's words, and for a byline, a dateline or a credit what it states by standing where it does: who
    wrote the article, when, or who published it (the article being the one under its headline, from its
    publisher)."""
    headline = " ".join(part for part in (source.title, source.publisher) if part != UNKNOWN)
    if mark == "byline":
        return f"{source.text} {headline} {_AUTHORSHIP}"
    if mark == "dateline":
        return f"{source.text} {_spoken_date(source.published)} {headline} {_PUBLICATION}"
    if mark == "credit":
        return f"{source.text} {headline} {_PUBLISHING}"
    return source.text


def _spoken_date(iso: str) -> str:
    """ "2020-08-17" as "August 17 2020", so a claim may name the month of its article's date."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return ""
    return f"{calendar.month_name[day.month]} {day.day} {day.year}"


def is_short_claim(claim: str) -> bool:
    """Too short to stand alone ("139", "In 1994."): it is the answer to its question."""
    return len(content_terms(claim)) < SHORT_CLAIM_TERMS


def _with_question(question: str, claim: str) -> str:
    return f"{question} {claim}" if is_short_claim(claim) else claim
