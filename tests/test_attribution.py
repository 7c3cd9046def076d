"""A statement about one person is never served as another's: the claim checker on the real embedder, and the
evals' independent attribution check."""

from dataclasses import replace
from pathlib import Path

import pytest

from evals.attribution import unattributed_sentences
from service.engine.claims import split_claims
from service.engine.selection import SourceSentence
from service.engine.verify import ClaimChecker
from service.schemas import Answer, Citation, SentenceVerdict
from tests.conftest import SEEDS

pytestmark = pytest.mark.integration

ARTICLES = Path(__file__).resolve().parents[1] / "evals" / "test_articles"
DEV2 = Path(__file__).resolve().parents[1] / "evals" / "dev2_articles"
HALTED = "101_barrier_halted.txt"
OPENS = "102_barrier_opens.txt"


def sentence(
    source: str,
    text: str,
    context: str = "",
    folder: Path = ARTICLES,
    header: tuple[str, str, str] = (
        "Work on Marrow Bay tidal barrier halted as costs climb",
        "The Coastal Ledger",
        "2023-06-02",
    ),
) -> SourceSentence:
    """``text`` as found in ``folder/source``, under ``header`` (title, publisher, published)."""
    start = (folder / source).read_text(encoding="utf-8").index(text)
    title, publisher, published = header
    return SourceSentence(
        source=source,
        path=str(folder / source),
        start=start,
        end=start + len(text),
        text=text,
        title=title,
        publisher=publisher,
        published=published,
        score=1.0,
        context=context,
    )


RALLY = sentence(
    HALTED,
    "Dmitri Halloran addressed a rally of about 3,000 people in Harbour Square, where he called for the mayor to "
    "resign.",
)
PRESS = sentence(
    HALTED,
    "Mayor Ilse Varga held a press conference at city hall, where she said work would resume once a new budget "
    "was agreed.",
)
STATEMENT = (
    'In a written statement, she said the barrier was "the most important thing this city has done in fifty years".'
)


def test_a_rally_of_one_person_does_not_support_another_speaking_there(checker: ClaimChecker) -> None:
    question = "Where did Ilse Varga speak after construction of the barrier was halted?"
    claims = split_claims("Ilse Varga spoke at a rally in Harbour Square [1].")
    (verdict,) = checker.run(question, claims, [RALLY, PRESS])
    assert not verdict.supported


def test_the_same_claim_about_the_right_person_is_supported(checker: ClaimChecker) -> None:
    question = "Where did Dmitri Halloran call for the mayor to resign?"
    claims = split_claims("Halloran addressed a rally in Harbour Square [1].")
    (verdict,) = checker.run(question, claims, [RALLY, PRESS])
    assert verdict.supported and verdict.cited == (1,)


STRIKE_PAGE = ("Nurses walk out at three Harlow Valley hospitals over pay", "Harlow Valley Gazette", "2025-02-03")
WORST_HIT = sentence(
    "400_nurses_strike.txt",
    "St Brendan's Hospital in Corrin was the worst affected: it postponed 260 planned operations.",
    folder=DEV2,
    header=STRIKE_PAGE,
)
TALKS = sentence(
    "400_nurses_strike.txt",
    "Its chair, Hamid Esfahani, called on both sides to return to talks.",
    folder=DEV2,
    header=STRIKE_PAGE,
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # no sentence says "located": the one that names Corrin is about the hospital, as the claim is
        ("St Brendan's Hospital is located in Corrin [1].", True),
        ("Hamid Esfahani is located in Corrin [1][2].", False),
    ],
)
def test_who_or_where_a_claim_says_its_subject_is_in_words_no_sentence_uses_is_read_from_the_names_it_gives(
    checker: ClaimChecker, claim: str, supported: bool
) -> None:
    (verdict,) = checker.run("Where is St Brendan's Hospital?", split_claims(claim), [WORST_HIT, TALKS])
    assert verdict.supported is supported


