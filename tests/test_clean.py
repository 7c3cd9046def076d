from pathlib import Path

import pytest

from ingest.clean import UNKNOWN, clean_article, find_date

pytestmark = pytest.mark.unit


def load(seeds: Path, name: str) -> str:
    return (seeds / name).read_bytes().decode("utf-8")


def body_text(text: str) -> str:
    return "\n".join(text[s:e] for s, e in clean_article(text).paragraphs)


@pytest.mark.parametrize(
    "name",
    ["000_d2a25c7ec89bae19.txt", "002_d3a83041cccd83b2.txt", "003_01054b65efa5ce0e.txt", "004_f2c2a30e7610bf0b.txt"],
)
def test_site_boilerplate_is_not_part_of_the_body(seeds: Path, name: str) -> None:
    body = body_text(load(seeds, name))
    for junk in ("Trending Now", "Facebook", "cookies", "ad blocker", "Leave a Reply", "Click to comment", "3min"):
        assert junk not in body


def test_body_keeps_every_article_paragraph(seeds: Path) -> None:
    body = body_text(load(seeds, "000_d2a25c7ec89bae19.txt"))
    assert "camouflaged gunmen killed at least 139 people" in body
    assert body.startswith("Belarusian President Alexander Lukashenko assisted")
    assert body.endswith("safety and security of their respective populations.")


def test_paragraph_offsets_are_exact_lines_of_the_file(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        text = load(seeds, path.name)
        lines = {line.strip() for line in text.splitlines()}
        for start, end in clean_article(text).paragraphs:
            assert text[start:end] in lines


@pytest.mark.parametrize(
    ("name", "title", "published"),
    [
        (
            "000_d2a25c7ec89bae19.txt",
            "Lukashenko Claims He Assisted Russia in Preventing Concert Gunmen From Escaping to Belarus",
            "2024-03-26",
        ),
        (
            "002_d3a83041cccd83b2.txt",
            "Russia offers statement of military support to Belarus’ embattled leader",
            "2020-08-17",
        ),
        (
            "004_f2c2a30e7610bf0b.txt",
            "Putin and Lukashenko meet for the first time since the Wagner Movement",
            "2023-07-23",
        ),
        ("003_01054b65efa5ce0e.txt", "Belarus set to join Russian invasion of Ukraine", UNKNOWN),
    ],
)
def test_title_and_publication_date(seeds: Path, name: str, title: str, published: str) -> None:
    article = clean_article(load(seeds, name))
    assert (article.title, article.published) == (title, published)


def test_a_masthead_date_is_not_taken_for_the_publication_date(seeds: Path) -> None:
    # 001 is a 2020 story on a page whose masthead shows the day it was saved (April 19th, 2024).
    assert clean_article(load(seeds, "001_a9a13361e273754c.txt")).published == UNKNOWN


def test_publisher_from_copyright_and_credit_lines(seeds: Path) -> None:
    assert clean_article(load(seeds, "000_d2a25c7ec89bae19.txt")).publisher == "West Timelines"
    assert clean_article(load(seeds, "003_01054b65efa5ce0e.txt")).publisher == "BLiTZ"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 26, 2024No Comments", "2024-03-26"),
        ("2023-07-23 | 06:12", "2023-07-23"),
        ("Friday, April 19th, 2024", "2024-04-19"),
        ("on 5 Sept. 2021", "2021-09-05"),
        ("no date here 2024", None),
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


def test_empty_and_menu_only_pages_have_no_body() -> None:
    assert clean_article("").paragraphs == ()
    assert clean_article("Home\nNews\n  • World\nSubscribe\n").paragraphs == ()


def test_the_title_is_the_headline_not_the_byline_or_the_menu() -> None:
    page = (
        "Harlow Valley Gazette\nHome | News | Health | Sport | Opinion\n\n"
        "Nurses walk out at three hospitals over pay\n\nBy Priya Okonjo, Health Reporter\nPublished 3 February 2025\n\n"
        "About 3,400 nurses walked out of three hospitals in the valley on Monday, the first strike in thirty years.\n"
    )
    article = clean_article(page)
    assert (article.title, article.published) == ("Nurses walk out at three hospitals over pay", "2025-02-03")


def test_a_named_byline_is_kept_as_a_citeable_paragraph_but_not_a_heading_or_a_sentence_of_prose() -> None:
    page = (
        "Harlow Valley Gazette\n\nNurses walk out at three hospitals over pay\n\nBy Priya Okonjo, Health Reporter\n"
        "Published 3 February 2025\n\n"
        "About 3,400 nurses walked out of three hospitals in the valley on Monday, the first strike in thirty years.\n"
        "By the numbers\nReporting by Keld Amsel; Editing by Rosa Fint\n"
    )
    kept = body_text(page).splitlines()
    assert kept[0] == "By Priya Okonjo, Health Reporter"
    assert kept[-1] == "Reporting by Keld Amsel; Editing by Rosa Fint"
    assert "By the numbers" not in kept
    assert clean_article(page).title == "Nurses walk out at three hospitals over pay"
