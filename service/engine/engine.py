"""The query engine: retrieve → select sentences → generate → check every claim → cite exact spans."""

import re
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from service.components.llm import LLMClient, Message, TextSink
from service.components.reranker import CrossEncoderReranker
from service.engine.actors import names_who_did
from service.engine.antecedents import with_antecedents
from service.engine.article_index import ArticleIndex
from service.engine.claims import (
    Claim,
    clauses,
    main_clause,
    says_not_found,
    split_claims,
    without_unfinished_end,
)
from service.engine.language import ENGLISH, REFUSALS, LanguageDetector, Translator
from service.engine.lexicon import previous_sentence, with_person_named
from service.engine.prompts import AnswerPrompts
from service.engine.question_forms import (
    as_question,
    asks_for_something_else,
    asks_of_page,
    asks_yes_or_no,
    fits_question,
    is_about,
    is_name,
    names_what_is_asked,
    said_about,
)
from service.engine.quotes import (
    acting_passage,
    best_passage,
    count_passage,
    disputes,
    disputing,
    evidence_for_yes_or_no,
    identity_passage,
    other_figure,
    quote,
    uncited_articles,
)
from service.engine.selection import UNKNOWN, SentenceSelector, SourceSentence
from service.engine.source_files import SourceFiles
from service.engine.time_focus import TimeFocus, read_time_focus
from service.engine.verify import ClaimChecker, Verdict, is_short_claim
from service.errors import InvalidInputError
from service.schemas import Answer, Citation, Scope, SentenceVerdict, TokenCounts, Turn

REFUSAL = "The articles do not say."
MAX_QUOTED = 3  # source sentences added verbatim to one answer
# a sentence the model wrote from an answering article goes with the answer unless rated this low against the
# question: the dev sets' companions rate -5.9 or more where they bear on it ("the latest news" of a dispute, who
# else spoke), -10 or less where they retell the article ("the Kittiwake was built in 1979" beside how islanders
# will reach the mainland)
COMPANION_FLOOR = -8.0


@dataclass(frozen=True)
class RetrievedChunk:
    source: str
    text: str


@dataclass(frozen=True)
class Trace:
    """An answer and what each stage saw: the chunks retrieved, the sources the model was shown (best first), the
    model's raw reply, the checker's verdicts, and which stage refused. The evals diagnose misses from it."""

    answer: Answer
    sources: list[SourceSentence]
    verdicts: list[Verdict] = field(default_factory=list)
    model_output: str = ""
    retrieved: list[RetrievedChunk] = field(default_factory=list)
    refused_by: str | None = None  # "request", "relevance_gate", "model" or "checker"
    model_cut_off: bool = False  # the model stopped at its token limit (its unfinished last sentence is no claim)

    @property
    def quoted(self) -> int:
        """How many source sentences were served verbatim beside the model's claims."""
        return sum(v.quoted for v in self.verdicts)


@dataclass(frozen=True)
class _Request:
    history: Sequence[Turn]
    top_k: int | None
    sources: frozenset[str] | None  # the articles that may answer; None: all
    started: float

    @property
    def earlier(self) -> list[str]:
        """The user's question before this one: a follow-up is searched, ranked and judged with it."""
        return [turn.content for turn in self.history if turn.role == "user"][-1:]


@dataclass(frozen=True)
class EngineOptions:
    top_k: int
    min_relevance: float
    min_claim_relevance: float
    topic_relevance: float
    quote_relevance: float
    supplement_relevance: float
    companion_relevance: float
    dispute_relevance: float
    unsupported_sentences: str
    max_question_chars: int