ASSURED = sentence(
    "003_01054b65efa5ce0e.txt",
    "Ukrainian President Volodymyr Zelensky said he spoke to Lukashenko for the first time in two years on Sunday"
    " night, and was assured that “troops from Belarus will not go to Ukraine”.",
    folder=SEEDS,
    header=("Belarus set to join Russian invasion of Ukraine", "", ""),
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # Zelensky was the one assured: the claim turns him into the one assuring
        ('Zelensky assured Lukashenko that "troops from Belarus will not go to Ukraine" [1].', False),
        ('Lukashenko assured Zelensky that "troops from Belarus will not go to Ukraine" [1].', True),
        ('Zelensky said he was assured that "troops from Belarus will not go to Ukraine" [1].', True),
    ],
)
def test_what_was_done_to_someone_is_not_served_as_done_by_them(
    checker: ClaimChecker, claim: str, supported: bool
) -> None:
    (verdict,) = checker.run("What did Zelensky say Lukashenko assured him?", split_claims(claim), [ASSURED])
    assert verdict.supported is supported


def test_a_name_only_inside_a_quote_is_not_who_says_it(checker: ClaimChecker) -> None:
    official = sentence(
        "003_01054b65efa5ce0e.txt",
        "“It’s very clear Minsk is now an extension of the Kremlin”, the official added.",
        folder=SEEDS,
        header=("Belarus set to join Russian invasion of Ukraine", "BLiTZ", "unknown"),
    )
    question = "What did the Kremlin say about Minsk?"
    (wrong,) = checker.run(
        question, split_claims("The Kremlin said Minsk is now an extension of the Kremlin [1]."), [official]
    )
    assert not wrong.supported
    (right,) = checker.run(
        question, split_claims("An official said Minsk is now an extension of the Kremlin [1]."), [official]
    )
    assert right.supported


def test_a_pronoun_is_resolved_to_the_sentence_before(checker: ClaimChecker) -> None:
    question = "What did Varga say about the barrier when it opened?"
    claims = split_claims("Varga said the barrier was the most important thing the city has done in fifty years [1].")
    resolved = sentence(OPENS, STATEMENT, context="Varga did not attend the ceremony.")
    (verdict,) = checker.run(question, claims, [resolved])
    assert verdict.supported
    unresolved = sentence(OPENS, STATEMENT)
    (verdict,) = checker.run(question, claims, [unresolved])
    assert not verdict.supported, "the question naming Varga is no evidence that the quote is hers"


FIRM = sentence(
    HALTED,
    "Ostrava Marine, the firm building the barrier, blamed two winters of storms that destroyed temporary dams and "
    "delayed deliveries of steel.",
)
AUDITOR = sentence(
    HALTED,
    "The city auditor, Petra Sunnell, gave a different account: she said the firm had underbid for the contract and "
    "had known from the start that the price was unrealistic.",
)


def test_one_speakers_words_are_not_folded_into_anothers_mouth(checker: ClaimChecker) -> None:
    question = "Why did the cost of the barrier rise?"
    stitched = split_claims(  # what the bundled model once wrote from these two sentences
        "Ostrava Marine, the firm building the barrier, blamed this on underbid for the contract and knew from the "
        "start that the price was unrealistic [1][2]."
    )
    (verdict,) = checker.run(question, stitched, [FIRM, AUDITOR])
    assert not verdict.supported
    both = split_claims(
        "Ostrava Marine blamed storms, while the auditor Petra Sunnell said the firm had underbid [1][2]."
    )
    (verdict,) = checker.run(question, both, [FIRM, AUDITOR])
    assert verdict.supported, "a claim that names both speakers may cite both"


def test_two_speakers_are_not_given_one_statement_when_only_one_of_them_speaks(checker: ClaimChecker) -> None:
    """The auditor said the firm had underbid; no sentence shown has the firm say anything ("the firm" stands in the
    auditor's sentence only as whom she spoke of)."""
    question = "What did the firm and the auditor say about the contract?"
    claim = "The firm and the auditor said the firm had underbid for the contract [1]."
    (joint,) = checker.run(question, split_claims(claim), [AUDITOR, RALLY])
    assert not joint.supported
    (one,) = checker.run(
        question, split_claims("The auditor said the firm had underbid for the contract [1]."), [AUDITOR, RALLY]
    )
    assert one.supported


