import pytest

from service.engine.question_forms import (
    answers_quantity,
    as_question,
    asks_for_author,
    asks_for_something_else,
    asks_of_page,
    asks_when_published,
    asks_why,
    asks_yes_or_no,
    counts,
    fits_question,
    gives_cause,
    is_about,
    is_name,
    names_what_is_asked,
    said_about,
    without_second_page_question,
)

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
        ("How many times did the union warn the company?", "The union had warned the company twice.", True),
        ("How many times did the union warn the company?", "The union warned the company about cracks.", False),
        ("What is Marguerite Tallis's salary?", "Tallis said the deal was a real step.", False),
        ("What was the final cost of the barrier?", "The barrier cost 561 million dollars.", True),
        ("How much did the barrier cost?", "Ostrava Marine built the barrier.", False),
        ("What did the union say about wages?", "The union said nurses were exhausted.", True),
        # a price or a pay is a sum of money, not any quantity
        ("What price did the mine get for its copper?", "The mine produced 84,000 tonnes of copper.", False),
        ("What price did the mine get for its copper?", "It sold copper at 8,900 dollars a tonne.", True),
        ("How much was the mediator paid?", "The mediator worked for 12 days.", False),
        ("How much was the mediator paid?", "The mediator was paid £40,000.", True),
        ("What pay rise did the nurses demand?", "They demanded 9 percent.", True),
        # so is a fine: "jailed for four years" is no answer to how much someone was fined
        ("How much was Vree fined?", "Vree was jailed for four years.", False),
        ("How much was Keltra fined?", "A court fined Keltra 2 million crowns.", True),
        ("What fine did the firm pay?", "The firm was ordered to stop work for 30 days.", False),
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


@pytest.mark.parametrize(
    ("question", "sentence", "fits"),
    [
        (
            "What is the name of Gull Line's newest ferry?",
            "Gull Line's oldest vessel, the Kittiwake, was built in 1979.",
            False,
        ),
        (
            "What is the name of Gull Line's oldest ferry?",
            "Gull Line's oldest vessel, the Kittiwake, was built in 1979.",
            True,
        ),
        ("Which was the largest protest?", "The smallest and the largest protests were in Minsk.", True),
        (
            "Is the Kittiwake Gull Line's newest ferry?",
            "Gull Line's oldest vessel, the Kittiwake, was built in 1979.",
            True,
        ),
        ("What is the name of Gull Line's newest ferry?", "The Kittiwake was built in 1979.", True),
    ],
)
def test_a_sentence_saying_the_opposite_superlative_does_not_answer(question: str, sentence: str, fits: bool) -> None:
    """Unless the question asks yes or no: "Is it the newest?" is answered by "the oldest"."""
    assert fits_question(question, sentence) is fits


def test_the_figures_a_sentence_gives_as_a_count_of_what_is_asked() -> None:
    assert counts("Its chief executive said about 2,100 nurses had joined the strike.", "nurses") == {"2100"}
    assert counts("Eleven miners were trapped; all eleven were alive.", "miners") == {"11"}
    assert counts("About 3,400 striking hospital nurses walked out.", "nurses") == {"3400"}
    assert counts("Nurses voted to accept 6.5 percent.", "nurses") == set()
    assert counts("Nineteen miners were rescued and forty miners were evacuated.", "miners") == {"19", "40"}


@pytest.mark.parametrize(
    ("question", "author"),
    [
        ("Who wrote the article about the nurses' walkout?", True),
        ("Who is the author of the report on the mine collapse?", True),
        ("Which reporter covered the strike?", True),
        ("Who reported on the ferry company's collapse?", True),
        ("Who reported the warning about cracks in the tunnel roof?", False),
        ("What did the health authority's chief executive say?", False),
    ],
)
def test_a_question_about_who_wrote_an_article_is_recognised(question: str, author: bool) -> None:
    assert asks_for_author(question) is author


@pytest.mark.parametrize(
    ("question", "published"),
    [
        ("When was the article about the nurses' walkout published?", True),
        ("What is the publication date of the story on the mine rescue?", True),
        ("On what date was the piece about the ferry written?", True),
        ("When did the Harlow Valley Gazette publish its report on the strike?", True),
        ("When was the auditor's report published?", False),
        ("When did the strike begin?", False),
        ("When did the governor report the death toll?", False),
    ],
)
def test_a_question_about_when_an_article_came_out_is_recognised(question: str, published: bool) -> None:
    assert asks_when_published(question) is published


@pytest.mark.parametrize(
    ("question", "marks"),
    [
        ("Who wrote the story about the ferry?", ("byline",)),
        ("When was the story about the ferry published?", ("dateline",)),
        ("Which newspaper reported the nurses' strike?", ("credit",)),
        ("Who published the article about the mine rescue?", ("credit",)),
        ("Who wrote the article about the strike, and when was it published?", ("byline", "dateline")),
        ("Which newspaper reported the nurses' deal and when?", ("dateline", "credit")),
        ("Who wrote the story on the rescue and which paper ran it?", ("byline", "credit")),
        ("Which agency reported the pollution in the reservoir?", ()),
        ("Who published the report on the barrier's costs?", ()),
        ("The strike ended, and when was it published?", ()),
    ],
)
def test_what_a_question_asks_of_the_page_rather_than_the_story(question: str, marks: tuple[str, ...]) -> None:
    assert asks_of_page(question) == marks


