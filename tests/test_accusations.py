"""Who accuses or blames whom, read from a sentence; a claim that turns the accused into the accuser is not backed."""

import pytest

from service.engine.accusations import accusations, misreads

pytestmark = pytest.mark.unit

OFFICIALS = "Russian security officials accused Ukraine and the West of being partly responsible for the attack."


@pytest.mark.parametrize(
    ("text", "accusers", "accused"),
    [
        (OFFICIALS, {"russian"}, {"ukrain", "west"}),
        ("Russia blamed the attack on Ukraine and the West.", {"russia"}, {"ukrain", "west"}),
        ("The attack was blamed on Russia and the West, with ISIS-K claiming it.", set(), {"russia", "west"}),
        ("Ukraine was accused by Moscow of helping the gunmen.", {"moscow"}, {"ukrain"}),
        ("Lukashenko said Russian officials blamed Kyiv for the attack.", {"russian"}, {"kyiv"}),
        ("Protesters took to the streets, accusing Lukashenko of stealing the election.", set(), {"lukashenko"}),
    ],
)
def test_who_accuses_and_who_is_accused_are_read(text: str, accusers: set[str], accused: set[str]) -> None:
    (found,) = accusations(text)
    assert (found.accusers, found.accused) == (accusers, accused)


@pytest.mark.parametrize(
    ("claim", "backed"),
    [
        ("The attack was blamed on Russia and the West.", False),  # the accuser made one of the accused
        ("Ukraine accused Russia of the attack.", False),  # the roles turned round
        ("Russian security officials blamed Ukraine and the West for the attack.", True),
        ("Ukraine and the West were accused by Russian officials of being partly responsible.", True),
        ("The attack was blamed on Ukraine and the West.", True),
        ("ISIS-K claimed responsibility for the attack.", True),  # no accusation to check
    ],
)
def test_a_claim_is_backed_only_by_the_accusation_as_its_sentence_makes_it(claim: str, backed: bool) -> None:
    assert misreads(accusations(claim), accusations(OFFICIALS)) is not backed


def test_a_sentence_blaming_no_one_backs_no_claim_that_names_whom_it_blames() -> None:
    responsibility = accusations("The Islamic State's affiliate ISIS-K claimed responsibility for the attack.")
    assert misreads(accusations("The attack was blamed on Russia and the West."), responsibility)
    assert not misreads(accusations("The collapse was blamed on fuel costs."), responsibility)