def test_a_role_another_holds_is_not_given_to_the_one_asked_about(checker: ClaimChecker, tmp_path: Path) -> None:
    """What the bundled model once answered to "Who is Piet Moraal?", from a sentence about him and one about the
    port's former director, Anselm Vree (an invented court report)."""
    moraal = "Piet Moraal, who was charged separately, pleaded guilty last year and was given a suspended sentence."
    vree = "Anselm Vree, the former director of Calder Bay port, was jailed for four years on Tuesday."
    (tmp_path / "901_verdict.txt").write_text(f"{vree}\n\n{moraal}\n", encoding="utf-8")
    header = ("Anselm Vree jailed for four years over port fraud", "The Calder Bay Gazette", "2026-04-14")
    sources = [sentence("901_verdict.txt", text, folder=tmp_path, header=header) for text in (vree, moraal)]
    stolen = (
        "Piet Moraal is the former director of Calder Bay port who was charged separately and pleaded guilty [1][2]."
    )
    (verdict,) = checker.run("Who is Piet Moraal?", split_claims(stolen), sources)
    assert not verdict.supported
    (verdict,) = checker.run(
        "Who is Anselm Vree?", split_claims("Anselm Vree is the former director of Calder Bay port [1]."), sources
    )
    assert verdict.supported, "the role is his"


def test_who_did_a_thing_is_not_stitched_from_a_sentence_about_doing_it_to_another(
    checker: ClaimChecker, tmp_path: Path
) -> None:
    """What the bundled model once answered to "Who founded Corvex Cells?", which an invented report cannot answer:
    it says who founded Quillon, and elsewhere names Corvex Cells as Quillon's supplier."""
    supplier = "Chief executive Hanne Solberg said the fault lay in a battery pack supplied by Corvex Cells."
    founded = "Quillon was founded in 2014 by Solberg and the engineer Ravi Menon in Aldermoor."
    (tmp_path / "1200_recall.txt").write_text(f"{supplier}\n\n{founded}\n", encoding="utf-8")
    header = ("Quillon Robotics recalls 2,600 warehouse robots", "Brackwater Business Journal", "2025-10-09")
    sources = [sentence("1200_recall.txt", text, folder=tmp_path, header=header) for text in (supplier, founded)]
    stitched = "Hanne Solberg founded Corvex Cells in 2014 with Ravi Menon [1][2]."
    (verdict,) = checker.run("Who founded Corvex Cells?", split_claims(stitched), sources)
    assert not verdict.supported
    (verdict,) = checker.run(
        "Who founded Quillon?", split_claims("Quillon was founded in 2014 by Solberg and Ravi Menon [2]."), sources
    )
    assert verdict.supported


def test_a_figure_traced_across_articles_cites_each_article(checker: ClaimChecker) -> None:
    planned = sentence("100_marrow_bay_referendum.txt", "The barrier is expected to cost 340 million crowns")
    halted = sentence(HALTED, "the projected cost rose to 512 million crowns.")
    final = sentence(OPENS, "The final cost of the barrier was 561 million crowns")
    question = "How did the cost of the barrier change over time?"
    claims = split_claims("The cost rose from 340 million crowns to 512 million crowns and then to 561 million crowns.")
    (verdict,) = checker.run(question, claims, [planned, halted, final, RALLY])
    assert verdict.supported and verdict.cited == (1, 2, 3)
    invented = split_claims("The cost rose from 340 million crowns to 612 million crowns.")
    (verdict,) = checker.run(question, invented, [planned, halted, final, RALLY])
    assert not verdict.supported