class Engine:
    def __init__(
        self,
        *,
        index: ArticleIndex,
        selector: SentenceSelector,
        llm: LLMClient,
        prompts: AnswerPrompts,
        checker: ClaimChecker,
        reranker: CrossEncoderReranker,
        files: SourceFiles,
        languages: LanguageDetector,
        translator: Translator,
        options: EngineOptions,
    ) -> None:
        self._index = index
        self._selector = selector
        self._llm = llm
        self._prompts = prompts
        self._checker = checker
        self._reranker = reranker
        self._files = files
        self._languages = languages
        self._translator = translator
        self._options = options

    @property
    def index(self) -> ArticleIndex:
        """The article index this engine reads, as the last finished ingest left it."""
        return self._index

    @property
    def model(self) -> str:
        return self._llm.model

    def warm_up(self) -> None:
        """Load the language model and warm the search path now, not on the first question."""
        self._llm.warm_up()
        self._languages.run("Which language is this question in?")
        chunks = self._index.current().retriever.retrieve_within("warm up", None)
        self._selector.run("warm up", chunks[:1], 1)

    def answer(
        self,
        question: str,
        history: Sequence[Turn] = (),
        top_k: int | None = None,
        on_draft: TextSink | None = None,
        within: Scope | None = None,
    ) -> Answer:
        return self.run(question, history, top_k, on_draft, within).answer

    def run(
        self,
        question: str,
        history: Sequence[Turn] = (),
        top_k: int | None = None,
        on_draft: TextSink | None = None,
        within: Scope | None = None,
    ) -> Trace:
        """Answer in the question's language; search, select, generate and check in English. ``on_draft`` receives
        the model's unchecked English reply as it is generated (only for a question in English: a translated
        answer has no draft worth showing); the checked answer that ``run`` returns replaces it. ``within``
        limits the articles that may answer."""
        started = time.perf_counter()
        question = self.check_question(question)
        request = _Request(history, top_k, self.sources_within(within), started)
        language = self._languages.run(question)
        if language == ENGLISH:
            return self._run_english(question, request, on_draft)
        mark = time.perf_counter()
        english = self._translator.to_english(question, language)
        translate_ms = _ms_since(mark)
        trace = self._run_english(english, request, None)
        answer = trace.answer
        mark = time.perf_counter()
        text = (
            REFUSALS.get(language, REFUSAL)
            if answer.refused
            else self._translator.from_english(answer.answer, language)
        )
        timings = {**answer.timings_ms, "translate_ms": round(translate_ms + _ms_since(mark), 1)}
        timings["total_ms"] = _ms_since(started)
        localised = answer.model_copy(
            update={
                "answer": text or answer.answer,
                "language": language if text else ENGLISH,
                "searched_question": answer.searched_question or english,
                "timings_ms": timings,
            }
        )
        return replace(trace, answer=localised)

    def _run_english(self, question: str, request: "_Request", on_draft: TextSink | None) -> Trace:
        timings: dict[str, float] = {}
        if asks_for_something_else(question):
            return Trace(self._refusal(timings, request.started), [], refused_by="request")
        searched = " ".join([*request.earlier, question])
        trace = self._search_and_answer(question, searched, request, on_draft, timings)
        if not request.earlier:
            return trace
        return replace(trace, answer=trace.answer.model_copy(update={"searched_question": searched}))

    def _search_and_answer(
        self, question: str, searched: str, request: "_Request", on_draft: TextSink | None, timings: dict[str, float]
    ) -> Trace:
        history, top_k, started, earlier = request.history, request.top_k, request.started, request.earlier
        chunks = self._index.current().retriever.retrieve_within(searched, request.sources)
        retrieved = [RetrievedChunk(str(c.node.metadata["source"]), c.node.get_content()) for c in chunks]
        timings["retrieve_ms"] = _ms_since(started)

        mark = time.perf_counter()
        when = read_time_focus(question)
        follows = earlier[-1] if earlier else None
        selected = self._selector.run(question, chunks, top_k or self._options.top_k, when, follows)
        timings["select_ms"] = _ms_since(mark)
        ranked = sorted(selected, key=lambda s: s.score, reverse=True)
        if not self._selector.clears(question, ranked, self._options.min_relevance):
            return Trace(self._refusal(timings, started), ranked, retrieved=retrieved, refused_by="relevance_gate")
        sources = in_reading_order(selected, chronological=when.chronological)

        mark = time.perf_counter()
        reply = self._llm.complete(self._messages(question, history, sources), on_text=on_draft)
        timings["llm_ms"] = _ms_since(mark)

        mark = time.perf_counter()
        finished = without_unfinished_end(reply.text) if reply.cut_off else reply.text
        claims = [c for c in split_claims(finished) if not says_not_found(c.text)]
        verdicts = evidence_for_yes_or_no(self._checked(question, claims, sources), sources, asks_yes_or_no(question))
        verdicts, on_question = self._served([question, *earlier], when, verdicts, sources)
        timings["verify_ms"] = _ms_since(mark)
        answer = self._compose(verdicts, on_question, sources, timings, started)
        answer.tokens = TokenCounts(prompt=reply.prompt_tokens, completion=reply.completion_tokens)
        refused_by = ("checker" if claims else "model") if answer.refused else None
        return Trace(answer, ranked, verdicts, reply.text, retrieved, refused_by, reply.cut_off)

    def _checked(self, question: str, claims: list[Claim], sources: list[SourceSentence]) -> list[Verdict]:
        """Each claim checked, statement by statement where it joins several (``_clause_by_clause``). One the checker
        cannot confirm whole, but whose main clause it can once a trailing aside is gone ("…chief executive of Veska,
        a mining company in Belarus"), is served as that clause; the whole sentence is still counted as left out. A
        claim opening on "she" or "he" must follow, in the answer, a name its sources give (``with_antecedents``)."""
        verdicts = self._checker.run(question, claims, sources)
        verdicts, kept_heads = self._clause_by_clause(question, claims, verdicts, sources)
        heads = {i: main_clause(c) for i, (c, v) in enumerate(zip(claims, verdicts, strict=True)) if not v.supported}
        shorter = {i: head for i, head in heads.items() if head is not None and i not in kept_heads}
        rechecked = dict(zip(shorter, self._checker.run(question, list(shorter.values()), sources), strict=True))
        rechecked |= kept_heads
        out: list[Verdict] = []
        for i, verdict in enumerate(verdicts):
            head_verdict = rechecked.get(i)
            out += [head_verdict, verdict] if head_verdict is not None and head_verdict.supported else [verdict]
        return with_antecedents(question, out, sources)

    def _clause_by_clause(
        self, question: str, claims: list[Claim], verdicts: list[Verdict], sources: list[SourceSentence]
    ) -> tuple[list[Verdict], dict[int, Verdict]]:
        """A supported claim that joins statements (``clauses``) is supported only if each is, and cites what each
        needs: "Solberg said the fault lay in a battery pack, and she agreed to share the cost…" passed whole on the
        first statement's sentence alone. Where a later statement fails, the first, when supported, is served in its
        place (the second result: claim index -> the first statement's verdict); the whole is counted as left out."""
        parts = {i: clauses(c) for i, (c, v) in enumerate(zip(claims, verdicts, strict=True)) if v.supported}
        joined = {i: p for i, p in parts.items() if len(p) > 1}
        if not joined:
            return verdicts, {}
        checked = iter(self._checker.run(question, [c for p in joined.values() for c in p], sources))
        out, heads = list(verdicts), {}
        for i, statements in joined.items():
            each = [next(checked) for _ in statements]
            if all(v.supported for v in each):
                cited = tuple(dict.fromkeys(n for v in [verdicts[i], *each] for n in v.cited))
                out[i] = replace(verdicts[i], cited=cited)
            else:
                out[i] = replace(verdicts[i], supported=False)
                if each[0].supported:
                    heads[i] = each[0]
        return out, heads

    def _served(
        self, questions: list[str], when: TimeFocus, verdicts: list[Verdict], sources: list[SourceSentence]
    ) -> tuple[list[Verdict], list[bool]]:
        """The checked claims, whether each answers the question, and the source sentences quoted beside them."""
        on_question, names_nothing, ratings = self._on_question(questions, verdicts, sources, when.across_time)
        on_question = _with_companions(verdicts, on_question, sources, ratings)
        quoted = self._quoted(questions[0], when, verdicts, on_question, sources, ratings=ratings)
        answered = any(v.supported and on for v, on in zip(verdicts, on_question, strict=True))
        if not quoted and not answered and any(names_nothing):
            # no source surely names the place or person asked: the claims that name none are the best answer left
            loose = [on or unnamed for on, unnamed in zip(on_question, names_nothing, strict=True)]
            on_question = _with_companions(verdicts, loose, sources, ratings)
            quoted = self._quoted(questions[0], when, verdicts, on_question, sources, ratings=ratings)
        return [*verdicts, *quoted], [*on_question, *(True for _ in quoted)]

    def _quoted(
        self,
        question: str,
        when: TimeFocus,
        verdicts: list[Verdict],
        on_question: list[bool],
        sources: list[SourceSentence],
        *,
        ratings: list[float],
    ) -> list[Verdict]:
        """Source sentences served as they stand where the answer falls short: the passage the cross-encoder rates
        best, when nothing the model wrote stands for it (a claim citing it for a name only, rated far below it, does
        not: ``best_passage``; it must be sure, ``quote_relevance``, to overrule a refusal;
        ``supplement_relevance`` is enough beside an answer from other sentences, and in place of a yes or no, which
        is served as the sentences it cites anyway), or failing that for a who-question the sentence in which someone
        does what it asks, or that names whom it asks about, or for a how-many question, where the model's count
        failed, the one that counts what it asks; for a change over time, each article the answer leaves
        out; the other side of a dispute it leaves out (``_other_side``); and, for a how-many question, another figure
        for the count it gives."""
        answering = [
            (v, rating) for v, on, rating in zip(verdicts, on_question, ratings, strict=True) if v.supported and on
        ]
        served = [v for v, _ in answering]
        added: list[Verdict] = []
        less_sure = served or asks_yes_or_no(question)
        sure = self._options.supplement_relevance if less_sure else self._options.quote_relevance
        passage = best_passage(sources, answering, sure)
        if passage is None or not fits_question(question, passage.text):
            # nothing else answers "Who claimed responsibility…?": the sentence in which someone claims it does;
            # nor "Who is Mara Dulic?": the sentence that names her
            passage = (
                None
                if served
                else acting_passage(question, sources, self._options.min_relevance)
                or identity_passage(question, sources, self._options.min_relevance)
                or count_passage(question, sources, verdicts, self._options.min_relevance)
            )
        if passage is not None:
            added.append(passage)
        if served and when.across_time:
            added += uncited_articles(sources, served + added, self._options.companion_relevance)
        if served or added:
            dispute = self._other_side(sources, served + added)
            added += [dispute] if dispute is not None else []
            # another figure must answer the question on its own: "200,000 took to the streets" is no count of arrests
            figure = other_figure(question, sources, served + added, self._options.supplement_relevance)
            added += [figure] if figure is not None else []
        return added[:MAX_QUOTED]

    def _other_side(self, sources: list[SourceSentence], said: list[Verdict]) -> Verdict | None:
        """The other side of a dispute the answer leaves out: the most relevant shown sentence that disputes an
        account, if it is so relevant to the question that it would be served beside any answer
        (``supplement_relevance``), or if it disputes what the answer says. For that, the cross-encoder reads the
        answer as the query, and must rate the sentence at least ``dispute_relevance`` both alone and after the
        sentence before it: alone, "Mara Quist denied this" says little of what is denied; after the sentence
        before it, the passage may be rated for that sentence alone (the answer's own, before "Lukashenko, for his
        part, denies any wrongdoing in rigging the election")."""
        candidates = disputing(sources, said, self._options.companion_relevance)
        if not candidates:
            return None
        answer = " ".join(v.text for v in said)
        after = [f"{previous_sentence(self._files.text(s.path) or '', s.start)} {s.text}".strip() for s in candidates]
        bearing = np.minimum(
            self._reranker.score(answer, [s.text for s in candidates]), self._reranker.score(answer, after)
        )
        for sentence, rating in zip(candidates, bearing, strict=True):
            if sentence.score >= self._options.supplement_relevance or rating >= self._options.dispute_relevance:
                return quote(sources, sentence)
        return None

    def _on_question(
        self, questions: list[str], verdicts: list[Verdict], sources: list[SourceSentence], across_time: bool = False
    ) -> tuple[list[bool], list[bool], list[float]]:
        """Whether each claim addresses the question (or the one it follows up): a true sentence that answers
        something else is not an answer. Like a source sentence, a claim is read alone and under the headline of the
        article it cites ("the two leaders met…"), and the better reading counts. A bare answer ("139") addresses
        the question it answers. A how-many question is answered only by a sentence that gives a quantity; a question
        about the newest, not by one about the oldest. A question about who wrote an article is answered only by a
        claim that cites a byline ("written by DROSSEL, June 13 (Northwire)" is not); one about when it was published
        or who published it, only by a claim that cites the dateline or the credit. A where- or who-question is
        answered by a claim that names a place or someone (``names_what_is_asked``); the second list marks the claims
        that would answer but name none, served only when nothing better is. A question about change over time is
        asked in words no one step of the change answers ("What changed between June 9 and June 13?"): a supported
        claim there is rated as well as the best shown sentence it cites. The third list is how the cross-encoder
        rates each claim against the question (infinite where a page mark answers)."""
        if not verdicts:
            return [], [], []
        marks = asks_of_page(questions[0])
        if marks:
            on_page = [any(_cites(v, sources, mark) for mark in marks) for v in verdicts]
            return on_page, [False for _ in verdicts], [np.inf for _ in verdicts]
        claims = [v.text for v in verdicts]
        headed = [_under_headline(v.text, v, sources) for v in verdicts]
        # read as the sentences it cites are read: "He said the budget…" is the health minister's word on the budget
        read = [_as_read(v, sources) for v in verdicts]
        read_headed = [_under_headline(text, v, sources) for text, v in zip(read, verdicts, strict=True)]
        # a sentence quoted in place of a yes-or-no answer addresses the question when that answer does: "the others
        # were released after checks" answers "Did any of the miners die?" in words the cross-encoder misreads
        backed = [v.stands_for for v in verdicts]
        relevance = []
        for q in questions:
            alone = self._reranker.score(q, read)
            relevance.append(np.maximum(alone, (alone + self._reranker.score(q, read_headed)) / 2))
            if any(backed):
                relevance.append(
                    self._reranker.score(q, [text or claim for text, claim in zip(backed, claims, strict=True)])
                )
        ratings = [max(float(r[i]) for r in relevance) for i in range(len(verdicts))]
        if across_time:
            relevance.append(np.array([_cited_score(v, sources) for v in verdicts]))
        relevant = [
            (
                is_short_claim(claim)
                or max(float(r[i]) for r in relevance) >= self._options.min_claim_relevance
                or names_who_did(questions[0], claim, under_headline)
            )
            and fits_question(questions[0], claim, name_asked=False)
            for i, (claim, under_headline) in enumerate(zip(claims, headed, strict=True))
        ]
        named = [names_what_is_asked(questions[0], claim) for claim in claims]
        if not self._keeps_to_topic(questions[0], verdicts, sources, (read, read_headed)):
            relevant = [False for _ in verdicts]
        answers = [r and n for r, n in zip(relevant, named, strict=True)]
        return answers, [r and not n for r, n in zip(relevant, named, strict=True)], ratings

    def _keeps_to_topic(
        self, question: str, verdicts: list[Verdict], sources: list[SourceSentence], reads: tuple[list[str], list[str]]
    ) -> bool:
        """Asked what someone said about a topic, an answer keeps to it when one of its supported claims (read alone
        or under its headline) is rated on that topic alone (``topic_relevance``), or, for a topic that is a name,
        cites an article about it (``is_about``). What Tamsin Orlo said about the rescue rates well against "What did
        Tamsin Orlo say about the nurses' strike?", and is no answer to it; what the ministry said in the article on
        Gull Line's collapse answers what it said about Gull Line, though it does not name the company; what the
        council leader said there does not answer what she said about fuel costs, though another's sentence there
        gives them."""
        topic = said_about(question)
        supported = [i for i, v in enumerate(verdicts) if v.supported]
        if topic is None or not supported:
            return True
        query = f"What was said about {topic}?"
        rated = [self._reranker.score(query, [read[i] for i in supported]) for read in reads]
        if float(np.max(rated)) >= self._options.topic_relevance:
            return True
        if not is_name(topic):
            return False
        cited = {sources[n - 1].path for i in supported for n in verdicts[i].cited if 1 <= n <= len(sources)}
        return any(is_about(self._files.text(path) or "", topic) for path in cited)

    def check_ready(self) -> None:
        """Raises ``IndexNotReadyError`` when the index cannot be reached now, or has been emptied."""
        self._index.check_ready()

    def sources_within(self, within: Scope | None) -> frozenset[str] | None:
        """The articles that may answer (None: all), or an InvalidInputError naming an article not ingested."""
        if within is None or within.is_everything():
            return None
        return self._index.catalog.sources_within(within)

    def check_question(self, question: str) -> str:
        """The question with its whitespace normalised, or an InvalidInputError that says what is wrong with it."""
        question = " ".join(question.split())
        if not question:
            raise InvalidInputError("question must not be empty")
        if len(question) > self._options.max_question_chars:
            raise InvalidInputError(f"question is longer than {self._options.max_question_chars} characters")
        if not any(ch.isalnum() for ch in question):
            raise InvalidInputError("question has no words in it")
        if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in question):
            raise InvalidInputError("question contains control characters (a NUL byte, say)")
        return question

    def _messages(self, question: str, history: Sequence[Turn], sources: list[SourceSentence]) -> list[Message]:
        turns = []
        pending: str | None = None
        for turn in history[-4:]:
            if turn.role == "user":
                pending = turn.content
            elif pending is not None:
                turns.append(self._prompts.history_turn.render(question=pending, answer=turn.content))
                pending = None
        user = self._prompts.user.render(
            history="".join(turns), sources=_format_sources(sources), question=as_question(question)
        )
        return [{"role": "system", "content": self._prompts.system.render()}, {"role": "user", "content": user}]

    def _compose(
        self,
        verdicts: list[Verdict],
        on_question: list[bool],
        sources: list[SourceSentence],
        timings: dict[str, float],
        started: float,
    ) -> Answer:
        citations: list[Citation] = []
        number_of: dict[int, int] = {}  # source number shown to the model -> citation id
        kept_text: list[str] = []
        sentences: list[SentenceVerdict] = []
        dropped = 0
        for verdict, relevant in zip(verdicts, on_question, strict=True):
            ids = []
            for n in verdict.cited if verdict.supported and relevant else ():
                if n not in number_of:
                    citation = self._cite(len(citations) + 1, sources[n - 1])
                    if citation is None:
                        continue
                    citations.append(citation)
                    number_of[n] = citation.id
                ids.append(number_of[n])
            supported = verdict.supported and (bool(ids) or not relevant)
            sentences.append(
                SentenceVerdict(
                    text=verdict.text, citations=ids, supported=supported, score=verdict.score, on_question=relevant
                )
            )
            if supported and relevant:
                kept_text.append(verdict.text + " " + "".join(f"[{i}]" for i in ids))
            elif not supported and self._options.unsupported_sentences == "mark":
                kept_text.append(verdict.text + " [unsupported]")
            elif not supported:
                dropped += 1
        if not any(s.supported and s.on_question for s in sentences):
            return self._refusal(timings, started, sentences)
        answer = " ".join(kept_text)
        if dropped:
            answer += (
                f" ({dropped} more {'sentence' if dropped == 1 else 'sentences'} could not be confirmed by the"
                f" articles and {'was' if dropped == 1 else 'were'} left out.)"
            )
        grounded = sum(s.supported for s in sentences) / len(sentences)
        timings["total_ms"] = _ms_since(started)
        return Answer(
            answer=answer,
            refused=False,
            citations=citations,
            sentences=sentences,
            grounded=round(grounded, 3),
            model=self.model,
            timings_ms=timings,
        )

    def _cite(self, citation_id: int, source: SourceSentence) -> Citation | None:
        """A citation only when the quote is, character for character, the file's text at its offsets now."""
        if self._files.span(source.path, source.start, source.end) != source.text:
            return None
        return Citation(
            id=citation_id,
            source=source.source,
            start=source.start,
            end=source.end,
            quote=source.text,
            title=source.title,
            published=source.published,
        )

    def _refusal(
        self, timings: dict[str, float], started: float, sentences: list[SentenceVerdict] | None = None
    ) -> Answer:
        timings["total_ms"] = _ms_since(started)
        return Answer(
            answer=REFUSAL,
            refused=True,
            citations=[],
            sentences=sentences or [],
            grounded=0.0,
            model=self.model,
            timings_ms=timings,
        )


