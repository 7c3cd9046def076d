"""A figure in a claim must be the figure its sentence gives: a sum of money is not a tonnage."""

from pathlib import Path

import pytest

from service.engine.claims import split_claims
from service.engine.lexicon import measures, money
from service.engine.verify import ClaimChecker
from tests.test_attribution import DEV2, STRIKE_PAGE, sentence

OUTPUT = sentence(
    "500_mine.txt",
    "The Drossel mine employs about 1,900 people and produced 84,000 tonnes of copper last year.",
    folder=DEV2,
    header=("Miners trapped after tunnel collapse at Drossel copper mine", "Northwire", "2024-06-09"),
)

SHAFT = sentence(
    "501_mine_rescue.txt",
    "Governor Tamsin Orlo thanked the army engineers who drilled a 60-metre rescue shaft.",
    folder=DEV2,
    header=("All eleven Drossel miners rescued after four days underground", "Northwire", "2024-06-13"),
)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "sums"),
    [
        ("Veska Metals got $84,000 for its copper.", {"84000"}),
        ("It produced 84,000 tonnes of copper.", set()),
        ("The barrier will cost 3.2 million euros.", {"3.2"}),
        ("A £2.4m grant and US$40 a head.", {"2.4", "40"}),
        ("Fares rose 12 percent to 40bn yuan.", {"40"}),
        ("The offer was EUR 7,000 a year.", {"7000"}),
    ],
)
def test_a_sum_of_money_is_told_from_other_figures(text: str, sums: set[str]) -> None:
    assert money(text) == sums


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The Drossel mine produced 84,000 tonnes of copper last year [1].", True),
        ("The Drossel mine produced $84,000 of copper last year [1].", False),
        ("The Drossel mine's copper sold for 84,000 euros last year [1].", False),
    ],
)
def test_a_sum_of_money_needs_a_sentence_that_gives_one(checker: ClaimChecker, claim: str, supported: bool) -> None:
    (verdict,) = checker.run("What did the Drossel mine produce last year?", split_claims(claim), [OUTPUT])
    assert verdict.supported is supported


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "alone", "joined"),
    [
        ("Nurses began a 48-hour strike on Tuesday.", set(), {("48", "hour")}),
        ("A five-day strike by 300 nurses.", {"300"}, {("5", "day")}),
        # an age is years old, or aged
        ("A 10-year-old boy and 2,000 people.", {"2000"}, {("10", "year"), ("10", "old"), ("10", "age")}),
        ("A 60-metre shaft.", set(), {("60", "meter")}),  # metre or meter
        ("COVID-19 cases rose to 5 on 2024-06-13.", {"19", "5", "2024", "06", "13"}, set()),
    ],
)
def test_a_number_joined_to_what_it_measures_is_told_from_one_on_its_own(
    text: str, alone: set[str], joined: set[tuple[str, str]]
) -> None:
    assert measures(text) == (alone, joined)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Army engineers drilled a 60-metre rescue shaft [1].", True),
        ("The rescue shaft the army engineers drilled was 60 metres long [1].", True),
        ("The army engineers drilled a rescue shaft 60 meters deep [1].", True),  # either spelling
        ("60 army engineers drilled the rescue shaft [1].", False),
    ],
)
def test_a_measure_is_no_count(checker: ClaimChecker, claim: str, supported: bool) -> None:
    (verdict,) = checker.run("Who drilled the rescue shaft?", split_claims(claim), [SHAFT])
    assert verdict.supported is supported


@pytest.mark.integration
def test_a_claim_cites_every_sentence_it_needs_for_its_figures(checker: ClaimChecker, tmp_path: Path) -> None:
    collapsed = "Talks between the nursing union and Fennmoor General Hospital collapsed on Wednesday."
    lasted = "They had lasted nine hours."
    (tmp_path / "2301_talks.txt").write_text(f"{collapsed} {lasted}\n", encoding="utf-8")
    header = ("Fennmoor strike talks break down", "Harrowgate Evening Post", "2026-03-12")
    sources = [sentence("2301_talks.txt", text, folder=tmp_path, header=header) for text in (collapsed, lasted)]
    claim = "Talks between the nursing union and the hospital collapsed on Wednesday after nine hours [1][2]."
    (verdict,) = checker.run("When did the talks break down?", split_claims(claim), sources)
    assert verdict.supported and verdict.cited == (1, 2)


HOSPITALS = sentence(
    "400_nurses_strike.txt",
    "About 3,400 nurses walked out of three hospitals in the Harlow Valley on Monday, the first strike by nurses in"
    " the region in more than thirty years.",
    folder=DEV2,
    header=STRIKE_PAGE,
)
STRIKES = sentence(
    "401_nurses_deal.txt",
    "Nurses in the Harlow Valley have voted to accept a pay rise of 6.5 percent, ending a dispute that saw two"
    " strikes since February.",
    folder=DEV2,
    header=("Harlow nurses accept 6.5 percent deal, ending two-month dispute", "The Corrin Courier", "2025-03-28"),
)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The nurses held two strikes [2].", True),
        # "three" counts hospitals there, and another shown sentence counts the strikes
        ("The nurses held three strikes in the Harlow Valley [1].", False),
    ],
)
def test_a_count_of_what_is_asked_is_a_figure_its_sentence_gives_as_that_count(
    checker: ClaimChecker, claim: str, supported: bool
) -> None:
    (verdict,) = checker.run("How many strikes did the nurses hold?", split_claims(claim), [HOSPITALS, STRIKES])
    assert verdict.supported is supported


@pytest.mark.integration
def test_a_count_in_other_words_stands_where_no_shown_sentence_counts_what_is_asked(checker: ClaimChecker) -> None:
    (verdict,) = checker.run(
        "How many strikers walked out?", split_claims("About 3,400 strikers walked out [1]."), [HOSPITALS]
    )
    assert verdict.supported
