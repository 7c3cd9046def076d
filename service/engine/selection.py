"""From retrieved chunks, the few sentences worth showing the model, each with its exact span in its file."""

import json
from dataclasses import dataclass, replace

import numpy as np
from llama_index.core.schema import NodeWithScore

from ingest.clean import reads_as_byline, reads_as_dateline
from service.components.reranker import CrossEncoderReranker
from service.engine.injection import speaks_to_the_model
from service.engine.lexicon import antecedent_sentences, refers_back, with_person_named
from service.engine.question_forms import (
    asks_of_page,
    asks_why,
    gives_cause,
    page_topic,
    without_second_page_question,
)
from service.engine.source_files import SourceFiles
from service.engine.time_focus import TimeFocus, what_changed

UNKNOWN = "unknown"
# A sentence the cross-encoder scores at or above this reads as relevant (only the newest such article counts as
# "the latest account").
RELEVANT = 0.0
# How much a sentence gains when its article's date (or its own text) fits the time the question names.
TIME_BOOST = 2.0
# News writing puts the cause, the reaction or the other side right after the key fact: the best sentence's next
# sentences are shown too ("costs rose" → "the firm blamed storms" → "the auditor said it underbid").
FOLLOWERS = 2
FOLLOWER_MIN_WORDS = 6  # a credit line like "(Aljazeera)" is no sentence to show
# A why-question is shown this many more sentences that give a cause, from the articles already chosen: the
# cross-encoder reads "Chief executive Colm Dervan blamed fuel costs" as no answer to "Why did Gull Line collapse?".
CAUSES = 2


@dataclass(frozen=True)
class SourceSentence:
    source: str
    path: str
    start: int
    end: int
    text: str
    title: str
    publisher: str
    published: str
    score: float
    context: str = ""  # the sentences before, back to one naming whom this one's pronoun stands for
    # the line above its story, to read it under: its title, or on a page that gives none the line opening the story
    headline: str = UNKNOWN

    @property
    def page_mark(self) -> str | None:
        """What this source is when it is no sentence of the story: the article's "byline", its "dateline" or its
        "credit" (where the page names its publisher)."""
        if reads_as_byline(self.text):
            return "byline"
        if reads_as_dateline(self.text):
            return "dateline"
        return "credit" if self.text == self.publisher else None

    @property
    def reading(self) -> str:
        """The sentence as its reader takes it: the "she" or "he" it opens on named ('"We will pay," Hanne Solberg
        said.')."""
        return with_person_named(self.text, self.context) if self.context else self.text


class SentenceSelector:
    """Ranks every sentence of the retrieved chunks with a cross-encoder, read alone and under its headline
    ("the two leaders" means something under its article's title), and keeps the best, then the sentences that
    follow the best one. Sentences from the time a question names, or from the newest article when it asks for the
    latest, gain. A why-question is also shown the best sentences that give a cause in the articles chosen (a cause
    often does not name what it explains). A question about who wrote an article is shown the byline of each
    article chosen; one about when it was published, the dateline; one about who published it, where its page names
    the publisher; one that asks two of these, both."""

    def __init__(self, reranker: CrossEncoderReranker, files: SourceFiles) -> None:
        self._reranker = reranker
        self._files = files

    def run(
        self,
        question: str,
        chunks: list[NodeWithScore],
        top_k: int,
        when: TimeFocus | None = None,
        follows: str | None = None,
    ) -> list[SourceSentence]:
        """``follows``: for a follow-up ("Whom did she replace?"), the question before it; a sentence then scores
        the better of its scores against the follow-up alone and against both questions together."""
        candidates = [self._with_context(c) for c in _split_chunks(chunks)]
        if not candidates:
            return []
        scores = self._scores(without_second_page_question(question), candidates)
        if follows:
            scores = np.maximum(scores, self._scores(f"{follows} {question}", candidates))
        scored = [replace(c, score=round(float(score), 3)) for c, score in zip(candidates, scores, strict=True)]
        if when is not None:
            scored = _time_boosted(scored, when)
        chosen = sorted(scored, key=lambda s: s.score, reverse=True)[:top_k]
        chosen += [s for s in _followers(chosen[0], scored) if s not in chosen]
        if asks_why(question):
            chosen += _causes(chosen, scored)
        if when is not None and when.across_time:
            chosen += self._steps(question, chosen, scored)
        for mark in asks_of_page(question):
            shown = {(s.path, s.start) for s in chosen}
            chosen += [m for m in self._page_marks(chunks, chosen, mark) if (m.path, m.start) not in shown]
        return chosen

    def clears(self, question: str, shown: list[SourceSentence], min_score: float) -> bool:
        """Whether a shown sentence bears on the question enough to ask the model: one scores at least ``min_score``
        against the question or, for a question the cross-encoder reads as about something no sentence says, against
        what it asks of each article. No one step answers "How did the pay demand change?"; each answers "What was the
        pay demand?". No sentence of a story says who wrote it; "the fine" is what "Who wrote the article about the
        fine?" asks of the articles shown (their bylines are shown beside)."""
        if any(s.score >= min_score for s in shown):
            return True
        story = [s for s in shown if s.page_mark is None]
        readings = [r for r in (what_changed(question), page_topic(question)) if r is not None]
        return bool(story) and any(float(self._scores(r, story).max()) >= min_score for r in readings)

    def _steps(self, question: str, chosen: list[SourceSentence], scored: list[SourceSentence]) -> list[SourceSentence]:
        """For a question about how something changed: in each article chosen, the sentence best about the thing that
        changed, read without the question's times ("What was the pay offer?"), when it is not shown already. Each
        article is one step of the change; the cross-encoder, asked about the change, rates the months over the
        figures."""
        thing = what_changed(question)
        if thing is None:
            return []
        articles = {s.source for s in chosen}
        candidates = [s for s in scored if s.source in articles]
        best: dict[str, tuple[float, SourceSentence]] = {}
        for sentence, score in zip(candidates, self._scores(thing, candidates), strict=True):
            if sentence.source not in best or score > best[sentence.source][0]:
                best[sentence.source] = (float(score), sentence)
        return [s for _, s in best.values() if s not in chosen]

    def _page_marks(self, chunks: list[NodeWithScore], chosen: list[SourceSentence], mark: str) -> list[SourceSentence]:
        """The byline, dateline or credit (``mark``) of each article a chosen sentence comes from, as its file has
        it."""
        articles = {s.source: s for s in chosen}
        lowest = min(s.score for s in chosen)
        found: dict[str, SourceSentence] = {}
        for hit in chunks:
            meta = hit.node.metadata
            source, span = str(meta["source"]), json.loads(str(meta.get(mark, "null")))
            if source not in articles or source in found or not span:
                continue
            text = self._files.span(str(meta["path"]), span[0], span[1])
            if text is not None:
                found[source] = replace(
                    articles[source], start=span[0], end=span[1], text=text, score=lowest, context=""
                )
        return list(found.values())

    def _scores(self, question: str, candidates: list[SourceSentence]) -> np.ndarray:
        readings = [c.reading for c in candidates]
        alone = self._reranker.score(question, readings)
        in_context = self._reranker.score(
            question, [_in_context(c, r) for c, r in zip(candidates, readings, strict=True)]
        )
        mean: np.ndarray = (alone + in_context) / 2
        return mean

    def _with_context(self, sentence: SourceSentence) -> SourceSentence:
        if not refers_back(sentence.text):
            return sentence
        text = self._files.text(sentence.path)
        return replace(sentence, context=antecedent_sentences(text, sentence.start)) if text else sentence


