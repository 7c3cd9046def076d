"""An answer's "she" stands for whom its source's "she" stands for: a copied sentence about the mediator is not
served after a sentence about the union leader."""

import pytest

from service.engine.antecedents import with_antecedents
from service.engine.verify import Verdict
from tests.test_attribution import CREDITED, DEAL, DEAL_HEADER, DEV2, TALLIS, sentence

pytestmark = pytest.mark.unit

ADDED = sentence(
    DEAL,
    "She added that the deal also promised 400 new nursing posts over two years.",
    context=TALLIS.text,
    folder=DEV2,
    header=DEAL_HEADER,
)
SOURCES = [TALLIS, ADDED, CREDITED]
SAID = Verdict(
    "Marguerite Tallis said the agreement was not everything she asked for, but a real step.", (1,), True, 0.9
)
ADDED_CLAIM = Verdict("She added that the deal also promised 400 new nursing posts over two years.", (2,), True, 1.0)
CREDITED_CLAIM = Verdict("Both sides credited her with the agreement.", (3,), True, 1.0)


def test_a_copied_she_about_someone_else_is_not_served_after_another_name() -> None:
    question = "What did Marguerite Tallis say about the deal?"
    verdicts = with_antecedents(question, [SAID, ADDED_CLAIM, CREDITED_CLAIM], SOURCES)
    assert [v.supported for v in verdicts] == [True, True, False]


def test_the_question_names_whom_the_first_sentence_is_read_as_about() -> None:
    (verdict,) = with_antecedents("What did Tallis say about the mediator?", [CREDITED_CLAIM], SOURCES)
    assert not verdict.supported
    (verdict,) = with_antecedents("Who did both sides credit with the agreement?", [CREDITED_CLAIM], SOURCES)
    assert verdict.supported, "nothing named before it: the answer's 'her' is read from the cited sentence"