def in_reading_order(sources: list[SourceSentence], chronological: bool = False) -> list[SourceSentence]:
    """The order in which the model reads and numbers the sources: the most relevant article first (a small model
    reads its first sources best), or, for a question about time or change, articles oldest first and undated last;
    within an article, its sentences in the order it tells them (tried: best sentence first lost a pronoun's
    antecedent and a dispute's second side, and did not stop the model taking an article's lead)."""
    best: dict[str, float] = {}
    for s in sources:
        best[s.source] = max(best.get(s.source, s.score), s.score)
    if chronological:
        return sorted(sources, key=lambda s: (s.published == UNKNOWN, s.published, s.source, s.start))
    return sorted(sources, key=lambda s: (-best[s.source], s.source, s.start))


def _with_companions(
    verdicts: list[Verdict], on_question: list[bool], sources: list[SourceSentence], ratings: list[float]
) -> list[bool]:
    """A supported sentence from an article that answers the question goes with the answer, even when it does not
    answer it alone: the other side of a dispute, the cause after the fact ("the auditor gave a different account").
    One the cross-encoder rates as nothing to do with the question (``COMPANION_FLOOR``, with each claim's rating in
    ``ratings``) stays out unless it disputes an account: the model, asked how islanders will reach the mainland,
    retold the whole article of the ferry's collapse around the one sentence that answers."""

    def articles(verdict: Verdict) -> set[str]:
        return {sources[n - 1].source for n in verdict.cited if 1 <= n <= len(sources)}

    answering = set().union(*(articles(v) for v, on in zip(verdicts, on_question, strict=True) if on and v.supported))
    return [
        on or (v.supported and bool(articles(v) & answering) and (rating >= COMPANION_FLOOR or disputes(v.text)))
        for v, on, rating in zip(verdicts, on_question, ratings, strict=True)
    ]


