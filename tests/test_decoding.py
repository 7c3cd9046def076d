import pytest

from ingest.decoding import UndecodableArticleError, decode_article

pytestmark = pytest.mark.unit

TEXT = "Café owners in Zürich said the “new rules” cost them €200 – a week.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_each_readable_encoding_gives_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_article(data)
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


def test_latin1_text_is_read() -> None:
    assert decode_article("Señor Müller, 45 años".encode("latin-1")).text == "Señor Müller, 45 años"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
        (bytes([0xC3, 0x28, 0x02, 0x41]), "control byte 0x02"),
        (b"caf\xe9 \x81 menu", "nor Windows-1252"),
        (b"\xff\xfe\x41", "not valid utf-16"),
    ],
)
def test_bytes_that_are_not_text_are_refused_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableArticleError, match=reason):
        decode_article(data)
