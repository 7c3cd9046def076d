import pytest

from service.engine.claims import (
    Claim,
    clauses,
    is_unfinished,
    main_clause,
    says_not_found,
    split_claims,
    without_unfinished_end,
)

pytestmark = pytest.mark.unit


def test_markers_are_read_and_removed_from_the_sentence() -> None:
    claims = split_claims("Gunmen killed at least 139 people [2]. ISIS-K claimed it [1][3]. Lukashenko helped. [4]")
    assert [(c.text, c.cited) for c in claims] == [
        ("Gunmen killed at least 139 people.", (2,)),
        ("ISIS-K claimed it.", (1, 3)),
        ("Lukashenko helped.", (4,)),
    ]


@pytest.mark.parametrize("marker", ["[1, 3]", "[Source 1; 3]", "[ 1,3 ]", "[sources 1, 3]"])
def test_marker_variants(marker: str) -> None:
    (claim,) = split_claims(f"Putin met Lukashenko {marker}.")
    assert claim.cited == (1, 3)
    assert claim.text == "Putin met Lukashenko."


def test_a_sentence_without_markers_cites_nothing() -> None:
    (claim,) = split_claims("Putin met Lukashenko in St. Petersburg.")
    assert claim.cited == ()


@pytest.mark.parametrize(
    "text",
    [
        "NOT IN SOURCES",
        "NO IN SOURCES",  # the 1.5B's slip
        "The sources do not mention his age.",
        "This information is not provided in the articles.",
        "I cannot answer that from the sources.",
    ],
)
def test_not_found_statements(text: str) -> None:
    assert says_not_found(text)


def test_the_refusal_a_model_adds_to_its_answer_is_no_claim() -> None:
    claims = split_claims("Staff were told by email that their jobs were at risk. NOT IN SOURCES")
    assert claims == [Claim(text="Staff were told by email that their jobs were at risk.", cited=())]
    assert split_claims("The answer is NOT IN SOURCES.") == []
    assert split_claims("The fishers blocked the harbour, but why is NOT IN SOURCES.") == []
    (claim,) = split_claims("Fishers blocked the harbour with 60 boats [1] NOT IN SOURCES")
    assert claim == Claim(text="Fishers blocked the harbour with 60 boats", cited=(1,))


def test_a_claim_ends_before_its_trailing_aside() -> None:
    claim = Claim(text="Mara Dulic is the chief executive of Veska, a mining company in Belarus.", cited=(2,))
    assert main_clause(claim) == Claim(text="Mara Dulic is the chief executive of Veska.", cited=(2,))
    assert main_clause(Claim(text="They met in St Petersburg, where Putin spoke.", cited=())) is not None
    # an aside in mid-sentence, or one after too little to say anything, leaves no main clause to serve
    assert main_clause(Claim(text="Orlo said the rescue, which began Sunday, could take four days.", cited=())) is None
    assert main_clause(Claim(text="Mara Dulic, who runs Veska.", cited=())) is None
    assert main_clause(Claim(text="Putin met Lukashenko in St Petersburg.", cited=())) is None
    # a trailing participle clause is an aside too, but not one followed by more of the sentence
    quist = Claim(text="Mara Quist resigned on 29 August, citing rising fuel costs and a failed takeover.", cited=(5,))
    assert main_clause(quist) == Claim(text="Mara Quist resigned on 29 August.", cited=(5,))
    assert main_clause(Claim(text="The airline collapsed, leaving 41,000 stranded, Sorde said.", cited=())) is None


def test_a_fact_is_not_a_not_found_statement() -> None:
    assert not says_not_found("Lukashenko did not attend the meeting in Minsk [1].")
    assert not says_not_found("Wagner fighters occupied an army headquarters in Rostov-on-Don [3].")


@pytest.mark.parametrize(
    "phrase",
    [
        "as stated in",
        "as reported by",
        "according to source",
        "see",
        "citing",
        "as stated in the first source",
        "as reported in both articles",
    ],
)
def test_phrases_that_only_point_at_a_source_go_with_the_marker(phrase: str) -> None:
    (claim,) = split_claims(f"Lukashenko has been in power since 1994, {phrase} [1].")
    assert (claim.text, claim.cited) == ("Lukashenko has been in power since 1994.", (1,))


@pytest.mark.parametrize("markers", ["[1] and [3]", "[1], [3]", "[1], and [3]", "[1] & [3]"])
def test_markers_joined_by_and_go_with_the_phrase_that_points_at_them(markers: str) -> None:
    (claim,) = split_claims(f"The offer rose to 6.5 percent in March, as reported in {markers}.")
    assert (claim.text, claim.cited) == ("The offer rose to 6.5 percent in March.", (1, 3))