def _cites(verdict: Verdict, sources: list[SourceSentence], mark: str) -> bool:
    """The claim cites an article's byline, dateline or credit (``mark``); for the credit, a sentence naming the
    article's publisher does too ("DROSSEL, June 9 (Northwire) - Eleven miners were trapped…")."""

    def answers(source: SourceSentence) -> bool:
        names_publisher = source.publisher != UNKNOWN and source.publisher in source.text
        return source.page_mark == mark or (mark == "credit" and names_publisher)

    return any(answers(sources[n - 1]) for n in verdict.cited if 1 <= n <= len(sources))


def _cited_score(verdict: Verdict, sources: list[SourceSentence]) -> float:
    """How selection rated the best shown sentence a supported claim cites."""
    scores = [sources[n - 1].score for n in verdict.cited if 1 <= n <= len(sources)]
    return max(scores) if verdict.supported and scores else -np.inf


def _under_headline(text: str, verdict: Verdict, sources: list[SourceSentence]) -> str:
    titles = [sources[n - 1].title for n in verdict.cited if 1 <= n <= len(sources)]
    return f"{titles[0]}: {text}" if titles and titles[0] != UNKNOWN else text


def _as_read(verdict: Verdict, sources: list[SourceSentence]) -> str:
    """The claim with the "she" or "he" it opens on named as in the sentences it cites (``with_person_named``)."""
    contexts = [sources[n - 1].context for n in verdict.cited if 1 <= n <= len(sources) and sources[n - 1].context]
    return with_person_named(verdict.text, contexts[0]) if contexts else verdict.text


def _format_sources(sources: list[SourceSentence]) -> str:
    blocks: list[str] = []
    current = None
    for number, source in enumerate(sources, start=1):
        if source.source != current:
            current = source.source
            published = "date unknown" if source.published == UNKNOWN else source.published
            title, publisher = _as_data(source.title), _as_data(source.publisher)
            blocks.append(f'\nArticle "{title}" (publisher: {publisher}; published: {published})')
        blocks.append(f"[{number}] {_as_data(source.text)}")
    return "\n".join(blocks).strip()


_FRAMING = re.compile(r"</?\s*sources\s*>|\[\d+\]", flags=re.IGNORECASE)


def _as_data(text: str) -> str:
    """Article text as the model sees it: without the prompt's own delimiters or source markers, so an article
    cannot close the sources block or number itself (quotes and checks use the file's text, not this)."""
    return _FRAMING.sub(" ", text)


def _ms_since(mark: float) -> float:
    return round((time.perf_counter() - mark) * 1000, 1)
