"""Who a sentence is about: the speaker a claim presents, and the sentence a pronoun points back to."""

import pytest

from service.engine.lexicon import antecedent_sentences, joint_speakers, refers_back, subject, with_person_named

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
        # the words of a quote name no one the pronoun could stand for
        ('"Thirty nurses over two years is not a plan," she told reporters.', True),
        ('Dahl called it "a victory for patients", she said.', False),
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


_STORY = (
    "Quillon Robotics recalls 2,600 robots\n\n"
    "Chief executive Hanne Solberg said the fault lay in a battery pack. "
    '"We will replace every unit at our own cost," she said.\n\n'
    "She added that no one had been hurt.\n\n"
    "Corvex Cells blamed the charging software. It said its batteries were safe."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a quote closed on a comma ends no sentence: the pronoun's sentence is the whole quote and its "she said"
        ('"We will replace', "Chief executive Hanne Solberg said the fault lay in a battery pack."),
        # "she" stands for whom the sentence before stands for, named one sentence further back
        (
            "She added",
            'Chief executive Hanne Solberg said the fault lay in a battery pack. "We will replace every unit at our '
            'own cost," she said.',
        ),
        ("It said", "Corvex Cells blamed the charging software."),
    ],
)
def test_a_pronoun_finds_its_person_in_the_sentences_before(sentence: str, expected: str) -> None:
    assert antecedent_sentences(_STORY, _STORY.index(sentence)) == expected


@pytest.mark.parametrize(
    ("text", "antecedents", "expected"),
    [
        (
            '"We will replace every unit at our own cost," she said.',
            "Chief executive Hanne Solberg said the fault lay in a battery pack.",
            '"We will replace every unit at our own cost," Chief executive Hanne Solberg said.',
        ),
        # the role the sentence before gives the name comes with it: it is what a question may ask by
        (
            "He said the government would review the budget.",
            "Talks collapsed. Regional health minister Tomas Ekwall urged both sides to return to talks.",
            "Regional health minister Tomas Ekwall said the government would review the budget.",
        ),
        (
            "She added that no one had been hurt.",
            'Mayor Ilse Varga spoke first. "We will rebuild," she said.',
            "Mayor Ilse Varga added that no one had been hurt.",
        ),
        # a sentence that names its speaker first, or follows no one named, reads as it is
        ("Dahl said she would go to court.", "Mayor Ilse Varga spoke first.", "Dahl said she would go to court."),
        (
            "She added that no one had been hurt.",
            "The fire was put out at noon.",
            "She added that no one had been hurt.",
        ),
    ],
)
def test_a_pronoun_is_read_as_the_person_it_stands_for(text: str, antecedents: str, expected: str) -> None:
    assert with_person_named(text, antecedents) == expected
