"""Which source sentences report a second account, and which one is served when the model leaves it out."""

import pytest

from service.engine.quotes import (
    PARAPHRASE_DROP,
    best_passage,
    count_passage,
    disputes,
    disputing,
    evidence_for_yes_or_no,
    identity_passage,
    other_figure,
    uncited_articles,
)
from service.engine.selection import SourceSentence
from service.engine.verify import Verdict

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pia Marsh of the nurses' union rejected that account and said the closure was about cutting costs.", True),
        ("Lukashenko's statement contradicted Moscow's claims that the suspects were headed towards Ukraine.", True),
        ("The city's engineers said there was no evidence that the barrier had affected fish stocks.", True),
        ("The company denied any wrongdoing.", True),
        ("The health authority disputed the union's figures.", True),
        ("Keltra disputes the state's sampling.", True),
        ("A Veska spokesman said the company had no record of any such warning.", True),
        ("Nurses voted to accept 6.5 percent, ending a dispute that saw two strikes.", False),
        ("The ward delivered 312 babies in 2024, down from 455 in 2021.", False),
        ("Ebner told the meeting that the combined trust would save 18 million krona a year.", False),
    ],
)
def test_a_second_account_is_recognised(text: str, expected: bool) -> None:
    assert disputes(text) is expected


def source(text: str, score: float) -> SourceSentence:
    return SourceSentence("a.txt", "/a.txt", 0, len(text), text, "t", "p", "2025-01-01", score)


SOURCES = [
    source("The board said the ward could not be staffed safely.", 6.0),
    source("The union rejected that account and said it was about costs.", 3.0),
    source("A spokesman denied that the hospital had debts.", -2.0),
]


def test_the_other_side_is_a_relevant_dispute_the_answer_does_not_cite() -> None:
    served = [Verdict("The ward cannot be staffed safely.", (1,), True, 0.9)]
    assert disputing(SOURCES, served, min_score=-5.0) == [SOURCES[1], SOURCES[2]]
    assert disputing(SOURCES, served, min_score=0.0) == [SOURCES[1]]
    assert disputing(SOURCES, [*served, Verdict("x", (2,), True, 0.9)], min_score=0.0) == []
    assert disputing(SOURCES, served, min_score=4.0) == []


def test_a_how_many_answer_is_given_the_other_figure_for_the_same_count() -> None:
    union = source("About 3,400 nurses walked out of three hospitals.", 9.5)
    pay = source("Nurses voted to accept a pay rise of 6.5 percent.", 6.6)
    authority = source("Its chief executive said about 2,100 nurses had joined the strike.", 6.8)
    shown = [union, pay, authority]
    served = [Verdict("3,400 nurses walked out.", (1,), True, 0.9)]
    question = "How many nurses went on strike?"
    assert other_figure(question, shown, served, min_score=0.0) == Verdict(authority.text, (3,), True, 1.0, quoted=True)
    assert other_figure(question, shown, [Verdict("Between 2,100 and 3,400 did.", (1,), True, 0.9)], 0.0) is None
    assert other_figure(question, shown, served, min_score=7.0) is None
    assert other_figure("Who went on strike?", shown, served, min_score=0.0) is None


def test_a_count_the_checker_refused_gives_way_to_the_best_sentence_counting_what_is_asked() -> None:
    hospitals = source("About 3,400 nurses walked out of three hospitals.", 4.0)
    strikes = source("The nurses accepted the deal, ending a dispute that saw two strikes since February.", 1.0)
    shown = [hospitals, strikes]
    question = "How many strikes did the nurses hold?"
    miscount = [Verdict("The nurses held three strikes.", (1,), False, 0.3)]
    assert count_passage(question, shown, miscount, min_score=-4.0) == Verdict(
        strikes.text, (2,), True, 1.0, quoted=True
    )
    assert count_passage(question, shown, miscount, min_score=2.0) is None
    # the model gave no count (or none was refused): not knowing, it is not answered for it
    assert count_passage(question, shown, [], min_score=-4.0) is None
    assert count_passage(question, shown, [Verdict("The nurses were angry.", (1,), False, 0.3)], -4.0) is None
    assert count_passage("How many days did the strike last?", shown, miscount, min_score=-4.0) is None


def test_who_someone_is_is_the_best_sentence_giving_their_whole_name() -> None:
    role = source("Veska chief executive Mara Dulic said the mine would stay closed.", 3.6)
    other = source("Mara Lenz said the rescue took four days.", 5.0)
    shown = [other, role, source("Dulic was not available.", 6.0)]
    assert identity_passage("Who is Mara Dulic?", shown, min_score=-4.0) == Verdict(
        role.text, (2,), True, 1.0, quoted=True
    )
    assert identity_passage("who was Mara Dulic", shown, min_score=-4.0) is not None
    assert identity_passage("Who is Mara Dulic?", shown, min_score=4.0) is None
    assert identity_passage("Who is Ivo Zarkin?", shown, min_score=-4.0) is None
    assert identity_passage("Who is the chief executive?", shown, min_score=-4.0) is None
    assert identity_passage("Who is Mara Dulic's deputy?", shown, min_score=-4.0) is None


