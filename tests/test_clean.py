import textwrap
from pathlib import Path

import pytest

from ingest.clean import UNKNOWN, clean_article, find_date, reads_as_byline, reads_as_dateline

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


@pytest.mark.parametrize("byline", ["Nadia Ferro, Business reporter", "Words: Ruth Abelard", "Author: Ilse Varga"])
def test_a_byline_without_by_is_the_byline_not_the_title(byline: str) -> None:
    page = (
        "Lenmark Herald\nHome > Business > Aviation\n\nSkyvale Air to cut 1,100 jobs as administrators sell routes\n\n"
        f"{byline}\nPublished: 2 September 2025\n\n"
        "The administrators of Skyvale Air said on Monday that 1,100 of the airline's staff would lose their jobs.\n"
    )
    article = clean_article(page)
    assert article.title == "Skyvale Air to cut 1,100 jobs as administrators sell routes"
    assert article.byline is not None and page[slice(*article.byline)] == byline
    assert article.byline in article.paragraphs


def test_a_line_naming_someone_and_a_role_in_the_story_is_no_byline() -> None:
    assert not reads_as_byline("Mara Quist, chief executive")
    assert not reads_as_byline("The editor, Rosa Fint, said the paper would appeal.")


BODY = "Eleven miners were trapped underground on Sunday after a tunnel collapsed at the copper mine.\n"


def test_the_dateline_under_the_headline_is_located_exactly_and_a_byline_beside_it_is_kept() -> None:
    page = (
        "THE CORRIN COURIER\nMenu  Search  Sign in\n\n"
        "Harlow nurses accept 6.5 percent deal, ending two-month dispute\n\n"
        "28 March 2025 | By Tomas Weil\n\n"
        "Nurses in the Harlow Valley have voted to accept a pay rise of 6.5 percent, ending a long dispute.\n"
    )
    article = clean_article(page)
    assert article.published == "2025-03-28"
    assert article.dateline is not None and page[slice(*article.dateline)] == "28 March 2025"
    assert reads_as_dateline(page[slice(*article.dateline)])
    assert article.byline is not None and page[slice(*article.byline)] == "By Tomas Weil"
    assert article.byline in article.paragraphs


def test_a_date_alone_just_above_the_headline_is_its_dateline() -> None:
    page = (
        "Northwire\nJune 13, 2024\n\nAll eleven Drossel miners rescued after four days underground\n\n"
        "DROSSEL, June 13 (Northwire) - Rescuers brought the last of eleven trapped miners up on Thursday.\n"
    )
    article = clean_article(page)
    assert (article.title, article.published) == (
        "All eleven Drossel miners rescued after four days underground",
        "2024-06-13",
    )
    assert article.dateline is not None and page[slice(*article.dateline)] == "June 13, 2024"


def test_an_undated_page_names_its_publisher_in_its_masthead() -> None:
    page = (
        "Saltmere Observer — Coast & Islands\n\nFerry operator Gull Line collapses, stranding island routes\n\n"
        "Gull Line, which ran ferries from Saltmere to the Orran islands for 48 years, went into administration.\n"
    )
    article = clean_article(page)
    assert (article.publisher, article.published) == ("Saltmere Observer — Coast & Islands", UNKNOWN)


def test_an_undated_page_is_read_under_the_line_opening_its_story_but_given_no_title() -> None:
    page = (
        "Saltmere Observer — Coast & Islands\n\nFerry operator Gull Line collapses, stranding island routes\n\n"
        "Gull Line, which ran ferries from Saltmere to the Orran islands for 48 years, went into administration.\n"
    )
    article = clean_article(page)
    assert (article.title, article.headline) == (UNKNOWN, "Ferry operator Gull Line collapses, stranding island routes")
    menu = (
        "HARBOUR NOTES\nHome  News  Boats  Contact\n\nFishers blocked the harbour with 60 boats on Monday in protest.\n"
    )
    assert clean_article(menu).headline == UNKNOWN
    dated = "Fishers block the harbour\nMarch 3, 2025\n\nFishers blocked the harbour with 60 boats on Monday.\n"
    assert clean_article(dated).headline == clean_article(dated).title == "Fishers block the harbour"


def test_a_masthead_date_is_no_dateline() -> None:
    page = (
        "Editor in Chief: Moh. Reza Huwaida Friday, April 19th, 2024\n\nPutin and Lukashenko meet in Minsk\n\n"
        "The two leaders met in Minsk on Saturday to talk about security, the Kremlin said in a statement.\n"
    )
    assert clean_article(page).dateline is None
    assert not reads_as_dateline("The vote was held on March 14, 2021.")