def _served(text: str, quote: SourceSentence) -> Answer:
    citation = Citation(
        id=1,
        source=quote.source,
        start=quote.start,
        end=quote.end,
        quote=quote.text,
        title=quote.title,
        published=quote.published,
    )
    verdict = SentenceVerdict(text=text, citations=[1], supported=True, score=1.0)
    return Answer(
        answer=text, refused=False, citations=[citation], sentences=[verdict], grounded=1.0, model="m", timings_ms={}
    )


def test_the_eval_flags_a_served_sentence_whose_quote_is_about_someone_else() -> None:
    texts = {HALTED: (ARTICLES / HALTED).read_text(encoding="utf-8"), OPENS: (ARTICLES / OPENS).read_text("utf-8")}
    assert unattributed_sentences(_served("Varga spoke at a rally in Harbour Square.", RALLY), texts)
    assert not unattributed_sentences(_served("Halloran spoke at a rally in Harbour Square.", RALLY), texts)
    pronoun = _served("Varga called it the most important thing in fifty years.", sentence(OPENS, STATEMENT))
    assert not unattributed_sentences(pronoun, texts)
    # a sentence's first word is no surname for being capitalised
    assert not unattributed_sentences(_served("People addressed a rally in Harbour Square.", RALLY), texts)
    assert unattributed_sentences(_served("Varga addressed a rally in Harbour Square.", RALLY), texts)


HOLDOUT = Path(__file__).resolve().parents[1] / "evals" / "holdout_articles"
WARD = "201_ostry_ward.txt"


def ward_sentence(text: str) -> SourceSentence:
    return sentence(
        WARD, text, folder=HOLDOUT, header=("Ostry maternity ward to close in spring", "Velden Courier", "2025-02-03")
    )


HOLM = ward_sentence(
    "The trust's new chair, Greta Holm, said the ward could no longer be staffed safely after six midwives left last "
    "year."
)
MARSH = ward_sentence(
    "Pia Marsh of the nurses' union rejected that account and said the closure was about cutting costs."
)


def test_a_statement_the_question_gives_is_not_made_the_speakers_by_naming_them(checker: ClaimChecker) -> None:
    question = "Who said the closure was about cutting costs?"
    claims = split_claims("The trust's new chair Greta Holm said the closure was about cutting costs [1].")
    (verdict,) = checker.run(question, claims, [HOLM])
    assert not verdict.supported, "Holm's sentence names her but does not say what the claim has her say"
    (verdict,) = checker.run(question, split_claims("Pia Marsh said the closure was about cutting costs [1]."), [MARSH])
    assert verdict.supported


def test_a_speaker_introduced_by_a_long_apposition_is_still_the_subject(checker: ClaimChecker) -> None:
    question = "What did Greta Holm say about the ward?"
    claims = split_claims(
        "Greta Holm, the trust's new chair and the successor of the previous chair of the regional board, said the "
        "closure was about cutting costs [1][2]."
    )
    (verdict,) = checker.run(question, claims, [HOLM, MARSH])
    assert not verdict.supported, "Marsh's words are not Holm's because a sentence about Holm is cited beside them"


def test_the_eval_flags_a_speaker_named_in_one_quote_and_the_words_in_another() -> None:
    texts = {WARD: (HOLDOUT / WARD).read_text(encoding="utf-8")}
    answer = _served("Greta Holm said the closure was about cutting costs.", HOLM)
    assert unattributed_sentences(answer, texts)
    two = answer.model_copy(
        update={
            "citations": [*answer.citations, answer.citations[0].model_copy(update={"id": 2, "quote": MARSH.text})],
            "sentences": [answer.sentences[0].model_copy(update={"citations": [1, 2]})],
        }
    )
    assert unattributed_sentences(two, texts)
    assert not unattributed_sentences(_served("Pia Marsh said the closure was about cutting costs.", MARSH), texts)


REFERENDUM = "100_marrow_bay_referendum.txt"


