import pytest

from service.engine.question_forms import as_question, asks_for_something_else

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
