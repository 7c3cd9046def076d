"""A claim that says something did not happen is not supported by a sentence saying it did, and a claim that only
repeats a who/what/how-many question answers nothing: the claim checker on the real embedder."""

from pathlib import Path

import pytest

from service.engine.claims import split_claims
from service.engine.lexicon import content_terms, denied_terms, denies, negates
from service.engine.verify import ClaimChecker
from tests.test_attribution import HOLDOUT, sentence

DEV2 = Path(__file__).resolve().parents[1] / "evals" / "dev2_articles"
MERGER = "200_velden_merger.txt"
HEADER = ("Board approves merger of Velden and Ostry hospitals", "The Velden Courier", "2022-11-09")
VOTE = sentence(
    MERGER,
    "The regional health board voted 7 to 2 on Tuesday to merge Velden General Hospital with the smaller Ostry "
    "Community Hospital into one trust.",
    folder=HOLDOUT,
    header=HEADER,
)
PROMISE = sentence(
    MERGER,
    "Health minister Carla Nystrom welcomed the vote and promised that no ward would close before 2025.",
    folder=HOLDOUT,
    header=HEADER,
)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The regional health board voted 7 to 2 to merge the two hospitals [1].", True),
        ("The regional health board did not vote to merge the two hospitals [1].", False),
        ("The board never approved merging Velden General Hospital with Ostry Community Hospital [1].", False),
        ("Carla Nystrom promised that no ward would close before 2025 [2].", True),
        ("Carla Nystrom promised that a ward would close before 2025 [2].", False),
    ],
)
def test_a_denial_needs_a_source_that_denies(checker: ClaimChecker, claim: str, supported: bool) -> None:
    (verdict,) = checker.run("Did the board approve the hospital merger?", split_claims(claim), [VOTE, PROMISE])
    assert verdict.supported is supported


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        ("The school did not close.", True, True),
        ("Russia doesn’t need soldiers from Belarus.", True, True),
        ("The company denied releasing nitrate.", False, True),
        ("Putin stopped short of offering military help.", False, True),
        ("The school closed for two days.", False, False),
        ("Nobody knows the notice's end date.", True, True),
    ],
)
def test_how_a_denial_is_recognised(text: str, claim: bool, source: bool) -> None:
    assert (negates(text), denies(text)) == (claim, source)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("question", "claim", "supported"),
    [
        ("How many people did the merged trust lay off?", "The merged trust laid off people [1].", False),
        ("Who voted against the merger?", "Members of the board voted against the merger [1].", False),
        ("Did the board vote to merge the hospitals?", "The board voted to merge the hospitals [1].", True),
        ("Did the board vote to merge the hospitals?", "Yes, the board voted 7 to 2 to merge them [1].", True),
        ("How did the board vote on the merger?", "The regional health board voted 7 to 2 for the merger [1].", True),
    ],
)
def test_a_claim_that_only_repeats_the_question_answers_only_a_yes_or_no_question(
    checker: ClaimChecker, question: str, claim: str, supported: bool
) -> None:
    """In answer to a yes-or-no question it is what its sources say (served as them, not as its yes or no)."""
    (verdict,) = checker.run(question, split_claims(claim), [VOTE])
    assert verdict.supported == supported


@pytest.mark.integration
def test_a_restated_yes_or_no_is_checked_for_what_it_is_about_not_for_its_yes(checker: ClaimChecker) -> None:
    """ "Yes, a ward would close" restates the question; its sentence ("no ward would close") is what is served, so
    the claim must be about that sentence, and the sentence itself tells the reader the answer is no."""
    claim = split_claims("Yes, the minister promised that a ward would close [1].")
    (verdict,) = checker.run("Did the minister promise that a ward would close?", claim, [PROMISE])
    assert (verdict.supported, verdict.cited) == (True, (1,))