def test_the_best_passage_is_quoted_when_rated_high_enough_and_not_cited() -> None:
    assert best_passage(SOURCES, [], min_score=5.0) == Verdict(SOURCES[0].text, (1,), True, 1.0, quoted=True)
    assert best_passage(SOURCES, [], min_score=7.0) is None
    best = SOURCES[0].score
    assert best_passage(SOURCES, [(Verdict("x", (1,), True, 0.9), best - 1.0)], min_score=5.0) is None
    assert best_passage([], [], min_score=0.0) is None


def test_a_claim_citing_the_best_passage_for_a_name_only_does_not_stand_for_it() -> None:
    """Asked what someone said about one thing, the model wrote what they said about another, citing the best sentence
    for their name; the cross-encoder rates that claim far below the sentence."""
    citing = Verdict("Mensah said the first crews arrived within 20 minutes.", (1, 2), True, 0.9)
    best = SOURCES[0].score
    assert best_passage(SOURCES, [(citing, best - PARAPHRASE_DROP - 1.0)], min_score=5.0) == Verdict(
        SOURCES[0].text, (1,), True, 1.0, quoted=True
    )


def test_a_claim_restating_the_best_passage_stands_for_it_however_rated() -> None:
    """The answer would otherwise give the same sentence twice: the model's restatement, then the quote."""
    best = SOURCES[0]
    restating = Verdict("The ward could not be staffed safely, the board said.", (1,), True, 0.9)
    assert best_passage(SOURCES, [(restating, best.score - PARAPHRASE_DROP - 1.0)], min_score=5.0) is None


def test_each_uncited_article_of_a_timeline_gives_its_best_sentence_in_the_order_shown() -> None:
    old = SourceSentence("old.txt", "/old.txt", 0, 9, "It cost 340 million.", "t", "p", "2021-03-14", 4.0)
    mid = SourceSentence("mid.txt", "/mid.txt", 0, 9, "It rose to 512 million.", "t", "p", "2023-06-02", 5.0)
    mid_weak = SourceSentence("mid.txt", "/mid.txt", 20, 29, "Work stopped.", "t", "p", "2023-06-02", 1.0)
    new = SourceSentence("new.txt", "/new.txt", 0, 9, "It cost 561 million.", "t", "p", "2025-01-20", 6.0)
    shown = [old, mid_weak, mid, new]
    served = [Verdict("The final cost was 561 million.", (4,), True, 0.9)]
    assert uncited_articles(shown, served, min_score=0.0) == [
        Verdict(old.text, (1,), True, 1.0, quoted=True),
        Verdict(mid.text, (3,), True, 1.0, quoted=True),
    ]
    assert uncited_articles(shown, served, min_score=4.5) == [Verdict(mid.text, (3,), True, 1.0, quoted=True)]


@pytest.mark.parametrize("reply", ["No", "YES.", "No!"])
def test_a_bare_yes_or_no_is_replaced_by_the_sentences_it_cites(reply: str) -> None:
    verdicts = [Verdict(reply, (1, 2), False, 0.0), Verdict("The union said it was about costs.", (2,), True, 0.9)]
    served = evidence_for_yes_or_no(verdicts, SOURCES, yes_or_no=False)
    assert [v.text for v in served] == [SOURCES[0].text, SOURCES[1].text, verdicts[1].text]
    assert [v.quoted for v in served] == [True, True, False]


def test_beside_a_question_asking_what_only_a_bare_reply_citing_a_shown_sentence_is_replaced() -> None:
    verdicts = [Verdict("No, the ward stayed open.", (1,), True, 0.8), Verdict("No", (9,), False, 0.1)]
    assert evidence_for_yes_or_no(verdicts, SOURCES, yes_or_no=False) == verdicts


@pytest.mark.parametrize(
    "claim",
    [
        "Yes, the union backed the closure.",  # all its words stand in "refused to back the closure"
        "Yes, the ward stayed open after the vote.",  # its own words say no against its yes
    ],
)
def test_a_supported_answer_to_a_yes_or_no_question_is_replaced_by_the_sentences_it_cites(claim: str) -> None:
    """Whether it happened is not in the words: the cited sentence, which says itself, is served."""
    supported = Verdict(claim, (2,), True, 0.8)
    unsupported = Verdict("No, the union did not back it.", (1,), False, 0.2)
    served = evidence_for_yes_or_no([supported, unsupported], SOURCES, yes_or_no=True)
    assert served == [Verdict(SOURCES[1].text, (2,), True, 1.0, quoted=True, stands_for=claim), unsupported]


def test_an_answer_to_a_yes_or_no_question_is_not_served_as_the_byline_it_cites() -> None:
    """A byline says who wrote the article, not whether anything happened: only the story's sentence is served."""
    byline = source("By Tomas Reyne", -9.0)
    shown = [*SOURCES, byline]
    claim = Verdict("Yes, the board said the ward could not be staffed.", (1, 4), True, 0.8)
    served = evidence_for_yes_or_no([claim], shown, yes_or_no=True)
    assert [v.text for v in served] == [SOURCES[0].text]