def _time_boosted(scored: list[SourceSentence], when: TimeFocus) -> list[SourceSentence]:
    newest = max((s.published for s in scored if s.published != UNKNOWN and s.score >= RELEVANT), default=None)
    out = []
    for s in scored:
        fits = when.matches_year(s.published, s.text) or (when.latest and newest is not None and s.published == newest)
        out.append(replace(s, score=round(s.score + TIME_BOOST, 3)) if fits else s)
    return out


def _followers(best: SourceSentence, scored: list[SourceSentence]) -> list[SourceSentence]:
    """The sentences right after ``best`` in its article, among those retrieved."""
    after = sorted(
        (
            s
            for s in scored
            if s.source == best.source and s.start >= best.end and len(s.text.split()) >= FOLLOWER_MIN_WORDS
        ),
        key=lambda s: s.start,
    )
    return after[:FOLLOWERS]


def _causes(chosen: list[SourceSentence], scored: list[SourceSentence]) -> list[SourceSentence]:
    """The best-scored sentences that give a cause, from the best sentence's article and every article a chosen
    sentence reads as relevant in."""
    articles = {chosen[0].source} | {s.source for s in chosen if s.score >= RELEVANT}
    causes = [s for s in scored if s.source in articles and s not in chosen and gives_cause(s.text)]
    return sorted(causes, key=lambda s: s.score, reverse=True)[:CAUSES]


def _in_context(sentence: SourceSentence, reading: str) -> str:
    return reading if sentence.headline == UNKNOWN else f"{sentence.headline}: {reading}"


def _split_chunks(chunks: list[NodeWithScore]) -> list[SourceSentence]:
    """Every sentence of the chunks, once, but for sentences that speak to the model (they are not news)."""
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in chunks:
        meta = hit.node.metadata
        chunk_start = int(meta["start"])
        text = hit.node.get_content()
        for start, end in json.loads(meta["sentences"]):
            key = (str(meta["path"]), start)
            sentence = text[start - chunk_start : end - chunk_start]
            if key in seen or speaks_to_the_model(sentence):
                continue
            seen.add(key)
            out.append(
                SourceSentence(
                    source=str(meta["source"]),
                    path=str(meta["path"]),
                    start=start,
                    end=end,
                    text=sentence,
                    title=str(meta.get("title", UNKNOWN)),
                    headline=str(meta.get("headline", meta.get("title", UNKNOWN))),
                    publisher=str(meta.get("publisher", UNKNOWN)),
                    published=str(meta.get("published", UNKNOWN)),
                    score=0.0,
                )
            )
    return out
