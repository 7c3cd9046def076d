from pathlib import Path

import pytest

from ingest.chunking import build_chunks, split_sentences
from ingest.clean import clean_article

pytestmark = pytest.mark.unit


def test_every_chunk_and_sentence_is_the_files_exact_text(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_bytes().decode("utf-8")
        chunks = build_chunks(path.name, text, clean_article(text).paragraphs)
        assert chunks
        for chunk in chunks:
            assert text[chunk.start : chunk.end] == chunk.text
            assert chunk.sentences[0][0] == chunk.start and chunk.sentences[-1][1] == chunk.end
            for start, end in chunk.sentences:
                sentence = text[start:end]
                assert sentence == sentence.strip() and sentence


def test_sentences_are_split_at_sentence_boundaries_not_abbreviations() -> None:
    text = "Mr. Smith flew to St. Petersburg on Jan. 5. Then 65.2 percent voted. Done!"
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith flew to St. Petersburg on Jan. 5.",
        "Then 65.2 percent voted.",
        "Done!",
    ]


def test_long_paragraphs_split_only_between_sentences() -> None:
    sentence = "The committee met again today to discuss the budget. "
    text = sentence * 30
    chunks = build_chunks("key", text, ((0, len(text.rstrip())),), max_chars=200)
    assert len(chunks) > 1
    assert all(len(c.text) <= 200 and c.text.endswith(".") for c in chunks)


def test_chunk_ids_follow_content() -> None:
    text = "First sentence here. Second sentence here."
    paragraphs = ((0, len(text)),)
    assert [c.id for c in build_chunks("a", text, paragraphs)] == [c.id for c in build_chunks("a", text, paragraphs)]
    assert [c.id for c in build_chunks("a", text, paragraphs)] != [c.id for c in build_chunks("b", text, paragraphs)]


def test_a_sentence_wrapped_over_two_lines_is_one_sentence() -> None:
    """A hard-wrapped paragraph's line break ends no sentence; each span is the file's exact text, break and all."""
    text = "The headline act, The Marram Sisters, played to a packed field on\nSaturday night. Tickets sold out.\n"
    spans = split_sentences(text, 0, len(text) - 1)
    assert [text[start:end] for start, end in spans] == [
        "The headline act, The Marram Sisters, played to a packed field on\nSaturday night.",
        "Tickets sold out.",
    ]
