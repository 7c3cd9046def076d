import pytest

from service.engine.time_focus import read_time_focus, what_changed

pytestmark = pytest.mark.unit


def test_a_named_year_is_read_and_matches_articles_from_then_or_sentences_naming_it() -> None:
    when = read_time_focus("What happened to the barrier project in 2023?")
    assert when.years == {2023} and not when.latest
    assert when.matches_year("2023-06-02", "Work was halted.")
    assert when.matches_year("2025-01-20", "It had been halted in 2023.")
    assert not when.matches_year("2021-03-14", "Voters approved the plan.")


@pytest.mark.parametrize(
    "question", ["What is the most recent cost figure?", "Who is the mayor now?", "What was the final cost?"]
)
def test_questions_about_the_latest_state_are_recognised(question: str) -> None:
    assert read_time_focus(question).latest


def test_a_plain_question_has_no_time_focus() -> None:
    when = read_time_focus("Where did Maren Dahl and the mayor meet?")
    assert not when.years and not when.latest


@pytest.mark.parametrize(
    ("question", "chronological"),
    [
        ("How did the cost change over time?", True),
        ("What happened before the vote?", True),
        ("Who was mayor in 2021?", True),
        ("Where did Dahl and the mayor meet?", False),
        ("How many protesters were detained?", False),
    ],
)
def test_questions_about_time_or_change_read_the_articles_oldest_first(question: str, chronological: bool) -> None:
    assert read_time_focus(question).chronological is chronological


@pytest.mark.parametrize(
    ("question", "across"),
    [
        ("How did the cost of the barrier change over time?", True),
        ("How did the mayor's view develop?", True),
        ("What did the two leaders agree in 2020 and in 2024?", True),
        ("Where did they meet after the rebellion?", False),
        ("Who was mayor in 2021?", False),
    ],
)
def test_a_question_about_change_across_time_is_told_from_one_about_a_moment(question: str, across: bool) -> None:
    assert read_time_focus(question).across_time is across


@pytest.mark.parametrize(
    ("question", "step"),
    [
        ("How did the pay offer change between February and March?", "What was the pay offer?"),
        ("How has the death toll changed over time?", "What was the death toll?"),
        ("What changed about the cost after the vote?", "What was the cost?"),
        ("How did Lukashenko respond to the protests?", None),
        ("What changed between June 9 and June 13?", None),
    ],
)
def test_a_question_about_how_something_changed_gives_the_question_each_step_answers(
    question: str, step: str | None
) -> None:
    assert what_changed(question) == step
