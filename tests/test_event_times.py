"""A when-question's answer gives the time of the event asked about, not of another event in the same sentence's
article: the time and the event must stand in one sentence."""

import pytest

from service.engine.claims import split_claims
from service.engine.event_times import asks_when, event_words, time_of_another_event, times
from service.engine.selection import SourceSentence
from service.engine.verify import ClaimChecker

APPEAL_QUESTION = "When will Harlow's appeal be heard?"
FINED = "A district court fined Harlow Shipping 2 million dollars on Tuesday for dumping ballast water in the bay."
WILL_APPEAL = "Harlow spokeswoman Edda Lin said the company would appeal the ruling."
LISTED = "The appeal will be heard on 4 March, a court clerk said."


@pytest.mark.unit
@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("When will the appeal be heard?", True),
        ("In what year did Lukashenko take power?", True),
        ("On what date did the rebellion end?", True),
        ("What day was the ferry sold?", True),
        ("When was the article about the strike published?", False),  # its page's date answers it
        ("What did Varga say when the barrier opened?", False),
        ("How long did the strike last?", False),
    ],
)
def test_a_question_asking_when_is_read(question: str, asks: bool) -> None:
    assert asks_when(question) is asks


@pytest.mark.unit
def test_the_event_is_the_question_s_own_words_other_than_names_and_time() -> None:
    assert event_words(APPEAL_QUESTION) == {"appeal", "hear"}
    assert event_words("In what year did the Drossel mine open?") == {"mine", "open"}


@pytest.mark.unit
def test_times_are_numbers_weekdays_months_and_relative_days() -> None:
    assert times("The appeal will be heard on Tuesday, 4 March 2025.") == {"tuesday", "march", "4", "2025"}
    assert times("The appeal may be heard yesterday.") == {"yesterday"}  # "may" is a verb here


@pytest.mark.unit
def test_the_time_and_the_event_must_share_a_sentence() -> None:
    event = {"appeal"}
    fined = (times(FINED), {"district", "court", "fine", "harlow", "tuesday"})
    appeal = (times(WILL_APPEAL), {"harlow", "appeal", "rule"})
    assert time_of_another_event({"tuesday"}, event, [fined, appeal])
    listed = (times(LISTED), {"appeal", "hear", "court"})
    assert not time_of_another_event({"4", "march"}, event, [listed])
    assert not time_of_another_event(set(), event, [fined])  # no time given: nothing to check
    assert not time_of_another_event({"tuesday"}, set(), [fined])  # the claim does not speak of the event


def _shown(*texts: str) -> list[SourceSentence]:
    return [
        SourceSentence(
            source="harlow.txt",
            path="harlow.txt",
            start=0,
            end=len(text),
            text=text,
            title="Court fines Harlow Shipping over ballast dumping",
            publisher="The Harbour Post",
            published="2025-01-10",
            score=1.0,
        )
        for text in texts
    ]


@pytest.mark.integration
def test_the_date_of_another_event_does_not_answer_when(checker: ClaimChecker) -> None:
    claims = split_claims("The appeal will be heard in the district court on Tuesday. [1]")
    verdict = checker.run(APPEAL_QUESTION, claims, _shown(FINED, WILL_APPEAL))[0]
    assert not verdict.supported


@pytest.mark.integration
def test_the_date_given_for_the_event_answers_when(checker: ClaimChecker) -> None:
    claims = split_claims("The appeal will be heard on 4 March. [2]")
    verdict = checker.run(APPEAL_QUESTION, claims, _shown(WILL_APPEAL, LISTED))[0]
    assert verdict.supported
    assert verdict.cited == (2,)