def test_who_did_what_the_question_asks_is_read_from_the_sentence_that_tells_it(checker: ClaimChecker) -> None:
    varga = sentence(
        REFERENDUM,
        'Mayor Ilse Varga, who has led the city since 2017, called the result "a promise to every family that has '
        'bailed water out of its kitchen".',
    )
    halloran = sentence(
        REFERENDUM,
        'Councillor Dmitri Halloran, who led the campaign against the plan, said the estimate was "a fairy tale" and '
        "warned that the city would be paying for it for decades.",
    )
    question = "Who led the campaign against the barrier plan?"
    (verdict,) = checker.run(
        question, split_claims("Mayor Ilse Varga led the campaign against the plan [1]."), [varga, halloran]
    )
    assert not verdict.supported, "Varga's sentence says she led the city, Halloran's who led the campaign"
    (verdict,) = checker.run(
        question, split_claims("Dmitri Halloran led the campaign against the plan [2]."), [varga, halloran]
    )
    assert verdict.supported


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The trust's new chair is Greta Holm [1].", True),
        ("Greta Holm is the chief executive of Velden and Ostry Health [1].", False),
        ("The chief executive of the trust is Greta Holm [1].", False),
        ("The chief executive of the trust is Greta Holm, who said the ward could not be staffed safely [1].", False),
    ],
)
def test_who_a_claim_says_someone_is_must_be_what_their_sentence_calls_them(
    checker: ClaimChecker, claim: str, supported: bool
) -> None:
    (verdict,) = checker.run("Who runs the hospital trust?", split_claims(claim), [HOLM])
    assert verdict.supported is supported


BYLINE = sentence(
    "100_marrow_bay_referendum.txt",
    "By Anneli Rask",
    header=("Marrow Bay voters back Kestrel Point tidal barrier", "The Coastal Ledger", "2021-03-14"),
)


def test_a_byline_supports_who_wrote_the_article_but_a_sentence_ending_at_its_marker_says_nothing(
    checker: ClaimChecker,
) -> None:
    question = "Who wrote the article about the Marrow Bay referendum?"
    (named,) = checker.run(question, split_claims("The article was written by Anneli Rask [1]."), [BYLINE, RALLY])
    assert named.supported and named.cited == (1,)
    (unfinished,) = checker.run(question, split_claims("The article was written by [1]."), [BYLINE, RALLY])
    assert not unfinished.supported
    # a byline says who wrote the article under its headline, and nothing of what its writer did elsewhere
    (covered,) = checker.run(question, split_claims("The referendum was covered by Anneli Rask [1]."), [BYLINE])
    assert covered.supported
    (spoke,) = checker.run(question, split_claims("Anneli Rask addressed a rally in Harbour Square [1]."), [BYLINE])
    assert not spoke.supported


DATELINE = sentence(
    "100_marrow_bay_referendum.txt",
    "March 14, 2021",
    header=("Marrow Bay voters back Kestrel Point tidal barrier", "The Coastal Ledger", "2021-03-14"),
)


def test_a_dateline_supports_when_the_article_was_published_and_no_other_date(checker: ClaimChecker) -> None:
    question = "When was the article about the Marrow Bay referendum published?"
    (published,) = checker.run(question, split_claims("The article was published on 14 March 2021 [1]."), [DATELINE])
    assert published.supported and published.cited == (1,)
    (other_day,) = checker.run(question, split_claims("The article was published on 15 March 2021 [1]."), [DATELINE])
    assert not other_day.supported
    # nor is it the date of another article
    (strike,) = checker.run(
        "When was the article about the fishers' protest against the harbour ban published?",
        split_claims(
            "The article about the fishers' protest against the harbour ban was published on 14 March 2021 [1]."
        ),
        [DATELINE],
    )
    assert not strike.supported
    # nor does it join a sentence of another article to date that one
    protest = sentence(
        "103_fishers_protest.txt",
        "Members of the Marrow Bay Fishers' Association blocked the harbour entrance with 60 boats on Monday in protest"
        " against the tidal barrier.",
        header=("Fishers say barrier has emptied the bay", "HARBOUR NOTES", "unknown"),
    )
    (joined,) = checker.run(
        "When was the article about the fishers' protest published?",
        split_claims("The article about the fishers' protest was published on 14 March 2021 [1][2]."),
        [DATELINE, protest],
    )
    assert not joined.supported
    # the page's date is when the article came out, not when what it reports happened
    (voted,) = checker.run(
        question, split_claims("Anneli Rask voted against the barrier on 14 March 2021 [1]."), [DATELINE]
    )
    assert not voted.supported