@pytest.mark.parametrize(
    "answer",
    [
        'According to the article "Russia offers support" [1], 80 percent voted for him.',
        "According to the first source, 80 percent voted for him [1].",  # the reader's first source is another
        "According to source 1, 80 percent voted for him [1].",
        "In the second article, 80 percent voted for him [1].",
    ],
)
def test_attribution_to_an_article_is_not_part_of_the_claim(answer: str) -> None:
    (claim,) = split_claims(answer)
    assert (claim.text, claim.cited) == ("80 percent voted for him.", (1,))


@pytest.mark.parametrize(
    "answer",
    [
        "(publisher: LBCI; published: 2023-07-23), Putin extended the talks [2].",
        'Article "Putin hosts Lukashenko" (publisher: LBCI; published: 2023-07-23) [2] Putin extended the talks.',
        'The article "Putin hosts Lukashenko" (publisher: LBCI; published: 2023-07-23) states that Putin extended the'
        " talks [2].",
        'The article "Putin hosts Lukashenko" says Putin extended the talks [2].',
    ],
)
def test_an_echoed_article_header_is_not_part_of_the_claim(answer: str) -> None:
    (claim,) = split_claims(answer)
    assert (claim.text, claim.cited) == ("Putin extended the talks.", (2,))


def test_a_claim_that_begins_with_a_reporting_word_keeps_it() -> None:
    (claim,) = split_claims("Reports of the attack spread within minutes [1].")
    assert claim.text == "Reports of the attack spread within minutes."


@pytest.mark.parametrize(
    ("answer", "unfinished"),
    [
        ("The author of the report that eleven miners were trapped is [1].", True),
        ("The article was written by [2].", True),
        ("The article was written by Anneli Rask [1].", False),
        ("The cost was 561 million crowns, as reported by the finance office in [7].", False),
        ("The strike ended, the union said [1].", False),
        # the last word belongs to a question the claim reports
        ("The Kremlin said pressure was applied, without saying where from [3].", False),
        ("No one knows what the barrier is made of [1].", False),
        ("The report did not say who the letter was sent to [2].", False),
        ("The letter, which said where the money came from, was sent to [2].", True),
    ],
)
def test_a_sentence_that_stops_where_its_marker_stood_is_unfinished(answer: str, unfinished: bool) -> None:
    (claim,) = split_claims(answer)
    assert is_unfinished(claim.text) is unfinished


@pytest.mark.parametrize(
    "answer", ["The strike would last five days, in the first source [1].", "It lasted five days,. [1]"]
)
def test_a_pointer_the_markers_leave_behind_leaves_no_stray_comma(answer: str) -> None:
    (claim,) = split_claims(answer)
    assert claim.text.endswith("five days.")


@pytest.mark.parametrize(
    ("reply", "finished"),
    [
        (
            "Lukashenko has ruled since 1994 [1]. Overall, his disclosure sheds light on the",
            "Lukashenko has ruled since 1994 [1].",
        ),
        ('She called it "a real step". [1][2] European Commission President', 'She called it "a real step". [1][2]'),
        ("Turnout was 65.2 percent and", ""),  # a decimal point ends no sentence
    ],
)
def test_a_reply_stopped_at_the_token_limit_ends_with_its_last_finished_sentence(reply: str, finished: str) -> None:
    assert without_unfinished_end(reply) == finished


@pytest.mark.parametrize("pointer", ["in", "from"])
def test_a_preposition_pointing_at_the_closing_marker_goes_with_it(pointer: str) -> None:
    (claim,) = split_claims(f"The breach was discovered on February 27, according to Pell's statement {pointer} [1].")
    assert (claim.text, claim.cited) == (
        "The breach was discovered on February 27, according to Pell's statement.",
        (1,),
    )


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Solberg said the fault lay in a battery pack, and she agreed to share the cost of replacing it.",
            ["Solberg said the fault lay in a battery pack.", "She agreed to share the cost of replacing it."],
        ),
        (
            "The union said 300 jobs would go; the administrators said they hoped to find a buyer.",
            ["The union said 300 jobs would go.", "The administrators said they hoped to find a buyer."],
        ),
        ('Mensah said "we came fast, and we stayed there all night".', None),  # a join inside a quotation
        ("Putin, Lukashenko and Xi met in Minsk on Friday.", None),  # a list is no second statement
        ("The mine reopened on Monday, and it is safe.", None),  # too short to stand alone
    ],
)
def test_a_claim_is_read_as_the_statements_it_joins(text: str, parts: list[str] | None) -> None:
    claim = Claim(text=text, cited=(2,))
    assert clauses(claim) == ([Claim(part, (2,)) for part in parts] if parts else [claim])
