"""Who does what a who-question asks, read from the words around its verb."""

import pytest

from service.engine.actors import (
    actors,
    asked_action,
    does_what_is_asked,
    done_by_another,
    done_to_another,
    names_who_did,
    uses,
)

pytestmark = pytest.mark.unit

CRITICS = (
    "Lukashenko agreed to assist and recounted the details of the conversation to address critics who claimed Putin"
    " took too long to address the public after the attack on Crocus City Hall."
)


@pytest.mark.parametrize(
    ("question", "action"),
    [
        ("Who claimed responsibility for the attack?", "claim"),
        ("Which group claimed responsibility for the attack?", "claim"),
        ("Who has accused Ukraine?", "accus"),
        ("Who said they would find a buyer?", "say"),  # "said", a filler word elsewhere, is the verb here
        ("Who was blamed for the attack?", None),  # the one asked about does not act
        ("Who did Russia blame for the attack?", None),
        ("Whom did she replace?", None),
    ],
)
def test_the_verb_of_a_question_asking_who_acted_is_read(question: str, action: str | None) -> None:
    assert asked_action(question) == action


@pytest.mark.parametrize(
    ("sentence", "action", "found"),
    [
        (CRITICS, "claim", [{"critic", "address"}]),
        ("Lukashenko mediated an agreement that ended the rebellion.", "mediat", [{"lukashenko"}]),
        (
            "The inquiry into the collapse is led by mining engineer Oskar Friel.",
            "lead",
            [{"mine", "engin", "oskar", "friel"}],
        ),
        ("She was credited with the agreement by both sides.", "credit", [{"side"}]),
        ("The two sides met and claimed victory.", "claim", [None]),
    ],
)
def test_who_acts_is_read_from_the_words_around_the_verb(
    sentence: str, action: str, found: list[set[str] | None]
) -> None:
    assert actors(sentence, action) == found


def test_a_claim_is_not_backed_where_its_sentences_have_someone_else_act_or_no_one() -> None:
    said = actors("Lukashenko claimed responsibility for the attack.", "claim")[0]
    assert said is not None
    assert done_by_another(said, actors(CRITICS, "claim"), uses(CRITICS, "claim"))
    helped = "Lukashenko assisted Putin in preventing suspected gunmen from entering Belarus."
    assert done_by_another(said, actors(helped, "claim"), uses(helped, "claim"))
    isis = "The Islamic State's affiliate ISIS-K claimed responsibility for the attack."
    said = actors("ISIS-K claimed responsibility for the attack.", "claim")[0]
    assert said is not None
    assert not done_by_another(said, actors(isis, "claim"), uses(isis, "claim"))
    owner = "Eleven miners were trapped at the Drossel copper mine, the mine's owner Veska Metals said."
    said = actors("Veska Metals owns the Drossel mine.", "own")[0]
    assert said is not None
    assert not done_by_another(said, actors(owner, "own"), uses(owner, "own"))  # "owner" uses "own"


@pytest.mark.parametrize(
    ("sentence", "does"),
    [
        ("The Islamic State's affiliate ISIS-K claimed responsibility for the attack on the hall.", True),
        (CRITICS, False),  # the critics claim, but not responsibility
        ("The attack on Crocus City Hall was claimed by no one for days.", False),
    ],
)
def test_a_sentence_in_which_someone_does_what_a_who_question_asks(sentence: str, does: bool) -> None:
    assert does_what_is_asked("Who claimed responsibility for the Crocus City Hall attack?", sentence) is does


def test_one_verb_of_saying_stands_for_another() -> None:
    """ "Who called the budget a fantasy?" is answered from "…said the budget was a fantasy"."""
    said = "Councillor Aino Rask, who opposed the plan, said the budget was a fantasy."
    assert uses(said, "call")
    claimed = actors("The budget was called a fantasy by Councillor Aino Rask.", "call")[0]
    assert claimed is not None
    assert not done_by_another(claimed, actors(said, "call"), uses(said, "call"))
    assert not uses("Lukashenko assisted Putin in preventing the gunmen from entering Belarus.", "claim")


@pytest.mark.parametrize(
    ("sentence", "does"),
    [
        ("Administrators from Hale & Pruitt said they hoped to find a buyer for the two routes within weeks.", True),
        ("Chief executive Colm Dervan blamed fuel costs, which he said had doubled since 2021.", False),
    ],
)
def test_who_said_something_is_read_from_the_sentence_that_says_it(sentence: str, does: bool) -> None:
    assert does_what_is_asked("Who said they would find a buyer for Gull Line's routes?", sentence) is does


FESTIVAL = "Folk festival draws record crowd despite Sunday rain"


@pytest.mark.parametrize(
    ("question", "claim", "answers"),
    [
        ("Who headlined the Ostwick Folk Festival?", "The headline act, The Marram Sisters, played on Saturday.", True),
        ("Who founded Keltra Mining?", "Keltra's founder, Oskar Friel, left the company in 2019.", True),
        # no word made from the verb
        ("Who headlined the Ostwick Folk Festival?", "Festival director Ruth Calloway said tickets sold out.", False),
        # nobody the question does not name, a day aside
        ("Who headlined the Ostwick Folk Festival?", "The headline act played to a packed field on Saturday.", False),
        # the verb of another thing than the question asks about
        ("Who headlined the Dunmere jazz night?", "The headline act, The Marram Sisters, played on Saturday.", False),
        # every sentence reporting speech uses a verb of saying
        ("Who said the festival made money?", "Ruth Calloway said weekend tickets had sold out.", False),
    ],
)
def test_a_claim_names_who_did_what_a_who_question_asks_in_a_word_made_from_its_verb(
    question: str, claim: str, answers: bool
) -> None:
    assert names_who_did(question, claim, FESTIVAL) is answers


def test_what_a_who_question_asks_its_verb_of_must_stand_where_the_verb_does() -> None:
    founding = (True, frozenset({"quillon", "found", "2014", "solberg", "menon"}))
    supplier = (False, frozenset({"solberg", "fault", "battery", "supply", "corvex", "cell"}))
    assert done_to_another({"solberg"}, {"corvex", "cell"}, [supplier, founding])  # the object comes from elsewhere
    assert not done_to_another({"solberg"}, {"quillon"}, [supplier, founding])
    assert not done_to_another({"solberg"}, {"corvex", "cell"}, [founding])  # nothing else names it: not judged here
    assert not done_to_another(set(), {"corvex", "cell"}, [supplier, founding])  # names no one who did it