def test_a_credit_supports_who_published_the_article_and_nothing_else_of_them(checker: ClaimChecker) -> None:
    credit = replace(DATELINE, text="The Coastal Ledger", start=0, end=0)  # the checker reads the text, not the file
    question = "Which newspaper reported the Marrow Bay referendum?"
    (ran,) = checker.run(question, split_claims("The Coastal Ledger reported it [1]."), [credit])
    assert ran.supported
    (other,) = checker.run(question, split_claims("The Harbour Gazette published the article [1]."), [credit])
    assert not other.supported
    (campaign,) = checker.run(
        question, split_claims("The Coastal Ledger campaigned against the barrier [1]."), [credit]
    )
    assert not campaign.supported


def test_a_credit_or_byline_supports_who_reported_what_its_article_tells_though_its_headline_words_it_otherwise(
    checker: ClaimChecker,
) -> None:
    """The headline says the barrier work was halted; the article's shown sentence tells of Halloran's rally. Its
    credit supports that the paper reported the rally, and its byline that the writer did; neither makes the rally's
    words the writer's own."""
    credit = replace(RALLY, text="The Coastal Ledger", start=0, end=0)  # the checker reads the text, not the file
    byline = replace(RALLY, text="By Jonas Ekberg", start=0, end=0)
    question = "Which newspaper reported the rally calling for the mayor to resign?"
    (ran,) = checker.run(
        question,
        split_claims("The Coastal Ledger reported the rally calling for the mayor to resign [1]."),
        [credit, RALLY],
    )
    assert ran.supported and ran.cited == (1,)
    (wrote,) = checker.run(
        "Who wrote about the rally calling for the mayor to resign?",
        split_claims("Jonas Ekberg wrote about the rally calling for the mayor to resign [1][2]."),
        [byline, RALLY],
    )
    assert wrote.supported
    (said,) = checker.run(
        "What did Jonas Ekberg say about the mayor?",
        split_claims("Jonas Ekberg called for the mayor to resign [1][2]."),
        [byline, RALLY],
    )
    assert not said.supported
    (acted,) = checker.run(
        "What happened in Harbour Square?",
        split_claims("Jonas Ekberg addressed a rally of about 3,000 people in Harbour Square [1][2]."),
        [byline, RALLY],
    )
    assert not acted.supported


def test_a_date_for_one_thing_is_no_date_for_what_the_question_asks_about(checker: ClaimChecker) -> None:
    question = "When will the joint study of the herring stocks be finished?"
    finished = sentence(
        "100_marrow_bay_referendum.txt",
        "The barrier is expected to cost 340 million crowns and to be finished by the end of 2023.",
        header=("Marrow Bay voters back Kestrel Point tidal barrier", "The Coastal Ledger", "2021-03-14"),
    )
    claims = split_claims("The joint study of the herring stocks will be finished by the end of 2023 [1].")
    (verdict,) = checker.run(question, claims, [replace(finished, score=-9.2)])  # as the cross-encoder rated it
    assert not verdict.supported
    (barrier,) = checker.run(
        "When will the barrier be finished?",
        split_claims("The barrier will be finished by the end of 2023 [1]."),
        [finished],
    )
    assert barrier.supported


SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_d2a25c7ec89bae19.txt"


