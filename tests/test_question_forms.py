import pytest

from service.engine.question_forms import answers_quantity, as_question, asks_for_something_else, asks_yes_or_no

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
        ("How many fighters were killed?", "On June 24th the fighters advanced hundreds of kilometres.", False),
        ("How many fighters were killed?", "In 2023 fighters held the city for 24 hours.", False),
        ("How many hours had they been awake?", "They had been up for 24 hours.", True),
        ("How many people died?", "On March 22 gunmen killed at least 139 people.", True),
        ("How many babies were born in 2024?", "The ward delivered 312 babies in 2024.", True),
        ("What is Marguerite Tallis's salary?", "Tallis said the deal was a real step.", False),
        ("What was the final cost of the barrier?", "The barrier cost 561 million dollars.", True),
        ("How much did the barrier cost?", "Ostrava Marine built the barrier.", False),
        ("What did the union say about wages?", "The union said nurses were exhausted.", True),
    ],
)
def test_a_how_many_question_is_answered_only_by_a_quantity(question: str, sentence: str, answers: bool) -> None:
    assert answers_quantity(question, sentence) is answers


@pytest.mark.parametrize(
    ("question", "yes_or_no"),
    [
        ("Did the school close during the water scare?", True),
        ("Will Belarus send troops to Ukraine?", True),
        ("Who leads the nurses' union?", False),
        ("Can you tell me who leads the nurses' union?", False),  # a polite request
        ("Could you list the strike dates?", False),
    ],
)
def test_a_yes_or_no_question_is_told_from_a_polite_request(question: str, yes_or_no: bool) -> None:
    assert asks_yes_or_no(question) is yes_or_no