@pytest.mark.unit
@pytest.mark.parametrize(
    ("said", "asked"),
    [("They met in Moscow.", "meet in Moscow"), ("She fled to Lithuania.", "flee to Lithuania"), ("He led", "lead")],
)
def test_an_irregular_verb_is_the_word_it_inflects(said: str, asked: str) -> None:
    """ "Did they meet in Moscow?" - "They met in Moscow" adds nothing to the question but its yes."""
    assert content_terms(said) == content_terms(asked)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("source", "denied"),
    [
        ("Putin stopped short of publicly offering his support for the leader.", {"public", "offer"}),
        ("Troops from Belarus will not go to Ukraine.", {"go", "ukrain"}),
        ("The minister promised that no ward would close before 2025.", {"ward", "close"}),
        ("He warned of a threat not only to Belarus.", set()),
        ("The board voted 7 to 2 to merge the hospitals.", set()),
    ],
)
def test_what_a_sentence_says_did_not_happen(source: str, denied: set[str]) -> None:
    assert denied_terms(source) == denied


@pytest.mark.integration
def test_a_yes_or_no_question_lends_no_name_to_the_claim(checker: ClaimChecker) -> None:
    holm = sentence(
        "201_ostry_ward.txt",
        "Holm, who replaced Tomas Ebner as chair in 2024, said the trust would pay for taxis for women in labour who "
        "live in Ostry.",
        folder=HOLDOUT,
        header=("Ostry maternity ward to close in spring", "Velden Courier", "2025-02-03"),
    )
    claim = split_claims("The regional health board voted with Tomas Ebner on Tuesday [1].")
    (verdict,) = checker.run("Did the board vote with Tomas Ebner on Tuesday?", claim, [VOTE, holm])
    assert not verdict.supported, "the vote's sentence names no Ebner: the question's name is not evidence"


@pytest.mark.integration
def test_a_sentence_about_the_oldest_does_not_support_a_claim_about_the_newest(checker: ClaimChecker) -> None:
    """Every word but one is in the sentence, and that one says the opposite."""
    ferry = ("Ferry operator Gull Line collapses, stranding island routes", "unknown", "unknown")
    oldest = sentence(
        "402_ferry.txt", "Gull Line's oldest vessel, the Kittiwake, was built in 1979.", folder=DEV2, header=ferry
    )
    question = "What is the name of Gull Line's newest ferry?"
    newest = split_claims("The name of Gull Line's newest ferry is the Kittiwake, which was built in 1979 [1].")
    (verdict,) = checker.run(question, newest, [oldest])
    assert not verdict.supported
    (verdict,) = checker.run(question, split_claims("Gull Line's oldest vessel is the Kittiwake [1]."), [oldest])
    assert verdict.supported


SECOND_STRIKE = sentence(
    "401_nurses_deal.txt",
    "The second strike, in early March, lasted three days.",
    folder=DEV2,
    header=("Harlow nurses accept 6.5 percent deal, ending two-month dispute", "The Corrin Courier", "2025-03-28"),
)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Yes, the nurses' strike occurred in March [1].", True),
        ("Yes, a strike took place in March [1].", True),
        ("Yes, the nurses' strike occurred in April [1].", False),
    ],
)
def test_saying_that_something_happened_adds_nothing_to_be_checked(
    checker: ClaimChecker, claim: str, supported: bool
) -> None:
    """ "occurred" is in no source sentence, and is no fact: the claim stands on the sentence that holds the rest."""
    (verdict,) = checker.run("Did the nurses strike in March?", split_claims(claim), [SECOND_STRIKE])
    assert verdict.supported is supported


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Mensah rejected the criticism that the first crews had reached the fire within 20 minutes [1].", False),
        ("Mensah rejected the criticism, saying the first crews reached the fire within 20 minutes [1].", True),
    ],
)
def test_what_someone_said_beside_a_denial_is_not_what_they_denied(
    checker: ClaimChecker, tmp_path: Path, claim: str, supported: bool
) -> None:
    """An invented fire report: the fire chief rejected criticism of a slow response, saying her crews came in time.
    The bundled model once wrote that she rejected the criticism that they came in time."""
    text = "Mensah rejected the criticism, saying the first crews had reached the fire within 20 minutes of the call."
    (tmp_path / "1100_fire.txt").write_text(text + "\n", encoding="utf-8")
    header = ("Hundreds evacuated as forest fire spreads", "Dunmere Evening Post", "2025-08-03")
    source = sentence("1100_fire.txt", text, folder=tmp_path, header=header)
    (verdict,) = checker.run("What did Mensah say about the response time?", split_claims(claim), [source])
    assert verdict.supported is supported