@pytest.mark.parametrize(
    ("question", "ranked_by"),
    [
        (
            "Who wrote the article about the strike, and when was it published?",
            "Who wrote the article about the strike?",
        ),
        ("Which newspaper reported the nurses' deal and when?", "Which newspaper reported the nurses' deal?"),
        ("When did the strike end, and when was it published?", "When did the strike end, and when was it published?"),
    ],
)
def test_articles_are_ranked_by_the_first_thing_asked_of_their_page(question: str, ranked_by: str) -> None:
    assert without_second_page_question(question) == ranked_by


@pytest.mark.parametrize(
    ("question", "sentence", "names"),
    [
        ("Where did the two leaders meet?", "They met at the Constantine Palace in St. Petersburg.", True),
        ("Where were the injured miners taken?", "The injured miners were taken to the hospital in Lenz.", True),
        ("Where did she flee to?", "She fled to Lithuania, where she urges her followers on.", True),
        ("Where did the two leaders meet?", "The two leaders met for the first time since the rebellion.", False),
        ("Where did the two leaders meet?", "The leaders met on Sunday, July 23rd, after the talks.", False),
        ("Where did Ebner and Marsh meet?", "Ebner and Marsh met in the evening.", False),
        ("Where did they meet after the rebellion?", "They met after the rebellion in Russia ended.", False),
        ("Where did they meet after the rebellion?", "They met in Minsk after the rebellion.", True),
        ("In which city did the talks take place?", "The talks took place in Minsk.", True),
        ("Who said the ward could no longer be staffed safely?", "The ward could no longer be staffed safely.", False),
        ("Who said the ward could no longer be staffed safely?", "Greta Holm said it could not be staffed.", True),
        ("Who said the ward could no longer be staffed safely?", "A hospital spokeswoman said so on Monday.", True),
        ("Who mediated the agreement?", "The agreement was mediated on Saturday.", False),
        ("Whom did she replace?", "She replaced Tomas Ebner as chair in 2024.", True),
        ("What did the mayor say?", "The ward could no longer be staffed safely.", True),
    ],
)
def test_a_where_or_who_question_is_answered_only_by_a_place_or_someone(
    question: str, sentence: str, names: bool
) -> None:
    assert names_what_is_asked(question, sentence) is names
    assert fits_question(question, sentence) is names


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("Why did Gull Line collapse?", True),
        ("What led to the strike?", True),
        ("What was the reason for the delay?", True),
        ("What caused the tunnel to collapse?", True),
        ("How come the ward is closing?", True),
        ("What did the union say about the closure?", False),
        ("Who blamed the storms?", False),
    ],
)
def test_a_question_asking_for_a_cause_is_recognised(question: str, why: bool) -> None:
    assert asks_why(question) is why


@pytest.mark.parametrize(
    ("sentence", "cause"),
    [
        ("Chief executive Colm Dervan blamed fuel costs and the loss of a subsidy.", True),
        ("The rescue could take four days because the rock was unstable.", True),
        ("The delay was due to a shortage of steel.", True),
        ("She said the closure was about cutting costs.", True),
        ("The company's 340 staff were told by email that their jobs were at risk.", False),
        ("Gull Line's oldest vessel, the Kittiwake, was built in 1979.", False),
    ],
)
def test_a_sentence_giving_a_cause_is_recognised(sentence: str, cause: bool) -> None:
    assert gives_cause(sentence) is cause


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What did Tamsin Orlo say about the nurses' strike?", "the nurses' strike"),
        ("What did Lukashenko claim in March 2024 about the concert attack suspects?", "the concert attack suspects"),
        ("What did Lukashenko assure Zelensky about Belarusian troops?", "Belarusian troops"),
        ("What has the ministry said regarding the subsidy", "the subsidy"),
        ("What did she say about the mine?", "the mine"),
        ("What did the Kremlin say in its statement published on August 17, 2020?", None),
        ("What is said about the strike?", None),
        ("Who said something about the mine?", None),
        ("What did Ilan Brod say?", None),
    ],
)
def test_the_topic_of_what_someone_said_is_read_from_the_question(question: str, topic: str | None) -> None:
    assert said_about(question) == topic


def test_an_article_is_about_a_name_it_repeats() -> None:
    text = "Gull Line collapsed. Gull Line's oldest vessel, the Kittiwake, was built in 1979."
    assert is_name("Gull Line") and is_name("the Kittiwake") and not is_name("Belarusian troops")
    assert is_about(text, "Gull Line") and not is_about(text, "the Kittiwake")
