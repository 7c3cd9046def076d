import pytest

from service.engine.question_forms import as_question, asks_for_quantity, asks_for_something_else, gives_quantity

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "question",
    [
        "Write a poem about Lukashenko.",
        "Compose a short song on the Wagner rebellion",
        "In your own opinion, is Putin good?",
        "What do you think of the referendum?",
        "Write Python code that lists the articles",
    ],
)
def test_requests_for_something_else_are_recognised(question: str) -> None:
    assert asks_for_something_else(question)


@pytest.mark.parametrize(
    "question",
    [
        "Who wrote the statement the Kremlin published?",
        "What did Lukashenko tell Belta?",
        "Which story did the New York Times report?",
        "What did Pompeo say in Prague?",
    ],
)
def test_questions_about_the_articles_are_not_caught(question: str) -> None:
    assert not asks_for_something_else(question)


def test_keyword_queries_become_questions() -> None:
    assert as_question("Bakhmut siege") == "What do the articles say about Bakhmut siege?"
    assert as_question("Who met Putin?") == "Who met Putin?"


@pytest.mark.parametrize(
    ("question", "sentence", "answers"),
    [
        ("How many Wagner fighters moved to Belarus?", "Wagner fighters are training with Belarusian forces.", False),
        ("How many Wagner fighters moved to Belarus?", "About 8,000 fighters moved to Belarus.", True),
        ("For how many years had he ruled?", "He had ruled for twenty-six years.", True),
        ("How many people were arrested at the protest?", "No one was arrested.", True),
        ("What percentage of voters approved the plan?", "The plan was approved by most voters.", False),
        ("Why did the cost rise?", "Storms destroyed the dams.", True),
    ],
)
def test_a_how_many_question_is_answered_only_by_a_quantity(question: str, sentence: str, answers: bool) -> None:
    assert (gives_quantity(sentence) or not asks_for_quantity(question)) is answers