@pytest.mark.parametrize(
    ("page", "publisher"),
    [
        (
            "THE CORRIN COURIER\nMenu  Search\n\nNurses accept pay deal, ending two-month dispute\n\n" + BODY,
            "THE CORRIN COURIER",
        ),
        (
            "Menu\nWorld | Business\n\nMiners trapped after tunnel collapse\n\nDROSSEL, June 9 (Northwire) - " + BODY,
            "Northwire",
        ),
        ("General\n\nRussia offers statement of military support to Belarus\n\n" + BODY, UNKNOWN),
        # the masthead opening the menu line; a menu that opens with a section label names no publisher
        ("Lenmark Herald | News | Business | Sign in\n\nSkyvale Air halts all flights\n\n" + BODY, "Lenmark Herald"),
        ("Home | News | Business | Sign in\n\nSkyvale Air halts all flights\n\n" + BODY, UNKNOWN),
        ("Travel | Business\n\nSkyvale Air halts all flights\n\n" + BODY, UNKNOWN),
    ],
)
def test_the_publisher_is_read_from_the_masthead_or_a_wire_credit_and_located_exactly(
    page: str, publisher: str
) -> None:
    article = clean_article(page)
    assert article.publisher == publisher
    if publisher != UNKNOWN:
        assert article.credit is not None and page[slice(*article.credit)] == publisher


def test_a_one_line_paragraph_between_prose_is_kept_but_not_a_short_line_outside_the_story() -> None:
    """News gives a short fact a paragraph of its own; dropping it loses the answer ("offered 3.1 percent")."""
    page = (
        "Brenna dock workers strike over pay\n\nFebruary 2, 2025\n\n"
        "About 900 dock workers walked off the job at the port of Brenna on Monday.\n"
        "The port authority has offered 3.1 percent.\n"
        "He refused.\n"
        "The union said the strike would last a week and more walkouts would follow in April.\n"
        "Share this article.\n"
        "Comments are closed.\n"
    )
    article = clean_article(page)
    kept = [page[start:end] for start, end in article.paragraphs]
    assert "The port authority has offered 3.1 percent." in kept
    assert "He refused." in kept
    assert "Share this article." not in kept and "Comments are closed." not in kept


@pytest.mark.parametrize("width", [72, 80, 100])
@pytest.mark.parametrize("name", ["001_a9a13361e273754c.txt", "003_01054b65efa5ce0e.txt", "004_f2c2a30e7610bf0b.txt"])
def test_a_hard_wrapped_article_keeps_its_body_title_and_date(seeds: Path, name: str, width: int) -> None:
    """The same page wrapped at a fixed width, as plain-text archives are: no line of its story is lost (a line that
    stops mid-sentence is no prose on its own), and each paragraph is one span of the file, line breaks and all."""
    page = load(seeds, name)
    wrapped = "\n".join(
        textwrap.fill(line, width, break_on_hyphens=False) if len(line) > width else line for line in page.split("\n")
    )
    original, rewrapped = clean_article(page), clean_article(wrapped)
    assert (rewrapped.title, rewrapped.published, rewrapped.publisher) == (
        original.title,
        original.published,
        original.publisher,
    )
    assert " ".join(body_text(wrapped).split()) == " ".join(body_text(page).split())
    assert any("\n" in wrapped[start:end] for start, end in rewrapped.paragraphs)


def test_a_short_page_with_a_headline_over_its_first_line_is_not_read_as_wrapped() -> None:
    """Every line of this page is short, but none broke for want of room: the headline and each related link leave
    room for the next line's first word. Nothing is joined."""
    page = (
        "Harbour Gazette\nCouncil backs new harbour wall after winter storms\n"
        "The town council voted 9 to 2 on Monday to build a new harbour wall.\n\n"
        "Mayor Ana Roth said the wall would cost 4 million euros and take two years.\n\nRelated stories\n"
        "Storm damage bill rises to 2 million euros for the harbour\nFishing boats stay in port as gales hit\n"
    )
    paragraphs = [page[start:end] for start, end in clean_article(page).paragraphs]
    assert paragraphs == [
        "The town council voted 9 to 2 on Monday to build a new harbour wall.",
        "Mayor Ana Roth said the wall would cost 4 million euros and take two years.",
    ]
