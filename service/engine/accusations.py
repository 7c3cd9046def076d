"""Who accuses or blames whom. "Russian security officials accused Ukraine and the West of…" does not support "The
attack was blamed on Russia and the West": the claim puts the accuser among the accused. Nor does a sentence that
blames no one support a claim that someone was blamed."""

import re
from dataclasses import dataclass

from service.engine.lexicon import names

_ACCUSING = r"(?:accus(?:e|ed|es|ing)|blam(?:e|ed|es|ing))"
_PASSIVE = re.compile(rf"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?{_ACCUSING}\b", re.IGNORECASE)
_ACTIVE = re.compile(rf"\b{_ACCUSING}\b", re.IGNORECASE)
# Where the accuser's phrase begins, read back from the verb: "Lukashenko said Russian officials blamed…".
_BEFORE = re.compile(r"[,;:(]|\b(?:said|says|that|who|which|and|but|while|after|as)\b", re.IGNORECASE)
# Where the accused's phrase ends: "accused Ukraine and the West of…", "blamed the attack on Kyiv, …".
_AFTER_END = re.compile(r"[,;:.()]|\b(?:of|for|over|with|after|because|since|in|at|as|who|which)\b", re.IGNORECASE)
_ON = re.compile(r"\bon\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[;.]")
_CLAUSE_END = re.compile(r"[,:]|\b(?:because|after|since)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\b", re.IGNORECASE)
MIN_SHARED = 4  # "Russia" is "Russian", "Ukraine" is "Ukrainian": names that share this long a beginning are one


@dataclass(frozen=True)
class Accusation:
    accusers: set[str]  # the names of who accuses or blames (stemmed, as ``lexicon.names`` gives them)
    accused: set[str]  # the names of who is accused or blamed


def _until(text: str, end: re.Pattern[str]) -> str:
    match = end.search(text)
    return text[: match.start()] if match else text


def accusations(text: str) -> list[Accusation]:
    """Each accusation ``text`` makes: "A accused B of…", "A blamed B for…", "A blamed it on B", "B was accused
    of… by A", "it was blamed on B"."""
    found = []
    passive = {m.end() for m in _PASSIVE.finditer(text)}
    for match in _ACTIVE.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if match.end() in passive:
            by = _BY.search(_until(after, _SENTENCE_END))
            accusers = names(_until(after[by.end() :], _AFTER_END)) if by else set()
            head = after.lstrip()
            on_whom = head.lower().startswith("on ")  # "it was blamed on Russia"; else "Russia was blamed"
            accused = names(_until(head[3:], _AFTER_END)) if on_whom else names(re.split(_BEFORE, before)[-1])
        else:
            accusers = names(re.split(_BEFORE, before)[-1])
            object_phrase = _until(after, _SENTENCE_END)
            on = _ON.search(_until(object_phrase, _CLAUSE_END))
            accused = names(_until(object_phrase[on.end() :], _AFTER_END)) if on else names(_until(after, _AFTER_END))
        if accusers or accused:
            found.append(Accusation(accusers, accused))
    return found


def _same(name: str, others: set[str]) -> bool:
    return any(
        name == o or (min(len(name), len(o)) >= MIN_SHARED and (o.startswith(name) or name.startswith(o)))
        for o in others
    )


def misreads(said: list[Accusation], stated: list[Accusation]) -> bool:
    """A claim making the accusations ``said`` is not backed by its evidence's accusations (``stated``): the evidence
    accuses no one, where the claim names whom it blames; or the claim blames someone the evidence does not ("the
    attack was blamed on Russia" where the sentence says Russian officials blamed Ukraine); or it has someone the
    evidence accuses do the accusing."""
    if not said:
        return False
    if not stated:  # blaming a cause ("the collapse was blamed on fuel costs") may be worded any way; naming whom, not
        return any(claimed.accused for claimed in said)
    accusers = set().union(*(a.accusers for a in stated))
    accused = set().union(*(a.accused for a in stated))
    return any(
        any(not _same(n, accused) for n in claimed.accused)
        or any(_same(n, accused) and not _same(n, accusers) for n in claimed.accusers)
        for claimed in said
    )
