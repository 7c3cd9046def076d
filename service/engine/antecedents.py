"""Whom an answer's "she" or "he" stands for. A claim that opens on a pronoun copied from its source ("Both sides
credited her with the agreement") reads as being about the person the answer named before it; in the article that
pronoun may stand for someone else (the mediator named the sentence before, not the union leader the answer is
about). Such a claim is served only when the question or the answer before it names someone the source sentence, or
the sentence its pronoun refers back to, names."""

from dataclasses import replace

from service.engine.lexicon import calendar_terms, names, refers_back_to_person
from service.engine.selection import SourceSentence
from service.engine.verify import Verdict


def with_antecedents(question: str, verdicts: list[Verdict], sources: list[SourceSentence]) -> list[Verdict]:
    """The verdicts, with a supported claim unsupported when its opening "she" or "he" would stand for someone its
    sources do not name: what the question and the supported claims before it name has nothing in common with
    the names of its cited sentences and of the sentences they refer back to. A claim with nothing named before it
    is left as it is."""
    out = []
    before = _named(question)
    for verdict in verdicts:
        checked = verdict
        if verdict.supported and not verdict.quoted and refers_back_to_person(verdict.text):
            cited = [sources[n - 1] for n in verdict.cited if 1 <= n <= len(sources)]
            theirs = set().union(*(_named(f"{s.context} {s.text}") for s in cited))
            if before and theirs and not before & theirs:
                checked = replace(verdict, supported=False)
        if checked.supported:
            before |= _named(checked.text)
        out.append(checked)
    return out


def _named(text: str) -> set[str]:
    return names(text) - calendar_terms()