def test_an_accusation_is_not_served_with_its_accuser_among_the_accused(checker: ClaimChecker) -> None:
    """The local model's answer, as it gave it: the sentence it cites blames no one, though with the others shown,
    its headline and its publisher ("West Timelines") it holds every name and most words of the claim; the sentence
    that does blame has Russian officials accuse Ukraine and the West, which "blamed on Russia" turns round."""
    text = SEED.read_text(encoding="utf-8")
    title = "Lukashenko Claims He Assisted Russia in Preventing Concert Gunmen From Escaping to Belarus"
    header = (title, "West Timelines", "2024-03-26")
    shown = [
        sentence(SEED.name, _first_sentence(text, opening), folder=SEED.parent, header=header)
        for opening in ("Russian security officials accused", "The Islamic State’s affiliate", "Lukashenko agreed to")
    ]
    question = "Who was blamed for the Crocus City Hall attack?"
    swapped = split_claims(
        "The Crocus City Hall attack was blamed on Russia and the West, with the Islamic State's affiliate ISIS-K"
        " claiming responsibility [2]."
    )
    (verdict,) = checker.run(question, swapped, shown)
    assert not verdict.supported
    faithful = split_claims("Russian security officials blamed Ukraine and the West for the attack [1].")
    (verdict,) = checker.run(question, faithful, shown)
    assert verdict.supported


def _first_sentence(text: str, opening: str) -> str:
    return text[text.index(opening) :].split(". ", maxsplit=1)[0] + "."


def test_who_did_what_is_asked_is_whom_the_sentences_have_do_it(checker: ClaimChecker) -> None:
    """The local model's "Lukashenko claimed responsibility…", from sentences in which critics claim and Lukashenko
    helps: every word of the claim stands in them but its verb is not his. The group that did claim it is backed."""
    text = SEED.read_text(encoding="utf-8")
    title = "Lukashenko Claims He Assisted Russia in Preventing Concert Gunmen From Escaping to Belarus"
    header = (title, "West Timelines", "2024-03-26")
    openings = ("Belarusian President Alexander Lukashenko assisted", "Lukashenko agreed to", "The Islamic State’s")
    shown = [sentence(SEED.name, _first_sentence(text, o), folder=SEED.parent, header=header) for o in openings]
    question = "Who claimed responsibility for the Crocus City Hall attack?"
    (verdict,) = checker.run(question, split_claims("Lukashenko claimed responsibility for the attack [1][2]."), shown)
    assert not verdict.supported
    (verdict,) = checker.run(question, split_claims("ISIS-K claimed responsibility for the attack [3]."), shown)
    assert verdict.supported and verdict.cited == (3,)


DEAL = "401_nurses_deal.txt"
DEAL_HEADER = ("Harlow nurses accept 6.5 percent deal, ending two-month dispute", "The Corrin Courier", "2025-03-28")
DEV2 = Path(__file__).resolve().parents[1] / "evals" / "dev2_articles"
MEDIATOR = (
    "The regional government, which had refused to intervene in February, appointed a mediator, former judge "
    "Anneliese Strom, on 10 March."
)
TALLIS = sentence(
    DEAL,
    "Marguerite Tallis, the association's general secretary, said the agreement was \"not everything we asked for, "
    'but a real step".',
    folder=DEV2,
    header=DEAL_HEADER,
)
CREDITED = sentence(
    DEAL, "Both sides credited her with the agreement.", context=MEDIATOR, folder=DEV2, header=DEAL_HEADER
)


def test_a_name_put_in_place_of_a_pronoun_must_be_whom_it_stands_for(checker: ClaimChecker) -> None:
    question = "Who did both sides credit with the agreement?"
    # as the cross-encoder rates them for this question: Tallis's sentence reads as no answer
    tallis, credited = replace(TALLIS, score=-4.98), replace(CREDITED, score=6.17)
    wrong = split_claims("Both sides credited Marguerite Tallis with the agreement [1][2].")
    (verdict,) = checker.run(question, wrong, [tallis, credited])
    assert not verdict.supported, "the article's 'her' is the mediator named the sentence before"
    mediator = sentence(DEAL, MEDIATOR, folder=DEV2, header=DEAL_HEADER)
    right = split_claims("Both sides credited Anneliese Strom, the mediator, with the agreement [1][2].")
    (verdict,) = checker.run(question, right, [replace(mediator, score=-3.0), credited])
    assert verdict.supported
