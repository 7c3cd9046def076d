"""Who a sentence is about: the speaker a claim presents, and the sentence a pronoun points back to."""

import pytest

from service.engine.lexicon import joint_speakers, refers_back, subject

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Varga spoke at a rally in Harbour Square.", "varga"),
        ("Mayor Ilse Varga held a press conference at city hall.", "varga"),
        ("The association's chair, Maren Dahl, said the catch had fallen.", "dahl"),
        ("Ostrava Marine, the firm building the barrier, blamed two winters of storms.", "marin"),
        ("139 concertgoers lost their lives when gunmen stormed the venue outside Moscow.", None),
        ("Lukashenko's statement contradicted Moscow's claims about the suspects.", None),
    ],
)
def test_the_subject_is_a_speaker_the_claim_presents_not_a_place_it_mentions(claim: str, expected: str | None) -> None:
    assert subject(claim) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She told reporters that the association would take the city to court.", True),
        ("In a written statement, she said the barrier was the most important thing.", True),
        ("Both sides credited her with the agreement.", True),  # "Both" names no one
        ("Dahl said she would go to court.", False),
        ("The barrier opened on Saturday.", False),
    ],
)
def test_a_sentence_that_opens_with_a_pronoun_refers_back(text: str, expected: bool) -> None:
    assert refers_back(text) is expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The union and the administrators said that 1,400 jobs would go.", [{"union"}, {"administr"}]),
        ("Both the union and the airline warned of cuts.", [{"union"}, {"airlin"}]),
        # one of them acts, the other speaks: two statements, each with its own speaker
        ("The firm blamed storms and the auditor said it underbid.", []),
        # no verb of saying: they met, or agreed
        ("Halloran and the regional governor met at the museum.", []),
        ("Jobs and wages were cut, the union said.", []),
    ],
)
def test_two_speakers_making_one_statement(claim: str, expected: list[set[str]]) -> None:
    assert joint_speakers(claim) == expected
